/* zb-meeting-review.c — 民主评议党员: grades as plain records, and the
 * one-third cap on 优秀 over them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grades' stable names and the cap are the rules module's
 * (ZbAppraisalGrade, zb_appraisal_check_grades()); this file only adds the
 * "not graded" state the dialog and the repository need, so that there is one
 * place where a grade is named and one where the cap is counted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-meeting.h"

const char *
zb_review_grade_to_string (ZbReviewGrade grade)
{
  if (grade <= ZB_REVIEW_GRADE_NONE || grade >= ZB_REVIEW_N_GRADES)
    return NULL;
  return zb_appraisal_grade_to_string ((ZbAppraisalGrade)(grade - 1));
}

gboolean
zb_review_grade_from_string (const char *text, ZbReviewGrade *grade)
{
  ZbAppraisalGrade g;

  if (text == NULL || !zb_appraisal_grade_from_string (text, &g))
    return FALSE;
  if (grade != NULL)
    *grade = (ZbReviewGrade)(g + 1);
  return TRUE;
}

const char *
zb_review_grade_get_label (ZbReviewGrade grade)
{
  if (grade <= ZB_REVIEW_GRADE_NONE || grade >= ZB_REVIEW_N_GRADES)
    return C_ ("appraisal grade", "Not graded");
  return zb_appraisal_grade_get_label ((ZbAppraisalGrade)(grade - 1));
}

ZbMeetingGrade *
zb_meeting_grade_new (gint64 member_id, const char *member_name, ZbReviewGrade grade,
                      const char *remark)
{
  ZbMeetingGrade *g = g_new0 (ZbMeetingGrade, 1);

  g->member_id = member_id;
  g->member_name = g_strdup (member_name);
  g->grade = grade;
  g->remark = g_strdup (remark);
  return g;
}

ZbMeetingGrade *
zb_meeting_grade_copy (const ZbMeetingGrade *grade)
{
  ZbMeetingGrade *g;

  g_return_val_if_fail (grade != NULL, NULL);

  g = zb_meeting_grade_new (grade->member_id, grade->member_name, grade->grade, grade->remark);
  g->uuid = g_strdup (grade->uuid);
  return g;
}

void
zb_meeting_grade_free (ZbMeetingGrade *grade)
{
  if (grade == NULL)
    return;
  g_free (grade->uuid);
  g_free (grade->member_name);
  g_free (grade->remark);
  g_free (grade);
}

void
zb_meeting_grades_count (const GPtrArray *grades, guint counts[ZB_APPRAISAL_N_GRADES])
{
  for (guint i = 0; i < ZB_APPRAISAL_N_GRADES; i++)
    counts[i] = 0;
  for (guint i = 0; grades != NULL && i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index ((GPtrArray *)grades, i);

      if (g->grade > ZB_REVIEW_GRADE_NONE && g->grade < ZB_REVIEW_N_GRADES)
        counts[g->grade - 1]++;
    }
}

ZbRuleCheck *
zb_meeting_grades_check (const GPtrArray *grades)
{
  guint counts[ZB_APPRAISAL_N_GRADES];

  zb_meeting_grades_count (grades, counts);
  return zb_appraisal_check_grades (counts);
}

char *
zb_meeting_grades_describe_cap (const ZbRuleCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);

  /* DOMAIN.md §2.2: "优秀 generally ≤ 1/3 of members" — a guide, so the
   * sentence states the rule and the figures, not a fault. */
  return g_strdup_printf (_ ("Excellent is generally no more than one third of the members rated "
                             "(%1$u rated this time, at most %2$u; now %3$u)."),
                          check->total, check->threshold, check->count);
}
