/* test-meeting-documents.c — the 表决票, 票决结果报告单, 支部大会决议 and
 * 年度三会一课台账 of stored meetings, rendered and read back; the page count
 * of the 会议记录
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../meetings/meetings-test-util.h"
#include "render-samples.h"
#include "zb-ballot-document.h"
#include "zb-branch-resolution-document.h"
#include "zb-meeting-register-document.h"
#include "zb-minutes-document.h"

#define ORG "中共示例街道第一社区支部委员会"

static const char *const names[]
    = { "张建国", "李秀英", "王海燕", "赵德明", "陈丽华", "刘志强", "杨帆",   "黄文斌",
        "周敏",   "吴刚",   "徐静",   "孙立新", "马小红", "朱永福", "胡晓东", "郭玉兰" };

/* @n_full full members of the branch (the first half of them in its group)
 * and one 预备党员, all joined long before 2025. */
static void
add_members (MeetingFixture *f, guint n_full)
{
  g_assert_cmpuint (n_full, <=, G_N_ELEMENTS (names));
  for (guint i = 0; i < n_full; i++)
    {
      g_autoptr (ZbMemberRecord) m
          = meeting_member (f, names[i], 11 + 2 * i, "2000-07-01", "2001-07-01", i < n_full / 2);
    }
  {
    g_autoptr (ZbMemberRecord) p = meeting_member (f, "钱预备", 81, "2024-06-01", NULL, FALSE);
  }
}

/* A meeting of @kind on @date of the fixture's branch (and group), those
 * expected from the roster: the first @n_present present, the next @n_leave
 * on leave, the rest absent; @n_present < 0: attendance not taken. The
 * first one present chairs. Not stored yet. */
static ZbMeetingRecord *
new_meeting (MeetingFixture *f, ZbMeetingKind kind, const char *date, int n_present, guint n_leave)
{
  ZbMeetingRecord *m = zb_meeting_record_new (kind, date);
  g_autoptr (GError) error = NULL;

  m->branch_id = f->branch->id;
  if (kind == ZB_MEETING_GROUP)
    m->group_id = f->group->id;
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_no_error (error);
  if (n_present < 0)
    return m;
  /* By their place in names[]: the first @n_present present, and so on; the
   * 预备党员 comes too, and the first of names[] chairs. */
  for (guint i = 0; i < m->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);
      guint k = 0;

      if (!a->voting)
        {
          a->role = ZB_ATTENDANCE_PRESENT;
          continue;
        }
      while (k < G_N_ELEMENTS (names) && g_strcmp0 (names[k], a->name) != 0)
        k++;
      a->role = k < (guint)n_present             ? ZB_ATTENDANCE_PRESENT
                : k < (guint)n_present + n_leave ? ZB_ATTENDANCE_LEAVE
                                                 : ZB_ATTENDANCE_ABSENT;
      if (a->role == ZB_ATTENDANCE_LEAVE)
        a->leave_reason = g_strdup ("出差");
      if (k == 0)
        m->chair_id = a->member_id;
    }
  return m;
}

static void
store (MeetingFixture *f, ZbMeetingRecord *m)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
}

/* Adds a vote; returns its index (zb_meeting_repo_create() may replace the
 * children it stores: read them back by index). */
static guint
add_vote (ZbMeetingRecord *m, const char *subject, guint yes, guint no, guint abstain,
          guint written)
{
  ZbMeetingVote *v = zb_meeting_vote_new (subject, ZB_VOTE_FORM_SECRET_BALLOT);

  v->yes = yes;
  v->no = no;
  v->abstain = abstain;
  v->written_opinions = written;
  g_ptr_array_add (m->votes, v);
  return m->votes->len - 1;
}

static const ZbMeetingVote *
vote_at (const ZbMeetingRecord *m, guint i)
{
  const ZbMeetingVote *v = g_ptr_array_index (m->votes, i);

  g_assert_nonnull (v->uuid);
  return v;
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

/* Renders @doc (numbered), keeps it as @name and returns it loaded. */
static PopplerDocument *
render_and_load (ZbDocument *doc, const char *name)
{
  g_autoptr (GBytes) bytes = NULL;

  g_assert_nonnull (doc);
  zb_document_set_number (doc, "ZB-2026-000400");
  bytes = render_pdf (doc);
  keep_pdf (bytes, name);
  return load_pdf (bytes);
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

/* 表决票 --------------------------------------------------------------------- */

/* One ballot for each full member expected (7 of them; the 预备党员 has no
 * vote), three to a page with cut lines between them, each whole on its page. */
static void
test_ballots (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autofree char *text = NULL;
  const ZbMeetingVote *receive, *full, *other;
  int n_pages;

  add_members (f, 7);
  m = new_meeting (f, ZB_MEETING_GENERAL, "2026-11-20", 5, 1);
  add_vote (m, "接收赵明同志为中共预备党员", 5, 0, 0, 0);
  add_vote (m, "钱预备同志按期转为中共正式党员", 5, 0, 0, 0);
  add_vote (m, "第四季度主题党日安排", 5, 0, 0, 0);
  store (f, m);
  receive = vote_at (m, 0);
  full = vote_at (m, 1);
  other = vote_at (m, 2);

  doc = zb_ballot_document_new_for_vote (f->meetings, f->roster.org, m->uuid, receive->uuid, ORG,
                                         date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "ballots-sample.pdf");
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, ==, 3);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  g_assert_cmpuint (count_occurrences (text, "接收预备党员表决票"), ==, 7);
  g_assert_cmpuint (count_occurrences (text, "接收赵明同志为中共预备党员"), ==, 7);
  /* The branch, not the workspace, heads them. */
  g_assert_cmpuint (count_occurrences (text, "第一支部"), ==, 7);
  g_assert_cmpuint (count_occurrences (text, "2026年11月20日"), ==, 7);
  g_assert_cmpuint (count_occurrences (text, "赞成不赞成弃权"), ==, 7);
  g_assert_cmpuint (count_occurrences (text, "多划或不划的无效"), ==, 7);
  assert_in_order (text, (const char *const[]){ "接收预备党员表决票", "党组织", "第一支部", "日期",
                                                "2026年11月20日", "表决事项",
                                                "接收赵明同志为中共预备党员", "赞成", "不赞成",
                                                "弃权", "说明：", "沿此线剪开", NULL });
  /* Three on a page (a cut line between each two), one on the last; a
   * ballot never runs from one page onto the next. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *page = pdf_text_compact (pdf, i);
      guint on_page = i < 2 ? 3 : 1;

      /* The running header names the document too. */
      g_assert_cmpuint (count_occurrences (page, "接收预备党员表决票"), ==, on_page + 1);
      g_assert_cmpuint (count_occurrences (page, "多划或不划的无效"), ==, on_page);
      g_assert_cmpuint (count_occurrences (page, "沿此线剪开"), ==, on_page - 1);
    }

  /* The title follows what is voted on. */
  g_clear_object (&doc);
  g_clear_object (&pdf);
  g_clear_pointer (&text, g_free);
  doc = zb_ballot_document_new_for_vote (f->meetings, f->roster.org, m->uuid, full->uuid, ORG, date,
                                         &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "ballots-full.pdf");
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  g_assert_cmpuint (count_occurrences (text, "预备党员转正表决票"), ==, 7);

  g_clear_object (&doc);
  g_clear_object (&pdf);
  g_clear_pointer (&text, g_free);
  doc = zb_ballot_document_new_for_vote (f->meetings, NULL, m->uuid, other->uuid, ORG, date,
                                         &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "ballots-other.pdf");
  /* A long name fits as well: still three to a page. */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  g_assert_cmpuint (count_occurrences (text, "表决票"), ==, 7);
  g_assert_null (strstr (text, "预备党员表决票"));
  /* Without the organisation repository, the workspace's name. */
  g_assert_cmpuint (count_occurrences (text, ORG), ==, 7);

  /* A vote the meeting does not have is said so. */
  g_clear_object (&doc);
  doc = zb_ballot_document_new_for_vote (f->meetings, f->roster.org, m->uuid,
                                         "00000000-0000-4000-8000-000000000000", ORG, date, &error);
  g_assert_null (doc);
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
}

/* 票决结果报告单 --------------------------------------------------------------- */

static char *
vote_report_text (MeetingFixture *f, const ZbMeetingRecord *m, const ZbMeetingVote *v,
                  const char *keep_as)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (TestPdf) pdf = NULL;

  doc = zb_vote_report_document_new_for_vote (f->meetings, f->roster.org, m->uuid, v->uuid, ORG,
                                              date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, keep_as);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  return pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
}

/* 16 full members expected, 9 present: 8 in favour is exactly half of those
 * expected and fails; 9 passes; 8 with a written opinion in favour passes
 * (DOMAIN.md §1.5: the denominator is 应到, not 实到). */
static void
test_vote_report (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (ZbMeetingRecord) low = NULL;
  g_autofree char *half = NULL;
  g_autofree char *more = NULL;
  g_autofree char *written = NULL;
  g_autofree char *void_text = NULL;

  add_members (f, 16);
  m = new_meeting (f, ZB_MEETING_GENERAL, "2026-11-20", 9, 2);
  m->title = g_strdup ("2026年第四季度支部党员大会");
  add_vote (m, "接收赵明同志为中共预备党员", 8, 1, 0, 0);
  add_vote (m, "接收孙敏同志为中共预备党员", 9, 0, 0, 0);
  add_vote (m, "接收周丽同志为中共预备党员", 8, 1, 0, 1);
  store (f, m);

  half = vote_report_text (f, m, vote_at (m, 0), "vote-report-sample.pdf");
  for (const char *const *s = (const char *const[]){ "第一支部",
                                                     "票决结果报告单",
                                                     "党组织",
                                                     "会议名称",
                                                     "2026年第四季度支部党员大会",
                                                     "会议日期",
                                                     "2026年11月20日",
                                                     "表决方式",
                                                     "无记名投票",
                                                     "表决事项",
                                                     "接收赵明同志为中共预备党员",
                                                     "应到有表决权人数",
                                                     "16人",
                                                     "实到有表决权人数",
                                                     "9人",
                                                     "书面意见数",
                                                     "赞成票",
                                                     "8票",
                                                     "不赞成票",
                                                     "1票",
                                                     "弃权票",
                                                     "0票",
                                                     "表决结果",
                                                     "计票人（签字）",
                                                     "监票人（签字）",
                                                     "支部书记（签字）",
                                                     NULL };
       *s != NULL; s++)
    assert_has (half, *s);
  assert_has (half, "未通过（赞成8票，未超过应到会有表决权党员16人的半数，通过须至少9票）");
  /* No written opinion recorded: the count is left to be written in. */
  g_assert_null (strstr (half, "份（赞成"));

  more = vote_report_text (f, m, vote_at (m, 1), "vote-report-passed.pdf");
  assert_has (more, "通过（赞成9票，超过应到会有表决权党员16人的半数）");
  g_assert_null (strstr (more, "未通过"));

  written = vote_report_text (f, m, vote_at (m, 2), "vote-report-written.pdf");
  assert_has (written, "1份（赞成，计入赞成票）");
  assert_has (written, "通过（赞成9票，超过应到会有表决权党员16人的半数）");

  /* 8 of 16 present: below quorum, so the vote is void however it counted. */
  low = new_meeting (f, ZB_MEETING_GENERAL, "2026-11-21", 8, 0);
  add_vote (low, "接收吴芳同志为中共预备党员", 8, 0, 0, 0);
  store (f, low);
  void_text = vote_report_text (f, low, vote_at (low, 0), "vote-report-void.pdf");
  assert_has (void_text, "未通过（到会有表决权党员8人，未超过应到会有表决权党员16人的半数，"
                         "表决无效）");
}

/* 支部大会决议 ----------------------------------------------------------------- */

static void
test_resolution (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autofree char *text = NULL;
  ZbMeetingResolution *first, *second;
  const char *second_uuid;

  add_members (f, 16);
  m = new_meeting (f, ZB_MEETING_GENERAL, "2026-11-20", 10, 2);
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("讨论接收赵明同志为预备党员"));
  add_vote (m, "接收赵明同志为中共预备党员", 9, 1, 0, 1);
  add_vote (m, "接收孙敏同志为中共预备党员", 8, 2, 0, 0);
  first = zb_meeting_resolution_new ("同意接收赵明同志为中共预备党员，报街道党工委审批", 0,
                                     "2026-11-30");
  g_ptr_array_add (m->resolutions, first);
  second = zb_meeting_resolution_new ("孙敏同志继续作为发展对象培养考察。", 0, NULL);
  g_ptr_array_add (m->resolutions, second);
  store (f, m);
  second_uuid = ((ZbMeetingResolution *)g_ptr_array_index (m->resolutions, 1))->uuid;
  g_assert_nonnull (second_uuid);

  doc = zb_branch_resolution_document_new_for_uuid (f->meetings, f->roster.repo, f->roster.org,
                                                    m->uuid, NULL, ORG, date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "resolution-sample.pdf");
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (
      text,
      (const char *const[]){
          "第一支部", "支部大会决议", "2026年11月20日",
          "2026年11月20日，第一支部召开支部党员大会。",
          "应到会有表决权的正式党员16名，实到会10名，超过应到会有表决权党员的半数，符合规定。",
          "会议由张建国同志主持。", "会议议题：讨论接收赵明同志为预备党员。",
          "会议对“接收赵明同志为中共预备党员”进行了无记名投票表决，赞成10票（含书面意见1份）"
          "，不赞成1票，弃权0票。赞成票超过应到会有表决权党员的半数，表决通过。",
          "会议对“接收孙敏同志为中共预备党员”进行了无记名投票表决，赞成8票，不赞成2票，"
          "弃权0票。赞成票未超过应到会有表决权党员的半数（须至少9票），表决未通过。",
          "经讨论，会议作出如下决议：",
          "一、同意接收赵明同志为中共预备党员，报街道党工委审批（完成时限：2026年11月30日）。",
          "二、孙敏同志继续作为发展对象培养考察。", "党支部（盖章）", "支部书记（签字）",
          "2026年11月20日", NULL });

  /* One resolution of the meeting: that one alone, unnumbered. */
  g_clear_object (&doc);
  g_clear_object (&pdf);
  g_clear_pointer (&text, g_free);
  doc = zb_branch_resolution_document_new_for_uuid (f->meetings, NULL, NULL, m->uuid, second_uuid,
                                                    ORG, date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "resolution-one.pdf");
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (text, (const char *const[]){ ORG, "支部大会决议", "经讨论，会议作出如下决议：",
                                                "孙敏同志继续作为发展对象培养考察。",
                                                "支部书记（签字）", NULL });
  g_assert_null (strstr (text, "报街道党工委审批"));
  g_assert_null (strstr (text, "二、"));

  g_clear_object (&doc);
  doc = zb_branch_resolution_document_new_for_uuid (
      f->meetings, NULL, NULL, m->uuid, "00000000-0000-4000-8000-000000000000", ORG, date, &error);
  g_assert_null (doc);
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
}

/* 年度三会一课台账 ------------------------------------------------------------- */

/* 2025 of a branch of 10 full members and a 预备党员 (11 expected; a
 * 党小组会 expects its 5): two 党员大会 (Q1: 8 present of 11, Q3: 10), three
 * 主题党日, a 党小组会 and a 党课 whose attendance was not taken. */
static void
test_register (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autofree char *text = NULL;
  struct
  {
    ZbMeetingKind kind;
    const char *date;
    int present; /* full members present; the 预备党员 too */
    guint leave;
    const char *title;
  } held[] = {
    { ZB_MEETING_GENERAL, "2025-03-15", 7, 2, "第一季度支部党员大会" },
    { ZB_MEETING_GENERAL, "2025-08-20", 9, 1, "第三季度支部党员大会" },
    { ZB_MEETING_THEME_DAY, "2025-01-10", 10, 0, "新春走访慰问" },
    { ZB_MEETING_THEME_DAY, "2025-02-10", 9, 0, "学雷锋志愿服务" },
    { ZB_MEETING_THEME_DAY, "2025-04-10", 8, 1, "清明祭扫" },
    { ZB_MEETING_GROUP, "2025-05-06", 4, 1, NULL },
    { ZB_MEETING_LESSON, "2025-06-28", -1, 0, "书记讲党课" },
  };

  add_members (f, 10);
  for (guint i = 0; i < G_N_ELEMENTS (held); i++)
    {
      g_autoptr (ZbMeetingRecord) m
          = new_meeting (f, held[i].kind, held[i].date, held[i].present, held[i].leave);

      m->title = g_strdup (held[i].title);
      if (held[i].title == NULL)
        g_ptr_array_add (m->topics, zb_meeting_topic_new ("学习党章"));
      store (f, m);
    }
  /* Another year's meeting is not in the register. */
  {
    g_autoptr (ZbMeetingRecord) m = new_meeting (f, ZB_MEETING_GENERAL, "2026-01-05", 9, 0);

    m->title = g_strdup ("二〇二六年第一次党员大会");
    store (f, m);
  }

  doc = zb_meeting_register_document_new (f->meetings, f->roster.org, f->branch->id, 2025, ORG,
                                          date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "meeting-register-sample.pdf");
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
  g_assert_null (strstr (text, "二〇二六年第一次党员大会"));

  /* poppler gives a row's narrow cells together but not always after the
   * wide ones: each row's figures (应到 实到 请假 缺席 出席率) are checked as
   * one run, the order through the dates and the subtotals. */
  assert_in_order (text, (const char *const[]){ "2025年度三会一课台账", "党组织名称：", "第一支部",
                                                "统计截至：", "2026年11月27日", "序号", "日期",
                                                "类别", "主题/议题", "主持人", "应到", "实到",
                                                "请假", "缺席", "出席率", NULL });
  assert_in_order (text, (const char *const[]){
                             "2025.03.15", "2025.08.20", "支部党员大会小计：2次", "2025.05.06",
                             "党小组会小计：1次", "2025.06.28", "党课小计：1次", "2025.01.10",
                             "2025.02.10", "2025.04.10", "主题党日小计：3次", "合计：7次", NULL });
  for (const char *const *s
       = (const char
              *const[]){ "第一季度支部党员大会", "第三季度支部党员大会", "党小组会（第一党小组）",
                         "1．学习党章", "书记讲党课", "新春走访慰问", "学雷锋志愿服务", "清明祭扫",
                         /* 11 expected: 8 present (7 + the 预备党员), 2 on leave, 1 absent */
                         "1182172.7%", "11101090.9%",
                         /* 22 expected, 18 present, 3 on leave, 1 absent */
                         "22183181.8%", "111100100.0%", "11100190.9%", "1191181.8%",
                         /* 33 expected, 30 present, 1 on leave, 2 absent */
                         "33301290.9%",
                         /* the 党课: 11 expected, attendance not taken, no rate */
                         "11000—",
                         /* 71 expected, 52 present of the 60 whose attendance was taken */
                         "71525386.7%", NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  /* The 党小组会 and its subtotal: 5 expected, 4 present, 1 on leave. */
  g_assert_cmpuint (count_occurrences (text, "541080.0%"), ==, 2);
  g_assert_cmpuint (count_occurrences (text, "张建国"), ==, 6);

  /* Required against held (zb_meeting_rhythm_for_year(), the default plan):
   * 类别 要求 全年应开 按期召开 逾期未开 本期待开 尚未到期 实际召开 未按期召开的时段. */
  assert_has (text, "全年应开与已开情况");
  for (const char *const *s
       = (const char *const
              []){ "支部党员大会每季度至少1次422002第二季度、第四季度",
                   "支部委员会会议每月至少1次120120001月、2月、3月",
                   "党小组会每个党小组每月至少1次12111001第一党小组：1月、2月、3月、4月、6月、7月",
                   "党课每季度至少1次413001第一季度、第三季度、第四季度",
                   "主题党日每月至少1次12390033月、5月、6月", "组织生活会每年至少1次101000全年",
                   "民主评议党员每年至少1次", NULL };
       *s != NULL; s++)
    assert_has (text, *s);
}

/* A 2026 register printed on 27 November 2026: December is not yet due. */
static void
test_register_current_year (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autofree char *text = NULL;

  add_members (f, 4);
  doc = zb_meeting_register_document_new (f->meetings, f->roster.org, 0, 2026, ORG, date, &error);
  g_assert_no_error (error);
  pdf = render_and_load (doc, "meeting-register-empty.pdf");
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_REGISTER);
  /* No branch chosen: the workspace's name. */
  assert_in_order (text, (const char *const[]){ "2026年度三会一课台账", ORG, "合计：0次", NULL });
  /* 主题党日: 10 months overdue, November due, December not yet. */
  assert_in_order (text, (const char *const[]){ "主题党日", "每月至少1次", "12", "0", "10", "1",
                                                "1", "0", "1月、2月", NULL });
}

/* 会议记录: the page count -------------------------------------------------- */

static void
test_minutes_page_count (void)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_LESSON, "2026-06-28");
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) minutes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  ZbMeetingTopic *t = zb_meeting_topic_new ("学习党章");
  g_autoptr (GString) report = g_string_new (NULL);
  int n;

  /* Enough to fill three pages. */
  for (guint i = 0; i < 30; i++)
    g_string_append (report, "支部坚持把政治建设摆在首位，认真落实“三会一课”制度，组织党员深入"
                             "学习。\n");
  t->minutes = g_string_free (g_steal_pointer (&report), FALSE);
  g_ptr_array_add (m->topics, t);
  minutes = zb_minutes_document_new (m, ORG, "张建国", "李秀英", date);
  g_assert_true (zb_document_get_page_count_shown (minutes));
  pdf = render_and_load (minutes, "minutes-page-count.pdf");
  n = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n, >=, 3);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *page = pdf_text_compact (pdf, i);
      g_autofree char *expected = g_strdup_printf ("第%d页共%d页", i + 1, n);

      g_assert_nonnull (strstr (page, expected));
      g_assert_null (strstr (page, "—1—"));
    }

  /* Other documents keep the GB/T 9704 "— n —". */
  {
    g_autoptr (ZbDocument) plain = sample_resolution (3);
    g_autoptr (TestPdf) plain_pdf = NULL;
    g_autofree char *first = NULL;

    g_assert_false (zb_document_get_page_count_shown (plain));
    plain_pdf = render_and_load (plain, "resolution-plain.pdf");
    first = pdf_text_compact (plain_pdf, 0);
    g_assert_nonnull (strstr (first, "—1—"));
    g_assert_null (strstr (first, "第1页"));
  }
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  g_test_add ("/meeting-documents/ballots", MeetingFixture, NULL, meeting_fixture_set_up,
              test_ballots, meeting_fixture_tear_down);
  g_test_add ("/meeting-documents/vote-report", MeetingFixture, NULL, meeting_fixture_set_up,
              test_vote_report, meeting_fixture_tear_down);
  g_test_add ("/meeting-documents/resolution", MeetingFixture, NULL, meeting_fixture_set_up,
              test_resolution, meeting_fixture_tear_down);
  g_test_add ("/meeting-documents/register", MeetingFixture, NULL, meeting_fixture_set_up,
              test_register, meeting_fixture_tear_down);
  g_test_add ("/meeting-documents/register/current-year", MeetingFixture, NULL,
              meeting_fixture_set_up, test_register_current_year, meeting_fixture_tear_down);
  g_test_add_func ("/meeting-documents/minutes-page-count", test_minutes_page_count);

  return g_test_run ();
}
