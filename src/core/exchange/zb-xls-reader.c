/* zb-xls-reader.c — reading the first sheet of an Excel 97–2003 workbook (.xls)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zb-exchange-error.h"
#include "zb-office-date.h"
#include "zb-sheet-private.h"
#include "zb-xls-reader.h"

/* Many offices still keep last year's roster as .xls. FreeXL (in Debian and
 * small enough to build as a Flatpak module) reads BIFF 2–8 workbooks: shared
 * and inline strings in the workbook's code page (GBK for files from Chinese
 * Windows) as UTF-8, numbers, and dates by their cell formats. */

static gboolean
set_unreadable_error (const char *path, int code, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_debug ("FreeXL could not read %s: %d", name, code);
  switch (code)
    {
    case FREEXL_INSUFFICIENT_MEMORY:
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
                   _ ("“%s” is too large to be read."), name);
      break;
    case FREEXL_INVALID_CHARACTER:
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING,
                   _ ("“%s” holds text in a character set that cannot be read. Please open it in "
                      "Excel or WPS and save it as .xlsx."),
                   name);
      break;
    default:
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
                   _ ("“%s” could not be read as an Excel workbook: it may be damaged or protected "
                      "with a password. Please open it in Excel or WPS and save it as .xlsx or "
                      ".csv."),
                   name);
      break;
    }
  return FALSE;
}

static gboolean
add_cell (ZbSheet *sheet, guint column, const FreeXL_CellValue *cell, GError **error)
{
  const char *stored;
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  GDate date;

  switch (cell->type)
    {
    case FREEXL_CELL_INT:
      g_snprintf (text, sizeof text, "%d", cell->value.int_value);
      stored = _zb_sheet_intern (sheet, text, -1);
      return _zb_sheet_add_cell (sheet, column, ZB_CELL_NUMBER, stored, cell->value.int_value,
                                 error);
    case FREEXL_CELL_DOUBLE:
      /* As Excel shows it: 15 significant digits, so that an ID number
       * stored as a number reads 1.10105194912310E+17 and is reported. */
      g_snprintf (text, sizeof text, "%.15G", cell->value.double_value);
      stored = _zb_sheet_intern (sheet, text, -1);
      return _zb_sheet_add_cell (sheet, column, ZB_CELL_NUMBER, stored, cell->value.double_value,
                                 error);
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
      {
        /* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS": the day is what a roster needs */
        g_autofree char *day = g_strndup (cell->value.text_value, 10);

        if (zb_office_date_parse (day, &date) == ZB_OFFICE_DATE_DAY)
          {
            stored = _zb_sheet_intern (sheet, day, -1);
            return _zb_sheet_add_cell (sheet, column, ZB_CELL_DATE, stored, 0, error);
          }
        return _zb_sheet_add_text (sheet, column, cell->value.text_value, -1, error);
      }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_TIME:
      if (cell->value.text_value == NULL || *cell->value.text_value == '\0')
        return TRUE;
      if (!g_utf8_validate (cell->value.text_value, -1, NULL))
        {
          g_set_error_literal (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING,
                               _ ("The workbook holds text in a character set that cannot be "
                                  "read. Please open it in Excel or WPS and save it as .xlsx."));
          return FALSE;
        }
      return _zb_sheet_add_text (sheet, column, cell->value.text_value, -1, error);
    case FREEXL_CELL_NULL:
    default:
      return TRUE;
    }
}

static gboolean
read_sheet (const void *handle, ZbSheet *sheet, const char *path, GCancellable *cancellable,
            GError **error)
{
  unsigned int n_rows = 0;
  unsigned short n_columns = 0;
  unsigned int mode = 0;
  int code;

  if (freexl_get_info (handle, FREEXL_BIFF_DATEMODE, &mode) == FREEXL_OK)
    _zb_sheet_set_date1904 (sheet, mode == FREEXL_BIFF_DATEMODE_1904);

  code = freexl_select_active_worksheet (handle, 0);
  if (code == FREEXL_OK)
    code = freexl_worksheet_dimensions (handle, &n_rows, &n_columns);
  if (code != FREEXL_OK)
    return set_unreadable_error (path, code, error);

  if (n_rows > ZB_SHEET_MAX_ROWS || n_columns > ZB_SHEET_MAX_COLUMNS)
    return set_unreadable_error (path, FREEXL_INSUFFICIENT_MEMORY, error);

  for (unsigned int row = 0; row < n_rows; row++)
    {
      if (row % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      _zb_sheet_begin_row (sheet, row + 1);
      for (unsigned short column = 0; column < n_columns; column++)
        {
          FreeXL_CellValue cell;

          code = freexl_get_cell_value (handle, row, column, &cell);
          if (code != FREEXL_OK)
            return set_unreadable_error (path, code, error);
          if (!add_cell (sheet, column, &cell, error))
            return FALSE;
        }
      if (!_zb_sheet_end_row (sheet, error))
        return FALSE;
    }
  return TRUE;
}

ZbSheet *
zb_xls_read_file (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (ZbSheet) sheet = NULL;
  const void *handle = NULL;
  unsigned int password = 0;
  GStatBuf st;
  int code;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) == 0 && (gsize)st.st_size > ZB_XLS_MAX_FILE_BYTES)
    return set_unreadable_error (path, FREEXL_INSUFFICIENT_MEMORY, error), NULL;

  code = freexl_open (path, &handle);
  if (code != FREEXL_OK)
    {
      if (handle != NULL)
        freexl_close (handle);
      return set_unreadable_error (path, code, error), NULL;
    }

  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK
      && password == FREEXL_BIFF_OBFUSCATED)
    {
      g_autofree char *name = g_filename_display_basename (path);

      freexl_close (handle);
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                   _ ("“%s” is protected with a password. Please open it in Excel or WPS, remove "
                      "the password and save it as .xlsx."),
                   name);
      return NULL;
    }

  sheet = _zb_sheet_new ("xls");
  if (!read_sheet (handle, sheet, path, cancellable, error))
    {
      freexl_close (handle);
      return NULL;
    }
  freexl_close (handle);
  return g_steal_pointer (&sheet);
}
