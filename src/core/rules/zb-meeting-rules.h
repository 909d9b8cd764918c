/* zb-meeting-rules.h — 三会一课: voting rights, quorums, 民主评议 and the
 * yearly rhythm of meetings (DOMAIN.md §1.5, §2.1, §2.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of plain values: no database, no GTK, no I/O. "Today" is
 * always a parameter so that the rules can be tested on their boundaries.
 * Dates are GDate values; a cleared (invalid) GDate means "unknown" or "none".
 */
#pragma once

#include <glib.h>

#include "zb-member.h"
#include "zb-rule-code.h"

G_BEGIN_DECLS

/* ── Meeting kinds ─────────────────────────────────────────────────────── */

/* The kinds of issue 5. A meeting held as two kinds at once (a 党员大会 with a
 * 党课, a 组织生活会 held as a 党员大会) is one meeting that counts once for
 * each of its kinds: the rhythm functions take one ZbHeldMeeting per kind. */
typedef enum
{
  ZB_MEETING_GENERAL,   /* "general_meeting": 支部党员大会 */
  ZB_MEETING_COMMITTEE, /* "committee_meeting": 支部委员会会议 */
  ZB_MEETING_GROUP,     /* "group_meeting": 党小组会 */
  ZB_MEETING_LESSON,    /* "party_lesson": 党课 */
  ZB_MEETING_THEME_DAY, /* "theme_day": 主题党日 */
  ZB_MEETING_LIFE,      /* "life_meeting": 组织生活会 */
  ZB_MEETING_APPRAISAL, /* "appraisal": 民主评议党员 */
  ZB_MEETING_OTHER,     /* "other": 其他 */
} ZbMeetingKind;

#define ZB_MEETING_N_KINDS (ZB_MEETING_OTHER + 1)

/* Stable names for the database, JSON and the CLI (above); never translated.
 * The parser returns FALSE for an unknown name. */
const char *zb_meeting_kind_to_string (ZbMeetingKind kind);
gboolean zb_meeting_kind_from_string (const char *text, ZbMeetingKind *kind);
/* Translated label: 支部党员大会, 支部委员会会议, 党小组会, 党课, 主题党日,
 * 组织生活会, 民主评议党员, 其他. */
const char *zb_meeting_kind_get_label (ZbMeetingKind kind);

/* ── Who votes (DOMAIN.md §1.5, §2.1) ─────────────────────────────────── */

typedef enum
{
  ZB_VOTING_RIGHT_FULL,            /* 正式党员: expected, votes */
  ZB_VOTING_RIGHT_PROBATIONARY,    /* 预备党员: expected (listed), no vote */
  ZB_VOTING_RIGHT_PARTY_PROBATION, /* 留党察看: expected (listed), no vote */
  ZB_VOTING_RIGHT_SUSPENDED,       /* 停止党籍: not expected, no vote */
  ZB_VOTING_RIGHT_NOT_MEMBER,      /* not on the branch's roster that day */
} ZbVotingRight;

/* What the roster knows about one member, for one meeting date. */
typedef struct
{
  ZbMemberCategory category; /* as recorded today; used only when @full is unknown */
  GDate joined;              /* 入党日期 (or the day the member came to the branch) */
  GDate full;                /* 转正日期; invalid when unknown or not yet */
  GDate left;                /* the day the member left the roster (转出, 出党, 死亡) */
  gboolean suspended;        /* 停止党籍 on the meeting date */
  gboolean party_probation;  /* under 留党察看 on the meeting date */
} ZbVoterFacts;

/* The member's right on @date: not a member before @joined or from @left on
 * (a member who leaves on the meeting day is not expected); full from the day
 * of @full on (转正 day included), probationary before it; with @full unknown,
 * @category decides. 停止党籍 and 留党察看 come before the category. */
ZbVotingRight zb_voting_right_on (const ZbVoterFacts *facts, const GDate *date);
/* Fills @facts from a roster record: category, 入党/转正 dates, 停止党籍 (the
 * record's current standing), and @left from left_date when the member is no
 * longer active. The record does not know 留党察看: @party_probation is left
 * FALSE for the caller to set. Unparsable dates are left unknown. */
void zb_voter_facts_from_record (const ZbMemberRecord *record, ZbVoterFacts *facts);
/* TRUE only for ZB_VOTING_RIGHT_FULL: counted in 应到/实到有表决权人数. */
gboolean zb_voting_right_votes (ZbVotingRight right);
/* TRUE when the member is listed as expected (应到) at the branch's meetings. */
gboolean zb_voting_right_expected (ZbVotingRight right);

/* ── Quorums, votes and the 民主评议 cap ──────────────────────────────── */

/* The outcome of one numeric rule, ready to show: @ok, the figures, the
 * stable @code (ZB_RULE_OK when @ok), the article it comes from and a
 * sentence with the figures. Both strings are translated. */
typedef struct
{
  gboolean ok;
  ZbRuleCode code;
  guint total;        /* the denominator: 应到 (quorum, vote) or members rated (评议) */
  guint count;        /* present, 赞成 (with written opinions) or 优秀 */
  guint threshold;    /* quorum/vote: the smallest count that passes (total / 2 + 1);
                       * 评议: the largest number of 优秀 allowed (total / 3) */
  const char *source; /* e.g. "《中国共产党支部工作条例（试行）》第十二条" */
  char *message;
} ZbRuleCheck;

void zb_rule_check_free (ZbRuleCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbRuleCheck, zb_rule_check_free)

/* Whether a meeting was quorate. For ZB_MEETING_COMMITTEE, @expected is the
 * number of committee members and @present those who came: more than half
 * (条例第十二条). For ZB_MEETING_GENERAL, @expected is 应到会有表决权人数 and
 * @present 到会有表决权人数 (full members only — see zb_voting_right_votes()):
 * more than half (DOMAIN.md §1.5, §2.2). Integer form: 2 × present > expected,
 * so 16 needs 9, 15 needs 8, 5 needs 3 and 4 needs 3; 0 expected is never
 * quorate. Code ZB_RULE_QUORUM_NOT_MET when not. Other kinds have no quorum
 * rule: NULL. */
ZbRuleCheck *zb_meeting_check_quorum (ZbMeetingKind kind, guint expected, guint present);

/* Whether a 支部大会 vote (接收预备党员, 转正) passed (DOMAIN.md §1.5): 赞成
 * must be more than half of 应到会有表决权人数 (@expected, not those present):
 * 2 × (@yes + @written_yes) > @expected, where @written_yes are the written
 * opinions in favour that absent full members submitted before the meeting.
 * Code ZB_RULE_VOTE_NOT_PASSED when not. A vote at a meeting below quorum is
 * void whatever its count: check zb_meeting_check_quorum() first. */
ZbRuleCheck *zb_meeting_check_vote (guint expected, guint yes, guint written_yes);

/* 民主评议党员 grades (DOMAIN.md §2.2). */
typedef enum
{
  ZB_GRADE_EXCELLENT,           /* "excellent": 优秀 */
  ZB_GRADE_QUALIFIED,           /* "qualified": 合格 */
  ZB_GRADE_BASICALLY_QUALIFIED, /* "basically_qualified": 基本合格 */
  ZB_GRADE_UNQUALIFIED,         /* "unqualified": 不合格 */
} ZbAppraisalGrade;

#define ZB_APPRAISAL_N_GRADES (ZB_GRADE_UNQUALIFIED + 1)

const char *zb_appraisal_grade_to_string (ZbAppraisalGrade grade);
gboolean zb_appraisal_grade_from_string (const char *text, ZbAppraisalGrade *grade);
/* Translated: 优秀, 合格, 基本合格, 不合格. */
const char *zb_appraisal_grade_get_label (ZbAppraisalGrade grade);

/* The 优秀 cap: 优秀 is generally no more than one third of the members rated
 * (the sum of @counts, indexed by ZbAppraisalGrade): 3 × 优秀 ≤ rated, so
 * exactly one third is allowed. Code ZB_RULE_EXCELLENT_OVER_THIRD when over —
 * a warning ("一般"), not a block. */
ZbRuleCheck *zb_appraisal_check_grades (const guint counts[ZB_APPRAISAL_N_GRADES]);

/* ── The rhythm of the year (DOMAIN.md §2.2) ──────────────────────────── */

typedef enum
{
  ZB_PERIOD_NONE,      /* the kind is not required */
  ZB_PERIOD_MONTH,     /* calendar months */
  ZB_PERIOD_QUARTER,   /* January–March, April–June, … */
  ZB_PERIOD_HALF_YEAR, /* January–June, July–December */
  ZB_PERIOD_YEAR,      /* the calendar year */
} ZbPeriodUnit;

/* How often each kind is required: at least @times[kind] meetings (0 counts
 * as 1) in each @unit[kind]. */
typedef struct
{
  ZbPeriodUnit unit[ZB_MEETING_N_KINDS];
  guint times[ZB_MEETING_N_KINDS];
} ZbMeetingPlan;

/* The frequencies of DOMAIN.md §2.2: 支委会 monthly (条例第十二条), 党小组会
 * monthly per group (第十三条), 党员大会 quarterly, 主题党日 monthly (第十六条),
 * 组织生活会 yearly (第十七条, generally in the fourth quarter), 民主评议
 * yearly; 党课 quarterly — a local rule the branch may change; 其他 never.
 * A branch without a committee sets unit[ZB_MEETING_COMMITTEE] to NONE. */
void zb_meeting_plan_init_default (ZbMeetingPlan *plan);

/* One meeting held: for ZB_MEETING_GROUP, @group_id says whose (0 otherwise). */
typedef struct
{
  ZbMeetingKind kind;
  GDate date;
  gint64 group_id;
} ZbHeldMeeting;

/* A 党小组 of the branch, and when it existed (invalid dates: always). */
typedef struct
{
  gint64 id;
  const char *name; /* for the sentences, e.g. "第一党小组"; may be NULL */
  GDate since;
  GDate until; /* its last day */
} ZbMeetingGroup;

typedef enum
{
  ZB_PERIOD_HELD,    /* enough meetings were held in the period */
  ZB_PERIOD_DUE,     /* the period is running (today in it) and not yet held */
  ZB_PERIOD_OVERDUE, /* the period is over and was not held */
  ZB_PERIOD_NOT_YET, /* the period starts after today */
} ZbPeriodStatus;

/* One required period of one kind (and group). */
typedef struct
{
  ZbMeetingKind kind;
  gint64 group_id; /* ZB_MEETING_GROUP: the group; 0 otherwise */
  ZbPeriodUnit unit;
  guint index; /* month 1–12, quarter 1–4, half 1–2, year 1 */
  GDate start; /* the period's first day */
  GDate end;   /* its last day: the due date */
  ZbPeriodStatus status;
  guint n_held;       /* meetings dated within the period, up to today */
  guint n_required;   /* the plan's times */
  GDate held_on;      /* the first of them; invalid when none */
  GDate next_held;    /* OVERDUE: the first meeting of the kind (and group) after
                       * the period ended, when it fell in the very next period
                       * (a late meeting); it counts for its own period, not for
                       * this one. Invalid otherwise */
  ZbRuleCode code;    /* ZB_RULE_OK, ZB_RULE_MEETING_DUE or ZB_RULE_MEETING_OVERDUE */
  const char *source; /* the rule the frequency comes from, translated */
  char *reason;       /* translated sentence: what was held, or what is missing and why */
} ZbMeetingPeriod;

void zb_meeting_period_free (ZbMeetingPeriod *period);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbMeetingPeriod, zb_meeting_period_free)

/* The year's plan against what was held, for the calendar: a GPtrArray of
 * ZbMeetingPeriod, every required period of @year for each kind of @plan (for
 * 党小组会, for each group of @groups, a GArray of ZbMeetingGroup, may be
 * NULL), ordered by kind, group (in the order of @groups) and date.
 *
 * Edge rules:
 *  - A meeting counts for the calendar period of its date and for no other: a
 *    meeting on the last day of a month counts for that month, one on the
 *    first day of the next for the next. A late meeting does not fill the
 *    period it was late for: that period stays OVERDUE and names the late
 *    meeting in @next_held and in its reason ("counts for April"), when
 *    it fell in the very next period.
 *  - Meetings dated after @today are not counted (planned, not held).
 *  - A period is required only when the branch (@branch_start, invalid when
 *    unknown: always) and, for 党小组会, the group existed for at least half
 *    of it; periods entirely before are left out. A period that is not
 *    required but had a meeting is still listed, as HELD.
 *  - A group meeting of a group not in @groups counts for nothing.
 *
 * @meetings is a GArray of ZbHeldMeeting (may be NULL), in any order. */
GPtrArray *zb_meeting_rhythm_for_year (const ZbMeetingPlan *plan, const GArray *meetings,
                                       const GArray *groups, const GDate *branch_start, guint year,
                                       const GDate *today);

/* What the workbench shows: the DUE and OVERDUE periods of @today's year, as
 * zb_meeting_rhythm_for_year() computes them, ordered by due date (then kind
 * and group). */
GPtrArray *zb_meeting_rhythm_warnings (const ZbMeetingPlan *plan, const GArray *meetings,
                                       const GArray *groups, const GDate *branch_start,
                                       const GDate *today);

/* How many calendar months a period of @unit spans (12 for the year, and
 * for ZB_PERIOD_NONE). */
guint zb_period_unit_get_months (ZbPeriodUnit unit);

/* The period of @unit containing @date: its index (1-based) and first and
 * last day. */
void zb_meeting_period_bounds (ZbPeriodUnit unit, const GDate *date, guint *index, GDate *start,
                               GDate *end);

/* The period as the user reads it, translated: "2026年3月", "2026年第一季度",
 * "2026年上半年", "2026年". */
char *zb_meeting_period_format (ZbPeriodUnit unit, guint year, guint index);

G_END_DECLS
