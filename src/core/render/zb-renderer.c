/* zb-renderer.c — lays a ZbDocument out in pages and draws them with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "zb-renderer-private.h"

G_DEFINE_FINAL_TYPE (ZbRenderer, zb_renderer, G_TYPE_OBJECT)

typedef struct
{
  PangoFontDescription *font;
  double ascent;
  double descent;
} ZbFontMetrics;

/* How each text style looks on the page set-up. */
typedef struct
{
  ZbFontRole role;
  double size;
  double advance;
  PangoAlignment align;
  gboolean justify;
  double indent; /* in characters, first line */
  double space_before;
  double space_after;
  gboolean keep_with_next;
} ZbTextLook;

/* Chinese line-breaking rules (禁则, after W3C clreq): no line starts with a
 * closing bracket or a pause or stop mark, none ends with an opening bracket,
 * and 破折号 —— and 省略号 …… are never split. Pango's UAX #14 breaking
 * mostly gets this right, but not where a run is too long for its line and
 * PANGO_WRAP_WORD_CHAR falls back to breaking between any characters. */
static const char no_line_start[] = "，。、；：？！）》」』】〕〗〉］｝”’．·～%‰℃,.;:?!)]}";
static const char no_line_end[] = "（《「『【〔〖〈［｛“‘([{";
static const char inseparable[] = "—…";

static void
page_free (gpointer data)
{
  ZbPage *page = data;

  g_array_unref (page->ops);
  g_free (page);
}

static void
qrcode_free (gpointer data)
{
  QRcode *qr = data;

  /* The recovery sheet's QR code is the key itself. */
  explicit_bzero (qr->data, (gsize)qr->width * qr->width);
  QRcode_free (qr);
}

static void
reset (ZbRenderer *self)
{
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->layouts, 0);
  g_ptr_array_set_size (self->qrcodes, 0);
  g_clear_pointer (&self->footer_qr, qrcode_free);
  g_clear_pointer (&self->footer_qr_text, g_free);
  g_clear_pointer (&self->subsets, _zb_font_subsets_free);
  self->page = NULL;
  self->block_page = self->prev_block_page = NULL;
  self->block_keeps_with_next = FALSE;
  self->paginated = FALSE;
}

static void
zb_renderer_finalize (GObject *object)
{
  ZbRenderer *self = (ZbRenderer *)object;

  reset (self);
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->layouts);
  g_ptr_array_unref (self->qrcodes);
  for (guint i = 0; i < self->metrics->len; i++)
    pango_font_description_free (g_array_index (self->metrics, ZbFontMetrics, i).font);
  g_array_unref (self->metrics);
  g_clear_object (&self->context);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (zb_renderer_parent_class)->finalize (object);
}

static void
zb_renderer_class_init (ZbRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_renderer_finalize;
}

static void
zb_renderer_init (ZbRenderer *self)
{
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->qrcodes = g_ptr_array_new_with_free_func (qrcode_free);
  self->metrics = g_array_new (FALSE, TRUE, sizeof (ZbFontMetrics));
}

ZbRenderer *
zb_renderer_new (ZbDocument *document)
{
  ZbRenderer *self;

  g_return_val_if_fail (ZB_IS_DOCUMENT (document), NULL);

  self = g_object_new (ZB_TYPE_RENDERER, NULL);
  self->document = g_object_ref (document);
  zb_page_setup_get_geometry (zb_document_get_page_setup (document), &self->geo);
  return self;
}

ZbDocument *
zb_renderer_get_document (ZbRenderer *self)
{
  g_return_val_if_fail (ZB_IS_RENDERER (self), NULL);

  return self->document;
}

/* Layout in unhinted points, so that pages break in the same places on
 * screen, on paper and in the PDF. */
static PangoContext *
get_context (ZbRenderer *self)
{
  if (self->context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (self->context, options);
      pango_cairo_context_set_resolution (self->context, 72.0);
      pango_context_set_round_glyph_positions (self->context, FALSE);
      /* Simplified Chinese glyph forms and line breaking, whatever the locale. */
      pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
      cairo_font_options_destroy (options);
    }
  return self->context;
}

static void
glue (PangoAttrList *attrs, const char *text, const char *start, const char *end)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = start - text;
  attr->end_index = end - text;
  pango_attr_list_insert (attrs, attr);
}

static PangoAttrList *
line_break_rules (const char *text)
{
  PangoAttrList *attrs = NULL;
  const char *prev = NULL;

  for (const char *p = text; *p != '\0'; prev = p, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c < 0x80 && !g_ascii_ispunct (c))
        continue;
      if (attrs == NULL)
        attrs = pango_attr_list_new ();
      if (prev != NULL && g_utf8_strchr (no_line_start, -1, c) != NULL)
        glue (attrs, text, prev, next);
      if (*next != '\0' && g_utf8_strchr (no_line_end, -1, c) != NULL)
        glue (attrs, text, p, g_utf8_next_char (next));
      if (*next != '\0' && g_utf8_get_char (next) == c
          && g_utf8_strchr (inseparable, -1, c) != NULL)
        glue (attrs, text, p, g_utf8_next_char (next));
    }
  return attrs;
}

PangoLayout *
_zb_renderer_new_layout (ZbRenderer *self, const PangoFontDescription *font, const char *text,
                         double width, PangoAlignment align, PangoWrapMode wrap)
{
  PangoLayout *layout = pango_layout_new (get_context (self));
  PangoAttrList *attrs;

  if (text == NULL)
    text = "";
  pango_layout_set_font_description (layout, font);
  if (width > 0)
    pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, wrap);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  if ((attrs = line_break_rules (text)) != NULL)
    {
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  g_ptr_array_add (self->layouts, layout);
  return layout;
}

double
_zb_renderer_baseline (ZbRenderer *self, const PangoFontDescription *face, double advance)
{
  g_autoptr (PangoFontDescription) font = NULL;
  ZbFontMetrics *found = NULL;

  /* Every face of a size sits on the body face's baseline, so that a 黑体
   * heading keeps the 28 pt grid of the 仿宋 lines around it. */
  font = _zb_render_font_for_role (ZB_FONT_BODY,
                                   (double)pango_font_description_get_size (face) / PANGO_SCALE);

  for (guint i = 0; i < self->metrics->len && found == NULL; i++)
    if (pango_font_description_equal (g_array_index (self->metrics, ZbFontMetrics, i).font, font))
      found = &g_array_index (self->metrics, ZbFontMetrics, i);

  if (found == NULL)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (get_context (self), font, NULL);
      ZbFontMetrics entry = {
        .font = pango_font_description_copy (font),
        .ascent = (double)pango_font_metrics_get_ascent (metrics) / PANGO_SCALE,
        .descent = (double)pango_font_metrics_get_descent (metrics) / PANGO_SCALE,
      };

      pango_font_metrics_unref (metrics);
      g_array_append_val (self->metrics, entry);
      found = &g_array_index (self->metrics, ZbFontMetrics, self->metrics->len - 1);
    }

  return (advance - (found->ascent + found->descent)) / 2.0 + found->ascent;
}

void
_zb_renderer_new_page (ZbRenderer *self)
{
  ZbPage *page = g_new0 (ZbPage, 1);

  page->ops = g_array_new (FALSE, FALSE, sizeof (ZbOp));
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->y = self->body_y;
  self->page_has_content = FALSE;
}

void
_zb_renderer_add_op (ZbRenderer *self, ZbOpKind kind, double x, double y, double w, double h,
                     gpointer data)
{
  ZbOp op = { kind, x, y, w, h, data };

  g_array_append_val (self->page->ops, op);
  self->page_has_content = TRUE;
}

void
_zb_renderer_emit_lines (ZbRenderer *self, PangoLayout *layout, int first, int last, double x,
                         double top, double advance, double baseline)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int i = 0;

  do
    {
      if (i >= first)
        {
          PangoRectangle logical;

          /* The line's x includes its alignment offset and indent. */
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          _zb_renderer_add_op (self, ZB_OP_TEXT, x + (double)logical.x / PANGO_SCALE,
                               top + (i - first) * advance + baseline, 0, 0,
                               pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < last && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

QRcode *
_zb_renderer_encode_qr (ZbRenderer *self, const char *text, QRecLevel level)
{
  /* libqrencode picks numeric, alphanumeric and byte segments itself. */
  QRcode *qr = QRcode_encodeString (text, 0, level, QR_MODE_8, TRUE);

  if (qr == NULL)
    {
      g_warning ("Could not encode a QR code of %zu bytes", strlen (text));
      return NULL;
    }
  g_ptr_array_add (self->qrcodes, qr);
  return qr;
}

static void
get_look (ZbRenderer *self, ZbTextStyle style, ZbTextLook *look)
{
  const ZbPageGeometry *geo = &self->geo;

  *look = (ZbTextLook){
    .role = ZB_FONT_BODY,
    .size = geo->body_size,
    .advance = geo->body_advance,
    .align = PANGO_ALIGN_LEFT,
  };

  switch (style)
    {
    case ZB_TEXT_TITLE:
      look->role = ZB_FONT_TITLE;
      look->size = geo->title_size;
      look->advance = geo->title_advance;
      look->align = PANGO_ALIGN_CENTER;
      look->space_after = geo->body_advance * 0.5;
      look->keep_with_next = TRUE;
      break;
    case ZB_TEXT_SUBTITLE:
      look->role = ZB_FONT_KAI;
      look->align = PANGO_ALIGN_CENTER;
      look->space_after = geo->body_advance * 0.5;
      look->keep_with_next = TRUE;
      break;
    case ZB_TEXT_HEADING:
      look->role = ZB_FONT_HEADING;
      look->indent = 2;
      look->keep_with_next = TRUE;
      break;
    case ZB_TEXT_SUBHEADING:
      look->role = ZB_FONT_KAI;
      look->indent = 2;
      look->keep_with_next = TRUE;
      break;
    case ZB_TEXT_BODY:
      look->justify = TRUE;
      look->indent = 2;
      break;
    case ZB_TEXT_CLOSING:
      look->align = PANGO_ALIGN_RIGHT;
      break;
    case ZB_TEXT_NOTE:
      look->size = geo->note_size;
      look->advance = geo->note_advance;
      look->justify = TRUE;
      look->indent = 2;
      break;
    case ZB_TEXT_CODE:
      look->role = ZB_FONT_MONO;
      look->size = geo->note_size;
      look->advance = geo->note_advance;
      look->indent = 2;
      break;
    case ZB_TEXT_PLAIN:
    default:
      break;
    }
}

static gboolean
text_keeps_with_next (ZbRenderer *self, ZbTextStyle style)
{
  ZbTextLook look;

  get_look (self, style, &look);
  return look.keep_with_next;
}

/* A command is broken only at its spaces, never after a hyphen of "--db". */
static void
keep_words_together (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *current = pango_layout_get_attributes (layout);
  g_autoptr (PangoAttrList) attrs
      = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
  const char *word = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean space = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (!space && word == NULL)
        word = p;
      else if (space && word != NULL)
        {
          glue (attrs, text, word, p);
          word = NULL;
        }
      if (*p == '\0')
        break;
    }
  pango_layout_set_attributes (layout, attrs);
}

static double
remaining (ZbRenderer *self)
{
  return self->body_bottom - self->y;
}

static void
place_text (ZbRenderer *self, const ZbBlock *block, gboolean more_follows)
{
  g_autoptr (PangoFontDescription) font = NULL;
  PangoLayout *layout;
  ZbTextLook look;
  double baseline;
  int n_lines, first = 0;

  get_look (self, block->style, &look);
  font = _zb_render_font_for_role (look.role, look.size);
  layout = _zb_renderer_new_layout (self, font, block->text, self->body_w, look.align,
                                    PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (layout, look.justify);
  if (block->style == ZB_TEXT_CODE)
    keep_words_together (layout);
  pango_layout_set_indent (layout, (int)(look.indent * look.size * PANGO_SCALE));
  n_lines = pango_layout_get_line_count (layout);
  baseline = _zb_renderer_baseline (self, font, look.advance);

  if (self->page_has_content)
    self->y += look.space_before;

  /* A title or heading is not left alone at the foot of a page. */
  if (look.keep_with_next && more_follows && self->page_has_content)
    {
      double need = n_lines * look.advance + look.space_after + 2 * self->geo.body_advance;

      if (need > remaining (self) && need <= self->body_bottom - self->body_y)
        _zb_renderer_new_page (self);
    }

  while (first < n_lines)
    {
      int left = n_lines - first;
      int fit = (int)floor ((remaining (self) + 0.01) / look.advance);

      if (fit < left)
        {
          /* No paragraph starts with a single line at the foot of a page,
           * nor leaves its last line alone at the top of the next. */
          if (self->page_has_content && (fit <= 0 || (fit == 1 && left >= 2)))
            {
              _zb_renderer_new_page (self);
              continue;
            }
          if (fit <= 0)
            fit = 1; /* a line taller than the page: let it overflow */
          if (left - fit == 1 && fit > 2)
            fit--;
        }
      else
        fit = left;

      _zb_renderer_emit_lines (self, layout, first, first + fit, self->body_x, self->y,
                               look.advance, baseline);
      self->y += fit * look.advance;
      first += fit;
      if (first < n_lines)
        _zb_renderer_new_page (self);
    }

  self->y += look.space_after;
}

/* GB/T 9704 allows no page that holds the signatures alone: when they do not
 * fit, the block before them (散会, the last paragraph) goes to the new page
 * with them — when it began on this page, is not all of it, and is short. */
static gboolean
carry_previous_block (ZbRenderer *self)
{
  ZbPage *old = self->page;
  g_autoptr (GArray) moved = NULL;
  double used, shift;

  if (self->prev_block_page != old || self->prev_block_op == 0
      || self->prev_block_op >= old->ops->len
      || self->y - self->prev_block_top > (self->body_bottom - self->body_y) / 2)
    return FALSE;

  used = self->y - self->prev_block_top;
  moved = g_array_sized_new (FALSE, FALSE, sizeof (ZbOp), old->ops->len - self->prev_block_op);
  g_array_append_vals (moved, &g_array_index (old->ops, ZbOp, self->prev_block_op),
                       old->ops->len - self->prev_block_op);
  g_array_set_size (old->ops, self->prev_block_op);

  _zb_renderer_new_page (self);
  shift = self->y - self->prev_block_top;
  for (guint i = 0; i < moved->len; i++)
    {
      ZbOp *op = &g_array_index (moved, ZbOp, i);

      _zb_renderer_add_op (self, op->kind, op->x, op->y + shift, op->w, op->h, op->data);
    }
  self->y += used;
  return TRUE;
}

static void
place_signatures (ZbRenderer *self, const ZbBlock *block)
{
  g_autoptr (PangoFontDescription) font
      = _zb_render_font_for_role (ZB_FONT_BODY, self->geo.body_size);
  double advance = self->geo.body_advance;
  double baseline = _zb_renderer_baseline (self, font, advance);
  double line_w = 7 * self->geo.body_size; /* room to sign */
  double label_w = 0, total_w, x, height;
  guint n = block->labels != NULL ? g_strv_length (block->labels) : 0;
  g_autofree PangoLayout **labels = g_new0 (PangoLayout *, n + 1);
  PangoLayout *date;

  for (guint i = 0; i < n; i++)
    {
      int w;

      labels[i] = _zb_renderer_new_layout (self, font, block->labels[i], -1, PANGO_ALIGN_LEFT,
                                           PANGO_WRAP_WORD_CHAR);
      pango_layout_get_size (labels[i], &w, NULL);
      label_w = MAX (label_w, (double)w / PANGO_SCALE);
    }
  total_w = MIN (label_w + line_w, self->body_w);
  x = self->body_x + self->body_w - total_w;

  /* Half an empty line above, then the signature lines and the date, together. */
  height = (n + 1.5) * advance;
  if (height > remaining (self) && self->page_has_content && !carry_previous_block (self))
    _zb_renderer_new_page (self);
  if (self->page_has_content)
    self->y += advance / 2;

  for (guint i = 0; i < n; i++)
    {
      _zb_renderer_emit_lines (self, labels[i], 0, 1, x, self->y, advance, baseline);
      _zb_renderer_add_op (self, ZB_OP_LINE, x + label_w, self->y + baseline + 3, total_w - label_w,
                           0, NULL);
      self->y += advance;
    }

  /* A blank date is written in by hand: room before 年, 月 and 日. */
  date = _zb_renderer_new_layout (self, font, block->text != NULL ? block->text : "年　　月　　日",
                                  total_w, PANGO_ALIGN_RIGHT, PANGO_WRAP_WORD_CHAR);
  _zb_renderer_emit_lines (self, date, 0, 1, x, self->y, advance, baseline);
  self->y += advance;
}

static void
place_qr (ZbRenderer *self, const ZbBlock *block)
{
  double size = ZB_MM_TO_PT (block->amount);
  double gap = self->geo.body_advance / 2;
  QRcode *qr = _zb_renderer_encode_qr (self, block->text, QR_ECLEVEL_M);

  if (qr == NULL)
    return;
  if (size + 2 * gap > remaining (self) && self->page_has_content)
    _zb_renderer_new_page (self);
  else if (self->page_has_content)
    self->y += gap;
  _zb_renderer_add_op (self, ZB_OP_QR, self->body_x + (self->body_w - size) / 2, self->y, size,
                       size, qr);
  self->y += size + gap;
}

/* The key in a grid of large characters on the left, its QR code on the right. */
static void
place_secret_key (ZbRenderer *self, const ZbBlock *block)
{
  double size = ZB_MM_TO_PT (block->amount);
  double inset = self->geo.body_size / 2;
  double pad_h, pad_v, grid_h, top;
  QRcode *qr;

  /* Error correction level Q: a key must survive a crease or a stain. */
  qr = _zb_renderer_encode_qr (self, block->text, QR_ECLEVEL_Q);
  _zb_table_get_padding (block->table, &pad_h, &pad_v);
  grid_h = zb_table_get_n_rows (block->table) * (_zb_table_get_advance (block->table) + 2 * pad_v);
  if (MAX (grid_h, size) > remaining (self) && self->page_has_content)
    _zb_renderer_new_page (self);

  top = self->y;
  _zb_renderer_place_table (self, block->table, self->body_x + inset);
  grid_h = self->y - top;
  if (qr != NULL)
    _zb_renderer_add_op (self, ZB_OP_QR, self->body_x + self->body_w - size - inset,
                         top + MAX (grid_h - size, 0) / 2, size, size, qr);
  self->y = top + MAX (grid_h, size);
}

guint
zb_renderer_paginate (ZbRenderer *self, double width, double height)
{
  guint n_blocks;

  g_return_val_if_fail (ZB_IS_RENDERER (self), 0);

  reset (self);
  if (width <= 0 || height <= 0)
    {
      width = self->geo.paper_width;
      height = self->geo.paper_height;
    }
  self->width = width;
  self->height = height;
  self->body_x = self->geo.margin_left;
  self->body_y = self->geo.margin_top;
  self->body_w = width - self->geo.margin_left - self->geo.margin_right;
  self->body_bottom = height - self->geo.margin_bottom;

  /* The verification code: same on every page, so any one page can be checked. */
  self->footer_qr_text = zb_document_dup_verification_text (self->document);
  self->footer_qr = QRcode_encodeString (self->footer_qr_text, 0, QR_ECLEVEL_M, QR_MODE_8, TRUE);

  _zb_renderer_new_page (self);
  n_blocks = _zb_document_get_n_blocks (self->document);
  for (guint i = 0; i < n_blocks; i++)
    {
      const ZbBlock *block = _zb_document_get_block (self->document, i);
      gboolean more_follows
          = i + 1 < n_blocks
            && _zb_document_get_block (self->document, i + 1)->kind != ZB_BLOCK_PAGE_BREAK;

      if (block->kind != ZB_BLOCK_SPACER && block->kind != ZB_BLOCK_PAGE_BREAK)
        {
          /* A heading and the block it heads are one block for the carry: a
           * heading is never left behind at the foot of a page when what it
           * heads goes on with the signatures. */
          if (!self->block_keeps_with_next)
            {
              self->prev_block_page = self->block_page;
              self->prev_block_op = self->block_op;
              self->prev_block_top = self->block_top;
              self->block_page = self->page;
              self->block_op = self->page->ops->len;
              self->block_top = self->y;
            }
          self->block_keeps_with_next
              = block->kind == ZB_BLOCK_TEXT && text_keeps_with_next (self, block->style);
        }

      switch (block->kind)
        {
        case ZB_BLOCK_TEXT:
          place_text (self, block, more_follows);
          break;
        case ZB_BLOCK_TABLE:
          _zb_renderer_place_table (self, block->table, -1);
          break;
        case ZB_BLOCK_FIELDS:
          _zb_renderer_place_table (self, block->table, self->body_x);
          break;
        case ZB_BLOCK_SIGNATURES:
          place_signatures (self, block);
          break;
        case ZB_BLOCK_SPACER:
          if (self->page_has_content)
            self->y += block->amount * self->geo.body_advance;
          break;
        case ZB_BLOCK_PAGE_BREAK:
          if (self->page_has_content)
            _zb_renderer_new_page (self);
          break;
        case ZB_BLOCK_QR:
          place_qr (self, block);
          break;
        case ZB_BLOCK_SECRET_KEY:
          place_secret_key (self, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* A break or spacer at the very end leaves no empty page behind. */
  if (self->pages->len > 1 && !self->page_has_content)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);

  self->page = NULL;
  self->paginated = TRUE;
  return self->pages->len;
}

guint
zb_renderer_get_n_pages (ZbRenderer *self)
{
  g_return_val_if_fail (ZB_IS_RENDERER (self), 0);

  if (!self->paginated)
    zb_renderer_paginate (self, 0, 0);
  return self->pages->len;
}

void
zb_renderer_draw_page (ZbRenderer *self, cairo_t *cr, guint page)
{
  g_return_if_fail (ZB_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);

  if (!self->paginated)
    zb_renderer_paginate (self, 0, 0);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  _zb_renderer_draw_ops (self, cr, g_ptr_array_index (self->pages, page));
  _zb_renderer_draw_decorations (self, cr, page);
  cairo_restore (cr);
}

void
_zb_renderer_prepare_subsets (ZbRenderer *self)
{
  cairo_surface_t *scratch;
  cairo_t *cr;

  if (!self->paginated)
    zb_renderer_paginate (self, 0, 0);
  if (self->subsets != NULL)
    return;

  /* The pages are drawn once onto a scratch surface with the subsets
   * collecting the glyphs each face needs. */
  self->subsets = _zb_font_subsets_new ();
  scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (scratch);
  for (guint i = 0; i < self->pages->len; i++)
    zb_renderer_draw_page (self, cr, i);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  _zb_font_subsets_prepare (self->subsets);
}
