/* zb-renderer-table.c — tables flowed over pages, rows whole, headers repeated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include "zb-renderer-private.h"

#define EPSILON 0.01

typedef struct
{
  PangoLayout *layout; /* NULL for covered cells */
  int n_lines;
  double x;
  double w;
  double x_offset;  /* alignment of a layout left unwrapped */
  double content_h; /* lines and padding */
  ZbVAlign valign;
} ZbCellBox;

typedef struct
{
  ZbRenderer *renderer;
  ZbTable *table;
  guint n_columns;
  guint n_rows; /* including a header made from the column titles */
  guint n_header;
  const ZbTableRow **rows;
  ZbTableRow title_row;
  double *col_x;
  double *row_top; /* n_rows + 1 prefix sums of the row heights */
  ZbCellBox *cells;
  double advance;
  double pad_h;
  double pad_v;
  double baseline_body;
  double baseline_header;
  gboolean borders;
} ZbTableLayout;

static ZbCellBox *
cell_box (ZbTableLayout *tl, guint row, guint column)
{
  return &tl->cells[row * tl->n_columns + column];
}

static void
collect_rows (ZbTableLayout *tl)
{
  ZbTable *table = tl->table;
  guint n_table_rows = zb_table_get_n_rows (table);
  gboolean titles = FALSE;
  guint r = 0;

  for (guint c = 0; c < tl->n_columns; c++)
    titles |= _zb_table_get_column (table, c)->title != NULL;
  titles = titles && _zb_table_get_n_header_rows (table) == 0;

  tl->n_rows = n_table_rows + (titles ? 1 : 0);
  tl->n_header = _zb_table_get_n_header_rows (table) + (titles ? 1 : 0);
  tl->rows = g_new0 (const ZbTableRow *, tl->n_rows);
  if (titles)
    {
      tl->title_row.header = TRUE;
      tl->title_row.cells = g_new0 (ZbTableCell, tl->n_columns);
      for (guint c = 0; c < tl->n_columns; c++)
        {
          ZbTableCell *cell = &tl->title_row.cells[c];

          cell->text = _zb_table_get_column (table, c)->title;
          cell->row_span = cell->col_span = 1;
          cell->align = -1;
        }
      tl->rows[r++] = &tl->title_row;
    }
  for (guint i = 0; i < n_table_rows; i++)
    tl->rows[r++] = _zb_table_get_row (table, i);
}

static PangoAlignment
cell_align (ZbTableLayout *tl, guint row, guint column)
{
  const ZbTableCell *cell = &tl->rows[row]->cells[column];

  if (cell->align >= 0)
    return cell->align;
  if (tl->rows[row]->header)
    return PANGO_ALIGN_CENTER;
  return _zb_table_get_column (tl->table, column)->align;
}

/* Column widths: "fit" columns (weight 0) as wide as their widest body cell,
 * or their header if that is not much wider (a long header wraps instead, as
 * on printed registers, keeping two characters a line); the other columns
 * share what is left by weight. */
static void
size_columns (ZbTableLayout *tl, double x, double width, PangoFontDescription *body,
              PangoFontDescription *header)
{
  ZbRenderer *self = tl->renderer;
  g_autofree double *col_w = g_new0 (double, tl->n_columns);
  double fixed = 0, weights = 0, rest, header_w;

  for (guint c = 0; c < tl->n_columns; c++)
    {
      const ZbTableColumn *column = _zb_table_get_column (tl->table, c);

      weights += column->weight;
      if (column->weight > 0)
        continue;

      col_w[c] = 2 * pango_font_description_get_size (header) / PANGO_SCALE + 2 * tl->pad_h;
      header_w = 0;
      for (guint r = 0; r < tl->n_header; r++)
        {
          const ZbTableCell *cell = &tl->rows[r]->cells[c];
          ZbCellBox *box = cell_box (tl, r, c);
          int w;

          if (cell->covered || cell->col_span > 1)
            continue;
          box->layout = _zb_renderer_new_layout (self, header, cell->text, -1,
                                                 cell_align (tl, r, c), column->wrap);
          pango_layout_get_size (box->layout, &w, NULL);
          header_w = MAX (header_w, (double)w / PANGO_SCALE + 2 * tl->pad_h + EPSILON);
        }
      for (guint r = tl->n_header; r < tl->n_rows; r++)
        {
          const ZbTableCell *cell = &tl->rows[r]->cells[c];
          ZbCellBox *box = cell_box (tl, r, c);
          int w;

          if (cell->covered || cell->col_span > 1)
            continue;
          box->layout = _zb_renderer_new_layout (self, body, cell->text, -1, cell_align (tl, r, c),
                                                 column->wrap);
          pango_layout_get_size (box->layout, &w, NULL);
          col_w[c] = MAX (col_w[c], (double)w / PANGO_SCALE + 2 * tl->pad_h + EPSILON);
        }
      if (header_w <= col_w[c] * 1.5)
        col_w[c] = MAX (col_w[c], header_w);
      col_w[c] = MIN (col_w[c], width * 0.45);
      fixed += col_w[c];
    }

  rest = width - fixed;
  if (rest < 0 || weights <= 0)
    {
      /* Nothing left to share: shrink the fit columns to the width. */
      double scale = fixed > 0 ? width / fixed : 0;

      for (guint c = 0; c < tl->n_columns; c++)
        col_w[c] = _zb_table_get_column (tl->table, c)->weight > 0 ? 0 : col_w[c] * scale;
      rest = 0;
    }

  tl->col_x = g_new0 (double, tl->n_columns + 1);
  tl->col_x[0] = x;
  for (guint c = 0; c < tl->n_columns; c++)
    {
      double weight = _zb_table_get_column (tl->table, c)->weight;

      if (weight > 0)
        col_w[c] = rest * weight / weights;
      tl->col_x[c + 1] = tl->col_x[c] + col_w[c];
    }
}

static void
layout_cells (ZbTableLayout *tl, PangoFontDescription *body, PangoFontDescription *header)
{
  ZbRenderer *self = tl->renderer;
  g_autofree double *row_h = g_new0 (double, tl->n_rows);

  for (guint r = 0; r < tl->n_rows; r++)
    {
      const ZbTableRow *row = tl->rows[r];

      row_h[r] = MAX (row->min_height, tl->advance + 2 * tl->pad_v);
      for (guint c = 0; c < tl->n_columns; c++)
        {
          const ZbTableCell *cell = &row->cells[c];
          ZbCellBox *box = cell_box (tl, r, c);
          double text_w;

          if (cell->covered)
            continue;
          box->x = tl->col_x[c];
          box->w = tl->col_x[MIN (c + cell->col_span, tl->n_columns)] - tl->col_x[c];
          box->valign = cell->valign;
          text_w = MAX (box->w - 2 * tl->pad_h, 1);
          if (box->layout == NULL)
            box->layout = _zb_renderer_new_layout (self, row->header ? header : body, cell->text,
                                                   text_w, cell_align (tl, r, c),
                                                   _zb_table_get_column (tl->table, c)->wrap);
          else
            {
              /* Measured unwrapped for a fit column: if it fits, align it here
               * rather than lay it out again at the column's width. */
              int natural;

              pango_layout_get_size (box->layout, &natural, NULL);
              if ((double)natural / PANGO_SCALE <= text_w)
                {
                  double room = text_w - (double)natural / PANGO_SCALE;
                  PangoAlignment align = cell_align (tl, r, c);

                  box->x_offset = align == PANGO_ALIGN_CENTER  ? room / 2
                                  : align == PANGO_ALIGN_RIGHT ? room
                                                               : 0;
                }
              else
                pango_layout_set_width (box->layout, (int)(text_w * PANGO_SCALE));
            }
          box->n_lines = pango_layout_get_line_count (box->layout);
          box->content_h = box->n_lines * tl->advance + 2 * tl->pad_v;
          if (cell->row_span == 1)
            row_h[r] = MAX (row_h[r], box->content_h);
        }
    }

  /* A merged cell taller than the rows it spans makes its last row taller. */
  for (guint r = 0; r < tl->n_rows; r++)
    for (guint c = 0; c < tl->n_columns; c++)
      {
        const ZbTableCell *cell = &tl->rows[r]->cells[c];
        double spanned = 0;
        guint last;

        if (cell->covered || cell->row_span == 1)
          continue;
        last = MIN (r + cell->row_span, tl->n_rows) - 1;
        for (guint i = r; i <= last; i++)
          spanned += row_h[i];
        if (cell_box (tl, r, c)->content_h > spanned)
          row_h[last] += cell_box (tl, r, c)->content_h - spanned;
      }

  tl->row_top = g_new0 (double, tl->n_rows + 1);
  for (guint r = 0; r < tl->n_rows; r++)
    tl->row_top[r + 1] = tl->row_top[r] + row_h[r];
}

/* Rows that merged cells tie together stay on one page: the group starting
 * at @row ends before the returned row. */
static guint
group_end (ZbTableLayout *tl, guint row)
{
  guint end = row + 1;

  for (guint r = row; r < end && r < tl->n_rows; r++)
    for (guint c = 0; c < tl->n_columns; c++)
      if (!tl->rows[r]->cells[c].covered)
        end = MAX (end, r + tl->rows[r]->cells[c].row_span);
  return MIN (end, tl->n_rows);
}

static double
line_top (ZbTableLayout *tl, ZbCellBox *box, double cell_h, gboolean sliced, int line)
{
  double offset = 0;

  /* A row cut across pages reads from the top. */
  if (!sliced && box->valign == ZB_VALIGN_CENTER)
    offset = (cell_h - box->content_h) / 2;
  return tl->pad_v + offset + line * tl->advance;
}

/* Draws the part [s0, s1) of rows [a, b), measured from row a's top, with s0
 * at @y on the page. Unsliced, that is the whole of the rows. */
static void
emit_rows (ZbTableLayout *tl, guint a, guint b, double y, double s0, double s1, gboolean sliced)
{
  ZbRenderer *self = tl->renderer;

  for (guint r = a; r < b; r++)
    for (guint c = 0; c < tl->n_columns; c++)
      {
        const ZbTableCell *cell = &tl->rows[r]->cells[c];
        ZbCellBox *box = cell_box (tl, r, c);
        double top, cell_h, vis_top, vis_bottom;
        int first = -1, last = -1;

        if (cell->covered)
          continue;
        top = tl->row_top[r] - tl->row_top[a];
        cell_h = tl->row_top[MIN (r + cell->row_span, tl->n_rows)] - tl->row_top[r];
        vis_top = MAX (top, s0);
        vis_bottom = MIN (top + cell_h, s1);
        if (vis_bottom - vis_top <= EPSILON)
          continue;

        if (tl->borders)
          _zb_renderer_add_op (self, ZB_OP_RECT, box->x, y + vis_top - s0, box->w,
                               vis_bottom - vis_top, NULL);

        for (int i = 0; i < box->n_lines; i++)
          {
            double lt = top + line_top (tl, box, cell_h, sliced, i);

            if (lt >= s0 - EPSILON && lt + tl->advance <= s1 + EPSILON)
              {
                if (first < 0)
                  first = i;
                last = i + 1;
              }
          }
        if (first >= 0)
          _zb_renderer_emit_lines (
              self, box->layout, first, last, box->x + tl->pad_h + box->x_offset,
              y + top + line_top (tl, box, cell_h, sliced, first) - s0, tl->advance,
              tl->rows[r]->header ? tl->baseline_header : tl->baseline_body);
        self->page_has_content = TRUE;
      }
}

/* Where to cut rows [a, b) that cannot fit on one page: as near @s1 as
 * possible without cutting through a line of text. */
static double
find_cut (ZbTableLayout *tl, guint a, guint b, double s0, double s1)
{
  double cut = s1;
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint r = a; r < b; r++)
        for (guint c = 0; c < tl->n_columns; c++)
          {
            ZbCellBox *box = cell_box (tl, r, c);
            double top = tl->row_top[r] - tl->row_top[a];

            if (tl->rows[r]->cells[c].covered)
              continue;
            for (int i = 0; i < box->n_lines; i++)
              {
                double lt = top + line_top (tl, box, 0, TRUE, i);

                if (lt < cut - EPSILON && lt + tl->advance > cut + EPSILON)
                  {
                    cut = lt;
                    moved = TRUE;
                  }
              }
          }
    }
  return cut <= s0 + EPSILON ? -1 : cut;
}

static void
new_page_with_header (ZbTableLayout *tl)
{
  ZbRenderer *self = tl->renderer;
  double header_h = tl->row_top[tl->n_header];

  _zb_renderer_new_page (self);
  if (tl->n_header > 0)
    {
      emit_rows (tl, 0, tl->n_header, self->y, 0, header_h, FALSE);
      self->y += header_h;
    }
}

void
_zb_renderer_place_table (ZbRenderer *self, ZbTable *table, double x)
{
  ZbTableLayout tl = { .renderer = self, .table = table };
  g_autoptr (PangoFontDescription) body = NULL;
  g_autoptr (PangoFontDescription) header = NULL;
  double size, width, header_h;
  guint rows_on_page = 0;

  tl.n_columns = zb_table_get_n_columns (table);
  collect_rows (&tl);
  if (tl.n_rows == 0)
    goto out;

  size = _zb_table_get_font_size (table);
  if (size <= 0)
    size = self->geo.table_size;
  tl.advance = _zb_table_get_advance (table);
  if (tl.advance <= 0)
    tl.advance = size * self->geo.table_advance / self->geo.table_size;
  _zb_table_get_padding (table, &tl.pad_h, &tl.pad_v);
  tl.borders = _zb_table_get_borders (table);
  body = _zb_render_font_for_role (_zb_table_get_font_role (table), size);
  header = _zb_render_font_for_role (ZB_FONT_HEADING, size);
  tl.baseline_body = _zb_renderer_baseline (self, body, tl.advance);
  tl.baseline_header = _zb_renderer_baseline (self, header, tl.advance);
  tl.cells = g_new0 (ZbCellBox, (gsize)tl.n_rows * tl.n_columns);

  width = _zb_table_get_width (table);
  if (width <= 0 || width > self->body_w)
    width = self->body_w;
  if (x < 0)
    x = self->body_x + (self->body_w - width) / 2;
  size_columns (&tl, x, width, body, header);
  layout_cells (&tl, body, header);
  header_h = tl.row_top[tl.n_header];

  /* The header does not stand alone at the foot of a page: the table starts
   * on the next one unless its first rows, too tall for any page, can as well
   * start here. */
  if (tl.n_header < tl.n_rows && self->page_has_content)
    {
      double need = tl.row_top[group_end (&tl, tl.n_header)];
      double room = self->body_bottom - self->y;

      if (need > room
          && (need <= self->body_bottom - self->body_y
              || room < header_h + 2 * (tl.advance + tl.pad_v)))
        _zb_renderer_new_page (self);
    }
  if (tl.n_header > 0)
    {
      emit_rows (&tl, 0, tl.n_header, self->y, 0, header_h, FALSE);
      self->y += header_h;
    }

  for (guint r = tl.n_header; r < tl.n_rows;)
    {
      guint end = group_end (&tl, r);
      double group_h = tl.row_top[end] - tl.row_top[r];

      /* Rows that fit on a page go over to the next whole; rows too tall for
       * any page are cut anyway, so they start here. */
      if (group_h > self->body_bottom - self->y + EPSILON && rows_on_page > 0
          && (group_h <= self->body_bottom - self->body_y - header_h
              || self->body_bottom - self->y < 2 * (tl.advance + tl.pad_v)))
        {
          new_page_with_header (&tl);
          rows_on_page = 0;
        }

      if (group_h <= self->body_bottom - self->y + EPSILON)
        {
          emit_rows (&tl, r, end, self->y, 0, group_h, FALSE);
          self->y += group_h;
        }
      else
        {
          /* Taller than a page: the only case where a row is cut, between
           * lines of its text. */
          for (double s = 0; s < group_h - EPSILON;)
            {
              double cut = find_cut (&tl, r, end, s, s + self->body_bottom - self->y);

              if (cut < 0 && self->y > self->body_y + header_h + EPSILON)
                {
                  /* Not even one line fits here: go on over the page. */
                  new_page_with_header (&tl);
                  continue;
                }
              if (cut < 0) /* a line taller than the page: cut through it */
                cut = s + self->body_bottom - self->y;

              emit_rows (&tl, r, end, self->y, s, cut, TRUE);
              self->y += cut - s;
              s = cut;
              if (s < group_h - EPSILON)
                new_page_with_header (&tl);
            }
        }
      rows_on_page++;
      r = end;
    }

out:
  g_free (tl.title_row.cells);
  g_free (tl.rows);
  g_free (tl.col_x);
  g_free (tl.row_top);
  g_free (tl.cells);
}
