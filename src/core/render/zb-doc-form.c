/* zb-doc-form.c — what the official forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-doc-form-private.h"
#include "zb-member-rules.h"

char *
_zb_doc_long_gdate (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%u年%u月%u日", g_date_get_year (date), (guint)g_date_get_month (date),
                          g_date_get_day (date));
}

char *
_zb_doc_short_gdate (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u.%02u.%02u", g_date_get_year (date), (guint)g_date_get_month (date),
                          g_date_get_day (date));
}

char *
_zb_doc_long_date (const char *date)
{
  GDate parsed;

  if (!_zb_doc_is_set (date))
    return g_strdup ("");
  if (!zb_parse_iso_date (date, &parsed))
    return g_strdup (date);
  return _zb_doc_long_gdate (&parsed);
}

char *
_zb_doc_short_date (const char *date)
{
  GDate parsed;

  if (!_zb_doc_is_set (date))
    return g_strdup ("");
  if (!zb_parse_iso_date (date, &parsed))
    return g_strdup (date);
  return _zb_doc_short_gdate (&parsed);
}

guint
_zb_doc_form_row (ZbTable *table, const char *const *cells)
{
  guint n = 0;
  guint row;

  while (cells[n] != NULL)
    n++;
  row = zb_table_append_row (table, cells);
  if (n == 2)
    zb_table_set_span (table, row, 1, 1, 3);
  for (guint c = 1; c < n; c += 2)
    zb_table_set_cell_alignment (table, row, c, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
  return row;
}
