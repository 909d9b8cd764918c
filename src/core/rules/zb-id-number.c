/* zb-id-number.c — 公民身份号码 (GB 11643-1999), DOMAIN.md §4.3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-id-number.h"

/* DOMAIN.md §4.3: W[i] = 2^(17-i) mod 11, and the check character for S mod 11. */
static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char check_chars[] = "10X98765432";

char
zb_id_number_check_char (const char *digits)
{
  int sum = 0;

  if (digits == NULL)
    return 0;

  for (guint i = 0; i < 17; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return 0;
      sum += (digits[i] - '0') * weights[i];
    }
  return check_chars[sum % 11];
}

static int
digits_value (const char *p, guint n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');
  return value;
}

ZbRuleCode
zb_id_number_parse (const char *text, const GDate *today, ZbIdNumberInfo *info)
{
  char number[ZB_ID_NUMBER_LENGTH + 1];
  const char *start;
  const char *end;
  int year, month, day;
  GDate birth;

  if (text == NULL)
    return ZB_RULE_ID_LENGTH;

  /* Cells copied from spreadsheets often carry spaces around the number. */
  start = text;
  while (*start == ' ' || *start == '\t')
    start++;
  end = start + strlen (start);
  while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
    end--;

  /* Counted in characters, so that a number typed with full-width digits is a
   * format problem, not a length problem. */
  if (!g_utf8_validate (start, end - start, NULL)
      || g_utf8_strlen (start, end - start) != ZB_ID_NUMBER_LENGTH)
    return ZB_RULE_ID_LENGTH;
  if (end - start != ZB_ID_NUMBER_LENGTH)
    return ZB_RULE_ID_FORMAT;

  memcpy (number, start, ZB_ID_NUMBER_LENGTH);
  number[ZB_ID_NUMBER_LENGTH] = '\0';

  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (number[i]))
      return ZB_RULE_ID_FORMAT;
  /* Lower-case x is accepted and stored upper-case (§4.3). */
  if (number[17] == 'x')
    number[17] = 'X';
  if (!g_ascii_isdigit (number[17]) && number[17] != 'X')
    return ZB_RULE_ID_FORMAT;

  year = digits_value (number + 6, 4);
  month = digits_value (number + 10, 2);
  day = digits_value (number + 12, 2);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return ZB_RULE_ID_BIRTHDATE;
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, day, month, year);
  if (today != NULL && g_date_valid (today) && g_date_compare (&birth, today) > 0)
    return ZB_RULE_ID_BIRTHDATE;

  if (zb_id_number_check_char (number) != number[17])
    return ZB_RULE_ID_CHECKSUM;

  if (info != NULL)
    {
      memcpy (info->number, number, sizeof number);
      info->birth_date = birth;
      /* the parity of the 17th digit (§4.3) */
      info->gender = ((number[16] - '0') % 2 == 1) ? ZB_GENDER_MALE : ZB_GENDER_FEMALE;
    }
  return ZB_RULE_OK;
}

char *
zb_id_number_mask (const char *number)
{
  if (number == NULL)
    return g_strdup ("");

  if (strlen (number) != ZB_ID_NUMBER_LENGTH)
    {
      glong n = g_utf8_validate (number, -1, NULL) ? g_utf8_strlen (number, -1)
                                                   : (glong)strlen (number);

      return g_strnfill (n, '*');
    }

  return g_strdup_printf ("%.6s********%.4s", number, number + 14);
}
