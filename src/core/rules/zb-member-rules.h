/* zb-member-rules.h — checking a member record, 党龄 and age (DOMAIN.md §1.4, §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions of plain values: no database, no GTK. "Today" is always a
 * parameter so that the rules can be tested on their boundaries.
 */
#pragma once

#include <glib.h>

#include "zb-member.h"
#include "zb-rule-code.h"

G_BEGIN_DECLS

/* One problem of a record: @field is the record's field (column) name, e.g.
 * "full_date"; @message a translated sentence. */
typedef struct
{
  char *field;
  ZbRuleCode code;
  char *message;
} ZbRuleProblem;

ZbRuleProblem *zb_rule_problem_new (const char *field, ZbRuleCode code, const char *message);
void zb_rule_problem_free (ZbRuleProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbRuleProblem, zb_rule_problem_free)

/* The name without ASCII white space and full-width spaces (U+3000) at either
 * end, and with runs of them inside collapsed to nothing between Chinese
 * characters ("张　三" → "张三") and to one ASCII space otherwise (foreign names). */
char *zb_trim_name (const char *name);

/* A phone number as stored: the digits only. Accepts spaces (ASCII and
 * full-width), dashes, dots, brackets and a leading +86/0086. Valid: a mobile
 * number (11 digits starting with 1) or a landline with its area code (0, then
 * 2–3 digits of area code and 7–8 digits: 10–12 digits in all). Extensions are
 * not accepted. Returns NULL for an invalid number. */
char *zb_normalize_phone (const char *phone);

/* Parses "YYYY-MM-DD" (a real calendar date). */
gboolean zb_parse_iso_date (const char *text, GDate *date);
/* "YYYY-MM-DD" of @date. */
char *zb_format_iso_date (const GDate *date);
/* @date as the user reads it, translated ("2026年11月27日" in zh_CN). */
char *zb_format_display_date (const GDate *date);

/* Whole years from @from to @to (the anniversary counts on the day itself; a
 * 29 February start counts on 28 February in common years); -1 if @to is
 * before @from. */
int zb_whole_years_between (const GDate *from, const GDate *to);

/* 党龄 (DOMAIN.md §1.4: counted from the day the member became full, 转正日期)
 * in whole years as of @as_of; -1 when @full_date is unknown, not a date, or
 * after @as_of. */
int zb_party_standing_years (const char *full_date, const GDate *as_of);

/* Age in whole years on @as_of; -1 when unknown. */
int zb_age_years (const char *birth_date, const GDate *as_of);

/* The 18th birthday of someone born on @birth (T1, DOMAIN.md §1.2/§1.4). */
void zb_eighteenth_birthday (const GDate *birth, GDate *out);

/* Normalises a record in place before it is checked and stored: trims the
 * name (zb_trim_name), upper-cases x in the ID number and trims it, stores a
 * valid phone number as digits, and fills an unknown gender or birth date from
 * a valid ID number. Never overwrites a known value with a different one: that
 * contradiction is for zb_member_validate() to report. */
void zb_member_normalize (ZbMemberRecord *record, const GDate *today);

/* Every problem of @record as of @today (DOMAIN.md §4.2, §4.3, §1.4 T1): a
 * GPtrArray of ZbRuleProblem, empty when there is none. Checks: name-missing;
 * the ID number (id-*); gender-contradicts-id and birthdate-contradicts-id;
 * date-format for each date; date-in-future; date-order (转正 before 入党,
 * 入党 before the 18th birthday, 参加工作 before birth, 入党 before birth,
 * 失联/出党 dates before birth); ethnicity 1–56; education code; phone format;
 * 失联情形 1–7; the form of 出党. The record is not changed: call
 * zb_member_normalize() first for the forgiving reading. */
GPtrArray *zb_member_validate (const ZbMemberRecord *record, const GDate *today);

G_END_DECLS
