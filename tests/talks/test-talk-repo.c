/* test-talk-repo.c — ZbTalkRepo: writing talks with their audit rows, the
 * list without contents, the audited opening of contents, people who are not
 * members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "talks-test-util.h"

#define SECRET_TALKER "谈话人所说的保密内容"
#define SECRET_OTHER "谈话对象所说的保密内容"
#define SECRET_RESPONSE "意见和建议的保密内容"

static gboolean
audit_mentions (TalkFixture *f, const char *text)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      f->roster.db,
      "SELECT count(*) FROM audit_log WHERE instr (coalesce (before_json, '') ||"
      " coalesce (after_json, ''), ?1) > 0",
      NULL);
  gint64 n;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n > 0;
}

static ZbTalkRecord *
secret_talk (TalkFixture *f, const ZbMemberRecord *talker, const ZbMemberRecord *other)
{
  ZbTalkRecord *t = zb_talk_record_new (ZB_TALK_KIND_DAILY, "2026-03-02");

  t->start_time = g_strdup ("09:30");
  t->place = g_strdup ("  支部办公室 ");
  t->topic = g_strdup ("思想动态");
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, other->id));
  zb_talk_record_add_participant (t,
                                  zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, talker->id));
  g_ptr_array_add (t->actions, zb_talk_action_new ("学习党章第一章", "2026-04-01"));
  t->contents = zb_talk_contents_new (SECRET_TALKER, SECRET_OTHER, SECRET_RESPONSE);
  t->recorder_id = talker->id;
  return t;
}

/* Create, update and archive: one audit row each, "changed" each time, the
 * chain verifies, and the audit rows hold a digest of the contents, never
 * their text. */
static void
test_create_update_archive (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  g_autoptr (ZbTalkRecord) t = secret_talk (f, a, b);
  g_autoptr (ZbTalkRecord) stored = NULL;
  g_autoptr (ZbTalkContents) contents = NULL;
  g_autoptr (GError) error = NULL;
  const ZbTalkParticipant *p;
  g_autofree char *uuid = NULL;

  talk_post (f, a, ZB_POST_SECRETARY);
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
  g_assert_nonnull (t->uuid);
  g_assert_null (t->contents); /* handed back as a read gives it */
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (talk_count_audit (f, "create"), ==, 1);
  uuid = g_strdup (t->uuid);

  stored = zb_talk_repo_get (f->talks, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->place, ==, "支部办公室");
  g_assert_cmpstr (stored->start_time, ==, "09:30");
  g_assert_cmpint (stored->branch_id, ==, f->branch->id);
  g_assert_cmpstr (stored->recorder_name, ==, "张书记");
  g_assert_null (stored->contents);
  g_assert_cmpuint (stored->participants->len, ==, 2);
  /* Talkers first, names and posts from the roster. */
  p = g_ptr_array_index (stored->participants, 0);
  g_assert_cmpint (p->side, ==, ZB_TALK_SIDE_TALKER);
  g_assert_cmpstr (p->name, ==, "张书记");
  g_assert_cmpstr (p->member_uuid, ==, a->uuid);
  g_assert_cmpstr (p->post, ==, "支部书记");
  p = g_ptr_array_index (stored->participants, 1);
  g_assert_cmpstr (p->name, ==, "李党员");
  g_assert_null (p->post);
  g_assert_cmpuint (stored->actions->len, ==, 1);
  g_assert_cmpstr (((ZbTalkAction *)g_ptr_array_index (stored->actions, 0))->due_date, ==,
                   "2026-04-01");

  /* An edit without contents keeps them; one with contents replaces them. */
  g_free (stored->topic);
  stored->topic = g_strdup ("工作情况");
  g_assert_true (zb_talk_repo_update (f->talks, stored, &error));
  g_assert_no_error (error);
  contents = zb_talk_repo_load_contents (f->talks, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents->said_by_talker, ==, SECRET_TALKER);
  g_clear_pointer (&contents, zb_talk_contents_free);

  stored->contents = zb_talk_contents_new ("改过的内容", NULL, NULL);
  g_assert_true (zb_talk_repo_update (f->talks, stored, &error));
  g_assert_no_error (error);
  contents = zb_talk_repo_load_contents (f->talks, uuid, &error);
  g_assert_cmpstr (contents->said_by_talker, ==, "改过的内容");
  g_assert_null (contents->response);
  g_assert_cmpint (talk_count_audit (f, "update"), ==, 2);

  g_assert_true (zb_talk_repo_set_archived (f->talks, uuid, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (zb_talk_repo_set_archived (f->talks, uuid, TRUE, &error)); /* no change */
  g_assert_cmpint (talk_count_audit (f, "archive"), ==, 1);
  g_assert_cmpuint (f->n_changed, ==, 4);
  g_clear_pointer (&stored, zb_talk_record_free);
  stored = zb_talk_repo_get (f->talks, uuid, &error);
  g_assert_true (stored->archived);
  g_assert_cmpstr (stored->topic, ==, "工作情况");
  /* Archiving kept the contents. */
  g_clear_pointer (&contents, zb_talk_contents_free);
  contents = zb_talk_repo_load_contents (f->talks, uuid, &error);
  g_assert_cmpstr (contents->said_by_talker, ==, "改过的内容");

  g_assert_false (audit_mentions (f, SECRET_TALKER));
  g_assert_false (audit_mentions (f, SECRET_OTHER));
  g_assert_false (audit_mentions (f, SECRET_RESPONSE));
  g_assert_false (audit_mentions (f, "改过的内容"));
  g_assert_true (audit_mentions (f, "contents_sha256"));
  g_assert_true (audit_mentions (f, "工作情况"));
  talk_assert_audit_ok (f);
}

/* The list and get give no contents; the JSON has them only when asked. */
static void
test_list_without_contents (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  g_autoptr (ZbTalkRecord) t = secret_talk (f, a, b);
  g_autoptr (ZbTalkRecord) other = secret_talk (f, b, a);
  g_autoptr (ZbTalkContents) contents = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *full = NULL;
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;

  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  other->kind = ZB_TALK_KIND_REMINDER;
  g_free (other->date);
  other->date = g_strdup ("2025-12-01");
  g_assert_true (zb_talk_repo_create (f->talks, other, &error));
  g_assert_no_error (error);

  list = zb_talk_repo_list (f->talks, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (list, i);
      g_autofree char *json = zb_talk_record_to_json (r, NULL, FALSE);

      g_assert_null (r->contents);
      g_assert_cmpuint (r->participants->len, ==, 2);
      g_assert_null (strstr (json, SECRET_TALKER));
      g_assert_null (strstr (json, "\"contents\""));
    }
  /* By date; by year and kind. */
  g_assert_cmpstr (((ZbTalkRecord *)g_ptr_array_index (list, 0))->date, ==, "2025-12-01");
  g_clear_pointer (&list, g_ptr_array_unref);
  query.year = 2026;
  list = zb_talk_repo_list (f->talks, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  query.year = 0;
  query.kind = ZB_TALK_KIND_REMINDER;
  list = zb_talk_repo_list (f->talks, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Even a record that holds contents is written without them unless asked. */
  contents = zb_talk_contents_new (SECRET_TALKER, SECRET_OTHER, SECRET_RESPONSE);
  plain = zb_talk_record_to_json (t, contents, FALSE);
  g_assert_null (strstr (plain, SECRET_TALKER));
  full = zb_talk_record_to_json (t, contents, TRUE);
  g_assert_nonnull (strstr (full, SECRET_TALKER));
  g_assert_nonnull (strstr (full, SECRET_RESPONSE));
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 0);
}

/* Each opening writes one audit row; an unknown talk writes none. */
static void
test_open_contents_audited (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  g_autoptr (ZbTalkRecord) t = secret_talk (f, a, b);
  g_autoptr (ZbTalkContents) missing = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
  f->n_changed = 0;
  for (gint64 i = 1; i <= 3; i++)
    {
      g_autoptr (ZbTalkContents) c = zb_talk_repo_load_contents (f->talks, t->uuid, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (c->said_by_talker, ==, SECRET_TALKER);
      g_assert_cmpstr (c->said_by_other, ==, SECRET_OTHER);
      g_assert_cmpstr (c->response, ==, SECRET_RESPONSE);
      g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, i);
    }
  g_assert_cmpuint (f->n_changed, ==, 0);

  missing = zb_talk_repo_load_contents (f->talks, "no-such-talk", &error);
  g_assert_null (missing);
  g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_NOT_FOUND);
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 3);
  talk_assert_audit_ok (f);
}

/* An applicant, not on the roster: kept by a key, found by it, and the T2
 * check reads the 入党谈话 from here. */
static void
test_person_not_on_roster (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbTalkRecord) t = zb_talk_record_new (ZB_TALK_KIND_ADMISSION, "2026-03-20");
  g_autoptr (ZbTalkRecord) visitor = zb_talk_record_new (ZB_TALK_KIND_OTHER, "2026-04-01");
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (ZbApplicationTalkCheck) check = NULL;
  g_autoptr (GError) error = NULL;
  const ZbTalkParticipant *p;
  GDate applied, today;

  zb_talk_record_add_participant (t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, a->id));
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "王申请", "applicant:42"));
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);

  zb_talk_record_add_participant (visitor,
                                  zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, a->id));
  zb_talk_record_add_participant (
      visitor, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, " 赵来访 ", NULL));
  g_assert_true (zb_talk_repo_create (f->talks, visitor, &error));
  g_assert_no_error (error);
  p = g_ptr_array_index (visitor->participants, 1);
  g_assert_cmpint (p->member_id, ==, 0);
  g_assert_cmpstr (p->name, ==, "赵来访");
  g_assert_cmpstr (p->person_key, ==, "name:赵来访");

  found = zb_talk_repo_list_for_person (f->talks, 0, "applicant:42", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((ZbTalkRecord *)g_ptr_array_index (found, 0))->uuid, ==, t->uuid);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = zb_talk_repo_list_for_person (f->talks, a->id, NULL, -1, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = zb_talk_repo_list_for_person (f->talks, a->id, NULL, ZB_TALK_KIND_ADMISSION, &error);
  g_assert_cmpuint (found->len, ==, 1);

  g_date_clear (&applied, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&applied, 1, G_DATE_MARCH, 2026);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2026);
  check
      = zb_talk_repo_check_application_talk (f->talks, 0, "applicant:42", &applied, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (check->state, ==, ZB_DEADLINE_MET);
  g_clear_pointer (&check, zb_application_talk_check_free);
  /* Applied in January: the talk on 20 March was late. */
  g_date_set_dmy (&applied, 5, G_DATE_JANUARY, 2026);
  check
      = zb_talk_repo_check_application_talk (f->talks, 0, "applicant:42", &applied, &today, &error);
  g_assert_cmpint (check->state, ==, ZB_DEADLINE_LATE);
  g_clear_pointer (&check, zb_application_talk_check_free);
  /* Someone never talked with. */
  check
      = zb_talk_repo_check_application_talk (f->talks, 0, "applicant:43", &applied, &today, &error);
  g_assert_cmpint (check->state, ==, ZB_DEADLINE_OVERDUE);
  talk_assert_audit_ok (f);
}

/* A record that breaks a rule is refused whole: no rows, no audit row. */
static void
test_invalid_refused (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  g_autoptr (GError) error = NULL;

  for (guint c = 0; c < 7; c++)
    {
      g_autoptr (ZbTalkRecord) t = secret_talk (f, a, b);

      switch (c)
        {
        case 0:
          g_ptr_array_remove_index (t->participants, 0); /* no talker */
          break;
        case 1:
          g_ptr_array_remove_index (t->participants, 1); /* with nobody */
          break;
        case 2:
          zb_talk_record_add_participant (
              t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, a->id));
          break;
        case 3:
          g_free (t->date);
          t->date = g_strdup ("2026-02-30");
          break;
        case 4:
          g_free (t->start_time);
          t->start_time = g_strdup ("25:00");
          break;
        case 5:
          g_ptr_array_add (t->actions, zb_talk_action_new ("  ", NULL));
          break;
        case 6:
          zb_talk_record_add_participant (
              t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "", NULL));
          break;
        }
      g_assert_false (zb_talk_repo_create (f->talks, t, &error));
      g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_INVALID);
      g_assert_null (t->uuid);
      g_clear_error (&error);
    }
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM talk"), ==, 0);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM talk_participant"), ==, 0);
  g_assert_cmpint (talk_count_audit (f, "create"), ==, 0);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talks/create-update-archive", test_create_update_archive);
  TALK_TEST ("/talks/list-without-contents", test_list_without_contents);
  TALK_TEST ("/talks/open-contents-audited", test_open_contents_audited);
  TALK_TEST ("/talks/person-not-on-roster", test_person_not_on_roster);
  TALK_TEST ("/talks/invalid-refused", test_invalid_refused);

  return g_test_run ();
}
