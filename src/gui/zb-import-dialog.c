/* zb-import-dialog.c — importing a roster from Excel, WPS or CSV, with a preview and a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-import"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-exchange-error.h"
#include "zb-import-batch.h"
#include "zb-import-dialog.h"
#include "zb-importer.h"
#include "zb-window-private.h"

#define PREVIEW_RECORDS 8

struct _ZbImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *cancel_button;
  GtkLabel *intro_label;
  GtkWidget *branch_box;
  GtkDropDown *branch_drop_down;
  GtkGrid *preview_grid;
  GtkLabel *summary_label;
  GtkWidget *problems_window;
  GtkListView *problems_view;
  GtkProgressBar *progress_bar;
  GtkLabel *state_label;
  GtkWidget *valid_button;
  GtkWidget *import_button;

  ZbMemberRepo *repo;
  ZbOrgRepo *org;
  AdwToastOverlay *toasts; /* weak */
  ZbSheet *sheet;
  ZbImporter *importer;
  char *file_name;
  GArray *branch_ids;
  GtkStringList *problems;

  GCancellable *cancellable; /* the check or import running, or NULL */
  gboolean importing;
  gboolean check_again; /* the mapping changed while a check ran */
  gboolean building;
  guint n_valid;
  guint n_rejected;
  guint n_records;
};

G_DEFINE_FINAL_TYPE (ZbImportDialog, zb_import_dialog, ADW_TYPE_WINDOW)

static void zb_import_dialog_check (ZbImportDialog *self);

/* The preview */

static void
on_field_chosen_cb (GtkDropDown *drop_down, GParamSpec *pspec, ZbImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "zb-column"));
  ZbImportField field = gtk_drop_down_get_selected (drop_down);

  if (zb_import_mapping_get_field (zb_importer_get_mapping (self->importer), column) != field)
    zb_import_mapping_set_field (zb_importer_get_mapping (self->importer), column, field);
}

static GtkWidget *
new_cell (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Wide enough for an 18-digit ID number. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
zb_import_dialog_fill_preview (ZbImportDialog *self)
{
  ZbImportMapping *mapping = zb_importer_get_mapping (self->importer);
  guint n_columns = zb_import_mapping_get_n_columns (mapping);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GStrvBuilder) fields = g_strv_builder_new ();
  g_auto (GStrv) field_names = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  for (ZbImportField f = 0; f < ZB_IMPORT_N_FIELDS; f++)
    g_strv_builder_add (fields, zb_import_field_get_label (f));
  field_names = g_strv_builder_end (fields);

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *title = zb_import_mapping_dup_column_title (mapping, c);
      GtkWidget *header = new_cell (title, FALSE);
      GtkWidget *drop_down = gtk_drop_down_new_from_strings ((const char *const *)field_names);

      gtk_widget_add_css_class (header, "heading");
      gtk_grid_attach (self->preview_grid, header, c, 0, 1, 1);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down),
                                  zb_import_mapping_get_field (mapping, c));
      g_object_set_data (G_OBJECT (drop_down), "zb-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_field_chosen_cb), self,
                               0);
      /* Translators: the drop-down under a file's column; %s is its header. */
      {
        g_autofree char *name = g_strdup_printf (_ ("Field of column “%s”"), title);

        gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      }
      gtk_grid_attach (self->preview_grid, drop_down, c, 1, 1, 1);
    }

  rows = zb_importer_preview (self->importer, PREVIEW_RECORDS, &error);
  if (rows == NULL)
    {
      gtk_grid_attach (self->preview_grid, new_cell (error ? error->message : "", FALSE), 0, 2,
                       MAX (n_columns, 1), 1);
      return;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      ZbImportPreviewRow *row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        {
          ZbImportField field = zb_import_mapping_get_field (mapping, c);
          const ZbCell *raw = zb_sheet_get_cell (
              self->sheet, zb_import_mapping_get_first_data_row (mapping) + row->record - 1, c);
          const char *text
              = field != ZB_IMPORT_FIELD_NONE ? row->values[field] : (raw ? raw->text : NULL);
          GtkWidget *cell = new_cell (text ? text : "", field == ZB_IMPORT_FIELD_NONE);

          for (guint p = 0; p < row->problems->len; p++)
            {
              ZbImportProblem *problem = g_ptr_array_index (row->problems, p);

              if (problem->column == (int)c)
                {
                  gtk_widget_add_css_class (cell, "error");
                  gtk_widget_set_tooltip_text (cell, problem->message);
                }
            }
          gtk_grid_attach (self->preview_grid, cell, c, r + 2, 1, 1);
        }
    }
}

/* The report */

static void
zb_import_dialog_update_buttons (ZbImportDialog *self)
{
  gboolean idle = self->cancellable == NULL;
  gboolean checked = idle && self->n_records > 0;

  gtk_widget_set_sensitive (self->import_button, checked && self->n_rejected == 0);
  gtk_widget_set_sensitive (self->valid_button,
                            checked && self->n_rejected > 0 && self->n_valid > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !idle);
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), idle);
  gtk_widget_set_sensitive (self->branch_box, idle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_grid), idle);
}

static void
zb_import_dialog_show_report (ZbImportDialog *self, const ZbImportReport *report)
{
  g_autofree char *summary = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  self->n_records = report->n_records;
  self->n_valid = report->n_valid;
  self->n_rejected = report->n_rejected;

  if (report->n_rejected == 0)
    /* Translators: the check found nothing wrong. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record, all of it correct.",
                                            "%u records, all of them correct.", report->n_records),
                               report->n_records);
  else
    /* Translators: %1$u records in the file, %2$u correct, %3$u with problems. */
    summary = g_strdup_printf (_ ("%1$u records: %2$u correct, %3$u with problems. Correct them "
                                  "in the file and import it again, or import the correct "
                                  "records only."),
                               report->n_records, report->n_valid, report->n_rejected);
  gtk_label_set_label (self->summary_label, summary);

  for (guint i = 0; i < report->problems->len; i++)
    {
      ZbImportProblem *problem = g_ptr_array_index (report->problems, i);

      /* Translators: one problem of the import report: the row in the file
       * (as the spreadsheet numbers it), then the reason. */
      g_ptr_array_add (lines, g_strdup_printf (_ ("Row %u: %s"), problem->row, problem->message));
    }
  g_ptr_array_add (lines, NULL);
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)),
                          (const char *const *)lines->pdata);
  gtk_widget_set_visible (self->problems_window, report->problems->len > 0);

  gtk_label_set_label (self->state_label, report->n_rejected == 0
                                              ? _ ("Ready to import.")
                                              : _ ("Nothing is written while records have "
                                                   "problems, unless you import the correct "
                                                   "records only."));
}

static void
zb_import_dialog_finish_work (ZbImportDialog *self)
{
  g_clear_object (&self->cancellable);
  zb_import_dialog_update_buttons (self);
}

static void
on_progress_cb (double fraction, gpointer data)
{
  ZbImportDialog *self = data;

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_check_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (ZbImportDialog) self = data;
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  report = zb_importer_run_finish (ZB_IMPORTER (source), result, &error);
  zb_import_dialog_finish_work (self);

  if (self->check_again)
    {
      self->check_again = FALSE;
      zb_import_dialog_check (self);
      return;
    }

  if (report != NULL)
    zb_import_dialog_show_report (self, report);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->n_records = 0;
      gtk_label_set_label (self->summary_label, error->message);
      gtk_label_set_label (self->state_label, "");
      gtk_widget_set_visible (self->problems_window, FALSE);
    }
  zb_import_dialog_update_buttons (self);
}

static void
zb_import_dialog_run_importer (ZbImportDialog *self, ZbImportFlags flags,
                               GAsyncReadyCallback callback)
{
  self->cancellable = g_cancellable_new ();
  /* The import opens a connection of its own: the roster stays usable. */
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  zb_import_dialog_update_buttons (self);
  zb_importer_run_async (self->importer, flags, self->cancellable, on_progress_cb, self, NULL,
                         callback, g_object_ref (self));
}

/* Checks every record (a dry run), after the preview. */
static void
zb_import_dialog_check (ZbImportDialog *self)
{
  g_autoptr (GError) error = NULL;

  if (self->cancellable != NULL)
    {
      self->check_again = TRUE;
      g_cancellable_cancel (self->cancellable);
      return;
    }

  zb_import_dialog_fill_preview (self);

  self->n_records = 0;
  if (!zb_import_mapping_check (zb_importer_get_mapping (self->importer), &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_label_set_label (self->state_label, "");
      gtk_widget_set_visible (self->problems_window, FALSE);
      zb_import_dialog_update_buttons (self);
      return;
    }

  gtk_progress_bar_set_text (self->progress_bar, _ ("Checking the records…"));
  zb_import_dialog_run_importer (self, ZB_IMPORT_DRY_RUN, on_check_done_cb);
}

/* Importing */

typedef struct
{
  ZbMemberRepo *repo;
  char *batch_uuid;
  AdwToastOverlay *toasts;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_clear_object (&undo->repo);
  g_free (undo->batch_uuid);
  g_clear_weak_pointer (&undo->toasts);
  g_free (undo);
}

static void
undo_data_closure_free (gpointer data, GClosure *closure)
{
  undo_data_free (data);
}

static void
on_undo_clicked_cb (AdwToast *toast, UndoData *undo)
{
  g_autoptr (ZbImportBatch) batch = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_removed = 0;

  batch = zb_import_batch_undo (undo->repo, undo->batch_uuid, &n_removed, &error);
  if (batch != NULL)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import undone: %u member removed",
                                         "Import undone: %u members removed", n_removed),
                            n_removed);
  if (undo->toasts != NULL)
    adw_toast_overlay_add_toast (undo->toasts, adw_toast_new (text ? text : error->message));
}

static void
on_import_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (ZbImportDialog) self = data;
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  report = zb_importer_run_finish (ZB_IMPORTER (source), result, &error);
  self->importing = FALSE;
  zb_import_dialog_finish_work (self);

  if (report == NULL || report->n_written == 0)
    {
      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->state_label, _ ("The import was stopped. Nothing was written."));
      else if (error != NULL)
        gtk_label_set_label (self->state_label, error->message);
      else
        gtk_label_set_label (self->state_label, _ ("Nothing was written."));
      if (report != NULL)
        zb_import_dialog_show_report (self, report);
      zb_import_dialog_update_buttons (self);
      return;
    }

  if (self->toasts != NULL)
    {
      g_autofree char *text
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member imported",
                                          "%u members imported", report->n_written),
                             report->n_written);
      AdwToast *toast = adw_toast_new (text);
      UndoData *undo = g_new0 (UndoData, 1);

      undo->repo = g_object_ref (self->repo);
      undo->batch_uuid = g_strdup (report->batch_uuid);
      g_set_weak_pointer (&undo->toasts, self->toasts);
      adw_toast_set_button_label (toast, _ ("_Undo This Import"));
      adw_toast_set_timeout (toast, 0);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), undo,
                             undo_data_closure_free, 0);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

void
zb_import_dialog_start (ZbImportDialog *self, gboolean valid_only)
{
  g_return_if_fail (ZB_IS_IMPORT_DIALOG (self));

  if (!zb_import_dialog_get_can_import (self, valid_only))
    return;

  self->importing = TRUE;
  gtk_progress_bar_set_text (self->progress_bar, _ ("Importing…"));
  zb_import_dialog_run_importer (self, valid_only ? ZB_IMPORT_ACCEPT_VALID : ZB_IMPORT_DEFAULT,
                                 on_import_done_cb);
}

static void
on_import_clicked_cb (ZbImportDialog *self)
{
  zb_import_dialog_start (self, FALSE);
}

static void
on_import_valid_clicked_cb (ZbImportDialog *self)
{
  zb_import_dialog_start (self, TRUE);
}

static void
on_cancel_clicked_cb (ZbImportDialog *self)
{
  /* The first click stops what runs (all or nothing is written); the next
   * closes. */
  if (self->cancellable != NULL)
    {
      self->check_again = FALSE;
      g_cancellable_cancel (self->cancellable);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
zb_import_dialog_close_request (GtkWindow *window)
{
  ZbImportDialog *self = ZB_IMPORT_DIALOG (window);

  /* Not while the worker writes: it is stopped first. */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (zb_import_dialog_parent_class)->close_request (window);
}

static void
on_branch_changed_cb (ZbImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->branch_drop_down);

  if (self->importer == NULL || self->building || selected >= self->branch_ids->len)
    return;
  zb_importer_set_branch (self->importer, g_array_index (self->branch_ids, gint64, selected));
  zb_import_dialog_check (self);
}

static void
on_mapping_changed_cb (ZbImportDialog *self)
{
  zb_import_dialog_check (self);
}

/* Building */

static void
zb_import_dialog_fill_branches (ZbImportDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 none = 0;

  gtk_string_list_append (names, _ ("No branch"));
  g_array_append_val (self->branch_ids, none);
  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_BRANCH)
          continue;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->branch_ids, unit->id);
      }

  gtk_drop_down_set_model (self->branch_drop_down, G_LIST_MODEL (names));
  /* With one branch, that is where everybody goes. */
  gtk_drop_down_set_selected (self->branch_drop_down, self->branch_ids->len == 2 ? 1 : 0);
  if (self->branch_ids->len == 2)
    zb_importer_set_branch (self->importer, g_array_index (self->branch_ids, gint64, 1));
}

static void
setup_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_list_item_set_child (item, label);
}

static void
bind_problem_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkStringObject *text = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (text));
}

ZbImportDialog *
zb_import_dialog_new (GtkWindow *parent, ZbMemberRepo *repo, ZbOrgRepo *org,
                      AdwToastOverlay *toasts, ZbSheet *sheet, const char *file_name)
{
  ZbImportDialog *self;
  ZbImportMapping *mapping;
  g_autofree char *intro = NULL;
  int header_row;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_object_new (ZB_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->repo = g_object_ref (repo);
  self->org = org ? g_object_ref (org) : NULL;
  g_set_weak_pointer (&self->toasts, toasts);
  self->sheet = zb_sheet_ref (sheet);
  self->file_name = g_strdup (file_name);
  self->importer = zb_importer_new (repo, sheet, file_name);
  mapping = zb_importer_get_mapping (self->importer);

  adw_window_title_set_subtitle (self->window_title, file_name);
  header_row = zb_import_mapping_get_header_row (mapping);
  if (header_row >= 0)
    /* Translators: %u is the row (as the spreadsheet numbers it) with the
     * column titles. */
    intro = g_strdup_printf (_ ("The column titles are in row %u. The columns were matched to "
                                "the fields by their titles; check them below."),
                             zb_sheet_get_row_number (sheet, header_row));
  else
    intro = g_strdup (_ ("No row of column titles was found. Choose below which field each "
                         "column holds."));
  gtk_label_set_label (self->intro_label, intro);

  self->building = TRUE;
  zb_import_dialog_fill_branches (self);
  self->building = FALSE;
  g_signal_connect_object (mapping, "changed", G_CALLBACK (on_mapping_changed_cb), self,
                           G_CONNECT_SWAPPED);
  zb_import_dialog_check (self);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));

  return self;
}

/* Choosing and reading the file */

typedef struct
{
  GtkWindow *parent;
  ZbMemberRepo *repo;
  ZbOrgRepo *org;
  AdwToastOverlay *toasts;
  char *file_name;
  ZbImportDialogReady ready;
  gpointer ready_data;
} RunData;

static void
run_data_free (RunData *run)
{
  g_clear_weak_pointer (&run->parent);
  g_clear_object (&run->repo);
  g_clear_object (&run->org);
  g_clear_weak_pointer (&run->toasts);
  g_free (run->file_name);
  g_free (run);
}

static void
zb_import_dialog_tell (GtkWindow *parent, const char *heading, const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sheet_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  RunData *run = data;
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;

  sheet = zb_sheet_read_file_finish (result, &error);
  if (run->parent == NULL || run->repo == NULL)
    ;
  else if (sheet == NULL)
    /* The exchange's messages say what to do (e.g. save it as .xlsx). */
    zb_import_dialog_tell (run->parent, _ ("This File Cannot Be Imported"), error->message);
  else
    {
      ZbImportDialog *dialog = zb_import_dialog_new (run->parent, run->repo, run->org, run->toasts,
                                                     sheet, run->file_name);

      if (run->ready != NULL)
        run->ready (dialog, run->ready_data);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  run_data_free (run);
}

static void
on_file_chosen_cb (GtkNativeDialog *native, int response, RunData *run)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    {
      run_data_free (run);
      return;
    }

  run->file_name = g_file_get_basename (file);
  zb_sheet_read_file_async (path, NULL, on_sheet_read_cb, run);
}

void
zb_import_dialog_run (GtkWindow *parent, ZbMemberRepo *repo, ZbOrgRepo *org,
                      AdwToastOverlay *toasts, ZbImportDialogReady ready, gpointer user_data)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  RunData *run;

  g_return_if_fail (ZB_IS_MEMBER_REPO (repo));

  gtk_file_filter_set_name (filter, _ ("Rosters (Excel, WPS, CSV)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_filter_add_suffix (filter, "et");
  gtk_file_filter_add_suffix (filter, "csv");

  native = gtk_file_chooser_native_new (_ ("Import Roster"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  run = g_new0 (RunData, 1);
  g_set_weak_pointer (&run->parent, parent);
  run->repo = g_object_ref (repo);
  run->org = org ? g_object_ref (org) : NULL;
  g_set_weak_pointer (&run->toasts, toasts);
  run->ready = ready;
  run->ready_data = user_data;
  g_signal_connect (native, "response", G_CALLBACK (on_file_chosen_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Accessors */

gboolean
zb_import_dialog_get_busy (ZbImportDialog *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

ZbImportMapping *
zb_import_dialog_get_mapping (ZbImportDialog *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_DIALOG (self), NULL);

  return zb_importer_get_mapping (self->importer);
}

const char *
zb_import_dialog_get_summary (ZbImportDialog *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_DIALOG (self), NULL);

  return gtk_label_get_label (self->summary_label);
}

gboolean
zb_import_dialog_get_can_import (ZbImportDialog *self, gboolean valid_only)
{
  g_return_val_if_fail (ZB_IS_IMPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (valid_only ? self->valid_button : self->import_button);
}

/* GObject */

static void
zb_import_dialog_dispose (GObject *object)
{
  ZbImportDialog *self = ZB_IMPORT_DIALOG (object);

  /* The async callbacks hold a reference: nothing runs when this is
   * finalized. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (zb_import_dialog_parent_class)->dispose (object);
}

static void
zb_import_dialog_finalize (GObject *object)
{
  ZbImportDialog *self = ZB_IMPORT_DIALOG (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->repo);
  g_clear_object (&self->org);
  g_clear_weak_pointer (&self->toasts);
  g_clear_pointer (&self->sheet, zb_sheet_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (zb_import_dialog_parent_class)->finalize (object);
}

static void
zb_import_dialog_class_init (ZbImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zb_import_dialog_dispose;
  object_class->finalize = zb_import_dialog_finalize;
  window_class->close_request = zb_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, branch_box);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, branch_drop_down);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, state_label);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, valid_button);
  gtk_widget_class_bind_template_child (widget_class, ZbImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_valid_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_import_dialog_init (ZbImportDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->problems = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_problem_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_problem_cb), NULL);
  gtk_list_view_set_factory (self->problems_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->problems_view, GTK_SELECTION_MODEL (gtk_no_selection_new (
                                                    g_object_ref (G_LIST_MODEL (self->problems)))));
}
