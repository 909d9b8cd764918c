/* zb-org-rules.c — branch size and committee terms (DOMAIN.md §2.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-member-rules.h"
#include "zb-org-rules.h"

void
zb_org_warning_free (ZbOrgWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->message);
  g_free (warning);
}

static ZbOrgWarning *
warning_new (ZbOrgWarningKind kind, char *message)
{
  ZbOrgWarning *warning = g_new0 (ZbOrgWarning, 1);

  warning->kind = kind;
  warning->message = message;
  return warning;
}

GPtrArray *
zb_org_check_branch_size (guint n_full, guint n_probationary, gboolean has_committee)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_org_warning_free);
  guint n_total = n_full + n_probationary;

  /* 条例第四条: a branch is set up where there are at least 3 full members. */
  if (n_full < ZB_BRANCH_MIN_FULL_MEMBERS)
    g_ptr_array_add (
        warnings,
        warning_new (ZB_ORG_WARNING_TOO_FEW_FULL,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The branch has %u full member; a branch "
                                                   "needs at least 3.",
                                                   "The branch has %u full members; a branch "
                                                   "needs at least 3.",
                                                   n_full),
                                      n_full)));

  /* Same article: a branch generally has no more than 50 members. */
  if (n_total > ZB_BRANCH_MAX_MEMBERS)
    g_ptr_array_add (
        warnings,
        warning_new (ZB_ORG_WARNING_TOO_LARGE,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The branch has %u member; a branch generally "
                                                   "has no more than 50, so consider dividing it.",
                                                   "The branch has %u members; a branch generally "
                                                   "has no more than 50, so consider dividing it.",
                                                   n_total),
                                      n_total)));

  /* A branch with 7 or more full members sets up a committee. */
  if (n_full >= ZB_BRANCH_COMMITTEE_FULL_MEMBERS && !has_committee)
    g_ptr_array_add (
        warnings,
        warning_new (ZB_ORG_WARNING_COMMITTEE_NEEDED,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The branch has %u full member, so it should "
                                                   "elect a branch committee.",
                                                   "The branch has %u full members, so it should "
                                                   "elect a branch committee.",
                                                   n_full),
                                      n_full)));

  return warnings;
}

void
zb_date_add_months_clamped (const GDate *date, int months, GDate *out)
{
  int total = (int)g_date_get_year (date) * 12 + (int)g_date_get_month (date) - 1 + months;
  int year = total / 12;
  int month = total % 12 + 1;
  int day = g_date_get_day (date);
  int last = g_date_get_days_in_month (month, year);

  g_date_clear (out, 1);
  g_date_set_dmy (out, MIN (day, last), month, year);
}

ZbTermState
zb_committee_term_state (const GDate *end_date, const GDate *today, guint warn_months)
{
  GDate horizon;

  g_return_val_if_fail (end_date != NULL && g_date_valid (end_date), ZB_TERM_RUNNING);
  g_return_val_if_fail (today != NULL && g_date_valid (today), ZB_TERM_RUNNING);

  /* The end date is the term's last day: on that day the term still runs. */
  if (g_date_compare (end_date, today) < 0)
    return ZB_TERM_ENDED;

  zb_date_add_months_clamped (today, (int)warn_months, &horizon);
  if (g_date_compare (end_date, &horizon) <= 0)
    return ZB_TERM_ENDING;
  return ZB_TERM_RUNNING;
}

ZbOrgWarning *
zb_org_check_term (const GDate *end_date, const GDate *today, guint warn_months)
{
  g_autofree char *text = NULL;

  /* DOMAIN.md §2.1: committees are re-elected on time (换届). */
  switch (zb_committee_term_state (end_date, today, warn_months))
    {
    case ZB_TERM_ENDED:
      text = zb_format_display_date (end_date);
      return warning_new (ZB_ORG_WARNING_TERM_ENDED,
                          g_strdup_printf (_ ("The committee’s term ended on %s: it is time for "
                                              "the election of a new committee."),
                                           text));
    case ZB_TERM_ENDING:
      text = zb_format_display_date (end_date);
      return warning_new (ZB_ORG_WARNING_TERM_ENDING,
                          g_strdup_printf (_ ("The committee’s term ends on %s: prepare the "
                                              "election of the next committee."),
                                           text));
    case ZB_TERM_RUNNING:
    default:
      return NULL;
    }
}

void
zb_committee_term_end_for (const GDate *start, guint years, GDate *end)
{
  zb_date_add_months_clamped (start, (int)years * 12, end);
  g_date_subtract_days (end, 1);
}
