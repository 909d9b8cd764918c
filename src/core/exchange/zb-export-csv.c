/* zb-export-csv.c — writing the roster as CSV for Excel, WPS and LibreOffice
 * (the quoting, the BOM and the flush serve the talks' export too)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "zb-export-private.h"

/* Excel refuses formulas longer than this; a longer text that starts like a
 * formula is made harmless with a leading space instead (import trims it). */
#define MAX_FORMULA_TEXT 255

typedef struct
{
  ZbExportWriter parent;
  FILE *file;
  GString *line;
} CsvWriter;

/* Text a spreadsheet would run as a formula (CSV injection), or whose digits it
 * would turn into a number. */
static gboolean
starts_like_formula (const char *text)
{
  return text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';
}

static void
append_quoted (GString *line, const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
_zb_export_csv_append_field (GString *line, const char *text, ZbExportCellKind kind,
                             gboolean header)
{
  if (text == NULL || *text == '\0')
    return;

  if (!header && (kind == ZB_EXPORT_CELL_DIGITS || starts_like_formula (text)))
    {
      g_autoptr (GString) formula = g_string_new (NULL);

      if (strlen (text) <= MAX_FORMULA_TEXT)
        {
          g_string_append_c (formula, '=');
          append_quoted (formula, text);
        }
      else
        g_string_append_printf (formula, " %s", text);
      append_quoted (line, formula->str);
      /* The contents of talks pass through here: leave no copy behind. */
      explicit_bzero (formula->str, formula->len);
      return;
    }

  if (strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0])
      || g_ascii_isspace (text[strlen (text) - 1]))
    append_quoted (line, text);
  else
    g_string_append (line, text);
}

static gboolean
csv_write_row (ZbExportWriter *writer, const char *const *values, GError **error)
{
  CsvWriter *self = (CsvWriter *)writer;
  guint n_columns;
  const ZbExportColumn *columns = _zb_export_get_columns (&n_columns);

  g_string_truncate (self->line, 0);
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (self->line, ',');
      _zb_export_csv_append_field (self->line, values[i], columns[i].kind, writer->row == 0);
    }
  g_string_append (self->line, "\r\n");

  if (fwrite (self->line->str, 1, self->line->len, self->file) != self->line->len)
    {
      _zb_export_set_io_error (error, writer->path, g_strerror (errno));
      return FALSE;
    }
  writer->row++;
  return TRUE;
}

gboolean
_zb_export_csv_close (FILE **file, const char *path, GError **error)
{
  int rc;

  if (fflush (*file) != 0 || fsync (fileno (*file)) != 0)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      return FALSE;
    }
  rc = fclose (*file);
  *file = NULL;
  if (rc != 0)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
csv_finish (ZbExportWriter *writer, GError **error)
{
  CsvWriter *self = (CsvWriter *)writer;

  return _zb_export_csv_close (&self->file, writer->path, error);
}

static void
csv_free (ZbExportWriter *writer)
{
  CsvWriter *self = (CsvWriter *)writer;

  if (self->file != NULL)
    fclose (self->file);
  g_string_free (self->line, TRUE);
  g_free (writer->path);
  g_free (self);
}

static const ZbExportWriterClass csv_class = { csv_write_row, csv_finish, csv_free };

FILE *
_zb_export_csv_open (const char *path, GError **error)
{
  FILE *file = fopen (path, "wb");

  /* the BOM: without it Excel on Chinese Windows reads the file as GBK */
  if (file == NULL || fwrite ("\xEF\xBB\xBF", 1, 3, file) != 3)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      if (file != NULL)
        fclose (file);
      return NULL;
    }
  return file;
}

ZbExportWriter *
_zb_export_csv_writer_new (const char *path, GError **error)
{
  CsvWriter *self;
  FILE *file = _zb_export_csv_open (path, error);

  if (file == NULL)
    return NULL;

  self = g_new0 (CsvWriter, 1);
  self->parent.klass = &csv_class;
  self->parent.path = g_strdup (path);
  self->file = file;
  self->line = g_string_sized_new (512);
  return &self->parent;
}
