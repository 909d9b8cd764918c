/* fuzz-xlsx.c — the XLSX reader, whole packages (zip, rels, workbook,
 * styles, shared strings, sheet)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-exchange-error.h"
#include "zb-import-mapping.h"
#include "zb-xlsx-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_xlsx_read_data ((const char *)data, size, NULL, &error);

  g_assert ((sheet == NULL) != (error == NULL));
  g_assert (error == NULL || error->domain == ZB_EXCHANGE_ERROR);
  if (sheet != NULL)
    {
      g_autoptr (ZbImportMapping) mapping = zb_import_mapping_new (sheet);

      g_assert (zb_import_mapping_get_header_row (mapping) < (int)zb_sheet_get_n_rows (sheet));

      for (guint row = 0; row < zb_sheet_get_n_rows (sheet); row++)
        {
          guint n = 0;
          const ZbCell *cells = zb_sheet_get_cells (sheet, row, &n);

          for (guint i = 0; i < n; i++)
            g_assert (cells[i].text != NULL);
        }
    }
  return 0;
}
