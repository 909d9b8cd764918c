/* zb-ballot-document.c — the 表决票 and the 票决结果报告单 of a vote of a
 * 支部党员大会 (DOMAIN.md §1.5, §5 row 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-ballot-document.h"
#include "zb-meeting-docs-private.h"

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set
#define form_row _zb_doc_form_row

/* Ballots a page: each is about a third of the 版心 (225 mm) with a subject
 * of two lines; a cut line between them. */
#define BALLOTS_PER_PAGE 3

/* The instruction printed on every ballot. */
#define BALLOT_INSTRUCTION "说明：在选定意见下的格内划“○”，多划或不划的无效。"

/* The title by what is voted on: 接收预备党员 and 转正 have their own. */
static const char *
ballot_title (const char *subject)
{
  if (subject == NULL)
    return "表决票";
  /* "…按期转正", "…转为中共正式党员" */
  if (strstr (subject, "转正") != NULL || strstr (subject, "正式党员") != NULL)
    return "预备党员转正表决票";
  /* "接收（吸收）…为中共预备党员" */
  if (strstr (subject, "预备党员") != NULL
      && (strstr (subject, "接收") != NULL || strstr (subject, "吸收") != NULL))
    return "接收预备党员表决票";
  return "表决票";
}

/* A line of full-width dashes across the 版心 with the words in the middle:
 * where to cut one ballot from the next. */
static char *
cut_line (void)
{
  ZbPageGeometry geo;
  guint n;
  g_autoptr (GString) line = g_string_new (NULL);
  const char *words = "沿此线剪开";
  guint side;

  zb_page_setup_get_geometry (ZB_PAGE_SETUP_OFFICIAL, &geo);
  /* The cut line is a note (smaller type): one full-width character each
   * note_size points, two characters' indent left out. */
  n = (guint)((geo.paper_width - geo.margin_left - geo.margin_right) / geo.note_size) - 2;
  side = (n - g_utf8_strlen (words, -1)) / 2;
  for (guint i = 0; i < side; i++)
    g_string_append (line, "－");
  g_string_append (line, words);
  for (guint i = 0; i < side; i++)
    g_string_append (line, "－");
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* One ballot, about 62 mm of the 225 mm 版心: the title, a form of the
 * branch, date and subject, the three boxes, the instruction. */
static void
add_ballot (ZbDocument *doc, const char *branch, const char *title, const char *subject,
            const char *date)
{
  g_autoptr (ZbTable) facts = zb_table_new ();
  g_autoptr (ZbTable) boxes = zb_table_new ();
  guint row;

  zb_document_add_title (doc, title);

  /* Label, value, label, value: the branch's name gets the room. */
  zb_table_add_column (facts, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (facts, NULL, 2.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (facts, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (facts, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (facts, (const char *const[]){ "党组织", branch, "日期", date, NULL });
  row = zb_table_append_row (facts, (const char *const[]){ "表决事项", subject, NULL });
  zb_table_set_span (facts, row, 1, 1, 3);
  zb_document_add_table (doc, facts);

  zb_table_add_column (boxes, "赞成", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (boxes, "不赞成", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (boxes, "弃权", 1.0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  row = zb_table_append_row (boxes, (const char *const[]){ "", "", "", NULL });
  /* Room for a mark made with a pen. */
  zb_table_set_row_min_height (boxes, row, ZB_MM_TO_PT (11));
  zb_document_add_table (doc, boxes);

  zb_document_add_text (doc, ZB_TEXT_NOTE, BALLOT_INSTRUCTION);
}

ZbDocument *
zb_ballot_document_new_for_vote (ZbMeetingRepo *meetings, ZbOrgRepo *org, const char *meeting_uuid,
                                 const char *vote_uuid, const char *org_name, GDateTime *print_date,
                                 GError **error)
{
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *cut = NULL;
  const ZbMeetingVote *vote = NULL;
  const char *title;
  ZbAttendanceCounts counts;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (meeting_uuid != NULL && vote_uuid != NULL, NULL);

  record = _zb_meeting_doc_get_vote (meetings, meeting_uuid, vote_uuid, &vote, error);
  if (record == NULL)
    return NULL;

  /* One ballot for each member with a vote who is expected: 应到有表决权. */
  zb_meeting_count_attendance (record->attendees, &counts);
  if (counts.voting_expected == 0)
    {
      g_set_error_literal (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID,
                           _ ("No full member with a vote is expected at this meeting, so there "
                              "are no ballots to print."));
      return NULL;
    }

  branch = _zb_meeting_doc_branch_name (org, record, org_name);
  date = _zb_doc_long_date (record->date);
  title = ballot_title (vote->subject);
  meta_title = g_strdup_printf ("%s（%s，%u张）", title, date, counts.voting_expected);
  cut = cut_line ();

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, branch);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  for (guint i = 0; i < counts.voting_expected; i++)
    {
      if (i > 0 && i % BALLOTS_PER_PAGE == 0)
        zb_document_add_page_break (doc);
      else if (i > 0)
        zb_document_add_text (doc, ZB_TEXT_NOTE, cut);
      add_ballot (doc, branch, title, or_empty (vote->subject), date);
    }
  return g_steal_pointer (&doc);
}

/* ------------------------------------------------------------------------- */

static char *
votes_text (guint n)
{
  return g_strdup_printf ("%u票", n);
}

ZbDocument *
zb_vote_report_document_new_for_vote (ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                      const char *meeting_uuid, const char *vote_uuid,
                                      const char *org_name, GDateTime *print_date, GError **error)
{
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) form = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *date = NULL;
  g_autofree char *meeting_name = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *present = NULL;
  g_autofree char *written = NULL;
  g_autofree char *yes = NULL;
  g_autofree char *no = NULL;
  g_autofree char *abstain = NULL;
  g_autofree char *result = NULL;
  const ZbMeetingVote *vote = NULL;
  ZbMeetingVoteOutcome outcome;
  const char *signers[] = { "支部书记（签字）：", NULL };
  guint row;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (meeting_uuid != NULL && vote_uuid != NULL, NULL);

  record = _zb_meeting_doc_get_vote (meetings, meeting_uuid, vote_uuid, &vote, error);
  if (record == NULL)
    return NULL;

  _zb_meeting_doc_vote_outcome (record, vote, &outcome);
  branch = _zb_meeting_doc_branch_name (org, record, org_name);
  date = _zb_doc_long_date (record->date);
  meeting_name = is_set (record->title)
                     ? g_strdup (record->title)
                     : g_strconcat (date, _zb_meeting_doc_kind_name (record->kind), NULL);
  meta_title = g_strdup_printf ("票决结果报告单（%s）", date);

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, branch);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  if (is_set (branch))
    zb_document_add_subtitle (doc, branch);
  zb_document_add_title (doc, "票决结果报告单");

  form = zb_table_new ();
  zb_table_add_column (form, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (form, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (form, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (form, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  expected = g_strdup_printf ("%u人", outcome.expected);
  present = g_strdup_printf ("%u人", outcome.present);
  /* Nothing recorded is left to be written in by hand. */
  written = vote->written_opinions > 0
                ? g_strdup_printf ("%u份（赞成，计入赞成票）", vote->written_opinions)
                : g_strdup ("　　　份");
  yes = votes_text (vote->yes);
  no = votes_text (vote->no);
  abstain = votes_text (vote->abstain);
  result = _zb_meeting_doc_outcome_text (vote, &outcome);

  form_row (form, (const char *const[]){ "党组织", branch, NULL });
  form_row (form, (const char *const[]){ "会议名称", meeting_name, NULL });
  form_row (form, (const char *const[]){
                      "会议日期", date, "表决方式",
                      vote->form == ZB_VOTE_FORM_SECRET_BALLOT ? "无记名投票" : "举手表决", NULL });
  form_row (form, (const char *const[]){ "表决事项", or_empty (vote->subject), NULL });
  form_row (form, (const char *const[]){ "应到有表决权人数", expected, "实到有表决权人数", present,
                                         NULL });
  form_row (form, (const char *const[]){ "书面意见数", written, NULL });
  form_row (form, (const char *const[]){ "赞成票", yes, "不赞成票", no, NULL });
  form_row (form, (const char *const[]){ "弃权票", abstain, NULL });
  row = form_row (form, (const char *const[]){ "表决结果", result, NULL });
  zb_table_set_row_min_height (form, row, ZB_MM_TO_PT (16));
  /* Signed by hand at the count. */
  row = form_row (form, (const char *const[]){ "计票人（签字）", "", "监票人（签字）", "", NULL });
  zb_table_set_row_min_height (form, row, ZB_MM_TO_PT (14));
  zb_document_add_table (doc, form);

  zb_document_add_spacer (doc, 0.3);
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "注：根据《中国共产党发展党员工作细则》，赞成人数（含书面意见）超过应到会"
                        "有表决权的正式党员人数的半数，方为通过；到会有表决权的人数未超过应到会"
                        "有表决权人数的半数的，不能进行表决。");
  zb_document_add_spacer (doc, 0.5);
  zb_document_add_signatures (doc, signers, date);

  return g_steal_pointer (&doc);
}
