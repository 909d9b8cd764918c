/* zb-renderer-draw.c — drawing a laid-out page: its content, header and footer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include "zb-renderer-private.h"

/* Small print of the running header and the footer, in the faces of the
 * text: 仿宋 and, for the marking, the title's. */
#define ZB_HEADER_SIZE 9.0
#define ZB_FOOTER_SIZE 7.5
#define ZB_HEADER_GREY 0.3

void
_zb_renderer_draw_qr (cairo_t *cr, const QRcode *qr, double x, double y, double size)
{
  double module = size / qr->width;

  /* One path filled once: adjacent modules merge without hairline seams. */
  cairo_new_path (cr);
  for (int row = 0; row < qr->width; row++)
    {
      const unsigned char *data = qr->data + row * qr->width;

      for (int col = 0; col < qr->width;)
        {
          int start = col;

          while (col < qr->width && (data[col] & 1))
            col++;
          if (col > start)
            cairo_rectangle (cr, x + start * module, y + row * module, (col - start) * module,
                             module);
          else
            col++;
        }
    }
  cairo_fill (cr);
}

/* Pango's drawing, or the document's font subsets when it has them. */
static void
show_line (ZbRenderer *self, cairo_t *cr, PangoLayoutLine *line)
{
  if (self->subsets != NULL)
    _zb_font_subsets_show_line (self->subsets, cr, line);
  else
    pango_cairo_show_layout_line (cr, line);
}

static void
show_layout (ZbRenderer *self, cairo_t *cr, PangoLayout *layout)
{
  if (self->subsets != NULL)
    _zb_font_subsets_show_layout (self->subsets, cr, layout);
  else
    pango_cairo_show_layout (cr, layout);
}

void
_zb_renderer_draw_ops (ZbRenderer *self, cairo_t *cr, ZbPage *page)
{
  gboolean stroke_pending = FALSE;

  cairo_set_line_width (cr, ZB_RULE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_new_path (cr);

  /* Rules and borders are gathered in one path and stroked together. */
  for (guint i = 0; i < page->ops->len; i++)
    {
      const ZbOp *op = &g_array_index (page->ops, ZbOp, i);

      if (op->kind != ZB_OP_RECT && op->kind != ZB_OP_LINE && stroke_pending)
        {
          cairo_stroke (cr);
          stroke_pending = FALSE;
        }

      switch (op->kind)
        {
        case ZB_OP_TEXT:
          cairo_move_to (cr, op->x, op->y);
          show_line (self, cr, op->data);
          cairo_new_path (cr);
          break;
        case ZB_OP_RECT:
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          stroke_pending = TRUE;
          break;
        case ZB_OP_LINE:
          cairo_move_to (cr, op->x, op->y);
          cairo_rel_line_to (cr, op->w, op->h);
          stroke_pending = TRUE;
          break;
        case ZB_OP_QR:
          _zb_renderer_draw_qr (cr, op->data, op->x, op->y, op->w);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (stroke_pending)
    cairo_stroke (cr);
}

char *
_zb_renderer_format_date (GDateTime *date)
{
  return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (date), g_date_time_get_month (date),
                          g_date_time_get_day_of_month (date));
}

/* A one-line layout of small print; @width > 0 ellipsizes what does not fit. */
static PangoLayout *
small_print (ZbRenderer *self, ZbFontRole role, double size, const char *text, double width,
             PangoAlignment align)
{
  g_autoptr (PangoFontDescription) font = _zb_render_font_for_role (role, size);
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

/* Draws @layout with its first baseline at @baseline and its box at @x. */
static void
show_at_baseline (ZbRenderer *self, cairo_t *cr, PangoLayout *layout, double x, double baseline)
{
  cairo_move_to (cr, x, baseline - (double)pango_layout_get_baseline (layout) / PANGO_SCALE);
  show_layout (self, cr, layout);
}

static double
text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

static void
draw_header (ZbRenderer *self, cairo_t *cr)
{
  const char *org = zb_document_get_org_name (self->document);
  const char *title = zb_document_get_title (self->document);
  double half = self->body_w / 2 - ZB_HEADER_SIZE;
  double baseline = self->geo.margin_top - ZB_MM_TO_PT (self->geo.page_number_outside ? 11 : 9);

  if (org == NULL && title == NULL)
    return;

  cairo_save (cr);
  cairo_set_source_rgb (cr, ZB_HEADER_GREY, ZB_HEADER_GREY, ZB_HEADER_GREY);
  if (org != NULL)
    {
      g_autoptr (PangoLayout) layout
          = small_print (self, ZB_FONT_BODY, ZB_HEADER_SIZE, org, half, PANGO_ALIGN_LEFT);

      show_at_baseline (self, cr, layout, self->body_x, baseline);
    }
  if (title != NULL)
    {
      g_autoptr (PangoLayout) layout
          = small_print (self, ZB_FONT_BODY, ZB_HEADER_SIZE, title, half, PANGO_ALIGN_RIGHT);

      show_at_baseline (self, cr, layout, self->body_x + self->body_w - half, baseline);
    }
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, self->body_x, baseline + ZB_MM_TO_PT (2.5));
  cairo_rel_line_to (cr, self->body_w, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* GB/T 9704: "— n —" in 宋体 四号, its top 7 mm below the text area, odd
 * pages on the right and even ones on the left, one character in. A document
 * that shows its page count reads "第 n 页 共 N 页" in the same place. */
static void
draw_page_number (ZbRenderer *self, cairo_t *cr, guint page)
{
  double size = self->geo.page_number_size;
  g_autofree char *text = zb_document_get_page_count_shown (self->document)
                              ? g_strdup_printf ("第 %u 页 共 %u 页", page + 1, self->pages->len)
                              : g_strdup_printf ("— %u —", page + 1);
  g_autoptr (PangoLayout) layout
      = small_print (self, ZB_FONT_SONG, size, text, -1, PANGO_ALIGN_LEFT);
  double width = text_width (layout);
  double x, top;

  if (self->geo.page_number_outside)
    {
      top = self->body_bottom + ZB_MM_TO_PT (7);
      if ((page + 1) % 2 == 1)
        x = self->body_x + self->body_w - size - width;
      else
        x = self->body_x + size;
    }
  else
    {
      top = self->body_bottom + ZB_MM_TO_PT (3);
      x = self->body_x + (self->body_w - width) / 2;
    }
  cairo_move_to (cr, x, top);
  show_layout (self, cr, layout);
}

/* The marking, the number, the print date and the verification QR code. */
static void
draw_footer (ZbRenderer *self, cairo_t *cr, guint page)
{
  const char *number = zb_document_get_number (self->document);
  const char *marking = zb_document_get_marking (self->document);
  g_autofree char *date = _zb_renderer_format_date (zb_document_get_print_date (self->document));
  g_autofree char *line2 = NULL;
  g_autoptr (PangoLayout) first = NULL;
  g_autoptr (PangoLayout) second = NULL;
  double qr = self->geo.footer_qr_size;
  double gap = ZB_MM_TO_PT (3);
  double qr_x, qr_y, text_x, text_w, mid;
  PangoAlignment align = PANGO_ALIGN_LEFT;

  if (self->geo.page_number_outside)
    {
      /* Opposite the page number. */
      qr_y = self->height - ZB_MM_TO_PT (10) - qr;
      qr_x = (page + 1) % 2 == 1 ? self->body_x : self->body_x + self->body_w - qr;
      text_w = self->body_w / 2;
      if ((page + 1) % 2 == 1)
        text_x = qr_x + qr + gap;
      else
        {
          text_x = qr_x - gap - text_w;
          align = PANGO_ALIGN_RIGHT;
        }
    }
  else
    {
      /* The page number is centred: QR code on the right, text on the left. */
      qr_y = self->height - ZB_MM_TO_PT (6) - qr;
      qr_x = self->body_x + self->body_w - qr;
      text_x = self->body_x;
      text_w = self->body_w / 3;
    }

  if (number != NULL)
    line2 = g_strdup_printf ("编号：%s　打印日期：%s", number, date);
  else
    line2 = g_strdup_printf ("打印日期：%s", date);
  /* Faces the page uses anyway: every face embedded costs a subset in the PDF
   * (about 10 ms to make, and Noto Sans CJK's Latin letters swell it to
   * nearly 1 MB with cairo 1.16). */
  first = small_print (self, ZB_FONT_TITLE, ZB_FOOTER_SIZE + 0.5, marking != NULL ? marking : "",
                       text_w, align);
  second = small_print (self, ZB_FONT_BODY, ZB_FOOTER_SIZE, line2, text_w, align);

  mid = qr_y + qr / 2;
  show_at_baseline (self, cr, first, text_x, mid - 2);
  show_at_baseline (self, cr, second, text_x, mid + ZB_FOOTER_SIZE + 2);

  if (self->footer_qr != NULL)
    _zb_renderer_draw_qr (cr, self->footer_qr, qr_x, qr_y, qr);
}

void
_zb_renderer_draw_decorations (ZbRenderer *self, cairo_t *cr, guint page)
{
  draw_header (self, cr);
  draw_page_number (self, cr, page);
  draw_footer (self, cr, page);
}
