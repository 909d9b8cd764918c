/* fuzz-xls.c — the XLS reader (FreeXL behind it), whole workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "zb-exchange-error.h"
#include "zb-import-mapping.h"
#include "zb-xls-reader.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* FreeXL reads files only: each input is written to one temporary file. */
static char *
input_path (void)
{
  static char *path;

  if (path == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-xls-XXXXXX.xls", &path, NULL);

      g_assert (fd >= 0);
      close (fd);
    }
  return path;
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  const char *path = input_path ();

  g_assert (g_file_set_contents (path, (const char *)data, size, NULL));
  sheet = zb_xls_read_file (path, NULL, &error);
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
            g_assert (cells[i].text != NULL && g_utf8_validate (cells[i].text, -1, NULL));
        }
    }
  return 0;
}
