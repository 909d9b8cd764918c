/* zb-gui-format.c — how the window writes dates, masked numbers and member facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-id-number.h"
#include "zb-member-rules.h"

char *
zb_format_date (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!zb_parse_iso_date (iso, &date))
    return g_strdup (iso);

  /* Translators: a date: %1$d is the year, %2$d the month, %3$d the day.
   * Chinese: "%1$d年%2$d月%3$d日". */
  return g_strdup_printf (_ ("%2$d/%3$d/%1$d"), g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

char *
zb_format_year_month (const char *iso)
{
  int year, month;

  if (iso == NULL)
    return g_strdup ("");
  if (sscanf (iso, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
    return g_strdup (iso);

  /* Translators: a month: %1$d is the year, %2$d the month. Chinese:
   * "%1$d年%2$d月". */
  return g_strdup_printf (_ ("%2$d/%1$d"), year, month);
}

void
zb_format_today (GDate *date)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

char *
zb_format_today_iso (void)
{
  GDate today;

  zb_format_today (&today);
  return zb_format_iso_date (&today);
}

char *
zb_format_mask_phone (const char *phone)
{
  gsize len;
  GString *masked;

  if (phone == NULL)
    return g_strdup ("");

  len = strlen (phone);
  if (len < 8)
    return g_strnfill (len, '*');

  /* Keep what identifies the line for the person who knows it: the prefix
   * and the last four digits. */
  masked = g_string_new_len (phone, 3);
  for (gsize i = 3; i < len - 4; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, phone + len - 4);

  return g_string_free (masked, FALSE);
}

char *
zb_format_mask_id (const char *id_number)
{
  if (id_number == NULL)
    return g_strdup ("");

  return zb_id_number_mask (id_number);
}

char *
zb_format_party_years (const char *full_date)
{
  GDate today;
  int years;

  if (full_date == NULL)
    return g_strdup ("");

  zb_format_today (&today);
  years = zb_party_standing_years (full_date, &today);
  if (years < 0)
    return g_strdup ("");
  if (years == 0)
    return g_strdup (_ ("Under 1 year"));

  /* Translators: 党龄 in whole years. Chinese: "%d年". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", years), years);
}

/* Splits @text at anything that is not an ASCII digit into at most @max
 * numbers; returns how many were found, or -1 for too many. */
static int
split_numbers (const char *text, int *numbers, int *widths, int max)
{
  int n = 0;

  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          gint64 value = 0;

          while (g_ascii_isdigit (*p) && p - start < 9)
            value = value * 10 + (*p++ - '0');
          if (g_ascii_isdigit (*p) || n == max)
            return -1;
          widths[n] = (int)(p - start);
          numbers[n++] = (int)value;
        }
      else
        p = g_utf8_next_char (p);
    }

  return n;
}

/* Only the separators offices use may stand between the numbers. */
static gboolean
only_date_separators (const char *text)
{
  static const char *const allowed[]
      = { "-", "/", ".", "年", "月", "日", " ", "\xe3\x80\x80", NULL };

  for (const char *p = text; *p != '\0';)
    {
      gboolean ok = g_ascii_isdigit (*p);
      gsize step = 1;

      for (guint i = 0; !ok && allowed[i] != NULL; i++)
        if (g_str_has_prefix (p, allowed[i]))
          {
            ok = TRUE;
            step = strlen (allowed[i]);
          }
      if (!ok)
        return FALSE;
      p += step;
    }

  return TRUE;
}

char *
zb_parse_typed_date (const char *text, gboolean *empty)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int numbers[3], widths[3];
  int n;
  GDate date;

  if (empty != NULL)
    *empty = stripped[0] == '\0';
  if (stripped[0] == '\0' || !only_date_separators (stripped))
    return NULL;

  n = split_numbers (stripped, numbers, widths, 3);
  if (n == 1 && widths[0] == 8)
    {
      numbers[2] = numbers[0] % 100;
      numbers[1] = numbers[0] / 100 % 100;
      numbers[0] = numbers[0] / 10000;
      widths[0] = 4;
    }
  else if (n != 3)
    return NULL;

  if (widths[0] != 4 || !g_date_valid_dmy (numbers[2], numbers[1], numbers[0]))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, numbers[2], numbers[1], numbers[0]);
  return zb_format_iso_date (&date);
}

char *
zb_parse_typed_year_month (const char *text, gboolean *empty)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  int numbers[2], widths[2];
  int n;

  if (empty != NULL)
    *empty = stripped[0] == '\0';
  if (stripped[0] == '\0' || !only_date_separators (stripped))
    return NULL;

  n = split_numbers (stripped, numbers, widths, 2);
  if (n == 1 && widths[0] == 6)
    {
      numbers[1] = numbers[0] % 100;
      numbers[0] = numbers[0] / 100;
      widths[0] = 4;
    }
  else if (n != 2)
    return NULL;

  if (widths[0] != 4 || numbers[0] < 1900 || numbers[1] < 1 || numbers[1] > 12)
    return NULL;

  return g_strdup_printf ("%04d-%02d", numbers[0], numbers[1]);
}
