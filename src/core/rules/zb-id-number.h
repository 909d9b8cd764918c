/* zb-id-number.h — 公民身份号码 (GB 11643-1999), DOMAIN.md §4.3
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "zb-member.h"
#include "zb-rule-code.h"

G_BEGIN_DECLS

#define ZB_ID_NUMBER_LENGTH 18

/* What a valid number tells. */
typedef struct
{
  char number[ZB_ID_NUMBER_LENGTH + 1]; /* normalised: upper-case X */
  GDate birth_date;                     /* digits 7–14 */
  ZbGender gender;                      /* digit 17: odd male, even female */
} ZbIdNumberInfo;

/* Checks @text as DOMAIN.md §4.3 says, in this order: length 18 (after
 * trimming spaces around it) → ZB_RULE_ID_LENGTH; 17 digits and a digit or
 * X/x → ZB_RULE_ID_FORMAT; a real birth date not after @today →
 * ZB_RULE_ID_BIRTHDATE; the MOD 11-2 check digit → ZB_RULE_ID_CHECKSUM.
 * Returns ZB_RULE_OK and fills @info (may be NULL) when valid. The area code is
 * not checked: it may name a county that no longer exists. */
ZbRuleCode zb_id_number_parse (const char *text, const GDate *today, ZbIdNumberInfo *info);

/* The ISO 7064 MOD 11-2 check character ('0'–'9' or 'X') of the first 17
 * digits of @digits, or 0 if they are not 17 digits. */
char zb_id_number_check_char (const char *digits);

/* For lists: the first 6 and last 4 characters with 8 asterisks between
 * ("110105********002X"); anything not 18 characters long is masked whole. */
char *zb_id_number_mask (const char *number);

G_END_DECLS
