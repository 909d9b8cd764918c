/* zb-print-dialog-output.c — preview, print and export of documents: the
 * printer, the PDF file, and the record of each in the print log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zb-batch-render.h"
#include "zb-print-dialog-private.h"
#include "zb-renderer.h"

gboolean
_zb_print_dialog_record (ZbPrintDialog *self, ZbPrintDestination destination, GArray *page_counts,
                         GError **error)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      ZbDocument *document = g_ptr_array_index (self->documents, i);
      guint n_pages
          = page_counts != NULL && i < page_counts->len ? g_array_index (page_counts, guint, i) : 0;
      gboolean ok;

      if (self->fixed_numbers)
        ok = zb_print_log_record_fixed (self->log, document, self->kind, n_pages, destination,
                                        error);
      else
        ok = zb_print_log_record (self->log, document, self->kind, n_pages, destination, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* After a print or an export: the next one is another copy, with a number of
 * its own; and when the record could not be written because another print
 * took the number, the next try gets a free one. */
static void
zb_print_dialog_after_output (ZbPrintDialog *self)
{
  _zb_print_dialog_renumber (self);
}

static void
zb_print_dialog_toast (ZbPrintDialog *self, const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static char *
zb_print_dialog_dup_numbers (ZbPrintDialog *self)
{
  ZbDocument *first = g_ptr_array_index (self->documents, 0);
  ZbDocument *last = g_ptr_array_index (self->documents, self->documents->len - 1);

  if (self->documents->len == 1)
    return g_strdup (zb_document_get_number (first));
  /* Translators: a range of document numbers, e.g. ZB-2026-000001 至 ZB-2026-000100 */
  return g_strdup_printf (_ ("%s to %s"), zb_document_get_number (first),
                          zb_document_get_number (last));
}

/* Export */

char *
_zb_print_dialog_dup_file_name (ZbPrintDialog *self)
{
  ZbDocument *first = g_ptr_array_index (self->documents, 0);
  const char *title = zb_document_get_title (first);
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s %s.pdf", title != NULL && *title != '\0' ? title : _ ("Document"),
                          zb_document_get_number (first));
  /* A title is free text: nothing in it may make a folder of the name. */
  return g_strdelimit (g_steal_pointer (&name), "/\\", '-');
}

typedef struct
{
  ZbPrintDialog *self;
  GFile *file;
  GCancellable *cancellable;
} ExportOp;

static void
export_op_free (ExportOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->file);
  g_clear_object (&op->cancellable);
  g_free (op);
}

static void
on_export_progress (guint done, guint total, gpointer user_data)
{
  ZbPrintDialog *self = user_data;
  g_autofree char *text = NULL;

  if (total <= 1 || self->output_cancellable == NULL)
    return;

  /* Translators: progress of an export of many documents */
  text = g_strdup_printf (_ ("Exporting %u of %u documents…"), MIN (done + 1, total), total);
  _zb_print_dialog_show_progress (self, text, (double)done / total);
}

static void
zb_print_dialog_end_output (ZbPrintDialog *self)
{
  g_clear_object (&self->output_cancellable);
  _zb_print_dialog_hide_progress (self);
  _zb_print_dialog_set_busy_output (self, FALSE);
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExportOp *op = user_data;
  ZbPrintDialog *self = op->self;
  g_autoptr (GArray) page_counts = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *text = NULL;
  /* The dialog was closed meanwhile: a PDF that was finished all the same
   * is still recorded, but nobody is told. */
  gboolean gone = g_cancellable_is_cancelled (self->cancellable);
  gboolean ok;

  ok = zb_batch_render_finish (result, NULL, &page_counts, &error);
  if (!gone)
    zb_print_dialog_end_output (self);

  if (!ok)
    {
      if (!gone && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _zb_print_dialog_tell_error (self, _ ("The PDF Could Not Be Exported"), error);
      export_op_free (op);
      return;
    }

  /* A file whose number is not in the print log could never be checked:
   * it goes again when the record cannot be written. */
  if (!_zb_print_dialog_record (self, ZB_PRINT_DESTINATION_PDF, page_counts, &error))
    {
      g_file_delete (op->file, NULL, NULL);
      if (!gone)
        {
          _zb_print_dialog_tell_error (self, _ ("The PDF Could Not Be Exported"), error);
          zb_print_dialog_after_output (self);
        }
      export_op_free (op);
      return;
    }

  if (!gone)
    {
      name = g_file_get_basename (op->file);
      numbers = zb_print_dialog_dup_numbers (self);
      /* Translators: the first %s is a file name, the second a document number */
      text = g_strdup_printf (_ ("Exported “%s”, No. %s"), name, numbers);
      zb_print_dialog_toast (self, text);
      zb_print_dialog_after_output (self);
    }
  export_op_free (op);
}

void
_zb_print_dialog_export_to_file (ZbPrintDialog *self, GFile *file)
{
  ExportOp *op;

  g_return_if_fail (ZB_IS_PRINT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (zb_print_dialog_get_busy (self))
    return;

  self->output_cancellable = g_cancellable_new ();
  _zb_print_dialog_set_busy_output (self, TRUE);

  op = g_new0 (ExportOp, 1);
  op->self = g_object_ref (self);
  op->file = g_object_ref (file);
  op->cancellable = g_object_ref (self->output_cancellable);

  on_export_progress (0, self->documents->len, self);
  zb_batch_render_async (self->documents, file, on_export_progress, g_object_ref (self),
                         g_object_unref, op->cancellable, on_exported, op);
}

static void
on_export_response (GtkNativeDialog *native, int response, ZbPrintDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _zb_print_dialog_export_to_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
_zb_print_dialog_choose_export_file (ZbPrintDialog *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = _zb_print_dialog_dup_file_name (self);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  GtkFileChooserNative *native;

  if (zb_print_dialog_get_busy (self))
    return;

  /* In Flatpak this is the file chooser portal: the file is written where
   * the user chose, with no access to anything else. */
  native = gtk_file_chooser_native_new (_ ("Export PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _ ("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Print */

/* What GtkPrintOperation prints: every page of every document, each laid out
 * for the paper the printer was given. */
typedef struct
{
  GPtrArray *renderers; /* ZbRenderer, one per document */
  GArray *page_counts;  /* guint */
  GArray *landscape;    /* gboolean, per document */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->renderers, g_ptr_array_unref);
  g_clear_pointer (&job->page_counts, g_array_unref);
  g_clear_pointer (&job->landscape, g_array_unref);
  g_free (job);
}

/* The document and its page of page @n of the print. */
static gboolean
print_job_locate (PrintJob *job, int n, guint *document, guint *page)
{
  guint first = 0;

  for (guint i = 0; i < job->page_counts->len; i++)
    {
      guint count = g_array_index (job->page_counts, guint, i);

      if ((guint)n < first + count)
        {
          *document = i;
          *page = n - first;
          return TRUE;
        }
      first += count;
    }
  return FALSE;
}

static void
on_begin_print (GtkPrintOperation *operation, GtkPrintContext *context, ZbPrintDialog *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "zb-print-job");
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int n_pages = 0;

  /* The renderers live on this thread, where GTK draws the pages. */
  for (guint i = 0; i < self->documents->len; i++)
    {
      ZbRenderer *renderer = zb_renderer_new (g_ptr_array_index (self->documents, i));
      gboolean landscape = g_array_index (job->landscape, gboolean, i);
      double w = landscape ? MAX (width, height) : MIN (width, height);
      double h = landscape ? MIN (width, height) : MAX (width, height);
      guint count = zb_renderer_paginate (renderer, w, h);

      g_ptr_array_add (job->renderers, renderer);
      g_array_append_val (job->page_counts, count);
      n_pages += count;
    }

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_request_page_setup (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                       GtkPageSetup *setup, ZbPrintDialog *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "zb-print-job");
  guint document, page;

  if (print_job_locate (job, page_nr, &document, &page))
    gtk_page_setup_set_orientation (setup, g_array_index (job->landscape, gboolean, document)
                                               ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                               : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
              ZbPrintDialog *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "zb-print-job");
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint document, page;

  /* With full-page drawing in points, the context's user space is the
   * page's at the printer's resolution: the renderer draws vectors into it. */
  if (print_job_locate (job, page_nr, &document, &page))
    zb_renderer_draw_page (g_ptr_array_index (job->renderers, document), cr, page);
}

static void
on_print_done (GtkPrintOperation *operation, GtkPrintOperationResult result, ZbPrintDialog *self)
{
  PrintJob *job = g_object_get_data (G_OBJECT (operation), "zb-print-job");
  g_autoptr (GError) error = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *text = NULL;
  /* The dialog may have been closed while the job went on: what reached
   * the printer is recorded all the same. */
  gboolean gone = g_cancellable_is_cancelled (self->cancellable);

  if (!gone)
    zb_print_dialog_end_output (self);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      if (!_zb_print_dialog_record (self, ZB_PRINT_DESTINATION_PRINTER, job->page_counts, &error))
        {
          if (gone)
            g_warning ("A print could not be recorded: %s", error->message);
          else
            _zb_print_dialog_tell_error (self, _ ("The Print Could Not Be Recorded"), error);
          break;
        }
      if (gone)
        break;
      numbers = zb_print_dialog_dup_numbers (self);
      /* Translators: %s is a document number */
      text = g_strdup_printf (_ ("Sent to the printer, No. %s"), numbers);
      zb_print_dialog_toast (self, text);
      zb_print_dialog_after_output (self);
      break;

    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        {
          g_warning ("Printing failed: %s", error->message);
          /* GTK's message is the printing system's, often in English. */
          g_clear_error (&error);
        }
      if (gone)
        break;
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The printer could not take the document. Check that it is "
                              "switched on and connected, then try again."));
      _zb_print_dialog_tell_error (self, _ ("The Document Could Not Be Printed"), error);
      break;

    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }

  /* Drops the reference the operation held on the dialog, too. */
  g_clear_object (&self->operation);
}

void
_zb_print_dialog_set_print_to_file (ZbPrintDialog *self, const char *path)
{
  g_return_if_fail (ZB_IS_PRINT_DIALOG (self));

  g_free (self->print_to_file);
  self->print_to_file = g_strdup (path);
}

void
_zb_print_dialog_print (ZbPrintDialog *self)
{
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autofree char *job_name = NULL;
  ZbDocument *first = g_ptr_array_index (self->documents, 0);
  GtkPrintOperationAction action;
  GtkPrintOperationResult result;
  PrintJob *job;

  if (zb_print_dialog_get_busy (self))
    return;

  job = g_new0 (PrintJob, 1);
  job->renderers = g_ptr_array_new_with_free_func (g_object_unref);
  job->page_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  job->landscape = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; i < self->documents->len; i++)
    {
      ZbPageGeometry geo;
      gboolean landscape;

      zb_page_setup_get_geometry (
          zb_document_get_page_setup (g_ptr_array_index (self->documents, i)), &geo);
      landscape = geo.paper_width > geo.paper_height;
      g_array_append_val (job->landscape, landscape);
    }

  self->operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (self->operation), "zb-print-job", job,
                          (GDestroyNotify)print_job_free);
  /* The job may outlive a closed dialog: the dialog stays until it is done,
   * to record it. */
  g_object_set_data_full (G_OBJECT (self->operation), "zb-print-dialog", g_object_ref (self),
                          g_object_unref);

  /* A4 in the orientation of the first document; the printer dialog may
   * change the paper, and each document is laid out for what it gets. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, g_array_index (job->landscape, gboolean, 0)
                                             ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                             : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (self->operation, setup);
  gtk_print_operation_set_use_full_page (self->operation, TRUE);
  gtk_print_operation_set_unit (self->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_allow_async (self->operation, TRUE);
  job_name = g_strdup_printf ("%s %s", zb_document_get_title (first) ?: "",
                              zb_document_get_number (first));
  gtk_print_operation_set_job_name (self->operation, g_strstrip (job_name));

  g_signal_connect_object (self->operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (self->operation, "request-page-setup",
                           G_CALLBACK (on_request_page_setup), self, 0);
  g_signal_connect_object (self->operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  g_signal_connect_object (self->operation, "done", G_CALLBACK (on_print_done), self, 0);

  /* Inside Flatpak, GTK takes the print portal for this by itself. */
  action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  if (self->print_to_file != NULL)
    {
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
      gtk_print_operation_set_export_filename (self->operation, self->print_to_file);
    }

  _zb_print_dialog_set_busy_output (self, TRUE);
  result = gtk_print_operation_run (self->operation, action, GTK_WINDOW (self), &error);

  /* Synchronous outcomes (an export, or an error at once) come here as well
   * as through ::done, which has dealt with them. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->operation != NULL)
    {
      g_warning ("Printing could not start: %s", error != NULL ? error->message : "?");
      zb_print_dialog_end_output (self);
      g_clear_object (&self->operation);
    }
}
