/* test-talk-rules.c — 谈心谈话 coverage on hand-made branches (DOMAIN.md §2.2)
 * and the talk within one month of an application (DOMAIN.md §1.3 step 2,
 * §1.4 T2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zb-talk-rules.h"

static GDate
make_date (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* ── A hand-made branch ────────────────────────────────────────────────── */

/* Committee 书记 A, 组织委员 B, 宣传委员 C; members D, E, F. */
static GArray *
branch_roster (void)
{
  GArray *roster = g_array_new (FALSE, FALSE, sizeof (ZbTalkPerson));
  const struct
  {
    const char *id, *name;
    gboolean committee;
  } people[] = {
    { "m:A", "王书记", TRUE },  { "m:B", "李组织", TRUE },  { "m:C", "赵宣传", TRUE },
    { "m:D", "党员丁", FALSE }, { "m:E", "党员戊", FALSE }, { "m:F", "党员己", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      ZbTalkPerson p = { 0 };

      p.id = people[i].id;
      p.name = people[i].name;
      p.committee = people[i].committee;
      g_date_clear (&p.joined, 1);
      g_date_clear (&p.left, 1);
      g_array_append_val (roster, p);
    }
  return roster;
}

static void
add_talk (GArray *talks, GDate date, const char *const *talkers, const char *const *talked_with)
{
  ZbTalk talk = { date, talkers, talked_with };

  g_array_append_val (talks, talk);
}

static const char *const A[] = { "m:A", NULL };
static const char *const B[] = { "m:B", NULL };
static const char *const C[] = { "m:C", NULL };
static const char *const D[] = { "m:D", NULL };
static const char *const DE[] = { "m:D", "m:E", NULL };
static const char *const F[] = { "m:F", NULL };
static const char *const G[] = { "m:G", NULL };
static const char *const BC[] = { "m:B", "m:C", NULL };
static const char *const APPLICANT[] = { "person:7", NULL };

/* Every 支委–支委 pair and every member covered in 2026; the talks use both
 * directions and several people on one side. */
static GArray *
complete_talks (void)
{
  GArray *talks = g_array_new (FALSE, FALSE, sizeof (ZbTalk));

  add_talk (talks, make_date (2026, 3, 2), A, B);
  add_talk (talks, make_date (2026, 3, 3), C, B); /* B–C, C speaking */
  add_talk (talks, make_date (2026, 3, 4), C, A);
  add_talk (talks, make_date (2026, 4, 1), A, DE); /* one talk, two members */
  add_talk (talks, make_date (2026, 4, 2), F, B);  /* the member asked for it */
  return talks;
}

static ZbTalkCoverage *
find (GPtrArray *coverage, const char *id)
{
  for (guint i = 0; i < coverage->len; i++)
    {
      ZbTalkCoverage *c = g_ptr_array_index (coverage, i);

      if (g_str_equal (c->id, id))
        return c;
    }
  return NULL;
}

static gboolean
has_id (GPtrArray *ids, const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return TRUE;
  return FALSE;
}

/* Issue 6: "one complete" branch. */
static void
test_complete_branch (void)
{
  g_autoptr (GArray) roster = branch_roster ();
  g_autoptr (GArray) talks = complete_talks ();
  GDate today = make_date (2026, 11, 27);
  g_autoptr (GPtrArray) coverage = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  g_autoptr (GPtrArray) missing = zb_talk_coverage_missing (talks, roster, 2026, &today);

  g_assert_cmpuint (coverage->len, ==, 6);
  for (guint i = 0; i < coverage->len; i++)
    {
      ZbTalkCoverage *c = g_ptr_array_index (coverage, i);

      g_test_message ("%s: %s", c->id, c->reason);
      g_assert_cmpint (c->status, ==, ZB_TALK_COVERED);
      g_assert_cmpint (c->code, ==, ZB_RULE_OK);
      g_assert_cmpuint (c->missing_committee->len, ==, 0);
      g_assert_nonnull (c->source);
    }
  g_assert_cmpuint (missing->len, ==, 0);

  /* In roster order; what the 统计表 needs. */
  g_assert_cmpstr (((ZbTalkCoverage *)g_ptr_array_index (coverage, 0))->id, ==, "m:A");
  g_assert_cmpuint (find (coverage, "m:A")->talked_by_committee->len, ==, 2);
  g_assert_cmpuint (find (coverage, "m:A")->n_members_talked, ==, 2);
  g_assert_cmpuint (find (coverage, "m:B")->n_members_talked, ==, 1);
  g_assert_cmpuint (find (coverage, "m:C")->n_members_talked, ==, 0);
  g_assert_true (has_id (find (coverage, "m:F")->talked_by_committee, "m:B"));
  g_assert_cmpuint (g_date_get_month (&find (coverage, "m:D")->last_talk), ==, 4);
  g_assert_nonnull (strstr (find (coverage, "m:D")->reason, "王书记"));
}

/* Issue 6: "one missing a 支委-支委 pair". */
static void
test_missing_committee_pair (void)
{
  g_autoptr (GArray) roster = branch_roster ();
  g_autoptr (GArray) talks = complete_talks ();
  GDate today = make_date (2026, 11, 27);
  GDate after = make_date (2027, 1, 5);
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) last_year = NULL;
  ZbTalkCoverage *b, *c;

  /* Drop the B–C talk, and add one where B and C both talk with D: sitting
   * on the same side is not talking with each other. */
  g_array_remove_index (talks, 1);
  add_talk (talks, make_date (2026, 5, 6), BC, D);

  coverage = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  b = find (coverage, "m:B");
  c = find (coverage, "m:C");
  g_assert_cmpint (b->status, ==, ZB_TALK_DUE);
  g_assert_cmpstr (zb_rule_code_to_string (b->code), ==, "talks-due");
  g_assert_cmpuint (b->missing_committee->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (b->missing_committee, 0), ==, "m:C");
  g_assert_cmpuint (c->missing_committee->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->missing_committee, 0), ==, "m:B");
  g_test_message ("%s", b->reason);
  g_assert_nonnull (strstr (b->reason, "赵宣传"));
  g_assert_nonnull (strstr (b->reason, "2026-12-31"));
  g_assert_cmpint (find (coverage, "m:A")->status, ==, ZB_TALK_COVERED);
  /* The members are still covered. */
  g_assert_cmpint (find (coverage, "m:D")->status, ==, ZB_TALK_COVERED);
  g_assert_cmpuint (find (coverage, "m:D")->talked_by_committee->len, ==, 3);

  missing = zb_talk_coverage_missing (talks, roster, 2026, &today);
  g_assert_cmpuint (missing->len, ==, 2);

  /* Once the year is over, the pair is missed, not due. */
  last_year = zb_talk_coverage_for_year (talks, roster, 2026, &after);
  g_assert_cmpint (find (last_year, "m:B")->status, ==, ZB_TALK_MISSED);
  g_assert_cmpstr (zb_rule_code_to_string (find (last_year, "m:B")->code), ==, "talks-missed");
}

/* Issue 6: "a member who joined in November" is required by 31 December;
 * members who left during the year are not; dates outside the year and
 * after today do not count. */
static void
test_joined_in_november (void)
{
  g_autoptr (GArray) roster = branch_roster ();
  g_autoptr (GArray) talks = complete_talks ();
  GDate today = make_date (2026, 11, 27);
  ZbTalkPerson p = { 0 };
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GPtrArray) covered = NULL;
  ZbTalkCoverage *g;

  p.id = "m:G";
  p.name = "新党员庚";
  p.joined = make_date (2026, 11, 10);
  g_date_clear (&p.left, 1);
  g_array_append_val (roster, p);
  /* H left in June; I left last year; J comes in December (after today). */
  p.id = "m:H";
  p.name = "党员辛";
  g_date_clear (&p.joined, 1);
  p.left = make_date (2026, 6, 30);
  g_array_append_val (roster, p);
  p.id = "m:I";
  p.left = make_date (2025, 12, 31);
  g_array_append_val (roster, p);
  p.id = "m:J";
  p.joined = make_date (2026, 12, 1);
  g_date_clear (&p.left, 1);
  g_array_append_val (roster, p);
  /* Talks with G last year and planned after today do not count. */
  add_talk (talks, make_date (2025, 12, 20), A, G);
  add_talk (talks, make_date (2026, 12, 2), A, G);

  coverage = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  g = find (coverage, "m:G");
  g_assert_nonnull (g);
  g_assert_cmpint (g->status, ==, ZB_TALK_DUE);
  g_test_message ("%s", g->reason);
  g_assert_nonnull (strstr (g->reason, "2026-11-10"));
  g_assert_cmpint (find (coverage, "m:H")->status, ==, ZB_TALK_NOT_REQUIRED);
  g_assert_null (find (coverage, "m:I"));
  g_assert_null (find (coverage, "m:J"));

  /* On 3 December the talk of 2 December counts. */
  today = make_date (2026, 12, 3);
  covered = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  g_assert_cmpint (find (covered, "m:G")->status, ==, ZB_TALK_COVERED);
  g_assert_nonnull (find (covered, "m:J"));
  g_assert_cmpint (find (covered, "m:J")->status, ==, ZB_TALK_DUE);
}

/* A committee member who left is no longer owed a pair by the others. */
static void
test_committee_member_left (void)
{
  g_autoptr (GArray) roster = branch_roster ();
  g_autoptr (GArray) talks = complete_talks ();
  GDate today = make_date (2026, 11, 27);
  g_autoptr (GPtrArray) coverage = NULL;

  g_array_remove_index (talks, 1);                                        /* no B–C talk */
  g_array_index (roster, ZbTalkPerson, 2).left = make_date (2026, 8, 31); /* C leaves */
  coverage = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  g_assert_cmpint (find (coverage, "m:B")->status, ==, ZB_TALK_COVERED);
  g_assert_cmpint (find (coverage, "m:C")->status, ==, ZB_TALK_NOT_REQUIRED);
  g_assert_nonnull (strstr (find (coverage, "m:C")->reason, "2026-08-31"));
}

/* Issue 6: "a talk with a person who is not a member": it is recorded like
 * any other, covers nobody and breaks nothing. */
static void
test_person_not_on_roster (void)
{
  g_autoptr (GArray) roster = branch_roster ();
  g_autoptr (GArray) talks = g_array_new (FALSE, FALSE, sizeof (ZbTalk));
  GDate today = make_date (2026, 11, 27);
  g_autoptr (GPtrArray) coverage = NULL;

  add_talk (talks, make_date (2026, 2, 1), A, APPLICANT);
  add_talk (talks, make_date (2026, 2, 2), APPLICANT, F); /* nobody on the committee */
  coverage = zb_talk_coverage_for_year (talks, roster, 2026, &today);
  g_assert_cmpuint (coverage->len, ==, 6);
  g_assert_null (find (coverage, "person:7"));
  g_assert_cmpint (find (coverage, "m:F")->status, ==, ZB_TALK_DUE);
  g_assert_cmpuint (find (coverage, "m:F")->talked_by_committee->len, ==, 0);
  g_assert_cmpuint (find (coverage, "m:A")->n_members_talked, ==, 0);
  g_assert_cmpuint (find (coverage, "m:A")->missing_committee->len, ==, 2);

  /* No roster, no talks: nothing, and no crash. */
  {
    g_autoptr (GPtrArray) none = zb_talk_coverage_for_year (NULL, NULL, 2026, &today);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* ── T2: the talk within one month (细则第七条, DOMAIN.md §1.4) ──────── */

static ZbApplicationTalkCheck *
check_t2 (GDate applied, const GDate *talks, guint n_talks, GDate today)
{
  g_autoptr (GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

  g_array_append_vals (dates, talks, n_talks);
  return zb_application_talk_check (&applied, dates, &today);
}

static void
assert_deadline (GDate applied, int y, int m, int d)
{
  GDate deadline;

  zb_application_talk_deadline (&applied, &deadline);
  g_assert_cmpint (g_date_get_year (&deadline), ==, y);
  g_assert_cmpint (g_date_get_month (&deadline), ==, m);
  g_assert_cmpint (g_date_get_day (&deadline), ==, d);
}

static void
test_application_deadline (void)
{
  /* One calendar month, clamped to the month's end (§1.4). */
  assert_deadline (make_date (2026, 1, 15), 2026, 2, 15);
  assert_deadline (make_date (2026, 1, 31), 2026, 2, 28);
  assert_deadline (make_date (2024, 1, 31), 2024, 2, 29);
  assert_deadline (make_date (2026, 3, 31), 2026, 4, 30);
  assert_deadline (make_date (2026, 12, 31), 2027, 1, 31);
  assert_deadline (make_date (2026, 2, 28), 2026, 3, 28);
}

static void
test_application_talk (void)
{
  GDate applied = make_date (2026, 1, 15);
  GDate on_deadline[] = { make_date (2026, 2, 15) };
  GDate day_before[] = { make_date (2026, 2, 14) };
  GDate day_after[] = { make_date (2026, 2, 16) };
  GDate unordered[] = { make_date (2026, 2, 20), make_date (2026, 2, 10) };
  GDate before_application[] = { make_date (2026, 1, 14) };
  GDate later = make_date (2026, 3, 1);

  {
    g_autoptr (ZbApplicationTalkCheck) c = check_t2 (applied, on_deadline, 1, later);

    g_assert_cmpint (c->state, ==, ZB_DEADLINE_MET);
    g_assert_cmpint (c->code, ==, ZB_RULE_OK);
    g_assert_nonnull (strstr (c->source, "Article 7"));
  }
  {
    g_autoptr (ZbApplicationTalkCheck) c = check_t2 (applied, day_before, 1, later);

    g_assert_cmpint (c->state, ==, ZB_DEADLINE_MET);
  }
  {
    g_autoptr (ZbApplicationTalkCheck) c = check_t2 (applied, day_after, 1, later);

    g_test_message ("%s", c->message);
    g_assert_cmpint (c->state, ==, ZB_DEADLINE_LATE);
    g_assert_cmpstr (zb_rule_code_to_string (c->code), ==, "application-talk-late");
    g_assert_nonnull (strstr (c->message, "2026-02-15"));
  }
  {
    /* The first talk decides, whatever the order given. */
    g_autoptr (ZbApplicationTalkCheck) c = check_t2 (applied, unordered, 2, later);

    g_assert_cmpint (c->state, ==, ZB_DEADLINE_MET);
    g_assert_cmpint (g_date_get_day (&c->talk_date), ==, 10);
  }
  {
    /* No talk: due up to the deadline itself, overdue the day after. */
    g_autoptr (ZbApplicationTalkCheck) due = check_t2 (applied, NULL, 0, make_date (2026, 2, 15));
    g_autoptr (ZbApplicationTalkCheck) overdue
        = check_t2 (applied, NULL, 0, make_date (2026, 2, 16));

    g_assert_cmpint (due->state, ==, ZB_DEADLINE_DUE);
    g_assert_cmpstr (zb_rule_code_to_string (due->code), ==, "application-talk-due");
    g_assert_nonnull (strstr (due->message, "2026-02-15"));
    g_assert_cmpint (overdue->state, ==, ZB_DEADLINE_OVERDUE);
    g_assert_cmpstr (zb_rule_code_to_string (overdue->code), ==, "application-talk-overdue");
  }
  {
    /* A talk before the application is not the talk of step 2; one dated
     * after today has not happened yet. */
    g_autoptr (ZbApplicationTalkCheck) before
        = check_t2 (applied, before_application, 1, make_date (2026, 2, 1));
    g_autoptr (ZbApplicationTalkCheck) future
        = check_t2 (applied, day_before, 1, make_date (2026, 2, 1));

    g_assert_cmpint (before->state, ==, ZB_DEADLINE_DUE);
    g_assert_false (g_date_valid (&before->talk_date));
    g_assert_cmpint (future->state, ==, ZB_DEADLINE_DUE);
  }
  {
    /* Month end: received 31 January 2026, a talk on 28 February is on
     * time, on 1 March late. */
    GDate feb28[] = { make_date (2026, 2, 28) };
    GDate mar1[] = { make_date (2026, 3, 1) };
    g_autoptr (ZbApplicationTalkCheck) ok
        = check_t2 (make_date (2026, 1, 31), feb28, 1, make_date (2026, 3, 5));
    g_autoptr (ZbApplicationTalkCheck) late
        = check_t2 (make_date (2026, 1, 31), mar1, 1, make_date (2026, 3, 5));

    g_assert_cmpint (ok->state, ==, ZB_DEADLINE_MET);
    g_assert_cmpint (late->state, ==, ZB_DEADLINE_LATE);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/talk-rules/complete-branch", test_complete_branch);
  g_test_add_func ("/talk-rules/missing-committee-pair", test_missing_committee_pair);
  g_test_add_func ("/talk-rules/joined-in-november", test_joined_in_november);
  g_test_add_func ("/talk-rules/committee-member-left", test_committee_member_left);
  g_test_add_func ("/talk-rules/person-not-on-roster", test_person_not_on_roster);
  g_test_add_func ("/talk-rules/application-deadline", test_application_deadline);
  g_test_add_func ("/talk-rules/application-talk", test_application_talk);

  return g_test_run ();
}
