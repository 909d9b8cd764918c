/* zb-meeting-editor-private.h — internals of ZbMeetingEditor, shared with its attachments part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-meeting-editor.h"

G_BEGIN_DECLS

/* An attachment chosen but not stored yet: stored when the meeting is saved. */
typedef struct
{
  char *name;
  char *mime_type;
  GBytes *data;
} ZbPendingAttachment;

struct _ZbMeetingEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkBox *form_box;
  GtkLabel *status_label;

  ZbMeetingRepo *meetings;
  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbMeetingRecord *original; /* as read, or a new record */
  char *original_json;

  GtkWidget *kind;
  GtkWidget *title;
  GtkWidget *date;
  GtkWidget *start_time;
  GtkWidget *end_time;
  GtkWidget *place;
  GtkWidget *branch;
  GtkWidget *group;
  GtkWidget *chair;
  GtkWidget *recorder;
  ZbMeetingAttendance *attendance;
  ZbMeetingMinutes *minutes;

  GtkListBox *attachment_list;
  GtkLabel *attachment_message;
  GPtrArray *pending; /* of ZbPendingAttachment */
  GPtrArray *removed; /* uuids of stored attachments to remove on saving */

  GArray *branch_ids; /* gint64, index 0 = none */
  GArray *group_ids;
  GtkStringList *member_names; /* index 0 = not chosen */
  GArray *member_ids;

  char *filled_for; /* the kind, date, branch and group the attendance is of */

  gboolean valid;
  gboolean modified;
  gboolean filling;
};

void _zb_meeting_editor_changed (ZbMeetingEditor *self);

/* zb-meeting-editor-attachments.c */
void _zb_meeting_editor_build_attachments (ZbMeetingEditor *self);
void _zb_meeting_editor_show_attachments (ZbMeetingEditor *self);
/* Stores the pending attachments and removes those marked, after the meeting
 * itself is saved; FALSE (with the message shown) when one fails. */
gboolean _zb_meeting_editor_store_attachments (ZbMeetingEditor *self, const char *meeting_uuid,
                                               GError **error);
void _zb_pending_attachment_free (ZbPendingAttachment *attachment);

G_END_DECLS
