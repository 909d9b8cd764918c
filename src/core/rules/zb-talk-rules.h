/* zb-talk-rules.h — 谈心谈话: yearly coverage (DOMAIN.md §2.2) and the talk
 * with an applicant within one month (DOMAIN.md §1.3 step 2, §1.4 T2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of plain values: no database, no GTK, no I/O. "Today" is
 * always a parameter. A cleared (invalid) GDate means "unknown" or "none".
 *
 * People are named by string ids the caller chooses (a member's uuid, a
 * person's uuid, "member:12" …): a talk record does not care whether the
 * other party is on the roster, and an id the roster does not know (an
 * applicant, a visitor from the 上级党委) simply covers nobody.
 */
#pragma once

#include <glib.h>

#include "zb-rule-code.h"

G_BEGIN_DECLS

/* One talk: every person of @talkers talked with every person of
 * @talked_with. Both are NULL-terminated arrays of ids (borrowed). Two people
 * on the same side did not talk with each other. */
typedef struct
{
  GDate date;
  const char *const *talkers;     /* 谈话人 */
  const char *const *talked_with; /* 谈话对象 */
} ZbTalk;

/* One person of the roster as of the date asked about. */
typedef struct
{
  const char *id;
  const char *name;   /* for the sentences; NULL: the id is shown */
  gboolean committee; /* a member of the branch committee (支委) */
  GDate joined;       /* the day the person came onto the roster; invalid: long ago */
  GDate left;         /* the day the person left it; invalid: still there */
} ZbTalkPerson;

typedef enum
{
  ZB_TALK_COVERED,      /* every required talk of the year was held */
  ZB_TALK_DUE,          /* some are missing and the year is not over */
  ZB_TALK_MISSED,       /* some were missing when the year ended */
  ZB_TALK_NOT_REQUIRED, /* left the roster during the year */
} ZbTalkStatus;

/* The year's coverage of one person of the roster. */
typedef struct
{
  char *id;
  gboolean committee;
  ZbTalkStatus status;
  /* Committee members who talked with this person in the year (either side),
   * ids in roster order. For a committee member: the other committee members. */
  GPtrArray *talked_by_committee;
  /* Committee member only: the other required committee members not yet
   * talked with (支委–支委 pairs), ids in roster order; empty for others. */
  GPtrArray *missing_committee;
  /* Committee member only: how many members outside the committee this
   * committee member talked with in the year (for the 统计表). */
  guint n_members_talked;
  GDate last_talk;    /* the last talk with a committee member; invalid if none */
  ZbRuleCode code;    /* ZB_RULE_OK, ZB_RULE_TALKS_DUE or ZB_RULE_TALKS_MISSED */
  const char *source; /* translated: where the yearly rule comes from */
  char *reason;       /* translated sentence */
} ZbTalkCoverage;

void zb_talk_coverage_free (ZbTalkCoverage *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkCoverage, zb_talk_coverage_free)

/* Who has been talked with in @year as of @today (DOMAIN.md §2.2; issue 6
 * asks for the 支委–支委 and 支委–党员 pairs, not the 党员–党员 matrix):
 *  - a committee member is covered when they talked (either side) with every
 *    other required committee member;
 *  - any other member is covered when at least one committee member (anyone
 *    marked @committee on @roster) talked with them.
 * Only talks dated in @year and not after @today count.
 * Who is required: everyone on @roster who came onto it on or before the end
 * of the year (and not after @today). A member who came during the year — in
 * November, say — owes the talk by 31 December of that year like everyone
 * else: the rule is "at least once a year", and December leaves time for it.
 * Someone who left the roster on or before 31 December of @year is
 * NOT_REQUIRED (still listed, with the talks held). People who came after the
 * year, or after @today, are left out.
 * Returns a GPtrArray of ZbTalkCoverage in the order of @roster (a GArray of
 * ZbTalkPerson); @talks is a GArray of ZbTalk (may be NULL). */
GPtrArray *zb_talk_coverage_for_year (const GArray *talks, const GArray *roster, guint year,
                                      const GDate *today);

/* The uncovered ones only (DUE and MISSED), for the workbench. */
GPtrArray *zb_talk_coverage_missing (const GArray *talks, const GArray *roster, guint year,
                                     const GDate *today);

/* ── T2: the talk with an applicant (细则第七条) ─────────────────────── */

typedef enum
{
  ZB_DEADLINE_MET,     /* a talk was held within the month */
  ZB_DEADLINE_DUE,     /* no talk yet, and the month is still running */
  ZB_DEADLINE_OVERDUE, /* no talk, and the month is over */
  ZB_DEADLINE_LATE,    /* the first talk was held after the month */
} ZbDeadlineState;

typedef struct
{
  ZbDeadlineState state;
  GDate deadline;     /* the last day the talk is on time */
  GDate talk_date;    /* the first talk on or after the application; invalid if none */
  ZbRuleCode code;    /* ZB_RULE_OK or ZB_RULE_APPLICATION_TALK_{DUE,OVERDUE,LATE} */
  const char *source; /* translated: 《中国共产党发展党员工作细则》第七条 */
  char *message;      /* translated sentence with the dates */
} ZbApplicationTalkCheck;

void zb_application_talk_check_free (ZbApplicationTalkCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbApplicationTalkCheck, zb_application_talk_check_free)

/* The last day of the month after @applied (the day the application was
 * received) in which the talk is on time: one calendar month later, clamped
 * to the month's end like zb_date_add_months_clamped() (DOMAIN.md §1.4):
 * 1月15日 → 2月15日, 1月31日 → 2月28日 (2月29日 in a leap year). That day is
 * still on time. */
void zb_application_talk_deadline (const GDate *applied, GDate *deadline);

/* T2 for one application: @talk_dates is a GArray of GDate (the 入党谈话
 * records with the applicant, in any order; may be NULL). Talks before
 * @applied and after @today are not counted. */
ZbApplicationTalkCheck *zb_application_talk_check (const GDate *applied, const GArray *talk_dates,
                                                   const GDate *today);

G_END_DECLS
