/* test-meeting-rules.c — 三会一课 at their boundaries: voting rights, quorums,
 * votes, the 优秀 cap and the rhythm of a year (DOMAIN.md §1.5, §2.1, §2.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zb-meeting-rules.h"

static GDate
make_date (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static GDate
no_date (void)
{
  GDate date;

  g_date_clear (&date, 1);
  return date;
}

/* ── Names ─────────────────────────────────────────────────────────────── */

static void
test_kind_names (void)
{
  ZbMeetingKind kind;
  ZbAppraisalGrade grade;

  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    {
      g_assert_true (zb_meeting_kind_from_string (zb_meeting_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
      g_assert_nonnull (zb_meeting_kind_get_label (k));
    }
  /* The stored names are an interface: pin a few. */
  g_assert_cmpstr (zb_meeting_kind_to_string (ZB_MEETING_GENERAL), ==, "general_meeting");
  g_assert_cmpstr (zb_meeting_kind_to_string (ZB_MEETING_COMMITTEE), ==, "committee_meeting");
  g_assert_cmpstr (zb_meeting_kind_to_string (ZB_MEETING_APPRAISAL), ==, "appraisal");
  g_assert_false (zb_meeting_kind_from_string ("党课", &kind));
  g_assert_false (zb_meeting_kind_from_string (NULL, &kind));

  for (guint g = 0; g < ZB_APPRAISAL_N_GRADES; g++)
    {
      g_assert_true (zb_appraisal_grade_from_string (zb_appraisal_grade_to_string (g), &grade));
      g_assert_cmpint (grade, ==, g);
    }
  g_assert_cmpstr (zb_appraisal_grade_to_string (ZB_GRADE_BASICALLY_QUALIFIED), ==,
                   "basically_qualified");
  g_assert_cmpstr (zb_rule_code_to_string (ZB_RULE_QUORUM_NOT_MET), ==, "quorum-not-met");
  g_assert_cmpstr (zb_rule_code_to_string (ZB_RULE_MEETING_OVERDUE), ==, "meeting-overdue");
}

/* ── Who votes: DOMAIN.md §1.5 "Who votes", §2.1 (党章第七条) ────────── */

static ZbVoterFacts
facts (ZbMemberCategory category, GDate joined, GDate full)
{
  ZbVoterFacts f = { 0 };

  f.category = category;
  f.joined = joined;
  f.full = full;
  f.left = no_date ();
  return f;
}

static void
test_voting_right (void)
{
  GDate meeting = make_date (2026, 6, 30);
  ZbVoterFacts f;

  /* 正式党员 vote. */
  f = facts (ZB_CATEGORY_FULL, make_date (2020, 7, 1), make_date (2021, 7, 1));
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_FULL);
  g_assert_true (zb_voting_right_votes (ZB_VOTING_RIGHT_FULL));

  /* A member full today was probationary on the meeting date: the date, not
   * today's category, decides; 转正 day itself counts as full. */
  f = facts (ZB_CATEGORY_FULL, make_date (2025, 7, 1), make_date (2026, 7, 1));
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_PROBATIONARY);
  meeting = make_date (2026, 7, 1);
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_FULL);

  /* 预备党员 are listed (expected) but do not vote. */
  g_assert_false (zb_voting_right_votes (ZB_VOTING_RIGHT_PROBATIONARY));
  g_assert_true (zb_voting_right_expected (ZB_VOTING_RIGHT_PROBATIONARY));

  /* Unknown 转正 date: the recorded category decides. */
  f = facts (ZB_CATEGORY_PROBATIONARY, make_date (2026, 1, 10), no_date ());
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_PROBATIONARY);
  f = facts (ZB_CATEGORY_FULL, no_date (), no_date ());
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_FULL);

  /* 留党察看: listed, no vote. */
  f.party_probation = TRUE;
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_PARTY_PROBATION);
  g_assert_false (zb_voting_right_votes (ZB_VOTING_RIGHT_PARTY_PROBATION));
  g_assert_true (zb_voting_right_expected (ZB_VOTING_RIGHT_PARTY_PROBATION));

  /* 停止党籍: neither expected nor voting. */
  f.party_probation = FALSE;
  f.suspended = TRUE;
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_SUSPENDED);
  g_assert_false (zb_voting_right_expected (ZB_VOTING_RIGHT_SUSPENDED));

  /* Not yet a member the day before joining; gone from the day of leaving. */
  f = facts (ZB_CATEGORY_PROBATIONARY, make_date (2026, 7, 2), no_date ());
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_NOT_MEMBER);
  f = facts (ZB_CATEGORY_FULL, make_date (2000, 7, 1), make_date (2001, 7, 1));
  f.left = make_date (2026, 7, 1);
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_NOT_MEMBER);
  f.left = make_date (2026, 7, 2);
  g_assert_cmpint (zb_voting_right_on (&f, &meeting), ==, ZB_VOTING_RIGHT_FULL);
  g_assert_false (zb_voting_right_expected (ZB_VOTING_RIGHT_NOT_MEMBER));
}

/* The same from a roster record: 转正 date, standing and leaving. */
static void
test_voter_facts_from_record (void)
{
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();
  GDate before = make_date (2026, 6, 30);
  GDate after = make_date (2026, 7, 1);
  ZbVoterFacts f;

  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("2025-07-01");
  r->full_date = g_strdup ("2026-07-01");
  zb_voter_facts_from_record (r, &f);
  g_assert_cmpint (zb_voting_right_on (&f, &before), ==, ZB_VOTING_RIGHT_PROBATIONARY);
  g_assert_cmpint (zb_voting_right_on (&f, &after), ==, ZB_VOTING_RIGHT_FULL);
  g_assert_false (f.party_probation);

  r->status = ZB_STATUS_TRANSFERRED_OUT;
  r->left_date = g_strdup ("2026-07-01");
  zb_voter_facts_from_record (r, &f);
  g_assert_cmpint (zb_voting_right_on (&f, &after), ==, ZB_VOTING_RIGHT_NOT_MEMBER);

  r->status = ZB_STATUS_ACTIVE;
  r->standing = ZB_STANDING_SUSPENDED;
  zb_voter_facts_from_record (r, &f);
  g_assert_cmpint (zb_voting_right_on (&f, &after), ==, ZB_VOTING_RIGHT_SUSPENDED);
}

/* ── Quorums: §2.2 (条例第十二条) and §1.5 (2 × present > n) ───────────── */

static void
assert_quorum (ZbMeetingKind kind, guint expected, guint present, gboolean ok, guint needed)
{
  g_autoptr (ZbRuleCheck) check = zb_meeting_check_quorum (kind, expected, present);

  g_assert_nonnull (check);
  g_test_message ("%u/%u: %s (%s)", present, expected, check->message, check->source);
  g_assert_cmpint (check->ok, ==, ok);
  g_assert_cmpuint (check->threshold, ==, needed);
  g_assert_cmpuint (check->total, ==, expected);
  g_assert_cmpuint (check->count, ==, present);
  g_assert_cmpstr (zb_rule_code_to_string (check->code), ==, ok ? "ok" : "quorum-not-met");
  g_assert_nonnull (check->source);
  g_assert_nonnull (check->message);
}

static void
test_quorum_general (void)
{
  /* §1.5: n = 16 needs 9; n = 15 needs 8. */
  assert_quorum (ZB_MEETING_GENERAL, 16, 8, FALSE, 9);
  assert_quorum (ZB_MEETING_GENERAL, 16, 9, TRUE, 9);
  assert_quorum (ZB_MEETING_GENERAL, 15, 7, FALSE, 8);
  assert_quorum (ZB_MEETING_GENERAL, 15, 8, TRUE, 8);
  assert_quorum (ZB_MEETING_GENERAL, 1, 1, TRUE, 1);
  /* Nobody with a vote expected: no decision can be taken. */
  assert_quorum (ZB_MEETING_GENERAL, 0, 0, FALSE, 1);
}

static void
test_quorum_committee (void)
{
  g_autoptr (ZbRuleCheck) check = NULL;

  /* §2.2 (条例第十二条): > half of the committee — 5 needs 3, 4 needs 3. */
  assert_quorum (ZB_MEETING_COMMITTEE, 5, 2, FALSE, 3);
  assert_quorum (ZB_MEETING_COMMITTEE, 5, 3, TRUE, 3);
  assert_quorum (ZB_MEETING_COMMITTEE, 4, 2, FALSE, 3);
  assert_quorum (ZB_MEETING_COMMITTEE, 4, 3, TRUE, 3);
  assert_quorum (ZB_MEETING_COMMITTEE, 3, 2, TRUE, 2);

  /* The rule shown cites its article. */
  check = zb_meeting_check_quorum (ZB_MEETING_COMMITTEE, 5, 2);
  g_assert_nonnull (strstr (check->source, "Article 12"));
  g_assert_nonnull (strstr (check->message, "3"));

  /* Kinds with no quorum rule. */
  g_assert_null (zb_meeting_check_quorum (ZB_MEETING_GROUP, 5, 0));
  g_assert_null (zb_meeting_check_quorum (ZB_MEETING_LESSON, 5, 0));
  g_assert_null (zb_meeting_check_quorum (ZB_MEETING_OTHER, 5, 0));
}

/* §1.5: 赞成 (with written opinions of absent full members) > half of 应到. */
static void
test_vote (void)
{
  g_autoptr (ZbRuleCheck) eight = zb_meeting_check_vote (16, 8, 0);
  g_autoptr (ZbRuleCheck) eight_and_letter = zb_meeting_check_vote (16, 8, 1);
  g_autoptr (ZbRuleCheck) fifteen = zb_meeting_check_vote (15, 8, 0);
  g_autoptr (ZbRuleCheck) fifteen_short = zb_meeting_check_vote (15, 7, 0);

  g_assert_false (eight->ok);
  g_assert_cmpstr (zb_rule_code_to_string (eight->code), ==, "vote-not-passed");
  g_assert_cmpuint (eight->threshold, ==, 9);
  g_assert_true (eight_and_letter->ok);
  g_assert_cmpuint (eight_and_letter->count, ==, 9);
  g_assert_true (fifteen->ok);
  g_assert_false (fifteen_short->ok);

  /* The denominator is 应到, not 实到: 10 present of 16 expected, 8 yes of the
   * 10 present is a large majority of those present, yet it fails. */
  {
    g_autoptr (ZbRuleCheck) quorum = zb_meeting_check_quorum (ZB_MEETING_GENERAL, 16, 10);
    g_autoptr (ZbRuleCheck) vote = zb_meeting_check_vote (16, 8, 0);

    g_assert_true (quorum->ok);
    g_assert_false (vote->ok);
  }
}

/* §2.2 民主评议: 优秀 generally ≤ 1/3 — exactly one third is allowed. */
static void
assert_excellent (guint excellent, guint others, gboolean ok, guint limit)
{
  guint counts[ZB_APPRAISAL_N_GRADES] = { 0 };
  g_autoptr (ZbRuleCheck) check = NULL;

  counts[ZB_GRADE_EXCELLENT] = excellent;
  counts[ZB_GRADE_QUALIFIED] = others > 0 ? others - others / 4 : 0;
  counts[ZB_GRADE_BASICALLY_QUALIFIED] = others / 4;
  check = zb_appraisal_check_grades (counts);
  g_test_message ("%s", check->message);
  g_assert_cmpint (check->ok, ==, ok);
  g_assert_cmpuint (check->total, ==, excellent + others);
  g_assert_cmpuint (check->threshold, ==, limit);
  g_assert_cmpstr (zb_rule_code_to_string (check->code), ==, ok ? "ok" : "excellent-over-third");
}

static void
test_appraisal_cap (void)
{
  assert_excellent (10, 20, TRUE, 10);  /* 30 rated, exactly one third */
  assert_excellent (11, 19, FALSE, 10); /* one over */
  assert_excellent (10, 21, TRUE, 10);  /* 31 rated: 10 ≤ 31/3 */
  assert_excellent (11, 20, FALSE, 10); /* 31 rated: 11 > 31/3 */
  assert_excellent (1, 2, TRUE, 1);
  assert_excellent (2, 1, FALSE, 1);
  assert_excellent (0, 0, TRUE, 0);
}

/* ── Periods ───────────────────────────────────────────────────────────── */

static void
test_period_bounds (void)
{
  GDate d = make_date (2024, 2, 10);
  GDate start, end;
  guint index;
  g_autofree char *month = zb_meeting_period_format (ZB_PERIOD_MONTH, 2026, 3);
  g_autofree char *quarter = zb_meeting_period_format (ZB_PERIOD_QUARTER, 2026, 4);

  zb_meeting_period_bounds (ZB_PERIOD_MONTH, &d, &index, &start, &end);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (g_date_get_day (&end), ==, 29); /* leap year */

  d = make_date (2026, 6, 30);
  zb_meeting_period_bounds (ZB_PERIOD_QUARTER, &d, &index, &start, &end);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (g_date_get_month (&start), ==, 4);
  g_assert_cmpuint (g_date_get_day (&start), ==, 1);
  g_assert_cmpuint (g_date_get_month (&end), ==, 6);
  g_assert_cmpuint (g_date_get_day (&end), ==, 30);

  d = make_date (2026, 7, 1);
  zb_meeting_period_bounds (ZB_PERIOD_HALF_YEAR, &d, &index, &start, &end);
  g_assert_cmpuint (index, ==, 2);
  g_assert_cmpuint (g_date_get_month (&end), ==, 12);

  g_assert_cmpstr (month, ==, "2026-03");
  g_assert_cmpstr (quarter, ==, "Q4 2026");
}

/* ── The rhythm: hand-made years (DOMAIN.md §2.2 frequencies) ─────────── */

static void
add_meeting (GArray *meetings, ZbMeetingKind kind, GDate date, gint64 group_id)
{
  ZbHeldMeeting m = { kind, date, group_id };

  g_array_append_val (meetings, m);
}

static GArray *
two_groups (void)
{
  GArray *groups = g_array_new (FALSE, FALSE, sizeof (ZbMeetingGroup));
  ZbMeetingGroup g = { 0 };

  g.id = 11;
  g.name = "第一党小组";
  g_date_clear (&g.since, 1);
  g_date_clear (&g.until, 1);
  g_array_append_val (groups, g);
  g.id = 12;
  g.name = "第二党小组";
  g_array_append_val (groups, g);
  return groups;
}

/* Every required meeting of 2025, several on the boundary days: the
 * committee on the last day of each month, the general meeting on the last
 * day of each quarter. */
static GArray *
full_year (void)
{
  GArray *meetings = g_array_new (FALSE, FALSE, sizeof (ZbHeldMeeting));

  for (int m = 1; m <= 12; m++)
    {
      add_meeting (meetings, ZB_MEETING_COMMITTEE,
                   make_date (2025, m, g_date_get_days_in_month (m, 2025)), 0);
      add_meeting (meetings, ZB_MEETING_THEME_DAY, make_date (2025, m, 1), 0);
      add_meeting (meetings, ZB_MEETING_GROUP, make_date (2025, m, 15), 11);
      add_meeting (meetings, ZB_MEETING_GROUP, make_date (2025, m, 16), 12);
      if (m % 3 == 0)
        {
          add_meeting (meetings, ZB_MEETING_GENERAL,
                       make_date (2025, m, g_date_get_days_in_month (m, 2025)), 0);
          add_meeting (meetings, ZB_MEETING_LESSON, make_date (2025, m, 10), 0);
        }
    }
  add_meeting (meetings, ZB_MEETING_LIFE, make_date (2025, 12, 20), 0);
  add_meeting (meetings, ZB_MEETING_APPRAISAL, make_date (2025, 12, 20), 0);
  /* not required, counts for nothing */
  add_meeting (meetings, ZB_MEETING_OTHER, make_date (2025, 5, 5), 0);
  return meetings;
}

static guint
count_status (GPtrArray *periods, ZbPeriodStatus status)
{
  guint n = 0;

  for (guint i = 0; i < periods->len; i++)
    if (((ZbMeetingPeriod *)g_ptr_array_index (periods, i))->status == status)
      n++;
  return n;
}

static ZbMeetingPeriod *
find_period (GPtrArray *periods, ZbMeetingKind kind, gint64 group_id, guint index)
{
  for (guint i = 0; i < periods->len; i++)
    {
      ZbMeetingPeriod *p = g_ptr_array_index (periods, i);

      if (p->kind == kind && p->group_id == group_id && p->index == index)
        return p;
    }
  return NULL;
}

/* Issue 5: "a year with every meeting". */
static void
test_rhythm_every_meeting (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = full_year ();
  g_autoptr (GArray) groups = two_groups ();
  GDate today = make_date (2026, 1, 10);
  g_autoptr (GPtrArray) year = NULL;
  g_autoptr (GPtrArray) warnings = NULL;

  zb_meeting_plan_init_default (&plan);
  year = zb_meeting_rhythm_for_year (&plan, meetings, groups, NULL, 2025, &today);

  /* 4 general + 12 committee + 2 × 12 group + 4 lessons + 12 theme days + 1
   * life meeting + 1 appraisal. */
  g_assert_cmpuint (year->len, ==, 4 + 12 + 24 + 4 + 12 + 1 + 1);
  g_assert_cmpuint (count_status (year, ZB_PERIOD_HELD), ==, year->len);
  for (guint i = 0; i < year->len; i++)
    {
      ZbMeetingPeriod *p = g_ptr_array_index (year, i);

      g_assert_cmpint (p->code, ==, ZB_RULE_OK);
      g_assert_true (g_date_valid (&p->held_on));
      g_assert_nonnull (p->reason);
      g_assert_nonnull (p->source);
    }

  /* Ordered by kind, then group, then date. */
  g_assert_cmpint (((ZbMeetingPeriod *)g_ptr_array_index (year, 0))->kind, ==, ZB_MEETING_GENERAL);
  g_assert_cmpint (find_period (year, ZB_MEETING_GROUP, 12, 1)->status, ==, ZB_PERIOD_HELD);

  /* The next year has barely begun: its January periods are due, none is
   * overdue, and nothing of 2025 is shown. */
  warnings = zb_meeting_rhythm_warnings (&plan, meetings, groups, NULL, &today);
  g_assert_cmpuint (count_status (warnings, ZB_PERIOD_OVERDUE), ==, 0);
  g_assert_cmpuint (warnings->len, ==, count_status (warnings, ZB_PERIOD_DUE));
  g_assert_nonnull (find_period (warnings, ZB_MEETING_COMMITTEE, 0, 1));
  g_assert_nonnull (find_period (warnings, ZB_MEETING_LIFE, 0, 1));
}

/* Issue 5: "one missing a month". */
static void
test_rhythm_missing_month (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = full_year ();
  g_autoptr (GArray) groups = two_groups ();
  GDate today = make_date (2026, 1, 10);
  g_autoptr (GPtrArray) year = NULL;
  ZbMeetingPeriod *june;

  /* Drop the June committee meeting. */
  for (guint i = 0; i < meetings->len; i++)
    {
      ZbHeldMeeting *m = &g_array_index (meetings, ZbHeldMeeting, i);

      if (m->kind == ZB_MEETING_COMMITTEE && g_date_get_month (&m->date) == 6)
        {
          g_array_remove_index (meetings, i);
          break;
        }
    }

  zb_meeting_plan_init_default (&plan);
  year = zb_meeting_rhythm_for_year (&plan, meetings, groups, NULL, 2025, &today);
  g_assert_cmpuint (count_status (year, ZB_PERIOD_OVERDUE), ==, 1);
  june = find_period (year, ZB_MEETING_COMMITTEE, 0, 6);
  g_assert_cmpint (june->status, ==, ZB_PERIOD_OVERDUE);
  g_assert_cmpstr (zb_rule_code_to_string (june->code), ==, "meeting-overdue");
  g_assert_cmpuint (june->n_held, ==, 0);
  g_assert_cmpuint (g_date_get_day (&june->end), ==, 30);
  /* The July meeting counts for July, and the sentence says so. */
  g_assert_cmpuint (g_date_get_month (&june->next_held), ==, 7);
  g_test_message ("%s", june->reason);
  g_assert_nonnull (strstr (june->reason, "2025-06"));
  g_assert_nonnull (strstr (june->reason, "2025-07-31"));
  g_assert_nonnull (strstr (june->source, "Article 12"));
  g_assert_cmpint (find_period (year, ZB_MEETING_COMMITTEE, 0, 7)->status, ==, ZB_PERIOD_HELD);
}

/* Issue 5: "one with a late quarter" — the Q1 general meeting held on
 * 3 April does not fill Q1: Q1 is overdue and says where the meeting went. */
static void
test_rhythm_late_quarter (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = full_year ();
  g_autoptr (GArray) groups = two_groups ();
  GDate today = make_date (2026, 1, 10);
  g_autoptr (GPtrArray) year = NULL;
  ZbMeetingPeriod *q1, *q2;

  for (guint i = 0; i < meetings->len; i++)
    {
      ZbHeldMeeting *m = &g_array_index (meetings, ZbHeldMeeting, i);

      if (m->kind == ZB_MEETING_GENERAL && g_date_get_month (&m->date) == 3)
        m->date = make_date (2025, 4, 3);
    }

  zb_meeting_plan_init_default (&plan);
  year = zb_meeting_rhythm_for_year (&plan, meetings, groups, NULL, 2025, &today);
  q1 = find_period (year, ZB_MEETING_GENERAL, 0, 1);
  q2 = find_period (year, ZB_MEETING_GENERAL, 0, 2);
  g_assert_cmpint (q1->status, ==, ZB_PERIOD_OVERDUE);
  g_assert_cmpuint (g_date_get_day (&q1->next_held), ==, 3);
  g_assert_cmpuint (g_date_get_month (&q1->next_held), ==, 4);
  g_test_message ("%s", q1->reason);
  g_assert_nonnull (strstr (q1->reason, "Q1 2025"));
  g_assert_nonnull (strstr (q1->reason, "2025-04-03"));
  g_assert_nonnull (strstr (q1->reason, "Q2 2025"));
  /* Q2 is held (twice): the late meeting counts there, once. */
  g_assert_cmpint (q2->status, ==, ZB_PERIOD_HELD);
  g_assert_cmpuint (q2->n_held, ==, 2);
  g_assert_false (g_date_valid (&q2->next_held));
  g_assert_cmpuint (count_status (year, ZB_PERIOD_OVERDUE), ==, 1);
}

/* Boundary dates: last day of the quarter, first day of the next, the day
 * before a period ends; today's own status changes at midnight. */
static void
test_rhythm_boundary_dates (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = g_array_new (FALSE, FALSE, sizeof (ZbHeldMeeting));
  GDate today;

  zb_meeting_plan_init_default (&plan);
  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    plan.unit[k] = k == ZB_MEETING_GENERAL ? ZB_PERIOD_QUARTER : ZB_PERIOD_NONE;

  /* No meeting: the day before the quarter ends and its last day it is due;
   * the first day of the next quarter it is overdue. */
  {
    const int days[][2] = { { 3, 30 }, { 3, 31 }, { 4, 1 } };
    const ZbPeriodStatus expect[] = { ZB_PERIOD_DUE, ZB_PERIOD_DUE, ZB_PERIOD_OVERDUE };

    for (guint i = 0; i < G_N_ELEMENTS (days); i++)
      {
        g_autoptr (GPtrArray) year = NULL;
        ZbMeetingPeriod *q1;

        today = make_date (2026, days[i][0], days[i][1]);
        year = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);
        q1 = find_period (year, ZB_MEETING_GENERAL, 0, 1);
        g_assert_cmpint (q1->status, ==, expect[i]);
        g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 3)->status, ==,
                         ZB_PERIOD_NOT_YET);
        if (expect[i] == ZB_PERIOD_DUE)
          {
            g_assert_cmpstr (zb_rule_code_to_string (q1->code), ==, "meeting-due");
            g_assert_nonnull (strstr (q1->reason, "2026-03-31"));
          }
      }
  }

  /* A meeting on the last day of the quarter counts for that quarter. */
  add_meeting (meetings, ZB_MEETING_GENERAL, make_date (2026, 3, 31), 0);
  today = make_date (2026, 4, 1);
  {
    g_autoptr (GPtrArray) year
        = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);

    g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 1)->status, ==, ZB_PERIOD_HELD);
    g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 2)->status, ==, ZB_PERIOD_DUE);
  }

  /* One on the first day of the next quarter counts for the next only. */
  g_array_index (meetings, ZbHeldMeeting, 0).date = make_date (2026, 4, 1);
  {
    g_autoptr (GPtrArray) year
        = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);

    g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 1)->status, ==, ZB_PERIOD_OVERDUE);
    g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 2)->status, ==, ZB_PERIOD_HELD);
  }

  /* A meeting dated after today is planned, not held. */
  today = make_date (2026, 3, 31);
  {
    g_autoptr (GPtrArray) year
        = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);

    g_assert_cmpint (find_period (year, ZB_MEETING_GENERAL, 0, 2)->status, ==, ZB_PERIOD_NOT_YET);
    g_assert_cmpuint (find_period (year, ZB_MEETING_GENERAL, 0, 2)->n_held, ==, 0);
  }
}

/* Periods before the branch (or a group) existed are not required; a period
 * is owed when the branch existed for at least half of it. */
static void
test_rhythm_branch_start (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) groups = two_groups ();
  g_autoptr (GArray) meetings = g_array_new (FALSE, FALSE, sizeof (ZbHeldMeeting));
  GDate today = make_date (2026, 1, 10);
  GDate start = make_date (2025, 5, 20);
  g_autoptr (GPtrArray) year = NULL;
  g_autoptr (GPtrArray) year2 = NULL;

  zb_meeting_plan_init_default (&plan);
  /* The second group was dissolved at the end of June. */
  g_array_index (groups, ZbMeetingGroup, 1).until = make_date (2025, 6, 30);
  /* A meeting in a month that is not owed is still shown, as held. */
  add_meeting (meetings, ZB_MEETING_THEME_DAY, make_date (2025, 5, 25), 0);
  /* A group meeting of an unknown group counts for nothing. */
  add_meeting (meetings, ZB_MEETING_GROUP, make_date (2025, 8, 8), 99);

  year = zb_meeting_rhythm_for_year (&plan, meetings, groups, &start, 2025, &today);
  /* 20 May: 12 of 31 days — May is not owed; June on is. Q2: 42 of 91 days
   * — not owed; the year is. */
  g_assert_null (find_period (year, ZB_MEETING_COMMITTEE, 0, 4));
  g_assert_null (find_period (year, ZB_MEETING_COMMITTEE, 0, 5));
  g_assert_cmpint (find_period (year, ZB_MEETING_COMMITTEE, 0, 6)->status, ==, ZB_PERIOD_OVERDUE);
  g_assert_cmpint (find_period (year, ZB_MEETING_THEME_DAY, 0, 5)->status, ==, ZB_PERIOD_HELD);
  g_assert_null (find_period (year, ZB_MEETING_GENERAL, 0, 2));
  g_assert_nonnull (find_period (year, ZB_MEETING_GENERAL, 0, 3));
  g_assert_nonnull (find_period (year, ZB_MEETING_LIFE, 0, 1));
  g_assert_nonnull (strstr (find_period (year, ZB_MEETING_LIFE, 0, 1)->reason, "fourth quarter"));
  /* The groups: the first from June on, the second June only. */
  g_assert_nonnull (find_period (year, ZB_MEETING_GROUP, 11, 12));
  g_assert_nonnull (find_period (year, ZB_MEETING_GROUP, 12, 6));
  g_assert_null (find_period (year, ZB_MEETING_GROUP, 12, 7));
  g_assert_null (find_period (year, ZB_MEETING_GROUP, 99, 8));
  g_assert_nonnull (strstr (find_period (year, ZB_MEETING_GROUP, 11, 6)->reason, "第一党小组"));

  /* 16 May: 16 of 31 days — May is owed. */
  start = make_date (2025, 5, 16);
  year2 = zb_meeting_rhythm_for_year (&plan, meetings, groups, &start, 2025, &today);
  g_assert_nonnull (find_period (year2, ZB_MEETING_COMMITTEE, 0, 5));
}

/* The plan is configurable: 党课 twice a quarter (a local rule), no committee. */
static void
test_rhythm_plan (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = g_array_new (FALSE, FALSE, sizeof (ZbHeldMeeting));
  GDate today = make_date (2026, 2, 15);
  g_autoptr (GPtrArray) year = NULL;
  ZbMeetingPeriod *q1;

  zb_meeting_plan_init_default (&plan);
  g_assert_cmpint (plan.unit[ZB_MEETING_LESSON], ==, ZB_PERIOD_QUARTER);
  g_assert_cmpint (plan.unit[ZB_MEETING_OTHER], ==, ZB_PERIOD_NONE);
  plan.times[ZB_MEETING_LESSON] = 2;
  plan.unit[ZB_MEETING_COMMITTEE] = ZB_PERIOD_NONE;
  add_meeting (meetings, ZB_MEETING_LESSON, make_date (2026, 1, 20), 0);

  year = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);
  q1 = find_period (year, ZB_MEETING_LESSON, 0, 1);
  g_assert_cmpint (q1->status, ==, ZB_PERIOD_DUE);
  g_assert_cmpuint (q1->n_held, ==, 1);
  g_assert_cmpuint (q1->n_required, ==, 2);
  g_assert_null (find_period (year, ZB_MEETING_COMMITTEE, 0, 1));
  /* No groups given: no group periods. */
  g_assert_null (find_period (year, ZB_MEETING_GROUP, 0, 1));

  add_meeting (meetings, ZB_MEETING_LESSON, make_date (2026, 2, 3), 0);
  {
    g_autoptr (GPtrArray) again
        = zb_meeting_rhythm_for_year (&plan, meetings, NULL, NULL, 2026, &today);

    g_assert_cmpint (find_period (again, ZB_MEETING_LESSON, 0, 1)->status, ==, ZB_PERIOD_HELD);
  }
}

/* The workbench list: only due and overdue, the most urgent first. */
static void
test_rhythm_warnings (void)
{
  ZbMeetingPlan plan;
  g_autoptr (GArray) meetings = g_array_new (FALSE, FALSE, sizeof (ZbHeldMeeting));
  g_autoptr (GArray) groups = two_groups ();
  GDate today = make_date (2026, 5, 10);
  g_autoptr (GPtrArray) warnings = NULL;

  zb_meeting_plan_init_default (&plan);
  add_meeting (meetings, ZB_MEETING_COMMITTEE, make_date (2026, 1, 5), 0);
  add_meeting (meetings, ZB_MEETING_COMMITTEE, make_date (2026, 4, 2), 0);
  warnings = zb_meeting_rhythm_warnings (&plan, meetings, groups, NULL, &today);

  g_assert_cmpuint (warnings->len, >, 0);
  for (guint i = 0; i < warnings->len; i++)
    {
      ZbMeetingPeriod *p = g_ptr_array_index (warnings, i);

      g_assert_true (p->status == ZB_PERIOD_DUE || p->status == ZB_PERIOD_OVERDUE);
      if (i > 0)
        g_assert_cmpint (
            g_date_compare (&((ZbMeetingPeriod *)g_ptr_array_index (warnings, i - 1))->end,
                            &p->end),
            <=, 0);
    }
  /* January's committee meeting was held; February's was not. */
  g_assert_null (find_period (warnings, ZB_MEETING_COMMITTEE, 0, 1));
  g_assert_cmpint (find_period (warnings, ZB_MEETING_COMMITTEE, 0, 2)->status, ==,
                   ZB_PERIOD_OVERDUE);
  g_assert_cmpint (find_period (warnings, ZB_MEETING_COMMITTEE, 0, 5)->status, ==, ZB_PERIOD_DUE);
  /* The meeting of 2 April reads as late for March, not for February. */
  g_assert_false (g_date_valid (&find_period (warnings, ZB_MEETING_COMMITTEE, 0, 2)->next_held));
  g_assert_cmpuint (g_date_get_day (&find_period (warnings, ZB_MEETING_COMMITTEE, 0, 3)->next_held),
                    ==, 2);
  g_assert_null (find_period (warnings, ZB_MEETING_COMMITTEE, 0, 4));
  g_assert_cmpint (find_period (warnings, ZB_MEETING_GROUP, 12, 4)->status, ==, ZB_PERIOD_OVERDUE);
  /* The first is the oldest overdue period: January. */
  g_assert_cmpuint (g_date_get_month (&((ZbMeetingPeriod *)g_ptr_array_index (warnings, 0))->end),
                    ==, 1);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting-rules/kind-names", test_kind_names);
  g_test_add_func ("/meeting-rules/voting-right", test_voting_right);
  g_test_add_func ("/meeting-rules/voter-facts-from-record", test_voter_facts_from_record);
  g_test_add_func ("/meeting-rules/quorum-general", test_quorum_general);
  g_test_add_func ("/meeting-rules/quorum-committee", test_quorum_committee);
  g_test_add_func ("/meeting-rules/vote", test_vote);
  g_test_add_func ("/meeting-rules/appraisal-cap", test_appraisal_cap);
  g_test_add_func ("/meeting-rules/period-bounds", test_period_bounds);
  g_test_add_func ("/meeting-rules/rhythm-every-meeting", test_rhythm_every_meeting);
  g_test_add_func ("/meeting-rules/rhythm-missing-month", test_rhythm_missing_month);
  g_test_add_func ("/meeting-rules/rhythm-late-quarter", test_rhythm_late_quarter);
  g_test_add_func ("/meeting-rules/rhythm-boundary-dates", test_rhythm_boundary_dates);
  g_test_add_func ("/meeting-rules/rhythm-branch-start", test_rhythm_branch_start);
  g_test_add_func ("/meeting-rules/rhythm-plan", test_rhythm_plan);
  g_test_add_func ("/meeting-rules/rhythm-warnings", test_rhythm_warnings);

  return g_test_run ();
}
