/* zb-pdf-pages.h — the pages of a PDF in memory, rasterised off the UI thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "zb-document.h"

G_BEGIN_DECLS

#define ZB_TYPE_PDF_PAGES (zb_pdf_pages_get_type ())

G_DECLARE_FINAL_TYPE (ZbPdfPages, zb_pdf_pages, ZB, PDF_PAGES, GObject)

/* Takes a reference on @pdf. Only the cross-reference is read here; pages are
 * parsed when they are drawn. */
ZbPdfPages *zb_pdf_pages_new (GBytes *pdf, GError **error);
guint zb_pdf_pages_get_n_pages (ZbPdfPages *self);
/* In points. */
void zb_pdf_pages_get_page_size (ZbPdfPages *self, guint page, double *width, double *height);

/* Rasterises @page at @scale pixels per point on a worker thread, white
 * behind it, into a texture. Any number may run at once: poppler is used by
 * one of them at a time. */
void zb_pdf_pages_render_async (ZbPdfPages *self, guint page, double scale,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data);
GdkTexture *zb_pdf_pages_render_finish (ZbPdfPages *self, GAsyncResult *result, GError **error);

/* Lays @document out and draws its page @page at @scale pixels per point on a
 * worker thread, straight from the renderer and without a PDF: how a preview
 * shows its first page before the whole PDF is made. *n_pages is the number
 * of pages of @document. The document must not change until it is done. */
void zb_render_document_page_async (ZbDocument *document, guint page, double scale,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data);
GdkTexture *zb_render_document_page_finish (GAsyncResult *result, guint *n_pages, GError **error);

G_END_DECLS
