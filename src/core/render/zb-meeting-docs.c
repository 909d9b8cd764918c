/* zb-meeting-docs.c — what the documents of 三会一课 share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-meeting-docs-private.h"
#include "zb-member-rules.h"

const char *
_zb_meeting_doc_kind_name (ZbMeetingKind kind)
{
  switch (kind)
    {
    case ZB_MEETING_GENERAL:
      return "支部党员大会";
    case ZB_MEETING_COMMITTEE:
      return "支部委员会会议";
    case ZB_MEETING_GROUP:
      return "党小组会";
    case ZB_MEETING_LESSON:
      return "党课";
    case ZB_MEETING_THEME_DAY:
      return "主题党日";
    case ZB_MEETING_LIFE:
      return "组织生活会";
    case ZB_MEETING_APPRAISAL:
      return "民主评议党员";
    case ZB_MEETING_OTHER:
    default:
      return "其他";
    }
}

char *
_zb_meeting_doc_unit_name (ZbOrgRepo *org, gint64 id)
{
  g_autoptr (ZbOrgUnit) unit = NULL;

  if (org == NULL || id == 0 || (unit = zb_org_repo_get_unit (org, id, NULL)) == NULL)
    return NULL;
  return g_strdup (unit->name);
}

char *
_zb_meeting_doc_branch_name (ZbOrgRepo *org, const ZbMeetingRecord *record, const char *org_name)
{
  g_autofree char *branch = _zb_meeting_doc_unit_name (org, record->branch_id);

  if (_zb_doc_is_set (branch))
    return g_steal_pointer (&branch);
  return g_strdup (_zb_doc_or_empty (org_name));
}

const char *
_zb_meeting_doc_attendee_name (const ZbMeetingRecord *record, gint64 member_id)
{
  for (guint i = 0; member_id != 0 && i < record->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (record->attendees, i);

      if (a->member_id == member_id && _zb_doc_is_set (a->name))
        return a->name;
    }
  return NULL;
}

ZbMeetingRecord *
_zb_meeting_doc_get_vote (ZbMeetingRepo *meetings, const char *meeting_uuid, const char *vote_uuid,
                          const ZbMeetingVote **vote, GError **error)
{
  g_autoptr (ZbMeetingRecord) record = zb_meeting_repo_get (meetings, meeting_uuid, error);

  if (record == NULL)
    return NULL;
  for (guint i = 0; i < record->votes->len; i++)
    {
      const ZbMeetingVote *v = g_ptr_array_index (record->votes, i);

      if (g_strcmp0 (v->uuid, vote_uuid) == 0)
        {
          *vote = v;
          return g_steal_pointer (&record);
        }
    }
  g_set_error_literal (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND,
                       _ ("This meeting has no such vote. The votes of a meeting are listed by "
                          "“meetings list --json”."));
  return NULL;
}

void
_zb_meeting_doc_vote_outcome (const ZbMeetingRecord *record, const ZbMeetingVote *vote,
                              ZbMeetingVoteOutcome *outcome)
{
  ZbAttendanceCounts counts;
  g_autoptr (ZbRuleCheck) quorum = NULL;
  g_autoptr (ZbRuleCheck) check = NULL;

  zb_meeting_count_attendance (record->attendees, &counts);
  quorum = zb_meeting_check_attendance (record->kind, &counts);
  /* Written opinions are those in favour from absent full members, as the
   * meeting editor records them: they count toward 赞成 (DOMAIN.md §1.5). */
  check = zb_meeting_check_vote (counts.voting_expected, vote->yes, vote->written_opinions);

  *outcome = (ZbMeetingVoteOutcome){
    .quorum_ok = quorum == NULL || quorum->ok,
    .passed = (quorum == NULL || quorum->ok) && check->ok,
    .expected = counts.voting_expected,
    .present = counts.voting_present,
    .threshold = check->threshold,
  };
}

char *
_zb_meeting_doc_outcome_text (const ZbMeetingVote *vote, const ZbMeetingVoteOutcome *outcome)
{
  guint in_favour = vote->yes + vote->written_opinions;

  if (!outcome->quorum_ok)
    return g_strdup_printf ("未通过（到会有表决权党员%u人，未超过应到会有表决权党员%u人的半数，"
                            "表决无效）",
                            outcome->present, outcome->expected);
  if (outcome->passed)
    return g_strdup_printf ("通过（赞成%u票，超过应到会有表决权党员%u人的半数）", in_favour,
                            outcome->expected);
  return g_strdup_printf ("未通过（赞成%u票，未超过应到会有表决权党员%u人的半数，"
                          "通过须至少%u票）",
                          in_favour, outcome->expected, outcome->threshold);
}

/* Rows are read through the member repository in pages. */
#define FETCH_PAGE 500

/* The repository reads members by uuid only: the roster (and the archive)
 * page by page, for the rare chair who is on none of the meeting's lists. */
char *
_zb_meeting_doc_name_on_roster (ZbMemberRepo *members, gint64 member_id, GError **error)
{
  for (int archive = 0; archive < 2; archive++)
    {
      ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;

      query.archive = archive;
      for (guint offset = 0;; offset += FETCH_PAGE)
        {
          g_autoptr (GPtrArray) rows
              = zb_member_repo_fetch (members, &query, offset, FETCH_PAGE, error);

          if (rows == NULL)
            return NULL;
          for (guint i = 0; i < rows->len; i++)
            {
              const ZbMemberRecord *r = zb_member_get_record (g_ptr_array_index (rows, i));

              if (r->id == member_id)
                return g_strdup (r->name);
            }
          if (rows->len < FETCH_PAGE)
            break;
        }
    }
  return NULL;
}
