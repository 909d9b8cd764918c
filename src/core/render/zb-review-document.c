/* zb-review-document.c — the 民主评议党员测评结果汇总表 (DOMAIN.md §2.2,
 * §5 row 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet the branch keeps and reports upward after the 民主测评: who was
 * rated, with which grade, the count of each grade, and whether 优秀 stayed
 * within one third. The cap is a guide ("一般"), so an excess is stated with
 * the figures for the committee to weigh, never as a fault of the sheet.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-meeting-docs-private.h"
#include "zb-review-document.h"

#define or_empty _zb_doc_or_empty

/* The grades' official names, whatever the language of the interface. */
static const char *
grade_name (ZbReviewGrade grade)
{
  switch (grade)
    {
    case ZB_REVIEW_GRADE_EXCELLENT:
      return "优秀";
    case ZB_REVIEW_GRADE_QUALIFIED:
      return "合格";
    case ZB_REVIEW_GRADE_BASICALLY_QUALIFIED:
      return "基本合格";
    case ZB_REVIEW_GRADE_UNQUALIFIED:
      return "不合格";
    case ZB_REVIEW_GRADE_NONE:
    default:
      return "";
    }
}

static ZbTable *
grades_table (GPtrArray *grades)
{
  ZbTable *table = zb_table_new ();

  zb_table_add_column (table, "序号", 0.6, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "姓名", 1.4, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "评议等次", 1.2, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "备注", 2.8, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  for (guint i = 0; i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = { number, or_empty (g->member_name), grade_name (g->grade),
                              or_empty (g->remark), NULL };

      zb_table_append_row (table, cells);
    }
  return table;
}

/* 参评人数 and the count of each grade, in one row under its header. */
static ZbTable *
counts_table (const guint counts[ZB_APPRAISAL_N_GRADES], guint rated)
{
  ZbTable *table = zb_table_new ();
  g_autofree char *total = g_strdup_printf ("%u人", rated);
  g_autofree char *excellent = g_strdup_printf ("%u人", counts[ZB_GRADE_EXCELLENT]);
  g_autofree char *qualified = g_strdup_printf ("%u人", counts[ZB_GRADE_QUALIFIED]);
  g_autofree char *basic = g_strdup_printf ("%u人", counts[ZB_GRADE_BASICALLY_QUALIFIED]);
  g_autofree char *unqualified = g_strdup_printf ("%u人", counts[ZB_GRADE_UNQUALIFIED]);
  const char *cells[] = { total, excellent, qualified, basic, unqualified, NULL };

  zb_table_add_column (table, "参评人数", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "优秀", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "合格", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "基本合格", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "不合格", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (table, cells);
  return table;
}

/* The one-third check in the words of the sheet. */
static char *
cap_text (const ZbRuleCheck *check)
{
  if (check->ok)
    return g_strdup_printf ("优秀等次%u人，占参评党员%u人的比例未超过三分之一。", check->count,
                            check->total);
  return g_strdup_printf ("优秀等次%u人，超过参评党员%u人的三分之一（一般不超过%u人），"
                          "请支部委员会结合实际研究确定。",
                          check->count, check->total, check->threshold);
}

ZbDocument *
zb_review_document_new_for_uuid (ZbMeetingRepo *meetings, ZbOrgRepo *org, const char *meeting_uuid,
                                 const char *org_name, GDateTime *print_date, GError **error)
{
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GPtrArray) grades = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) table = NULL;
  g_autoptr (ZbTable) summary = NULL;
  g_autoptr (ZbTable) opinion = NULL;
  g_autoptr (ZbRuleCheck) check = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *cap = NULL;
  const char *signers[] = { "支部书记（签字）：", NULL };
  const char *opinion_cells[] = { "支部委员会（党员大会）评定意见", "", NULL };
  guint counts[ZB_APPRAISAL_N_GRADES];
  guint row;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  record = zb_meeting_repo_get (meetings, meeting_uuid, error);
  if (record == NULL)
    return NULL;
  grades = zb_meeting_repo_list_review_grades (meetings, meeting_uuid, error);
  if (grades == NULL)
    return NULL;
  if (grades->len == 0)
    {
      g_set_error_literal (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID,
                           _ ("No member has been graded at this meeting yet, so there is no "
                              "result sheet to print."));
      return NULL;
    }

  zb_meeting_grades_count (grades, counts);
  check = zb_meeting_grades_check (grades);
  branch = _zb_meeting_doc_branch_name (org, record, org_name);
  date = _zb_doc_long_date (record->date);
  meta_title = g_strdup_printf ("民主评议党员测评结果汇总表（%s）", date);

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, branch);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  zb_document_add_title (doc, "民主评议党员测评结果汇总表");
  zb_document_add_field (doc, "党组织：", branch);
  /* The meeting's title, when it has one, is left to the minutes: the sheet
   * names the appraisal by its date and should fit one page for a branch of
   * ordinary size. */
  zb_document_add_field (doc, "评议时间：", date);
  zb_document_add_spacer (doc, 0.2);

  table = grades_table (grades);
  zb_document_add_table (doc, table);
  zb_document_add_spacer (doc, 0.3);

  summary = counts_table (counts, check->total);
  zb_document_add_table (doc, summary);
  cap = cap_text (check);
  zb_document_add_text (doc, ZB_TEXT_PLAIN, cap);

  /* Written in by hand: the committee or the meeting decides (§2.2). */
  opinion = zb_table_new ();
  zb_table_add_column (opinion, NULL, 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (opinion, NULL, 3.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  row = zb_table_append_row (opinion, opinion_cells);
  zb_table_set_row_min_height (opinion, row, ZB_MM_TO_PT (18));
  zb_document_add_table (doc, opinion);
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "注：评议等次分为优秀、合格、基本合格、不合格四个等次；"
                        "评为优秀的党员一般不超过参评党员总数的三分之一。");
  zb_document_add_spacer (doc, 0.3);
  zb_document_add_signatures (doc, signers, date);

  return g_steal_pointer (&doc);
}
