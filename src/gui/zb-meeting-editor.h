/* zb-meeting-editor.h — recording a meeting of 三会一课, or correcting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting-attendance.h"
#include "zb-meeting-minutes.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETING_EDITOR (zb_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingEditor, zb_meeting_editor, ZB, MEETING_EDITOR, AdwWindow)

/* A window over @parent editing the meeting with @uuid, or a new meeting
 * (@uuid NULL) of @branch_id (0: none chosen yet). The attendance list is
 * filled from the roster as it stood on the meeting date and filled again
 * when the date, kind, branch or group changes, keeping what was entered.
 * 保存 (Ctrl+S) goes through zb_meeting_repo_create()/_update(); what the
 * repository refuses is shown in the window and nothing typed is lost.
 * Closing with unsaved changes asks 保存/放弃/取消. Signal "saved" (const char
 * *uuid, gboolean created). Returns NULL (after a warning) when the meeting
 * cannot be read. */
ZbMeetingEditor *zb_meeting_editor_new (GtkWindow *parent, ZbMeetingRepo *meetings,
                                        ZbMemberRepo *members, ZbOrgRepo *org, const char *uuid,
                                        gint64 branch_id);

/* For tests: a field by name ("kind", "title", "date", "start_time",
 * "end_time", "place", "branch", "group", "chair", "recorder"), the parts. */
GtkWidget *zb_meeting_editor_get_field (ZbMeetingEditor *self, const char *name);
ZbMeetingAttendance *zb_meeting_editor_get_attendance (ZbMeetingEditor *self);
ZbMeetingMinutes *zb_meeting_editor_get_minutes (ZbMeetingEditor *self);
gboolean zb_meeting_editor_get_can_save (ZbMeetingEditor *self);
/* The sentence shown over the form (what saving was refused for), or NULL. */
const char *zb_meeting_editor_get_error (ZbMeetingEditor *self);

/* What the file chooser of 添加附件 does with the chosen file: a file over
 * ZB_MEETING_ATTACHMENT_MAX_SIZE is refused with a message beside the list
 * and nothing is kept; another is listed and stored on saving. */
gboolean zb_meeting_editor_add_attachment_file (ZbMeetingEditor *self, GFile *file);
/* The message beside the attachments ("" when none). */
const char *zb_meeting_editor_get_attachment_message (ZbMeetingEditor *self);

G_END_DECLS
