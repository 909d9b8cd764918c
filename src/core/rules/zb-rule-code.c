/* zb-rule-code.c — stable codes for what the domain rules find wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-names.h"
#include "zb-rule-code.h"

/* Indexed by ZbRuleCode. The strings are an interface (import reports, JSON). */
static const char *const code_strings[] = {
  [ZB_RULE_OK] = "ok",
  [ZB_RULE_ID_LENGTH] = "id-length",
  [ZB_RULE_ID_FORMAT] = "id-format",
  [ZB_RULE_ID_CHECKSUM] = "id-checksum",
  [ZB_RULE_ID_BIRTHDATE] = "id-birthdate",
  [ZB_RULE_DUPLICATE_ID] = "duplicate-id",
  [ZB_RULE_NAME_MISSING] = "name-missing",
  [ZB_RULE_GENDER_CONTRADICTS_ID] = "gender-contradicts-id",
  [ZB_RULE_BIRTHDATE_CONTRADICTS_ID] = "birthdate-contradicts-id",
  [ZB_RULE_DATE_FORMAT] = "date-format",
  [ZB_RULE_DATE_IN_FUTURE] = "date-in-future",
  [ZB_RULE_DATE_ORDER] = "date-order",
  [ZB_RULE_ETHNICITY_INVALID] = "ethnicity-invalid",
  [ZB_RULE_EDUCATION_INVALID] = "education-invalid",
  [ZB_RULE_PHONE_FORMAT] = "phone-format",
  [ZB_RULE_LOST_CONTACT_REASON] = "lost-contact-reason",
  [ZB_RULE_LEFT_KIND] = "left-kind",
  [ZB_RULE_QUORUM_NOT_MET] = "quorum-not-met",
  [ZB_RULE_VOTE_NOT_PASSED] = "vote-not-passed",
  [ZB_RULE_EXCELLENT_OVER_THIRD] = "excellent-over-third",
  [ZB_RULE_MEETING_DUE] = "meeting-due",
  [ZB_RULE_MEETING_OVERDUE] = "meeting-overdue",
  [ZB_RULE_TALKS_DUE] = "talks-due",
  [ZB_RULE_TALKS_MISSED] = "talks-missed",
  [ZB_RULE_APPLICATION_TALK_DUE] = "application-talk-due",
  [ZB_RULE_APPLICATION_TALK_OVERDUE] = "application-talk-overdue",
  [ZB_RULE_APPLICATION_TALK_LATE] = "application-talk-late",
};

const char *
zb_rule_code_to_string (ZbRuleCode code)
{
  if ((guint)code >= G_N_ELEMENTS (code_strings))
    return "unknown";
  return code_strings[code];
}

gboolean
zb_rule_code_from_string (const char *text, ZbRuleCode *code)
{
  guint index;

  if (!zb_name_lookup (code_strings, G_N_ELEMENTS (code_strings), text, &index))
    return FALSE;
  if (code != NULL)
    *code = (ZbRuleCode)index;
  return TRUE;
}

const char *
zb_rule_code_get_message (ZbRuleCode code)
{
  switch (code)
    {
    case ZB_RULE_OK:
      return _ ("No problem was found.");
    case ZB_RULE_ID_LENGTH:
      return _ ("The ID number must have 18 characters.");
    case ZB_RULE_ID_FORMAT:
      return _ ("The ID number must be 17 digits followed by a digit or the letter X.");
    case ZB_RULE_ID_CHECKSUM:
      return _ ("The last character of the ID number does not match the others: a character "
                "was probably mistyped.");
    case ZB_RULE_ID_BIRTHDATE:
      return _ ("The birth date inside the ID number is not a real date or lies in the future.");
    case ZB_RULE_DUPLICATE_ID:
      return _ ("Another member on the roster already has this ID number.");
    case ZB_RULE_NAME_MISSING:
      return _ ("The name is missing.");
    case ZB_RULE_GENDER_CONTRADICTS_ID:
      return _ ("The gender does not match the ID number.");
    case ZB_RULE_BIRTHDATE_CONTRADICTS_ID:
      return _ ("The birth date does not match the ID number.");
    case ZB_RULE_DATE_FORMAT:
      return _ ("The date is not a real calendar date.");
    case ZB_RULE_DATE_IN_FUTURE:
      return _ ("The date lies in the future.");
    case ZB_RULE_DATE_ORDER:
      return _ ("The dates are in an impossible order.");
    case ZB_RULE_ETHNICITY_INVALID:
      return _ ("The ethnic group is not one of the 56 in the national list.");
    case ZB_RULE_EDUCATION_INVALID:
      return _ ("The education level is not one of the known levels.");
    case ZB_RULE_PHONE_FORMAT:
      return _ ("The phone number must be an 11-digit mobile number or a landline number with "
                "its area code.");
    case ZB_RULE_LOST_CONTACT_REASON:
      return _ ("The reason for losing contact must be one of the seven listed situations.");
    case ZB_RULE_LEFT_KIND:
      return _ ("The way the member left the Party is not one of the known forms.");
    case ZB_RULE_QUORUM_NOT_MET:
      return _ ("Not enough of those expected were present for the meeting to decide.");
    case ZB_RULE_VOTE_NOT_PASSED:
      return _ ("The votes in favour were not more than half of the voting members expected.");
    case ZB_RULE_EXCELLENT_OVER_THIRD:
      return _ ("More than one third of the members were rated excellent.");
    case ZB_RULE_MEETING_DUE:
      return _ ("A required meeting of the current period has not been held yet.");
    case ZB_RULE_MEETING_OVERDUE:
      return _ ("A required meeting was not held in its period.");
    case ZB_RULE_TALKS_DUE:
      return _ ("A heart-to-heart talk required this year has not been held yet.");
    case ZB_RULE_TALKS_MISSED:
      return _ ("A heart-to-heart talk required that year was not held.");
    case ZB_RULE_APPLICATION_TALK_DUE:
      return _ ("The talk with the applicant is due within one month of the application.");
    case ZB_RULE_APPLICATION_TALK_OVERDUE:
      return _ ("The month for the talk with the applicant has passed without a talk.");
    case ZB_RULE_APPLICATION_TALK_LATE:
      return _ ("The talk with the applicant was held more than one month after the "
                "application.");
    default:
      return _ ("The record breaks a rule.");
    }
}
