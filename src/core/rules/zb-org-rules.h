/* zb-org-rules.h — branch size and committee terms (DOMAIN.md §2.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of plain values: no database, no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 条例第四条 and the committee rules of DOMAIN.md §2.1. */
#define ZB_BRANCH_MIN_FULL_MEMBERS 3       /* a branch needs ≥ 3 正式党员 */
#define ZB_BRANCH_MAX_MEMBERS 50           /* generally ≤ 50 members */
#define ZB_BRANCH_COMMITTEE_FULL_MEMBERS 7 /* a committee at ≥ 7 正式党员 */
#define ZB_TERM_WARN_MONTHS_DEFAULT 3      /* warn this long before a term ends */

typedef enum
{
  ZB_ORG_WARNING_TOO_FEW_FULL,     /* fewer than 3 full members */
  ZB_ORG_WARNING_TOO_LARGE,        /* more than 50 members */
  ZB_ORG_WARNING_COMMITTEE_NEEDED, /* ≥ 7 full members and no committee */
  ZB_ORG_WARNING_TERM_ENDING,      /* the term ends within the warning period */
  ZB_ORG_WARNING_TERM_ENDED,       /* the term's end date has passed */
} ZbOrgWarningKind;

typedef struct
{
  ZbOrgWarningKind kind;
  char *message; /* translated, with the figures in it */
} ZbOrgWarning;

void zb_org_warning_free (ZbOrgWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbOrgWarning, zb_org_warning_free)

/* Warnings about a branch's size: a GPtrArray of ZbOrgWarning, empty when all
 * is well. @n_full and @n_probationary count its active members (预备党员 count
 * towards the size but not towards the full members); @has_committee says
 * whether the branch has a committee (a current term). */
GPtrArray *zb_org_check_branch_size (guint n_full, guint n_probationary, gboolean has_committee);

typedef enum
{
  ZB_TERM_RUNNING, /* ends later than the warning period */
  ZB_TERM_ENDING,  /* ends on or before today + @warn_months (today included) */
  ZB_TERM_ENDED,   /* ended before today */
} ZbTermState;

/* Where a committee term ending on @end_date stands on @today, warning
 * @warn_months calendar months ahead (clamped to the month's end). The end date
 * is the term's last day. */
ZbTermState zb_committee_term_state (const GDate *end_date, const GDate *today, guint warn_months);

/* The same as a warning (NULL while the term is running). */
ZbOrgWarning *zb_org_check_term (const GDate *end_date, const GDate *today, guint warn_months);

/* The end of a term of @years (3, or 5 for 村/社区 branches) starting on
 * @start: the day before the anniversary, so that the term is whole years. */
void zb_committee_term_end_for (const GDate *start, guint years, GDate *end);

/* @date plus @months calendar months, clamped to the end of the month
 * (DOMAIN.md §1.4, month arithmetic). */
void zb_date_add_months_clamped (const GDate *date, int months, GDate *out);

G_END_DECLS
