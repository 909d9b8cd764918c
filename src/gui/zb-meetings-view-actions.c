/* zb-meetings-view-actions.c — the meetings.* actions of ZbMeetingsView and the windows they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-ballot-document.h"
#include "zb-branch-resolution-document.h"
#include "zb-gui-format.h"
#include "zb-meeting-editor.h"
#include "zb-meeting-register-document.h"
#include "zb-meetings-view-private.h"
#include "zb-message.h"
#include "zb-minutes-document.h"
#include "zb-print-dialog.h"
#include "zb-review-dialog.h"

/* Dialogs */

void
_zb_meetings_view_set_dialog (ZbMeetingsView *self, GtkWindow *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

void
_zb_meetings_view_toast (ZbMeetingsView *self, AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWindow *
parent_window (ZbMeetingsView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
zb_meetings_view_tell (ZbMeetingsView *self, const char *heading, const char *body)
{
  zb_message_tell (parent_window (self), heading, body);
}

/* Editing */

static void
on_meeting_saved_cb (ZbMeetingsView *self, const char *uuid, gboolean created)
{
  _zb_meetings_view_toast (self,
                           adw_toast_new (created ? _ ("Meeting recorded") : _ ("Changes saved")));
}

static void
zb_meetings_view_open_editor (ZbMeetingsView *self, const char *uuid)
{
  ZbMeetingEditor *editor;

  if (self->meetings == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }

  editor = zb_meeting_editor_new (parent_window (self), self->meetings, self->members, self->org,
                                  uuid, _zb_meetings_view_get_branch_id (self));
  if (editor == NULL)
    {
      zb_meetings_view_tell (self, _ ("The Meeting Cannot Be Opened"),
                             _ ("Its record could not be read. Try again after locking and "
                                "unlocking the workspace."));
      return;
    }
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_meeting_saved_cb), self,
                           G_CONNECT_SWAPPED);
  _zb_meetings_view_set_dialog (self, GTK_WINDOW (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
action_new (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_open_editor (ZB_MEETINGS_VIEW (widget), NULL);
}

static void
action_edit (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_open_editor (ZB_MEETINGS_VIEW (widget), g_variant_get_string (param, NULL));
}

/* 民主评议党员: the meetings-review window grades the members. */
static void
action_review (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);
  GtkWindow *dialog;

  if (self->meetings == NULL)
    return;
  if (self->dialog != NULL)
    {
      gtk_window_present (self->dialog);
      return;
    }

  dialog = zb_review_dialog_new (parent_window (self), self->meetings, self->org,
                                 g_variant_get_string (param, NULL));
  _zb_meetings_view_set_dialog (self, dialog);
  gtk_window_present (dialog);
}

/* Resolutions */

static void
zb_meetings_view_set_done (ZbMeetingsView *self, const char *uuid, gboolean done)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = zb_format_today_iso ();

  if (self->meetings == NULL)
    return;

  if (!zb_meeting_repo_set_resolution_done (self->meetings, uuid, done ? today : NULL, &error))
    {
      zb_meetings_view_tell (self, _ ("The Resolution Was Not Changed"), error->message);
      return;
    }

  if (done)
    {
      AdwToast *toast = adw_toast_new (_ ("Resolution marked done"));

      /* Marked by a slip of the mouse: one click brings it back. */
      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "meetings.resolution-reopen");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uuid));
      _zb_meetings_view_toast (self, toast);
    }
}

static void
action_resolution_done (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_set_done (ZB_MEETINGS_VIEW (widget), g_variant_get_string (param, NULL), TRUE);
}

static void
action_resolution_reopen (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_set_done (ZB_MEETINGS_VIEW (widget), g_variant_get_string (param, NULL), FALSE);
}

/* Printing: each document is previewed in the print dialog, which numbers
 * and records it when it is printed or exported. */

static void
zb_meetings_view_print (ZbMeetingsView *self, const char *kind, ZbDocument *document,
                        const GError *error, const char *heading)
{
  ZbPrintDialog *dialog;

  if (document == NULL)
    {
      zb_meetings_view_tell (self, heading, error ? error->message : NULL);
      return;
    }

  dialog = zb_print_dialog_new (parent_window (self), zb_meeting_repo_get_database (self->meetings),
                                kind, document);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
org_name (ZbMeetingsView *self)
{
  return zb_database_dup_org_name (zb_meeting_repo_get_database (self->meetings));
}

static void
action_print_minutes (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);
  g_autoptr (ZbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;

  if (self->meetings == NULL)
    return;

  org = org_name (self);
  document
      = zb_minutes_document_new_for_uuid (self->meetings, self->members, self->org,
                                          g_variant_get_string (param, NULL), org, NULL, &error);
  zb_meetings_view_print (self, ZB_MINUTES_DOCUMENT_KIND, document, error,
                          _ ("The Minutes Cannot Be Printed"));
}

static void
zb_meetings_view_print_vote (ZbMeetingsView *self, GVariant *param, gboolean ballot)
{
  g_autoptr (ZbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;
  const char *meeting_uuid, *vote_uuid;

  if (self->meetings == NULL)
    return;

  g_variant_get (param, "(&s&s)", &meeting_uuid, &vote_uuid);
  org = org_name (self);
  if (ballot)
    document = zb_ballot_document_new_for_vote (self->meetings, self->org, meeting_uuid, vote_uuid,
                                                org, NULL, &error);
  else
    document = zb_vote_report_document_new_for_vote (self->meetings, self->org, meeting_uuid,
                                                     vote_uuid, org, NULL, &error);
  zb_meetings_view_print (self, ballot ? ZB_BALLOT_KIND : ZB_VOTE_REPORT_KIND, document, error,
                          ballot ? _ ("The Ballot Cannot Be Printed")
                                 : _ ("The Vote Result Report Cannot Be Printed"));
}

static void
action_print_ballot (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_print_vote (ZB_MEETINGS_VIEW (widget), param, TRUE);
}

static void
action_print_vote_report (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meetings_view_print_vote (ZB_MEETINGS_VIEW (widget), param, FALSE);
}

static void
action_print_resolution (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);
  g_autoptr (ZbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;

  if (self->meetings == NULL)
    return;

  org = org_name (self);
  document = zb_branch_resolution_document_new_for_uuid (self->meetings, self->members, self->org,
                                                         g_variant_get_string (param, NULL), NULL,
                                                         org, NULL, &error);
  zb_meetings_view_print (self, ZB_BRANCH_RESOLUTION_KIND, document, error,
                          _ ("The Resolution Cannot Be Printed"));
}

static void
action_print_register (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);
  g_autoptr (ZbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;

  if (self->meetings == NULL)
    return;

  org = org_name (self);
  document = zb_meeting_register_document_new (self->meetings, self->org,
                                               _zb_meetings_view_get_branch_id (self), self->year,
                                               org, NULL, &error);
  zb_meetings_view_print (self, ZB_MEETING_REGISTER_KIND, document, error,
                          _ ("The Register Cannot Be Printed"));
}

/* The year */

static void
action_previous_year (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);

  _zb_meetings_view_set_year (self, _zb_meetings_view_get_year (self) - 1);
}

static void
action_next_year (GtkWidget *widget, const char *name, GVariant *param)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (widget);

  _zb_meetings_view_set_year (self, _zb_meetings_view_get_year (self) + 1);
}

static void
action_this_year (GtkWidget *widget, const char *name, GVariant *param)
{
  GDate today;

  zb_format_today (&today);
  _zb_meetings_view_set_year (ZB_MEETINGS_VIEW (widget), g_date_get_year (&today));
}

void
_zb_meetings_view_update_actions (ZbMeetingsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->meetings != NULL;
  GDate today;

  zb_format_today (&today);

  gtk_widget_action_set_enabled (widget, "meetings.new", open);
  gtk_widget_action_set_enabled (widget, "meetings.edit", open);
  gtk_widget_action_set_enabled (widget, "meetings.review", open);
  gtk_widget_action_set_enabled (widget, "meetings.resolution-done", open);
  gtk_widget_action_set_enabled (widget, "meetings.resolution-reopen", open);
  gtk_widget_action_set_enabled (widget, "meetings.print-minutes", open);
  gtk_widget_action_set_enabled (widget, "meetings.print-ballot", open);
  gtk_widget_action_set_enabled (widget, "meetings.print-vote-report", open);
  gtk_widget_action_set_enabled (widget, "meetings.print-resolution", open);
  gtk_widget_action_set_enabled (widget, "meetings.print-register", open && self->shown->len > 0);
  gtk_widget_action_set_enabled (widget, "meetings.previous-year", open);
  gtk_widget_action_set_enabled (widget, "meetings.next-year", open);
  gtk_widget_action_set_enabled (widget, "meetings.this-year",
                                 open && self->year != g_date_get_year (&today));
}

void
_zb_meetings_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, action_new);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "meetings.new",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "meetings.edit", "s", action_edit);
  gtk_widget_class_install_action (widget_class, "meetings.review", "s", action_review);
  gtk_widget_class_install_action (widget_class, "meetings.resolution-done", "s",
                                   action_resolution_done);
  gtk_widget_class_install_action (widget_class, "meetings.resolution-reopen", "s",
                                   action_resolution_reopen);
  gtk_widget_class_install_action (widget_class, "meetings.print-minutes", "s",
                                   action_print_minutes);
  gtk_widget_class_install_action (widget_class, "meetings.print-ballot", "(ss)",
                                   action_print_ballot);
  gtk_widget_class_install_action (widget_class, "meetings.print-vote-report", "(ss)",
                                   action_print_vote_report);
  gtk_widget_class_install_action (widget_class, "meetings.print-resolution", "s",
                                   action_print_resolution);
  gtk_widget_class_install_action (widget_class, "meetings.print-register", NULL,
                                   action_print_register);
  gtk_widget_class_install_action (widget_class, "meetings.previous-year", NULL,
                                   action_previous_year);
  gtk_widget_class_install_action (widget_class, "meetings.next-year", NULL, action_next_year);
  gtk_widget_class_install_action (widget_class, "meetings.this-year", NULL, action_this_year);
}
