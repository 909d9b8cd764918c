/* zb-branch-resolution-document.c — the 支部大会决议 of a meeting (DOMAIN.md
 * §1.5, §5 row 3), in the GB/T 9704 layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-branch-resolution-document.h"
#include "zb-meeting-docs-private.h"

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set

static const char *const numerals[]
    = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* "一、", …, "十、", then "11．". */
static char *
item_label (guint i)
{
  return i < G_N_ELEMENTS (numerals) ? g_strdup_printf ("%s、", numerals[i])
                                     : g_strdup_printf ("%u．", i + 1);
}

/* The opening paragraph: when, who met, who was expected and came. */
static char *
opening_text (const ZbMeetingRecord *m, const char *branch, const char *chair,
              const ZbAttendanceCounts *counts)
{
  g_autofree char *date = _zb_doc_long_date (m->date);
  g_autoptr (ZbRuleCheck) quorum = zb_meeting_check_attendance (m->kind, counts);
  g_autoptr (GString) out = g_string_new (NULL);

  g_string_append_printf (out, "%s，%s召开%s", date, branch, _zb_meeting_doc_kind_name (m->kind));
  if (is_set (m->title))
    g_string_append_printf (out, "（%s）", m->title);
  g_string_append_printf (out, "。应到会有表决权的正式党员%u名，实到会%u名",
                          counts->voting_expected, counts->voting_present);
  if (quorum != NULL && quorum->ok)
    g_string_append (out, "，超过应到会有表决权党员的半数，符合规定");
  else if (quorum != NULL)
    g_string_append (out, "，未超过应到会有表决权党员的半数，不能进行表决");
  g_string_append (out, "。");
  if (is_set (chair))
    g_string_append_printf (out, "会议由%s同志主持。", chair);
  if (m->topics->len > 0)
    {
      g_string_append (out, "会议议题：");
      for (guint i = 0; i < m->topics->len; i++)
        {
          const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);

          /* A single topic needs no number. */
          if (m->topics->len == 1)
            g_string_append (out, or_empty (t->title));
          else
            g_string_append_printf (out, "%s%u．%s", i > 0 ? "；" : "", i + 1, or_empty (t->title));
        }
      g_string_append (out, "。");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* One vote in a sentence: what, how, the count and the result by §1.5. */
static char *
vote_text (const ZbMeetingRecord *m, const ZbMeetingVote *v)
{
  ZbMeetingVoteOutcome outcome;
  g_autoptr (GString) out = g_string_new (NULL);

  _zb_meeting_doc_vote_outcome (m, v, &outcome);
  g_string_append_printf (out, "会议对“%s”进行了%s，赞成%u票", or_empty (v->subject),
                          v->form == ZB_VOTE_FORM_SECRET_BALLOT ? "无记名投票表决" : "举手表决",
                          v->yes + v->written_opinions);
  if (v->written_opinions > 0)
    g_string_append_printf (out, "（含书面意见%u份）", v->written_opinions);
  g_string_append_printf (out, "，不赞成%u票，弃权%u票。", v->no, v->abstain);
  if (!outcome.quorum_ok)
    g_string_append (out, "因到会有表决权党员未超过半数，表决无效。");
  else if (outcome.passed)
    g_string_append (out, "赞成票超过应到会有表决权党员的半数，表决通过。");
  else
    g_string_append_printf (out,
                            "赞成票未超过应到会有表决权党员的半数（须至少%u票），"
                            "表决未通过。",
                            outcome.threshold);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
resolution_text (const ZbMeetingResolution *r, const char *label)
{
  g_autoptr (GString) out = g_string_new (label);
  g_autofree char *due = _zb_doc_long_date (r->due_date);

  g_string_append (out, or_empty (r->text));
  /* The owner and the due date go before the stop, whatever the secretary
   * typed at the end; a sentence always ends with one. */
  while (g_str_has_suffix (out->str, "。") || g_str_has_suffix (out->str, "；"))
    g_string_truncate (out, out->len - strlen ("。"));
  if (is_set (r->owner_name) && *due != '\0')
    g_string_append_printf (out, "（责任人：%s，完成时限：%s）", r->owner_name, due);
  else if (is_set (r->owner_name))
    g_string_append_printf (out, "（责任人：%s）", r->owner_name);
  else if (*due != '\0')
    g_string_append_printf (out, "（完成时限：%s）", due);
  g_string_append (out, "。");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

ZbDocument *
zb_branch_resolution_document_new_for_uuid (ZbMeetingRepo *meetings, ZbMemberRepo *members,
                                            ZbOrgRepo *org, const char *meeting_uuid,
                                            const char *resolution_uuid, const char *org_name,
                                            GDateTime *print_date, GError **error)
{
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *date = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *kind_title = NULL;
  g_autofree char *title = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *opening = NULL;
  ZbAttendanceCounts counts;
  const char *signers[] = { "党支部（盖章）：", "支部书记（签字）：", NULL };

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (members == NULL || ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  m = zb_meeting_repo_get (meetings, meeting_uuid, error);
  if (m == NULL)
    return NULL;

  for (guint i = 0; i < m->resolutions->len; i++)
    {
      ZbMeetingResolution *r = g_ptr_array_index (m->resolutions, i);

      if (resolution_uuid == NULL || g_strcmp0 (r->uuid, resolution_uuid) == 0)
        g_ptr_array_add (chosen, r);
    }
  if (resolution_uuid != NULL && chosen->len == 0)
    {
      g_set_error_literal (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND,
                           _ ("This meeting has no such resolution."));
      return NULL;
    }
  if (chosen->len == 0 && m->votes->len == 0)
    {
      g_set_error_literal (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID,
                           _ ("This meeting recorded no vote and no resolution, so there is no "
                              "resolution to print."));
      return NULL;
    }

  chair = g_strdup (_zb_meeting_doc_attendee_name (m, m->chair_id));
  if (chair == NULL && members != NULL && m->chair_id != 0)
    {
      chair = _zb_meeting_doc_name_on_roster (members, m->chair_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  zb_meeting_count_attendance (m->attendees, &counts);
  branch = _zb_meeting_doc_branch_name (org, m, org_name);
  date = _zb_doc_long_date (m->date);
  /* 支部大会决议; a resolution of another kind of meeting says which. */
  kind_title = m->kind == ZB_MEETING_GENERAL
                   ? g_strdup ("支部大会决议")
                   : g_strconcat (_zb_meeting_doc_kind_name (m->kind), "决议", NULL);
  title = is_set (branch) ? g_strconcat (branch, "\n", kind_title, NULL) : g_strdup (kind_title);
  meta_title = g_strdup_printf ("%s（%s）", kind_title, date);

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, branch);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  zb_document_add_title (doc, title);
  zb_document_add_text (doc, ZB_TEXT_SUBTITLE, date);

  opening = opening_text (m, branch, chair, &counts);
  zb_document_add_paragraph (doc, opening);
  for (guint i = 0; i < m->votes->len; i++)
    {
      g_autofree char *text = vote_text (m, g_ptr_array_index (m->votes, i));

      zb_document_add_paragraph (doc, text);
    }

  if (chosen->len > 0)
    {
      zb_document_add_paragraph (doc, "经讨论，会议作出如下决议：");
      for (guint i = 0; i < chosen->len; i++)
        {
          g_autofree char *label = chosen->len > 1 ? item_label (i) : g_strdup ("");
          g_autofree char *text = resolution_text (g_ptr_array_index (chosen, i), label);

          zb_document_add_paragraph (doc, text);
        }
    }

  zb_document_add_spacer (doc, 1.0);
  zb_document_add_signatures (doc, signers, date);

  return g_steal_pointer (&doc);
}
