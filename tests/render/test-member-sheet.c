/* test-member-sheet.c — the 党员基本信息表, rendered and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../unit/zb-test-util.h"
#include "render-samples.h"
#include "zb-member-demo.h"
#include "zb-member-sheet.h"

#define ORG "中共示例街道第一社区委员会"
#define ID_NUMBER "33062119750315024X"

/* A member with every field filled in. */
static ZbMember *
full_member (void)
{
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();

  r->uuid = g_strdup ("8f0c6a52-1d3e-4b7a-9c15-2e7f4d9a6b01");
  r->name = g_strdup ("欧阳秀英");
  r->gender = ZB_GENDER_FEMALE;
  r->ethnicity = 3;
  r->id_number = g_strdup (ID_NUMBER);
  r->birth_date = g_strdup ("1975-03-15");
  r->native_place = g_strdup ("浙江省绍兴县");
  r->education = 20;
  r->work_start_date = g_strdup ("1996-07-01");
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("1998-06-30");
  r->full_date = g_strdup ("1999-07-01");
  r->work_unit = g_strdup ("示例市第二人民医院护士长");
  r->phone = g_strdup ("13905710001");
  r->address = g_strdup ("示例市西湖区文三路88号3幢201室");
  r->flowing = TRUE;
  r->flow_destination = g_strdup ("广东省深圳市");
  r->flow_card_number = g_strdup ("LD2026017");
  r->remarks = g_strdup ("2025年度优秀共产党员");
  return zb_member_new_with_units (r, "第一党支部", "第二党小组");
}

static GPtrArray *
some_events (void)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_member_event_free);
  ZbMemberEvent *e;

  e = zb_member_event_new (ZB_EVENT_FULL_MEMBERSHIP, "1999-07-01");
  g_ptr_array_add (events, e);
  e = zb_member_event_new (ZB_EVENT_TRANSFER_IN, "2012-03-05");
  e->counterpart = g_strdup ("中共示例县人民医院支部委员会");
  e->letter_number = g_strdup ("示组转字〔2012〕017号");
  e->dues_paid_until = g_strdup ("2012-02");
  g_ptr_array_add (events, e);
  e = zb_member_event_new (ZB_EVENT_FLOW_START, "2026-04-01");
  e->counterpart = g_strdup ("广东省深圳市");
  e->letter_number = g_strdup ("LD2026017");
  g_ptr_array_add (events, e);
  return events;
}

static GPtrArray *
secretary_post (void)
{
  GPtrArray *posts = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_party_post_free);
  ZbPartyPost *post = g_new0 (ZbPartyPost, 1);

  post->role = ZB_POST_SECRETARY;
  post->start_date = g_strdup ("2023-01-10");
  g_ptr_array_add (posts, post);
  /* A post that ended is not a post held. */
  post = g_new0 (ZbPartyPost, 1);
  post->role = ZB_POST_PROPAGANDA;
  post->start_date = g_strdup ("2018-01-10");
  post->end_date = g_strdup ("2022-12-31");
  g_ptr_array_add (posts, post);
  return posts;
}

/* Where @text is printed: its page and the height of its middle from the top
 * of the page; FALSE when it is nowhere. */
static gboolean
find_text (PopplerDocument *pdf, const char *text, int *page, double *y)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, i);
      GList *matches = poppler_page_find_text (p, text);
      double w, h;

      if (matches == NULL)
        continue;
      poppler_page_get_size (p, &w, &h);
      {
        PopplerRectangle *r = matches->data;

        *y = h - (r->y1 + r->y2) / 2;
      }
      *page = i;
      g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
      return TRUE;
    }
  return FALSE;
}

static void
assert_contains (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not on the sheet", needle);
}

/* The left edge of the first place @text is printed on @page. */
static double
left_of (PopplerDocument *pdf, int page, const char *text)
{
  g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, page);
  GList *matches = poppler_page_find_text (p, text);
  double x;

  g_assert_nonnull (matches);
  x = ((PopplerRectangle *)matches->data)->x1;
  g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
  return x;
}

typedef struct
{
  gunichar ch;
  double x, y;
} Glyph;

static int
compare_y (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  return ga->y < gb->y ? -1 : ga->y > gb->y;
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  return ga->x < gb->x ? -1 : ga->x > gb->x;
}

/* The text printed right of @x_min on @page, line by line from the top,
 * without white space: what a table's last column says, its wrapped lines
 * joined (poppler's own order runs across the cells of a row). */
static char *
column_text (PopplerDocument *pdf, int page, double x_min)
{
  g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, page);
  g_autofree char *text = poppler_page_get_text (p);
  g_autofree PopplerRectangle *boxes = NULL;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *out = g_string_new (NULL);
  guint n_boxes = 0, k = 0;

  g_assert_true (poppler_page_get_text_layout (p, &boxes, &n_boxes));
  for (const char *c = text; *c != '\0' && k < n_boxes; c = g_utf8_next_char (c), k++)
    {
      Glyph g = { g_utf8_get_char (c), (boxes[k].x1 + boxes[k].x2) / 2,
                  (boxes[k].y1 + boxes[k].y2) / 2 };

      if (!g_unichar_isspace (g.ch) && g.ch != 0x3000 && boxes[k].x1 >= x_min - 1)
        g_array_append_val (glyphs, g);
    }
  g_array_sort (glyphs, compare_y);
  /* Lines: glyphs within a few points of the first of the line. */
  for (guint i = 0; i < glyphs->len;)
    {
      double top = g_array_index (glyphs, Glyph, i).y;
      guint j = i;

      while (j < glyphs->len && g_array_index (glyphs, Glyph, j).y - top < 6)
        j++;
      qsort (&g_array_index (glyphs, Glyph, i), j - i, sizeof (Glyph), compare_x);
      for (; i < j; i++)
        g_string_append_unichar (out, g_array_index (glyphs, Glyph, i).ch);
    }
  return g_string_free (out, FALSE);
}

/* Keeps @bytes as @name in the build directory, to be looked at. */
static void
keep_pdf (GBytes *bytes, const char *name)
{
  const char *root = g_getenv ("ZB_BUILD_ROOT");
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;

  if (root == NULL)
    return;
  dir = g_build_filename (root, "tests", "render", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_build_filename (dir, name, NULL);
  g_assert_true (
      g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
test_fields (void)
{
  g_autoptr (ZbMember) member = full_member ();
  g_autoptr (GPtrArray) events = some_events ();
  g_autoptr (GPtrArray) posts = secretary_post ();
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) doc = zb_member_sheet_new (member, events, posts, ORG, date);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  g_autoptr (TestPdfPage) page = NULL;
  double width, height;
  const char *labels[] = { "党员基本信息表",
                           "姓名",
                           "性别",
                           "民族",
                           "出生日期",
                           "籍贯",
                           "公民身份号码",
                           "学历",
                           "参加工作日期",
                           "人员类别",
                           "入党日期",
                           "转正日期",
                           "党龄",
                           "所在支部",
                           "党小组",
                           "工作单位及职务",
                           "党内职务",
                           "联系电话",
                           "家庭住址",
                           "流动党员",
                           "失联党员",
                           "党籍状态",
                           "备注",
                           "组织关系和党籍变动情况",
                           "本人签字",
                           "支部书记签字",
                           "年",
                           "月",
                           "日",
                           NULL };
  const char *values[]
      = { "欧阳秀英", "女", "回族", "1975.03.15", "浙江省绍兴县",
          /* full, unmasked */
          ID_NUMBER, "大学本科", "1996.07.01", "正式党员", "1998.06.30", "1999.07.01", "27年",
          "第一党支部", "第二党小组", "示例市第二人民医院护士长", "书记", "13905710001",
          "示例市西湖区文三路88号3幢201室", "流动去向：广东省深圳市", "活动证号：LD2026017", "否",
          "正常", "2025年度优秀共产党员",
          /* the heading: the branch, and the date */
          "党组织：第一党支部", "2026年11月27日", NULL };

  zb_document_set_number (doc, "ZB-2026-000042");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  keep_pdf (bytes, "member-sheet.pdf");

  /* One portrait A4 page. */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  page = poppler_document_get_page (pdf, 0);
  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, ZB_MM_TO_PT (210.0), 1.0);
  g_assert_cmpfloat_with_epsilon (height, ZB_MM_TO_PT (297.0), 1.0);

  text = pdf_text_compact (pdf, 0);
  for (guint i = 0; labels[i] != NULL; i++)
    assert_contains (text, labels[i]);
  for (guint i = 0; values[i] != NULL; i++)
    assert_contains (text, values[i]);
  /* The ended post is not shown; the number is in the footer. */
  g_assert_null (strstr (text, "宣传委员"));
  assert_contains (text, "ZB-2026-000042");

  /* The history: every event with its details, in date order. */
  {
    const char *order[] = { "转为正式党员", "组织关系转入", "外出流动", NULL };
    double last_y = 0;

    g_autofree char *details = column_text (pdf, 0, left_of (pdf, 0, "转出单位"));

    assert_contains (details, "转出单位：中共示例县人民医院支部委员会；介绍信编号：示组转字〔2012〕"
                              "017号；党费交至：2012年2月");
    assert_contains (details, "流动去向：广东省深圳市；活动证号：LD2026017");
    for (guint i = 0; order[i] != NULL; i++)
      {
        int at;
        double y;

        g_assert_true (find_text (pdf, order[i], &at, &y));
        g_assert_cmpint (at, ==, 0);
        g_assert_cmpfloat (y, >, last_y);
        last_y = y;
      }
  }
}

/* A probationary member has no 党龄 yet; nobody lost contact; no events. */
static void
test_probationary (void)
{
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();
  g_autoptr (ZbMember) member = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  r->name = g_strdup ("赵明");
  r->gender = ZB_GENDER_MALE;
  r->category = ZB_CATEGORY_PROBATIONARY;
  r->joined_date = g_strdup ("2026-06-30");
  r->lost_contact = TRUE;
  r->lost_contact_date = g_strdup ("2026-09-01");
  r->lost_contact_reason = 1;
  r->standing = ZB_STANDING_SUSPENDED;
  member = zb_member_new (r);

  doc = zb_member_sheet_new (member, NULL, NULL, ORG, date);
  zb_document_set_number (doc, "ZB-2026-000043");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = pdf_text_compact (pdf, 0);

  assert_contains (text, "预备党员");
  assert_contains (text, "2026.06.30");
  g_assert_null (strstr (text, "年党龄"));
  assert_contains (text, "失联日期：2026.09.01");
  assert_contains (text, "失联情形：外出务工经商");
  assert_contains (text, "停止党籍");
  /* No branch of its own: the workspace heads the form. */
  assert_contains (text, "党组织：" ORG);
  /* An empty history says so. */
  assert_contains (text, "情况说明无");
}

/* A long history flows onto the next page between rows, with the table's
 * header repeated; every row is whole on one page. */
static void
test_many_events (void)
{
  g_autoptr (ZbMember) member = full_member ();
  g_autoptr (GPtrArray) events
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_member_event_free);
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  const guint n_events = 30;
  int last_page = 0;
  double last_y = 0;
  double details_x;
  int n_pages;

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *day = g_strdup_printf ("%04u-%02u-15", 1999 + i / 4, 1 + (i % 4) * 3);

      g_ptr_array_add (dates, g_strdup_printf ("%04u.%02u.15", 1999 + i / 4, 1 + (i % 4) * 3));
      ZbMemberEvent *e
          = zb_member_event_new (i % 2 == 0 ? ZB_EVENT_FLOW_START : ZB_EVENT_FLOW_END, day);

      if (i % 2 == 0)
        e->counterpart = g_strdup_printf ("示例省第%u市", i + 1);
      /* Two or three lines in the cell, so that a split row would show. */
      e->notes = g_strdup_printf ("记录%u开始，按规定向流入地党组织报到并参加组织生活，"
                                  "每年向支部汇报一次思想和工作情况，记录%u结束",
                                  i + 1, i + 1);
      g_ptr_array_add (events, e);
    }

  doc = zb_member_sheet_new (member, events, NULL, ORG, date);
  zb_document_set_number (doc, "ZB-2026-000044");
  bytes = render_pdf (doc);
  keep_pdf (bytes, "member-sheet-long.pdf");
  pdf = load_pdf (bytes);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >=, 2);
  details_x = left_of (pdf, 0, "流动去向");

  /* The header row on every page the table runs onto. */
  for (int p = 1; p < n_pages; p++)
    {
      g_autofree char *text = pdf_text_compact (pdf, p);

      assert_contains (text, "情况说明");
      assert_contains (text, "序号");
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *start = g_strdup_printf ("记录%u开始", i + 1);
      g_autofree char *end = g_strdup_printf ("记录%u结束", i + 1);
      g_autofree char *all = pdf_text_compact (pdf, -1);
      int start_page = -1, end_page = -1;
      double y;

      /* Each once in the whole document … */
      g_assert_cmpuint (count_occurrences (all, start), ==, 1);
      g_assert_cmpuint (count_occurrences (all, end), ==, 1);
      /* … the start and the end of a row on the same page … */
      for (int p = 0; p < n_pages; p++)
        {
          g_autofree char *text = column_text (pdf, p, details_x);

          if (strstr (text, start) != NULL)
            start_page = p;
          if (strstr (text, end) != NULL)
            end_page = p;
        }
      g_assert_cmpint (start_page, >=, 0);
      g_assert_cmpint (start_page, ==, end_page);

      /* … and the rows in date order down the pages (the dates are all
       * different, and short enough not to wrap). */
      g_assert_true (find_text (pdf, dates->pdata[i], &start_page, &y));
      g_assert_cmpint (start_page, ==, end_page);
      g_assert_true (start_page > last_page || (start_page == last_page && y > last_y));
      last_page = start_page;
      last_y = y;
    }
  g_assert_cmpint (last_page, >=, 1);

  /* The signatures come after the last row. */
  {
    int at;
    double y;

    g_assert_true (find_text (pdf, "支部书记签字", &at, &y));
    g_assert_true (at > last_page || (at == last_page && y > last_y));
  }
}

/* From a real workspace: the branch, group, posts and events come from the
 * repositories; a batch has one sheet per member of the query, in its order. */
static void
test_from_repositories (void)
{
  g_autofree char *path = zb_test_path ("sheet.db");
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbOrgUnit) branch = NULL;
  g_autoptr (ZbOrgUnit) group = NULL;
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();
  g_autoptr (ZbMemberEvent) out = NULL;
  g_autoptr (ZbPartyPost) post = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;

  secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  db = zb_test_create_workspace (path, secret, ORG);
  g_assert_true (zb_member_demo_fill (db, 12, 1, 20261127, &error));
  g_assert_no_error (error);
  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);

  branch = zb_org_repo_create_unit (org, ZB_ORG_UNIT_BRANCH, 0, "第五党支部", &error);
  g_assert_no_error (error);
  group = zb_org_repo_create_unit (org, ZB_ORG_UNIT_GROUP, branch->id, "退休党小组", &error);
  g_assert_no_error (error);

  r->name = g_strdup ("钱学森");
  r->id_number = g_strdup (ID_NUMBER);
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("1998-06-30");
  r->full_date = g_strdup ("1999-07-01");
  r->branch_id = branch->id;
  r->group_id = group->id;
  g_assert_true (zb_member_repo_insert (members, r, &error));
  g_assert_no_error (error);
  post = zb_org_repo_add_post (org, r->id, branch->id, 0, ZB_POST_ORGANISATION, "2024-01-01", NULL,
                               &error);
  g_assert_no_error (error);
  out = zb_member_event_new (ZB_EVENT_FLOW_START, "2026-05-01");
  out->counterpart = g_strdup ("上海市浦东新区");
  out->letter_number = g_strdup ("LD-2026-0501");
  g_assert_true (zb_member_repo_record_event (members, r->uuid, out, &error));
  g_assert_no_error (error);

  doc = zb_member_sheet_new_for_uuid (members, org, r->uuid, ORG, date, &error);
  g_assert_no_error (error);
  zb_document_set_number (doc, "ZB-2026-000045");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = pdf_text_compact (pdf, 0);
  assert_contains (text, "钱学森");
  assert_contains (text, "党组织：第五党支部");
  assert_contains (text, "退休党小组");
  assert_contains (text, "组织委员");
  assert_contains (text, "流动去向：上海市浦东新区");
  assert_contains (text, "活动证号：LD-2026-0501");
  assert_contains (text, "2026.05.01");

  /* Nobody by that uuid. */
  {
    g_autoptr (ZbDocument) none = zb_member_sheet_new_for_uuid (
        members, org, "00000000-0000-4000-8000-000000000000", ORG, date, &error);

    g_assert_null (none);
    g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The batch of a branch: only its member; of everyone: all, in order. */
  query.branch_id = branch->id;
  sheets = zb_member_sheets_new_for_query (members, org, &query, ORG, date, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheets->len, ==, 1);
  g_clear_pointer (&sheets, g_ptr_array_unref);

  sheets = zb_member_sheets_new_for_query (members, org, NULL, ORG, date, NULL, &error);
  g_assert_no_error (error);
  {
    const ZbMemberQuery all = ZB_MEMBER_QUERY_INIT;

    rows = zb_member_repo_fetch (members, &all, 0, 1000, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (sheets->len, ==, 13);
  g_assert_cmpuint (sheets->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (GBytes) one = NULL;
      g_autoptr (TestPdf) one_pdf = NULL;
      g_autofree char *one_text = NULL;

      /* The first and the last are enough to see the order. */
      if (i != 0 && i != rows->len - 1)
        continue;
      zb_document_set_number (g_ptr_array_index (sheets, i), "ZB-2026-000046");
      one = render_pdf (g_ptr_array_index (sheets, i));
      one_pdf = load_pdf (one);
      one_text = pdf_text_compact (one_pdf, 0);
      assert_contains (one_text, zb_member_get_name (g_ptr_array_index (rows, i)));
    }

  /* Cancelled: nothing. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GPtrArray) none = NULL;

    g_cancellable_cancel (cancellable);
    none = zb_member_sheets_new_for_query (members, org, NULL, ORG, date, cancellable, &error);
    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  zb_database_close (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/member-sheet/fields", test_fields);
  g_test_add_func ("/member-sheet/probationary", test_probationary);
  g_test_add_func ("/member-sheet/many-events", test_many_events);
  g_test_add_func ("/member-sheet/from-repositories", test_from_repositories);

  return g_test_run ();
}
