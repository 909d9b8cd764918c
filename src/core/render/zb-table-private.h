/* zb-table-private.h — what the renderer reads of a ZbTable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-render-private.h"
#include "zb-table.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;
  double weight;
  PangoAlignment align;
  PangoWrapMode wrap;
} ZbTableColumn;

typedef struct
{
  char *text;
  guint16 row_span;
  guint16 col_span;
  gint8 align; /* -1: the column's */
  gint8 valign;
  /* Inside another cell's span: not drawn, not part of the content. */
  gboolean covered;
} ZbTableCell;

typedef struct
{
  ZbTableCell *cells; /* n_columns of them */
  double min_height;
  gboolean header;
} ZbTableRow;

guint _zb_table_get_n_header_rows (ZbTable *self);
const ZbTableColumn *_zb_table_get_column (ZbTable *self, guint column);
/* The row, after resolving spans (covered cells marked). */
const ZbTableRow *_zb_table_get_row (ZbTable *self, guint row);
double _zb_table_get_font_size (ZbTable *self);
gboolean _zb_table_get_borders (ZbTable *self);

/* Settings the document uses for its own tables (fields, the key grid). */
void _zb_table_set_font (ZbTable *self, ZbFontRole role, double size, double advance);
ZbFontRole _zb_table_get_font_role (ZbTable *self);
double _zb_table_get_advance (ZbTable *self);
void _zb_table_set_padding (ZbTable *self, double horizontal, double vertical);
void _zb_table_get_padding (ZbTable *self, double *horizontal, double *vertical);
/* Width in points, centred; 0 fills the text area. */
void _zb_table_set_width (ZbTable *self, double width);
double _zb_table_get_width (ZbTable *self);
/* Sensitive tables (a recovery key) are left out of the content hash, and their
 * text is wiped when the table is freed. */
void _zb_table_set_sensitive (ZbTable *self, gboolean sensitive);
gboolean _zb_table_get_sensitive (ZbTable *self);
/* Appends the table's canonical content to @out (see zb-document.c). */
void _zb_table_append_content (ZbTable *self, GString *out);

G_END_DECLS
