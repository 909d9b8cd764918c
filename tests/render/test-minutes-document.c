/* test-minutes-document.c — the 会议记录 of a meeting, rendered and read back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "../meetings/meetings-test-util.h"
#include "render-samples.h"
#include "zb-minutes-document.h"

#define ORG "中共示例街道第一社区支部委员会"

static ZbMeetingAttendee *
attendee (gint64 id, const char *name, ZbAttendance role, gboolean voting)
{
  ZbMeetingAttendee *a = zb_meeting_attendee_new (id, name, role);

  a->voting = voting;
  return a;
}

/* A 支部党员大会 of 16 full members (9 present, one on leave, six absent), a
 * 预备党员 present and a guest: two topics with minutes and speeches, two
 * votes and two resolutions. @n_present full members come (9: quorate). */
static ZbMeetingRecord *
general_meeting (guint n_present)
{
  static const char *const names[]
      = { "张建国", "李秀英", "王海燕", "赵德明", "陈丽华", "刘志强", "杨帆",   "黄文斌",
          "周敏",   "吴刚",   "徐静",   "孙立新", "马小红", "朱永福", "胡晓东", "郭玉兰" };
  ZbMeetingRecord *m = zb_meeting_record_new (ZB_MEETING_GENERAL, "2026-11-20");
  ZbMeetingTopic *t;
  ZbMeetingVote *v;
  ZbMeetingResolution *r;

  m->uuid = g_strdup ("0e5b7c1a-1111-4d2e-9f00-6a7b8c9d0e1f");
  m->title = g_strdup ("2026年第四季度支部党员大会");
  m->start_time = g_strdup ("14:30");
  m->end_time = g_strdup ("16:00");
  m->place = g_strdup ("社区党员活动室");
  m->chair_id = 1;
  m->recorder_id = 2;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ZbAttendance role = i < n_present ? ZB_ATTENDANCE_PRESENT
                          : i == 15     ? ZB_ATTENDANCE_LEAVE
                                        : ZB_ATTENDANCE_ABSENT;
      ZbMeetingAttendee *a = attendee (i + 1, names[i], role, TRUE);

      if (role == ZB_ATTENDANCE_LEAVE)
        a->leave_reason = g_strdup ("外出学习");
      g_ptr_array_add (m->attendees, a);
    }
  g_ptr_array_add (m->attendees, attendee (17, "钱预备", ZB_ATTENDANCE_PRESENT, FALSE));
  g_ptr_array_add (m->attendees,
                   attendee (0, "街道党工委组织员林伟", ZB_ATTENDANCE_OBSERVER, FALSE));

  t = zb_meeting_topic_new ("学习贯彻党的二十届四中全会精神");
  t->uuid = g_strdup ("topic-1");
  t->minutes = g_strdup ("张建国同志领学了全会公报。\n与会党员结合工作实际交流了学习体会。");
  g_ptr_array_add (t->speeches,
                   zb_meeting_speech_new (3, "王海燕", "要把学习成果转化为服务群众的实际行动。"));
  g_ptr_array_add (m->topics, t);

  t = zb_meeting_topic_new ("讨论接收赵明同志为预备党员");
  t->uuid = g_strdup ("topic-2");
  t->minutes = g_strdup ("李秀英同志介绍了赵明同志的培养考察情况。");
  g_ptr_array_add (t->speeches,
                   zb_meeting_speech_new (4, "赵德明", "同意接收，建议继续加强理论学习。"));
  g_ptr_array_add (m->topics, t);

  v = zb_meeting_vote_new ("接收赵明同志为中共预备党员", ZB_VOTE_FORM_SECRET_BALLOT);
  v->topic_uuid = g_strdup ("topic-2");
  v->yes = 8;
  v->no = 1;
  v->abstain = 0;
  v->written_opinions = 1;
  v->result = ZB_VOTE_RESULT_PASSED;
  g_ptr_array_add (m->votes, v);
  v = zb_meeting_vote_new ("第四季度主题党日安排", ZB_VOTE_FORM_SHOW_OF_HANDS);
  v->yes = 9;
  v->result = ZB_VOTE_RESULT_PASSED;
  g_ptr_array_add (m->votes, v);

  r = zb_meeting_resolution_new ("将赵明同志接收预备党员材料报街道党工委审批", 2, "2026-11-30");
  r->owner_name = g_strdup ("李秀英");
  g_ptr_array_add (m->resolutions, r);
  r = zb_meeting_resolution_new ("12月上旬组织党员到革命纪念馆开展现场教学", 1, "2026-12-10");
  r->owner_name = g_strdup ("张建国");
  g_ptr_array_add (m->resolutions, r);
  return m;
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

static GBytes *
render_minutes (const ZbMeetingRecord *m, const char *chair, const char *recorder)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) doc = zb_minutes_document_new (m, ORG, chair, recorder, date);

  g_assert_nonnull (doc);
  zb_document_set_number (doc, "ZB-2026-000321");
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
        g_error ("“%s” is not in the minutes after “%s”", needles[i], i > 0 ? needles[i - 1] : "");
      at = found + strlen (needle);
    }
}

static void
test_minutes_content (void)
{
  g_autoptr (ZbMeetingRecord) m = general_meeting (9);
  g_autoptr (GBytes) bytes = render_minutes (m, "张建国（支部书记）", "李秀英（组织委员）");
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  /* Cells come out of poppler in no reliable order: the form's labels and
   * values are checked for presence, the flowing text for its order. */
  const char *const form[]
      = { "会议名称", "2026年第四季度支部党员大会", "会议类型", "地点", "社区党员活动室", "时间",
          "2026年11月20日 14:30—16:00", "主持人", "张建国（支部书记）", "记录人",
          "李秀英（组织委员）", "应到人数", "17人", "实到人数", "10人", "出席人员",
          "张建国、李秀英、王海燕", "周敏、钱预备", "请假人员及原因", "郭玉兰（外出学习）",
          "缺席人员", "吴刚、徐静、孙立新、马小红、朱永福、胡晓东", "列席人员",
          "街道党工委组织员林伟", "参加会议的预备党员", "钱预备（不参加表决）", "到会情况",
          "应到有表决权党员16人，实到9人，超过半数，符合规定。", "议题", "序号", "表决事项",
          "表决形式", "不赞成", "弃权",
          /* a long header wraps, as on printed registers */
          "书面", "结果", "接收赵明同志为中共预备党员（第2项议题）", "无记名投票", "8票", "1票",
          "1份", "通过", "第四季度主题党日安排", "举手表决", "9票", "决议/决定事项", "责任人",
          "完成时限", "将赵明同志接收预备党员材料报街道党工委审批", "2026.11.30",
          "12月上旬组织党员到革命纪念馆开展现场教学", "2026.12.10", NULL };
  const char *const order[] = { ORG,
                                "支部党员大会会议记录",
                                "1．学习贯彻党的二十届四中全会精神",
                                "2．讨论接收赵明同志为预备党员",
                                "一、会议内容",
                                "（一）学习贯彻党的二十届四中全会精神",
                                "张建国同志领学了全会公报。",
                                "与会党员结合工作实际交流了学习体会。",
                                "王海燕：要把学习成果转化为服务群众的实际行动。",
                                "（二）讨论接收赵明同志为预备党员",
                                "李秀英同志介绍了赵明同志的培养考察情况。",
                                "赵德明：同意接收，建议继续加强理论学习。",
                                "二、表决形式及结果",
                                "接收赵明同志为中共预备党员",
                                "第四季度主题党日安排",
                                "三、决议/决定事项",
                                "将赵明同志接收预备党员材料报街道党工委审批",
                                "12月上旬组织党员到革命纪念馆开展现场教学",
                                "散会",
                                "主持人（签字）",
                                "记录人（签字）",
                                "2026年11月20日",
                                NULL };

  keep_pdf (bytes, "minutes-sample.pdf");
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  for (guint i = 0; form[i] != NULL; i++)
    assert_in_order (text, (const char *const[]){ form[i], NULL });
  assert_in_order (text, order);
  /* A quorate meeting says nothing of a rule broken. */
  g_assert_null (strstr (text, "不符合规定"));
  g_assert_null (strstr (text, "不发生效力"));
}

/* Below quorum: the figures, the rule and the threshold, and the votes void. */
static void
test_minutes_below_quorum (void)
{
  g_autoptr (ZbMeetingRecord) m = general_meeting (8);
  g_autoptr (GBytes) bytes = render_minutes (m, "张建国", "李秀英");
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autofree char *text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);

  assert_in_order (text,
                   (const char *const[]){ "应到有表决权党员16人，实到8人，未超过半数，不符合规定",
                                          "《中国共产党发展党员工作细则》", "即至少9人",
                                          "以上表决不发生效力", NULL });

  /* A 支委会 counts its committee members, under 条例第十二条. */
  {
    g_autoptr (ZbMeetingRecord) c = zb_meeting_record_new (ZB_MEETING_COMMITTEE, "2026-11-05");
    g_autoptr (GBytes) cbytes = NULL;
    g_autoptr (TestPdf) cpdf = NULL;
    g_autofree char *ctext = NULL;

    for (guint i = 0; i < 5; i++)
      g_ptr_array_add (c->attendees,
                       attendee (i + 1,
                                 (const char *[]){ "甲一", "乙二", "丙三", "丁四", "戊五" }[i],
                                 i < 2 ? ZB_ATTENDANCE_PRESENT : ZB_ATTENDANCE_ABSENT, TRUE));
    cbytes = render_minutes (c, NULL, NULL);
    cpdf = load_pdf (cbytes);
    ctext = pdf_body_text_compact (cpdf, ZB_PAGE_SETUP_OFFICIAL);
    assert_in_order (ctext,
                     (const char *const[]){ "支部委员会会议记录",
                                            "应到支部委员5人，实到2人，未超过半数，不符合规定",
                                            "第十二条", "即至少3人", NULL });
  }
}

/* Kinds without a quorum rule show no quorum line; nothing recorded reads 无. */
static void
test_minutes_lesson (void)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_LESSON, "2026-06-28");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (m->attendees, attendee (1, "张建国", ZB_ATTENDANCE_PRESENT, TRUE));
  bytes = render_minutes (m, "张建国", NULL);
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (text, (const char *const[]){ "党课记录", "2026年6月28日党课", "议题", "无",
                                                "本次会议无表决事项", "散会", NULL });
  g_assert_null (strstr (text, "到会情况"));
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

/* 40 speeches and 30 votes and resolutions run over several pages: the
 * speeches in order, each table row whole on one page. */
static void
test_minutes_long (void)
{
  g_autoptr (ZbMeetingRecord) m = general_meeting (12);
  ZbMeetingTopic *t = g_ptr_array_index (m->topics, 0);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  /* One report longer than a page: a paragraph that flows on, line by line. */
  {
    g_autoptr (GString) report = g_string_new ("报告开头。");

    for (guint i = 0; i < 60; i++)
      g_string_append (report, "支部坚持把政治建设摆在首位，认真落实“三会一课”制度，"
                               "组织党员深入学习，扎实开展志愿服务。");
    g_string_append (report, "报告结尾。");
    g_free (t->minutes);
    t->minutes = g_string_free (g_steal_pointer (&report), FALSE);
  }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *speech = g_strdup_printf (
          "第%02u位发言：结合本职工作谈了学习体会，表示要在社区治理、为民服务和疫后恢复中"
          "发挥党员先锋模范作用，带头落实支部的各项决定，按时参加组织生活，按期交纳党费。"
          "发言完毕%02u。",
          i + 1, i + 1);

      g_ptr_array_add (t->speeches, zb_meeting_speech_new (i % 16 + 1, "王海燕", speech));
      g_ptr_array_add (order, g_strdup_printf ("第%02u位发言", i + 1));
      g_ptr_array_add (order, g_strdup_printf ("发言完毕%02u", i + 1));
    }
  g_ptr_array_add (order, NULL);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *subject = g_strdup_printf (
          "表决起%02u：关于同意社区第%u网格党员志愿服务队开展冬季走访慰问困难群众活动的"
          "安排止%02u",
          i, i, i);
      g_autofree char *what = g_strdup_printf (
          "决议起%02u：由网格党员志愿服务队负责落实冬季走访慰问困难群众活动并报告结果终%02u", i, i);
      ZbMeetingVote *v = zb_meeting_vote_new (subject, ZB_VOTE_FORM_SHOW_OF_HANDS);
      ZbMeetingResolution *r = zb_meeting_resolution_new (what, 1, "2026-12-31");

      v->yes = 12;
      g_ptr_array_add (m->votes, v);
      r->owner_name = g_strdup ("张建国");
      g_ptr_array_add (m->resolutions, r);
    }

  bytes = render_minutes (m, "张建国", "李秀英");
  keep_pdf (bytes, "minutes-long.pdf");
  pdf = load_pdf (bytes);
  n_pages = poppler_document_get_n_pages (pdf);
  g_test_message ("%d pages", n_pages);
  g_assert_cmpint (n_pages, >=, 4);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (text, (const char *const *)order->pdata);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *marker = g_strdup_printf ("第%02u位发言", i + 1);

      g_assert_cmpuint (count_occurrences (text, marker), ==, 1);
    }

  /* A table row is never cut: the first and the last words of each wrapped
   * subject (and resolution) are on the same page; and the rows do reach
   * over more than one page. */
  {
    int first_page = -1, last_page = -1;

    for (guint i = 0; i < 30; i++)
      {
        g_autofree char *vs = g_strdup_printf ("表决起%02u", i);
        g_autofree char *ve = g_strdup_printf ("止%02u", i);
        g_autofree char *rs = g_strdup_printf ("决议起%02u", i);
        g_autofree char *re = g_strdup_printf ("终%02u", i);
        int p = page_of (pdf, vs);

        g_assert_cmpint (p, >=, 0);
        g_assert_cmpint (page_of (pdf, ve), ==, p);
        g_assert_cmpint (page_of (pdf, re), ==, page_of (pdf, rs));
        g_assert_cmpint (page_of (pdf, rs), >=, 0);
        if (first_page < 0)
          first_page = p;
        last_page = page_of (pdf, re);
      }
    g_assert_cmpint (last_page, >, first_page);
  }
  g_assert_cmpint (page_of (pdf, "报告结尾"), >, page_of (pdf, "报告开头"));
  assert_in_order (text, (const char *const[]){ "报告开头", "报告结尾", "第01位发言", NULL });
  /* The signatures come last. */
  g_assert_cmpint (page_of (pdf, "记录人（签字）"), ==, n_pages - 1);
}

/* From a stored 党小组会: the branch and the group head it, the chair is
 * named with the post held that day, a recorder who is not on the meeting's
 * lists is read from the roster (or left blank without it). */
static void
test_minutes_for_uuid (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = meeting_member (f, "张三", 11, "2000-07-01", "2001-07-01", TRUE);
  g_autoptr (ZbMemberRecord) b = meeting_member (f, "李四", 13, "2001-07-01", "2002-07-01", TRUE);
  g_autoptr (ZbMemberRecord) c = meeting_member (f, "王五", 15, "2001-07-01", "2002-07-01", FALSE);
  g_autoptr (ZbPartyPost) post = NULL;
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_GROUP, "2026-03-20");
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (ZbDocument) bare = NULL;
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *text = NULL;

  post = zb_org_repo_add_post (f->roster.org, a->id, f->branch->id, 0, ZB_POST_SECRETARY,
                               "2020-01-01", NULL, &error);
  g_assert_no_error (error);
  m->branch_id = f->branch->id;
  m->group_id = f->group->id;
  m->chair_id = a->id;
  m->recorder_id = c->id;
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m->attendees->len, ==, 2);
  for (guint i = 0; i < m->attendees->len; i++)
    {
      ZbMeetingAttendee *att = g_ptr_array_index (m->attendees, i);

      att->role = att->member_id == a->id ? ZB_ATTENDANCE_PRESENT : ZB_ATTENDANCE_LEAVE;
      if (att->role == ZB_ATTENDANCE_LEAVE)
        att->leave_reason = g_strdup ("出差");
    }
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("学习党章"));
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);

  doc = zb_minutes_document_new_for_uuid (f->meetings, f->roster.repo, f->roster.org, m->uuid,
                                          "中共测试支部委员会", date, &error);
  g_assert_no_error (error);
  zb_document_set_number (doc, "ZB-2026-000322");
  bytes = render_pdf (doc);
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  assert_in_order (text, (const char *const[]){ "第一支部第一党小组", "党小组会会议记录", NULL });
  for (const char *const *s = (const char *const[]){ "张三（支部书记）", "王五", "李四（出差）",
                                                     "2026年3月20日", "1．学习党章", NULL };
       *s != NULL; s++)
    assert_in_order (text, (const char *const[]){ *s, NULL });

  /* Without the roster, a recorder on none of the lists is left blank. */
  bare = zb_minutes_document_new_for_uuid (f->meetings, NULL, NULL, m->uuid, "中共测试支部委员会",
                                           date, &error);
  g_assert_no_error (error);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&pdf);
  g_clear_pointer (&text, g_free);
  zb_document_set_number (bare, "ZB-2026-000323");
  bytes = render_pdf (bare);
  pdf = load_pdf (bytes);
  text = pdf_body_text_compact (pdf, ZB_PAGE_SETUP_OFFICIAL);
  g_assert_null (strstr (text, "王五"));
  g_assert_null (strstr (text, "支部书记"));
  assert_in_order (text,
                   (const char *const[]){ "中共测试支部委员会", "党小组会会议记录", "张三", NULL });

  /* An unknown meeting is said so. */
  g_clear_object (&bare);
  bare = zb_minutes_document_new_for_uuid (
      f->meetings, NULL, NULL, "00000000-0000-4000-8000-000000000000", NULL, date, &error);
  g_assert_null (bare);
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  g_test_add_func ("/minutes-document/content", test_minutes_content);
  g_test_add_func ("/minutes-document/below-quorum", test_minutes_below_quorum);
  g_test_add_func ("/minutes-document/lesson", test_minutes_lesson);
  g_test_add_func ("/minutes-document/long", test_minutes_long);
  g_test_add ("/minutes-document/for-uuid", MeetingFixture, NULL, meeting_fixture_set_up,
              test_minutes_for_uuid, meeting_fixture_tear_down);

  return g_test_run ();
}
