/* zb-meeting-rules.c — 三会一课: voting rights, quorums, 民主评议 and the
 * yearly rhythm of meetings (DOMAIN.md §1.5, §2.1, §2.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "zb-meeting-rules.h"
#include "zb-member-rules.h"
#include "zb-names.h"

/* ── Names ─────────────────────────────────────────────────────────────── */

/* Indexed by ZbMeetingKind; stored in the database, so never renamed. */
static const char *const kind_strings[] = {
  [ZB_MEETING_GENERAL] = "general_meeting",     /* 支部党员大会 */
  [ZB_MEETING_COMMITTEE] = "committee_meeting", /* 支部委员会会议 */
  [ZB_MEETING_GROUP] = "group_meeting",         /* 党小组会 */
  [ZB_MEETING_LESSON] = "party_lesson",         /* 党课 */
  [ZB_MEETING_THEME_DAY] = "theme_day",         /* 主题党日 */
  [ZB_MEETING_LIFE] = "life_meeting",           /* 组织生活会 */
  [ZB_MEETING_APPRAISAL] = "appraisal",         /* 民主评议党员 */
  [ZB_MEETING_OTHER] = "other",                 /* 其他 */
};

static const char *const grade_strings[] = {
  [ZB_GRADE_EXCELLENT] = "excellent",
  [ZB_GRADE_QUALIFIED] = "qualified",
  [ZB_GRADE_BASICALLY_QUALIFIED] = "basically_qualified",
  [ZB_GRADE_UNQUALIFIED] = "unqualified",
};

const char *
zb_meeting_kind_to_string (ZbMeetingKind kind)
{
  if ((guint)kind >= G_N_ELEMENTS (kind_strings))
    return "other";
  return kind_strings[kind];
}

gboolean
zb_meeting_kind_from_string (const char *text, ZbMeetingKind *kind)
{
  guint index;

  if (!zb_name_lookup (kind_strings, G_N_ELEMENTS (kind_strings), text, &index))
    return FALSE;
  if (kind != NULL)
    *kind = (ZbMeetingKind)index;
  return TRUE;
}

const char *
zb_meeting_kind_get_label (ZbMeetingKind kind)
{
  switch (kind)
    {
    case ZB_MEETING_GENERAL:
      return _ ("Branch general meeting");
    case ZB_MEETING_COMMITTEE:
      return _ ("Branch committee meeting");
    case ZB_MEETING_GROUP:
      return _ ("Party group meeting");
    case ZB_MEETING_LESSON:
      return _ ("Party lesson");
    case ZB_MEETING_THEME_DAY:
      return _ ("Theme Party day");
    case ZB_MEETING_LIFE:
      return _ ("Organisational life meeting");
    case ZB_MEETING_APPRAISAL:
      return _ ("Democratic appraisal of members");
    case ZB_MEETING_OTHER:
    default:
      return _ ("Other meeting");
    }
}

const char *
zb_appraisal_grade_to_string (ZbAppraisalGrade grade)
{
  if ((guint)grade >= G_N_ELEMENTS (grade_strings))
    return "qualified";
  return grade_strings[grade];
}

gboolean
zb_appraisal_grade_from_string (const char *text, ZbAppraisalGrade *grade)
{
  guint index;

  if (!zb_name_lookup (grade_strings, G_N_ELEMENTS (grade_strings), text, &index))
    return FALSE;
  if (grade != NULL)
    *grade = (ZbAppraisalGrade)index;
  return TRUE;
}

const char *
zb_appraisal_grade_get_label (ZbAppraisalGrade grade)
{
  switch (grade)
    {
    case ZB_GRADE_EXCELLENT:
      return C_ ("appraisal grade", "Excellent");
    case ZB_GRADE_BASICALLY_QUALIFIED:
      return C_ ("appraisal grade", "Basically qualified");
    case ZB_GRADE_UNQUALIFIED:
      return C_ ("appraisal grade", "Unqualified");
    case ZB_GRADE_QUALIFIED:
    default:
      return C_ ("appraisal grade", "Qualified");
    }
}

/* ── Where the rules come from (DOMAIN.md §1.5, §2.2) ─────────────────── */

static const char *
frequency_source (ZbMeetingKind kind)
{
  switch (kind)
    {
    case ZB_MEETING_COMMITTEE:
      return _ ("Article 12 of the Regulations on the Work of Party Branches (Trial)");
    case ZB_MEETING_GROUP:
      return _ ("Article 13 of the Regulations on the Work of Party Branches (Trial)");
    case ZB_MEETING_THEME_DAY:
      return _ ("Article 16 of the Regulations on the Work of Party Branches (Trial)");
    case ZB_MEETING_LIFE:
      return _ ("Article 17 of the Regulations on the Work of Party Branches (Trial)");
    case ZB_MEETING_APPRAISAL:
      return _ ("The rules on the democratic appraisal of Party members");
    case ZB_MEETING_LESSON:
      /* DOMAIN.md §2.2 and §8 item 8: the 条例 sets no branch frequency for
       * 党课; "once a quarter" is local practice, so the plan is configurable. */
      return _ ("The local rule the branch follows (the Regulations set no number of Party "
                "lessons)");
    case ZB_MEETING_GENERAL:
    case ZB_MEETING_OTHER:
    default:
      return _ ("The Regulations on the Work of Party Branches (Trial)");
    }
}

/* ── Who votes ─────────────────────────────────────────────────────────── */

ZbVotingRight
zb_voting_right_on (const ZbVoterFacts *facts, const GDate *date)
{
  g_return_val_if_fail (facts != NULL, ZB_VOTING_RIGHT_NOT_MEMBER);
  g_return_val_if_fail (date != NULL && g_date_valid (date), ZB_VOTING_RIGHT_NOT_MEMBER);

  if (g_date_valid (&facts->joined) && g_date_compare (date, &facts->joined) < 0)
    return ZB_VOTING_RIGHT_NOT_MEMBER;
  if (g_date_valid (&facts->left) && g_date_compare (date, &facts->left) >= 0)
    return ZB_VOTING_RIGHT_NOT_MEMBER;

  /* 停止党籍: the member takes no part in the branch's life (DOMAIN.md §4.6). */
  if (facts->suspended)
    return ZB_VOTING_RIGHT_SUSPENDED;

  /* 党章第七条 (DOMAIN.md §1.5, §2.1): 预备党员 have no vote. */
  if (g_date_valid (&facts->full))
    {
      if (g_date_compare (date, &facts->full) < 0)
        return ZB_VOTING_RIGHT_PROBATIONARY;
    }
  else if (facts->category == ZB_CATEGORY_PROBATIONARY)
    return ZB_VOTING_RIGHT_PROBATIONARY;

  /* Members under 留党察看 have no vote during the period (same sources). */
  if (facts->party_probation)
    return ZB_VOTING_RIGHT_PARTY_PROBATION;
  return ZB_VOTING_RIGHT_FULL;
}

void
zb_voter_facts_from_record (const ZbMemberRecord *record, ZbVoterFacts *facts)
{
  g_return_if_fail (record != NULL && facts != NULL);

  memset (facts, 0, sizeof *facts);
  facts->category = record->category;
  g_date_clear (&facts->joined, 1);
  g_date_clear (&facts->full, 1);
  g_date_clear (&facts->left, 1);
  zb_parse_iso_date (record->joined_date, &facts->joined);
  zb_parse_iso_date (record->full_date, &facts->full);
  if (record->status != ZB_STATUS_ACTIVE)
    zb_parse_iso_date (record->left_date, &facts->left);
  facts->suspended = record->standing == ZB_STANDING_SUSPENDED;
}

gboolean
zb_voting_right_votes (ZbVotingRight right)
{
  return right == ZB_VOTING_RIGHT_FULL;
}

gboolean
zb_voting_right_expected (ZbVotingRight right)
{
  return right == ZB_VOTING_RIGHT_FULL || right == ZB_VOTING_RIGHT_PROBATIONARY
         || right == ZB_VOTING_RIGHT_PARTY_PROBATION;
}

/* ── Quorums and votes ─────────────────────────────────────────────────── */

void
zb_rule_check_free (ZbRuleCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->message);
  g_free (check);
}

/* "More than half" in integers (DOMAIN.md §1.5): 2 × count > total. */
static ZbRuleCheck *
more_than_half (guint total, guint count, ZbRuleCode failure, const char *source)
{
  ZbRuleCheck *check = g_new0 (ZbRuleCheck, 1);

  check->total = total;
  check->count = count;
  check->threshold = total / 2 + 1;
  check->ok = 2 * (guint64)count > (guint64)total;
  check->code = check->ok ? ZB_RULE_OK : failure;
  check->source = source;
  return check;
}

ZbRuleCheck *
zb_meeting_check_quorum (ZbMeetingKind kind, guint expected, guint present)
{
  ZbRuleCheck *check;

  switch (kind)
    {
    case ZB_MEETING_COMMITTEE:
      /* 条例第十二条: more than half of the committee members present. */
      check = more_than_half (expected, present, ZB_RULE_QUORUM_NOT_MET,
                              frequency_source (ZB_MEETING_COMMITTEE));
      if (expected == 0)
        {
          check->message = g_strdup (_ ("No committee member is recorded, so the committee "
                                        "meeting cannot decide."));
          return check;
        }
      check->message = g_strdup_printf (
          check->ok ? _ ("%1$u of the %2$u committee members were present: more than half, "
                         "so the committee meeting could decide.")
                    : _ ("Only %1$u of the %2$u committee members were present: a committee "
                         "meeting needs more than half, that is at least %3$u."),
          present, expected, check->threshold);
      return check;

    case ZB_MEETING_GENERAL:
      /* DOMAIN.md §1.5 (the 发展党员 flowchart) and §2.2 (common practice):
       * more than half of the voting members expected, counting full members
       * only. */
      check = more_than_half (expected, present, ZB_RULE_QUORUM_NOT_MET,
                              _ ("The Detailed Rules for the Development of Party Members and "
                                 "the common practice of branch general meetings"));
      if (expected == 0)
        {
          check->message = g_strdup (_ ("No full member with a vote is expected, so the general "
                                        "meeting cannot decide."));
          return check;
        }
      check->message = g_strdup_printf (
          check->ok ? _ ("%1$u of the %2$u full members with a vote were present: more than "
                         "half, so the general meeting could decide.")
                    : _ ("Only %1$u of the %2$u full members with a vote were present: a "
                         "general meeting needs more than half, that is at least %3$u."),
          present, expected, check->threshold);
      return check;

    case ZB_MEETING_GROUP:
    case ZB_MEETING_LESSON:
    case ZB_MEETING_THEME_DAY:
    case ZB_MEETING_LIFE:
    case ZB_MEETING_APPRAISAL:
    case ZB_MEETING_OTHER:
    default:
      return NULL;
    }
}

ZbRuleCheck *
zb_meeting_check_vote (guint expected, guint yes, guint written_yes)
{
  guint in_favour = yes + written_yes;
  ZbRuleCheck *check;

  /* DOMAIN.md §1.5: the denominator is 应到, not 实到; written opinions of
   * absent full members count. */
  check = more_than_half (expected, in_favour, ZB_RULE_VOTE_NOT_PASSED,
                          _ ("The Detailed Rules for the Development of Party Members"));
  check->message = g_strdup_printf (
      check->ok ? _ ("%1$u in favour (written opinions included) of %2$u full members with a "
                     "vote expected: more than half, so the resolution passed.")
                : _ ("Only %1$u in favour (written opinions included) of %2$u full members "
                     "with a vote expected: a resolution needs more than half of those "
                     "expected, that is at least %3$u."),
      in_favour, expected, check->threshold);
  return check;
}

ZbRuleCheck *
zb_appraisal_check_grades (const guint counts[ZB_APPRAISAL_N_GRADES])
{
  ZbRuleCheck *check = g_new0 (ZbRuleCheck, 1);
  guint rated = 0;

  for (guint i = 0; i < ZB_APPRAISAL_N_GRADES; i++)
    rated += counts[i];

  /* DOMAIN.md §2.2: 优秀 generally no more than one third — one third itself
   * is allowed, so 3 × 优秀 ≤ rated. */
  check->total = rated;
  check->count = counts[ZB_GRADE_EXCELLENT];
  check->threshold = rated / 3;
  check->ok = 3 * (guint64)check->count <= (guint64)rated;
  check->code = check->ok ? ZB_RULE_OK : ZB_RULE_EXCELLENT_OVER_THIRD;
  check->source = frequency_source (ZB_MEETING_APPRAISAL);
  check->message = g_strdup_printf (
      check->ok ? _ ("%1$u of the %2$u members rated are excellent: within one third.")
                : _ ("%1$u of the %2$u members rated are excellent: excellent is generally "
                     "no more than one third, that is at most %3$u."),
      check->count, rated, check->threshold);
  return check;
}

/* ── Periods ───────────────────────────────────────────────────────────── */

void
zb_meeting_plan_init_default (ZbMeetingPlan *plan)
{
  g_return_if_fail (plan != NULL);

  for (guint i = 0; i < ZB_MEETING_N_KINDS; i++)
    {
      plan->unit[i] = ZB_PERIOD_NONE;
      plan->times[i] = 1;
    }
  plan->unit[ZB_MEETING_GENERAL] = ZB_PERIOD_QUARTER;
  plan->unit[ZB_MEETING_COMMITTEE] = ZB_PERIOD_MONTH;
  plan->unit[ZB_MEETING_GROUP] = ZB_PERIOD_MONTH;
  plan->unit[ZB_MEETING_LESSON] = ZB_PERIOD_QUARTER;
  plan->unit[ZB_MEETING_THEME_DAY] = ZB_PERIOD_MONTH;
  plan->unit[ZB_MEETING_LIFE] = ZB_PERIOD_YEAR;
  plan->unit[ZB_MEETING_APPRAISAL] = ZB_PERIOD_YEAR;
}

guint
zb_period_unit_get_months (ZbPeriodUnit unit)
{
  switch (unit)
    {
    case ZB_PERIOD_MONTH:
      return 1;
    case ZB_PERIOD_QUARTER:
      return 3;
    case ZB_PERIOD_HALF_YEAR:
      return 6;
    case ZB_PERIOD_YEAR:
    case ZB_PERIOD_NONE:
    default:
      return 12;
    }
}

static void
period_by_index (ZbPeriodUnit unit, guint year, guint index, GDate *start, GDate *end)
{
  guint months = zb_period_unit_get_months (unit);
  guint first = (index - 1) * months + 1;
  guint last = first + months - 1;

  g_date_clear (start, 1);
  g_date_set_dmy (start, 1, first, year);
  g_date_clear (end, 1);
  g_date_set_dmy (end, g_date_get_days_in_month (last, year), last, year);
}

void
zb_meeting_period_bounds (ZbPeriodUnit unit, const GDate *date, guint *index, GDate *start,
                          GDate *end)
{
  guint i;
  GDate s, e;

  g_return_if_fail (date != NULL && g_date_valid (date));

  i = (g_date_get_month (date) - 1) / zb_period_unit_get_months (unit) + 1;
  period_by_index (unit, g_date_get_year (date), i, &s, &e);
  if (index != NULL)
    *index = i;
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
}

char *
zb_meeting_period_format (ZbPeriodUnit unit, guint year, guint index)
{
  switch (unit)
    {
    case ZB_PERIOD_MONTH:
      /* TRANSLATORS: a month; %1$u is the year, %2$u the month (1–12).
       * Chinese: "%1$u年%2$u月" */
      return g_strdup_printf (C_ ("period", "%1$u-%2$02u"), year, index);
    case ZB_PERIOD_QUARTER:
      /* TRANSLATORS: %u is the year. Chinese: "%u年第一季度" etc. */
      if (index <= 1)
        return g_strdup_printf (C_ ("period", "Q1 %u"), year);
      if (index == 2)
        return g_strdup_printf (C_ ("period", "Q2 %u"), year);
      if (index == 3)
        return g_strdup_printf (C_ ("period", "Q3 %u"), year);
      return g_strdup_printf (C_ ("period", "Q4 %u"), year);
    case ZB_PERIOD_HALF_YEAR:
      return g_strdup_printf (index <= 1 ? C_ ("period", "first half of %u")
                                         : C_ ("period", "second half of %u"),
                              year);
    case ZB_PERIOD_YEAR:
    case ZB_PERIOD_NONE:
    default:
      /* TRANSLATORS: a year. Chinese: "%u年" */
      return g_strdup_printf (C_ ("period", "%u"), year);
    }
}

void
zb_meeting_period_free (ZbMeetingPeriod *period)
{
  if (period == NULL)
    return;
  g_free (period->reason);
  g_free (period);
}

/* ── The rhythm ────────────────────────────────────────────────────────── */

/* The days of [start, end] that lie within [since, until] (invalid: open). */
static guint
overlap_days (const GDate *start, const GDate *end, const GDate *since, const GDate *until)
{
  guint32 from = g_date_get_julian (start);
  guint32 to = g_date_get_julian (end);

  if (since != NULL && g_date_valid (since))
    from = MAX (from, g_date_get_julian (since));
  if (until != NULL && g_date_valid (until))
    to = MIN (to, g_date_get_julian (until));
  return to >= from ? to - from + 1 : 0;
}

/* "According to …, X is generally held at least once a month." */
static char *
frequency_sentence (ZbMeetingKind kind, const char *label, ZbPeriodUnit unit, guint times)
{
  const char *source = frequency_source (kind);

  /* 条例第十七条: at least once a year, generally in the fourth quarter. */
  if (kind == ZB_MEETING_LIFE && unit == ZB_PERIOD_YEAR && times <= 1)
    return g_strdup_printf (_ ("According to %1$s, the %2$s is held at least once a year, "
                               "generally in the fourth quarter."),
                            source, label);

  if (times <= 1)
    switch (unit)
      {
      case ZB_PERIOD_MONTH:
        return g_strdup_printf (_ ("According to %1$s, the %2$s is held once a month."), source,
                                label);
      case ZB_PERIOD_QUARTER:
        return g_strdup_printf (_ ("According to %1$s, the %2$s is held once a quarter."), source,
                                label);
      case ZB_PERIOD_HALF_YEAR:
        return g_strdup_printf (_ ("According to %1$s, the %2$s is held once every half "
                                   "year."),
                                source, label);
      case ZB_PERIOD_YEAR:
      case ZB_PERIOD_NONE:
      default:
        return g_strdup_printf (_ ("According to %1$s, the %2$s is held once a year."), source,
                                label);
      }

  switch (unit)
    {
    case ZB_PERIOD_MONTH:
      return g_strdup_printf (_ ("According to %1$s, the %2$s is held %3$u times a month."), source,
                              label, times);
    case ZB_PERIOD_QUARTER:
      return g_strdup_printf (_ ("According to %1$s, the %2$s is held %3$u times a quarter."),
                              source, label, times);
    case ZB_PERIOD_HALF_YEAR:
      return g_strdup_printf (_ ("According to %1$s, the %2$s is held %3$u times every half "
                                 "year."),
                              source, label, times);
    case ZB_PERIOD_YEAR:
    case ZB_PERIOD_NONE:
    default:
      return g_strdup_printf (_ ("According to %1$s, the %2$s is held %3$u times a year."), source,
                              label, times);
    }
}

static char *
status_sentence (const ZbMeetingPeriod *p, const char *label, const char *period_text)
{
  g_autofree char *end = zb_format_display_date (&p->end);
  g_autofree char *held = NULL;
  g_autofree char *late = NULL;
  g_autofree char *late_period = NULL;
  g_autofree char *missing = NULL;

  switch (p->status)
    {
    case ZB_PERIOD_HELD:
      held = zb_format_display_date (&p->held_on);
      return g_strdup_printf (_ ("The %1$s for %2$s was held on %3$s."), label, period_text, held);
    case ZB_PERIOD_NOT_YET:
      return g_strdup_printf (_ ("The %1$s for %2$s is to be held by %3$s."), label, period_text,
                              end);
    case ZB_PERIOD_DUE:
      if (p->n_held == 0)
        return g_strdup_printf (_ ("The %1$s for %2$s has not been held yet: hold it by %3$s."),
                                label, period_text, end);
      return g_strdup_printf (_ ("The %1$s for %2$s has been held %3$u times of the %4$u "
                                 "required: hold the others by %5$s."),
                              label, period_text, p->n_held, p->n_required, end);
    case ZB_PERIOD_OVERDUE:
    default:
      if (p->n_held == 0)
        missing = g_strdup_printf (_ ("No %1$s was held in %2$s."), label, period_text);
      else
        missing = g_strdup_printf (_ ("The %1$s was held only %3$u times in %2$s, not the "
                                      "%4$u required."),
                                   label, period_text, p->n_held, p->n_required);
      if (!g_date_valid (&p->next_held))
        return g_steal_pointer (&missing);
      /* A late meeting counts for its own period, never twice: say so, so that
       * the secretary sees why the late quarter is still open. */
      {
        guint index;
        g_autofree char *counts = NULL;

        zb_meeting_period_bounds (p->unit, &p->next_held, &index, NULL, NULL);
        late = zb_format_display_date (&p->next_held);
        late_period = zb_meeting_period_format (p->unit, g_date_get_year (&p->next_held), index);
        counts = g_strdup_printf (
            _ ("The next one, held on %1$s, counts for %2$s and cannot make up for this "
               "period."),
            late, late_period);
        /* TRANSLATORS: two sentences in a row; Chinese: "%s%s" */
        return g_strdup_printf (C_ ("sentences", "%s %s"), missing, counts);
      }
    }
}

/* The label in sentences: the kind, and for a 党小组会 the group's name. */
static char *
series_label (ZbMeetingKind kind, const ZbMeetingGroup *group)
{
  if (group != NULL && group->name != NULL && *group->name != '\0')
    /* TRANSLATORS: a group's meeting; %1$s the kind, %2$s the group's name.
     * Chinese: "%1$s（%2$s）" */
    return g_strdup_printf (C_ ("meeting of a group", "%1$s (%2$s)"),
                            zb_meeting_kind_get_label (kind), group->name);
  return g_strdup (zb_meeting_kind_get_label (kind));
}

static int
compare_julian (gconstpointer a, gconstpointer b)
{
  guint32 x = *(const guint32 *)a;
  guint32 y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

/* The periods of one kind (and group) in @year, added to @out. */
static void
add_series (GPtrArray *out, const ZbMeetingPlan *plan, ZbMeetingKind kind,
            const ZbMeetingGroup *group, const GArray *meetings, const GDate *since,
            const GDate *until, guint year, const GDate *today)
{
  ZbPeriodUnit unit = plan->unit[kind];
  guint times = MAX (plan->times[kind], 1);
  guint n_periods = 12 / zb_period_unit_get_months (unit);
  guint32 today_j = g_date_get_julian (today);
  g_autoptr (GArray) held = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree char *label = series_label (kind, group);

  /* The days this series' meetings were held on, up to today, sorted. */
  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const ZbHeldMeeting *m = &g_array_index (meetings, ZbHeldMeeting, i);
      guint32 j;

      if (m->kind != kind || !g_date_valid (&m->date))
        continue;
      if (group != NULL && m->group_id != group->id)
        continue;
      j = g_date_get_julian (&m->date);
      if (j <= today_j)
        g_array_append_val (held, j);
    }
  g_array_sort (held, compare_julian);

  for (guint index = 1; index <= n_periods; index++)
    {
      g_autoptr (ZbMeetingPeriod) p = g_new0 (ZbMeetingPeriod, 1);
      g_autofree char *period_text = NULL;
      g_autofree char *status = NULL;
      g_autofree char *rule = NULL;
      guint32 start_j, end_j;
      guint days;
      gboolean required;

      p->kind = kind;
      p->group_id = group != NULL ? group->id : 0;
      p->unit = unit;
      p->index = index;
      p->n_required = times;
      g_date_clear (&p->held_on, 1);
      g_date_clear (&p->next_held, 1);
      period_by_index (unit, year, index, &p->start, &p->end);
      start_j = g_date_get_julian (&p->start);
      end_j = g_date_get_julian (&p->end);

      for (guint i = 0; i < held->len; i++)
        {
          guint32 j = g_array_index (held, guint32, i);

          if (j >= start_j && j <= end_j)
            {
              if (p->n_held++ == 0)
                g_date_set_julian (&p->held_on, j);
            }
          else if (j > end_j && !g_date_valid (&p->next_held))
            g_date_set_julian (&p->next_held, j);
        }

      /* Required only when the branch (and group) existed for at least half
       * of the period: a branch set up on 20 March owes no March meeting. */
      days = end_j - start_j + 1;
      required = 2 * overlap_days (&p->start, &p->end, since, until) >= days;
      if (!required && p->n_held == 0)
        continue;

      if (p->n_held >= times || !required)
        p->status = ZB_PERIOD_HELD;
      else if (today_j < start_j)
        p->status = ZB_PERIOD_NOT_YET;
      else if (today_j > end_j)
        p->status = ZB_PERIOD_OVERDUE;
      else
        p->status = ZB_PERIOD_DUE;

      /* Only a meeting in the very next period reads as "held late" for this
       * one; a meeting months later says nothing about this period. */
      if (p->status == ZB_PERIOD_OVERDUE && g_date_valid (&p->next_held))
        {
          GDate next_start = p->end;
          GDate next_end;

          g_date_add_days (&next_start, 1);
          zb_meeting_period_bounds (unit, &next_start, NULL, NULL, &next_end);
          if (g_date_compare (&p->next_held, &next_end) > 0)
            g_date_clear (&p->next_held, 1);
        }
      else
        g_date_clear (&p->next_held, 1);
      p->code = p->status == ZB_PERIOD_DUE       ? ZB_RULE_MEETING_DUE
                : p->status == ZB_PERIOD_OVERDUE ? ZB_RULE_MEETING_OVERDUE
                                                 : ZB_RULE_OK;
      p->source = frequency_source (kind);

      period_text = zb_meeting_period_format (unit, year, index);
      status = status_sentence (p, label, period_text);
      rule = frequency_sentence (kind, label, unit, times);
      p->reason = g_strdup_printf (C_ ("sentences", "%s %s"), status, rule);
      g_ptr_array_add (out, g_steal_pointer (&p));
    }
}

GPtrArray *
zb_meeting_rhythm_for_year (const ZbMeetingPlan *plan, const GArray *meetings, const GArray *groups,
                            const GDate *branch_start, guint year, const GDate *today)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_period_free);

  g_return_val_if_fail (plan != NULL, out);
  g_return_val_if_fail (today != NULL && g_date_valid (today), out);
  g_return_val_if_fail (g_date_valid_year (year), out);

  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    {
      if (plan->unit[k] == ZB_PERIOD_NONE)
        continue;

      if (k != ZB_MEETING_GROUP)
        {
          add_series (out, plan, k, NULL, meetings, branch_start, NULL, year, today);
          continue;
        }

      /* 条例第十三条: each 党小组 meets monthly; a group set up after the
       * branch starts owing meetings from its own start. */
      for (guint g = 0; groups != NULL && g < groups->len; g++)
        {
          const ZbMeetingGroup *group = &g_array_index (groups, ZbMeetingGroup, g);
          GDate since;

          g_date_clear (&since, 1);
          if (g_date_valid (&group->since))
            since = group->since;
          if (branch_start != NULL && g_date_valid (branch_start)
              && (!g_date_valid (&since) || g_date_compare (branch_start, &since) > 0))
            since = *branch_start;
          add_series (out, plan, k, group, meetings, &since, &group->until, year, today);
        }
    }
  return out;
}

static int
compare_due (gconstpointer a, gconstpointer b)
{
  const ZbMeetingPeriod *x = *(ZbMeetingPeriod *const *)a;
  const ZbMeetingPeriod *y = *(ZbMeetingPeriod *const *)b;

  return g_date_compare (&x->end, &y->end);
}

GPtrArray *
zb_meeting_rhythm_warnings (const ZbMeetingPlan *plan, const GArray *meetings, const GArray *groups,
                            const GDate *branch_start, const GDate *today)
{
  g_autoptr (GPtrArray) all = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_period_free);

  g_return_val_if_fail (today != NULL && g_date_valid (today), out);

  all = zb_meeting_rhythm_for_year (plan, meetings, groups, branch_start, g_date_get_year (today),
                                    today);
  for (guint i = 0; i < all->len; i++)
    {
      ZbMeetingPeriod *p = g_ptr_array_index (all, i);

      if (p->status == ZB_PERIOD_DUE || p->status == ZB_PERIOD_OVERDUE)
        {
          g_ptr_array_add (out, p);
          all->pdata[i] = NULL;
        }
    }
  /* g_ptr_array_sort is stable: equal due dates keep the kind/group order. */
  g_ptr_array_sort (out, compare_due);
  return out;
}
