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
  ZB_RULE_QUORUM_NOT_MET,           /* "quorum-not-met": too few present (§1.5, §2.2) */
  ZB_RULE_VOTE_NOT_PASSED,          /* "vote-not-passed": 赞成 not > half of 应到 */
  ZB_RULE_EXCELLENT_OVER_THIRD,     /* "excellent-over-third": 优秀 > 1/3 in 民主评议 */
  ZB_RULE_MEETING_DUE,              /* "meeting-due": this period's meeting not yet held */
  ZB_RULE_MEETING_OVERDUE,          /* "meeting-overdue": a past period without its meeting */
  ZB_RULE_TALKS_DUE,                /* "talks-due": 谈心谈话 not yet held this year */
  ZB_RULE_TALKS_MISSED,             /* "talks-missed": a past year's 谈心谈话 missing */
  ZB_RULE_APPLICATION_TALK_DUE,     /* "application-talk-due": T2, still within the month */
  ZB_RULE_APPLICATION_TALK_OVERDUE, /* "application-talk-overdue": T2 month over, no talk */
  ZB_RULE_APPLICATION_TALK_LATE,    /* "application-talk-late": T2 talk after the month */
} ZbRuleCode;

/* The stable string of @code ("ok" for ZB_RULE_OK). */
const char *zb_rule_code_to_string (ZbRuleCode code);
/* The code of a stable string; FALSE when unknown. */
gboolean zb_rule_code_from_string (const char *text, ZbRuleCode *code);
/* One translated sentence saying what is wrong, for the user. */
const char *zb_rule_code_get_message (ZbRuleCode code);

G_END_DECLS
