/* zb-meeting.h — one meeting of 三会一课: plain records, and a GObject for lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md §2.2 (kinds, who chairs), §5 rows 1–3 (what the minutes, vote
 * sheets and resolutions hold). The kinds are those of zb-meeting-rules.h.
 * Strings are owned (g_free) and NULL when unknown; dates are "YYYY-MM-DD",
 * times "HH:MM"; ids are database row ids, 0 for none. A child record's uuid
 * is NULL until it is stored; an edited meeting keeps its children's uuids.
 */
#pragma once

#include <glib-object.h>

#include "zb-meeting-rules.h"

G_BEGIN_DECLS

/* Attendance (DOMAIN.md §5 row 1: 应到, 实到, 缺席及原因, 列席). */
typedef enum
{
  ZB_ATTENDANCE_EXPECTED, /* "expected": 应到, attendance not taken yet */
  ZB_ATTENDANCE_PRESENT,  /* "present": 实到 */
  ZB_ATTENDANCE_LEAVE,    /* "leave": 请假, with a reason */
  ZB_ATTENDANCE_ABSENT,   /* "absent": 缺席 */
  ZB_ATTENDANCE_OBSERVER, /* "observer": 列席 — not one of 应到 */
} ZbAttendance;

const char *zb_attendance_to_string (ZbAttendance role);
gboolean zb_attendance_from_string (const char *text, ZbAttendance *role);
/* Translated: 应到, 出席, 请假, 缺席, 列席. */
const char *zb_attendance_get_label (ZbAttendance role);

typedef struct
{
  char *uuid;
  gint64 member_id; /* 0 for a guest (列席 from outside the roster) */
  char *name;       /* the member's name on the meeting date, or the guest's */
  ZbAttendance role;
  char *leave_reason;
  gboolean voting; /* had a vote on the meeting date (正式党员), frozen */
} ZbMeetingAttendee;

ZbMeetingAttendee *zb_meeting_attendee_new (gint64 member_id, const char *name, ZbAttendance role);
ZbMeetingAttendee *zb_meeting_attendee_copy (const ZbMeetingAttendee *attendee);
void zb_meeting_attendee_free (ZbMeetingAttendee *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingAttendee, zb_meeting_attendee_free)

typedef struct
{
  char *uuid;
  gint64 member_id; /* 0 when the speaker is not on the roster */
  char *speaker_name;
  char *text;
} ZbMeetingSpeech;

ZbMeetingSpeech *zb_meeting_speech_new (gint64 member_id, const char *speaker_name,
                                        const char *text);
ZbMeetingSpeech *zb_meeting_speech_copy (const ZbMeetingSpeech *speech);
void zb_meeting_speech_free (ZbMeetingSpeech *speech);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingSpeech, zb_meeting_speech_free)

/* 议题 with its minutes (reports, discussion) and speeches, in order. */
typedef struct
{
  char *uuid;
  char *title;
  char *minutes;
  GPtrArray *speeches; /* of ZbMeetingSpeech, never NULL */
} ZbMeetingTopic;

ZbMeetingTopic *zb_meeting_topic_new (const char *title);
ZbMeetingTopic *zb_meeting_topic_copy (const ZbMeetingTopic *topic);
void zb_meeting_topic_free (ZbMeetingTopic *topic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingTopic, zb_meeting_topic_free)

typedef enum
{
  ZB_VOTE_FORM_SHOW_OF_HANDS, /* "show_of_hands": 举手表决 */
  ZB_VOTE_FORM_SECRET_BALLOT, /* "secret_ballot": 无记名投票 */
} ZbVoteForm;

const char *zb_vote_form_to_string (ZbVoteForm form);
gboolean zb_vote_form_from_string (const char *text, ZbVoteForm *form);
const char *zb_vote_form_get_label (ZbVoteForm form); /* translated */

typedef enum
{
  ZB_VOTE_RESULT_NONE,       /* NULL: not stated */
  ZB_VOTE_RESULT_PASSED,     /* "passed": 通过 */
  ZB_VOTE_RESULT_NOT_PASSED, /* "not_passed": 未通过 */
} ZbVoteResult;

const char *zb_vote_result_to_string (ZbVoteResult result); /* NULL for NONE */
gboolean zb_vote_result_from_string (const char *text, ZbVoteResult *result);

/* 表决 (DOMAIN.md §1.5, §5 row 2): on a topic (topic_uuid) or on the meeting
 * (NULL); @subject is what was voted on, e.g. a candidate's name. */
typedef struct
{
  char *uuid;
  char *topic_uuid; /* one of the meeting's topics, or NULL */
  char *subject;
  ZbVoteForm form;
  guint yes;
  guint no;
  guint abstain;
  guint written_opinions; /* 书面意见 of absent full members, counted in */
  ZbVoteResult result;
} ZbMeetingVote;

ZbMeetingVote *zb_meeting_vote_new (const char *subject, ZbVoteForm form);
ZbMeetingVote *zb_meeting_vote_copy (const ZbMeetingVote *vote);
void zb_meeting_vote_free (ZbMeetingVote *vote);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingVote, zb_meeting_vote_free)

/* 决议 / 决定事项, followed up until done. The meeting_* fields are filled by
 * zb_meeting_repo_list_open_resolutions() only. */
typedef struct
{
  char *uuid;
  char *text;
  gint64 owner_id; /* the member responsible, 0 none */
  char *due_date;
  char *done_date; /* NULL while open */
  char *owner_name;
  char *meeting_uuid;
  char *meeting_date;
  char *meeting_title;
  ZbMeetingKind meeting_kind;
} ZbMeetingResolution;

ZbMeetingResolution *zb_meeting_resolution_new (const char *text, gint64 owner_id,
                                                const char *due_date);
ZbMeetingResolution *zb_meeting_resolution_copy (const ZbMeetingResolution *resolution);
void zb_meeting_resolution_free (ZbMeetingResolution *resolution);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingResolution, zb_meeting_resolution_free)

/* An attachment's facts; its bytes are read with
 * zb_meeting_repo_get_attachment_data(). */
typedef struct
{
  char *uuid;
  char *name;
  char *mime_type;
  guint64 size;
  char *sha256;
  char *created_at;
} ZbMeetingAttachment;

ZbMeetingAttachment *zb_meeting_attachment_copy (const ZbMeetingAttachment *attachment);
void zb_meeting_attachment_free (ZbMeetingAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingAttachment, zb_meeting_attachment_free)

typedef struct
{
  gint64 id;
  char *uuid;
  ZbMeetingKind kind;
  char *title;
  char *date;
  char *start_time;
  char *end_time;
  char *place;
  gint64 branch_id;
  gint64 group_id;    /* ZB_MEETING_GROUP: the 党小组 */
  gint64 chair_id;    /* 主持人 */
  gint64 recorder_id; /* 记录人 */
  gboolean archived;
  char *created_at;
  char *updated_at;
  GPtrArray *attendees;   /* of ZbMeetingAttendee, in order; never NULL */
  GPtrArray *topics;      /* of ZbMeetingTopic */
  GPtrArray *votes;       /* of ZbMeetingVote */
  GPtrArray *resolutions; /* of ZbMeetingResolution */
  GPtrArray *attachments; /* of ZbMeetingAttachment: read only, filled by loading */
} ZbMeetingRecord;

ZbMeetingRecord *zb_meeting_record_new (ZbMeetingKind kind, const char *date);
ZbMeetingRecord *zb_meeting_record_copy (const ZbMeetingRecord *record);
void zb_meeting_record_free (ZbMeetingRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingRecord, zb_meeting_record_free)

/* The record as a JSON object, children included (attachments by their facts,
 * never their bytes): what the audit log stores. */
char *zb_meeting_record_to_json (const ZbMeetingRecord *record);

/* Attendance figures of a meeting, from its attendees. */
typedef struct
{
  guint expected;        /* 应到: every attendee but observers */
  guint present;         /* 实到 */
  guint leave;           /* 请假 */
  guint absent;          /* 缺席 */
  guint observers;       /* 列席 */
  guint voting_expected; /* 应到会有表决权人数 */
  guint voting_present;  /* 实到会有表决权人数 */
  gboolean taken;        /* attendance was recorded (someone is not "expected") */
} ZbAttendanceCounts;

void zb_meeting_count_attendance (const GPtrArray *attendees, ZbAttendanceCounts *counts);

/* The quorum of a meeting of @kind with @counts (zb_meeting_check_quorum():
 * 支委会 over all committee members, 党员大会 over voting members); NULL when
 * the kind has no quorum rule or attendance was not taken. */
ZbRuleCheck *zb_meeting_check_attendance (ZbMeetingKind kind, const ZbAttendanceCounts *counts);

/* 民主评议党员 (DOMAIN.md §2.2, §5 row 12) ----------------------------------- */

/* A member's grade at the appraisal; NONE: not graded (yet). The stable names
 * are those of ZbAppraisalGrade (zb-meeting-rules.h), which the rules count:
 * ZB_REVIEW_GRADE_X is ZB_GRADE_X + 1. */
typedef enum
{
  ZB_REVIEW_GRADE_NONE,                /* NULL: not graded */
  ZB_REVIEW_GRADE_EXCELLENT,           /* "excellent": 优秀 */
  ZB_REVIEW_GRADE_QUALIFIED,           /* "qualified": 合格 */
  ZB_REVIEW_GRADE_BASICALLY_QUALIFIED, /* "basically_qualified": 基本合格 */
  ZB_REVIEW_GRADE_UNQUALIFIED,         /* "unqualified": 不合格 */
} ZbReviewGrade;

#define ZB_REVIEW_N_GRADES (ZB_REVIEW_GRADE_UNQUALIFIED + 1)

const char *zb_review_grade_to_string (ZbReviewGrade grade); /* NULL for NONE */
/* FALSE for an unknown name; "none" and NULL are not grades either. */
gboolean zb_review_grade_from_string (const char *text, ZbReviewGrade *grade);
/* Translated: 优秀, 合格, 基本合格, 不合格; 未评定 for NONE. */
const char *zb_review_grade_get_label (ZbReviewGrade grade);

/* One member's grade at one meeting. */
typedef struct
{
  char *uuid;        /* NULL until stored */
  gint64 member_id;  /* a member on the roster */
  char *member_name; /* as on the meeting date; the roster's name when NULL */
  ZbReviewGrade grade;
  char *remark; /* 备注, NULL for none */
} ZbMeetingGrade;

ZbMeetingGrade *zb_meeting_grade_new (gint64 member_id, const char *member_name,
                                      ZbReviewGrade grade, const char *remark);
ZbMeetingGrade *zb_meeting_grade_copy (const ZbMeetingGrade *grade);
void zb_meeting_grade_free (ZbMeetingGrade *grade);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingGrade, zb_meeting_grade_free)

/* How many of @grades (ZbMeetingGrade) have each grade, indexed by
 * ZbAppraisalGrade; NONE is not counted. */
void zb_meeting_grades_count (const GPtrArray *grades, guint counts[ZB_APPRAISAL_N_GRADES]);
/* The one-third cap on 优秀 over the graded members (zb_appraisal_check_grades():
 * 3 of 9 is within it, 4 of 9 over it). A warning to show, never a refusal:
 * the regulation says "一般". Never NULL. */
ZbRuleCheck *zb_meeting_grades_check (const GPtrArray *grades);
/* The cap as a calm sentence with this meeting's figures, translated:
 * "优秀一般不超过参评党员的三分之一（本次参评 9 人，最多 3 人；现为 4 人）。" */
char *zb_meeting_grades_describe_cap (const ZbRuleCheck *check);

/* ---------------------------------------------------------------------------- */

#define ZB_TYPE_MEETING (zb_meeting_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeeting, zb_meeting, ZB, MEETING, GObject)

/* An immutable snapshot of a meeting, for GListModels and widgets. Read-only
 * properties for GtkExpressions: "uuid", "title", "date", "kind-label". A
 * snapshot from a list holds no children but the figures of @counts. */
ZbMeeting *zb_meeting_new (const ZbMeetingRecord *record, const ZbAttendanceCounts *counts);
const ZbMeetingRecord *zb_meeting_get_record (ZbMeeting *self);
const ZbAttendanceCounts *zb_meeting_get_counts (ZbMeeting *self);
const char *zb_meeting_get_uuid (ZbMeeting *self);
const char *zb_meeting_get_title (ZbMeeting *self);
const char *zb_meeting_get_date (ZbMeeting *self);
/* The quorum as zb_meeting_check_attendance() finds it; NULL when none. */
ZbRuleCheck *zb_meeting_check_quorum_status (ZbMeeting *self);

G_END_DECLS
