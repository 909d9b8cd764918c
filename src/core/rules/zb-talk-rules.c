/* zb-talk-rules.c — 谈心谈话: yearly coverage (DOMAIN.md §2.2) and the talk
 * with an applicant within one month (DOMAIN.md §1.3 step 2, §1.4 T2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-member-rules.h"
#include "zb-org-rules.h"
#include "zb-talk-rules.h"

/* ── Coverage ──────────────────────────────────────────────────────────── */

void
zb_talk_coverage_free (ZbTalkCoverage *coverage)
{
  if (coverage == NULL)
    return;
  g_free (coverage->id);
  g_clear_pointer (&coverage->talked_by_committee, g_ptr_array_unref);
  g_clear_pointer (&coverage->missing_committee, g_ptr_array_unref);
  g_free (coverage->reason);
  g_free (coverage);
}

static const char *
coverage_source (void)
{
  /* DOMAIN.md §2.2: between 支委 and 支委, 支委 and 党员, generally at least
   * once a year. */
  return _ ("The rule on heart-to-heart talks: committee members with each other and with "
            "every member, at least once a year");
}

static const char *
person_name (const ZbTalkPerson *person)
{
  return person->name != NULL ? person->name : person->id;
}

/* "张三、李四" — the names of @ids (indices into @roster). */
static char *
join_names (const GArray *roster, GArray *indices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < indices->len; i++)
    {
      const ZbTalkPerson *p
          = &g_array_index (roster, ZbTalkPerson, g_array_index (indices, guint, i));

      if (i > 0)
        /* TRANSLATORS: between names in a list; Chinese: "、" */
        g_string_append (text, C_ ("list separator", ", "));
      g_string_append (text, person_name (p));
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  const GArray *roster;
  guint n;
  guint32 *last; /* n × n: the last day (julian) two people talked, 0 for never */
  guint year;
  GDate year_end;
  gboolean year_over;
} Coverage;

static void
note_talks (Coverage *c, const GArray *talks, GHashTable *index_of, const GDate *today)
{
  guint32 first = 0, last = 0;
  GDate jan1;

  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, 1, c->year);
  first = g_date_get_julian (&jan1);
  last = MIN (g_date_get_julian (&c->year_end), g_date_get_julian (today));

  for (guint t = 0; talks != NULL && t < talks->len; t++)
    {
      const ZbTalk *talk = &g_array_index (talks, ZbTalk, t);
      guint32 day;

      if (!g_date_valid (&talk->date) || talk->talkers == NULL || talk->talked_with == NULL)
        continue;
      day = g_date_get_julian (&talk->date);
      if (day < first || day > last)
        continue;

      for (guint i = 0; talk->talkers[i] != NULL; i++)
        for (guint j = 0; talk->talked_with[j] != NULL; j++)
          {
            gpointer a, b;
            guint x, y;

            /* Ids not on the roster (an applicant, a visitor) cover nobody. */
            if (!g_hash_table_lookup_extended (index_of, talk->talkers[i], NULL, &a)
                || !g_hash_table_lookup_extended (index_of, talk->talked_with[j], NULL, &b))
              continue;
            x = GPOINTER_TO_UINT (a);
            y = GPOINTER_TO_UINT (b);
            if (x == y)
              continue;
            c->last[x * c->n + y] = MAX (c->last[x * c->n + y], day);
            c->last[y * c->n + x] = c->last[x * c->n + y];
          }
    }
}

/* Whether roster person @i belongs to @year at all, and whether they are
 * required: on the roster by the year's end (and by today), not gone before
 * the year began; required unless they left during the year. */
static gboolean
in_year (const Coverage *c, guint i, const GDate *today, gboolean *required)
{
  const ZbTalkPerson *p = &g_array_index (c->roster, ZbTalkPerson, i);
  GDate jan1;

  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, 1, c->year);
  if (g_date_valid (&p->joined)
      && (g_date_compare (&p->joined, &c->year_end) > 0 || g_date_compare (&p->joined, today) > 0))
    return FALSE;
  if (g_date_valid (&p->left) && g_date_compare (&p->left, &jan1) < 0)
    return FALSE;
  *required = !g_date_valid (&p->left) || g_date_compare (&p->left, &c->year_end) > 0;
  return TRUE;
}

static char *
coverage_reason (const Coverage *c, const ZbTalkCoverage *cov, const ZbTalkPerson *p,
                 GArray *talked, GArray *missing)
{
  g_autofree char *names = NULL;
  g_autofree char *end = zb_format_display_date (&c->year_end);
  g_autofree char *sentence = NULL;
  g_autofree char *joined = NULL;
  GDate jan1;

  switch (cov->status)
    {
    case ZB_TALK_NOT_REQUIRED:
      joined = zb_format_display_date (&p->left);
      return g_strdup_printf (_ ("Left the branch on %1$s: no talk is required for %2$u."), joined,
                              c->year);
    case ZB_TALK_COVERED:
      names = join_names (c->roster, talked);
      if (p->committee && talked->len == 0)
        return g_strdup_printf (_ ("There is no other committee member to talk with in %u."),
                                c->year);
      if (p->committee)
        return g_strdup_printf (_ ("In %1$u, talked with every other committee member: %2$s."),
                                c->year, names);
      return g_strdup_printf (_ ("In %1$u, talked with committee member %2$s."), c->year, names);
    case ZB_TALK_DUE:
    case ZB_TALK_MISSED:
    default:
      if (p->committee)
        {
          names = join_names (c->roster, missing);
          sentence = cov->status == ZB_TALK_DUE
                         ? g_strdup_printf (_ ("In %1$u, has not yet talked with committee "
                                               "member(s) %2$s: due by %3$s."),
                                            c->year, names, end)
                         : g_strdup_printf (_ ("In %1$u, did not talk with committee member(s) "
                                               "%2$s."),
                                            c->year, names);
        }
      else
        sentence = cov->status == ZB_TALK_DUE
                       ? g_strdup_printf (_ ("In %1$u, no committee member has talked with this "
                                             "member yet: due by %2$s."),
                                          c->year, end)
                       : g_strdup_printf (_ ("In %u, no committee member talked with this member."),
                                          c->year);

      /* Say why a newcomer is already listed: the yearly rule covers them. */
      g_date_clear (&jan1, 1);
      g_date_set_dmy (&jan1, 1, 1, c->year);
      if (!g_date_valid (&p->joined) || g_date_compare (&p->joined, &jan1) <= 0)
        return g_steal_pointer (&sentence);
      joined = zb_format_display_date (&p->joined);
      {
        g_autofree char *why = g_strdup_printf (
            _ ("Joined the branch on %s; the yearly talk is required in the year of joining "
               "too."),
            joined);

        /* TRANSLATORS: two sentences in a row; Chinese: "%s%s" */
        return g_strdup_printf (C_ ("sentences", "%s %s"), sentence, why);
      }
    }
}

static ZbTalkCoverage *
coverage_of (const Coverage *c, guint i, const gboolean *listed, const gboolean *required)
{
  const ZbTalkPerson *p = &g_array_index (c->roster, ZbTalkPerson, i);
  ZbTalkCoverage *cov = g_new0 (ZbTalkCoverage, 1);
  g_autoptr (GArray) talked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) missing = g_array_new (FALSE, FALSE, sizeof (guint));
  guint32 last = 0;
  gboolean covered;

  cov->id = g_strdup (p->id);
  cov->committee = p->committee;
  cov->talked_by_committee = g_ptr_array_new_with_free_func (g_free);
  cov->missing_committee = g_ptr_array_new_with_free_func (g_free);
  cov->source = coverage_source ();
  g_date_clear (&cov->last_talk, 1);

  for (guint j = 0; j < c->n; j++)
    {
      const ZbTalkPerson *q = &g_array_index (c->roster, ZbTalkPerson, j);
      guint32 day = c->last[i * c->n + j];

      if (j == i)
        continue;
      if (q->committee && day != 0)
        {
          g_array_append_val (talked, j);
          g_ptr_array_add (cov->talked_by_committee, g_strdup (q->id));
          last = MAX (last, day);
        }
      else if (p->committee && q->committee && listed[j] && required[j])
        {
          g_array_append_val (missing, j);
          g_ptr_array_add (cov->missing_committee, g_strdup (q->id));
        }
      if (p->committee && !q->committee && day != 0)
        cov->n_members_talked++;
    }
  if (last != 0)
    g_date_set_julian (&cov->last_talk, last);

  /* 支委–支委: every pair; 支委–党员: at least one committee member each. */
  covered = p->committee ? missing->len == 0 : talked->len > 0;
  if (!required[i])
    cov->status = ZB_TALK_NOT_REQUIRED;
  else if (covered)
    cov->status = ZB_TALK_COVERED;
  else
    cov->status = c->year_over ? ZB_TALK_MISSED : ZB_TALK_DUE;
  cov->code = cov->status == ZB_TALK_DUE      ? ZB_RULE_TALKS_DUE
              : cov->status == ZB_TALK_MISSED ? ZB_RULE_TALKS_MISSED
                                              : ZB_RULE_OK;
  cov->reason = coverage_reason (c, cov, p, talked, missing);
  return cov;
}

GPtrArray *
zb_talk_coverage_for_year (const GArray *talks, const GArray *roster, guint year,
                           const GDate *today)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_coverage_free);
  g_autoptr (GHashTable) index_of = NULL;
  g_autofree gboolean *listed = NULL;
  g_autofree gboolean *required = NULL;
  g_autofree guint32 *last = NULL;
  Coverage c = { 0 };

  g_return_val_if_fail (today != NULL && g_date_valid (today), out);
  g_return_val_if_fail (g_date_valid_year (year), out);
  if (roster == NULL || roster->len == 0)
    return out;

  c.roster = roster;
  c.n = roster->len;
  c.year = year;
  g_date_clear (&c.year_end, 1);
  g_date_set_dmy (&c.year_end, 31, 12, year);
  c.year_over = g_date_compare (today, &c.year_end) > 0;
  last = g_new0 (guint32, (gsize)c.n * c.n);
  c.last = last;
  listed = g_new0 (gboolean, c.n);
  required = g_new0 (gboolean, c.n);

  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < c.n; i++)
    {
      const ZbTalkPerson *p = &g_array_index (roster, ZbTalkPerson, i);

      g_return_val_if_fail (p->id != NULL, out);
      g_hash_table_insert (index_of, (gpointer)p->id, GUINT_TO_POINTER (i));
      listed[i] = in_year (&c, i, today, &required[i]);
    }

  note_talks (&c, talks, index_of, today);

  for (guint i = 0; i < c.n; i++)
    if (listed[i])
      g_ptr_array_add (out, coverage_of (&c, i, listed, required));
  return out;
}

GPtrArray *
zb_talk_coverage_missing (const GArray *talks, const GArray *roster, guint year, const GDate *today)
{
  g_autoptr (GPtrArray) all = zb_talk_coverage_for_year (talks, roster, year, today);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_coverage_free);

  for (guint i = 0; i < all->len; i++)
    {
      ZbTalkCoverage *cov = g_ptr_array_index (all, i);

      if (cov->status == ZB_TALK_DUE || cov->status == ZB_TALK_MISSED)
        {
          g_ptr_array_add (out, cov);
          all->pdata[i] = NULL;
        }
    }
  return out;
}

/* ── T2 ────────────────────────────────────────────────────────────────── */

void
zb_application_talk_check_free (ZbApplicationTalkCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->message);
  g_free (check);
}

void
zb_application_talk_deadline (const GDate *applied, GDate *deadline)
{
  g_return_if_fail (applied != NULL && g_date_valid (applied));
  g_return_if_fail (deadline != NULL);

  /* DOMAIN.md §1.4: calendar months, clamped to the month's end — the same
   * arithmetic as every other "months" rule here (zb-org-rules.h). */
  zb_date_add_months_clamped (applied, 1, deadline);
}

ZbApplicationTalkCheck *
zb_application_talk_check (const GDate *applied, const GArray *talk_dates, const GDate *today)
{
  ZbApplicationTalkCheck *check;
  g_autofree char *applied_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *talk_text = NULL;

  g_return_val_if_fail (applied != NULL && g_date_valid (applied), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  check = g_new0 (ZbApplicationTalkCheck, 1);
  /* 细则第七条: the Party organisation sends someone to talk with the
   * applicant within one month of receiving the application. */
  check->source = _ ("Article 7 of the Detailed Rules for the Development of Party Members");
  zb_application_talk_deadline (applied, &check->deadline);
  g_date_clear (&check->talk_date, 1);

  for (guint i = 0; talk_dates != NULL && i < talk_dates->len; i++)
    {
      const GDate *d = &g_array_index (talk_dates, GDate, i);

      if (!g_date_valid (d) || g_date_compare (d, applied) < 0 || g_date_compare (d, today) > 0)
        continue;
      if (!g_date_valid (&check->talk_date) || g_date_compare (d, &check->talk_date) < 0)
        check->talk_date = *d;
    }

  applied_text = zb_format_display_date (applied);
  deadline_text = zb_format_display_date (&check->deadline);
  if (g_date_valid (&check->talk_date))
    {
      talk_text = zb_format_display_date (&check->talk_date);
      if (g_date_compare (&check->talk_date, &check->deadline) <= 0)
        {
          check->state = ZB_DEADLINE_MET;
          check->message = g_strdup_printf (
              _ ("The talk on %1$s was held within one month of the application of %2$s."),
              talk_text, applied_text);
        }
      else
        {
          check->state = ZB_DEADLINE_LATE;
          check->message = g_strdup_printf (
              _ ("The talk on %1$s was held late: after an application received on %2$s, "
                 "the talk is due by %3$s."),
              talk_text, applied_text, deadline_text);
        }
    }
  else if (g_date_compare (today, &check->deadline) <= 0)
    {
      check->state = ZB_DEADLINE_DUE;
      check->message = g_strdup_printf (
          _ ("The application was received on %1$s: send someone to talk with the applicant "
             "by %2$s."),
          applied_text, deadline_text);
    }
  else
    {
      check->state = ZB_DEADLINE_OVERDUE;
      check->message = g_strdup_printf (
          _ ("The application was received on %1$s and the talk was due by %2$s, but no talk "
             "has been recorded: hold it as soon as possible."),
          applied_text, deadline_text);
    }

  check->code = check->state == ZB_DEADLINE_DUE       ? ZB_RULE_APPLICATION_TALK_DUE
                : check->state == ZB_DEADLINE_OVERDUE ? ZB_RULE_APPLICATION_TALK_OVERDUE
                : check->state == ZB_DEADLINE_LATE    ? ZB_RULE_APPLICATION_TALK_LATE
                                                      : ZB_RULE_OK;
  return check;
}
