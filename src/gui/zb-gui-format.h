/* zb-gui-format.h — how the window writes dates, masked numbers and member facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026年11月27日" (in the UI language) for an ISO "YYYY-MM-DD"; @iso itself
 * when it is not such a date; "" for NULL. */
char *zb_format_date (const char *iso);
/* "2026年11月" for "YYYY-MM". */
char *zb_format_year_month (const char *iso);
/* Today as "YYYY-MM-DD", in local time. */
char *zb_format_today_iso (void);
void zb_format_today (GDate *date);

/* "138****1234": the first 3 and last 4 digits of a mobile or landline
 * number; short numbers are masked whole. "" for NULL. */
char *zb_format_mask_phone (const char *phone);
/* "110105********002X" (zb_id_number_mask()); "" for NULL. */
char *zb_format_mask_id (const char *id_number);

/* 党龄 as "12年", "不足1年", or "" when unknown. */
char *zb_format_party_years (const char *full_date);

/* Reads a date the way offices type it — 2010-07-01, 2010/7/1, 2010.07.01,
 * 2010年7月1日, 20100701 — into "YYYY-MM-DD"; NULL when it is not a real date.
 * Empty text gives NULL with *@empty set. */
char *zb_parse_typed_date (const char *text, gboolean *empty);
/* "YYYY-MM" from 2024-03, 2024/3, 2024.3, 2024年3月, 202403; NULL otherwise. */
char *zb_parse_typed_year_month (const char *text, gboolean *empty);

G_END_DECLS
