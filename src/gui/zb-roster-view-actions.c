/* zb-roster-view-actions.c — the roster.* actions of ZbRosterView and the dialogs they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-import-dialog.h"
#include "zb-member-editor.h"
#include "zb-member-sheet.h"
#include "zb-message.h"
#include "zb-print-dialog.h"
#include "zb-roster-document.h"
#include "zb-roster-export.h"
#include "zb-roster-view-private.h"
#include "zb-status-dialog.h"

/* Dialogs */

void
_zb_roster_view_set_dialog (ZbRosterView *self, GtkWindow *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

static void
zb_roster_view_toast (ZbRosterView *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
on_member_saved_cb (ZbRosterView *self, const char *uuid, gboolean created)
{
  int position;

  zb_roster_view_toast (self, created ? _ ("Member added") : _ ("Changes saved"));
  _zb_roster_view_show_member (self, uuid, TRUE);

  if ((position = zb_member_list_model_find_cached (self->model, uuid)) >= 0)
    gtk_single_selection_set_selected (self->selection, (guint)position);
}

static void
on_status_recorded_cb (ZbRosterView *self, const char *message)
{
  zb_roster_view_toast (self, message);
  /* Someone who left is still shown, with the event in the history. */
  zb_member_detail_reload (self->detail);
  zb_member_detail_show_history (self->detail);
  _zb_roster_view_update_actions (self);
}

static void
zb_roster_view_open_editor (ZbRosterView *self, const char *uuid)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZbMemberEditor *editor;

  if (self->members == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }

  editor = zb_member_editor_new (GTK_WINDOW (root), self->members, self->org, uuid);
  if (editor == NULL)
    return;
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_member_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _zb_roster_view_set_dialog (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_new_member (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_roster_view_open_editor (ZB_ROSTER_VIEW (widget), NULL);
}

static void
action_edit_member (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);

  if (zb_member_detail_get_uuid (self->detail) != NULL)
    zb_roster_view_open_editor (self, zb_member_detail_get_uuid (self->detail));
}

static void
action_status (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);
  const ZbMemberRecord *record = zb_member_detail_get_record (self->detail);
  ZbMemberEventKind kind;
  ZbStatusDialog *dialog;

  if (record == NULL || self->members == NULL
      || !zb_status_dialog_kind_from_nick (g_variant_get_string (param, NULL), &kind))
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }

  dialog = zb_status_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->members, record,
                                 kind);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_status_recorded_cb), self,
                           G_CONNECT_SWAPPED);
  _zb_roster_view_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_search (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_clear_filters (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);

  gtk_popover_popdown (gtk_menu_button_get_popover (self->filter_button));
  _zb_roster_view_clear_filters (self);
}

/* The file is read after the chooser closes; the view still owns the dialog
 * that comes, so that locking closes it with the rest. The view outlives the
 * chooser (both go with the window), and the dialog is modal over it. */
static void
on_import_dialog_ready_cb (ZbImportDialog *dialog, gpointer data)
{
  ZbRosterView *self = data;

  if (self->members == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  _zb_roster_view_set_dialog (self, GTK_WINDOW (dialog));
}

static void
action_import (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);

  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }
  zb_import_dialog_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->members, self->org,
                        self->toast_overlay, on_import_dialog_ready_cb, self);
}

static void
action_export (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);

  zb_roster_export_run (GTK_WINDOW (gtk_widget_get_root (widget)), self->model,
                        self->toast_overlay);
}

/* The 党员名册 of what the list shows now (search, filters, order), previewed
 * in the print dialog, which numbers and records it when it is printed. */
static void
action_print (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (widget));
  ZbDatabase *db;
  g_autoptr (ZbDocument) roster = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  ZbPrintDialog *dialog;

  if (self->members == NULL)
    return;

  db = zb_member_repo_get_database (self->members);
  org_name = zb_database_dup_org_name (db);
  roster = zb_roster_document_new (self->members, zb_member_list_model_get_query (self->model),
                                   org_name, NULL, &error);
  if (roster == NULL)
    {
      AdwMessageDialog *message = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (parent, _ ("The Roster Cannot Be Printed"), error->message));

      adw_message_dialog_add_response (message, "close", _ ("Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  dialog = zb_print_dialog_new (parent, db, "roster", roster);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A list this long is confirmed before its sheets are made: each is a page
 * or more, and making hundreds takes a while. */
#define CONFIRM_SHEETS_OVER 50

static void
zb_roster_view_tell (ZbRosterView *self, const char *heading, const char *body)
{
  zb_message_tell (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
}

/* The 党员基本信息表 of the member in the detail pane, previewed in the print
 * dialog, which numbers and records it when it is printed or exported. */
static void
action_print_sheet (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);
  const char *uuid = zb_member_detail_get_uuid (self->detail);
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  ZbDatabase *db;
  ZbPrintDialog *dialog;

  if (self->members == NULL || uuid == NULL)
    return;

  db = zb_member_repo_get_database (self->members);
  org_name = zb_database_dup_org_name (db);
  sheet = zb_member_sheet_new_for_uuid (self->members, self->org, uuid, org_name, NULL, &error);
  if (sheet == NULL)
    {
      zb_roster_view_tell (self, _ ("The Member Sheet Cannot Be Printed"), error->message);
      return;
    }

  dialog = zb_print_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), db, ZB_MEMBER_SHEET_KIND,
                                sheet);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One sheet for each member the list shows now (search, filters, order), in
 * one batch with progress and Cancel; each sheet gets its own number. */
static void
zb_roster_view_print_sheets (ZbRosterView *self)
{
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  ZbDatabase *db;
  ZbPrintDialog *dialog;

  if (self->members == NULL || self->model == NULL)
    return;

  db = zb_member_repo_get_database (self->members);
  org_name = zb_database_dup_org_name (db);
  sheets = zb_member_sheets_new_for_query (self->members, self->org,
                                           zb_member_list_model_get_query (self->model), org_name,
                                           NULL, NULL, &error);
  if (sheets == NULL)
    {
      zb_roster_view_tell (self, _ ("The Member Sheets Cannot Be Printed"), error->message);
      return;
    }
  /* The list emptied meanwhile. */
  if (sheets->len == 0)
    return;

  dialog = zb_print_dialog_new_for_batch (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), db,
                                          ZB_MEMBER_SHEET_KIND, sheets);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_print_sheets_response (AdwMessageDialog *dialog, const char *response, ZbRosterView *self)
{
  if (g_str_equal (response, "print"))
    zb_roster_view_print_sheets (self);
}

static void
action_print_sheets (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (widget);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n;

  if (self->model == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (n <= CONFIRM_SHEETS_OVER)
    {
      zb_roster_view_print_sheets (self);
      return;
    }

  heading = g_strdup_printf (
      /* Translators: %u is how many members the list shows */
      g_dngettext (GETTEXT_PACKAGE, "Print Sheets for %u Member?", "Print Sheets for %u Members?",
                   n),
      n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (gtk_widget_get_root (widget)), heading,
      _ ("Every member in the list gets an information sheet of their own, each with its own "
         "document number. Making them takes a while; it can be cancelled. To print fewer, "
         "search or filter the list first.")));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "print",
                                    _ ("_Make the Sheets"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "print");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_print_sheets_response), self, 0);
  /* Locking closes the question with the rest. */
  if (self->dialog == NULL)
    _zb_roster_view_set_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_zb_roster_view_update_actions (ZbRosterView *self)
{
  const ZbMemberRecord *record = zb_member_detail_get_record (self->detail);
  gboolean open = self->members != NULL;
  gboolean active = open && record != NULL && record->status == ZB_STATUS_ACTIVE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.new-member", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.edit-member", open && record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.status", active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.import", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.print", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.print-sheet", open && record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.print-sheets",
                                 open && self->model != NULL
                                     && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.search", open);
}

void
_zb_roster_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "roster.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "roster.new-member", NULL, action_new_member);
  gtk_widget_class_install_action (widget_class, "roster.edit-member", NULL, action_edit_member);
  gtk_widget_class_install_action (widget_class, "roster.status", "s", action_status);
  gtk_widget_class_install_action (widget_class, "roster.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "roster.export", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "roster.print", NULL, action_print);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "roster.print",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "roster.print-sheet", NULL, action_print_sheet);
  gtk_widget_class_install_action (widget_class, "roster.print-sheets", NULL, action_print_sheets);
  gtk_widget_class_install_action (widget_class, "roster.clear-filters", NULL,
                                   action_clear_filters);
}
