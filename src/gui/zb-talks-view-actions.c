/* zb-talks-view-actions.c — the talks.* actions of ZbTalksView: recording and
 * editing talks, opening their contents after the re-check, follow-ups done,
 * printing and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-print-dialog.h"
#include "zb-talk-contents-dialog.h"
#include "zb-talk-document.h"
#include "zb-talk-editor.h"
#include "zb-talk-export.h"
#include "zb-talks-view-private.h"

void
_zb_talks_view_set_dialog (ZbTalksView *self, GtkWindow *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

void
_zb_talks_view_toast (ZbTalksView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GtkWindow *
parent_window (ZbTalksView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
zb_talks_view_tell (ZbTalksView *self, const char *heading, const char *body)
{
  AdwMessageDialog *message
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  adw_message_dialog_add_response (message, "close", _ ("_Close"));
  adw_message_dialog_set_default_response (message, "close");
  adw_message_dialog_set_close_response (message, "close");
  gtk_window_present (GTK_WINDOW (message));
}

/* The re-check, then @then (uuid or NULL) */

typedef void (*AfterCheck) (ZbTalksView *self, const char *uuid, gpointer extra);

typedef struct
{
  ZbTalksView *self;
  AfterCheck then;
  char *uuid;
  gpointer extra;
  GDestroyNotify extra_free;
} CheckData;

static void
on_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CheckData *data = user_data;
  g_autoptr (GError) error = NULL;

  if (zb_contents_guard_check_finish (ZB_CONTENTS_GUARD (source), result, &error))
    {
      if (data->self->talks != NULL)
        data->then (data->self, data->uuid, data->extra);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->self->talks != NULL)
    zb_talks_view_tell (data->self, _ ("The Contents Were Not Opened"), error->message);

  g_object_unref (data->self);
  g_free (data->uuid);
  if (data->extra_free != NULL)
    data->extra_free (data->extra);
  g_free (data);
}

static void
zb_talks_view_check_then (ZbTalksView *self, const char *uuid, AfterCheck then, gpointer extra,
                          GDestroyNotify extra_free)
{
  CheckData *data = g_new0 (CheckData, 1);

  data->self = g_object_ref (self);
  data->then = then;
  data->uuid = g_strdup (uuid);
  data->extra = extra;
  data->extra_free = extra_free;
  zb_contents_guard_check_async (self->guard, parent_window (self), on_checked_cb, data);
}

/* Recording and editing */

static void
on_talk_saved_cb (ZbTalksView *self, const char *uuid, gboolean created)
{
  _zb_talks_view_toast (self, created ? _ ("Talk recorded") : _ ("Changes saved"));
}

static void
zb_talks_view_open_editor (ZbTalksView *self, const char *uuid, const ZbTalkContents *contents)
{
  ZbTalkEditor *editor;

  if (self->talks == NULL || self->members == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  editor = zb_talk_editor_new (parent_window (self), self->talks, self->members, self->org,
                               self->guard, uuid, contents);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_talk_saved_cb), self, G_CONNECT_SWAPPED);
  _zb_talks_view_set_dialog (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_new (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_talks_view_open_editor (ZB_TALKS_VIEW (widget), NULL, NULL);
}

static void
action_edit (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_talks_view_open_editor (ZB_TALKS_VIEW (widget), g_variant_get_string (param, NULL), NULL);
}

/* The contents */

static void
on_contents_edit_cb (ZbTalkContentsDialog *dialog, ZbTalksView *self)
{
  g_autoptr (ZbTalkContents) contents = zb_talk_contents_dialog_dup_contents (dialog);
  g_autofree char *uuid = g_strdup (zb_talk_contents_dialog_get_uuid (dialog));

  /* The contents window closes after this: the editor takes its place. */
  _zb_talks_view_set_dialog (self, NULL);
  zb_talks_view_open_editor (self, uuid, contents);
}

static void
show_contents (ZbTalksView *self, const char *uuid, gpointer extra)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbTalkRecord) record = zb_talk_repo_get (self->talks, uuid, &error);
  ZbTalkContents *contents = NULL;
  ZbTalkContentsDialog *dialog;

  /* Every opening goes through the repository, which audits it. */
  if (record != NULL)
    contents = zb_talk_repo_load_contents (self->talks, uuid, &error);
  if (contents == NULL)
    {
      zb_talks_view_tell (self, _ ("The Contents Were Not Opened"), error->message);
      return;
    }
  dialog = zb_talk_contents_dialog_new (parent_window (self), record, contents);
  g_signal_connect_object (dialog, "edit", G_CALLBACK (on_contents_edit_cb), self, 0);
  _zb_talks_view_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_open_contents (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);

  if (self->talks == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  zb_talks_view_check_then (self, g_variant_get_string (param, NULL), show_contents, NULL, NULL);
}

/* Follow-ups */

static void
action_action_done (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);
  g_autofree char *today = zb_format_today_iso ();
  g_autoptr (GError) error = NULL;

  if (self->talks == NULL)
    return;
  if (zb_talk_repo_set_action_done (self->talks, g_variant_get_string (param, NULL), today, &error))
    _zb_talks_view_toast (self, _ ("Marked as done"));
  else
    _zb_talks_view_toast (self, error->message);
}

/* Printing */

static char *
org_name (ZbTalksView *self)
{
  return zb_database_dup_org_name (zb_talk_repo_get_database (self->talks));
}

/* The 谈心谈话记录表 holds the contents: only after the re-check, and the
 * document reads them through zb_talk_repo_load_contents() (audited). */
static void
print_record (ZbTalksView *self, const char *uuid, gpointer extra)
{
  g_autofree char *name = org_name (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) document
      = zb_talk_record_document_new_for_uuid (self->talks, uuid, name, NULL, &error);
  ZbPrintDialog *dialog;

  if (document == NULL)
    {
      zb_talks_view_tell (self, _ ("The Talk Record Cannot Be Printed"), error->message);
      return;
    }
  dialog = zb_print_dialog_new (parent_window (self), zb_talk_repo_get_database (self->talks),
                                ZB_TALK_RECORD_KIND, g_steal_pointer (&document));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_print_record (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);

  if (self->talks != NULL)
    zb_talks_view_check_then (self, g_variant_get_string (param, NULL), print_record, NULL, NULL);
}

/* The 统计表 holds no contents: no re-check. */
static void
action_print_stats (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);
  g_autofree char *org = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) document = NULL;
  ZbPrintDialog *dialog;
  GDate today;

  if (self->talks == NULL)
    return;
  zb_format_today (&today);
  org = org_name (self);
  document = zb_talk_stats_document_new (self->talks, self->org, 0, _zb_talks_view_get_year (self),
                                         &today, org, NULL, &error);
  if (document == NULL)
    {
      zb_talks_view_tell (self, _ ("The Statistics Cannot Be Printed"), error->message);
      return;
    }
  dialog = zb_print_dialog_new (parent_window (self), zb_talk_repo_get_database (self->talks),
                                ZB_TALK_STATS_KIND, g_steal_pointer (&document));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
export_now (ZbTalksView *self, const char *path, gpointer extra)
{
  gboolean with_contents = GPOINTER_TO_INT (extra);
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autofree char *done = NULL;

  query.year = _zb_talks_view_get_year (self);
  if (!zb_talk_export_to_file (self->talks, &query, with_contents, path, &error))
    {
      zb_talks_view_tell (self, _ ("The Talks Were Not Exported"), error->message);
      return;
    }
  done = g_strdup_printf (with_contents ? _ ("The talks of %u were exported with their contents")
                                        : _ ("The talks of %u were exported"),
                          query.year);
  _zb_talks_view_toast (self, done);
}

void
_zb_talks_view_export_to (ZbTalksView *self, const char *path, gboolean with_contents)
{
  g_return_if_fail (ZB_IS_TALKS_VIEW (self));

  if (self->talks == NULL)
    return;
  /* Contents leave the workspace only after the re-check. */
  if (with_contents)
    zb_talks_view_check_then (self, path, export_now, GINT_TO_POINTER (TRUE), NULL);
  else
    export_now (self, path, GINT_TO_POINTER (FALSE));
}

static void
on_export_file_cb (GtkNativeDialog *native, int response, ZbTalksView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      const char *contents = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "contents");
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      /* Without an ending the file is a workbook. */
      if (path != NULL && !g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".xlsx"))
        {
          char *named = g_strconcat (path, ".xlsx", NULL);

          g_free (path);
          path = named;
        }
      if (path != NULL)
        _zb_talks_view_export_to (self, path, g_strcmp0 (contents, "true") == 0);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);
  g_autoptr (GtkFileFilter) xlsx = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *native;

  if (self->talks == NULL)
    return;
  gtk_file_filter_set_name (xlsx, _ ("Excel Workbook (.xlsx)"));
  gtk_file_filter_add_suffix (xlsx, "xlsx");
  gtk_file_filter_set_name (csv, _ ("CSV Text (.csv)"));
  gtk_file_filter_add_suffix (csv, "csv");
  native = gtk_file_chooser_native_new (_ ("Export Talks"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xlsx);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv);
  /* Translators: the suggested file name of exported talks; %u is the year. */
  file_name = g_strdup_printf (_ ("Heart-to-Heart Talks %u.xlsx"), _zb_talks_view_get_year (self));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  /* Off unless chosen: the contents leave the workspace only on purpose. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "contents",
                               _ ("Include the talk contents"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "contents", "false");
  g_signal_connect (native, "response", G_CALLBACK (on_export_file_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
action_previous_year (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);

  _zb_talks_view_set_year (self, _zb_talks_view_get_year (self) - 1);
}

static void
action_next_year (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);

  _zb_talks_view_set_year (self, _zb_talks_view_get_year (self) + 1);
}

void
_zb_talks_view_update_actions (ZbTalksView *self)
{
  gboolean open = self->talks != NULL && self->members != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.new", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.edit", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.open-contents", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.print-record", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.print-stats", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.export", open && self->n_talks > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.action-done", open);
}

void
_zb_talks_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "talks.new", NULL, action_new);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "talks.new",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "talks.edit", "s", action_edit);
  gtk_widget_class_install_action (widget_class, "talks.open-contents", "s", action_open_contents);
  gtk_widget_class_install_action (widget_class, "talks.print-record", "s", action_print_record);
  gtk_widget_class_install_action (widget_class, "talks.print-stats", NULL, action_print_stats);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "talks.print-stats", NULL);
  gtk_widget_class_install_action (widget_class, "talks.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "talks.action-done", "s", action_action_done);
  gtk_widget_class_install_action (widget_class, "talks.previous-year", NULL, action_previous_year);
  gtk_widget_class_install_action (widget_class, "talks.next-year", NULL, action_next_year);
}
