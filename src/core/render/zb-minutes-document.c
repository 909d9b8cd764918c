/* zb-minutes-document.c — the 会议记录 of one meeting of 三会一课
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-meeting-docs-private.h"
#include "zb-member-rules.h"
#include "zb-minutes-document.h"

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set
#define form_row _zb_doc_form_row
#define kind_name _zb_meeting_doc_kind_name
#define long_date _zb_doc_long_date
#define short_date _zb_doc_short_date
#define unit_name _zb_meeting_doc_unit_name

/* The text of the record is official Chinese whatever the language of the
 * interface (as the 党员名册 and the member sheet), so none of it is
 * translated; the labels of zb-meeting.h are translated, hence the tables
 * below. */

/* "支部委员会会议记录", "党课记录", "主题党日活动记录". */
static char *
record_title (ZbMeetingKind kind)
{
  switch (kind)
    {
    case ZB_MEETING_LESSON:
      return g_strdup ("党课记录");
    case ZB_MEETING_THEME_DAY:
      return g_strdup ("主题党日活动记录");
    case ZB_MEETING_OTHER:
      return g_strdup ("会议记录");
    default:
      return g_strdup_printf ("%s%s", kind_name (kind),
                              g_str_has_suffix (kind_name (kind), "会议") ? "记录" : "会议记录");
    }
}

static char *
time_text (const ZbMeetingRecord *m)
{
  g_autofree char *date = long_date (m->date);

  if (is_set (m->start_time) && is_set (m->end_time))
    return g_strdup_printf ("%s %s—%s", date, m->start_time, m->end_time);
  if (is_set (m->start_time))
    return g_strdup_printf ("%s %s", date, m->start_time);
  return g_steal_pointer (&date);
}

/* The names of the attendees in @role (and, for present members, only those
 * without a vote when @non_voting), "张三、李四（出差）", or "无". */
static char *
names_text (const ZbMeetingRecord *m, ZbAttendance role, gboolean non_voting)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < m->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);

      if (a->role != role || (non_voting && (a->voting || a->member_id == 0)))
        continue;
      if (out->len > 0)
        g_string_append (out, "、");
      g_string_append (out, or_empty (a->name));
      if (role == ZB_ATTENDANCE_LEAVE && is_set (a->leave_reason))
        g_string_append_printf (out, "（%s）", a->leave_reason);
    }
  if (out->len == 0)
    return g_strdup ("无");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The quorum in the record's own words, with the rule when it was not met;
 * NULL when the kind has no quorum rule or attendance was not taken. The
 * figures and the rule are those of zb_meeting_check_attendance(). */
static char *
quorum_text (const ZbMeetingRecord *m, const ZbAttendanceCounts *counts, gboolean *met)
{
  g_autoptr (ZbRuleCheck) check = zb_meeting_check_attendance (m->kind, counts);
  const char *who = m->kind == ZB_MEETING_COMMITTEE ? "支部委员" : "有表决权党员";
  const char *rule;

  *met = TRUE;
  if (check == NULL)
    return NULL;
  *met = check->ok;
  if (check->ok)
    return g_strdup_printf ("应到%s%u人，实到%u人，超过半数，符合规定。", who, check->total,
                            check->count);

  rule = m->kind == ZB_MEETING_COMMITTEE
             ? "根据《中国共产党支部工作条例（试行）》第十二条，支部委员会会议须有半数以上"
               "委员到会方可召开"
             : "根据《中国共产党发展党员工作细则》，有表决权的到会人数必须超过应到会"
               "有表决权人数的半数";
  return g_strdup_printf ("应到%s%u人，实到%u人，未超过半数，不符合规定（%s，即至少%u人）。", who,
                          check->total, check->count, rule, check->threshold);
}

static const char *
topic_numeral (guint i)
{
  static const char *const numerals[]
      = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

  return i < G_N_ELEMENTS (numerals) ? numerals[i] : NULL;
}

/* "（一）", …, "（十）", then "（11）". */
static char *
topic_label (guint i)
{
  const char *numeral = topic_numeral (i);

  return numeral != NULL ? g_strdup_printf ("（%s）", numeral) : g_strdup_printf ("（%u）", i + 1);
}

static char *
topics_text (const ZbMeetingRecord *m)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < m->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);

      g_string_append_printf (out, "%s%u．%s", i > 0 ? "\n" : "", i + 1, or_empty (t->title));
    }
  if (out->len == 0)
    return g_strdup ("无");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ZbTable *
form_table (const ZbMeetingRecord *m, const ZbAttendanceCounts *counts, const char *chair_name,
            const char *recorder_name, gboolean *quorum_met)
{
  ZbTable *table = zb_table_new ();
  g_autofree char *name = NULL;
  g_autofree char *when = time_text (m);
  g_autofree char *expected = NULL;
  g_autofree char *present = NULL;
  g_autofree char *present_names = names_text (m, ZB_ATTENDANCE_PRESENT, FALSE);
  g_autofree char *leave = names_text (m, ZB_ATTENDANCE_LEAVE, FALSE);
  g_autofree char *absent = names_text (m, ZB_ATTENDANCE_ABSENT, FALSE);
  g_autofree char *observers = names_text (m, ZB_ATTENDANCE_OBSERVER, FALSE);
  g_autofree char *probationary = names_text (m, ZB_ATTENDANCE_PRESENT, TRUE);
  g_autofree char *quorum = quorum_text (m, counts, quorum_met);
  g_autofree char *topics = topics_text (m);
  guint row;

  /* Label, value, label, value: the labels as wide as the longest of them. */
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  if (is_set (m->title))
    name = g_strdup (m->title);
  else
    {
      g_autofree char *date = long_date (m->date);

      name = g_strdup_printf ("%s%s", date, kind_name (m->kind));
    }
  form_row (table, (const char *const[]){ "会议名称", name, NULL });
  form_row (table, (const char *const[]){ "会议类型", kind_name (m->kind), "地点",
                                          or_empty (m->place), NULL });
  form_row (table, (const char *const[]){ "时间", when, NULL });
  form_row (table, (const char *const[]){ "主持人", or_empty (chair_name), "记录人",
                                          or_empty (recorder_name), NULL });

  expected = g_strdup_printf ("%u人", counts->expected);
  present = counts->taken ? g_strdup_printf ("%u人", counts->present) : g_strdup ("");
  form_row (table, (const char *const[]){ "应到人数", expected, "实到人数", present, NULL });
  if (counts->taken)
    {
      form_row (table, (const char *const[]){ "出席人员", present_names, NULL });
      form_row (table, (const char *const[]){ "请假人员及原因", leave, NULL });
      form_row (table, (const char *const[]){ "缺席人员", absent, NULL });
    }
  form_row (table, (const char *const[]){ "列席人员", observers, NULL });
  /* 预备党员 are listed but have no vote (DOMAIN.md §1.5, §2.1). */
  if (counts->taken && strcmp (probationary, "无") != 0)
    {
      g_autofree char *listed = g_strdup_printf ("%s（不参加表决）", probationary);

      form_row (table, (const char *const[]){ "参加会议的预备党员", listed, NULL });
    }
  else if (counts->taken)
    form_row (table, (const char *const[]){ "参加会议的预备党员", "无", NULL });
  if (quorum != NULL)
    form_row (table, (const char *const[]){ "到会情况", quorum, NULL });
  row = form_row (table, (const char *const[]){ "议题", topics, NULL });
  zb_table_set_cell_alignment (table, row, 1, PANGO_ALIGN_LEFT, ZB_VALIGN_TOP);

  return table;
}

/* @text as body paragraphs, one a line, the first after @prefix. */
static void
add_paragraphs (ZbDocument *doc, const char *prefix, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (or_empty (text), "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      if (first && prefix != NULL)
        {
          g_autofree char *with = g_strconcat (prefix, line, NULL);

          zb_document_add_paragraph (doc, with);
        }
      else
        zb_document_add_paragraph (doc, line);
      first = FALSE;
    }
  if (first && prefix != NULL)
    zb_document_add_paragraph (doc, prefix);
}

static void
add_contents (ZbDocument *doc, const ZbMeetingRecord *m)
{
  gboolean any = FALSE;

  for (guint i = 0; i < m->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);
      g_autofree char *label = topic_label (i);
      g_autofree char *heading = g_strconcat (label, or_empty (t->title), NULL);

      zb_document_add_text (doc, ZB_TEXT_SUBHEADING, heading);
      if (is_set (t->minutes))
        add_paragraphs (doc, NULL, t->minutes);
      for (guint s = 0; s < t->speeches->len; s++)
        {
          const ZbMeetingSpeech *speech = g_ptr_array_index (t->speeches, s);
          g_autofree char *prefix = g_strconcat (or_empty (speech->speaker_name), "：", NULL);

          add_paragraphs (doc, prefix, speech->text);
        }
      any = TRUE;
    }
  if (!any)
    zb_document_add_paragraph (doc, "无。");
}

static const char *
vote_form_name (ZbVoteForm form)
{
  return form == ZB_VOTE_FORM_SECRET_BALLOT ? "无记名投票" : "举手表决";
}

static const char *
vote_result_name (ZbVoteResult result)
{
  switch (result)
    {
    case ZB_VOTE_RESULT_PASSED:
      return "通过";
    case ZB_VOTE_RESULT_NOT_PASSED:
      return "未通过";
    case ZB_VOTE_RESULT_NONE:
    default:
      return "";
    }
}

/* The 议题 a vote belongs to, "（议题二）", or "". */
static char *
vote_topic (const ZbMeetingRecord *m, const ZbMeetingVote *v)
{
  for (guint i = 0; v->topic_uuid != NULL && i < m->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);

      if (g_strcmp0 (t->uuid, v->topic_uuid) == 0)
        return g_strdup_printf ("（第%u项议题）", i + 1);
    }
  return g_strdup ("");
}

static ZbTable *
votes_table (const ZbMeetingRecord *m)
{
  ZbTable *table = zb_table_new ();

  zb_table_add_column (table, "序号", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "表决事项", 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "表决形式", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "赞成", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "不赞成", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "弃权", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "书面意见", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "结果", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; i < m->votes->len; i++)
    {
      const ZbMeetingVote *v = g_ptr_array_index (m->votes, i);
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *topic = vote_topic (m, v);
      g_autofree char *subject = g_strconcat (or_empty (v->subject), topic, NULL);
      g_autofree char *yes = g_strdup_printf ("%u票", v->yes);
      g_autofree char *no = g_strdup_printf ("%u票", v->no);
      g_autofree char *abstain = g_strdup_printf ("%u票", v->abstain);
      g_autofree char *written = g_strdup_printf ("%u份", v->written_opinions);

      zb_table_append_row (table, (const char *const[]){ serial, subject, vote_form_name (v->form),
                                                         yes, no, abstain, written,
                                                         vote_result_name (v->result), NULL });
    }
  return table;
}

static ZbTable *
resolutions_table (const ZbMeetingRecord *m)
{
  ZbTable *table = zb_table_new ();

  zb_table_add_column (table, "序号", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "决议/决定事项", 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "责任人", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "完成时限", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; i < m->resolutions->len; i++)
    {
      const ZbMeetingResolution *r = g_ptr_array_index (m->resolutions, i);
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *due = short_date (r->due_date);

      zb_table_append_row (table, (const char *const[]){ serial, or_empty (r->text),
                                                         or_empty (r->owner_name), due, NULL });
    }
  return table;
}

ZbDocument *
zb_minutes_document_new (const ZbMeetingRecord *meeting, const char *org_name,
                         const char *chair_name, const char *recorder_name, GDateTime *print_date)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) form = NULL;
  g_autofree char *title = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *date = NULL;
  ZbAttendanceCounts counts;
  gboolean quorum_met = TRUE;
  const char *signers[] = { "主持人（签字）：", "记录人（签字）：", NULL };

  g_return_val_if_fail (meeting != NULL, NULL);

  title = record_title (meeting->kind);
  date = long_date (meeting->date);
  meta_title = g_strdup_printf ("%s（%s）", title, date);

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, org_name);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);
  /* DOMAIN.md §5 row 1: the record states its page count, so that a missing
   * sheet shows. */
  zb_document_set_page_count_shown (doc, TRUE);

  /* The organisation above the kind of record, as the paper books head it. */
  if (is_set (org_name))
    zb_document_add_subtitle (doc, org_name);
  zb_document_add_title (doc, title);

  zb_meeting_count_attendance (meeting->attendees, &counts);
  form = form_table (meeting, &counts, chair_name, recorder_name, &quorum_met);
  zb_document_add_table (doc, form);

  /* What was said flows as paragraphs, not in a cell: a long record runs over
   * pages line by line instead of as one row cut across them. */
  zb_document_add_spacer (doc, 0.3);
  zb_document_add_heading (doc, "一、会议内容");
  add_contents (doc, meeting);

  zb_document_add_heading (doc, "二、表决形式及结果");
  if (meeting->votes->len == 0)
    zb_document_add_paragraph (doc, "本次会议无表决事项。");
  else
    {
      g_autoptr (ZbTable) votes = votes_table (meeting);

      zb_document_add_table (doc, votes);
      /* A vote at a meeting below quorum is void whatever its count
       * (zb_meeting_check_vote()). */
      if (!quorum_met)
        zb_document_add_text (doc, ZB_TEXT_NOTE,
                              "注：本次会议到会人数未达到规定，以上表决不发生效力。");
    }

  zb_document_add_heading (doc, "三、决议/决定事项");
  if (meeting->resolutions->len == 0)
    zb_document_add_paragraph (doc, "无。");
  else
    {
      g_autoptr (ZbTable) resolutions = resolutions_table (meeting);

      zb_document_add_table (doc, resolutions);
    }

  zb_document_add_spacer (doc, 0.3);
  zb_document_add_paragraph (doc, "散会。");
  zb_document_add_spacer (doc, 0.5);
  zb_document_add_signatures (doc, signers, date);

  return g_steal_pointer (&doc);
}

/* ------------------------------------------------------------------------- */

/* The member's name as the record holds it on the meeting date. */
static const char *
name_in_record (const ZbMeetingRecord *m, gint64 member_id)
{
  for (guint i = 0; i < m->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);

      if (a->member_id == member_id && is_set (a->name))
        return a->name;
    }
  for (guint i = 0; i < m->topics->len; i++)
    {
      const ZbMeetingTopic *t = g_ptr_array_index (m->topics, i);

      for (guint s = 0; s < t->speeches->len; s++)
        {
          const ZbMeetingSpeech *speech = g_ptr_array_index (t->speeches, s);

          if (speech->member_id == member_id && is_set (speech->speaker_name))
            return speech->speaker_name;
        }
    }
  for (guint i = 0; i < m->resolutions->len; i++)
    {
      const ZbMeetingResolution *r = g_ptr_array_index (m->resolutions, i);

      if (r->owner_id == member_id && is_set (r->owner_name))
        return r->owner_name;
    }
  return NULL;
}

/* "张建国（支部书记）": the name, with the first post held on @date. */
static char *
person_text (const ZbMeetingRecord *m, ZbMemberRepo *members, ZbOrgRepo *org, gint64 member_id,
             GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  const char *found;

  if (member_id == 0)
    return NULL;
  found = name_in_record (m, member_id);
  if (found != NULL)
    name = g_strdup (found);
  else if (members != NULL)
    {
      g_autoptr (GError) local_error = NULL;

      name = _zb_meeting_doc_name_on_roster (members, member_id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (name == NULL)
    return g_strdup ("");

  if (org != NULL && m->date != NULL
      && (posts = zb_org_repo_list_member_posts (org, member_id, NULL)) != NULL)
    for (guint i = 0; i < posts->len; i++)
      {
        const ZbPartyPost *post = g_ptr_array_index (posts, i);

        if ((post->start_date != NULL && strcmp (post->start_date, m->date) > 0)
            || (post->end_date != NULL && strcmp (post->end_date, m->date) < 0)
            || zb_party_post_role_get_official_name (post->role) == NULL)
          continue;
        return g_strdup_printf ("%s（%s）", name,
                                zb_party_post_role_get_official_name (post->role));
      }
  return g_steal_pointer (&name);
}

ZbDocument *
zb_minutes_document_new_for_uuid (ZbMeetingRepo *meetings, ZbMemberRepo *members, ZbOrgRepo *org,
                                  const char *uuid, const char *org_name, GDateTime *print_date,
                                  GError **error)
{
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *chair = NULL;
  g_autofree char *recorder = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (members == NULL || ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record = zb_meeting_repo_get (meetings, uuid, error);
  if (record == NULL)
    return NULL;

  chair = person_text (record, members, org, record->chair_id, &local_error);
  if (local_error == NULL)
    recorder = person_text (record, members, org, record->recorder_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The branch heads its own record; a 党小组会 names its group after it. */
  branch = unit_name (org, record->branch_id);
  heading = g_strdup (is_set (branch) ? branch : or_empty (org_name));
  if (record->kind == ZB_MEETING_GROUP)
    {
      g_autofree char *group = unit_name (org, record->group_id);

      if (is_set (group))
        {
          g_autofree char *joined = g_strconcat (heading, group, NULL);

          g_free (heading);
          heading = g_steal_pointer (&joined);
        }
    }

  return zb_minutes_document_new (record, heading, chair, recorder, print_date);
}
