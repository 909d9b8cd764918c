/* zb-sheet.h — the cells read from a spreadsheet or CSV file, with positions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  ZB_CELL_TEXT,    /* text: a CSV field, a shared or inline string, a formula's text */
  ZB_CELL_NUMBER,  /* a number cell: @number, and @text as the file wrote it */
  ZB_CELL_DATE,    /* a number cell with a date format: @number is the serial, @text "YYYY-MM-DD" */
  ZB_CELL_BOOLEAN, /* @number 0 or 1, @text "FALSE"/"TRUE" */
  ZB_CELL_ERROR,   /* an error value such as #N/A: @text */
} ZbCellKind;

/* One non-empty cell. Empty cells are not stored. */
typedef struct
{
  const char *text; /* never NULL; UTF-8 */
  double number;
  guint32 column; /* from 0: A is 0 */
  guint8 kind;    /* a ZbCellKind */
} ZbCell;

#define ZB_TYPE_SHEET (zb_sheet_get_type ())

/* A read-only table of rows of cells. Reference counted; safe to share between
 * threads once built. */
typedef struct _ZbSheet ZbSheet;

GType zb_sheet_get_type (void) G_GNUC_CONST;

ZbSheet *zb_sheet_ref (ZbSheet *self);
void zb_sheet_unref (ZbSheet *self);

/* Rows that hold at least one cell, in file order. */
guint zb_sheet_get_n_rows (ZbSheet *self);
/* Where the row is in the file, from 1: the spreadsheet's row number, or the
 * CSV line the record starts on. */
guint zb_sheet_get_row_number (ZbSheet *self, guint row);
/* The cells of @row in column order (*n_cells may be 0). */
const ZbCell *zb_sheet_get_cells (ZbSheet *self, guint row, guint *n_cells);
/* The cell at @column of @row, or NULL when it is empty. */
const ZbCell *zb_sheet_get_cell (ZbSheet *self, guint row, guint column);
/* One more than the largest column index of any cell. */
guint zb_sheet_get_n_columns (ZbSheet *self);

/* What the file was: "csv", "xlsx" or "xls". For CSV also the encoding it was read in
 * ("UTF-8", "GB18030", "UTF-16") and the separator; NULL / 0 otherwise. */
const char *zb_sheet_get_format (ZbSheet *self);
const char *zb_sheet_get_encoding (ZbSheet *self);
gunichar zb_sheet_get_separator (ZbSheet *self);

/* "A", "B", … "Z", "AA" …: a column as spreadsheets name it. */
char *zb_sheet_column_name (guint column);

/* Reads @path as CSV, XLSX or XLS, by its content (a zip is XLSX, an OLE2
 * compound file XLS or WPS .et) and its name. Refuses other formats with
 * ZB_EXCHANGE_ERROR_UNSUPPORTED and a message that says how to save the file
 * instead. */
ZbSheet *zb_sheet_read_file (const char *path, GCancellable *cancellable, GError **error);
void zb_sheet_read_file_async (const char *path, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
ZbSheet *zb_sheet_read_file_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbSheet, zb_sheet_unref)

G_END_DECLS
