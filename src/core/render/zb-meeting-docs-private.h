/* zb-meeting-docs-private.h — what the documents of 三会一课 share: official
 * names and dates, the branch heading, the vote of a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-doc-form-private.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* The text of these documents is official Chinese whatever the language of
 * the interface (as the 会议记录), so none of it is translated. What all the
 * forms share (empty texts, dates, form rows) is in zb-doc-form-private.h. */

/* The kind's official name: 支部党员大会, 支部委员会会议, …, 其他. */
const char *_zb_meeting_doc_kind_name (ZbMeetingKind kind);
/* The name of unit @id in @org (NULL: not looked up), or NULL. */
char *_zb_meeting_doc_unit_name (ZbOrgRepo *org, gint64 id);
/* The branch that holds @record, else @org_name, else "". */
char *_zb_meeting_doc_branch_name (ZbOrgRepo *org, const ZbMeetingRecord *record,
                                   const char *org_name);
/* The name of @member_id on the roster or in its archive, or NULL (with
 * @error set only when the roster could not be read). */
char *_zb_meeting_doc_name_on_roster (ZbMemberRepo *members, gint64 member_id, GError **error);
/* The name of @member_id as @record's attendee list has it, or NULL. */
const char *_zb_meeting_doc_attendee_name (const ZbMeetingRecord *record, gint64 member_id);

/* The meeting @meeting_uuid, and in *@vote its vote @vote_uuid: a
 * ZB_MEETING_ERROR_NOT_FOUND error when the meeting has no such vote. */
ZbMeetingRecord *_zb_meeting_doc_get_vote (ZbMeetingRepo *meetings, const char *meeting_uuid,
                                           const char *vote_uuid, const ZbMeetingVote **vote,
                                           GError **error);

/* A vote's outcome by the rules of DOMAIN.md §1.5 (zb-meeting-rules.h): the
 * quorum of the meeting first (a vote below quorum is void), then 赞成 over
 * 应到会有表决权人数. */
typedef struct
{
  gboolean quorum_ok; /* TRUE also when the kind has no quorum rule */
  gboolean passed;
  guint expected;  /* 应到会有表决权人数 */
  guint present;   /* 实到会有表决权人数 */
  guint threshold; /* the smallest 赞成 that passes */
} ZbMeetingVoteOutcome;

void _zb_meeting_doc_vote_outcome (const ZbMeetingRecord *record, const ZbMeetingVote *vote,
                                   ZbMeetingVoteOutcome *outcome);
/* "通过" or "未通过" with the reason in the words of the regulation. */
char *_zb_meeting_doc_outcome_text (const ZbMeetingVote *vote, const ZbMeetingVoteOutcome *outcome);

G_END_DECLS
