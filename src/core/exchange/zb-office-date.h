/* zb-office-date.h — dates as offices type them into spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ZB_OFFICE_DATE_INVALID,   /* not a date we can read */
  ZB_OFFICE_DATE_DAY,       /* a full date */
  ZB_OFFICE_DATE_MONTH,     /* year and month only: @date is the 1st of the month */
  ZB_OFFICE_DATE_AMBIGUOUS, /* a number like 2010.1: January, or October that lost its 0 */
} ZbOfficeDate;

/* Reads `2010-07-01`, `2010/7/1`, `2010.07.01`, `2010年7月1日`, `20100701`, and
 * the year-month forms `2010-07`, `2010/7`, `2010.7`, `2010年7月`, `201007`.
 * Full-width digits and punctuation are accepted, spaces around are ignored, a
 * time after the date ("2010-07-01 00:00:00") is ignored. Day-month-year and
 * month-day-year orders are not read: they are ambiguous.
 *
 * Year-month dates are stored as the first of the month: the database holds
 * whole dates, and for 入党/转正/参加工作 only the month is usually on record. The
 * caller can tell it from the result. */
ZbOfficeDate zb_office_date_parse (const char *text, GDate *date);

/* A spreadsheet date serial (the integral part; the time of day is ignored).
 * In the 1900 system serial 1 is 1900-01-01 and, following Lotus 1-2-3, serial
 * 60 is the non-existent 1900-02-29 (refused), so serials from 61 on are one
 * more than the days since 1899-12-31; negative serials, which LibreOffice
 * writes for dates before 1900, count back from 1899-12-30. In the 1904
 * system 0 is 1904-01-01. Dates before the year 1000 are refused. */
gboolean zb_office_date_from_serial (double serial, gboolean date1904, GDate *date);

/* A number cell in a date column, not formatted as a date: 20100701 and 201007
 * are read as digits, 2010.07 as year and month (2010.1 is ambiguous), other
 * numbers above 2100 as date serials. @text is the number as the file wrote it
 * (NULL: formatted from @number). */
ZbOfficeDate zb_office_date_from_number (double number, const char *text, gboolean date1904,
                                         GDate *date);

/* "YYYY-MM-DD" of @date into @buf (without printf: it runs for every date of
 * every record of an import). */
void zb_office_date_to_iso (const GDate *date, char buf[11]);

G_END_DECLS
