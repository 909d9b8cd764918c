/* test-talk-documents.c — the 谈心谈话记录表 and the 谈心谈话情况统计表 of
 * stored talks, rendered and read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../talks/talks-test-util.h"
#include "render-samples.h"
#include "zb-talk-document.h"

#define ORG "中共示例街道第一社区支部委员会"

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

static GBytes *
render_numbered (ZbDocument *doc)
{
  zb_document_set_number (doc, "ZB-2026-000654");
  return render_pdf (doc);
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

static void
assert_has (const char *text, const char *needle)
{
  assert_in_order (text, (const char *const[]){ needle, NULL });
}

/* The first page @text is printed on, -1 when none. */
static int
page_of (PopplerDocument *pdf, const char *text)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, i);
      GList *matches = poppler_page_find_text (p, text);

      if (matches != NULL)
        {
          g_list_free_full (matches, (GDestroyNotify)poppler_rectangle_free);
          return i;
        }
    }
  return -1;
}

/* Whether @a and @b are printed on one line of page @page (a table row's
 * cells share their first line): poppler gives the text of a table in no
 * reliable order, its positions are exact. Every match of either counts. */
static gboolean
same_row (PopplerDocument *pdf, int page, const char *a, const char *b)
{
  g_autoptr (TestPdfPage) p = poppler_document_get_page (pdf, page);
  GList *as = poppler_page_find_text (p, a);
  GList *bs = poppler_page_find_text (p, b);
  gboolean found = FALSE;

  for (GList *i = as; i != NULL && !found; i = i->next)
    for (GList *j = bs; j != NULL && !found; j = j->next)
      {
        const PopplerRectangle *ra = i->data, *rb = j->data;

        found = ABS (ra->y1 - rb->y1) < 2.0;
      }
  if (!found)
    g_test_message ("“%s” and “%s” are not on one line of page %d", a, b, page + 1);
  g_list_free_full (as, (GDestroyNotify)poppler_rectangle_free);
  g_list_free_full (bs, (GDestroyNotify)poppler_rectangle_free);
  return found;
}

/* Every one of the NULL-terminated cells is on @name's row of page 1. */
static void
assert_row (PopplerDocument *pdf, const char *name, const char *const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    g_assert_true (same_row (pdf, 0, name, cells[i]));
}

/* ------------------------------------------------------------------------- */
/* 谈心谈话记录表                                                            */

typedef struct
{
  ZbMemberRecord *secretary, *organiser, *member;
} People;

static void
people_set_up (TalkFixture *f, People *p)
{
  p->secretary = talk_member (f, "张建国", 1, "2000-07-01");
  p->organiser = talk_member (f, "李秀英", 2, "2005-07-01");
  p->member = talk_member (f, "王海燕", 3, "2010-07-01");
  talk_post (f, p->secretary, ZB_POST_SECRETARY);
  talk_post (f, p->organiser, ZB_POST_ORGANISATION);
}

static void
people_clear (People *p)
{
  zb_member_record_free (p->secretary);
  zb_member_record_free (p->organiser);
  zb_member_record_free (p->member);
}

/* The 书记 talks with 王海燕 and with 赵明, an applicant not on the roster;
 * the 组织委员 records. @said_by_talker: the talker's part (NULL: a short
 * one). Returns the talk's uuid. */
static char *
record_talk (TalkFixture *f, People *p, const char *said_by_talker)
{
  g_autoptr (ZbTalkRecord) t = zb_talk_record_new (ZB_TALK_KIND_BEFORE_LIFE_MEETING, "2026-11-20");
  g_autoptr (GError) error = NULL;
  ZbTalkParticipant *applicant;
  ZbTalkAction *a;

  t->start_time = g_strdup ("14:30");
  t->place = g_strdup ("社区党员活动室");
  t->topic = g_strdup ("对照检查，查找差距");
  t->branch_id = f->branch->id;
  t->recorder_id = p->organiser->id;
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, p->secretary->id));
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, p->member->id));
  applicant = zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "赵明", "person-zhao");
  applicant->post = g_strdup ("入党申请人");
  zb_talk_record_add_participant (t, applicant);

  a = zb_talk_action_new ("写出个人整改清单", "2026-12-15");
  a->owner_id = p->member->id;
  a->owner_name = g_strdup ("王海燕");
  g_ptr_array_add (t->actions, a);
  g_ptr_array_add (t->actions, zb_talk_action_new ("书记一月内回访", "2026-12-31"));

  t->contents = zb_talk_contents_new (
      said_by_talker != NULL ? said_by_talker : "书记所谈独有语句：希望发挥先锋模范作用。",
      "对象所谈独有语句：工作中存在畏难情绪。", "表态独有语句：诚恳接受，立即整改。");
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
  return g_strdup (t->uuid);
}

static GBytes *
render_record (TalkFixture *f, const char *uuid, const char *keep_as)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc
      = zb_talk_record_document_new_for_uuid (f->talks, uuid, ORG, date, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  bytes = render_numbered (doc);
  keep_pdf (bytes, keep_as);
  return bytes;
}

static void
test_record_fields (TalkFixture *f, gconstpointer data)
{
  People p;
  g_autofree char *uuid = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  /* Cells come out of poppler in no reliable order: the form's labels and
   * values are checked for presence, the flowing text for its order. */
  const char *const form[] = { "谈话时间", "2026年11月20日 14:30", "地点", "社区党员活动室",
                               "谈话类型", "组织生活会前谈心", "记录人", "李秀英", "谈话人",
                               "张建国", "职务", "支部书记", "谈话对象", "王海燕", "职务/身份",
                               "党员", "赵明", "入党申请人（非党员）", "主题", "对照检查，查找差距",
                               /* the actions' table */
                               "序号", "后续措施", "责任人", "完成时限", "写出个人整改清单",
                               "2026.12.15", "书记一月内回访", "2026.12.31", NULL };
  const char *const order[] = { ORG,
                                "谈心谈话记录表",
                                "一、谈话主要内容",
                                "（一）谈话人所谈",
                                "书记所谈独有语句：希望发挥先锋模范作用。",
                                "（二）谈话对象所谈",
                                "对象所谈独有语句：工作中存在畏难情绪。",
                                "二、谈话对象表态及意见建议",
                                "表态独有语句：诚恳接受，立即整改。",
                                "三、后续措施",
                                "以上记录经谈话双方核对无误。",
                                "谈话人（签字）",
                                "2026年11月20日",
                                "谈话对象（签字）",
                                "2026年11月20日",
                                NULL };

  people_set_up (f, &p);
  uuid = record_talk (f, &p, NULL);
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 0);

  bytes = render_record (f, uuid, "talk-record.pdf");
  /* Printing is an opening of the contents: audited, once. */
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 1);
  talk_assert_audit_ok (f);

  pdf = load_pdf (bytes);
  /* The signatures never stand alone: the sentence they attest comes along,
   * and the actions' heading stays with its table. */
  g_assert_cmpint (page_of (pdf, "以上记录经谈话双方核对无误"), ==,
                   page_of (pdf, "谈话人（签字）"));
  g_assert_cmpint (page_of (pdf, "谈话对象（签字）"), ==, page_of (pdf, "谈话人（签字）"));
  g_assert_cmpint (page_of (pdf, "三、后续措施"), ==, page_of (pdf, "写出个人整改清单"));
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  for (guint i = 0; form[i] != NULL; i++)
    assert_has (text, form[i]);
  assert_in_order (text, order);
  /* A member is not marked as a non-member. */
  g_assert_null (strstr (text, "王海燕（非党员）"));
  g_assert_cmpuint (count_occurrences (text, "非党员"), ==, 1);

  /* A second print is a second opening. */
  {
    g_autoptr (GBytes) again = render_record (f, uuid, "talk-record.pdf");

    g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 2);
  }
  people_clear (&p);
}

/* A talk nobody knows: refused, and nothing audited. */
static void
test_record_not_found (TalkFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc = zb_talk_record_document_new_for_uuid (
      f->talks, "00000000-0000-4000-8000-000000000000", ORG, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_NOT_FOUND);
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 0);
}

/* What the talker said runs over more than a page: it flows on line by line,
 * in order, and the signatures are not alone on the last page. */
static void
test_record_long (TalkFixture *f, gconstpointer data)
{
  People p;
  g_autoptr (GString) said = g_string_new ("长谈开头。");
  g_autofree char *uuid = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  int n_pages;

  people_set_up (f, &p);
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (said,
                            "第%02u段：希望你在今后的工作中加强理论学习，密切联系群众，带头落实"
                            "支部的各项决定，按时参加组织生活，主动亮明党员身份。\n",
                            i + 1);
  g_string_append (said, "长谈结尾。");
  uuid = record_talk (f, &p, said->str);
  bytes = render_record (f, uuid, "talk-record-long.pdf");
  pdf = load_pdf (bytes);
  n_pages = poppler_document_get_n_pages (pdf);
  g_test_message ("%d pages", n_pages);
  g_assert_cmpint (n_pages, >=, 2);

  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (text, (const char *const[]){ "长谈开头", "第01段", "第20段", "第40段",
                                                "长谈结尾", "（二）谈话对象所谈", "三、后续措施",
                                                "谈话人（签字）", "谈话对象（签字）", NULL });
  g_assert_cmpint (page_of (pdf, "长谈结尾"), >, page_of (pdf, "长谈开头"));
  g_assert_cmpint (page_of (pdf, "谈话对象（签字）"), ==, n_pages - 1);

  /* The last page holds more than the signature lines and their dates. */
  {
    g_autoptr (TestPdfPage) page = poppler_document_get_page (pdf, n_pages - 1);
    g_autofree char *raw = poppler_page_get_text (page);
    char *at;

    last = compact (raw);
    for (const char *const *s = (const char *const[]){ "谈话人（签字）：", "谈话对象（签字）：",
                                                       "2026年11月20日", NULL };
         *s != NULL; s++)
      while ((at = strstr (last, *s)) != NULL)
        memmove (at, at + strlen (*s), strlen (at + strlen (*s)) + 1);
    /* What remains besides the footer (number, marking, page number). */
    g_test_message ("last page without signatures: %s", last);
    g_assert_true (strstr (last, "后续措施") != NULL || strstr (last, "回访") != NULL
                   || strstr (last, "段") != NULL);
  }
  people_clear (&p);
}

/* ------------------------------------------------------------------------- */
/* 谈心谈话情况统计表                                                        */

/* The hand-made branch of test-talk-coverage.c, in 2025: 书记 甲, 组织委员
 * 乙, 宣传委员 丙; members 丁 and 戊 since long ago, and 己 who joined on 10
 * November 2025. */
typedef struct
{
  ZbMemberRecord *m[6];
} Branch;

enum
{
  A,
  B,
  C,
  D,
  E,
  F
};

static void
branch_set_up (TalkFixture *f, Branch *b)
{
  static const char *const names[] = { "甲书记", "乙委员", "丙委员", "丁党员", "戊党员", "己党员" };
  static const char *const joined[]
      = { "2000-07-01", "2005-07-01", "2008-07-01", "2010-07-01", "2012-07-01", "2025-11-10" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    b->m[i] = talk_member (f, names[i], (int)i + 1, joined[i]);
  talk_post (f, b->m[A], ZB_POST_SECRETARY);
  talk_post (f, b->m[B], ZB_POST_ORGANISATION);
  talk_post (f, b->m[C], ZB_POST_PROPAGANDA);
}

static void
branch_clear (Branch *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (b->m); i++)
    zb_member_record_free (b->m[i]);
}

static void
talk (TalkFixture *f, const char *date, const ZbMemberRecord *talker, const ZbMemberRecord *with,
      const ZbMemberRecord *with2)
{
  const ZbMemberRecord *const others[] = { with, with2, NULL };
  g_autofree char *uuid = talk_add (f, ZB_TALK_KIND_DAILY, date, talker, others);
}

/* The talks of the complete branch, but for the 乙–丙 pair when @skip_bc. */
static void
record_year (TalkFixture *f, Branch *b, gboolean skip_bc)
{
  talk (f, "2025-03-01", b->m[A], b->m[B], b->m[C]);
  if (!skip_bc)
    talk (f, "2025-04-01", b->m[C], b->m[B], NULL);
  talk (f, "2025-05-01", b->m[A], b->m[D], NULL);
  talk (f, "2025-06-01", b->m[B], b->m[E], NULL);
  talk (f, "2025-12-05", b->m[C], b->m[F], NULL);
}

static char *
render_stats (TalkFixture *f, int day, GDateMonth month, const char *keep_as, TestPdf **out)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay)day, month, 2025);
  doc = zb_talk_stats_document_new (f->talks, f->roster.org, f->branch->id, 2025, &today, ORG, date,
                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  bytes = render_numbered (doc);
  keep_pdf (bytes, keep_as);
  pdf = load_pdf (bytes);
  *out = g_object_ref (pdf);
  return pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
}

static void
test_stats_complete (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  branch_set_up (f, &b);
  record_year (f, &b, FALSE);
  text = render_stats (f, 31, G_DATE_DECEMBER, "talk-stats-complete.pdf", &pdf);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);

  assert_in_order (text, (const char *const[]){ "谈心谈话情况统计表", "第一支部", "2025年度",
                                                "统计截至2025年12月31日", NULL });
  for (const char *const *s
       = (const char *const[]){ "序号", "姓名", "身份", "支委与其谈话", "人数", "最近一次",
                                "谈话支委", "与党员谈话人数", "尚缺谈话", "情况", "备注", NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  /* Each row: identity, how many committee members talked with them and
   * when last, who, and the state. */
  assert_row (pdf, "甲书记", (const char *const[]){ "支委", "2025.03.01", "已完成", NULL });
  g_assert_true (same_row (pdf, 0, "甲书记", "乙委员、丙委员"));
  assert_row (pdf, "乙委员", (const char *const[]){ "支委", "2025.04.01", "已完成", NULL });
  assert_row (pdf, "丁党员",
              (const char *const[]){ "党员", "2025.05.01", "甲书记", "已完成", NULL });
  assert_row (pdf, "戊党员", (const char *const[]){ "党员", "2025.06.01", "已完成", NULL });
  assert_row (pdf, "己党员",
              (const char *const[]){ "党员", "2025.12.05", "已完成", "年内加入", NULL });
  /* The committee first. */
  g_assert_cmpuint (page_of (pdf, "己党员"), ==, 0);
  assert_in_order (
      text, (const char *const[]){ "2025年度应开展谈心谈话的党员6人，已完成6人，尚未完成0人。",
                                   "支委之间谈心谈话已全部完成。", "支部书记（签字）", NULL });
  g_assert_null (strstr (text, "支委—支委"));
  g_assert_null (strstr (text, "支委—党员"));
  g_assert_cmpuint (count_occurrences (text, "年内加入"), ==, 1);
  assert_has (text, "年内加入（2025.11.10）");
  /* No contents, no opening. */
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 0);
  branch_clear (&b);
}

/* Without the 乙–丙 talk, in November: both miss each other, the pair is
 * named once, and 己, who joined on 10 November, is still owed a talk. */
static void
test_stats_missing_pair (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  branch_set_up (f, &b);
  record_year (f, &b, TRUE);
  text = render_stats (f, 20, G_DATE_NOVEMBER, "talk-stats-missing.pdf", &pdf);

  assert_has (text, "统计截至2025年11月20日");
  assert_row (pdf, "乙委员", (const char *const[]){ "支委—支委：丙委员", "尚未完成", NULL });
  assert_row (pdf, "丙委员", (const char *const[]){ "支委—支委：乙委员", "尚未完成", NULL });
  assert_row (pdf, "甲书记", (const char *const[]){ "已完成", NULL });
  assert_row (pdf, "己党员",
              (const char *const[]){ "支委—党员：尚无支委与其谈话", "尚未完成", "年内加入", NULL });
  assert_has (text, "年内加入（2025.11.10）");
  assert_has (text, "2025年度应开展谈心谈话的党员6人，已完成3人，尚未完成3人。");
  assert_has (text, "支委之间尚缺谈话1对：乙委员—丙委员。");
  g_assert_cmpuint (count_occurrences (text, "乙委员—丙委员"), ==, 1);
  g_assert_null (strstr (text, "丙委员—乙委员"));
  branch_clear (&b);
}

/* After the year, what is missing is missed; a member who left during the
 * year is listed, marked, and not required. */
static void
test_stats_year_over (TalkFixture *f, gconstpointer data)
{
  Branch b;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  /* A transfer out would do as well, but ZbTalkRepo's roster does not see
   * it yet (it reads left_date, which only 出党 and death set). */
  g_autoptr (ZbMemberEvent) event = zb_member_event_new (ZB_EVENT_DEATH, "2025-08-01");
  GDate today;

  branch_set_up (f, &b);
  record_year (f, &b, TRUE);
  g_assert_true (zb_member_repo_record_event (f->roster.repo, b.m[E]->uuid, event, &error));
  g_assert_no_error (error);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_JANUARY, 2026);
  doc = zb_talk_stats_document_new (f->talks, f->roster.org, f->branch->id, 2025, &today, ORG, date,
                                    &error);
  g_assert_no_error (error);
  bytes = render_numbered (doc);
  keep_pdf (bytes, "talk-stats-year-over.pdf");
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
  assert_has (text, "统计截至2025年12月31日");
  assert_row (pdf, "乙委员", (const char *const[]){ "支委—支委：丙委员", "未完成", NULL });
  /* The year is over: what is missing was missed, not still due (the
   * summary says 尚未完成 once). */
  g_assert_cmpuint (count_occurrences (text, "尚未完成"), ==, 1);
  assert_row (pdf, "戊党员", (const char *const[]){ "不作要求", "年内离开", NULL });
  assert_has (text, "年内离开（2025.08.01）");
  assert_has (text, "应开展谈心谈话的党员5人，已完成3人，尚未完成2人。");
  branch_clear (&b);
}

/* A roster without a committee: nobody can be covered, and the summary says
 * why instead of calling the committee's pairs complete. */
static void
test_stats_no_committee (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "甲党员", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "乙党员", 2, "2000-07-01");
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  talk (f, "2025-03-01", a, b, NULL);
  text = render_stats (f, 31, G_DATE_DECEMBER, "talk-stats-no-committee.pdf", &pdf);
  assert_has (text, "2025年度应开展谈心谈话的党员2人，已完成0人，尚未完成2人。");
  assert_has (text, "名册中尚未登记支部委员");
  g_assert_null (strstr (text, "已全部完成"));
  assert_row (pdf, "甲党员",
              (const char *const[]){ "支委—党员：尚无支委与其谈话", "未完成", NULL });
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talk-documents/record/fields", test_record_fields);
  TALK_TEST ("/talk-documents/record/not-found", test_record_not_found);
  TALK_TEST ("/talk-documents/record/long", test_record_long);
  TALK_TEST ("/talk-documents/stats/complete", test_stats_complete);
  TALK_TEST ("/talk-documents/stats/missing-pair", test_stats_missing_pair);
  TALK_TEST ("/talk-documents/stats/year-over", test_stats_year_over);
  TALK_TEST ("/talk-documents/stats/no-committee", test_stats_no_committee);

  return g_test_run ();
}
