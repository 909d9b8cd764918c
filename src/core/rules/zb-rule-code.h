/* zb-rule-code.h — stable codes for what the domain rules find wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One code per kind of problem. The string forms ("id-checksum", …) are stable:
 * import reports, JSON output and scripts rely on them, so never rename one,
 * only add. */
typedef enum
{
  ZB_RULE_OK,
  ZB_RULE_ID_LENGTH,                /* "id-length": not 18 characters */
  ZB_RULE_ID_FORMAT,                /* "id-format": not 17 digits and a digit or X */
  ZB_RULE_ID_CHECKSUM,              /* "id-checksum": MOD 11-2 check digit wrong */
  ZB_RULE_ID_BIRTHDATE,             /* "id-birthdate": no such date, or in the future */
  ZB_RULE_DUPLICATE_ID,             /* "duplicate-id": in the file or on the roster */
  ZB_RULE_NAME_MISSING,             /* "name-missing" */
  ZB_RULE_GENDER_CONTRADICTS_ID,    /* "gender-contradicts-id" */
  ZB_RULE_BIRTHDATE_CONTRADICTS_ID, /* "birthdate-contradicts-id" */
  ZB_RULE_DATE_FORMAT,              /* "date-format": not a real date */
  ZB_RULE_DATE_IN_FUTURE,           /* "date-in-future" */
  ZB_RULE_DATE_ORDER,               /* "date-order": e.g. 转正 before 入党 */
  ZB_RULE_ETHNICITY_INVALID,        /* "ethnicity-invalid": not one of the 56 */
  ZB_RULE_EDUCATION_INVALID,        /* "education-invalid" */
  ZB_RULE_PHONE_FORMAT,             /* "phone-format" */
  ZB_RULE_LOST_CONTACT_REASON,      /* "lost-contact-reason": not 1–7 */
  ZB_RULE_LEFT_KIND,                /* "left-kind": not a known form of 出党 */
} ZbRuleCode;

/* The stable string of @code ("ok" for ZB_RULE_OK). */
const char *zb_rule_code_to_string (ZbRuleCode code);
/* The code of a stable string; FALSE when unknown. */
gboolean zb_rule_code_from_string (const char *text, ZbRuleCode *code);
/* One translated sentence saying what is wrong, for the user. */
const char *zb_rule_code_get_message (ZbRuleCode code);

G_END_DECLS
