/* zb-member-rules.c — checking a member record, 党龄 and age (DOMAIN.md §1.4, §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-codes.h"
#include "zb-id-number.h"
#include "zb-member-rules.h"

ZbRuleProblem *
zb_rule_problem_new (const char *field, ZbRuleCode code, const char *message)
{
  ZbRuleProblem *problem = g_new0 (ZbRuleProblem, 1);

  problem->field = g_strdup (field);
  problem->code = code;
  problem->message = g_strdup (message != NULL ? message : zb_rule_code_get_message (code));
  return problem;
}

void
zb_rule_problem_free (ZbRuleProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

/* ------------------------------------------------------------------------- */
/* Names                                                                     */

static gboolean
is_name_space (gunichar c)
{
  /* ASCII white space, the full-width space of Chinese input methods, and the
   * no-break space that web pages and Word documents leave behind. */
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0;
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

char *
zb_trim_name (const char *name)
{
  GString *out;
  gboolean pending_space = FALSE;
  gunichar last = 0;

  if (name == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (name, -1, NULL))
    return g_utf8_make_valid (name, -1);

  out = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_name_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      /* "张　三" (spaces typed to align two-character names) is 张三; a space
       * between Latin letters ("Anna Li") is kept, as one. */
      if (pending_space && !(is_han (last) || is_han (c)))
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
      last = c;
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------- */
/* Phones                                                                    */

char *
zb_normalize_phone (const char *phone)
{
  GString *digits;
  const char *p;
  gsize n;

  if (phone == NULL || !g_utf8_validate (phone, -1, NULL))
    return NULL;

  digits = g_string_new (NULL);
  for (p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        g_string_append_c (digits, (char)c);
      else if (c >= 0xFF10 && c <= 0xFF19) /* full-width digits */
        g_string_append_c (digits, (char)('0' + (c - 0xFF10)));
      else if (c == '+' && digits->len == 0)
        continue;
      else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == 0x3000
               || c == 0xFF08 || c == 0xFF09 || c == 0xFF0D || c == 0x2014 || c == 0x2013
               || c == '\t')
        continue;
      else
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }

  /* The country code, written +86 or 0086, is not part of a domestic number. */
  if (g_str_has_prefix (phone, "+86") && digits->len > 2)
    g_string_erase (digits, 0, 2);
  else if (g_str_has_prefix (digits->str, "0086") && digits->len > 4)
    g_string_erase (digits, 0, 4);

  n = digits->len;
  if ((n == 11 && digits->str[0] == '1')
      || (n >= 10 && n <= 12 && digits->str[0] == '0' && digits->str[1] != '0'))
    return g_string_free (digits, FALSE);

  g_string_free (digits, TRUE);
  return NULL;
}

/* ------------------------------------------------------------------------- */
/* Dates                                                                     */

gboolean
zb_parse_iso_date (const char *text, GDate *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, d, m, y);
    }
  return TRUE;
}

char *
zb_format_iso_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
zb_format_display_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* TRANSLATORS: a date; %1$u is the year, %2$u the month (1–12), %3$u the
   * day. Chinese: "%1$u年%2$u月%3$u日" */
  return g_strdup_printf (C_ ("date", "%1$u-%2$02u-%3$02u"), (guint)g_date_get_year (date),
                          (guint)g_date_get_month (date), (guint)g_date_get_day (date));
}

int
zb_whole_years_between (const GDate *from, const GDate *to)
{
  int years;
  int from_month, from_day, to_month, to_day;

  g_return_val_if_fail (from != NULL && g_date_valid (from), -1);
  g_return_val_if_fail (to != NULL && g_date_valid (to), -1);

  if (g_date_compare (to, from) < 0)
    return -1;

  years = g_date_get_year (to) - g_date_get_year (from);
  from_month = g_date_get_month (from);
  from_day = g_date_get_day (from);
  to_month = g_date_get_month (to);
  to_day = g_date_get_day (to);

  /* Someone born on 29 February has their birthday on 28 February in common
   * years: it is the last day of the month they were born in. */
  if (from_month == 2 && from_day == 29 && !g_date_is_leap_year (g_date_get_year (to)))
    from_day = 28;

  if (to_month < from_month || (to_month == from_month && to_day < from_day))
    years--;
  return years;
}

int
zb_party_standing_years (const char *full_date, const GDate *as_of)
{
  GDate full;

  /* DOMAIN.md §1.4: 党龄 counts from the day the member became full. */
  if (!zb_parse_iso_date (full_date, &full))
    return -1;
  return zb_whole_years_between (&full, as_of);
}

int
zb_age_years (const char *birth_date, const GDate *as_of)
{
  GDate birth;

  if (!zb_parse_iso_date (birth_date, &birth))
    return -1;
  return zb_whole_years_between (&birth, as_of);
}

void
zb_eighteenth_birthday (const GDate *birth, GDate *out)
{
  guint year = g_date_get_year (birth) + 18;
  guint month = g_date_get_month (birth);
  guint day = g_date_get_day (birth);

  /* 29 February: the day the person turns 18 in a common year is 28 February,
   * as zb_whole_years_between() counts it. */
  if (month == 2 && day == 29 && !g_date_is_leap_year (year))
    day = 28;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

/* ------------------------------------------------------------------------- */
/* The record                                                                */

static void
replace_string (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

void
zb_member_normalize (ZbMemberRecord *record, const GDate *today)
{
  ZbIdNumberInfo info;

  g_return_if_fail (record != NULL);

  if (record->name != NULL)
    replace_string (&record->name, zb_trim_name (record->name));

  if (record->id_number != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (record->id_number));

      if (*trimmed == '\0')
        g_clear_pointer (&record->id_number, g_free);
      else if (zb_id_number_parse (trimmed, today, &info) == ZB_RULE_OK)
        {
          replace_string (&record->id_number, g_strdup (info.number));
          if (record->gender == ZB_GENDER_UNKNOWN)
            record->gender = info.gender;
          if (is_blank (record->birth_date))
            replace_string (&record->birth_date, zb_format_iso_date (&info.birth_date));
        }
      else
        {
          gsize len = strlen (trimmed);

          /* still upper-case a final x, so that what is stored is consistent */
          if (len > 0 && trimmed[len - 1] == 'x')
            trimmed[len - 1] = 'X';
          replace_string (&record->id_number, g_steal_pointer (&trimmed));
        }
    }

  if (record->phone != NULL)
    {
      g_autofree char *digits = zb_normalize_phone (record->phone);

      if (digits != NULL)
        replace_string (&record->phone, g_steal_pointer (&digits));
      else
        {
          g_strstrip (record->phone);
          if (*record->phone == '\0')
            g_clear_pointer (&record->phone, g_free);
        }
    }

  /* Empty strings mean unknown: store NULL so that "" never passes as a date. */
  {
    char **dates[] = { &record->birth_date, &record->work_start_date,   &record->joined_date,
                       &record->full_date,  &record->lost_contact_date, &record->left_date };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      if (*dates[i] != NULL)
        {
          g_strstrip (*dates[i]);
          if (**dates[i] == '\0')
            g_clear_pointer (dates[i], g_free);
        }
  }
}

static void
add_problem (GPtrArray *problems, const char *field, ZbRuleCode code, const char *message)
{
  g_ptr_array_add (problems, zb_rule_problem_new (field, code, message));
}

typedef struct
{
  const char *field;
  const char *text;
  gboolean valid;
  GDate date;
} DateField;

/* Reads one date field: date-format when it is set but no date, date-in-future
 * when after today. */
static void
check_date (GPtrArray *problems, DateField *f, const GDate *today)
{
  f->valid = FALSE;
  if (f->text == NULL)
    return;

  if (!zb_parse_iso_date (f->text, &f->date))
    {
      add_problem (problems, f->field, ZB_RULE_DATE_FORMAT, NULL);
      return;
    }
  f->valid = TRUE;
  if (g_date_compare (&f->date, today) > 0)
    add_problem (problems, f->field, ZB_RULE_DATE_IN_FUTURE, NULL);
}

/* @later must not be before @earlier; the problem is reported on @later. */
/* @message is untranslated (N_): translated only for a problem, as every
 * record of an import is checked and most have none. */
static void
check_order (GPtrArray *problems, const DateField *earlier, const DateField *later,
             const char *message)
{
  if (earlier->valid && later->valid && g_date_compare (&later->date, &earlier->date) < 0)
    add_problem (problems, later->field, ZB_RULE_DATE_ORDER, _ (message));
}

GPtrArray *
zb_member_validate (const ZbMemberRecord *record, const GDate *today)
{
  g_autoptr (GPtrArray) problems
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_rule_problem_free);
  g_autofree char *name = NULL;
  ZbIdNumberInfo id_info;
  gboolean id_valid = FALSE;
  DateField birth = { "birth_date", record->birth_date };
  DateField work = { "work_start_date", record->work_start_date };
  DateField joined = { "joined_date", record->joined_date };
  DateField full = { "full_date", record->full_date };
  DateField lost = { "lost_contact_date", record->lost_contact_date };
  DateField left = { "left_date", record->left_date };

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  /* 姓名 (§4.2): required, spaces do not count. */
  name = zb_trim_name (record->name);
  if (*name == '\0')
    add_problem (problems, "name", ZB_RULE_NAME_MISSING, NULL);

  /* 公民身份号码 (§4.3), and what it says about gender and birth date (§4.2). */
  if (!is_blank (record->id_number))
    {
      ZbRuleCode code = zb_id_number_parse (record->id_number, today, &id_info);

      if (code != ZB_RULE_OK)
        add_problem (problems, "id_number", code, NULL);
      else
        id_valid = TRUE;
    }

  if (id_valid && record->gender != ZB_GENDER_UNKNOWN && record->gender != id_info.gender)
    add_problem (problems, "gender", ZB_RULE_GENDER_CONTRADICTS_ID, NULL);

  check_date (problems, &birth, today);
  check_date (problems, &work, today);
  check_date (problems, &joined, today);
  check_date (problems, &full, today);
  check_date (problems, &lost, today);
  check_date (problems, &left, today);

  if (id_valid && birth.valid && g_date_compare (&birth.date, &id_info.birth_date) != 0)
    add_problem (problems, "birth_date", ZB_RULE_BIRTHDATE_CONTRADICTS_ID, NULL);

  /* The birth date the rules below use: the ID number's when the typed one is
   * missing or contradicts it (that contradiction is already reported). */
  if (id_valid)
    {
      birth.date = id_info.birth_date;
      birth.valid = TRUE;
    }

  /* 转正 is after 入党 (§1.4: 预备期 starts on the 入党 date). */
  check_order (problems, &joined, &full,
               N_ ("The date of full membership is before the date of joining the Party."));

  /* T1 (§1.2, §1.4): nobody joins before their 18th birthday. */
  if (birth.valid && joined.valid)
    {
      DateField adult = { "birth_date", NULL, TRUE };

      zb_eighteenth_birthday (&birth.date, &adult.date);
      check_order (problems, &adult, &joined,
                   N_ ("The date of joining the Party is before the member’s 18th birthday."));
    }

  check_order (problems, &birth, &work, N_ ("The date of starting work is before the birth date."));
  check_order (problems, &birth, &lost, N_ ("The date contact was lost is before the birth date."));
  check_order (problems, &birth, &left, N_ ("The date of leaving is before the birth date."));
  check_order (problems, &joined, &left,
               N_ ("The date of leaving is before the date of joining the Party."));

  /* 民族 (§4.4), 学历 (§4.5), 失联情形 (§4.2), 出党 (§4.6). */
  if (record->ethnicity != 0 && zb_ethnicity_get_name (record->ethnicity) == NULL)
    add_problem (problems, "ethnicity", ZB_RULE_ETHNICITY_INVALID, NULL);
  if (record->education != 0 && !zb_education_is_valid (record->education))
    add_problem (problems, "education", ZB_RULE_EDUCATION_INVALID, NULL);
  if (record->lost_contact_reason != 0
      && zb_lost_contact_reason_get_name (record->lost_contact_reason) == NULL)
    add_problem (problems, "lost_contact_reason", ZB_RULE_LOST_CONTACT_REASON, NULL);
  if (!is_blank (record->left_kind) && !zb_left_kind_from_string (record->left_kind, NULL))
    add_problem (problems, "left_kind", ZB_RULE_LEFT_KIND, NULL);

  if (!is_blank (record->phone))
    {
      g_autofree char *digits = zb_normalize_phone (record->phone);

      if (digits == NULL)
        add_problem (problems, "phone", ZB_RULE_PHONE_FORMAT, NULL);
    }

  return g_steal_pointer (&problems);
}
