/* zb-roster-document.c — the 党员名册, a landscape register of the members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-codes.h"
#include "zb-roster-document.h"

/* Rows are read through the repository in pages, so that a large roster is
 * never one query result held at once. */
#define FETCH_PAGE 500

/* The text of the register is official Chinese whatever the language of the
 * interface (as the footer marking), so none of it is translated. */
static const struct
{
  const char *title;
  double weight; /* 0: as wide as the widest entry */
  PangoAlignment align;
} columns[] = {
  { "序号", 0, PANGO_ALIGN_CENTER },           { "姓名", 0, PANGO_ALIGN_CENTER },
  { "性别", 0, PANGO_ALIGN_CENTER },           { "民族", 0, PANGO_ALIGN_CENTER },
  { "出生年月", 0, PANGO_ALIGN_CENTER },       { "籍贯", 0, PANGO_ALIGN_CENTER },
  { "学历", 0, PANGO_ALIGN_CENTER },           { "入党时间", 0, PANGO_ALIGN_CENTER },
  { "转正时间", 0, PANGO_ALIGN_CENTER },       { "人员类别", 0, PANGO_ALIGN_CENTER },
  { "工作单位及职务", 2.4, PANGO_ALIGN_LEFT }, { "公民身份号码", 0, PANGO_ALIGN_CENTER },
  { "联系电话", 0, PANGO_ALIGN_CENTER },       { "党小组", 0, PANGO_ALIGN_CENTER },
  { "备注", 1.2, PANGO_ALIGN_LEFT },
};

/* "YYYY-MM-DD" → "YYYY.MM", as registers write months. */
static char *
year_month (const char *date)
{
  if (date == NULL || strlen (date) < 7)
    return g_strdup ("");
  return g_strdup_printf ("%.4s.%.2s", date, date + 5);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
remark_for (const ZbMemberRecord *r)
{
  g_autoptr (GString) out = g_string_new (NULL);

  if (r->flowing)
    {
      if (r->flow_destination != NULL && *r->flow_destination != '\0')
        g_string_append_printf (out, "流动党员（%s）", r->flow_destination);
      else
        g_string_append (out, "流动党员");
    }
  if (r->lost_contact)
    g_string_append_printf (out, "%s失联党员", out->len > 0 ? "；" : "");
  if (r->standing == ZB_STANDING_SUSPENDED)
    g_string_append_printf (out, "%s停止党籍", out->len > 0 ? "；" : "");
  if (r->remarks != NULL && *r->remarks != '\0')
    g_string_append_printf (out, "%s%s", out->len > 0 ? "；" : "", r->remarks);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef struct
{
  guint total, full, probationary, male, female;
} Totals;

static void
append_member (ZbTable *table, ZbMember *member, guint serial, Totals *totals)
{
  const ZbMemberRecord *r = zb_member_get_record (member);
  g_autofree char *number = g_strdup_printf ("%u", serial);
  g_autofree char *born = year_month (r->birth_date);
  g_autofree char *joined = year_month (r->joined_date);
  g_autofree char *full = year_month (r->full_date);
  g_autofree char *remark = remark_for (r);
  const char *gender = r->gender == ZB_GENDER_MALE     ? "男"
                       : r->gender == ZB_GENDER_FEMALE ? "女"
                                                       : "";
  gboolean probationary = r->category == ZB_CATEGORY_PROBATIONARY;
  const char *cells[] = { number,
                          or_empty (r->name),
                          gender,
                          or_empty (zb_ethnicity_get_name (r->ethnicity)),
                          born,
                          or_empty (r->native_place),
                          or_empty (zb_education_get_name (r->education)),
                          joined,
                          probationary ? "" : full,
                          probationary ? "预备党员" : "正式党员",
                          or_empty (r->work_unit),
                          or_empty (r->id_number),
                          or_empty (r->phone),
                          or_empty (zb_member_get_group_name (member)),
                          remark,
                          NULL };

  zb_table_append_row (table, cells);
  totals->total++;
  if (probationary)
    totals->probationary++;
  else
    totals->full++;
  if (r->gender == ZB_GENDER_MALE)
    totals->male++;
  else if (r->gender == ZB_GENDER_FEMALE)
    totals->female++;
}

ZbDocument *
zb_roster_document_new (ZbMemberRepo *repo, const ZbMemberQuery *query, const char *org_name,
                        GDateTime *date, GError **error)
{
  const ZbMemberQuery all = ZB_MEMBER_QUERY_INIT;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbTable) table = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *totals_text = NULL;
  Totals totals = { 0 };
  gint64 count;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);

  if (query == NULL)
    query = &all;
  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  count = zb_member_repo_count (repo, query, error);
  if (count < 0)
    return NULL;

  doc = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  zb_document_set_title (doc, "党员名册");
  zb_document_set_org_name (doc, org_name);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "党员名册");

  as_of = g_date_time_format (date, "%Y年%-m月%-d日");
  zb_document_add_fields (
      doc, 2,
      (const char *const[]){ "党组织名称：", or_empty (org_name), "统计截至：", as_of, NULL });

  table = zb_table_new ();
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    zb_table_add_column (table, columns[c].title, columns[c].weight, columns[c].align,
                         PANGO_WRAP_WORD_CHAR);
  /* Fifteen columns across A4: 小五, as dense registers are printed. */
  zb_table_set_font_size (table, 9.0);

  for (guint offset = 0; offset < (guint64)count; offset += FETCH_PAGE)
    {
      g_autoptr (GPtrArray) rows = zb_member_repo_fetch (repo, query, offset, FETCH_PAGE, error);

      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        append_member (table, g_ptr_array_index (rows, i), totals.total + 1, &totals);
      /* Rows removed meanwhile: stop rather than ask past the end. */
      if (rows->len < FETCH_PAGE)
        break;
    }
  zb_document_add_table (doc, table);

  totals_text
      = g_strdup_printf ("共%u名党员：正式党员%u名，预备党员%u名；男%u名，女%u名。", totals.total,
                         totals.full, totals.probationary, totals.male, totals.female);
  zb_document_add_spacer (doc, 0.5);
  zb_document_add_text (doc, ZB_TEXT_PLAIN, totals_text);

  return g_steal_pointer (&doc);
}
