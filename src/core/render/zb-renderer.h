/* zb-renderer.h — lays a ZbDocument out in pages and draws them with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "zb-document.h"

G_BEGIN_DECLS

#define ZB_TYPE_RENDERER (zb_renderer_get_type ())

G_DECLARE_FINAL_TYPE (ZbRenderer, zb_renderer, ZB, RENDERER, GObject)

/* One renderer serves PDF export, the printer and the preview. With a
 * GtkPrintOperation: set_use_full_page (TRUE) and set_unit (GTK_UNIT_POINTS),
 * paginate in ::begin-print with the context's width and height, set
 * n-pages, and draw in ::draw-page. Use a renderer from one thread (Pango's
 * font map is per thread); documents can be laid out in a worker thread. */
ZbRenderer *zb_renderer_new (ZbDocument *document);
ZbDocument *zb_renderer_get_document (ZbRenderer *self);

/* Lays the document out on pages of @width × @height points (0 × 0: the page
 * set-up's A4) with the set-up's margins. Returns the number of pages. The
 * document must not change afterwards, or paginate again. */
guint zb_renderer_paginate (ZbRenderer *self, double width, double height);
guint zb_renderer_get_n_pages (ZbRenderer *self);

/* Draws page @page (from 0) on @cr, whose user space must be in points with
 * the origin at the page's top-left corner. Paginates first if needed. */
void zb_renderer_draw_page (ZbRenderer *self, cairo_t *cr, guint page);

/* Writes the whole document as PDF. The fonts it uses are embedded (subsets,
 * with a Unicode map so the text can be searched and copied). */
gboolean zb_renderer_render_to_pdf (ZbRenderer *self, GOutputStream *stream,
                                    GCancellable *cancellable, GError **error);
/* The same into @path, which is replaced only once the PDF is complete. */
gboolean zb_renderer_render_to_pdf_file (ZbRenderer *self, const char *path,
                                         GCancellable *cancellable, GError **error);

G_END_DECLS
