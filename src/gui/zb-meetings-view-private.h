/* zb-meetings-view-private.h — internals of ZbMeetingsView, for its actions and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-meetings-calendar.h"
#include "zb-meetings-view.h"

G_BEGIN_DECLS

struct _ZbMeetingsView
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkScrolledWindow *scrolled_window;
  GtkLabel *year_label;
  GtkDropDown *branch_filter;
  GtkWidget *register_button;
  GtkLabel *summary_label;
  ZbMeetingsCalendar *calendar;
  GtkWidget *meetings_empty;
  GtkLabel *meetings_empty_label;
  GtkListBox *meeting_list;
  GtkWidget *resolutions_empty;
  GtkListBox *resolution_list;

  ZbMeetingRepo *meetings;
  ZbMemberRepo *members;
  ZbOrgRepo *org;
  GPtrArray *shown;       /* ZbMeeting snapshots, in the order of the rows */
  GPtrArray *resolutions; /* open ZbMeetingResolution, in the order of the rows */
  GArray *branch_ids;     /* gint64, by position in branch_filter */
  guint year;
  GtkWindow *dialog; /* weak: the editor or dialog open over the window */

  gboolean syncing;
};

/* zb-meetings-view-actions.c */
void _zb_meetings_view_class_add_actions (GtkWidgetClass *widget_class);
/* The one place that decides which meetings.* actions are enabled. */
void _zb_meetings_view_update_actions (ZbMeetingsView *self);
void _zb_meetings_view_set_dialog (ZbMeetingsView *self, GtkWindow *dialog);
void _zb_meetings_view_toast (ZbMeetingsView *self, AdwToast *toast);

/* zb-meetings-view.c */
void _zb_meetings_view_reload (ZbMeetingsView *self);
void _zb_meetings_view_set_year (ZbMeetingsView *self, guint year);
guint _zb_meetings_view_get_year (ZbMeetingsView *self);
/* The branch shown (0: the whole workspace). */
gint64 _zb_meetings_view_get_branch_id (ZbMeetingsView *self);

/* For tests */
ZbMeetingsCalendar *_zb_meetings_view_get_calendar (ZbMeetingsView *self);
/* The meetings listed (ZbMeeting) and the open resolutions
 * (ZbMeetingResolution), in the order shown. */
GPtrArray *_zb_meetings_view_get_meetings (ZbMeetingsView *self);
GPtrArray *_zb_meetings_view_get_resolutions (ZbMeetingsView *self);
/* The row of the meeting with @uuid, or NULL. */
GtkWidget *_zb_meetings_view_get_meeting_row (ZbMeetingsView *self, const char *uuid);
GtkWindow *_zb_meetings_view_get_dialog (ZbMeetingsView *self);
const char *_zb_meetings_view_get_summary (ZbMeetingsView *self);

G_END_DECLS
