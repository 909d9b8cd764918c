/* zb-renderer-pdf.c — writing a laid-out document as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "zb-renderer-private.h"

cairo_status_t
_zb_pdf_writer_write (void *closure, const unsigned char *data, unsigned int length)
{
  ZbPdfWriter *writer = closure;

  /* After a failure or a cancellation the rest is dropped, but cairo is told
   * all is well: cairo 1.16 can trip over its own assertions when it finishes
   * a PDF (embedding the fonts) with its output in an error state. The error
   * kept here is what _zb_pdf_writer_finish() reports. */
  if (writer->error == NULL)
    g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable,
                               &writer->error);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
_zb_pdf_writer_finish (ZbPdfWriter *writer, cairo_surface_t *surface, GError **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer->error != NULL)
    {
      if (g_error_matches (writer->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&writer->error));
      else
        {
          g_set_error (error, writer->error->domain, writer->error->code,
                       _ ("The PDF could not be written: %s"), writer->error->message);
          g_clear_error (&writer->error);
        }
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("cairo could not make the PDF: %s", cairo_status_to_string (status));
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The document could not be made into a PDF."));
      return FALSE;
    }
  return TRUE;
}

static void
set_metadata (ZbRenderer *self, cairo_surface_t *surface)
{
  GDateTime *date = zb_document_get_print_date (self->document);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");
  const char *title = zb_document_get_title (self->document);
  const char *org = zb_document_get_org_name (self->document);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (org != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, org);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  zb_document_get_number (self->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "支部党务 (Zhibu)");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
}

gboolean
zb_renderer_render_to_pdf (ZbRenderer *self, GOutputStream *stream, GCancellable *cancellable,
                           GError **error)
{
  ZbPdfWriter writer = { stream, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (ZB_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (zb_document_get_number (self->document) != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->paginated || self->width != self->geo.paper_width
      || self->height != self->geo.paper_height)
    zb_renderer_paginate (self, 0, 0);
  _zb_renderer_prepare_subsets (self);

  surface = cairo_pdf_surface_create_for_stream (_zb_pdf_writer_write, &writer, self->width,
                                                 self->height);
  set_metadata (self, surface);
  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, &writer.error))
        break;
      zb_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return _zb_pdf_writer_finish (&writer, surface, error);
}

gboolean
zb_renderer_render_to_pdf_file (ZbRenderer *self, const char *path, GCancellable *cancellable,
                                GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (ZB_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written beside the target and renamed over it on close, so a failure never
   * leaves half a file; private, as documents hold personal data. */
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE,
                        G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &local_error);
  if (out == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _ ("The PDF could not be written: %s"), local_error->message);
      return FALSE;
    }

  if (!zb_renderer_render_to_pdf (self, G_OUTPUT_STREAM (out), cancellable, error))
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves whatever was at @path before. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _ ("The PDF could not be written: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
