/* zb-office-date.c — dates as offices type them into spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "zb-office-date.h"

#define MIN_YEAR 1000
#define MAX_YEAR 9999
/* 9999-12-31 in the 1900 system, and 1000-01-01 (LibreOffice counts back
 * from 1899-12-30 for earlier dates) */
#define MAX_SERIAL 2958465.0
#define MIN_SERIAL -328716.0

static gboolean
set_date (GDate *date, guint year, guint month, guint day)
{
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return TRUE;
}

/* Reads 1 to @max_digits ASCII digits. */
static gboolean
read_number (const char **p, guint min_digits, guint max_digits, guint *value)
{
  guint n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (guint)(**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_digits || g_ascii_isdigit (**p))
    return FALSE;

  *value = v;
  return TRUE;
}

static gboolean
eat (const char **p, const char *word)
{
  gsize n = strlen (word);

  if (strncmp (*p, word, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (g_ascii_isspace (**p))
    (*p)++;
}

/* After the date: nothing, or a time of day ("00:00:00", "0:00"). */
static gboolean
at_end_or_time (const char *p)
{
  skip_spaces (&p);
  if (*p == '\0')
    return TRUE;
  if (*p == 'T')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == ':' || *p == '.')
    p++;
  skip_spaces (&p);
  return *p == '\0';
}

static ZbOfficeDate
parse_normalized (const char *p, GDate *date)
{
  const char *start;
  guint year = 0, month = 0, day = 0;
  char sep;

  skip_spaces (&p);
  start = p;

  /* digits only: 20100701, 201007 */
  while (g_ascii_isdigit (*p))
    p++;
  if (p - start == 8 || p - start == 6)
    {
      const char *end = p;

      if (!at_end_or_time (end))
        return ZB_OFFICE_DATE_INVALID;
      year = (guint)g_ascii_strtoull (start, NULL, 10);
      if (end - start == 6)
        {
          month = year % 100;
          year /= 100;
          return set_date (date, year, month, 1) ? ZB_OFFICE_DATE_MONTH : ZB_OFFICE_DATE_INVALID;
        }
      day = year % 100;
      month = year / 100 % 100;
      year /= 10000;
      return set_date (date, year, month, day) ? ZB_OFFICE_DATE_DAY : ZB_OFFICE_DATE_INVALID;
    }

  p = start;
  if (!read_number (&p, 4, 4, &year))
    return ZB_OFFICE_DATE_INVALID;

  skip_spaces (&p);
  if (eat (&p, "年"))
    {
      skip_spaces (&p);
      if (!read_number (&p, 1, 2, &month))
        return ZB_OFFICE_DATE_INVALID;
      skip_spaces (&p);
      if (!eat (&p, "月"))
        return ZB_OFFICE_DATE_INVALID;
      eat (&p, "份");
      skip_spaces (&p);
      if (*p == '\0')
        return set_date (date, year, month, 1) ? ZB_OFFICE_DATE_MONTH : ZB_OFFICE_DATE_INVALID;
      if (!read_number (&p, 1, 2, &day))
        return ZB_OFFICE_DATE_INVALID;
      skip_spaces (&p);
      if (!eat (&p, "日"))
        eat (&p, "号");
    }
  else
    {
      sep = *p;
      if (sep != '-' && sep != '/' && sep != '.')
        return ZB_OFFICE_DATE_INVALID;
      p++;
      if (!read_number (&p, 1, 2, &month))
        return ZB_OFFICE_DATE_INVALID;
      if (*p != sep || !g_ascii_isdigit (p[1]))
        {
          /* year and month, perhaps with a final dot: 2010.7, 2010.07. */
          if (sep == '.' && *p == '.')
            p++;
          if (!at_end_or_time (p))
            return ZB_OFFICE_DATE_INVALID;
          return set_date (date, year, month, 1) ? ZB_OFFICE_DATE_MONTH : ZB_OFFICE_DATE_INVALID;
        }
      p++;
      if (!read_number (&p, 1, 2, &day))
        return ZB_OFFICE_DATE_INVALID;
      if (sep == '.' && *p == '.')
        p++;
    }

  if (!at_end_or_time (p))
    return ZB_OFFICE_DATE_INVALID;

  return set_date (date, year, month, day) ? ZB_OFFICE_DATE_DAY : ZB_OFFICE_DATE_INVALID;
}

ZbOfficeDate
zb_office_date_parse (const char *text, GDate *date)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (date != NULL, ZB_OFFICE_DATE_INVALID);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return ZB_OFFICE_DATE_INVALID;

  /* NFKC turns full-width digits and ／－．(U+FF00…, bytes EF BC/BD) and the
   * ideographic space (E3 80 80) into ASCII; 年月日 stay. Most dates have none
   * of them, and normalising costs more than the rest of the parse. */
  if (strstr (text, "\xEF") == NULL && strstr (text, "\xE3\x80\x80") == NULL)
    return parse_normalized (text, date);

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normalized == NULL)
    return ZB_OFFICE_DATE_INVALID;

  return parse_normalized (normalized, date);
}

gboolean
zb_office_date_from_serial (double serial, gboolean date1904, GDate *date)
{
  double whole;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!isfinite (serial) || serial < MIN_SERIAL || serial > MAX_SERIAL)
    return FALSE;

  whole = floor (serial);
  g_date_clear (date, 1);

  if (date1904)
    {
      g_date_set_dmy (date, 1, G_DATE_JANUARY, 1904);
      if (whole >= 0)
        g_date_add_days (date, (guint)whole);
      else
        g_date_subtract_days (date, (guint)-whole);
      return g_date_get_year (date) >= MIN_YEAR;
    }

  /* 0 is "1900-01-00" and 60 is "1900-02-29" in Excel: neither is a day. */
  if (whole == 0 || whole == 60)
    return FALSE;

  if (whole > 0 && whole < 60)
    g_date_set_dmy (date, 31, G_DATE_DECEMBER, 1899);
  else
    g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);

  /* LibreOffice writes dates before 1900 as negative serials from 1899-12-30 */
  if (whole > 0)
    g_date_add_days (date, (guint)whole);
  else
    g_date_subtract_days (date, (guint)-whole);
  return g_date_get_year (date) >= MIN_YEAR;
}

ZbOfficeDate
zb_office_date_from_number (double number, const char *text, gboolean date1904, GDate *date)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;
  double whole;

  g_return_val_if_fail (date != NULL, ZB_OFFICE_DATE_INVALID);

  if (!isfinite (number) || number < 0)
    return ZB_OFFICE_DATE_INVALID;

  whole = floor (number);
  if (text == NULL)
    text = g_ascii_dtostr (buf, sizeof buf, number);

  if (whole == number && number >= 19000101 && number <= 99991231)
    {
      char digits[16];

      g_snprintf (digits, sizeof digits, "%.0f", number);
      return parse_normalized (digits, date);
    }
  if (whole == number && number >= 190001 && number <= 999912)
    {
      char digits[16];

      g_snprintf (digits, sizeof digits, "%.0f", number);
      return parse_normalized (digits, date);
    }

  /* 2010.07 typed into a cell became a number; 2010.10 became 2010.1. */
  if (number >= 1900 && number < 2101 && whole != number)
    {
      guint month;

      dot = strchr (text, '.');
      if (dot == NULL || strpbrk (text, "eE") != NULL)
        return ZB_OFFICE_DATE_INVALID;
      if (strcmp (dot, ".1") == 0)
        return ZB_OFFICE_DATE_AMBIGUOUS;
      month = (guint)lround ((number - whole) * (strlen (dot + 1) == 1 ? 10 : 100));
      if (strlen (dot + 1) > 2)
        return ZB_OFFICE_DATE_INVALID;
      return set_date (date, (guint)whole, month, 1) ? ZB_OFFICE_DATE_MONTH
                                                     : ZB_OFFICE_DATE_INVALID;
    }

  /* a year alone is not a date; smaller numbers would be dates before 1906 */
  if (number <= 2100)
    return ZB_OFFICE_DATE_INVALID;

  return zb_office_date_from_serial (number, date1904, date) ? ZB_OFFICE_DATE_DAY
                                                             : ZB_OFFICE_DATE_INVALID;
}

void
zb_office_date_to_iso (const GDate *date, char buf[11])
{
  guint y = g_date_get_year (date), m = g_date_get_month (date), d = g_date_get_day (date);

  buf[0] = (char)('0' + y / 1000 % 10);
  buf[1] = (char)('0' + y / 100 % 10);
  buf[2] = (char)('0' + y / 10 % 10);
  buf[3] = (char)('0' + y % 10);
  buf[4] = '-';
  buf[5] = (char)('0' + m / 10);
  buf[6] = (char)('0' + m % 10);
  buf[7] = '-';
  buf[8] = (char)('0' + d / 10);
  buf[9] = (char)('0' + d % 10);
  buf[10] = '\0';
}
