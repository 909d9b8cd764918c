/* zb-meeting-repo.h — 三会一课: the only SQL that touches meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write runs in one transaction with its audit row (entity "meeting",
 * "meeting_resolution", "meeting_attachment" or "meeting_review", the record
 * before and after as JSON), and the repository emits "changed" (no
 * arguments) after it commits. Meetings are archived, never deleted.
 */
#pragma once

#include "zb-database.h"
#include "zb-meeting.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETING_REPO (zb_meeting_repo_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingRepo, zb_meeting_repo, ZB, MEETING_REPO, GObject)

#define ZB_MEETING_ERROR (zb_meeting_error_quark ())

/* Why a write was refused. Messages are translated sentences for the user. */
typedef enum
{
  ZB_MEETING_ERROR_FAILED,
  ZB_MEETING_ERROR_INVALID,   /* the record breaks a rule; the message names the first */
  ZB_MEETING_ERROR_NOT_FOUND, /* no meeting (resolution, attachment) with this uuid */
  ZB_MEETING_ERROR_TOO_LARGE, /* an attachment over ZB_MEETING_ATTACHMENT_MAX_SIZE */
} ZbMeetingError;

GQuark zb_meeting_error_quark (void);

/* 20 MiB: a scanned sign-in sheet or a few photos at a sensible resolution.
 * The schema holds the same figure in a CHECK (migration step 7). */
#define ZB_MEETING_ATTACHMENT_MAX_SIZE (20 * 1024 * 1024)

ZbMeetingRepo *zb_meeting_repo_new (ZbDatabase *db);
ZbDatabase *zb_meeting_repo_get_database (ZbMeetingRepo *self);

/* Meetings ------------------------------------------------------------------ */

/* Checks the record (a real date, HH:MM times with the end after the start, a
 * 党小组会 with its group, a group of the branch, a 支委会 with its branch, the
 * chair, recorder, speakers, owners and attendees that are members on the
 * roster, each member once, guests only as 列席; a leave reason is kept only
 * for a leave, and an attendee or speaker without a name takes the member's),
 * fills uuid/id/created_at/updated_at of the meeting and its children, inserts it
 * with its attendees, topics, speeches, votes and resolutions, and writes one
 * audit row ("create") — one transaction. A meeting without a branch but with
 * a group takes the group's branch. On failure the record is left as it was. */
gboolean zb_meeting_repo_create (ZbMeetingRepo *self, ZbMeetingRecord *record, GError **error);

/* Writes the record over the stored meeting with the same uuid: its fields,
 * and its attendees, topics, votes and resolutions replaced by the record's
 * (children keep their uuids; new ones get one). Attachments are not touched
 * (zb_meeting_repo_add_attachment()). One audit row ("update") with before
 * and after. */
gboolean zb_meeting_repo_update (ZbMeetingRepo *self, ZbMeetingRecord *record, GError **error);

/* Archives (or brings back) a meeting: audit row "archive" / "unarchive". */
gboolean zb_meeting_repo_set_archived (ZbMeetingRepo *self, const char *uuid, gboolean archived,
                                       GError **error);

/* The meeting with every child, attachments by their facts. */
ZbMeetingRecord *zb_meeting_repo_get (ZbMeetingRepo *self, const char *uuid, GError **error);

typedef struct
{
  guint year;        /* 0: any */
  int kind;          /* -1: any; else a ZbMeetingKind */
  gint64 branch_id;  /* 0: any */
  gboolean archived; /* FALSE: leave archived meetings out */
} ZbMeetingQuery;

#define ZB_MEETING_QUERY_INIT                                                                      \
  {                                                                                                \
    0, -1, 0, FALSE                                                                                \
  }

/* Meetings matching @query by date, start time: a GPtrArray of ZbMeeting
 * snapshots without children but with their attendance figures. A branch
 * holds about a hundred meetings a year: a year is one small list. */
GPtrArray *zb_meeting_repo_list (ZbMeetingRepo *self, const ZbMeetingQuery *query, GError **error);

/* What the rhythm rules (zb_meeting_rhythm_for_year(), zb-meeting-rules.h)
 * take: the meetings of @branch_id (0: all) dated in @year (0: any), not
 * archived, as a GArray of ZbHeldMeeting (kind, date, group for 党小组会) in
 * date order. */
GArray *zb_meeting_repo_list_held (ZbMeetingRepo *self, gint64 branch_id, guint year,
                                   GError **error);

/* Attendance frozen from the roster ------------------------------------------ */

/* Who was expected (应到) at a meeting of @kind on @date, as the roster stood
 * that day: a GPtrArray of ZbMeetingAttendee with role EXPECTED, the member's
 * name and @voting set, in 姓氏笔画 order:
 *  - ZB_MEETING_GROUP: the members of @group_id;
 *  - ZB_MEETING_COMMITTEE: the committee of @branch_id on @date (posts of the
 *    branch other than 党小组长 held that day, ended posts included up to
 *    their last day);
 *  - any other kind: the members of @branch_id (with its groups).
 * A member counts who had joined by @date (入党日期 ≤ date) and was on the
 * roster that day: their 转入, 转出, 出党 and death events decide (leaving on
 * the day itself means not expected); one under 停止党籍 that day is left out.
 * @voting is TRUE for a full member that day (转正 on or before the date), as
 * zb_voting_right_on() decides.
 *
 * Known gap: the roster keeps only a member's present branch and group, not
 * when they moved between groups or branches within the workspace, so a
 * member who moved is counted where they are now. 留党察看 is not recorded
 * on the roster, so such a member is counted as voting. */
GPtrArray *zb_meeting_repo_roster_on (ZbMeetingRepo *self, ZbMeetingKind kind, gint64 branch_id,
                                      gint64 group_id, const char *date, GError **error);

/* Replaces the members on @record's attendee list with the roster of its kind,
 * branch, group and date (zb_meeting_repo_roster_on()), keeping what was
 * already recorded for a member still expected (role, reason) and the
 * guests; for the record before zb_meeting_repo_create() or _update(). */
gboolean zb_meeting_repo_fill_expected (ZbMeetingRepo *self, ZbMeetingRecord *record,
                                        GError **error);

/* How many members of import batch @import_batch_id appear in meeting records
 * (as attendee, chair, recorder, speaker, resolution owner or graded at a
 * 民主评议), in *n_members.
 * Undoing that import deletes the members, which the records' foreign keys
 * refuse: the undo should say so first (see the report of issue 5). */
gboolean zb_meeting_repo_count_batch_references (ZbMeetingRepo *self, gint64 import_batch_id,
                                                 guint *n_members, GError **error);

/* Resolutions ---------------------------------------------------------------- */

/* Marks a resolution done on @done_date, or open again (NULL). Audit row
 * "done" / "reopen" on entity "meeting_resolution". */
gboolean zb_meeting_repo_set_resolution_done (ZbMeetingRepo *self, const char *resolution_uuid,
                                              const char *done_date, GError **error);

/* Open resolutions of meetings not archived (of @branch_id, 0: all) by due date
 * (those without one last), then meeting date: a GPtrArray of
 * ZbMeetingResolution with owner_name and the meeting_* fields filled. */
GPtrArray *zb_meeting_repo_list_open_resolutions (ZbMeetingRepo *self, gint64 branch_id,
                                                  GError **error);

/* Attachments ------------------------------------------------------------------ */

/* Stores @data (at most ZB_MEETING_ATTACHMENT_MAX_SIZE bytes, else
 * ZB_MEETING_ERROR_TOO_LARGE and nothing written) as an attachment of the
 * meeting, with an audit row ("create", "meeting_attachment") naming its size
 * and SHA-256. Returns its facts. */
ZbMeetingAttachment *zb_meeting_repo_add_attachment (ZbMeetingRepo *self, const char *meeting_uuid,
                                                     const char *name, const char *mime_type,
                                                     GBytes *data, GError **error);
/* Removes an attachment (its facts and hash stay in the audit row). */
gboolean zb_meeting_repo_remove_attachment (ZbMeetingRepo *self, const char *attachment_uuid,
                                            GError **error);
GBytes *zb_meeting_repo_get_attachment_data (ZbMeetingRepo *self, const char *attachment_uuid,
                                             GError **error);

/* Democratic review (民主评议党员, DOMAIN.md §2.2) ------------------------------ */

/* Grades are kept for a meeting held as 民主评议党员, or as the 支部党员大会 or
 * 组织生活会 the appraisal was combined with (§2.2: the 民主测评 takes place at
 * a 党员大会 and "can be combined with 组织生活会"); other kinds are refused
 * with ZB_MEETING_ERROR_INVALID. Those who may be graded are the meeting's
 * expected members (应到, the attendance frozen from the roster on the meeting
 * date, 预备党员 included: they are members of the branch and take part), or,
 * when the meeting has no attendance list, the branch's members on the
 * meeting date (zb_meeting_repo_roster_on()), and those already graded at it.
 * A member who only sat in (列席) or is not on that list is refused.
 *
 * The grades are separate from the meeting record: zb_meeting_repo_get() and
 * _update() neither read nor touch them, and an edit of the meeting keeps
 * them. */

/* The meeting's grades (ZbMeetingGrade, none with grade NONE) in the order
 * they were set. */
GPtrArray *zb_meeting_repo_list_review_grades (ZbMeetingRepo *self, const char *meeting_uuid,
                                               GError **error);

/* Everyone who may be graded at the meeting (see above), in the order of the
 * attendance list (姓氏笔画), each with their stored grade and remark, or
 * NONE: what the grading dialog lists. A member graded before being taken off
 * the attendance list stays, after the others, so that no stored grade is
 * hidden (and may be graded again). */
GPtrArray *zb_meeting_repo_list_review_candidates (ZbMeetingRepo *self, const char *meeting_uuid,
                                                   GError **error);

/* Replaces the meeting's grades with @grades (ZbMeetingGrade; those with
 * grade NONE are left out, that is, ungraded): a member's row keeps its uuid
 * and creation time; names default to the attendance list's; remarks are
 * trimmed. Each member at most once, every one of them gradable (above), else
 * ZB_MEETING_ERROR_INVALID naming the first problem and nothing written. One
 * transaction with one audit row ("grade", entity "meeting_review", the
 * meeting's uuid, the grades before and after); "changed" after it commits.
 * The one-third cap on 优秀 is not enforced: see zb_meeting_grades_check(). */
gboolean zb_meeting_repo_set_review_grades (ZbMeetingRepo *self, const char *meeting_uuid,
                                            GPtrArray *grades, GError **error);

G_END_DECLS
