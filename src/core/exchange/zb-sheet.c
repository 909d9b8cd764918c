/* zb-sheet.c — the cells read from a spreadsheet or CSV file, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "zb-csv-reader.h"
#include "zb-exchange-error.h"
#include "zb-sheet-private.h"
#include "zb-xls-reader.h"
#include "zb-xlsx-reader.h"

typedef struct
{
  guint first_cell;
  guint n_cells;
  guint row_number;
} SheetRow;

struct _ZbSheet
{
  gatomicrefcount ref_count;
  char *format;
  char *encoding;
  gunichar separator;
  gboolean date1904;
  GStringChunk *text;
  gsize text_bytes;
  GArray *rows;  /* SheetRow */
  GArray *cells; /* ZbCell, row after row */
  guint n_columns;
  /* the row being built */
  gboolean in_row;
  guint row_number;
  guint row_first_cell;
  gboolean row_unsorted;
};

G_DEFINE_BOXED_TYPE (ZbSheet, zb_sheet, zb_sheet_ref, zb_sheet_unref)

ZbSheet *
_zb_sheet_new (const char *format)
{
  ZbSheet *self = g_new0 (ZbSheet, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->format = g_strdup (format);
  self->text = g_string_chunk_new (64 * 1024);
  self->rows = g_array_new (FALSE, FALSE, sizeof (SheetRow));
  self->cells = g_array_new (FALSE, FALSE, sizeof (ZbCell));

  return self;
}

ZbSheet *
zb_sheet_ref (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
zb_sheet_unref (ZbSheet *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->format);
  g_free (self->encoding);
  g_string_chunk_free (self->text);
  g_array_unref (self->rows);
  g_array_unref (self->cells);
  g_free (self);
}

void
_zb_sheet_set_csv_info (ZbSheet *self, const char *encoding, gunichar separator)
{
  g_free (self->encoding);
  self->encoding = g_strdup (encoding);
  self->separator = separator;
}

void
_zb_sheet_set_date1904 (ZbSheet *self, gboolean date1904)
{
  self->date1904 = date1904;
}

gboolean
_zb_sheet_get_date1904 (ZbSheet *self)
{
  return self->date1904;
}

const char *
_zb_sheet_intern (ZbSheet *self, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize)len;

  if (self->text_bytes + n + 1 > ZB_SHEET_MAX_TEXT_BYTES)
    return NULL;
  self->text_bytes += n + 1;

  return g_string_chunk_insert_len (self->text, text, n);
}

void
_zb_sheet_begin_row (ZbSheet *self, guint row_number)
{
  g_assert (!self->in_row);

  self->in_row = TRUE;
  self->row_number = row_number;
  self->row_first_cell = self->cells->len;
  self->row_unsorted = FALSE;
}

static gboolean
set_too_large (GError **error)
{
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
               _ ("The table is too large to import: it may have at most %u rows, %u columns "
                  "and %u filled cells. Split it into several files."),
               ZB_SHEET_MAX_ROWS, ZB_SHEET_MAX_COLUMNS, ZB_SHEET_MAX_CELLS);
  return FALSE;
}

gboolean
_zb_sheet_add_cell (ZbSheet *self, guint column, ZbCellKind kind, const char *text, double number,
                    GError **error)
{
  ZbCell cell = { text, number, column, kind };

  g_assert (self->in_row);

  if (text == NULL || column >= ZB_SHEET_MAX_COLUMNS || self->cells->len >= ZB_SHEET_MAX_CELLS)
    return set_too_large (error);

  if (self->cells->len > self->row_first_cell
      && g_array_index (self->cells, ZbCell, self->cells->len - 1).column >= column)
    self->row_unsorted = TRUE;

  g_array_append_val (self->cells, cell);
  return TRUE;
}

gboolean
_zb_sheet_add_text (ZbSheet *self, guint column, const char *text, gssize len, GError **error)
{
  const char *stored = _zb_sheet_intern (self, text, len);

  if (stored == NULL)
    return set_too_large (error);

  return _zb_sheet_add_cell (self, column, ZB_CELL_TEXT, stored, 0, error);
}

static int
compare_cells (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const ZbCell *ca = a;
  const ZbCell *cb = b;

  return ca->column < cb->column ? -1 : ca->column > cb->column ? 1 : 0;
}

gboolean
_zb_sheet_end_row (ZbSheet *self, GError **error)
{
  guint n = self->cells->len - self->row_first_cell;
  ZbCell *cells;
  SheetRow row;

  g_assert (self->in_row);
  self->in_row = FALSE;

  if (n == 0)
    return TRUE;
  cells = &g_array_index (self->cells, ZbCell, self->row_first_cell);

  if (self->rows->len >= ZB_SHEET_MAX_ROWS)
    return set_too_large (error);

  /* Only a damaged or odd file lists cells out of order or twice; keep the
   * last cell of a column, as a spreadsheet program would. (g_qsort_with_data
   * is stable.) */
  if (self->row_unsorted)
    {
      guint kept = 0;

      g_qsort_with_data (cells, n, sizeof (ZbCell), compare_cells, NULL);
      for (guint i = 0; i < n; i++)
        {
          if (i + 1 < n && cells[i + 1].column == cells[i].column)
            continue;
          cells[kept++] = cells[i];
        }
      g_array_set_size (self->cells, self->row_first_cell + kept);
      n = kept;
    }

  row.first_cell = self->row_first_cell;
  row.n_cells = n;
  row.row_number = self->row_number;
  g_array_append_val (self->rows, row);

  self->n_columns = MAX (self->n_columns, cells[n - 1].column + 1);
  return TRUE;
}

guint
zb_sheet_get_n_rows (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

guint
zb_sheet_get_row_number (ZbSheet *self, guint row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, SheetRow, row).row_number;
}

const ZbCell *
zb_sheet_get_cells (ZbSheet *self, guint row, guint *n_cells)
{
  const SheetRow *r;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  if (row >= self->rows->len)
    {
      *n_cells = 0;
      return NULL;
    }

  r = &g_array_index (self->rows, SheetRow, row);
  *n_cells = r->n_cells;
  return &g_array_index (self->cells, ZbCell, r->first_cell);
}

const ZbCell *
zb_sheet_get_cell (ZbSheet *self, guint row, guint column)
{
  guint n = 0;
  const ZbCell *cells = zb_sheet_get_cells (self, row, &n);
  guint lo = 0, hi = n;

  /* binary search: cells are in column order */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cells[mid].column == column)
        return &cells[mid];
      if (cells[mid].column < column)
        lo = mid + 1;
      else
        hi = mid;
    }

  return NULL;
}

guint
zb_sheet_get_n_columns (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
zb_sheet_get_format (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->format;
}

const char *
zb_sheet_get_encoding (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->encoding;
}

gunichar
zb_sheet_get_separator (ZbSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->separator;
}

char *
zb_sheet_column_name (guint column)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = 'A' + column % 26;
      column /= 26;
    }

  return g_strdup (&buf[i]);
}

/* Reading a file ------------------------------------------------------------ */

static const guchar OLE2_MAGIC[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static gboolean
set_save_as_error (const char *path, GError **error)
{
  g_autofree char *name = g_filename_display_basename (path);

  /* A .xls or .et that is not a workbook at all (web systems export HTML
   * tables under that name); both Excel and WPS save a copy as .xlsx in two
   * clicks. */
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
               _ ("“%s” is in an older spreadsheet format that cannot be read. Please open it in "
                  "Excel or WPS and save it as .xlsx or .csv."),
               name);
  return FALSE;
}

/* Opens the start of the file to tell its format by content: names lie more
 * often than bytes (a .xls that is really .xlsx, a .csv saved as .xls). */
static gboolean
sniff_file (const char *path, guchar *head, gsize *n_head, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize n = 0;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL
      || !g_input_stream_read_all (G_INPUT_STREAM (in), head, *n_head, &n, NULL, &local_error))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_FAILED,
                   /* TRANSLATORS: %s: a file name, then the system's reason */
                   _ ("The file “%s” could not be read: %s"), name, local_error->message);
      return FALSE;
    }

  *n_head = n;
  return TRUE;
}

ZbSheet *
zb_sheet_read_file (const char *path, GCancellable *cancellable, GError **error)
{
  guchar head[8];
  gsize n_head = sizeof head;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!sniff_file (path, head, &n_head, error))
    return NULL;

  lower = g_ascii_strdown (path, -1);

  if (n_head >= 4 && memcmp (head, "PK\x03\x04", 4) == 0)
    return zb_xlsx_read_file (path, cancellable, error);

  /* Excel 97–2003 workbooks, and WPS's .et, which is the same format */
  if (n_head == sizeof OLE2_MAGIC && memcmp (head, OLE2_MAGIC, sizeof OLE2_MAGIC) == 0)
    return zb_xls_read_file (path, cancellable, error);

  if (g_str_has_suffix (lower, ".xls") || g_str_has_suffix (lower, ".et"))
    return set_save_as_error (path, error), NULL;

  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".ods")
      || g_str_has_suffix (lower, ".numbers"))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
                   _ ("“%s” is not a spreadsheet that can be read. Please open it in Excel or WPS "
                      "and save it as .xlsx or .csv."),
                   name);
      return NULL;
    }

  return zb_csv_read_file (path, cancellable, error);
}

static void
read_file_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  ZbSheet *sheet = zb_sheet_read_file (task_data, cancellable, &error);

  if (sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sheet, (GDestroyNotify)zb_sheet_unref);
}

void
zb_sheet_read_file_async (const char *path, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, zb_sheet_read_file_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, read_file_thread);
}

ZbSheet *
zb_sheet_read_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
