/* test-org-rules.c — branch size and committee terms at their boundaries
 * (DOMAIN.md §2.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zb-org-rules.h"

static GDate
make_date (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static gboolean
has_warning (GPtrArray *warnings, ZbOrgWarningKind kind)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((ZbOrgWarning *)g_ptr_array_index (warnings, i))->kind == kind)
      {
        g_assert_nonnull (((ZbOrgWarning *)g_ptr_array_index (warnings, i))->message);
        return TRUE;
      }
  return FALSE;
}

/* §2.1: a committee is required at ≥ 7 正式党员 — 6 is not, 7 is. */
static void
test_committee_needed (void)
{
  g_autoptr (GPtrArray) six = zb_org_check_branch_size (6, 3, FALSE);
  g_autoptr (GPtrArray) seven = zb_org_check_branch_size (7, 0, FALSE);
  g_autoptr (GPtrArray) seven_with = zb_org_check_branch_size (7, 0, TRUE);
  /* probationary members do not count towards the seven */
  g_autoptr (GPtrArray) six_and_probationary = zb_org_check_branch_size (6, 10, FALSE);

  g_assert_false (has_warning (six, ZB_ORG_WARNING_COMMITTEE_NEEDED));
  g_assert_true (has_warning (seven, ZB_ORG_WARNING_COMMITTEE_NEEDED));
  g_assert_false (has_warning (seven_with, ZB_ORG_WARNING_COMMITTEE_NEEDED));
  g_assert_false (has_warning (six_and_probationary, ZB_ORG_WARNING_COMMITTEE_NEEDED));
}

/* §2.1: generally ≤ 50 members — 50 is fine, 51 is not (probationary count). */
static void
test_too_large (void)
{
  g_autoptr (GPtrArray) fifty = zb_org_check_branch_size (45, 5, TRUE);
  g_autoptr (GPtrArray) fifty_one = zb_org_check_branch_size (45, 6, TRUE);

  g_assert_false (has_warning (fifty, ZB_ORG_WARNING_TOO_LARGE));
  g_assert_true (has_warning (fifty_one, ZB_ORG_WARNING_TOO_LARGE));
  g_assert_cmpuint (fifty->len, ==, 0);
}

/* §2.1: a branch needs ≥ 3 正式党员 — 2 is too few, 3 is enough. */
static void
test_too_few (void)
{
  g_autoptr (GPtrArray) two = zb_org_check_branch_size (2, 4, FALSE);
  g_autoptr (GPtrArray) three = zb_org_check_branch_size (3, 0, FALSE);
  g_autoptr (GPtrArray) none = zb_org_check_branch_size (0, 0, FALSE);

  g_assert_true (has_warning (two, ZB_ORG_WARNING_TOO_FEW_FULL));
  g_assert_false (has_warning (three, ZB_ORG_WARNING_TOO_FEW_FULL));
  g_assert_cmpuint (three->len, ==, 0);
  g_assert_true (has_warning (none, ZB_ORG_WARNING_TOO_FEW_FULL));
}

/* §2.1 换届 on time: a term ending today or tomorrow is ending; yesterday ended. */
static void
test_term_state (void)
{
  GDate today = make_date (2026, 11, 27);
  GDate end;

  end = make_date (2026, 11, 27);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 3), ==, ZB_TERM_ENDING);
  end = make_date (2026, 11, 28);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 3), ==, ZB_TERM_ENDING);
  end = make_date (2026, 11, 26);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 3), ==, ZB_TERM_ENDED);

  /* the warning period's last day, and the day after */
  end = make_date (2027, 2, 27);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 3), ==, ZB_TERM_ENDING);
  end = make_date (2027, 2, 28);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 3), ==, ZB_TERM_RUNNING);

  /* the period is a parameter */
  end = make_date (2027, 1, 15);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 1), ==, ZB_TERM_RUNNING);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 2), ==, ZB_TERM_ENDING);
  end = make_date (2026, 11, 27);
  g_assert_cmpint (zb_committee_term_state (&end, &today, 0), ==, ZB_TERM_ENDING);
}

static void
test_term_warning (void)
{
  GDate today = make_date (2026, 11, 27);
  GDate end = make_date (2026, 11, 26);
  GDate later = make_date (2028, 1, 1);
  g_autoptr (ZbOrgWarning) ended = zb_org_check_term (&end, &today, 3);
  g_autoptr (ZbOrgWarning) running = zb_org_check_term (&later, &today, 3);

  g_assert_nonnull (ended);
  g_assert_cmpint (ended->kind, ==, ZB_ORG_WARNING_TERM_ENDED);
  g_assert_nonnull (strstr (ended->message, "2026-11-26"));
  g_assert_null (running);
}

/* §2.1: terms of 3 years (5 for 村/社区), whole years. */
static void
test_term_end_for (void)
{
  GDate start = make_date (2023, 6, 1);
  GDate end;

  zb_committee_term_end_for (&start, 3, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2026);
  g_assert_cmpint (g_date_get_month (&end), ==, 5);
  g_assert_cmpint (g_date_get_day (&end), ==, 31);

  zb_committee_term_end_for (&start, 5, &end);
  g_assert_cmpint (g_date_get_year (&end), ==, 2028);
}

/* §1.4: calendar months clamp to the month's end. */
static void
test_add_months (void)
{
  GDate d = make_date (2024, 1, 31);
  GDate out;

  zb_date_add_months_clamped (&d, 1, &out);
  g_assert_cmpint (g_date_get_month (&out), ==, 2);
  g_assert_cmpint (g_date_get_day (&out), ==, 29);

  d = make_date (2026, 11, 30);
  zb_date_add_months_clamped (&d, 3, &out);
  g_assert_cmpint (g_date_get_year (&out), ==, 2027);
  g_assert_cmpint (g_date_get_month (&out), ==, 2);
  g_assert_cmpint (g_date_get_day (&out), ==, 28);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/org-rules/committee-needed", test_committee_needed);
  g_test_add_func ("/org-rules/too-large", test_too_large);
  g_test_add_func ("/org-rules/too-few", test_too_few);
  g_test_add_func ("/org-rules/term-state", test_term_state);
  g_test_add_func ("/org-rules/term-warning", test_term_warning);
  g_test_add_func ("/org-rules/term-end-for", test_term_end_for);
  g_test_add_func ("/org-rules/add-months", test_add_months);

  return g_test_run ();
}
