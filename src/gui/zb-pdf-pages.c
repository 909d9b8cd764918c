/* zb-pdf-pages.c — the pages of a PDF in memory, rasterised off the UI thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page becomes a cairo image surface with white painted behind what poppler
 * drew (a PDF page is transparent where nothing is printed), then a
 * GdkMemoryTexture over the surface's pixels: cairo's ARGB32 is the memory
 * layout of GDK_MEMORY_DEFAULT, so nothing is copied.
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "zb-pdf-pages.h"
#include "zb-renderer.h"

/* A page wider than this many pixels is drawn at this width instead: at 400 %
 * an A4 page is already 4,400 pixels across. */
#define MAX_PIXELS 6000

struct _ZbPdfPages
{
  GObject parent_instance;

  /* poppler-glib is not thread-safe per document: one render at a time. */
  GMutex lock;
  PopplerDocument *document;
  GBytes *bytes;
  guint n_pages;
  double *sizes; /* width, height of each page, read once */
};

G_DEFINE_FINAL_TYPE (ZbPdfPages, zb_pdf_pages, G_TYPE_OBJECT)

static void
zb_pdf_pages_finalize (GObject *object)
{
  ZbPdfPages *self = ZB_PDF_PAGES (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->sizes, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (zb_pdf_pages_parent_class)->finalize (object);
}

static void
zb_pdf_pages_class_init (ZbPdfPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zb_pdf_pages_finalize;
}

static void
zb_pdf_pages_init (ZbPdfPages *self)
{
  g_mutex_init (&self->lock);
}

ZbPdfPages *
zb_pdf_pages_new (GBytes *pdf, GError **error)
{
  g_autoptr (ZbPdfPages) self = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (ZB_TYPE_PDF_PAGES, NULL);
  self->bytes = g_bytes_ref (pdf);
  self->document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (self->document == NULL)
    {
      /* Our own renderer made it: a failure here is a bug, not the user's. */
      g_warning ("poppler cannot read the preview: %s", local_error->message);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The preview could not be shown."));
      return NULL;
    }

  self->n_pages = (guint)MAX (poppler_document_get_n_pages (self->document), 0);
  self->sizes = g_new0 (double, 2 * MAX (self->n_pages, 1));
  for (guint i = 0; i < self->n_pages; i++)
    {
      /* poppler-glib 22.12 has no autoptr cleanups. */
      PopplerPage *page = poppler_document_get_page (self->document, i);

      poppler_page_get_size (page, &self->sizes[2 * i], &self->sizes[2 * i + 1]);
      g_object_unref (page);
    }

  return g_steal_pointer (&self);
}

guint
zb_pdf_pages_get_n_pages (ZbPdfPages *self)
{
  g_return_val_if_fail (ZB_IS_PDF_PAGES (self), 0);

  return self->n_pages;
}

void
zb_pdf_pages_get_page_size (ZbPdfPages *self, guint page, double *width, double *height)
{
  g_return_if_fail (ZB_IS_PDF_PAGES (self));
  g_return_if_fail (page < self->n_pages);

  if (width != NULL)
    *width = self->sizes[2 * page];
  if (height != NULL)
    *height = self->sizes[2 * page + 1];
}

static void
destroy_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/* A surface of @width × @height points at @scale, white, with its context
 * scaled to points. */
static cairo_t *
new_page_context (double width, double height, double scale)
{
  int w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (width * scale > MAX_PIXELS)
    scale = MAX_PIXELS / width;
  w = MAX (1, (int)(width * scale + 0.5));
  h = MAX (1, (int)(height * scale + 0.5));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  cairo_scale (cr, (double)w / width, (double)h / height);
  return cr;
}

/* Paints white behind what was drawn, and hands the pixels to a texture. */
static GdkTexture *
finish_page_context (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  g_autoptr (GBytes) bytes = NULL;
  int stride, height;

  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OVER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize)stride * height, destroy_surface, surface);

  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

typedef struct
{
  guint page;
  double scale;
} RenderRequest;

static void
render_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable)
{
  ZbPdfPages *self = source_object;
  RenderRequest *request = task_data;
  PopplerPage *page;
  GError *error = NULL;
  cairo_t *cr;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cr = new_page_context (self->sizes[2 * request->page], self->sizes[2 * request->page + 1],
                         request->scale);

  g_mutex_lock (&self->lock);
  page = poppler_document_get_page (self->document, request->page);
  poppler_page_render (page, cr);
  g_object_unref (page);
  g_mutex_unlock (&self->lock);

  g_task_return_pointer (task, finish_page_context (cr), g_object_unref);
}

void
zb_pdf_pages_render_async (ZbPdfPages *self, guint page, double scale, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  RenderRequest *request;

  g_return_if_fail (ZB_IS_PDF_PAGES (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (scale > 0);

  request = g_new0 (RenderRequest, 1);
  request->page = page;
  request->scale = scale;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_pdf_pages_render_async);
  g_task_set_name (task, "[zhibu] preview page");
  g_task_set_task_data (task, request, g_free);
  g_task_run_in_thread (task, render_thread);
}

GdkTexture *
zb_pdf_pages_render_finish (ZbPdfPages *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  ZbDocument *document;
  guint page;
  double scale;
  guint n_pages;
} DocumentRequest;

static void
document_request_free (DocumentRequest *request)
{
  g_clear_object (&request->document);
  g_free (request);
}

static void
render_document_thread (GTask *task, gpointer source_object, gpointer task_data,
                        GCancellable *cancellable)
{
  DocumentRequest *request = task_data;
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (request->document);
  ZbPageGeometry geo;
  GError *error = NULL;
  cairo_t *cr;

  zb_page_setup_get_geometry (zb_document_get_page_setup (request->document), &geo);
  request->n_pages = zb_renderer_paginate (renderer, 0, 0);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cr = new_page_context (geo.paper_width, geo.paper_height, request->scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (request->page < request->n_pages)
    zb_renderer_draw_page (renderer, cr, request->page);

  g_task_return_pointer (task, finish_page_context (cr), g_object_unref);
}

void
zb_render_document_page_async (ZbDocument *document, guint page, double scale,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  DocumentRequest *request;

  g_return_if_fail (ZB_IS_DOCUMENT (document));
  g_return_if_fail (scale > 0);

  request = g_new0 (DocumentRequest, 1);
  request->document = g_object_ref (document);
  request->page = page;
  request->scale = scale;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_render_document_page_async);
  g_task_set_name (task, "[zhibu] first preview page");
  g_task_set_task_data (task, request, (GDestroyNotify)document_request_free);
  g_task_run_in_thread (task, render_document_thread);
}

GdkTexture *
zb_render_document_page_finish (GAsyncResult *result, guint *n_pages, GError **error)
{
  DocumentRequest *request;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (n_pages != NULL)
    *n_pages = request->n_pages;
  return g_task_propagate_pointer (G_TASK (result), error);
}
