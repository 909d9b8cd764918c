/* test-id-number.c — 公民身份号码 checks (DOMAIN.md §4.3, TESTING.md "ID numbers")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zb-id-number.h"

static GDate today;

static void
set_today (int y, int m, int d)
{
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, d, m, y);
}

static void
assert_date (const GDate *date, int y, int m, int d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, y);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_day (date), ==, d);
}

/* The samples of the standard (TESTING.md): one ends in X. */
static void
test_valid_samples (void)
{
  ZbIdNumberInfo info;

  g_assert_cmpint (zb_id_number_parse ("11010519491231002X", &today, &info), ==, ZB_RULE_OK);
  g_assert_cmpstr (info.number, ==, "11010519491231002X");
  assert_date (&info.birth_date, 1949, 12, 31);
  /* 17th digit 2: even, female (§4.3) */
  g_assert_cmpint (info.gender, ==, ZB_GENDER_FEMALE);

  g_assert_cmpint (zb_id_number_parse ("440524188001010014", &today, &info), ==, ZB_RULE_OK);
  assert_date (&info.birth_date, 1880, 1, 1);
  /* 17th digit 1: odd, male */
  g_assert_cmpint (info.gender, ==, ZB_GENDER_MALE);

  /* spaces around a number copied from a spreadsheet cell do not matter */
  g_assert_cmpint (zb_id_number_parse (" 440524188001010014\t", &today, NULL), ==, ZB_RULE_OK);
}

static void
test_check_char (void)
{
  /* W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, S mod 11 → "10X98765432" */
  g_assert_cmpint (zb_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (zb_id_number_check_char ("44052418800101001"), ==, '4');
  g_assert_cmpint (zb_id_number_check_char ("4405241880010100"), ==, 0);
  g_assert_cmpint (zb_id_number_check_char ("4405241880010100a"), ==, 0);
}

static void
test_checksum (void)
{
  /* the standard's counter-example */
  g_assert_cmpint (zb_id_number_parse ("110105194912310021", &today, NULL), ==,
                   ZB_RULE_ID_CHECKSUM);
  /* one digit mistyped */
  g_assert_cmpint (zb_id_number_parse ("440524188001010024", &today, NULL), ==,
                   ZB_RULE_ID_CHECKSUM);
}

/* §4.3: accept lower-case x but store upper-case 'X'. */
static void
test_lower_case_x (void)
{
  ZbIdNumberInfo info;

  g_assert_cmpint (zb_id_number_parse ("11010519491231002x", &today, &info), ==, ZB_RULE_OK);
  g_assert_cmpstr (info.number, ==, "11010519491231002X");
}

static void
test_length (void)
{
  g_assert_cmpint (zb_id_number_parse ("", &today, NULL), ==, ZB_RULE_ID_LENGTH);
  g_assert_cmpint (zb_id_number_parse (NULL, &today, NULL), ==, ZB_RULE_ID_LENGTH);
  g_assert_cmpint (zb_id_number_parse ("11010519491231002", &today, NULL), ==, ZB_RULE_ID_LENGTH);
  g_assert_cmpint (zb_id_number_parse ("11010519491231002X1", &today, NULL), ==, ZB_RULE_ID_LENGTH);
  /* a 15-digit legacy number is not accepted as it is */
  g_assert_cmpint (zb_id_number_parse ("110105491231002", &today, NULL), ==, ZB_RULE_ID_LENGTH);
}

static void
test_format (void)
{
  /* X only in the last place */
  g_assert_cmpint (zb_id_number_parse ("1101051949123100X2", &today, NULL), ==, ZB_RULE_ID_FORMAT);
  g_assert_cmpint (zb_id_number_parse ("11010519491231002Y", &today, NULL), ==, ZB_RULE_ID_FORMAT);
  g_assert_cmpint (zb_id_number_parse ("11010519491231 02X", &today, NULL), ==, ZB_RULE_ID_FORMAT);
  /* 18 full-width digits: the right length in characters, the wrong characters */
  g_assert_cmpint (zb_id_number_parse ("４４０５２４１８８００１０１００１４", &today, NULL), ==,
                   ZB_RULE_ID_FORMAT);
}

static void
test_birth_date (void)
{
  char number[19];

  /* 30 February does not exist; the check digit is right, so only the date fails */
  memcpy (number, "11010519490230002", 17);
  number[17] = zb_id_number_check_char (number);
  number[18] = '\0';
  g_assert_cmpint (zb_id_number_parse (number, &today, NULL), ==, ZB_RULE_ID_BIRTHDATE);

  /* born tomorrow: not yet */
  memcpy (number, "11010520261128002", 17);
  number[17] = zb_id_number_check_char (number);
  g_assert_cmpint (zb_id_number_parse (number, &today, NULL), ==, ZB_RULE_ID_BIRTHDATE);

  /* born today: fine */
  memcpy (number, "11010520261127002", 17);
  number[17] = zb_id_number_check_char (number);
  g_assert_cmpint (zb_id_number_parse (number, &today, NULL), ==, ZB_RULE_OK);

  /* month 13 */
  memcpy (number, "11010519491331002", 17);
  number[17] = zb_id_number_check_char (number);
  g_assert_cmpint (zb_id_number_parse (number, &today, NULL), ==, ZB_RULE_ID_BIRTHDATE);
}

static void
test_mask (void)
{
  g_autofree char *masked = zb_id_number_mask ("11010519491231002X");
  g_autofree char *short_one = zb_id_number_mask ("1234");

  g_assert_cmpstr (masked, ==, "110105********002X");
  g_assert_cmpstr (short_one, ==, "****");
}

/* The codes are an interface for import reports and scripts. */
static void
test_code_strings (void)
{
  const struct
  {
    ZbRuleCode code;
    const char *text;
  } cases[] = {
    { ZB_RULE_ID_LENGTH, "id-length" },
    { ZB_RULE_ID_FORMAT, "id-format" },
    { ZB_RULE_ID_CHECKSUM, "id-checksum" },
    { ZB_RULE_ID_BIRTHDATE, "id-birthdate" },
    { ZB_RULE_DUPLICATE_ID, "duplicate-id" },
    { ZB_RULE_NAME_MISSING, "name-missing" },
    { ZB_RULE_GENDER_CONTRADICTS_ID, "gender-contradicts-id" },
    { ZB_RULE_DATE_FORMAT, "date-format" },
    { ZB_RULE_DATE_IN_FUTURE, "date-in-future" },
    { ZB_RULE_DATE_ORDER, "date-order" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ZbRuleCode back;

      g_assert_cmpstr (zb_rule_code_to_string (cases[i].code), ==, cases[i].text);
      g_assert_true (zb_rule_code_from_string (cases[i].text, &back));
      g_assert_cmpint (back, ==, cases[i].code);
      /* one sentence for the user, ending with a full stop */
      g_assert_true (g_str_has_suffix (zb_rule_code_get_message (cases[i].code), "."));
    }
  g_assert_false (zb_rule_code_from_string ("no-such-code", NULL));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  set_today (2026, 11, 27);

  g_test_add_func ("/id-number/valid-samples", test_valid_samples);
  g_test_add_func ("/id-number/check-char", test_check_char);
  g_test_add_func ("/id-number/checksum", test_checksum);
  g_test_add_func ("/id-number/lower-case-x", test_lower_case_x);
  g_test_add_func ("/id-number/length", test_length);
  g_test_add_func ("/id-number/format", test_format);
  g_test_add_func ("/id-number/birth-date", test_birth_date);
  g_test_add_func ("/id-number/mask", test_mask);
  g_test_add_func ("/id-number/code-strings", test_code_strings);

  return g_test_run ();
}
