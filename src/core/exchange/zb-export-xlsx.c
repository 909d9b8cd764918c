/* zb-export-xlsx.c — writing the roster as an XLSX workbook (libxlsxwriter)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "zb-export-private.h"

typedef struct
{
  ZbExportWriter parent;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_format *text;
  lxw_format *date;
} XlsxWriter;

static gboolean
set_lxw_error (ZbExportWriter *writer, lxw_error rc, GError **error)
{
  g_debug ("libxlsxwriter: %s", lxw_strerror (rc));
  _zb_export_set_io_error (error, writer->path, lxw_strerror (rc));
  return FALSE;
}

gboolean
_zb_export_xlsx_parse_date (const char *text, lxw_datetime *dt)
{
  unsigned y, m, d;
  char end;

  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return FALSE;
  dt->year = (int)y;
  dt->month = (int)m;
  dt->day = (int)d;
  dt->hour = dt->min = 0;
  dt->sec = 0;
  return TRUE;
}

static gboolean
xlsx_write_row (ZbExportWriter *writer, const char *const *values, GError **error)
{
  XlsxWriter *self = (XlsxWriter *)writer;
  guint n_columns;
  const ZbExportColumn *columns = _zb_export_get_columns (&n_columns);
  lxw_row_t row = writer->row;

  for (guint i = 0; i < n_columns; i++)
    {
      lxw_col_t col = (lxw_col_t)i;
      lxw_datetime dt;
      lxw_error rc;

      if (values[i] == NULL || *values[i] == '\0')
        continue;

      if (row == 0)
        rc = worksheet_write_string (self->sheet, row, col, values[i], self->header);
      else if (columns[i].kind == ZB_EXPORT_CELL_DATE && _zb_export_xlsx_parse_date (values[i], &dt)
               && (dt.year > 1900 || (dt.year == 1900 && dt.month > 2)))
        rc = worksheet_write_datetime (self->sheet, row, col, &dt, self->date);
      else if (columns[i].kind == ZB_EXPORT_CELL_DATE)
        /* Excel has no dates before 1900 (and its 1900-02-29 never was):
         * libxlsxwriter would write a serial no program reads back the same */
        rc = worksheet_write_string (self->sheet, row, col, values[i], NULL);
      else if (columns[i].kind == ZB_EXPORT_CELL_DIGITS)
        rc = worksheet_write_string (self->sheet, row, col, values[i], self->text);
      else
        rc = worksheet_write_string (self->sheet, row, col, values[i], NULL);

      if (rc != LXW_NO_ERROR)
        return set_lxw_error (writer, rc, error);
    }

  writer->row++;
  return TRUE;
}

gboolean
_zb_export_sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      _zb_export_set_io_error (error, path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
xlsx_finish (ZbExportWriter *writer, GError **error)
{
  XlsxWriter *self = (XlsxWriter *)writer;
  lxw_error rc = workbook_close (self->workbook);

  self->workbook = NULL;
  if (rc != LXW_NO_ERROR)
    return set_lxw_error (writer, rc, error);
  return _zb_export_sync_file (writer->path, error);
}

static void
xlsx_free (ZbExportWriter *writer)
{
  XlsxWriter *self = (XlsxWriter *)writer;

  /* workbook_close also frees; a workbook never closed leaves an incomplete
   * temporary file that the caller removes */
  if (self->workbook != NULL)
    workbook_close (self->workbook);
  g_free (writer->path);
  g_free (self);
}

static const ZbExportWriterClass xlsx_class = { xlsx_write_row, xlsx_finish, xlsx_free };

ZbExportWriter *
_zb_export_xlsx_writer_new (const char *path, GError **error)
{
  /* constant memory: rows go to disk as they are written, so 100,000 members
   * cost what one row does; text is then written inline, not shared */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  XlsxWriter *self;
  guint n_columns;
  const ZbExportColumn *columns = _zb_export_get_columns (&n_columns);

  self = g_new0 (XlsxWriter, 1);
  self->parent.klass = &xlsx_class;
  self->parent.path = g_strdup (path);

  self->workbook = workbook_new_opt (path, &options);
  if (self->workbook == NULL)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      xlsx_free (&self->parent);
      return NULL;
    }

  /* the sheet's name is part of the document, Chinese like its headers */
  self->sheet = workbook_add_worksheet (self->workbook, "党员名册");
  self->header = workbook_add_format (self->workbook);
  format_set_bold (self->header);
  format_set_bg_color (self->header, 0xEDEDED);
  format_set_border (self->header, LXW_BORDER_THIN);
  self->text = workbook_add_format (self->workbook);
  format_set_num_format_index (self->text, 49); /* the built-in "@" */
  self->date = workbook_add_format (self->workbook);
  format_set_num_format (self->date, "yyyy-mm-dd");

  for (guint i = 0; i < n_columns; i++)
    worksheet_set_column (self->sheet, (lxw_col_t)i, (lxw_col_t)i, columns[i].width,
                          columns[i].kind == ZB_EXPORT_CELL_DIGITS ? self->text : NULL);
  worksheet_freeze_panes (self->sheet, 1, 0);

  return &self->parent;
}
