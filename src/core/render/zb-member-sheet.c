/* zb-member-sheet.c — the 党员基本信息表, one member's record on an A4 form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "zb-codes.h"
#include "zb-doc-form-private.h"
#include "zb-member-rules.h"
#include "zb-member-sheet.h"

/* The text of the form is official Chinese whatever the language of the
 * interface (as the footer marking and the 党员名册), so none of it is
 * translated. */

#define SHEET_TITLE "党员基本信息表"

/* Rows are read through the repository in pages, as the 党员名册 does. */
#define FETCH_PAGE 500

#define or_empty _zb_doc_or_empty
#define is_set _zb_doc_is_set
/* "YYYY.MM.DD", as official forms write dates: short enough for the narrow
 * value columns. */
#define form_date _zb_doc_short_date

/* "YYYY-MM" (党费交至) → "YYYY年M月". */
static char *
form_month (const char *month)
{
  guint year, mon;

  if (!is_set (month))
    return g_strdup ("");
  if (sscanf (month, "%4u-%2u", &year, &mon) != 2 || mon < 1 || mon > 12)
    return g_strdup (month);
  return g_strdup_printf ("%u年%u月", year, mon);
}

static const char *
gender_name (ZbGender gender)
{
  switch (gender)
    {
    case ZB_GENDER_MALE:
      return "男";
    case ZB_GENDER_FEMALE:
      return "女";
    case ZB_GENDER_UNKNOWN:
    default:
      return "";
    }
}

static const char *
post_name (ZbPartyPostRole role)
{
  switch (role)
    {
    case ZB_POST_SECRETARY:
      return "书记";
    case ZB_POST_DEPUTY_SECRETARY:
      return "副书记";
    case ZB_POST_ORGANISATION:
      return "组织委员";
    case ZB_POST_PROPAGANDA:
      return "宣传委员";
    case ZB_POST_DISCIPLINE:
      return "纪检委员";
    case ZB_POST_COMMITTEE_MEMBER:
      return "委员";
    case ZB_POST_GROUP_LEADER:
      return "党小组长";
    default:
      return "";
    }
}

static const char *
event_name (ZbMemberEventKind kind)
{
  switch (kind)
    {
    case ZB_EVENT_FULL_MEMBERSHIP:
      return "转为正式党员";
    case ZB_EVENT_TRANSFER_IN:
      return "组织关系转入";
    case ZB_EVENT_TRANSFER_OUT:
      return "组织关系转出";
    case ZB_EVENT_FLOW_START:
      return "外出流动";
    case ZB_EVENT_FLOW_END:
      return "流动返回";
    case ZB_EVENT_LOST_CONTACT:
      return "失去联系";
    case ZB_EVENT_CONTACT_RESTORED:
      return "恢复联系";
    case ZB_EVENT_SUSPEND:
      return "停止党籍";
    case ZB_EVENT_RESTORE:
      return "恢复党籍";
    case ZB_EVENT_LEAVE:
      return "出党";
    case ZB_EVENT_DEATH:
      return "去世";
    default:
      return "";
    }
}

static void
append_part (GString *out, const char *label, const char *value)
{
  if (!is_set (value))
    return;
  g_string_append_printf (out, "%s%s%s", out->len > 0 ? "；" : "", label, value);
}

static char *
lost_reason_text (const char *code)
{
  const char *name;

  if (!is_set (code))
    return NULL;
  name = zb_lost_contact_reason_get_name ((int)g_ascii_strtoll (code, NULL, 10));
  return g_strdup (name != NULL ? name : code);
}

/* What the history table says of an event beside its kind: the other
 * organisation, the letter or card number, the dues, the reason, the notes. */
static char *
event_details (const ZbMemberEvent *e)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *dues = form_month (e->dues_paid_until);

  switch (e->kind)
    {
    case ZB_EVENT_TRANSFER_IN:
      append_part (out, "转出单位：", e->counterpart);
      append_part (out, "介绍信编号：", e->letter_number);
      append_part (out, "党费交至：", dues);
      break;

    case ZB_EVENT_TRANSFER_OUT:
      append_part (out, "转往单位：", e->counterpart);
      append_part (out, "介绍信编号：", e->letter_number);
      append_part (out, "党费交至：", dues);
      break;

    case ZB_EVENT_FLOW_START:
      append_part (out, "流动去向：", e->counterpart);
      append_part (out, "活动证号：", e->letter_number);
      break;

    case ZB_EVENT_LOST_CONTACT:
      {
        g_autofree char *reason = lost_reason_text (e->reason);

        append_part (out, "失联情形：", reason);
      }
      break;

    case ZB_EVENT_LEAVE:
      {
        ZbLeftKind left;

        if (e->reason != NULL && zb_left_kind_from_string (e->reason, &left))
          append_part (out, "方式：", zb_left_kind_get_name (left));
        else
          append_part (out, "方式：", e->reason);
      }
      break;

    default:
      append_part (out, "原因：", e->reason);
      append_part (out, "单位：", e->counterpart);
      append_part (out, "文号：", e->letter_number);
      break;
    }
  append_part (out, "说明：", e->notes);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* 党籍状态: where the member stands, in the words of DOMAIN.md §4.6. */
static char *
standing_text (const ZbMemberRecord *r)
{
  g_autofree char *left = form_date (r->left_date);

  switch (r->status)
    {
    case ZB_STATUS_TRANSFERRED_OUT:
      return g_strdup ("组织关系已转出");

    case ZB_STATUS_LEFT:
      {
        ZbLeftKind kind;

        if (r->left_kind != NULL && zb_left_kind_from_string (r->left_kind, &kind))
          return g_strdup_printf ("出党（%s）", zb_left_kind_get_name (kind));
        return g_strdup ("出党");
      }

    case ZB_STATUS_DECEASED:
      return is_set (left) ? g_strdup_printf ("去世（%s）", left) : g_strdup ("去世");

    case ZB_STATUS_ACTIVE:
    default:
      return g_strdup (r->standing == ZB_STANDING_SUSPENDED ? "停止党籍" : "正常");
    }
}

static char *
flow_text (const ZbMemberRecord *r)
{
  g_autoptr (GString) out = NULL;

  if (!r->flowing)
    return g_strdup ("否");

  out = g_string_new (NULL);
  append_part (out, "流动去向：", r->flow_destination);
  append_part (out, "活动证号：", r->flow_card_number);
  if (out->len == 0)
    return g_strdup ("是");
  g_string_prepend (out, "是。");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
lost_text (const ZbMemberRecord *r)
{
  g_autoptr (GString) out = NULL;
  g_autofree char *date = NULL;
  const char *reason;

  if (!r->lost_contact)
    return g_strdup ("否");

  out = g_string_new (NULL);
  date = form_date (r->lost_contact_date);
  reason = zb_lost_contact_reason_get_name (r->lost_contact_reason);
  append_part (out, "失联日期：", date);
  append_part (out, "失联情形：", reason);
  if (out->len == 0)
    return g_strdup ("是");
  g_string_prepend (out, "是。");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* 党龄 on @as_of: blank for a probationary member, who has none yet. */
static char *
party_years_text (const ZbMemberRecord *r, const GDate *as_of)
{
  int years;

  if (r->category == ZB_CATEGORY_PROBATIONARY)
    return g_strdup ("");
  years = zb_party_standing_years (r->full_date, as_of);
  if (years < 0)
    return g_strdup ("");
  if (years == 0)
    return g_strdup ("不满1年");
  return g_strdup_printf ("%d年", years);
}

/* The posts held on @as_of, "书记、党小组长". */
static char *
posts_text (GPtrArray *posts, const char *as_of)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      const ZbPartyPost *post = g_ptr_array_index (posts, i);

      if (post->end_date != NULL && strcmp (post->end_date, as_of) < 0)
        continue;
      if (post->start_date != NULL && strcmp (post->start_date, as_of) > 0)
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? "、" : "", post_name (post->role));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A row of the form: label, value pairs; a pair whose value is followed by
 * NULL labels spans the columns up to the next pair. */
static void
form_row (ZbTable *table, const char *const *cells)
{
  guint n = 0;
  guint row;

  while (cells[n] != NULL)
    n++;
  row = zb_table_append_row (table, cells);
  /* The last value runs to the end of the six columns. */
  if (n < 6)
    zb_table_set_span (table, row, n - 1, 1, 6 - (n - 1));
  for (guint c = 1; c < n; c += 2)
    zb_table_set_cell_alignment (table, row, c, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
}

static ZbTable *
form_table (ZbMember *member, GPtrArray *posts, const GDate *as_of, const char *as_of_iso)
{
  const ZbMemberRecord *r = zb_member_get_record (member);
  ZbTable *table = zb_table_new ();
  g_autofree char *born = form_date (r->birth_date);
  g_autofree char *started = form_date (r->work_start_date);
  g_autofree char *joined = form_date (r->joined_date);
  g_autofree char *full = form_date (r->full_date);
  g_autofree char *years = party_years_text (r, as_of);
  g_autofree char *held = posts_text (posts, as_of_iso);
  g_autofree char *standing = standing_text (r);
  g_autofree char *flow = flow_text (r);
  g_autofree char *lost = lost_text (r);
  guint row;

  /* Label, value, three times across. The labels are as wide as they need
   * (the long ones all in the first column), the values share the rest. */
  for (guint c = 0; c < 6; c++)
    zb_table_add_column (table, NULL,
                         c % 2 == 0 ? 0
                         : c == 5   ? 1.0
                                    : 1.15,
                         PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);

  form_row (table,
            (const char *const[]){ "姓名", or_empty (r->name), "性别", gender_name (r->gender),
                                   "民族", or_empty (zb_ethnicity_get_name (r->ethnicity)), NULL });
  form_row (table,
            (const char *const[]){ "出生日期", born, "籍贯", or_empty (r->native_place), "学历",
                                   or_empty (zb_education_get_name (r->education)), NULL });
  /* The number in full: the paper is what the organisation files. */
  row = zb_table_append_row (
      table, (const char *const[]){
                 "公民身份号码", or_empty (r->id_number), "", "", "人员类别",
                 r->category == ZB_CATEGORY_PROBATIONARY ? "预备党员" : "正式党员", NULL });
  zb_table_set_span (table, row, 1, 1, 3);
  zb_table_set_cell_alignment (table, row, 1, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
  zb_table_set_cell_alignment (table, row, 5, PANGO_ALIGN_LEFT, ZB_VALIGN_CENTER);
  form_row (table, (const char *const[]){ "参加工作日期", started, "入党日期", joined, "转正日期",
                                          full, NULL });
  form_row (table, (const char *const[]){ "党龄", years, "所在支部",
                                          or_empty (zb_member_get_branch_name (member)), NULL });
  form_row (table, (const char *const[]){ "党小组", or_empty (zb_member_get_group_name (member)),
                                          "党内职务", held, NULL });
  form_row (table, (const char *const[]){ "工作单位及职务", or_empty (r->work_unit), NULL });
  form_row (table,
            (const char *const[]){ "联系电话", or_empty (r->phone), "党籍状态", standing, NULL });
  form_row (table, (const char *const[]){ "家庭住址", or_empty (r->address), NULL });
  form_row (table, (const char *const[]){ "流动党员", flow, NULL });
  form_row (table, (const char *const[]){ "失联党员", lost, NULL });
  form_row (table, (const char *const[]){ "备注", or_empty (r->remarks), NULL });
  /* Room to write in, as on a paper form. */
  zb_table_set_row_min_height (table, zb_table_get_n_rows (table) - 1, 40);

  return table;
}

static ZbTable *
history_table (GPtrArray *events)
{
  ZbTable *table = zb_table_new ();

  /* Fixed shares, so that every sheet's table looks the same however short
   * its history: room for "2026.11.27" and "组织关系转入" on one line. */
  zb_table_add_column (table, "序号", 0.55, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "日期", 1.2, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "事项", 1.3, PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "情况说明", 3.95, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);

  if (events == NULL || events->len == 0)
    {
      guint row = zb_table_append_row (table, (const char *const[]){ "无", NULL });

      zb_table_set_span (table, row, 0, 1, 4);
      return table;
    }

  for (guint i = 0; i < events->len; i++)
    {
      const ZbMemberEvent *e = g_ptr_array_index (events, i);
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *date = form_date (e->date);
      g_autofree char *details = event_details (e);

      zb_table_append_row (
          table, (const char *const[]){ serial, date, event_name (e->kind), details, NULL });
    }
  return table;
}

/* 本人签字, 支部书记签字 and the date, to be written in by hand. */
static ZbTable *
signature_table (void)
{
  ZbTable *table = zb_table_new ();
  guint row;

  for (guint c = 0; c < 6; c++)
    zb_table_add_column (table, NULL,
                         c % 2 == 0 ? 0
                         : c == 5   ? 1.3
                                    : 1.0,
                         PANGO_ALIGN_CENTER, PANGO_WRAP_WORD_CHAR);
  row = zb_table_append_row (table, (const char *const[]){ "本人签字", "", "支部书记签字", "",
                                                           "日期", "年　　月　　日", NULL });
  zb_table_set_cell_alignment (table, row, 5, PANGO_ALIGN_RIGHT, ZB_VALIGN_CENTER);
  zb_table_set_row_min_height (table, row, 44);
  return table;
}

ZbDocument *
zb_member_sheet_new (ZbMember *member, GPtrArray *events, GPtrArray *posts, const char *org_name,
                     GDateTime *date)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) form = NULL;
  g_autoptr (ZbTable) history = NULL;
  g_autoptr (ZbTable) signatures = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *made = NULL;
  g_autofree char *as_of_iso = NULL;
  const char *branch;
  GDate as_of;

  g_return_val_if_fail (ZB_IS_MEMBER (member), NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, g_date_time_get_day_of_month (date), g_date_time_get_month (date),
                  g_date_time_get_year (date));
  as_of_iso = g_date_time_format (date, "%Y-%m-%d");

  doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  zb_document_set_title (doc, SHEET_TITLE);
  zb_document_set_org_name (doc, org_name);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, SHEET_TITLE);

  /* The branch the member belongs to heads the form; a workspace of one
   * branch may not place members in a branch of its own. */
  branch = zb_member_get_branch_name (member);
  made = g_date_time_format (date, "%Y年%-m月%-d日");
  zb_document_add_fields (doc, 2,
                          (const char *const[]){ "党组织：",
                                                 is_set (branch) ? branch : or_empty (org_name),
                                                 "填表日期：", made, NULL });

  form = form_table (member, posts, &as_of, as_of_iso);
  zb_document_add_table (doc, form);

  zb_document_add_spacer (doc, 0.4);
  zb_document_add_text (doc, ZB_TEXT_HEADING, "组织关系和党籍变动情况");
  history = history_table (events);
  zb_document_add_table (doc, history);

  /* The signatures in boxes of their own, as on a paper form: they take less
   * room than signature lines, which keeps an ordinary sheet on one page. */
  signatures = signature_table ();
  zb_document_add_spacer (doc, 0.4);
  zb_document_add_table (doc, signatures);

  return g_steal_pointer (&doc);
}

static char *
dup_unit_name (ZbOrgRepo *org, gint64 id)
{
  g_autoptr (ZbOrgUnit) unit = NULL;

  if (org == NULL || id == 0 || (unit = zb_org_repo_get_unit (org, id, NULL)) == NULL)
    return NULL;
  return g_strdup (unit->name);
}

static ZbDocument *
sheet_for_member (ZbMemberRepo *members, ZbOrgRepo *org, ZbMember *member, const char *org_name,
                  GDateTime *date, GError **error)
{
  const ZbMemberRecord *r = zb_member_get_record (member);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) posts = NULL;

  events = zb_member_repo_list_events (members, r->uuid, error);
  if (events == NULL)
    return NULL;
  if (org != NULL && r->id != 0)
    {
      posts = zb_org_repo_list_member_posts (org, r->id, error);
      if (posts == NULL)
        return NULL;
    }
  return zb_member_sheet_new (member, events, posts, org_name, date);
}

ZbDocument *
zb_member_sheet_new_for_uuid (ZbMemberRepo *members, ZbOrgRepo *org, const char *uuid,
                              const char *org_name, GDateTime *date, GError **error)
{
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (ZbMember) member = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *group = NULL;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  record = zb_member_repo_get (members, uuid, error);
  if (record == NULL)
    return NULL;
  branch = dup_unit_name (org, record->branch_id);
  group = dup_unit_name (org, record->group_id);
  member = zb_member_new_with_units (record, branch, group);

  return sheet_for_member (members, org, member, org_name, date, error);
}

GPtrArray *
zb_member_sheets_new_for_query (ZbMemberRepo *members, ZbOrgRepo *org, const ZbMemberQuery *query,
                                const char *org_name, GDateTime *date, GCancellable *cancellable,
                                GError **error)
{
  const ZbMemberQuery all = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (GDateTime) now = NULL;
  gint64 count;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (org == NULL || ZB_IS_ORG_REPO (org), NULL);

  if (query == NULL)
    query = &all;
  /* One date for all: a batch is one print. */
  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  count = zb_member_repo_count (members, query, error);
  if (count < 0)
    return NULL;

  sheets = g_ptr_array_new_full ((guint)count, g_object_unref);
  for (guint offset = 0; offset < (guint64)count; offset += FETCH_PAGE)
    {
      g_autoptr (GPtrArray) rows = zb_member_repo_fetch (members, query, offset, FETCH_PAGE, error);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          ZbDocument *sheet;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          sheet
              = sheet_for_member (members, org, g_ptr_array_index (rows, i), org_name, date, error);
          if (sheet == NULL)
            return NULL;
          g_ptr_array_add (sheets, sheet);
        }
      /* Rows removed meanwhile: stop rather than ask past the end. */
      if (rows->len < FETCH_PAGE)
        break;
    }

  return g_steal_pointer (&sheets);
}
