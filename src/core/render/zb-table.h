/* zb-table.h — a table of a document: columns, header rows, merged cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define ZB_TYPE_TABLE (zb_table_get_type ())

G_DECLARE_FINAL_TYPE (ZbTable, zb_table, ZB, TABLE, GObject)

typedef enum
{
  ZB_VALIGN_CENTER,
  ZB_VALIGN_TOP,
} ZbVAlign;

ZbTable *zb_table_new (void);

/* Adds a column. @weight is its share of the table's width (relative to the
 * other columns); 0 makes the column as wide as its widest cell. @title, when any column has one
 * and no header row was appended, makes the header row. Use PANGO_WRAP_WORD_CHAR (the default for
 * every column) for numbers such as 公民身份号码, so that they break inside the
 * cell instead of running out of it. */
void zb_table_add_column (ZbTable *self, const char *title, double weight, PangoAlignment align,
                          PangoWrapMode wrap);
guint zb_table_get_n_columns (ZbTable *self);

/* Header rows come first; they are repeated at the top of every page the table
 * runs onto. @cells is NULL-terminated and may be shorter than the number of
 * columns. Both return the row's index, which zb_table_set_span() takes. */
guint zb_table_append_header_row (ZbTable *self, const char *const *cells);
guint zb_table_append_row (ZbTable *self, const char *const *cells);
guint zb_table_get_n_rows (ZbTable *self);

void zb_table_set_cell (ZbTable *self, guint row, guint column, const char *text);
const char *zb_table_get_cell (ZbTable *self, guint row, guint column);

/* Merges the cell at (@row, @column) with its neighbours to the right and
 * below. The text of covered cells is not shown. A span may not cross from the
 * header into the body. */
void zb_table_set_span (ZbTable *self, guint row, guint column, guint row_span, guint column_span);
void zb_table_set_cell_alignment (ZbTable *self, guint row, guint column, PangoAlignment align,
                                  ZbVAlign valign);

/* A row at least this tall (points): blank boxes of a form, to be written in. */
void zb_table_set_row_min_height (ZbTable *self, guint row, double height);

/* Type size in points; 0 (the default) takes the page set-up's table size. */
void zb_table_set_font_size (ZbTable *self, double size);
void zb_table_set_borders (ZbTable *self, gboolean borders);

G_END_DECLS
