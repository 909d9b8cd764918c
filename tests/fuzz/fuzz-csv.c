/* fuzz-csv.c — the CSV reader, whole files (encoding, separators, quoting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-csv-reader.h"
#include "zb-import-mapping.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_csv_read_data ((const char *)data, size, NULL, &error);

  g_assert ((sheet == NULL) != (error == NULL));
  if (sheet != NULL)
    {
      /* what the importer does next: find the header, walk every cell */
      g_autoptr (ZbImportMapping) mapping = zb_import_mapping_new (sheet);

      g_assert (zb_import_mapping_get_header_row (mapping) < (int)zb_sheet_get_n_rows (sheet));

      for (guint row = 0; row < zb_sheet_get_n_rows (sheet); row++)
        {
          guint n = 0;
          const ZbCell *cells = zb_sheet_get_cells (sheet, row, &n);

          for (guint i = 0; i < n; i++)
            {
              g_assert (g_utf8_validate (cells[i].text, -1, NULL));
              g_assert (cells[i].column < zb_sheet_get_n_columns (sheet));
              g_assert (zb_sheet_get_cell (sheet, row, cells[i].column) == &cells[i]);
            }
        }
    }
  return 0;
}
