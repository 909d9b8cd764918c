/* zb-talk-document.c — 谈心谈话记录表 and 谈心谈话情况统计表
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text of both forms is official Chinese whatever the language of the
 * interface (as the 会议记录 and the 党员名册), so none of it is translated:
 * the labels of zb-talk-record.h are translated, hence the tables below.
 */
#include "config.h"

#include <string.h>

#include "zb-doc-form-private.h"
#include "zb-member-rules.h"
#include "zb-talk-document.h"

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set
#define long_date _zb_doc_long_date
#define short_date _zb_doc_short_date
#define short_gdate _zb_doc_short_gdate
#define form_row _zb_doc_form_row

/* What a participant is shown as in the 职务/身份 column: the post they held,
 * "党员" for a member without one, and for someone not on the roster their
 * post (if any) and, on the side talked with, "非党员" — a talker from
 * outside the branch (the 上级党委's, say) may well be a member elsewhere. */
static char *
participant_role (const ZbTalkParticipant *p)
{
  if (p->member_id != 0)
    return g_strdup (is_set (p->post) ? p->post : "党员");
  if (p->side == ZB_TALK_SIDE_TALKED_WITH)
    return is_set (p->post) ? g_strdup_printf ("%s（非党员）", p->post) : g_strdup ("非党员");
  return g_strdup (or_empty (p->post));
}

/* ------------------------------------------------------------------------- */
/* 谈心谈话记录表                                                            */

/* One row per person of @side: the side's label (merged down over its rows),
 * the name, the role label and the role. */
static void
side_rows (ZbTable *table, const ZbTalkRecord *r, ZbTalkSide side)
{
  const char *label = side == ZB_TALK_SIDE_TALKER ? "谈话人" : "谈话对象";
  const char *role_label = side == ZB_TALK_SIDE_TALKER ? "职务" : "职务/身份";
  guint first = G_MAXUINT, n = 0;

  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);
      g_autofree char *role = NULL;
      guint row;

      if (p->side != side)
        continue;
      role = participant_role (p);
      row = zb_table_append_row (
          table, (const char *const[]){ label, or_empty (p->name), role_label, role, NULL });
      zb_table_set_cell_alignment (table, row, 1, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
      zb_table_set_cell_alignment (table, row, 3, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
      if (first == G_MAXUINT)
        first = row;
      n++;
    }
  if (n == 0)
    form_row (table, (const char *const[]){ label, "", NULL });
  else if (n > 1)
    zb_table_set_span (table, first, 0, n, 1);
}

static ZbTable *
form_table (const ZbTalkRecord *r)
{
  ZbTable *table = zb_table_new ();
  g_autofree char *date = long_date (r->date);
  g_autofree char *when
      = is_set (r->start_time) ? g_strdup_printf ("%s %s", date, r->start_time) : g_strdup (date);
  guint row;

  /* Label, value, label, value: the labels as wide as the longest of them. */
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  form_row (table, (const char *const[]){ "谈话时间", when, "地点", or_empty (r->place), NULL });
  form_row (table, (const char *const[]){ "谈话类型", zb_talk_kind_get_official_name (r->kind),
                                          "记录人", or_empty (r->recorder_name), NULL });
  side_rows (table, r, ZB_TALK_SIDE_TALKER);
  side_rows (table, r, ZB_TALK_SIDE_TALKED_WITH);
  row = form_row (table,
                  (const char *const[]){ "主题", is_set (r->topic) ? r->topic : "无", NULL });
  zb_table_set_cell_alignment (table, row, 1, PANGO_ALIGN_LEFT, ZB_VALIGN_TOP);
  return table;
}

/* @text as body paragraphs, one a line; "无。" when there is none. */
static void
add_paragraphs (ZbDocument *doc, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (or_empty (text), "\n", -1);
  gboolean any = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      zb_document_add_paragraph (doc, line);
      any = TRUE;
    }
  if (!any)
    zb_document_add_paragraph (doc, "无。");
}

static ZbTable *
actions_table (const ZbTalkRecord *r)
{
  ZbTable *table = zb_table_new ();
  gboolean any_done = FALSE;

  for (guint i = 0; i < r->actions->len; i++)
    any_done |= is_set (((const ZbTalkAction *)g_ptr_array_index (r->actions, i))->done_date);

  zb_table_add_column (table, "序号", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "后续措施", 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "责任人", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "完成时限", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  /* Mostly printed right after the talk, when nothing is done yet: the
   * column only when something is. */
  if (any_done)
    zb_table_add_column (table, "完成情况", 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);

  for (guint i = 0; i < r->actions->len; i++)
    {
      const ZbTalkAction *a = g_ptr_array_index (r->actions, i);
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *due = short_date (a->due_date);
      g_autofree char *done = short_date (a->done_date);
      g_autofree char *state
          = is_set (a->done_date) ? g_strdup_printf ("%s完成", done) : g_strdup ("");

      zb_table_append_row (table, (const char *const[]){ serial, or_empty (a->text),
                                                         or_empty (a->owner_name), due,
                                                         any_done ? state : NULL, NULL });
    }
  return table;
}

static ZbDocument *
record_document (const ZbTalkRecord *r, const ZbTalkContents *c, const char *org_name,
                 GDateTime *print_date)
{
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) form = form_table (r);
  g_autofree char *date = long_date (r->date);
  g_autofree char *meta_title = g_strdup_printf ("谈心谈话记录表（%s）", date);
  const char *talker_sign[] = { "谈话人（签字）：", NULL };
  const char *other_sign[] = { "谈话对象（签字）：", NULL };

  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, org_name);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  if (is_set (org_name))
    zb_document_add_subtitle (doc, org_name);
  zb_document_add_title (doc, "谈心谈话记录表");
  zb_document_add_table (doc, form);

  /* What was said flows as paragraphs, not in a cell: a long talk runs over
   * pages line by line instead of as one row that cannot be cut. */
  zb_document_add_spacer (doc, 0.3);
  zb_document_add_heading (doc, "一、谈话主要内容");
  zb_document_add_text (doc, ZB_TEXT_SUBHEADING, "（一）谈话人所谈");
  add_paragraphs (doc, c != NULL ? c->said_by_talker : NULL);
  zb_document_add_text (doc, ZB_TEXT_SUBHEADING, "（二）谈话对象所谈");
  add_paragraphs (doc, c != NULL ? c->said_by_other : NULL);

  zb_document_add_heading (doc, "二、谈话对象表态及意见建议");
  add_paragraphs (doc, c != NULL ? c->response : NULL);

  zb_document_add_heading (doc, "三、后续措施");
  if (r->actions->len == 0)
    zb_document_add_paragraph (doc, "无。");
  else
    {
      g_autoptr (ZbTable) actions = actions_table (r);

      zb_document_add_table (doc, actions);
    }

  /* Both sides sign and date what they confirm. The renderer never leaves a
   * signature block alone on a page: it takes the block before along — this
   * sentence, which is what the signatures attest, rather than the table
   * above, whose heading would stay behind. */
  zb_document_add_spacer (doc, 0.3);
  zb_document_add_paragraph (doc, "以上记录经谈话双方核对无误。");
  zb_document_add_signatures (doc, talker_sign, date);
  zb_document_add_signatures (doc, other_sign, date);

  return g_steal_pointer (&doc);
}

ZbDocument *
zb_talk_record_document_new_for_uuid (ZbTalkRepo *talks, const char *talk_uuid,
                                      const char *org_name, GDateTime *print_date, GError **error)
{
  g_autoptr (ZbTalkRecord) record = NULL;
  g_autoptr (ZbTalkContents) contents = NULL;

  g_return_val_if_fail (ZB_IS_TALK_REPO (talks), NULL);
  g_return_val_if_fail (talk_uuid != NULL, NULL);

  record = zb_talk_repo_get (talks, talk_uuid, error);
  if (record == NULL)
    return NULL;
  /* The one way to the contents, and an audit row for this opening. */
  contents = zb_talk_repo_load_contents (talks, record->uuid, error);
  if (contents == NULL)
    return NULL;
  /* @contents is wiped when freed; the document keeps its own copy of the
   * text for as long as it lives. */
  return record_document (record, contents, org_name, print_date);
}

/* ------------------------------------------------------------------------- */
/* 谈心谈话情况统计表                                                        */

static const char *
name_of (GHashTable *names, const char *id)
{
  const char *name = names != NULL ? g_hash_table_lookup (names, id) : NULL;

  return name != NULL ? name : id;
}

/* "乙委员、丙委员", or "" for none. */
static char *
names_text (GHashTable *names, const GPtrArray *ids)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "、" : "",
                            name_of (names, g_ptr_array_index ((GPtrArray *)ids, i)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the talks of the year still lack for this person. */
static char *
missing_text (const ZbTalkCoverage *c, GHashTable *names)
{
  if (c->status == ZB_TALK_NOT_REQUIRED || c->status == ZB_TALK_COVERED)
    return g_strdup ("");
  if (c->committee)
    {
      g_autofree char *who = names_text (names, c->missing_committee);

      return g_strdup_printf ("支委—支委：%s", who);
    }
  return g_strdup ("支委—党员：尚无支委与其谈话");
}

static const char *
status_text (ZbTalkStatus status)
{
  switch (status)
    {
    case ZB_TALK_COVERED:
      return "已完成";
    case ZB_TALK_DUE:
      return "尚未完成";
    case ZB_TALK_MISSED:
      return "未完成";
    case ZB_TALK_NOT_REQUIRED:
    default:
      return "不作要求";
    }
}

/* "年内加入（2026.11.10）", "年内离开（2026.05.01）", both, or "". */
static char *
remark_text (const ZbTalkPerson *p, guint year)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (p == NULL)
    return g_strdup ("");
  if (g_date_valid (&p->joined) && g_date_get_year (&p->joined) == year)
    {
      g_autofree char *d = short_gdate (&p->joined);

      g_string_append_printf (out, "年内加入（%s）", d);
    }
  if (g_date_valid (&p->left) && g_date_get_year (&p->left) == year)
    {
      g_autofree char *d = short_gdate (&p->left);

      g_string_append_printf (out, "%s年内离开（%s）", out->len > 0 ? "；" : "", d);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ZbTable *
stats_table (const GPtrArray *coverage, const GArray *roster, GHashTable *names, guint year)
{
  ZbTable *table = zb_table_new ();
  /* id → person, for the joined and left dates: a whole workspace's roster
   * may be large. */
  g_autoptr (GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);
  const char *const header[]
      = { "序号", "姓名", "身份", "支委与其谈话", "", "谈话支委", "与党员谈话\n人数", "尚缺谈话",
          "情况", "备注", NULL };
  const char *const header2[] = { "", "", "", "人数", "最近一次", "", "", "", "", "", NULL };
  guint h;

  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  /* The last date: wide enough for "2026.11.27" even when no row has one
   * yet (a column of weight 0 would shrink to its header, wrapped). */
  zb_table_add_column (table, NULL, 0.5, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0.55, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.35, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 0, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, NULL, 1.0, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  /* Two header rows: "支委与其谈话" over 人数 and 最近一次, the others merged
   * down. */
  h = zb_table_append_header_row (table, header);
  zb_table_append_header_row (table, header2);
  for (guint c = 0; c < 10; c++)
    if (c != 3 && c != 4)
      zb_table_set_span (table, h, c, 2, 1);
  zb_table_set_span (table, h, 3, 1, 2);

  for (guint i = 0; i < roster->len; i++)
    {
      const ZbTalkPerson *p = &g_array_index (roster, ZbTalkPerson, i);

      g_hash_table_insert (people, (gpointer)p->id, (gpointer)p);
    }

  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index ((GPtrArray *)coverage, i);
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *count = g_strdup_printf ("%u", c->talked_by_committee->len);
      g_autofree char *last = short_gdate (&c->last_talk);
      g_autofree char *with = names_text (names, c->talked_by_committee);
      g_autofree char *members
          = c->committee ? g_strdup_printf ("%u", c->n_members_talked) : g_strdup ("—");
      g_autofree char *missing = missing_text (c, names);
      g_autofree char *remark = remark_text (g_hash_table_lookup (people, c->id), year);

      zb_table_append_row (table, (const char *const[]){ serial, name_of (names, c->id),
                                                         c->committee ? "支委" : "党员", count,
                                                         last, with, members, missing,
                                                         status_text (c->status), remark, NULL });
    }
  return table;
}

/* "本年度应开展谈心谈话的党员M人，已完成N人…" with the 支委—支委 pairs still
 * missing, each pair once. */
static char *
summary_text (const GPtrArray *coverage, GHashTable *names, guint year)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) pairs = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint required = 0, covered = 0, n_pairs = 0, n_committee = 0;

  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index ((GPtrArray *)coverage, i);

      if (c->committee)
        n_committee++;
      if (c->status == ZB_TALK_NOT_REQUIRED)
        continue;
      required++;
      if (c->status == ZB_TALK_COVERED)
        covered++;
      /* The pair A–B shows in A's list and in B's: named once, when the
       * first of the two comes. */
      g_hash_table_add (seen, c->id);
      for (guint j = 0; c->committee && j < c->missing_committee->len; j++)
        {
          const char *other = g_ptr_array_index (c->missing_committee, j);

          if (g_hash_table_contains (seen, other))
            continue;
          g_string_append_printf (pairs, "%s%s—%s", n_pairs > 0 ? "、" : "", name_of (names, c->id),
                                  name_of (names, other));
          n_pairs++;
        }
    }

  g_string_append_printf (out, "%u年度应开展谈心谈话的党员%u人，已完成%u人，尚未完成%u人。", year,
                          required, covered, required - covered);
  /* Without a committee on the roster nothing can be covered: said as
   * such, not taken for pairs all talked. */
  if (n_committee == 0)
    g_string_append (out, "名册中尚未登记支部委员，请先登记支委后再统计。");
  else if (n_pairs > 0)
    g_string_append_printf (out, "支委之间尚缺谈话%u对：%s。", n_pairs, pairs->str);
  else if (n_committee > 1)
    g_string_append (out, "支委之间谈心谈话已全部完成。");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
unit_name (ZbOrgRepo *org, gint64 id)
{
  g_autoptr (ZbOrgUnit) unit = NULL;

  if (org == NULL || id == 0 || (unit = zb_org_repo_get_unit (org, id, NULL)) == NULL)
    return NULL;
  return g_strdup (unit->name);
}

ZbDocument *
zb_talk_stats_document_new (ZbTalkRepo *talks, ZbOrgRepo *org, gint64 branch_id, guint year,
                            const GDate *today, const char *org_name, GDateTime *print_date,
                            GError **error)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GArray) roster = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (ZbTable) table = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *meta_title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *summary = NULL;
  const char *signer[] = { "支部书记（签字）：", NULL };
  GDate as_of;

  g_return_val_if_fail (ZB_IS_TALK_REPO (talks), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  if (today != NULL && g_date_valid (today))
    as_of = *today;
  else
    {
      if (print_date == NULL)
        print_date = now = g_date_time_new_now_local ();
      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, (GDateDay)g_date_time_get_day_of_month (print_date),
                      (GDateMonth)g_date_time_get_month (print_date),
                      (GDateYear)g_date_time_get_year (print_date));
    }

  /* Everything comes from the repository and the rules: nothing is decided
   * here, only laid out. No contents are read. */
  coverage = zb_talk_repo_coverage_for_year (talks, branch_id, year, &as_of, &names, error);
  if (coverage == NULL)
    return NULL;
  roster = zb_talk_repo_roster_for_year (talks, branch_id, year, &as_of, error);
  if (roster == NULL)
    return NULL;

  branch = unit_name (org, branch_id);
  heading = g_strdup (is_set (branch) ? branch : or_empty (org_name));
  meta_title = g_strdup_printf ("谈心谈话情况统计表（%u年度）", year);

  doc = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  zb_document_set_title (doc, meta_title);
  zb_document_set_org_name (doc, heading);
  if (print_date != NULL)
    zb_document_set_print_date (doc, print_date);

  zb_document_add_title (doc, "谈心谈话情况统计表");
  {
    g_autofree char *through = NULL;
    GDate end;

    g_date_clear (&end, 1);
    g_date_set_dmy (&end, 31, G_DATE_DECEMBER, (GDateYear)year);
    if (g_date_compare (&as_of, &end) < 0)
      end = as_of;
    through = _zb_doc_long_gdate (&end);
    period = g_strdup_printf ("%s%s%u年度（统计截至%s）", heading, *heading != '\0' ? "　" : "",
                              year, through);
  }
  zb_document_add_subtitle (doc, period);

  table = stats_table (coverage, roster, names, year);
  zb_document_add_table (doc, table);

  summary = summary_text (coverage, names, year);
  zb_document_add_spacer (doc, 0.3);
  zb_document_add_text (doc, ZB_TEXT_PLAIN, summary);
  zb_document_add_text (doc, ZB_TEXT_NOTE,
                        "注：依据《中国共产党支部工作条例（试行）》，支部委员之间、支部委员和党员"
                        "之间谈心谈话一般每年不少于1次。支委须与其他每名支委谈话，党员须至少有1名"
                        "支委与其谈话。年内离开本支部的不作要求。");
  zb_document_add_signatures (doc, signer, NULL);

  return g_steal_pointer (&doc);
}
