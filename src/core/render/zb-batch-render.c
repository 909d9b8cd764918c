/* zb-batch-render.c — several documents into one PDF, on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "zb-batch-render.h"
#include "zb-renderer-private.h"

typedef struct
{
  GPtrArray *documents;
  GFile *file;
  ZbBatchProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;

  /* Written by the worker, read by the progress callback on the caller's
   * context: the last count, and whether a report is already on its way. */
  gint done;
  gint report_pending;
} BatchJob;

typedef struct
{
  GDestroyNotify destroy;
  gpointer data;
} DestroyCall;

static gboolean
destroy_call_cb (gpointer user_data)
{
  DestroyCall *call = user_data;

  call->destroy (call->data);
  g_free (call);
  return G_SOURCE_REMOVE;
}

/* Runs @func on @context's thread, always later: g_main_context_invoke()
 * would run it right here, on the worker, whenever the caller's thread is
 * between two iterations of a context that is the default one. */
static void
run_on_context (GMainContext *context, GSourceFunc func, gpointer data, GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, context);
  g_source_unref (source);
}

static void
batch_job_clear (BatchJob *job)
{
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_object (&job->file);

  /* The last reference may go on the worker; the progress data (a window,
   * say) is let go on the thread that gave it. */
  if (job->progress_destroy != NULL)
    {
      DestroyCall *call = g_new0 (DestroyCall, 1);

      call->destroy = job->progress_destroy;
      call->data = job->progress_data;
      run_on_context (job->context, destroy_call_cb, call, NULL);
    }
  g_clear_pointer (&job->context, g_main_context_unref);
}

static void
batch_job_unref (BatchJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify)batch_job_clear);
}

static gboolean
report_progress_cb (gpointer user_data)
{
  BatchJob *job = user_data;

  /* Cleared before reading, so that a count written meanwhile schedules one
   * more report rather than being lost. */
  g_atomic_int_set (&job->report_pending, 0);
  job->progress ((guint)g_atomic_int_get (&job->done), job->documents->len, job->progress_data);
  return G_SOURCE_REMOVE;
}

/* On the worker. A report already waiting picks the new count up; reports are
 * queued in order before the task's own completion, so the last one is seen
 * before the callback. */
static void
batch_job_report (BatchJob *job, guint done)
{
  g_atomic_int_set (&job->done, (gint)done);
  if (job->progress == NULL || !g_atomic_int_compare_and_exchange (&job->report_pending, 0, 1))
    return;

  run_on_context (job->context, report_progress_cb, g_atomic_rc_box_acquire (job),
                  (GDestroyNotify)batch_job_unref);
}

/* Several documents on one cairo PDF surface, each page at its document's
 * paper size, with an outline entry per document. */
static gboolean
render_many (BatchJob *job, GOutputStream *stream, GArray *page_counts, GCancellable *cancellable,
             GError **error)
{
  ZbPdfWriter writer = { stream, cancellable, NULL };
  ZbDocument *first = g_ptr_array_index (job->documents, 0);
  cairo_surface_t *surface;
  cairo_t *cr = NULL;
  guint page_no = 0;

  surface = cairo_pdf_surface_create_for_stream (_zb_pdf_writer_write, &writer, 595.0, 842.0);
  if (zb_document_get_title (first) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    zb_document_get_title (first));
  if (zb_document_get_org_name (first) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                    zb_document_get_org_name (first));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "支部党务 (Zhibu)");

  for (guint d = 0; d < job->documents->len && writer.error == NULL; d++)
    {
      ZbDocument *document = g_ptr_array_index (job->documents, d);
      g_autoptr (ZbRenderer) renderer = zb_renderer_new (document);
      g_autofree char *outline = NULL;
      g_autofree char *link = NULL;
      ZbPageGeometry geo;
      guint n_pages;

      zb_page_setup_get_geometry (zb_document_get_page_setup (document), &geo);
      n_pages = zb_renderer_paginate (renderer, 0, 0);
      g_array_append_val (page_counts, n_pages);
      /* Documents after the first mostly find their glyphs in the kept
       * subsets, and share their fonts in the PDF. */
      _zb_renderer_prepare_subsets (renderer);

      for (guint i = 0; i < n_pages; i++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &writer.error))
            break;

          /* The size applies from the next page drawn, so it is set before
           * the context that draws it exists or after the last show_page. */
          cairo_pdf_surface_set_size (surface, geo.paper_width, geo.paper_height);
          if (cr == NULL)
            cr = cairo_create (surface);
          if (i == 0)
            {
              outline = g_strdup_printf ("%s %s", zb_document_get_title (document) ?: "",
                                         zb_document_get_number (document) ?: "");
              link = g_strdup_printf ("page=%u", page_no + 1);
              cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, g_strstrip (outline),
                                             link, 0);
            }
          zb_renderer_draw_page (renderer, cr, i);
          cairo_show_page (cr);
          page_no++;
        }

      batch_job_report (job, d + 1);
    }

  if (cr != NULL)
    cairo_destroy (cr);
  return _zb_pdf_writer_finish (&writer, surface, error);
}

static gboolean
render_one (BatchJob *job, GOutputStream *stream, GArray *page_counts, GCancellable *cancellable,
            GError **error)
{
  ZbDocument *document = g_ptr_array_index (job->documents, 0);
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (document);
  guint n_pages = zb_renderer_paginate (renderer, 0, 0);
  gboolean ok;

  g_array_append_val (page_counts, n_pages);
  if (stream == NULL)
    {
      g_autofree char *path = g_file_get_path (job->file);

      ok = zb_renderer_render_to_pdf_file (renderer, path, cancellable, error);
    }
  else
    ok = zb_renderer_render_to_pdf (renderer, stream, cancellable, error);

  if (ok)
    batch_job_report (job, 1);
  return ok;
}

static gboolean
batch_job_run (BatchJob *job, GBytes **pdf, GArray **page_counts, GCancellable *cancellable,
               GError **error)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GOutputStream) memory = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  for (guint i = 0; i < job->documents->len; i++)
    g_return_val_if_fail (zb_document_get_number (g_ptr_array_index (job->documents, i)) != NULL,
                          FALSE);

  if (job->file == NULL)
    {
      memory = g_memory_output_stream_new_resizable ();
      ok = job->documents->len == 1 ? render_one (job, memory, counts, cancellable, error)
                                    : render_many (job, memory, counts, cancellable, error);
      if (!ok)
        return FALSE;
      g_output_stream_close (memory, NULL, NULL);
      if (pdf != NULL)
        *pdf = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
    }
  else if (job->documents->len == 1)
    {
      if (!render_one (job, NULL, counts, cancellable, error))
        return FALSE;
    }
  else
    {
      /* As zb_renderer_render_to_pdf_file(): written beside the target and
       * renamed over it on close, private, and dropped on failure. */
      out = g_file_replace (job->file, NULL, FALSE,
                            G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                            &local_error);
      if (out == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _ ("The PDF could not be written: %s"), local_error->message);
          return FALSE;
        }
      if (!render_many (job, G_OUTPUT_STREAM (out), counts, cancellable, error))
        {
          g_autoptr (GCancellable) abandon = g_cancellable_new ();

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
    }

  if (pdf != NULL && job->file != NULL)
    *pdf = NULL;
  if (page_counts != NULL)
    *page_counts = g_steal_pointer (&counts);
  return TRUE;
}

typedef struct
{
  GBytes *pdf;
  GArray *page_counts;
} BatchResult;

static void
batch_result_free (BatchResult *result)
{
  g_clear_pointer (&result->pdf, g_bytes_unref);
  g_clear_pointer (&result->page_counts, g_array_unref);
  g_free (result);
}

static void
batch_render_thread (GTask *task, gpointer source_object, gpointer task_data,
                     GCancellable *cancellable)
{
  BatchJob *job = task_data;
  BatchResult *result = g_new0 (BatchResult, 1);
  GError *error = NULL;

  if (!batch_job_run (job, &result->pdf, &result->page_counts, cancellable, &error))
    {
      batch_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify)batch_result_free);
}

static BatchJob *
batch_job_new (GPtrArray *documents, GFile *file)
{
  BatchJob *job = g_atomic_rc_box_new0 (BatchJob);

  job->documents = g_ptr_array_ref (documents);
  job->file = file != NULL ? g_object_ref (file) : NULL;
  return job;
}

void
zb_batch_render_async (GPtrArray *documents, GFile *file, ZbBatchProgressFunc progress,
                       gpointer progress_data, GDestroyNotify progress_destroy,
                       GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  BatchJob *job;

  g_return_if_fail (documents != NULL && documents->len > 0);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  job = batch_job_new (documents, file);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_batch_render_async);
  g_task_set_name (task, "[zhibu] batch render");
  g_task_set_task_data (task, job, (GDestroyNotify)batch_job_unref);
  g_task_run_in_thread (task, batch_render_thread);
}

gboolean
zb_batch_render_finish (GAsyncResult *result, GBytes **pdf, GArray **page_counts, GError **error)
{
  BatchResult *out;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zb_batch_render_async, FALSE);

  out = g_task_propagate_pointer (G_TASK (result), error);
  if (out == NULL)
    return FALSE;

  if (pdf != NULL)
    *pdf = g_steal_pointer (&out->pdf);
  if (page_counts != NULL)
    *page_counts = g_steal_pointer (&out->page_counts);
  batch_result_free (out);
  return TRUE;
}

gboolean
zb_batch_render_sync (GPtrArray *documents, GFile *file, GBytes **pdf, GArray **page_counts,
                      GCancellable *cancellable, GError **error)
{
  BatchJob *job;
  gboolean ok;

  g_return_val_if_fail (documents != NULL && documents->len > 0, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  job = batch_job_new (documents, file);
  ok = batch_job_run (job, pdf, page_counts, cancellable, error);
  batch_job_unref (job);
  return ok;
}
