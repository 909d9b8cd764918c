/* test-meeting-repo.c — ZbMeetingRepo: writing meetings with their children,
 * resolutions' follow-up and attachments, each audited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "meetings-test-util.h"
#include "zb-exchange-error.h"
#include "zb-import-batch.h"

#define ADD_TEST(path, func)                                                                       \
  g_test_add (path, MeetingFixture, NULL, meeting_fixture_set_up, func, meeting_fixture_tear_down)

/* A 党员大会 with the branch's members expected, two topics (one with a
 * speech and a vote), and a resolution. */
static ZbMeetingRecord *
full_meeting (MeetingFixture *f, const ZbMemberRecord *chair, const ZbMemberRecord *recorder)
{
  g_autoptr (GError) error = NULL;
  ZbMeetingRecord *m = zb_meeting_record_new (ZB_MEETING_GENERAL, "2026-03-20");
  ZbMeetingTopic *topic;
  ZbMeetingVote *vote;

  m->title = g_strdup ("第一季度党员大会");
  m->start_time = g_strdup ("14:30");
  m->end_time = g_strdup ("16:00");
  m->place = g_strdup ("三楼会议室");
  m->branch_id = f->branch->id;
  m->chair_id = chair->id;
  m->recorder_id = recorder->id;
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_no_error (error);

  topic = zb_meeting_topic_new ("讨论接收预备党员");
  topic->minutes = g_strdup ("支委会报告审查情况。");
  g_ptr_array_add (topic->speeches, zb_meeting_speech_new (chair->id, NULL, "同意接收。"));
  g_ptr_array_add (m->topics, topic);
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("学习党章"));
  topic->uuid = g_strdup ("5b1f7c1e-0000-4000-8000-000000000001");

  vote = zb_meeting_vote_new ("接收王五为预备党员", ZB_VOTE_FORM_SECRET_BALLOT);
  vote->topic_uuid = g_strdup (topic->uuid);
  vote->yes = 2;
  vote->result = ZB_VOTE_RESULT_PASSED;
  g_ptr_array_add (m->votes, vote);

  g_ptr_array_add (m->resolutions,
                   zb_meeting_resolution_new ("报上级党委审批", recorder->id, "2026-04-30"));
  return m;
}

static void
count_changed (ZbMeetingRepo *repo, guint *changed)
{
  (*changed)++;
}

static void
test_create_update_archive (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = meeting_member (f, "张三", 11, "2000-07-01", "2001-07-01", TRUE);
  g_autoptr (ZbMemberRecord) b = meeting_member (f, "李四", 13, "2001-07-01", "2002-07-01", FALSE);
  g_autoptr (ZbMeetingRecord) m = full_meeting (f, a, b);
  g_autoptr (ZbMeetingRecord) loaded = NULL;
  g_autoptr (ZbMeetingRecord) edited = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_attendee = NULL;
  g_autofree char *first_created = NULL;
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  const ZbMeetingTopic *topic;
  guint changed = 0;

  g_signal_connect (f->meetings, "changed", G_CALLBACK (count_changed), &changed);

  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
  g_assert_nonnull (m->uuid);
  g_assert_cmpint (m->id, >, 0);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (meeting_count_audit (f, "meeting"), ==, 1);

  loaded = zb_meeting_repo_get (f->meetings, m->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->kind, ==, ZB_MEETING_GENERAL);
  g_assert_cmpstr (loaded->title, ==, "第一季度党员大会");
  g_assert_cmpstr (loaded->date, ==, "2026-03-20");
  g_assert_cmpstr (loaded->start_time, ==, "14:30");
  g_assert_cmpstr (loaded->end_time, ==, "16:00");
  g_assert_cmpstr (loaded->place, ==, "三楼会议室");
  g_assert_cmpint (loaded->branch_id, ==, f->branch->id);
  g_assert_cmpint (loaded->chair_id, ==, a->id);
  g_assert_cmpint (loaded->recorder_id, ==, b->id);
  g_assert_cmpuint (loaded->attendees->len, ==, 2);
  g_assert_cmpuint (loaded->topics->len, ==, 2);
  topic = g_ptr_array_index (loaded->topics, 0);
  g_assert_cmpstr (topic->title, ==, "讨论接收预备党员");
  g_assert_cmpstr (topic->minutes, ==, "支委会报告审查情况。");
  g_assert_cmpuint (topic->speeches->len, ==, 1);
  /* a speaker on the roster without a name takes the member's */
  g_assert_cmpstr (((ZbMeetingSpeech *)g_ptr_array_index (topic->speeches, 0))->speaker_name, ==,
                   "张三");
  g_assert_cmpuint (loaded->votes->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingVote *)g_ptr_array_index (loaded->votes, 0))->topic_uuid, ==,
                   topic->uuid);
  g_assert_cmpint (((ZbMeetingVote *)g_ptr_array_index (loaded->votes, 0))->form, ==,
                   ZB_VOTE_FORM_SECRET_BALLOT);
  g_assert_cmpint (((ZbMeetingVote *)g_ptr_array_index (loaded->votes, 0))->result, ==,
                   ZB_VOTE_RESULT_PASSED);
  g_assert_cmpuint (loaded->resolutions->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingResolution *)g_ptr_array_index (loaded->resolutions, 0))->owner_name,
                   ==, "李四");

  /* An edit: attendance taken, a topic dropped; children keep their uuids
   * and when they were first written; one more audit row with before/after. */
  edited = zb_meeting_record_copy (loaded);
  first_attendee = g_strdup (((ZbMeetingAttendee *)g_ptr_array_index (edited->attendees, 0))->uuid);
  {
    sqlite3_stmt *stmt = _zb_database_prepare (
        f->roster.db, "SELECT created_at FROM meeting_attendee WHERE uuid = ?1", NULL);

    sqlite3_bind_text (stmt, 1, first_attendee, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    first_created = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
    sqlite3_reset (stmt);
  }
  ((ZbMeetingAttendee *)g_ptr_array_index (edited->attendees, 0))->role = ZB_ATTENDANCE_PRESENT;
  ((ZbMeetingAttendee *)g_ptr_array_index (edited->attendees, 1))->role = ZB_ATTENDANCE_LEAVE;
  ((ZbMeetingAttendee *)g_ptr_array_index (edited->attendees, 1))->leave_reason = g_strdup ("出差");
  g_ptr_array_remove_index (edited->topics, 1);
  g_free (edited->place);
  edited->place = g_strdup ("党员活动室");
  g_assert_true (zb_meeting_repo_update (f->meetings, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meeting_count_audit (f, "meeting"), ==, 2);
  g_clear_pointer (&loaded, zb_meeting_record_free);
  loaded = zb_meeting_repo_get (f->meetings, m->uuid, &error);
  g_assert_cmpstr (loaded->place, ==, "党员活动室");
  g_assert_cmpuint (loaded->topics->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingAttendee *)g_ptr_array_index (loaded->attendees, 0))->uuid, ==,
                   first_attendee);
  g_assert_cmpstr (((ZbMeetingAttendee *)g_ptr_array_index (loaded->attendees, 1))->leave_reason,
                   ==, "出差");
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_topic"), ==, 1);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_vote"), ==, 1);
  {
    sqlite3_stmt *stmt = _zb_database_prepare (
        f->roster.db, "SELECT created_at FROM meeting_attendee WHERE uuid = ?1", NULL);

    sqlite3_bind_text (stmt, 1, first_attendee, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, first_created);
    sqlite3_reset (stmt);
  }
  {
    sqlite3_stmt *stmt
        = _zb_database_prepare (f->roster.db,
                                "SELECT action, before_json IS NOT NULL, after_json FROM audit_log"
                                " WHERE entity = 'meeting' ORDER BY seq DESC LIMIT 1",
                                NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "update");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 2), "党员活动室"));
    sqlite3_reset (stmt);
  }

  /* In the year's list, with its figures; archived, out of it. */
  query.year = 2026;
  list = zb_meeting_repo_list (f->meetings, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    const ZbAttendanceCounts *c = zb_meeting_get_counts (g_ptr_array_index (list, 0));

    g_assert_cmpuint (c->expected, ==, 2);
    g_assert_cmpuint (c->present, ==, 1);
    g_assert_cmpuint (c->leave, ==, 1);
    g_assert_true (c->taken);
  }
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (zb_meeting_repo_set_archived (f->meetings, m->uuid, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meeting_count_audit (f, "meeting"), ==, 3);
  list = zb_meeting_repo_list (f->meetings, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.archived = TRUE;
  list = zb_meeting_repo_list (f->meetings, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.year = 2025;
  list = zb_meeting_repo_list (f->meetings, &query, &error);
  g_assert_cmpuint (list->len, ==, 0);

  g_assert_cmpuint (changed, ==, 3);
  meeting_assert_audit_ok (f);
}

/* Records that break a rule are refused with a sentence, and nothing is
 * written. */
static void
test_invalid_refused (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  struct
  {
    ZbMeetingKind kind;
    const char *date, *start, *end;
    gboolean no_branch, guest_expected;
  } cases[] = {
    { ZB_MEETING_GROUP, "2026-03-01", NULL, NULL, FALSE, FALSE },         /* no group */
    { ZB_MEETING_GENERAL, "2026-02-30", NULL, NULL, FALSE, FALSE },       /* no such day */
    { ZB_MEETING_GENERAL, "2026-03-01", "15:00", "14:00", FALSE, FALSE }, /* ends first */
    { ZB_MEETING_GENERAL, "2026-03-01", "25:00", NULL, FALSE, FALSE },    /* no such time */
    { ZB_MEETING_COMMITTEE, "2026-03-01", NULL, NULL, TRUE, FALSE },      /* whose committee */
    { ZB_MEETING_GENERAL, "2026-03-01", NULL, NULL, FALSE, TRUE },        /* a guest expected */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (cases[i].kind, cases[i].date);

      m->start_time = g_strdup (cases[i].start);
      m->end_time = g_strdup (cases[i].end);
      m->branch_id = cases[i].no_branch ? 0 : f->branch->id;
      if (cases[i].guest_expected)
        g_ptr_array_add (m->attendees,
                         zb_meeting_attendee_new (0, "上级联系人", ZB_ATTENDANCE_PRESENT));
      g_assert_false (zb_meeting_repo_create (f->meetings, m, &error));
      g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
      g_assert_null (m->uuid);
      g_clear_error (&error);
    }
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting"), ==, 0);
  g_assert_cmpint (meeting_count_audit (f, "meeting"), ==, 0);
}

/* Open resolutions by due date until done; done ones, and those of archived
 * meetings, drop out; reopened ones come back. */
static void
test_open_resolutions (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) owner
      = meeting_member (f, "王五", 15, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMeetingRecord) m1 = zb_meeting_record_new (ZB_MEETING_COMMITTEE, "2026-01-10");
  g_autoptr (ZbMeetingRecord) m2 = zb_meeting_record_new (ZB_MEETING_THEME_DAY, "2026-02-10");
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GError) error = NULL;
  const ZbMeetingResolution *r;
  const char *done_uuid;

  m1->branch_id = m2->branch_id = f->branch->id;
  g_ptr_array_add (m1->resolutions,
                   zb_meeting_resolution_new ("整理党员档案", owner->id, "2026-06-30"));
  g_ptr_array_add (m1->resolutions, zb_meeting_resolution_new ("走访困难党员", 0, NULL));
  g_ptr_array_add (m2->resolutions,
                   zb_meeting_resolution_new ("上报活动总结", owner->id, "2026-02-20"));
  g_assert_true (zb_meeting_repo_create (f->meetings, m1, &error));
  g_assert_true (zb_meeting_repo_create (f->meetings, m2, &error));
  g_assert_no_error (error);

  open = zb_meeting_repo_list_open_resolutions (f->meetings, f->branch->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  r = g_ptr_array_index (open, 0);
  g_assert_cmpstr (r->text, ==, "上报活动总结");
  g_assert_cmpstr (r->due_date, ==, "2026-02-20");
  g_assert_cmpstr (r->owner_name, ==, "王五");
  g_assert_cmpstr (r->meeting_uuid, ==, m2->uuid);
  g_assert_cmpstr (r->meeting_date, ==, "2026-02-10");
  g_assert_cmpint (r->meeting_kind, ==, ZB_MEETING_THEME_DAY);
  g_assert_cmpstr (((ZbMeetingResolution *)g_ptr_array_index (open, 1))->text, ==, "整理党员档案");
  /* without a due date: last */
  g_assert_cmpstr (((ZbMeetingResolution *)g_ptr_array_index (open, 2))->text, ==, "走访困难党员");

  done_uuid = r->uuid;
  g_assert_true (
      zb_meeting_repo_set_resolution_done (f->meetings, done_uuid, "2026-02-18", &error));
  g_assert_no_error (error);
  g_assert_cmpint (meeting_count_audit (f, "meeting_resolution"), ==, 1);
  {
    g_autoptr (GPtrArray) after = zb_meeting_repo_list_open_resolutions (f->meetings, 0, &error);

    g_assert_cmpuint (after->len, ==, 2);
    g_assert_cmpstr (((ZbMeetingResolution *)g_ptr_array_index (after, 0))->text, ==,
                     "整理党员档案");
  }
  {
    g_autoptr (ZbMeetingRecord) loaded = zb_meeting_repo_get (f->meetings, m2->uuid, &error);

    g_assert_cmpstr (((ZbMeetingResolution *)g_ptr_array_index (loaded->resolutions, 0))->done_date,
                     ==, "2026-02-18");
  }

  /* reopened */
  g_assert_true (zb_meeting_repo_set_resolution_done (f->meetings, done_uuid, NULL, &error));
  {
    g_autoptr (GPtrArray) after = zb_meeting_repo_list_open_resolutions (f->meetings, 0, &error);

    g_assert_cmpuint (after->len, ==, 3);
  }

  /* a bad date, an unknown resolution */
  g_assert_false (zb_meeting_repo_set_resolution_done (f->meetings, done_uuid, "明天", &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (
      zb_meeting_repo_set_resolution_done (f->meetings, "no-such", "2026-03-01", &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* an archived meeting's resolutions are not followed up */
  g_assert_true (zb_meeting_repo_set_archived (f->meetings, m1->uuid, TRUE, &error));
  {
    g_autoptr (GPtrArray) after = zb_meeting_repo_list_open_resolutions (f->meetings, 0, &error);

    g_assert_cmpuint (after->len, ==, 1);
  }
  meeting_assert_audit_ok (f);
}

/* Attachments: stored inside the encrypted file, read back byte for byte,
 * removed with an audit row; over the limit refused with nothing written. */
static void
test_attachments (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_LESSON, "2026-04-08");
  g_autoptr (ZbMeetingAttachment) a = NULL;
  g_autoptr (ZbMeetingAttachment) big_result = NULL;
  g_autoptr (ZbMeetingRecord) loaded = NULL;
  g_autoptr (GBytes) small = g_bytes_new_static ("%PDF-1.4 签到表", 18);
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GBytes) big = NULL;
  g_autoptr (GBytes) at_limit = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit_rows;

  m->branch_id = f->branch->id;
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);

  a = zb_meeting_repo_add_attachment (f->meetings, m->uuid, " 签到表.pdf ", "application/pdf",
                                      small, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->name, ==, "签到表.pdf");
  g_assert_cmpuint (a->size, ==, 18);
  back = zb_meeting_repo_get_attachment_data (f->meetings, a->uuid, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, small));
  loaded = zb_meeting_repo_get (f->meetings, m->uuid, &error);
  g_assert_cmpuint (loaded->attachments->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingAttachment *)g_ptr_array_index (loaded->attachments, 0))->sha256, ==,
                   a->sha256);
  g_assert_cmpint (meeting_count_audit (f, "meeting_attachment"), ==, 1);

  /* one byte over the limit: refused before anything is written */
  audit_rows = roster_count_rows (&f->roster, "SELECT count(*) FROM audit_log");
  big = g_bytes_new_take (g_malloc0 (ZB_MEETING_ATTACHMENT_MAX_SIZE + 1),
                          ZB_MEETING_ATTACHMENT_MAX_SIZE + 1);
  big_result = zb_meeting_repo_add_attachment (f->meetings, m->uuid, "扫描件.tiff", "image/tiff",
                                               big, &error);
  g_assert_null (big_result);
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "扫描件.tiff"));
  g_clear_error (&error);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_attachment"), ==,
                   1);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM audit_log"), ==,
                   audit_rows);

  /* exactly at the limit: stored (the schema's CHECK agrees with the repository) */
  at_limit = g_bytes_new_take (g_malloc0 (ZB_MEETING_ATTACHMENT_MAX_SIZE),
                               ZB_MEETING_ATTACHMENT_MAX_SIZE);
  {
    g_autoptr (ZbMeetingAttachment) ok = zb_meeting_repo_add_attachment (
        f->meetings, m->uuid, "照片.jpg", "image/jpeg", at_limit, &error);

    g_assert_no_error (error);
    g_assert_nonnull (ok);
  }

  /* removed, with its facts in the audit row */
  g_assert_true (zb_meeting_repo_remove_attachment (f->meetings, a->uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_attachment"), ==,
                   1);
  g_assert_null (zb_meeting_repo_get_attachment_data (f->meetings, a->uuid, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (meeting_count_audit (f, "meeting_attachment"), ==, 3);
  meeting_assert_audit_ok (f);
}

/* The held meetings the rhythm rules take: of the branch and year, archived
 * ones left out, group meetings with their group; fed to
 * zb_meeting_rhythm_for_year() they fill their periods. */
static const ZbMeetingPeriod *
find_period (GPtrArray *periods, ZbMeetingKind kind, guint index)
{
  for (guint i = 0; i < periods->len; i++)
    {
      const ZbMeetingPeriod *p = g_ptr_array_index (periods, i);

      if (p->kind == kind && p->index == index)
        return p;
    }
  return NULL;
}

static void
test_held_for_rhythm (MeetingFixture *f, gconstpointer data)
{
  struct
  {
    ZbMeetingKind kind;
    const char *date;
    gboolean group, archive;
  } meetings[] = {
    { ZB_MEETING_COMMITTEE, "2026-01-12", FALSE, FALSE },
    { ZB_MEETING_GROUP, "2026-02-03", TRUE, FALSE },
    { ZB_MEETING_THEME_DAY, "2026-02-15", FALSE, TRUE },  /* archived: not held */
    { ZB_MEETING_COMMITTEE, "2025-12-30", FALSE, FALSE }, /* another year */
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) held = NULL;
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (ZbMeetingGroup));
  g_autoptr (GPtrArray) periods = NULL;
  ZbMeetingGroup group = { 0 };
  ZbMeetingPlan plan;
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (meetings); i++)
    {
      g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (meetings[i].kind, meetings[i].date);

      m->branch_id = f->branch->id;
      m->group_id = meetings[i].group ? f->group->id : 0;
      g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
      g_assert_no_error (error);
      if (meetings[i].archive)
        g_assert_true (zb_meeting_repo_set_archived (f->meetings, m->uuid, TRUE, &error));
    }

  held = zb_meeting_repo_list_held (f->meetings, f->branch->id, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (held->len, ==, 2);
  g_assert_cmpint (g_array_index (held, ZbHeldMeeting, 0).kind, ==, ZB_MEETING_COMMITTEE);
  g_assert_cmpint (g_array_index (held, ZbHeldMeeting, 0).group_id, ==, 0);
  g_assert_cmpint (g_array_index (held, ZbHeldMeeting, 1).kind, ==, ZB_MEETING_GROUP);
  g_assert_cmpint (g_array_index (held, ZbHeldMeeting, 1).group_id, ==, f->group->id);
  g_assert_cmpuint (g_date_get_month (&g_array_index (held, ZbHeldMeeting, 1).date), ==, 2);

  group.id = f->group->id;
  group.name = f->group->name;
  g_date_clear (&group.since, 1);
  g_date_clear (&group.until, 1);
  g_array_append_val (groups, group);
  zb_meeting_plan_init_default (&plan);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 31, 3, 2026);
  periods = zb_meeting_rhythm_for_year (&plan, held, groups, NULL, 2026, &today);
  g_assert_cmpint (find_period (periods, ZB_MEETING_COMMITTEE, 1)->status, ==, ZB_PERIOD_HELD);
  g_assert_cmpint (find_period (periods, ZB_MEETING_COMMITTEE, 2)->status, ==, ZB_PERIOD_OVERDUE);
  g_assert_cmpint (find_period (periods, ZB_MEETING_GROUP, 2)->status, ==, ZB_PERIOD_HELD);
  g_assert_cmpint (find_period (periods, ZB_MEETING_THEME_DAY, 2)->status, ==, ZB_PERIOD_OVERDUE);
}

/* Members of an import batch who appear in meeting records, so that undoing
 * the import can say why it may not go ahead. */
static void
test_batch_references (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbMemberRecord) a = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) b = roster_record ("李四", "19800101", 13);
  g_autoptr (ZbMemberRecord) c = NULL;
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_COMMITTEE, "2026-03-02");
  guint n = 99;
  gint64 batch;

  g_assert_true (_zb_database_exec (f->roster.db,
                                    "INSERT INTO import_batch (uuid, kind, file_name, n_records,"
                                    " imported_at) VALUES ('b-1', 'members', 'a.csv', 2, 'x')",
                                    &error));
  batch = roster_count_rows (&f->roster, "SELECT id FROM import_batch WHERE uuid = 'b-1'");
  g_assert_true (_zb_database_begin (f->roster.db, &error));
  a->branch_id = b->branch_id = f->branch->id;
  g_assert_true (zb_member_repo_insert_in_transaction (f->roster.repo, a, batch,
                                                       ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (zb_member_repo_insert_in_transaction (f->roster.repo, b, batch,
                                                       ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (_zb_database_commit (f->roster.db, &error));
  g_assert_no_error (error);
  c = meeting_member (f, "王五", 15, "2000-07-01", "2001-07-01", FALSE);

  g_assert_true (zb_meeting_repo_count_batch_references (f->meetings, batch, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* the recorder is of the batch; the attendee of another */
  m->branch_id = f->branch->id;
  m->recorder_id = b->id;
  g_ptr_array_add (m->attendees, zb_meeting_attendee_new (c->id, NULL, ZB_ATTENDANCE_PRESENT));
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
  g_assert_true (zb_meeting_repo_count_batch_references (f->meetings, batch, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  /* an attendee's name is the member's when none was given */
  g_assert_cmpstr (((ZbMeetingAttendee *)g_ptr_array_index (m->attendees, 0))->name, ==, "王五");

  /* undoing the import now says why it cannot, and changes nothing */
  {
    g_autoptr (ZbImportBatch) undone = NULL;
    guint removed = 99;

    undone = zb_import_batch_undo (f->roster.repo, NULL, &removed, &error);
    g_assert_null (undone);
    g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_IN_USE);
    g_assert_nonnull (strstr (error->message, "a.csv"));
    /* said before the delete, with the number: not the foreign key's word */
    g_assert_cmpstr (error->message, ==,
                     "The import of “a.csv” can no longer be undone: 1 of its members appears "
                     "in meeting records made since. Nothing has been changed.");
    g_clear_error (&error);
    g_assert_cmpuint (removed, ==, 0);
    g_assert_cmpint (
        roster_count_rows (&f->roster,
                           "SELECT count(*) FROM member WHERE import_batch_id IS NOT NULL"),
        ==, 2);
    g_assert_cmpint (
        roster_count_rows (&f->roster, "SELECT count(*) FROM import_batch WHERE undone_at IS NULL"),
        ==, 1);
  }
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  ADD_TEST ("/meetings/create-update-archive", test_create_update_archive);
  ADD_TEST ("/meetings/invalid-refused", test_invalid_refused);
  ADD_TEST ("/meetings/open-resolutions", test_open_resolutions);
  ADD_TEST ("/meetings/attachments", test_attachments);
  ADD_TEST ("/meetings/held-for-rhythm", test_held_for_rhythm);
  ADD_TEST ("/meetings/batch-references", test_batch_references);

  return g_test_run ();
}
