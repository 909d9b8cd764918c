/* test-talk-actions.c — the follow-ups of talks marked done and open again
 * (audited, "changed"), the list of open follow-ups, and the re-check of the
 * workspace's secret before talk contents are opened (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "talks-test-util.h"

#define PASSPHRASE "talk actions test passphrase"

static gint64
count_action_audit (TalkFixture *f, const char *action, const char *uuid)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (f->roster.db,
                              "SELECT count(*) FROM audit_log WHERE entity = 'talk_action'"
                              " AND action = ?1 AND record_uuid = ?2",
                              NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* A talk of @talker with @other and @person (not on the roster) on @date with
 * the follow-ups "TEXT|DUE" (DUE may be empty). Returns the stored talk. */
static ZbTalkRecord *
add_talk (TalkFixture *f, const char *date, const ZbMemberRecord *talker,
          const ZbMemberRecord *other, const char *person, const char *const *actions)
{
  ZbTalkRecord *t = zb_talk_record_new (ZB_TALK_KIND_DAILY, date);
  g_autoptr (GError) error = NULL;

  zb_talk_record_add_participant (t,
                                  zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, talker->id));
  if (other != NULL)
    zb_talk_record_add_participant (
        t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, other->id));
  if (person != NULL)
    zb_talk_record_add_participant (
        t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, person, NULL));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (actions[i], "|", 2);

      g_ptr_array_add (t->actions, zb_talk_action_new (parts[0], parts[1][0] ? parts[1] : NULL));
    }
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
  return t;
}

static const char *
action_uuid (const ZbTalkRecord *t, guint i)
{
  return ((ZbTalkAction *)g_ptr_array_index (t->actions, i))->uuid;
}

/* Done, then open again: one audit row each with the dates before and after,
 * "changed" each time; the same state again changes and audits nothing. */
static void
test_done_and_reopen (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  const char *actions[] = { "学习党章|2026-04-01", NULL };
  g_autoptr (ZbTalkRecord) t = add_talk (f, "2026-03-02", a, b, NULL, actions);
  g_autoptr (ZbTalkRecord) stored = NULL;
  g_autoptr (GError) error = NULL;
  const char *uuid = action_uuid (t, 0);
  guint changed = f->n_changed;

  g_assert_true (zb_talk_repo_set_action_done (f->talks, uuid, "2026-03-20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, changed + 1);
  g_assert_cmpint (count_action_audit (f, "done", uuid), ==, 1);
  stored = zb_talk_repo_get (f->talks, t->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((ZbTalkAction *)g_ptr_array_index (stored->actions, 0))->done_date, ==,
                   "2026-03-20");

  /* Already done on that day: nothing to record. */
  g_assert_true (zb_talk_repo_set_action_done (f->talks, uuid, "2026-03-20", &error));
  g_assert_cmpuint (f->n_changed, ==, changed + 1);
  g_assert_cmpint (count_action_audit (f, "done", uuid), ==, 1);

  g_assert_true (zb_talk_repo_set_action_done (f->talks, uuid, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changed, ==, changed + 2);
  g_assert_cmpint (count_action_audit (f, "reopen", uuid), ==, 1);
  g_clear_pointer (&stored, zb_talk_record_free);
  stored = zb_talk_repo_get (f->talks, t->uuid, &error);
  g_assert_null (((ZbTalkAction *)g_ptr_array_index (stored->actions, 0))->done_date);

  /* The audit row holds the dates, and the chain still verifies. */
  {
    sqlite3_stmt *stmt = _zb_database_prepare (
        f->roster.db,
        "SELECT before_json, after_json FROM audit_log WHERE entity = 'talk_action'"
        " AND action = 'done'",
        NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_null (strstr ((const char *)sqlite3_column_text (stmt, 0), "2026-03-20"));
    g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 1), "2026-03-20"));
    g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 1), t->uuid));
    sqlite3_reset (stmt);
  }
  talk_assert_audit_ok (f);
}

/* An unknown action or a date that is not one: refused, nothing recorded. */
static void
test_done_refused (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  const char *actions[] = { "学习党章|2026-04-01", NULL };
  g_autoptr (ZbTalkRecord) t = add_talk (f, "2026-03-02", a, b, NULL, actions);
  g_autoptr (GError) error = NULL;
  guint changed = f->n_changed;

  g_assert_false (zb_talk_repo_set_action_done (f->talks, "no-such-uuid", "2026-03-20", &error));
  g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (
      zb_talk_repo_set_action_done (f->talks, action_uuid (t, 0), "2026-02-30", &error));
  g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (zb_talk_repo_set_action_done (f->talks, action_uuid (t, 0), "soon", &error));
  g_assert_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpuint (f->n_changed, ==, changed);
  g_assert_cmpint (
      roster_count_rows (&f->roster, "SELECT count(*) FROM audit_log WHERE entity = 'talk_action'"),
      ==, 0);
}

/* The open follow-ups of talks not archived, those due first, with the talk's
 * date, kind and the names of whom it was with (a non-member too); done ones
 * and those of archived talks leave the list. */
static void
test_open_actions (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = talk_member (f, "张书记", 1, "2000-07-01");
  g_autoptr (ZbMemberRecord) b = talk_member (f, "李党员", 2, "2010-07-01");
  const char *first[] = { "无期限的事|", "四月到期|2026-04-30", NULL };
  const char *second[] = { "三月到期|2026-03-31", NULL };
  const char *third[] = { "归档的|2026-01-31", NULL };
  g_autoptr (ZbTalkRecord) t1 = add_talk (f, "2026-03-02", a, b, NULL, first);
  g_autoptr (ZbTalkRecord) t2 = add_talk (f, "2026-03-05", a, NULL, "王申请", second);
  g_autoptr (ZbTalkRecord) t3 = add_talk (f, "2026-01-05", a, b, NULL, third);
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GError) error = NULL;
  ZbTalkOpenAction *item;

  g_assert_true (zb_talk_repo_set_archived (f->talks, t3->uuid, TRUE, &error));
  g_assert_no_error (error);

  open = zb_talk_repo_list_open_actions (f->talks, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 3);
  item = g_ptr_array_index (open, 0);
  g_assert_cmpstr (item->action->text, ==, "三月到期");
  g_assert_cmpstr (item->action->due_date, ==, "2026-03-31");
  g_assert_cmpstr (item->talk_uuid, ==, t2->uuid);
  g_assert_cmpstr (item->talk_date, ==, "2026-03-05");
  g_assert_cmpint (item->talk_kind, ==, ZB_TALK_KIND_DAILY);
  g_assert_cmpstr (item->talked_with, ==, "王申请");
  item = g_ptr_array_index (open, 1);
  g_assert_cmpstr (item->action->text, ==, "四月到期");
  g_assert_cmpstr (item->talked_with, ==, "李党员");
  item = g_ptr_array_index (open, 2);
  g_assert_cmpstr (item->action->text, ==, "无期限的事");
  g_assert_null (item->action->due_date);

  g_assert_true (
      zb_talk_repo_set_action_done (f->talks, action_uuid (t2, 0), "2026-03-20", &error));
  g_clear_pointer (&open, g_ptr_array_unref);
  open = zb_talk_repo_list_open_actions (f->talks, 0, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpstr (((ZbTalkOpenAction *)g_ptr_array_index (open, 0))->action->text, ==, "四月到期");

  /* Another branch has none. */
  g_clear_pointer (&open, g_ptr_array_unref);
  open = zb_talk_repo_list_open_actions (f->talks, f->branch->id + 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 0);
}

/* The secret a workspace is open with: the same raw key matches, another key,
 * a passphrase of the key's text and anything after closing do not. */
static void
test_check_secret_key (TalkFixture *f, gconstpointer data)
{
  g_autoptr (ZbSecret) same = zb_secret_copy (f->roster.secret);
  g_autoptr (ZbSecret) other = zb_secret_new_random_key (NULL);
  g_autofree char *hex = zb_secret_dup_hex (f->roster.secret);
  g_autofree char *literal = g_strdup_printf ("x'%s'", hex);
  g_autoptr (ZbSecret) as_passphrase = zb_secret_new_passphrase (literal);

  g_assert_true (zb_database_check_secret (f->roster.db, same));
  g_assert_false (zb_database_check_secret (f->roster.db, other));
  g_assert_false (zb_database_check_secret (f->roster.db, as_passphrase));
  zb_secret_wipe_string (g_steal_pointer (&hex));

  zb_database_close (f->roster.db);
  g_assert_false (zb_database_check_secret (f->roster.db, same));
}

static void
test_check_secret_passphrase (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "passphrase.db", NULL);
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbSecret) right = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbSecret) wrong = zb_secret_new_passphrase (PASSPHRASE "x");
  g_autoptr (ZbSecret) shorter = zb_secret_new_passphrase ("talk actions test passphrasE");
  g_autoptr (ZbSecret) new_secret = zb_secret_new_passphrase ("another passphrase now");
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_PASSPHRASE };
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  db = zb_database_create (path, secret, &setup, &error);
  g_assert_no_error (error);
  g_assert_true (zb_database_check_secret (db, right));
  g_assert_false (zb_database_check_secret (db, wrong));
  g_assert_false (zb_database_check_secret (db, shorter));

  /* After a change of passphrase the new one is the one asked for. */
  g_assert_true (zb_database_rekey (db, new_secret, ZB_PROTECTION_PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_false (zb_database_check_secret (db, right));
  g_assert_true (zb_database_check_secret (db, new_secret));
  zb_database_close (db);
}

int
main (int argc, char *argv[])
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talks/actions/done-and-reopen", test_done_and_reopen);
  TALK_TEST ("/talks/actions/done-refused", test_done_refused);
  TALK_TEST ("/talks/actions/open", test_open_actions);
  TALK_TEST ("/talks/check-secret/key", test_check_secret_key);
  g_test_add_func ("/talks/check-secret/passphrase", test_check_secret_passphrase);

  return g_test_run ();
}
