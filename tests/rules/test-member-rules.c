/* test-member-rules.c — checking a member record, 党龄 and age
 * (DOMAIN.md §1.2/§1.4 T1, §1.4 党龄, §4.2, §4.3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "zb-member-rules.h"

static GDate today;

static GDate
make_date (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* A record with no problem: a woman born 1949-12-31 (the standard's sample). */
static ZbMemberRecord *
valid_record (void)
{
  ZbMemberRecord *r = zb_member_record_new ();

  r->name = g_strdup ("李秀英");
  r->gender = ZB_GENDER_FEMALE;
  r->id_number = g_strdup ("11010519491231002X");
  r->birth_date = g_strdup ("1949-12-31");
  r->ethnicity = 1;
  r->education = 20;
  r->work_start_date = g_strdup ("1968-09-01");
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("1975-07-01");
  r->full_date = g_strdup ("1976-07-01");
  r->phone = g_strdup ("13800138000");
  return r;
}

/* Exactly one problem, with this field and code. */
static void
assert_one_problem (const ZbMemberRecord *record, const char *field, ZbRuleCode code)
{
  g_autoptr (GPtrArray) problems = zb_member_validate (record, &today);

  for (guint i = 0; i < problems->len; i++)
    {
      const ZbRuleProblem *p = g_ptr_array_index (problems, i);

      g_test_message ("problem: %s %s %s", p->field, zb_rule_code_to_string (p->code), p->message);
    }
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((ZbRuleProblem *)g_ptr_array_index (problems, 0))->field, ==, field);
  g_assert_cmpstr (
      zb_rule_code_to_string (((ZbRuleProblem *)g_ptr_array_index (problems, 0))->code), ==,
      zb_rule_code_to_string (code));
  g_assert_nonnull (((ZbRuleProblem *)g_ptr_array_index (problems, 0))->message);
}

static void
assert_no_problem (const ZbMemberRecord *record)
{
  g_autoptr (GPtrArray) problems = zb_member_validate (record, &today);

  for (guint i = 0; i < problems->len; i++)
    {
      const ZbRuleProblem *p = g_ptr_array_index (problems, i);

      g_test_message ("unexpected: %s %s", p->field, zb_rule_code_to_string (p->code));
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_valid (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  assert_no_problem (r);
}

/* Names are trimmed of ASCII and full-width (U+3000) spaces (issue 3, §4.2). */
static void
test_trim_name (void)
{
  const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "  张三　", "张三" },
    { "　张　三　", "张三" },
    { "\t王 小 明\n", "王小明" },
    { "Anna  Li", "Anna Li" },
    { "　 ", "" },
    { "欧阳 Anna", "欧阳Anna" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *trimmed = zb_trim_name (cases[i].in);

      g_assert_cmpstr (trimmed, ==, cases[i].out);
    }
}

static void
test_name_missing (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->name);
  r->name = g_strdup ("　 \t");
  assert_one_problem (r, "name", ZB_RULE_NAME_MISSING);

  g_clear_pointer (&r->name, g_free);
  assert_one_problem (r, "name", ZB_RULE_NAME_MISSING);
}

/* §4.2: 性别 must match the parity of the 17th digit. */
static void
test_gender_contradicts_id (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  r->gender = ZB_GENDER_MALE;
  assert_one_problem (r, "gender", ZB_RULE_GENDER_CONTRADICTS_ID);

  /* unknown is not a contradiction: it is filled from the number */
  r->gender = ZB_GENDER_UNKNOWN;
  assert_no_problem (r);
}

/* §4.2: 出生日期 is digits 7–14 of the number. */
static void
test_birthdate_contradicts_id (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->birth_date);
  r->birth_date = g_strdup ("1949-12-30");
  assert_one_problem (r, "birth_date", ZB_RULE_BIRTHDATE_CONTRADICTS_ID);
}

static void
test_bad_id_number (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->id_number);
  r->id_number = g_strdup ("110105194912310021");
  assert_one_problem (r, "id_number", ZB_RULE_ID_CHECKSUM);

  g_free (r->id_number);
  r->id_number = g_strdup ("1101051949");
  assert_one_problem (r, "id_number", ZB_RULE_ID_LENGTH);
}

/* §1.4: 转正 is after 入党. */
static void
test_full_before_joined (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->full_date);
  r->full_date = g_strdup ("1975-06-30");
  assert_one_problem (r, "full_date", ZB_RULE_DATE_ORDER);
}

/* T1 (§1.2, §1.4): 入党 on the 18th birthday is allowed, the day before is not. */
static void
test_joined_before_eighteen (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_clear_pointer (&r->full_date, g_free);
  g_clear_pointer (&r->work_start_date, g_free);
  r->category = ZB_CATEGORY_PROBATIONARY;

  g_free (r->joined_date);
  r->joined_date = g_strdup ("1967-12-31"); /* exactly 18 */
  assert_no_problem (r);

  g_free (r->joined_date);
  r->joined_date = g_strdup ("1967-12-30"); /* the day before */
  assert_one_problem (r, "joined_date", ZB_RULE_DATE_ORDER);

  /* without an ID number the typed birth date counts */
  g_clear_pointer (&r->id_number, g_free);
  assert_one_problem (r, "joined_date", ZB_RULE_DATE_ORDER);
}

static void
test_work_before_birth (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->work_start_date);
  r->work_start_date = g_strdup ("1949-12-30");
  assert_one_problem (r, "work_start_date", ZB_RULE_DATE_ORDER);
}

static void
test_date_in_future (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->lost_contact_date);
  r->lost_contact_date = g_strdup ("2026-11-28"); /* tomorrow */
  r->lost_contact = TRUE;
  assert_one_problem (r, "lost_contact_date", ZB_RULE_DATE_IN_FUTURE);

  g_free (r->lost_contact_date);
  r->lost_contact_date = g_strdup ("2026-11-27"); /* today */
  assert_no_problem (r);
}

static void
test_date_format (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  g_free (r->work_start_date);
  r->work_start_date = g_strdup ("1968-02-30");
  assert_one_problem (r, "work_start_date", ZB_RULE_DATE_FORMAT);

  g_free (r->work_start_date);
  r->work_start_date = g_strdup ("1968/9/1");
  assert_one_problem (r, "work_start_date", ZB_RULE_DATE_FORMAT);
}

/* §4.4: 1–56; §4.5; §4.2 失联情形 1–7; §4.6 the forms of 出党. */
static void
test_codes (void)
{
  g_autoptr (ZbMemberRecord) r = valid_record ();

  r->ethnicity = 56;
  assert_no_problem (r);
  r->ethnicity = 57;
  assert_one_problem (r, "ethnicity", ZB_RULE_ETHNICITY_INVALID);
  r->ethnicity = 0; /* unknown */
  assert_no_problem (r);

  r->education = 25;
  assert_one_problem (r, "education", ZB_RULE_EDUCATION_INVALID);
  r->education = 30;

  r->lost_contact_reason = 7;
  assert_no_problem (r);
  r->lost_contact_reason = 8;
  assert_one_problem (r, "lost_contact_reason", ZB_RULE_LOST_CONTACT_REASON);
  r->lost_contact_reason = 0;

  r->left_kind = g_strdup ("expelled");
  assert_no_problem (r);
  g_free (r->left_kind);
  r->left_kind = g_strdup ("went-away");
  assert_one_problem (r, "left_kind", ZB_RULE_LEFT_KIND);
}

static void
test_phone (void)
{
  const struct
  {
    const char *in;
    const char *out; /* NULL: invalid */
  } cases[] = {
    { "13800138000", "13800138000" },
    { "138-0013-8000", "13800138000" },
    { "138 0013 8000", "13800138000" },
    { "+86 138 0013 8000", "13800138000" },
    { "0086-13800138000", "13800138000" },
    { "010-65528888", "01065528888" },
    { "(0755) 8888 6666", "075588886666" },
    { "0371－6666888", "03716666888" },
    { "１３８００１３８０００", "13800138000" },
    { "23800138000", NULL }, /* mobile numbers start with 1 */
    { "1380013800", NULL },  /* 10 digits, no area code */
    { "65528888", NULL },    /* landline without area code */
    { "010-65528888-123", NULL },
    { "138001380001", NULL },
    { "电话13800138000", NULL },
  };
  g_autoptr (ZbMemberRecord) r = valid_record ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *digits = zb_normalize_phone (cases[i].in);

      g_test_message ("phone %s", cases[i].in);
      g_assert_cmpstr (digits, ==, cases[i].out);
    }

  g_free (r->phone);
  r->phone = g_strdup ("6552 8888");
  assert_one_problem (r, "phone", ZB_RULE_PHONE_FORMAT);
}

/* The forgiving reading before checks: trimmed name, upper-case X, phone
 * digits, gender and birth date from the number. */
static void
test_normalize (void)
{
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();

  r->name = g_strdup ("　李　秀英 ");
  r->id_number = g_strdup (" 11010519491231002x ");
  r->phone = g_strdup ("138-0013-8000");
  r->joined_date = g_strdup ("");
  zb_member_normalize (r, &today);

  g_assert_cmpstr (r->name, ==, "李秀英");
  g_assert_cmpstr (r->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (r->phone, ==, "13800138000");
  g_assert_cmpint (r->gender, ==, ZB_GENDER_FEMALE);
  g_assert_cmpstr (r->birth_date, ==, "1949-12-31");
  g_assert_null (r->joined_date);

  /* a typed gender is never overwritten: the contradiction is reported */
  r->gender = ZB_GENDER_MALE;
  zb_member_normalize (r, &today);
  g_assert_cmpint (r->gender, ==, ZB_GENDER_MALE);
}

/* §1.4: 党龄 counts from 转正日期 in whole years. */
static void
test_party_standing (void)
{
  GDate d;

  d = make_date (2026, 6, 30);
  g_assert_cmpint (zb_party_standing_years ("2000-07-01", &d), ==, 25);
  d = make_date (2026, 7, 1);
  g_assert_cmpint (zb_party_standing_years ("2000-07-01", &d), ==, 26);
  d = make_date (2000, 7, 1);
  g_assert_cmpint (zb_party_standing_years ("2000-07-01", &d), ==, 0);
  d = make_date (2000, 6, 30);
  g_assert_cmpint (zb_party_standing_years ("2000-07-01", &d), ==, -1);
  g_assert_cmpint (zb_party_standing_years (NULL, &d), ==, -1);
  g_assert_cmpint (zb_party_standing_years ("2000-13-01", &d), ==, -1);
}

/* Age boundaries: exactly 18 years, the day before; 29 February. */
static void
test_age (void)
{
  GDate d;
  GDate birth, eighteen;

  d = make_date (2026, 11, 27);
  g_assert_cmpint (zb_age_years ("2008-11-27", &d), ==, 18);
  d = make_date (2026, 11, 26);
  g_assert_cmpint (zb_age_years ("2008-11-27", &d), ==, 17);

  /* born 29 February: 18 on 28 February of a common year */
  d = make_date (2022, 2, 28);
  g_assert_cmpint (zb_age_years ("2004-02-29", &d), ==, 18);
  d = make_date (2022, 2, 27);
  g_assert_cmpint (zb_age_years ("2004-02-29", &d), ==, 17);

  birth = make_date (2004, 2, 29);
  zb_eighteenth_birthday (&birth, &eighteen);
  d = make_date (2022, 2, 28);
  g_assert_cmpint (g_date_compare (&eighteen, &d), ==, 0);
}

static void
test_display_date (void)
{
  GDate d = make_date (2026, 11, 7);
  g_autofree char *iso = zb_format_iso_date (&d);
  g_autofree char *shown = zb_format_display_date (&d);

  g_assert_cmpstr (iso, ==, "2026-11-07");
  /* untranslated (C locale) */
  g_assert_cmpstr (shown, ==, "2026-11-07");
  g_assert_true (zb_parse_iso_date ("2024-02-29", NULL));
  g_assert_false (zb_parse_iso_date ("2023-02-29", NULL));
  g_assert_false (zb_parse_iso_date ("2023-2-28", NULL));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  today = make_date (2026, 11, 27);

  g_test_add_func ("/member-rules/valid", test_valid);
  g_test_add_func ("/member-rules/trim-name", test_trim_name);
  g_test_add_func ("/member-rules/name-missing", test_name_missing);
  g_test_add_func ("/member-rules/gender-contradicts-id", test_gender_contradicts_id);
  g_test_add_func ("/member-rules/birthdate-contradicts-id", test_birthdate_contradicts_id);
  g_test_add_func ("/member-rules/bad-id-number", test_bad_id_number);
  g_test_add_func ("/member-rules/full-before-joined", test_full_before_joined);
  g_test_add_func ("/member-rules/joined-before-eighteen", test_joined_before_eighteen);
  g_test_add_func ("/member-rules/work-before-birth", test_work_before_birth);
  g_test_add_func ("/member-rules/date-in-future", test_date_in_future);
  g_test_add_func ("/member-rules/date-format", test_date_format);
  g_test_add_func ("/member-rules/codes", test_codes);
  g_test_add_func ("/member-rules/phone", test_phone);
  g_test_add_func ("/member-rules/normalize", test_normalize);
  g_test_add_func ("/member-rules/party-standing", test_party_standing);
  g_test_add_func ("/member-rules/age", test_age);
  g_test_add_func ("/member-rules/display-date", test_display_date);

  return g_test_run ();
}
