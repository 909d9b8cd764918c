/* zb-print-dialog.c — preview, print and export of documents: the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents are made into one PDF in memory on a worker thread, once;
 * each page shown is rasterised from it with poppler on a worker thread. So
 * that a long document shows something at once, its first page is first
 * drawn straight from the renderer while the PDF is being made. Printing and
 * exporting live in zb-print-dialog-output.c.
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "zb-batch-render.h"
#include "zb-message.h"
#include "zb-print-dialog-private.h"

/* 100 % is the paper's real size on a 96 dpi screen. */
#define PIXELS_PER_POINT (96.0 / 72.0)
/* The page view's margin on each side plus room for a scroll bar. */
#define FIT_ALLOWANCE (2 * 24 + 16)

G_DEFINE_FINAL_TYPE (ZbPrintDialog, zb_print_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void zb_print_dialog_request_page (ZbPrintDialog *self);

gboolean
zb_print_dialog_get_busy (ZbPrintDialog *self)
{
  g_return_val_if_fail (ZB_IS_PRINT_DIALOG (self), FALSE);

  return self->making_preview || self->making_output;
}

static void
zb_print_dialog_notify_busy (ZbPrintDialog *self)
{
  /* Actions first: whoever is told may want to use them at once. */
  _zb_print_dialog_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_zb_print_dialog_set_busy_output (ZbPrintDialog *self, gboolean busy)
{
  if (self->making_output == !!busy)
    return;

  self->making_output = !!busy;
  zb_print_dialog_notify_busy (self);
}

static void
zb_print_dialog_set_making_preview (ZbPrintDialog *self, gboolean making)
{
  if (self->making_preview == !!making)
    return;

  self->making_preview = !!making;
  zb_print_dialog_notify_busy (self);
}

guint
_zb_print_dialog_get_n_pages (ZbPrintDialog *self)
{
  return self->pages != NULL ? zb_pdf_pages_get_n_pages (self->pages) : 0;
}

/* Geometry */

static void
zb_print_dialog_get_page_points (ZbPrintDialog *self, guint page, double *width, double *height)
{
  ZbPageGeometry geo;

  if (self->pages != NULL && page < zb_pdf_pages_get_n_pages (self->pages))
    {
      zb_pdf_pages_get_page_size (self->pages, page, width, height);
      return;
    }

  /* Before the PDF exists only the first page is shown: the first
   * document's paper. */
  zb_page_setup_get_geometry (zb_document_get_page_setup (g_ptr_array_index (self->documents, 0)),
                              &geo);
  *width = geo.paper_width;
  *height = geo.paper_height;
}

static double
zb_print_dialog_get_scale (ZbPrintDialog *self)
{
  return self->zoom * PIXELS_PER_POINT * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

double
_zb_print_dialog_fit_zoom (ZbPrintDialog *self)
{
  int available = gtk_widget_get_width (GTK_WIDGET (self->scroller));
  int unused;
  double width, height;

  /* Not laid out yet: the window's width is what the scroller will get. */
  if (available <= 0)
    gtk_window_get_default_size (GTK_WINDOW (self), &available, &unused);
  available -= FIT_ALLOWANCE;

  zb_print_dialog_get_page_points (self, self->page, &width, &height);
  return CLAMP (available / (width * PIXELS_PER_POINT), ZB_PRINT_MIN_ZOOM, ZB_PRINT_MAX_ZOOM);
}

static void
zb_print_dialog_update_labels (ZbPrintDialog *self)
{
  guint n_pages = _zb_print_dialog_get_n_pages (self);
  g_autofree char *page_text = NULL;
  g_autofree char *zoom_text = NULL;

  if (n_pages > 0)
    /* Translators: the page shown of the pages of the document, e.g. 第 1 页，共 3 页 */
    page_text = g_strdup_printf (_ ("Page %u of %u"), self->page + 1, n_pages);
  else
    /* Translators: the page shown, while the number of pages is not known yet */
    page_text = g_strdup_printf (_ ("Page %u"), self->page + 1);
  gtk_label_set_label (self->page_label, page_text);

  zoom_text = g_strdup_printf ("%d%%", (int)round (self->zoom * 100));
  gtk_label_set_label (self->zoom_label, zoom_text);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->zoom_label))),
      GTK_ACCESSIBLE_PROPERTY_LABEL, zoom_text, -1);
}

static void
zb_print_dialog_update_title (ZbPrintDialog *self)
{
  ZbDocument *first = g_ptr_array_index (self->documents, 0);
  const char *title = zb_document_get_title (first);
  g_autofree char *subtitle = NULL;

  if (self->documents->len > 1)
    /* Translators: the subtitle of a preview of many documents printed together */
    subtitle = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", self->documents->len),
        self->documents->len);
  else if (zb_document_get_number (first) != NULL)
    /* Translators: the subtitle of a preview: the document's title and its
     * number, e.g. 党员名册，编号 ZB-2026-000123 */
    subtitle = g_strdup_printf (_ ("%s, No. %s"), title != NULL ? title : "",
                                zb_document_get_number (first));
  else
    subtitle = g_strdup (title != NULL ? title : "");

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* Pages */

gboolean
_zb_print_dialog_page_is_ready (ZbPrintDialog *self)
{
  return self->pages != NULL && self->refit_source == 0
         && zb_page_view_get_texture (self->page_view) != NULL && self->texture_page == self->page
         && fabs (self->texture_scale - zb_print_dialog_get_scale (self)) < 1e-6
         && self->texture_from_pdf;
}

typedef struct
{
  ZbPrintDialog *self;
  GCancellable *cancellable;
  guint page;
  double scale;
  gboolean from_pdf;
  guint generation;
} PageOp;

static void
page_op_free (PageOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->cancellable);
  g_free (op);
}

static PageOp *
page_op_new (ZbPrintDialog *self, GCancellable *cancellable, guint page, double scale)
{
  PageOp *op = g_new0 (PageOp, 1);

  op->self = g_object_ref (self);
  op->cancellable = g_object_ref (cancellable);
  op->page = page;
  op->scale = scale;
  return op;
}

static void
zb_print_dialog_show_texture (ZbPrintDialog *self, GdkTexture *texture, PageOp *op)
{
  zb_page_view_set_texture (self->page_view, texture);
  self->texture_page = op->page;
  self->texture_scale = op->scale;
  self->texture_from_pdf = op->from_pdf;
  self->texture_generation = op->generation;
  gtk_widget_set_visible (GTK_WIDGET (self->page_spinner), FALSE);
  gtk_spinner_stop (self->page_spinner);
  _zb_print_dialog_update_actions (self);
}

static void
on_page_rendered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PageOp *op = user_data;
  ZbPrintDialog *self = op->self;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  texture = zb_pdf_pages_render_finish (ZB_PDF_PAGES (source), result, &error);
  if (g_cancellable_is_cancelled (op->cancellable) || op->cancellable != self->page_cancellable)
    {
      page_op_free (op);
      return;
    }

  if (texture == NULL)
    g_warning ("A preview page could not be drawn: %s", error->message);
  else
    zb_print_dialog_show_texture (self, texture, op);

  page_op_free (op);
}

static void
zb_print_dialog_request_page (ZbPrintDialog *self)
{
  double scale = zb_print_dialog_get_scale (self);
  double width, height;
  PageOp *op;

  zb_print_dialog_get_page_points (self, self->page, &width, &height);
  zb_page_view_set_page_size (self->page_view, (int)round (width * self->zoom * PIXELS_PER_POINT),
                              (int)round (height * self->zoom * PIXELS_PER_POINT));
  zb_print_dialog_update_labels (self);
  _zb_print_dialog_update_actions (self);

  if (_zb_print_dialog_page_is_ready (self))
    return;

  /* Another page: a blank sheet until it is drawn, never the last page under
   * the new page's number. The same page at another zoom stays, stretched,
   * until the sharp one comes. */
  if (self->texture_page != self->page)
    zb_page_view_set_texture (self->page_view, NULL);
  if (zb_page_view_get_texture (self->page_view) == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->page_spinner), TRUE);
      gtk_spinner_start (self->page_spinner);
    }

  g_cancellable_cancel (self->page_cancellable);
  g_clear_object (&self->page_cancellable);
  self->page_cancellable = g_cancellable_new ();

  /* The PDF is on its way: on_pdf_made() asks again. */
  if (self->pages == NULL)
    return;

  op = page_op_new (self, self->page_cancellable, self->page, scale);
  op->from_pdf = TRUE;
  op->generation = self->generation;
  zb_pdf_pages_render_async (self->pages, self->page, scale, self->page_cancellable,
                             on_page_rendered, op);
}

void
_zb_print_dialog_set_page (ZbPrintDialog *self, guint page)
{
  guint n_pages = _zb_print_dialog_get_n_pages (self);

  if (n_pages == 0 || page >= n_pages || page == self->page)
    return;

  self->page = page;
  /* Pages of another paper (a register among forms) fit anew. */
  if (self->fit_width)
    self->zoom = _zb_print_dialog_fit_zoom (self);
  zb_print_dialog_request_page (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
_zb_print_dialog_set_zoom (ZbPrintDialog *self, double zoom, gboolean fit_width)
{
  self->fit_width = fit_width;
  self->zoom = CLAMP (zoom, ZB_PRINT_MIN_ZOOM, ZB_PRINT_MAX_ZOOM);
  zb_print_dialog_request_page (self);
}

static gboolean
refit_cb (gpointer user_data)
{
  ZbPrintDialog *self = user_data;

  self->refit_source = 0;
  if (self->fit_width)
    _zb_print_dialog_set_zoom (self, _zb_print_dialog_fit_zoom (self), TRUE);
  return G_SOURCE_REMOVE;
}

/* The window was resized: a fitted page follows, once the resizing rests. */
static void
on_viewport_width_changed (ZbPrintDialog *self)
{
  if (!self->fit_width)
    return;

  g_clear_handle_id (&self->refit_source, g_source_remove);
  self->refit_source = g_timeout_add (100, refit_cb, self);
  g_source_set_name_by_id (self->refit_source, "[zhibu] preview refit");
}

/* Making the PDF */

typedef struct
{
  ZbPrintDialog *self;
  GCancellable *cancellable;
  guint generation;
} PreviewOp;

static void
preview_op_free (PreviewOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->cancellable);
  g_free (op);
}

static PreviewOp *
preview_op_new (ZbPrintDialog *self)
{
  PreviewOp *op = g_new0 (PreviewOp, 1);

  op->self = g_object_ref (self);
  op->cancellable = g_object_ref (self->preview_cancellable);
  op->generation = self->generation;
  return op;
}

static gboolean
preview_op_is_stale (PreviewOp *op)
{
  return g_cancellable_is_cancelled (op->cancellable)
         || op->cancellable != op->self->preview_cancellable;
}

static void
zb_print_dialog_show_error (ZbPrintDialog *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_spinner_stop (self->loading_spinner);
}

static void
on_preview_progress (guint done, guint total, gpointer user_data)
{
  ZbPrintDialog *self = user_data;
  g_autofree char *text = NULL;

  if (!self->making_preview)
    return;

  /* Translators: progress of a preview of many documents, e.g. 已完成 12 份，共 100 份 */
  text = g_strdup_printf (_ ("Preparing %u of %u documents…"), MIN (done + 1, total), total);
  _zb_print_dialog_show_progress (self, text, total > 0 ? (double)done / total : 0);
}

static void
on_pdf_made (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PreviewOp *op = user_data;
  ZbPrintDialog *self = op->self;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GArray) page_counts = NULL;
  g_autoptr (ZbPdfPages) pages = NULL;
  g_autoptr (GError) error = NULL;

  zb_batch_render_finish (result, &pdf, &page_counts, &error);

  if (preview_op_is_stale (op))
    {
      /* Cancel pressed while the preview was being made: nothing to show. */
      if (self->closing_after_cancel && op->cancellable == self->preview_cancellable
          && !g_cancellable_is_cancelled (self->cancellable))
        gtk_window_destroy (GTK_WINDOW (self));
      preview_op_free (op);
      return;
    }

  _zb_print_dialog_hide_progress (self);

  if (pdf != NULL)
    pages = zb_pdf_pages_new (pdf, &error);
  if (pages == NULL)
    {
      zb_print_dialog_set_making_preview (self, FALSE);
      zb_print_dialog_show_error (self, error->message);
      preview_op_free (op);
      return;
    }

  g_set_object (&self->pages, pages);
  g_clear_pointer (&self->page_counts, g_array_unref);
  self->page_counts = g_steal_pointer (&page_counts);
  if (self->page >= zb_pdf_pages_get_n_pages (pages))
    self->page = zb_pdf_pages_get_n_pages (pages) - 1;

  /* The first page drawn by the renderer for this preview is the same as the
   * PDF's. */
  if (zb_page_view_get_texture (self->page_view) != NULL && self->texture_page == 0
      && self->texture_generation == op->generation)
    self->texture_from_pdf = TRUE;

  gtk_stack_set_visible_child_name (self->stack, "preview");
  gtk_spinner_stop (self->loading_spinner);
  /* Not busy only now, with the pages there: whoever waits for that can
   * print at once. */
  zb_print_dialog_set_making_preview (self, FALSE);
  zb_print_dialog_request_page (self);
  preview_op_free (op);
}

static void
zb_print_dialog_make_pdf (ZbPrintDialog *self, PreviewOp *op)
{
  if (self->documents->len > 1)
    on_preview_progress (0, self->documents->len, self);

  zb_batch_render_async (self->documents, NULL, on_preview_progress, g_object_ref (self),
                         g_object_unref, op->cancellable, on_pdf_made, op);
}

static void
on_first_page (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PreviewOp *op = user_data;
  ZbPrintDialog *self = op->self;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  guint n_pages = 0;

  texture = zb_render_document_page_finish (result, &n_pages, &error);

  if (preview_op_is_stale (op))
    {
      if (self->closing_after_cancel && op->cancellable == self->preview_cancellable
          && !g_cancellable_is_cancelled (self->cancellable))
        gtk_window_destroy (GTK_WINDOW (self));
      preview_op_free (op);
      return;
    }

  if (texture != NULL && self->page == 0)
    {
      PageOp shown = { .page = 0,
                       .scale = zb_print_dialog_get_scale (self),
                       .from_pdf = FALSE,
                       .generation = op->generation };

      zb_print_dialog_show_texture (self, texture, &shown);
      gtk_stack_set_visible_child_name (self->stack, "preview");
      gtk_spinner_stop (self->loading_spinner);
    }

  /* The PDF is made after, not beside: the documents are read by one thread
   * at a time. */
  zb_print_dialog_make_pdf (self, op);
}

/* Makes the preview of the documents as they are now. */
static void
zb_print_dialog_start_preview (ZbPrintDialog *self)
{
  PreviewOp *op;

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  self->generation++;

  zb_print_dialog_set_making_preview (self, TRUE);
  zb_print_dialog_update_title (self);
  op = preview_op_new (self);

  /* Later previews (after a renumbering) keep showing the last one until the
   * new PDF is there. */
  if (self->pages != NULL)
    {
      self->texture_from_pdf = FALSE;
      zb_print_dialog_make_pdf (self, op);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->loading_spinner);
  if (self->fit_width)
    self->zoom = _zb_print_dialog_fit_zoom (self);
  zb_print_dialog_request_page (self);
  zb_render_document_page_async (g_ptr_array_index (self->documents, 0), 0,
                                 zb_print_dialog_get_scale (self), op->cancellable, on_first_page,
                                 op);
}

/* Numbers */

static gboolean
zb_print_dialog_number_documents (ZbPrintDialog *self, GError **error)
{
  g_autofree char *first = NULL;
  gint64 next;
  char *digits;

  if (self->fixed_numbers)
    return TRUE;

  /* Consecutive numbers from the next free one of the year. */
  first = zb_print_log_dup_next_number (
      self->log, zb_document_get_print_date (g_ptr_array_index (self->documents, 0)), error);
  if (first == NULL)
    return FALSE;

  digits = strrchr (first, '-');
  next = g_ascii_strtoll (digits + 1, NULL, 10);
  for (guint i = 0; i < self->documents->len; i++)
    {
      g_autofree char *number
          = g_strdup_printf ("%.*s%06" G_GINT64_FORMAT, (int)(digits + 1 - first), first, next + i);

      zb_document_set_number (g_ptr_array_index (self->documents, i), number);
    }
  return TRUE;
}

void
_zb_print_dialog_renumber (ZbPrintDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (self->fixed_numbers)
    return;

  if (!zb_print_dialog_number_documents (self, &error))
    {
      _zb_print_dialog_tell_error (self, _ ("The Document Could Not Be Numbered"), error);
      return;
    }
  zb_print_dialog_start_preview (self);
}

/* Messages and progress */

void
_zb_print_dialog_tell_error (ZbPrintDialog *self, const char *heading, const GError *error)
{
  zb_message_tell (GTK_WINDOW (self), heading, error->message);
}

void
_zb_print_dialog_show_progress (ZbPrintDialog *self, const char *text, double fraction)
{
  gint64 now = g_get_monotonic_time ();

  /* A few updates a second are enough to see it move; one per document
   * would lay the window out hundreds of times for a long batch. */
  if (gtk_revealer_get_reveal_child (self->progress_revealer) && fraction < 1
      && now - self->progress_shown_at < 200 * 1000)
    return;
  self->progress_shown_at = now;

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0, 1));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

void
_zb_print_dialog_hide_progress (ZbPrintDialog *self)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

/* GObject */

static void
zb_print_dialog_dispose (GObject *object)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  g_cancellable_cancel (self->page_cancellable);
  g_cancellable_cancel (self->output_cancellable);
  g_clear_handle_id (&self->refit_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_PRINT_DIALOG);

  G_OBJECT_CLASS (zb_print_dialog_parent_class)->dispose (object);
}

static void
zb_print_dialog_finalize (GObject *object)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->page_cancellable);
  g_clear_object (&self->output_cancellable);
  g_clear_object (&self->operation);
  g_clear_object (&self->pages);
  g_clear_pointer (&self->page_counts, g_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_object (&self->log);
  g_clear_object (&self->db);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->print_to_file, g_free);

  G_OBJECT_CLASS (zb_print_dialog_parent_class)->finalize (object);
}

static void
zb_print_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, zb_print_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_print_dialog_class_init (ZbPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_print_dialog_dispose;
  object_class->finalize = zb_print_dialog_finalize;
  object_class->get_property = zb_print_dialog_get_property;

  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZB_TYPE_PAGE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, page_view);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, page_spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ZbPrintDialog, progress_bar);

  _zb_print_dialog_install_actions (widget_class);
}

static void
zb_print_dialog_init (ZbPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->fit_width = TRUE;
  self->zoom = 1.0;
  self->texture_page = G_MAXUINT;

  _zb_print_dialog_add_shortcuts (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (on_viewport_width_changed), self,
                           G_CONNECT_SWAPPED);
}

static ZbPrintDialog *
zb_print_dialog_new_internal (GtkWindow *parent, ZbDatabase *db, const char *kind,
                              GPtrArray *documents)
{
  ZbPrintDialog *self;
  g_autoptr (GError) error = NULL;
  gboolean numbered = TRUE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (documents != NULL && documents->len > 0, NULL);

  /* The preview keeps the dialog alive while a page renders; a parent that
   * goes first (a dialog over the window) must take the print dialog with
   * it, or the dialog would later let go of a parent already freed. */
  self = g_object_new (ZB_TYPE_PRINT_DIALOG, "transient-for", parent, "destroy-with-parent", TRUE,
                       NULL);
  self->db = g_object_ref (db);
  self->log = zb_print_log_new (db);
  self->kind = g_strdup (kind);
  self->documents = g_ptr_array_ref (documents);

  for (guint i = 0; i < documents->len; i++)
    if (zb_document_get_number (g_ptr_array_index (documents, i)) == NULL)
      numbered = FALSE;
  self->fixed_numbers = numbered;

  if (!zb_print_dialog_number_documents (self, &error))
    {
      zb_print_dialog_show_error (self, error->message);
      _zb_print_dialog_update_actions (self);
      return self;
    }

  zb_print_dialog_start_preview (self);
  return self;
}

ZbPrintDialog *
zb_print_dialog_new (GtkWindow *parent, ZbDatabase *db, const char *kind, ZbDocument *document)
{
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (ZB_IS_DOCUMENT (document), NULL);

  g_ptr_array_add (documents, g_object_ref (document));
  return zb_print_dialog_new_internal (parent, db, kind, documents);
}

ZbPrintDialog *
zb_print_dialog_new_for_batch (GtkWindow *parent, ZbDatabase *db, const char *kind,
                               GPtrArray *documents)
{
  return zb_print_dialog_new_internal (parent, db, kind, documents);
}
