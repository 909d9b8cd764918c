/* zb-renderer-private.h — the renderer's internals, shared by its source files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>
#include <qrencode.h>

#include "zb-document-private.h"
#include "zb-font-subsets-private.h"
#include "zb-renderer.h"

G_BEGIN_DECLS

/* Borders of tables and rules: 0.75 pt, what printed forms use. */
#define ZB_RULE_WIDTH 0.75

typedef enum
{
  ZB_OP_TEXT, /* a PangoLayoutLine, origin (x, y) = left end of the baseline */
  ZB_OP_RECT, /* stroked rectangle x, y, w, h */
  ZB_OP_LINE, /* stroked line from (x, y) to (x + w, y + h) */
  ZB_OP_QR,   /* a QRcode (data) of side w at (x, y) */
} ZbOpKind;

typedef struct
{
  ZbOpKind kind;
  double x, y, w, h;
  gpointer data;
} ZbOp;

typedef struct
{
  GArray *ops; /* ZbOp */
} ZbPage;

struct _ZbRenderer
{
  GObject parent_instance;

  ZbDocument *document;
  ZbPageGeometry geo;
  PangoContext *context;

  /* The result of the last pagination. */
  gboolean paginated;
  double width;
  double height;
  GPtrArray *layouts; /* every PangoLayout the pages' lines belong to */
  GPtrArray *qrcodes; /* QRcode of the pages' QR ops */
  GPtrArray *pages;   /* ZbPage */
  QRcode *footer_qr;
  char *footer_qr_text;

  /* The text area of the pages and the flow's cursor while paginating. */
  double body_x;
  double body_y;
  double body_w;
  double body_bottom;
  ZbPage *page;
  double y;
  gboolean page_has_content;
  /* Where the block being placed and the one before it began (page, first
   * op, top), so that signatures can take the block before them along to a
   * new page rather than stand alone there (GB/T 9704). */
  ZbPage *block_page, *prev_block_page;
  guint block_op, prev_block_op;
  double block_top, prev_block_top;
  /* The block placed last was a title or heading: the block after it starts
   * where the heading did, so that a carry takes the heading along too. */
  gboolean block_keeps_with_next;

  GArray *metrics; /* ZbFontMetrics cache */

  /* When set, text is drawn from subsets of the fonts (PDF output). */
  ZbFontSubsets *subsets;
};

/* zb-renderer.c */
void _zb_renderer_new_page (ZbRenderer *self);
void _zb_renderer_add_op (ZbRenderer *self, ZbOpKind kind, double x, double y, double w, double h,
                          gpointer data);
PangoLayout *_zb_renderer_new_layout (ZbRenderer *self, const PangoFontDescription *font,
                                      const char *text, double width, PangoAlignment align,
                                      PangoWrapMode wrap);
/* Where the baseline sits in a line of @advance points of @font: the face's
 * ascent and descent centred in the line. */
double _zb_renderer_baseline (ZbRenderer *self, const PangoFontDescription *font, double advance);
/* Emits lines [first, last) of @layout, the first line's top at @top, a line
 * every @advance points; @x is the layout's left edge. */
void _zb_renderer_emit_lines (ZbRenderer *self, PangoLayout *layout, int first, int last, double x,
                              double top, double advance, double baseline);
QRcode *_zb_renderer_encode_qr (ZbRenderer *self, const char *text, QRecLevel level);
/* Makes the pages draw their text from subsets of the fonts holding just the
 * glyphs they use (see zb-font-subsets-private.h); paginating again drops them. */
void _zb_renderer_prepare_subsets (ZbRenderer *self);

/* zb-renderer-table.c */
/* Flows @table from the cursor, over as many pages as it needs, rows whole,
 * header rows repeated. @x is its left edge, or < 0 to centre it. */
void _zb_renderer_place_table (ZbRenderer *self, ZbTable *table, double x);

/* zb-renderer-draw.c */
void _zb_renderer_draw_ops (ZbRenderer *self, cairo_t *cr, ZbPage *page);
void _zb_renderer_draw_decorations (ZbRenderer *self, cairo_t *cr, guint page);
void _zb_renderer_draw_qr (cairo_t *cr, const QRcode *qr, double x, double y, double size);
/* "2026年11月27日" */
char *_zb_renderer_format_date (GDateTime *date);

/* Writing a cairo PDF surface to a GOutputStream (zb-renderer-pdf.c): create
 * the surface with _zb_pdf_writer_write and a ZbPdfWriter as closure, draw, then
 * _zb_pdf_writer_finish, which finishes and frees the surface and turns a
 * write error, a cancellation or a cairo failure into @error. */
typedef struct
{
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
} ZbPdfWriter;

cairo_status_t _zb_pdf_writer_write (void *closure, const unsigned char *data, unsigned int length);
gboolean _zb_pdf_writer_finish (ZbPdfWriter *writer, cairo_surface_t *surface, GError **error);

G_END_DECLS
