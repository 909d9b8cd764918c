/* zb-meeting-attendance.h — who was expected at a meeting, who came, and the quorum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETING_ATTENDANCE (zb_meeting_attendance_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingAttendance, zb_meeting_attendance, ZB, MEETING_ATTENDANCE, AdwBin)

/* The attendance list of the meeting editor: one row per member expected (应到)
 * with 出席 / 请假 (and its reason) / 缺席, the guests who sat in (列席), the
 * figures, and the quorum as the rules judge it (zb_meeting_check_attendance()),
 * with the article it comes from. Signal "changed" (no arguments) after every
 * edit made in it. */
GtkWidget *zb_meeting_attendance_new (void);

/* The kind decides the quorum rule. */
void zb_meeting_attendance_set_kind (ZbMeetingAttendance *self, ZbMeetingKind kind);
/* Shows a copy of @attendees (ZbMeetingAttendee), e.g. as
 * zb_meeting_repo_fill_expected() left them; emits nothing. */
void zb_meeting_attendance_set_attendees (ZbMeetingAttendance *self, const GPtrArray *attendees);
/* A copy of the list as entered (ZbMeetingAttendee, never NULL). */
GPtrArray *zb_meeting_attendance_dup_attendees (ZbMeetingAttendance *self);
void zb_meeting_attendance_get_counts (ZbMeetingAttendance *self, ZbAttendanceCounts *counts);
/* What the quorum line says now ("" when the kind has no quorum rule). */
const char *zb_meeting_attendance_get_quorum_text (ZbMeetingAttendance *self);

/* As a user does it, through the row's widgets (for tests and for 全部出席):
 * FALSE when no member of that name is listed. */
gboolean zb_meeting_attendance_set_role (ZbMeetingAttendance *self, const char *name,
                                         ZbAttendance role, const char *reason);
void zb_meeting_attendance_mark_all_present (ZbMeetingAttendance *self);
void zb_meeting_attendance_add_guest (ZbMeetingAttendance *self, const char *name);

G_END_DECLS
