/* zb-table.c — a table of a document: columns, header rows, merged cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-table-private.h"

struct _ZbTable
{
  GObject parent_instance;

  GArray *columns; /* ZbTableColumn */
  GArray *rows;    /* ZbTableRow */
  guint n_header_rows;
  gboolean spans_dirty;

  double font_size;
  double advance;
  ZbFontRole font_role;
  double pad_h;
  double pad_v;
  double width;
  gboolean borders;
  gboolean sensitive;
};

G_DEFINE_FINAL_TYPE (ZbTable, zb_table, G_TYPE_OBJECT)

static void
free_text (ZbTable *self, char *text)
{
  if (text == NULL)
    return;
  if (self->sensitive)
    explicit_bzero (text, strlen (text));
  g_free (text);
}

static void
zb_table_finalize (GObject *object)
{
  ZbTable *self = (ZbTable *)object;

  for (guint i = 0; i < self->columns->len; i++)
    g_free (g_array_index (self->columns, ZbTableColumn, i).title);
  for (guint r = 0; r < self->rows->len; r++)
    {
      ZbTableRow *row = &g_array_index (self->rows, ZbTableRow, r);

      for (guint c = 0; c < self->columns->len; c++)
        free_text (self, row->cells[c].text);
      g_free (row->cells);
    }
  g_array_unref (self->columns);
  g_array_unref (self->rows);

  G_OBJECT_CLASS (zb_table_parent_class)->finalize (object);
}

static void
zb_table_class_init (ZbTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_table_finalize;
}

static void
zb_table_init (ZbTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (ZbTableColumn));
  self->rows = g_array_new (FALSE, TRUE, sizeof (ZbTableRow));
  self->borders = TRUE;
  self->font_role = ZB_FONT_BODY;
  self->pad_h = 4.0;
  self->pad_v = 3.0;
}

ZbTable *
zb_table_new (void)
{
  return g_object_new (ZB_TYPE_TABLE, NULL);
}

void
zb_table_add_column (ZbTable *self, const char *title, double weight, PangoAlignment align,
                     PangoWrapMode wrap)
{
  ZbTableColumn column = {
    .title = g_strdup (title),
    .weight = MAX (weight, 0),
    .align = align,
    .wrap = wrap,
  };

  g_return_if_fail (ZB_IS_TABLE (self));
  /* Rows hold one cell per column, allocated when they are appended. */
  g_return_if_fail (self->rows->len == 0);

  g_array_append_val (self->columns, column);
}

guint
zb_table_get_n_columns (ZbTable *self)
{
  g_return_val_if_fail (ZB_IS_TABLE (self), 0);

  return self->columns->len;
}

static guint
append_row (ZbTable *self, const char *const *cells, gboolean header)
{
  ZbTableRow row = { 0 };
  guint n_columns = self->columns->len;

  row.header = header;
  row.cells = g_new0 (ZbTableCell, MAX (n_columns, 1));
  for (guint c = 0; c < n_columns; c++)
    {
      row.cells[c].row_span = 1;
      row.cells[c].col_span = 1;
      row.cells[c].align = -1;
      row.cells[c].valign = ZB_VALIGN_CENTER;
    }
  for (guint c = 0; cells != NULL && cells[c] != NULL && c < n_columns; c++)
    row.cells[c].text = g_strdup (cells[c]);

  g_array_append_val (self->rows, row);
  return self->rows->len - 1;
}

guint
zb_table_append_header_row (ZbTable *self, const char *const *cells)
{
  g_return_val_if_fail (ZB_IS_TABLE (self), 0);
  g_return_val_if_fail (self->columns->len > 0, 0);
  /* Headers are repeated from the top of the table: they must come first. */
  g_return_val_if_fail (self->rows->len == self->n_header_rows, 0);

  self->n_header_rows++;
  return append_row (self, cells, TRUE);
}

guint
zb_table_append_row (ZbTable *self, const char *const *cells)
{
  g_return_val_if_fail (ZB_IS_TABLE (self), 0);
  g_return_val_if_fail (self->columns->len > 0, 0);

  return append_row (self, cells, FALSE);
}

guint
zb_table_get_n_rows (ZbTable *self)
{
  g_return_val_if_fail (ZB_IS_TABLE (self), 0);

  return self->rows->len;
}

static ZbTableCell *
get_cell (ZbTable *self, guint row, guint column)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->rows, ZbTableRow, row).cells[column];
}

void
zb_table_set_cell (ZbTable *self, guint row, guint column, const char *text)
{
  ZbTableCell *cell;

  g_return_if_fail (ZB_IS_TABLE (self));

  if ((cell = get_cell (self, row, column)) == NULL)
    return;
  free_text (self, cell->text);
  cell->text = g_strdup (text);
}

const char *
zb_table_get_cell (ZbTable *self, guint row, guint column)
{
  ZbTableCell *cell;

  g_return_val_if_fail (ZB_IS_TABLE (self), NULL);

  if ((cell = get_cell (self, row, column)) == NULL)
    return NULL;
  return cell->text;
}

void
zb_table_set_span (ZbTable *self, guint row, guint column, guint row_span, guint column_span)
{
  ZbTableCell *cell;

  g_return_if_fail (ZB_IS_TABLE (self));
  g_return_if_fail (row_span >= 1 && column_span >= 1);

  if ((cell = get_cell (self, row, column)) == NULL)
    return;
  cell->row_span = MIN (row_span, G_MAXUINT16);
  cell->col_span = MIN (column_span, G_MAXUINT16);
  self->spans_dirty = TRUE;
}

void
zb_table_set_cell_alignment (ZbTable *self, guint row, guint column, PangoAlignment align,
                             ZbVAlign valign)
{
  ZbTableCell *cell;

  g_return_if_fail (ZB_IS_TABLE (self));

  if ((cell = get_cell (self, row, column)) == NULL)
    return;
  cell->align = align;
  cell->valign = valign;
}

void
zb_table_set_row_min_height (ZbTable *self, guint row, double height)
{
  g_return_if_fail (ZB_IS_TABLE (self));
  g_return_if_fail (row < self->rows->len);

  g_array_index (self->rows, ZbTableRow, row).min_height = MAX (height, 0);
}

void
zb_table_set_font_size (ZbTable *self, double size)
{
  g_return_if_fail (ZB_IS_TABLE (self));

  self->font_size = MAX (size, 0);
}

void
zb_table_set_borders (ZbTable *self, gboolean borders)
{
  g_return_if_fail (ZB_IS_TABLE (self));

  self->borders = !!borders;
}

/* Marks the cells under each span, clamping spans to the table and keeping
 * header spans inside the header, so the renderer never sees overlaps. */
static void
resolve_spans (ZbTable *self)
{
  guint n_columns = self->columns->len;

  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < n_columns; c++)
      get_cell (self, r, c)->covered = FALSE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      guint section_end = r < self->n_header_rows ? self->n_header_rows : self->rows->len;

      for (guint c = 0; c < n_columns; c++)
        {
          ZbTableCell *cell = get_cell (self, r, c);

          if (cell->covered)
            {
              cell->row_span = cell->col_span = 1;
              continue;
            }
          cell->row_span = MIN (cell->row_span, section_end - r);
          cell->col_span = MIN (cell->col_span, n_columns - c);
          for (guint rr = r; rr < r + cell->row_span; rr++)
            for (guint cc = c; cc < c + cell->col_span; cc++)
              if (rr != r || cc != c)
                get_cell (self, rr, cc)->covered = TRUE;
        }
    }
  self->spans_dirty = FALSE;
}

guint
_zb_table_get_n_header_rows (ZbTable *self)
{
  return self->n_header_rows;
}

const ZbTableColumn *
_zb_table_get_column (ZbTable *self, guint column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, ZbTableColumn, column);
}

const ZbTableRow *
_zb_table_get_row (ZbTable *self, guint row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);

  if (self->spans_dirty)
    resolve_spans (self);
  return &g_array_index (self->rows, ZbTableRow, row);
}

double
_zb_table_get_font_size (ZbTable *self)
{
  return self->font_size;
}

gboolean
_zb_table_get_borders (ZbTable *self)
{
  return self->borders;
}

void
_zb_table_set_font (ZbTable *self, ZbFontRole role, double size, double advance)
{
  self->font_role = role;
  self->font_size = size;
  self->advance = advance;
}

ZbFontRole
_zb_table_get_font_role (ZbTable *self)
{
  return self->font_role;
}

double
_zb_table_get_advance (ZbTable *self)
{
  return self->advance;
}

void
_zb_table_set_padding (ZbTable *self, double horizontal, double vertical)
{
  self->pad_h = horizontal;
  self->pad_v = vertical;
}

void
_zb_table_get_padding (ZbTable *self, double *horizontal, double *vertical)
{
  *horizontal = self->pad_h;
  *vertical = self->pad_v;
}

void
_zb_table_set_width (ZbTable *self, double width)
{
  self->width = MAX (width, 0);
}

double
_zb_table_get_width (ZbTable *self)
{
  return self->width;
}

void
_zb_table_set_sensitive (ZbTable *self, gboolean sensitive)
{
  self->sensitive = !!sensitive;
}

gboolean
_zb_table_get_sensitive (ZbTable *self)
{
  return self->sensitive;
}

void
_zb_table_append_content (ZbTable *self, GString *out)
{
  gboolean titles = FALSE;

  if (self->spans_dirty)
    resolve_spans (self);

  if (self->sensitive)
    {
      /* Only the fact that a secret was there: a hash of a key is a way to
       * test guesses of it, and the hash is printed and audited. */
      _zb_content_append (out, "sensitive-table");
      return;
    }

  g_string_append_printf (out, "table%u,%u,%u;", self->columns->len, self->n_header_rows,
                          self->rows->len);
  for (guint c = 0; c < self->columns->len; c++)
    titles |= g_array_index (self->columns, ZbTableColumn, c).title != NULL;
  if (titles && self->n_header_rows == 0)
    for (guint c = 0; c < self->columns->len; c++)
      _zb_content_append (out, g_array_index (self->columns, ZbTableColumn, c).title);

  for (guint r = 0; r < self->rows->len; r++)
    for (guint c = 0; c < self->columns->len; c++)
      {
        ZbTableCell *cell = get_cell (self, r, c);

        if (cell->covered)
          continue;
        g_string_append_printf (out, "c%u,%u,%u,%u;", r, c, cell->row_span, cell->col_span);
        _zb_content_append (out, cell->text);
      }
}
