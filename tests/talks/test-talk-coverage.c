/* test-talk-coverage.c — the year's 谈心谈话 coverage from the stored talks
 * and the roster (ZbTalkRepo over zb_talk_coverage_for_year())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hand-made branch: 书记 A, 组织委员 B, 宣传委员 C; members D and E since
 * long ago, and F who joined on 10 November 2025.
 */
#include "config.h"

#include "talks-test-util.h"

typedef struct
{
  ZbMemberRecord *m[6]; /* A B C D E F */
} Branch;

enum
{
  A,
  B,
  C,
  D,
  E,
  F
};

static void
branch_set_up (TalkFixture *f, Branch *b)
{
  static const char *const names[] = { "甲书记", "乙委员", "丙委员", "丁党员", "戊党员", "己党员" };
  static const char *const joined[]
      = { "2000-07-01", "2005-07-01", "2008-07-01", "2010-07-01", "2012-07-01", "2025-11-10" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    b->m[i] = talk_member (f, names[i], (int)i + 1, joined[i]);
  talk_post (f, b->m[A], ZB_POST_SECRETARY);
  talk_post (f, b->m[B], ZB_POST_ORGANISATION);
  talk_post (f, b->m[C], ZB_POST_PROPAGANDA);
}

static void
branch_clear (Branch *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (b->m); i++)
    zb_member_record_free (b->m[i]);
}

static void
talk (TalkFixture *f, const char *date, const ZbMemberRecord *talker, const ZbMemberRecord *with,
      const ZbMemberRecord *with2)
{
  const ZbMemberRecord *const others[] = { with, with2, NULL };
  g_autofree char *uuid = talk_add (f, ZB_TALK_KIND_DAILY, date, talker, others);
}

/* The talks of the complete branch, but for the B–C pair when @skip_bc. */
static void
record_year (TalkFixture *f, Branch *b, gboolean skip_bc)
{
  talk (f, "2025-03-01", b->m[A], b->m[B], b->m[C]);
  if (!skip_bc)
    talk (f, "2025-04-01", b->m[C], b->m[B], NULL);
  talk (f, "2025-05-01", b->m[A], b->m[D], NULL);
  talk (f, "2025-06-01", b->m[B], b->m[E], NULL);
  talk (f, "2025-12-05", b->m[C], b->m[F], NULL);
}

static GPtrArray *
coverage_on (TalkFixture *f, int day, GDateMonth month, int year, GHashTable **names)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *coverage;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay)day, month, (GDateYear)year);
  coverage = zb_talk_repo_coverage_for_year (f->talks, f->branch->id, 2025, &today, names, &error);
  g_assert_no_error (error);
  g_assert_nonnull (coverage);
  return coverage;
}

static const ZbTalkCoverage *
find (GPtrArray *coverage, const ZbMemberRecord *m)
{
  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index (coverage, i);

      if (g_strcmp0 (c->id, m->uuid) == 0)
        return c;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_complete (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GHashTable) names = NULL;
  const ZbTalkCoverage *c;

  branch_set_up (f, &b);
  record_year (f, &b, FALSE);

  coverage = coverage_on (f, 10, G_DATE_JANUARY, 2026, &names);
  g_assert_cmpuint (coverage->len, ==, 6);
  /* The committee first, 书记 among them. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (((ZbTalkCoverage *)g_ptr_array_index (coverage, i))->committee);
  for (guint i = 0; i < 6; i++)
    {
      c = g_ptr_array_index (coverage, i);
      g_assert_cmpint (c->status, ==, ZB_TALK_COVERED);
      g_assert_cmpuint (c->missing_committee->len, ==, 0);
    }
  c = find (coverage, b.m[D]);
  g_assert_false (c->committee);
  g_assert_cmpuint (c->talked_by_committee->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->talked_by_committee, 0), ==, b.m[A]->uuid);
  g_assert_cmpuint (find (coverage, b.m[A])->n_members_talked, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (names, b.m[F]->uuid), ==, "己党员");
  branch_clear (&b);
}

static void
test_missing_committee_pair (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GPtrArray) during = NULL;
  g_autofree char *uuid = NULL;
  g_autoptr (GError) error = NULL;
  const ZbTalkCoverage *c;

  branch_set_up (f, &b);
  record_year (f, &b, TRUE);
  /* Neither a B–C talk of the year before nor an archived one counts. */
  talk (f, "2024-12-31", b.m[B], b.m[C], NULL);
  {
    const ZbMemberRecord *const with[] = { b.m[C], NULL };

    uuid = talk_add (f, ZB_TALK_KIND_DAILY, "2025-07-01", b.m[B], with);
    g_assert_true (zb_talk_repo_set_archived (f->talks, uuid, TRUE, &error));
    g_assert_no_error (error);
  }

  coverage = coverage_on (f, 10, G_DATE_JANUARY, 2026, NULL);
  g_assert_cmpint (find (coverage, b.m[A])->status, ==, ZB_TALK_COVERED);
  c = find (coverage, b.m[B]);
  g_assert_cmpint (c->status, ==, ZB_TALK_MISSED);
  g_assert_cmpint (c->code, ==, ZB_RULE_TALKS_MISSED);
  g_assert_cmpuint (c->missing_committee->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->missing_committee, 0), ==, b.m[C]->uuid);
  c = find (coverage, b.m[C]);
  g_assert_cmpint (c->status, ==, ZB_TALK_MISSED);
  g_assert_cmpstr (g_ptr_array_index (c->missing_committee, 0), ==, b.m[B]->uuid);
  for (guint i = D; i <= F; i++)
    g_assert_cmpint (find (coverage, b.m[i])->status, ==, ZB_TALK_COVERED);

  /* In the autumn the same gap is still due. */
  during = coverage_on (f, 1, G_DATE_OCTOBER, 2025, NULL);
  g_assert_cmpint (find (during, b.m[B])->status, ==, ZB_TALK_DUE);
  branch_clear (&b);
}

/* F joined on 10 November: still owes the talk by the end of the year. */
static void
test_joined_in_november (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) november = NULL;
  g_autoptr (GPtrArray) after = NULL;
  const ZbTalkCoverage *c;

  branch_set_up (f, &b);
  talk (f, "2025-03-01", b.m[A], b.m[B], b.m[C]);
  talk (f, "2025-04-01", b.m[C], b.m[B], NULL);

  /* Before F came F is not listed. */
  before = coverage_on (f, 1, G_DATE_OCTOBER, 2025, NULL);
  g_assert_cmpuint (before->len, ==, 5);

  november = coverage_on (f, 20, G_DATE_NOVEMBER, 2025, NULL);
  g_assert_cmpuint (november->len, ==, 6);
  c = find (november, b.m[F]);
  g_assert_cmpint (c->status, ==, ZB_TALK_DUE);
  g_assert_cmpint (c->code, ==, ZB_RULE_TALKS_DUE);
  g_assert_nonnull (c->reason);

  after = coverage_on (f, 10, G_DATE_JANUARY, 2026, NULL);
  c = find (after, b.m[F]);
  g_assert_cmpint (c->status, ==, ZB_TALK_MISSED);
  g_assert_cmpuint (c->talked_by_committee->len, ==, 0);
  g_assert_cmpint (find (after, b.m[A])->status, ==, ZB_TALK_COVERED);
  branch_clear (&b);
}

/* E transferred out on 15 June: listed for the year, as one who left (a
 * transfer keeps no left_date on the roster; the 转出 event's date is the
 * day). E is gone from the next year's list. */
static void
test_transferred_out (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (ZbMemberEvent) out = zb_member_event_new (ZB_EVENT_TRANSFER_OUT, "2025-06-15");
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GPtrArray) next_year = NULL;
  g_autoptr (GError) error = NULL;
  GDate today;

  branch_set_up (f, &b);
  out->counterpart = g_strdup ("中共某街道工作委员会");
  g_assert_true (zb_member_repo_record_event (f->roster.repo, b.m[E]->uuid, out, &error));
  g_assert_no_error (error);

  coverage = coverage_on (f, 10, G_DATE_JANUARY, 2026, NULL);
  g_assert_cmpuint (coverage->len, ==, 6);
  g_assert_cmpint (find (coverage, b.m[E])->status, ==, ZB_TALK_NOT_REQUIRED);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_JANUARY, 2027);
  next_year = zb_talk_repo_coverage_for_year (f->talks, f->branch->id, 2026, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next_year->len, ==, 5);
  branch_clear (&b);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talks/coverage/complete", test_complete);
  TALK_TEST ("/talks/coverage/missing-committee-pair", test_missing_committee_pair);
  TALK_TEST ("/talks/coverage/joined-in-november", test_joined_in_november);
  TALK_TEST ("/talks/coverage/transferred-out", test_transferred_out);

  return g_test_run ();
}
