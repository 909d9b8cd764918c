/* test-review-document.c — the 民主评议党员测评结果汇总表 of a stored meeting,
 * rendered and read back (DOMAIN.md §2.2, §5 row 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../meetings/meetings-test-util.h"
#include "render-samples.h"
#include "zb-review-document.h"

#define ORG "中共示例街道第一社区支部委员会"

static const char *const names[]
    = { "张建国", "李秀英", "王海燕", "赵德明", "陈丽华", "刘志强", "杨帆", "黄文斌", "周敏" };

/* A 民主评议党员 of the nine members of the branch on 2026-11-20, with the
 * first @n_excellent graded 优秀, the last 基本合格 with a remark, the rest
 * 合格. Returns the meeting's uuid. */
static char *
graded_meeting (MeetingFixture *f, guint n_excellent)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_APPRAISAL, "2026-11-20");
  g_autoptr (GPtrArray) grades
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r
          = meeting_member (f, names[i], 11 + 2 * (int)i, "2000-07-01", "2001-07-01", FALSE);
    }
  m->branch_id = f->branch->id;
  m->title = g_strdup ("2026年度民主评议党员大会");
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < m->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);
      guint k = 0;

      while (g_strcmp0 (names[k], a->name) != 0)
        k++;
      g_ptr_array_add (grades,
                       zb_meeting_grade_new (
                           a->member_id, NULL,
                           k < n_excellent                 ? ZB_REVIEW_GRADE_EXCELLENT
                           : k == G_N_ELEMENTS (names) - 1 ? ZB_REVIEW_GRADE_BASICALLY_QUALIFIED
                                                           : ZB_REVIEW_GRADE_QUALIFIED,
                           k == G_N_ELEMENTS (names) - 1 ? "参加组织生活不够经常" : NULL));
    }
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, m->uuid, grades, &error));
  g_assert_no_error (error);
  return g_strdup (m->uuid);
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

static char *
render_text (ZbDocument *doc, const char *name, int *n_pages)
{
  g_autoptr (GBytes) bytes = NULL;
  PopplerDocument *pdf;
  char *text;

  zb_document_set_number (doc, "ZB-2026-000500");
  bytes = render_pdf (doc);
  keep_pdf (bytes, name);
  pdf = load_pdf (bytes);
  *n_pages = poppler_document_get_n_pages (pdf);
  text = pdf_text_compact (pdf, -1);
  g_object_unref (pdf);
  return text;
}

/* Each of @needles in @text, in order. */
static void
assert_in_order (const char *text, const char *const *needles)
{
  const char *at = text;

  for (guint i = 0; needles[i] != NULL; i++)
    {
      g_autofree char *needle = compact (needles[i]);
      const char *found = strstr (at, needle);

      if (found == NULL)
        fprintf (stderr, "# text: %s\n# missing: %s\n", at, needles[i]);
      if (found == NULL)
        g_error ("“%s” is not in the document after “%s”", needles[i], i > 0 ? needles[i - 1] : "");
      at = found + strlen (needle);
    }
}

/* Within the third: 3 of 9 优秀. The sheet's parts in order: heading, the
 * table with every member, the counts, the check, the opinion box, the
 * signature. */
static void
test_within_cap (MeetingFixture *f, gconstpointer data)
{
  g_autofree char *uuid = graded_meeting (f, 3);
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  doc = zb_review_document_new_for_uuid (f->meetings, f->roster.org, uuid, ORG, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_document_get_org_name (doc), ==, "第一支部");
  text = render_text (doc, "review-within.pdf", &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  assert_in_order (text, (const char *const[]){ "民主评议党员测评结果汇总表", "党组织：",
                                                "第一支部", "评议时间：", "2026年11月20日", "序号",
                                                "姓名", "评议等次", "备注", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_in_order (text, (const char *const[]){ "序号", names[i], NULL });
  assert_in_order (
      text, (const char *const[]){ "周敏", "基本合格", "参加组织生活不够经常", "参评人数", "优秀",
                                   "合格", "基本合格", "不合格", "9人", "3人", "5人", "1人", "0人",
                                   "优秀等次3人，占参评党员9人的比例未超过三分之一", "评定意见",
                                   "支部书记（签字）", "2026年11月20日", NULL });
  g_assert_null (strstr (text, "超过参评党员9人"));
}

/* Over the third: 4 of 9 — stated with the figures, calmly. */
static void
test_over_cap (MeetingFixture *f, gconstpointer data)
{
  g_autofree char *uuid = graded_meeting (f, 4);
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  int n_pages = 0;

  doc = zb_review_document_new_for_uuid (f->meetings, NULL, uuid, ORG, NULL, &error);
  g_assert_no_error (error);
  text = render_text (doc, "review-over.pdf", &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  /* without the org repository, the workspace's name heads the sheet */
  assert_in_order (text, (const char *const[]){ "党组织：", ORG, NULL });
  assert_in_order (text, (const char *const[]){ "9人", "4人", "4人", "1人",
                                                "优秀等次4人，超过参评党员9人的三分之一"
                                                "（一般不超过3人）",
                                                NULL });
}

/* A meeting without grades has no sheet: said as a sentence. */
static void
test_no_grades (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_APPRAISAL, "2026-11-20");
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GError) error = NULL;

  m->branch_id = f->branch->id;
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  doc = zb_review_document_new_for_uuid (f->meetings, f->roster.org, m->uuid, ORG, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  g_test_add ("/review-document/within-cap", MeetingFixture, NULL, meeting_fixture_set_up,
              test_within_cap, meeting_fixture_tear_down);
  g_test_add ("/review-document/over-cap", MeetingFixture, NULL, meeting_fixture_set_up,
              test_over_cap, meeting_fixture_tear_down);
  g_test_add ("/review-document/no-grades", MeetingFixture, NULL, meeting_fixture_set_up,
              test_no_grades, meeting_fixture_tear_down);

  return g_test_run ();
}
