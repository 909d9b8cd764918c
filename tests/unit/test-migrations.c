/* test-migrations.c — every earlier schema version migrates forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "zb-audit.h"
#include "zb-chinese.h"
#include "zb-database-private.h"
#include "zb-member-repo.h"
#include "zb-member.h"
#include "zb-migrations.h"
#include "zb-test-util.h"

/* A workspace file of schema @version named @name, and the key that opens it. */
static ZbDatabase *
create_old (const char *name, int version, char **path, ZbSecret **key)
{
  ZbWorkspaceSetup setup = { .org_name = "一支部", .protection = ZB_PROTECTION_KEYRING };
  g_autoptr (GError) error = NULL;
  ZbDatabase *db;

  *path = zb_test_path (name);
  *key = zb_secret_new_random_key (NULL);
  db = _zb_database_create_at_version (*path, *key, &setup, version, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((int)zb_test_query_int (db, "PRAGMA user_version"), ==, version);
  return db;
}

static gboolean
has_column (ZbDatabase *db, const char *table, const char *column)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", NULL);
  gboolean found;

  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* A file of every earlier version opens, migrates to the latest, and keeps its
 * data and its audit chain. */
static void
test_every_version_migrates (void)
{
  for (int version = 1; version < zb_database_get_latest_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", version);
      g_autofree char *path = zb_test_path (name);
      g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
      ZbWorkspaceSetup setup = {
        .org_name = "中共迁移测试支部委员会",
        .superior_name = "中共迁移测试党委",
        .protection = ZB_PROTECTION_KEYRING,
      };
      g_autoptr (GError) error = NULL;
      g_autoptr (ZbDatabase) old = NULL;
      g_autoptr (ZbDatabase) db = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *org = NULL;

      old = _zb_database_create_at_version (path, key, &setup, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint ((int)zb_test_query_int (old, "PRAGMA user_version"), ==, version);
      g_assert_cmpint (zb_database_get_schema_version (old), ==, version);
      uuid = g_strdup (zb_database_get_uuid (old));
      zb_database_close (old);

      db = zb_database_open (path, key, &error);
      g_assert_no_error (error);
      g_assert_cmpint ((int)zb_test_query_int (db, "PRAGMA user_version"), ==,
                       zb_database_get_latest_version ());
      g_assert_cmpint (zb_database_get_schema_version (db), ==, zb_database_get_latest_version ());
      g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
      org = zb_database_dup_org_name (db);
      g_assert_cmpstr (org, ==, "中共迁移测试支部委员会");
      g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (zb_database_check_integrity (db, &error));
      g_assert_no_error (error);
    }
}

static void
test_version_1_to_2 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v1.db", 1, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *superior = NULL;
  sqlite3_stmt *stmt;

  g_assert_false (has_column (old, "workspace", "superior_name"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_true (has_column (db, "workspace", "superior_name"));
  superior = zb_database_dup_superior_name (db);
  g_assert_cmpstr (superior, ==, "");

  /* the migration is recorded */
  stmt
      = _zb_database_prepare (db, "SELECT app_version FROM schema_history WHERE version = 2", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, PACKAGE_VERSION);
  sqlite3_reset (stmt);
}

static gboolean
has_index (ZbDatabase *db, const char *name)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1", NULL);
  gboolean found;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Step 6: the version of the Chinese keys (unknown in an older file, so the
 * roster makes its members' keys again and records it) and the letter indexes
 * of pinyin searches in place of the two ranges. */
static void
test_version_5_to_6 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v5.db", 5, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autofree char *version = NULL;
  g_autofree char *initials = NULL;
  sqlite3_stmt *stmt;

  g_assert_false (has_column (old, "workspace", "chinese_key_version"));
  g_assert_true (has_index (old, "member_initials"));
  /* a member as an older program wrote it: keys of some other ICU */
  stmt
      = _zb_database_prepare (old,
                              "INSERT INTO member (uuid, name, status, name_pinyin,"
                              " name_initials, created_at, updated_at)"
                              " VALUES ('u-1', '单雄信', 'active', 'danxiongxin', 'dxx', 'x', 'x')",
                              &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_true (has_column (db, "workspace", "chinese_key_version"));
  g_assert_false (has_index (db, "member_initials"));
  g_assert_false (has_index (db, "member_pinyin_text"));
  g_assert_true (has_index (db, "member_letter_stroke"));
  g_assert_true (has_index (db, "member_letter_pinyin"));
  g_assert_true (has_index (db, "member_letter_joined"));
  g_assert_null (zb_test_query_text (db, "SELECT chinese_key_version FROM workspace"));

  /* the roster makes the keys of this ICU, and says so */
  repo = zb_member_repo_new (db);
  version = zb_test_query_text (db, "SELECT chinese_key_version FROM workspace");
  g_assert_cmpstr (version, ==, zb_chinese_key_version ());
  initials = zb_test_query_text (db, "SELECT name_initials FROM member WHERE uuid = 'u-1'");
  g_assert_cmpstr (initials, ==, "sxx");
  g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Step 7: the tables of 三会一课 appear in a file of version 6, its roster
 * untouched, and their CHECKs hold: the eight kinds, the attendance roles,
 * the attachment size limit. */
static gboolean
exec_ok (ZbDatabase *db, const char *sql)
{
  return sqlite3_exec (_zb_database_get_handle (db), sql, NULL, NULL, NULL) == SQLITE_OK;
}

static void
test_version_6_to_7 (void)
{
  static const char *const tables[]
      = { "meeting",      "meeting_attendee",   "meeting_topic",     "meeting_speech",
          "meeting_vote", "meeting_resolution", "meeting_attachment" };
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v6.db", 6, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *name = NULL;

  g_assert_false (has_column (old, "meeting", "kind"));
  g_assert_true (exec_ok (old, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                               " VALUES ('m-1', '张三', 'active', 'x', 'x')"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (has_column (db, tables[i], "uuid"));
  g_assert_true (has_column (db, "meeting_attendee", "voting"));
  g_assert_true (has_index (db, "meeting_resolution_open"));
  name = zb_test_query_text (db, "SELECT name FROM member WHERE uuid = 'm-1'");
  g_assert_cmpstr (name, ==, "张三");

  g_assert_true (exec_ok (db, "INSERT INTO meeting (uuid, kind, date, created_at, updated_at)"
                              " VALUES ('g-1', 'general_meeting', '2026-03-01', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO meeting (uuid, kind, date, created_at, updated_at)"
                               " VALUES ('g-2', 'banquet', '2026-03-01', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO meeting (uuid, kind, date, created_at, updated_at)"
                               " VALUES ('g-3', 'other', '2026/03/01', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO meeting_attendee (uuid, meeting_id, name, role,"
                               " created_at, updated_at) VALUES ('a-1', 1, '李四', 'late', 'x',"
                               " 'x')"));
  g_assert_true (exec_ok (db, "INSERT INTO meeting_attachment (uuid, meeting_id, name, mime_type,"
                              " size, sha256, data, created_at, updated_at) VALUES ('f-1', 1,"
                              " 'a.pdf', 'application/pdf', 3, 'h', x'010203', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO meeting_attachment (uuid, meeting_id, name, mime_type,"
                               " size, sha256, data, created_at, updated_at) VALUES ('f-2', 1,"
                               " 'b.pdf', 'application/pdf', 20971521, 'h',"
                               " zeroblob (20971521), 'x', 'x')"));
  g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Step 8: the tables of 谈心谈话 appear in a file of version 7, its roster
 * untouched, and their CHECKs hold: the six kinds, the two sides, a
 * participant named by a member or a person key. */
static void
test_version_7_to_8 (void)
{
  static const char *const tables[] = { "talk", "talk_participant", "talk_action" };
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v7.db", 7, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *name = NULL;

  g_assert_false (has_column (old, "talk", "kind"));
  g_assert_true (exec_ok (old, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                               " VALUES ('m-1', '张三', 'active', 'x', 'x')"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_true (has_column (db, tables[i], "uuid"));
  g_assert_true (has_column (db, "talk", "said_by_talker"));
  g_assert_true (has_column (db, "talk_participant", "person_key"));
  g_assert_true (has_index (db, "talk_action_open"));
  name = zb_test_query_text (db, "SELECT name FROM member WHERE uuid = 'm-1'");
  g_assert_cmpstr (name, ==, "张三");

  g_assert_true (exec_ok (db, "INSERT INTO talk (uuid, kind, date, created_at, updated_at)"
                              " VALUES ('t-1', 'admission', '2026-03-01', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO talk (uuid, kind, date, created_at, updated_at)"
                               " VALUES ('t-2', 'chat', '2026-03-01', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO talk (uuid, kind, date, created_at, updated_at)"
                               " VALUES ('t-3', 'daily', '2026/03/01', 'x', 'x')"));
  g_assert_true (exec_ok (db, "INSERT INTO talk_participant (uuid, talk_id, side, member_id, name,"
                              " created_at, updated_at) VALUES ('p-1', 1, 'talker', 1, '张三',"
                              " 'x', 'x')"));
  g_assert_true (exec_ok (db, "INSERT INTO talk_participant (uuid, talk_id, side, name,"
                              " person_key, created_at, updated_at) VALUES ('p-2', 1,"
                              " 'talked_with', '王五', 'name:王五', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO talk_participant (uuid, talk_id, side, name,"
                               " created_at, updated_at) VALUES ('p-3', 1, 'talked_with', '赵六',"
                               " 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO talk_participant (uuid, talk_id, side, member_id,"
                               " name, created_at, updated_at) VALUES ('p-4', 1, 'listener', 1,"
                               " '张三', 'x', 'x')"));
  g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Step 9: the grades of 民主评议党员 appear in a file of version 8, its
 * meetings untouched, and their CHECKs hold: the four grades, a name, one
 * grade per member and meeting. */
static void
test_version_8_to_9 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v8.db", 8, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *kind = NULL;
  const ZbTableInfo *tables = _zb_migrations_tables ();
  gboolean counted = FALSE;

  g_assert_false (has_column (old, "meeting_review_grade", "grade"));
  g_assert_true (exec_ok (old, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                               " VALUES ('m-1', '张三', 'active', 'x', 'x')"));
  g_assert_true (exec_ok (old, "INSERT INTO meeting (uuid, kind, date, created_at, updated_at)"
                               " VALUES ('g-1', 'appraisal', '2026-11-20', 'x', 'x')"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_true (has_column (db, "meeting_review_grade", "uuid"));
  g_assert_true (has_column (db, "meeting_review_grade", "remark"));
  g_assert_true (has_index (db, "meeting_review_grade_member"));
  kind = zb_test_query_text (db, "SELECT kind FROM meeting WHERE uuid = 'g-1'");
  g_assert_cmpstr (kind, ==, "appraisal");
  for (guint i = 0; tables[i].name != NULL; i++)
    counted |= g_str_equal (tables[i].name, "meeting_review_grade");
  g_assert_true (counted);

  g_assert_true (exec_ok (db, "INSERT INTO meeting_review_grade (uuid, meeting_id, member_id,"
                              " member_name, grade, created_at, updated_at) VALUES ('r-1', 1, 1,"
                              " '张三', 'excellent', 'x', 'x')"));
  /* one grade per member and meeting */
  g_assert_false (exec_ok (db, "INSERT INTO meeting_review_grade (uuid, meeting_id, member_id,"
                               " member_name, grade, created_at, updated_at) VALUES ('r-2', 1, 1,"
                               " '张三', 'qualified', 'x', 'x')"));
  g_assert_false (
      exec_ok (db, "UPDATE meeting_review_grade SET grade = 'good' WHERE uuid = 'r-1'"));
  g_assert_false (
      exec_ok (db, "UPDATE meeting_review_grade SET member_name = '' WHERE uuid = 'r-1'"));
  g_assert_true (exec_ok (db, "UPDATE meeting_review_grade SET grade = 'basically_qualified'"
                              " WHERE uuid = 'r-1'"));
  g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* Whether inserting a member builds an ephemeral table (for an IN list). */
static gboolean
member_insert_uses_ephemeral (ZbDatabase *db)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (db,
                              "EXPLAIN INSERT INTO member (uuid, name, status, created_at,"
                              " updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                              NULL);
  gboolean found = FALSE;

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    found |= g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0;
  sqlite3_reset (stmt);
  return found;
}

/* 10: the status rule allows what it allowed, without a table built for every
 * member written (most of the cost of importing a big roster's rows). */
static void
test_version_9_to_10 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v9.db", 9, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *status = NULL;
  g_autofree char *leftover = NULL;

  g_assert_true (member_insert_uses_ephemeral (old));
  g_assert_true (exec_ok (old, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                               " VALUES ('m-1', '张三', 'deceased', 'x', 'x')"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_false (member_insert_uses_ephemeral (db));
  status = zb_test_query_text (db, "SELECT status FROM member WHERE uuid = 'm-1'");
  g_assert_cmpstr (status, ==, "deceased");
  /* every status allowed before is allowed, and only those */
  g_assert_true (exec_ok (db, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                              " VALUES ('m-2', '李四', 'active', 'x', 'x'),"
                              " ('m-3', '王五', 'transferred_out', 'x', 'x'),"
                              " ('m-4', '赵六', 'left', 'x', 'x')"));
  g_assert_false (exec_ok (db, "INSERT INTO member (uuid, name, status, created_at, updated_at)"
                               " VALUES ('m-5', '钱七', 'gone', 'x', 'x')"));
  g_assert_false (exec_ok (db, "UPDATE member SET status = 'Active' WHERE uuid = 'm-2'"));
  g_assert_false (exec_ok (db, "UPDATE member SET status = NULL WHERE uuid = 'm-2'"));
  leftover = zb_test_query_text (
      db, "SELECT count(*) FROM sqlite_master WHERE name = 'zb_schema_changed'");
  g_assert_cmpstr (leftover, ==, "0");
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

static gint64
count_search (ZbMemberRepo *repo, const char *search)
{
  g_autoptr (GError) error = NULL;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  gint64 n;

  q.search = search;
  n = zb_member_repo_count (repo, &q, &error);
  g_assert_no_error (error);
  return n;
}

/* How many members the name index holds under @character's term, read in the
 * index itself (a private-use character is no search the roster offers). */
static int
name_term_count (ZbDatabase *db, const char *character)
{
  g_autofree char *match = g_strdup_printf ("\"%s\"", character);
  sqlite3_stmt *stmt = _zb_database_prepare (
      db, "SELECT count(*) FROM member_name_fts WHERE member_name_fts MATCH ?1", NULL);
  int n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* 11: the search indexes without a copy of their rows, the order indexes led
 * by TEXT. The members of an older file are indexed as ZbMemberRepo indexes
 * them, so that it takes them out again by the same text: no term is left
 * behind when one is edited or leaves — not even of a character only the
 * index counts as a letter (a private-use code point, as some offices' fonts
 * use for rare characters). */
static void
test_version_10_to_11 (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v10.db", 10, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbMemberRecord) r = NULL;
  g_autoptr (ZbMemberEvent) death = zb_member_event_new (ZB_EVENT_DEATH, "2026-11-01");
  g_autofree char *stroke_index = NULL;
  const char *pua = "\xee\x80\x80"; /* U+E000 */

  g_assert_true (exec_ok (old, "INSERT INTO member (uuid, name, id_number, phone, status,"
                               " joined_date, created_at, updated_at) VALUES"
                               " ('u-1', '阿依古丽·买\xee\x80\x80提', '11010519491231002X',"
                               " '13800138000', 'active', '1970-07-01', 'x', 'x'),"
                               " ('u-2', '张三', '110105194912310038', '13700137000', 'left',"
                               " '1970-07-01', 'x', 'x')"));
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  repo = zb_member_repo_new (db);
  stroke_index
      = zb_test_query_text (db, "SELECT sql FROM sqlite_master WHERE name = 'member_stroke'");
  g_assert_nonnull (strstr (stroke_index, "CAST (stroke_key AS TEXT)"));
  g_assert_nonnull (strstr (stroke_index, "WHERE status = 'active'"));
  g_assert_true (has_index (db, "member_archive"));

  /* the active member is found by name, ID and phone digits of any length */
  g_assert_cmpint (count_search (repo, "古丽买"), ==, 1);
  g_assert_cmpint (count_search (repo, "1231002x"), ==, 1);
  g_assert_cmpint (count_search (repo, "380013"), ==, 1);
  g_assert_cmpint (count_search (repo, "0013"), ==, 1);
  g_assert_cmpint (count_search (repo, "138"), ==, 1);
  g_assert_cmpint (name_term_count (db, pua), ==, 1);
  /* the one who left is not */
  g_assert_cmpint (count_search (repo, "张三"), ==, 0);
  g_assert_cmpint (count_search (repo, "1370"), ==, 0);

  /* a new phone: the old digits find nobody */
  r = zb_member_repo_get (repo, "u-1", &error);
  g_assert_no_error (error);
  g_free (r->phone);
  r->phone = g_strdup ("13900139000");
  g_assert_true (zb_member_repo_update (repo, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_search (repo, "380013"), ==, 0);
  g_assert_cmpint (count_search (repo, "900139"), ==, 1);
  g_assert_cmpint (count_search (repo, "古丽买"), ==, 1);

  /* off the roster: no term of the member is left in the indexes */
  g_assert_true (zb_member_repo_record_event (repo, "u-1", death, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_search (repo, "古丽"), ==, 0);
  g_assert_cmpint (count_search (repo, "900139"), ==, 0);
  g_assert_cmpint (count_search (repo, "1231002x"), ==, 0);
  g_assert_cmpint (name_term_count (db, pua), ==, 0);
  g_assert_cmpint (name_term_count (db, "阿"), ==, 0);
  g_assert_true (exec_ok (db, "INSERT INTO member_name_fts (member_name_fts)"
                              " VALUES ('integrity-check')"));
  g_assert_true (exec_ok (db, "INSERT INTO member_digits_fts (member_digits_fts)"
                              " VALUES ('integrity-check')"));
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* The names of a page of the active roster in pinyin order, joined by spaces. */
static char *
pinyin_page (ZbMemberRepo *repo, const char *search, gboolean descending)
{
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GString) names = g_string_new (NULL);

  q.order = ZB_MEMBER_ORDER_PINYIN;
  q.search = search;
  q.descending = descending;
  page = zb_member_repo_fetch (repo, &q, 0, 50, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", zb_member_get_name (page->pdata[i]));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Schema 12 reads the pinyin order from the letter index: member_pinyin is
 * gone, the candidates' covering index holds the initials, and the order is
 * the same whichever way a page is found (walking the index, sorting name
 * candidates, the letters' plan), in both directions. */
static void
test_version_11_to_12 (void)
{
  static const char *const names[]
      = { "张三", "白雪", "阿明", "张建国", "赵六", "曾国藩", "单雄信" };
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v11.db", 11, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autofree char *sort_keys = NULL;
  g_autofree char *all = NULL;
  g_autofree char *all_down = NULL;
  g_autofree char *zhang = NULL;
  g_autofree char *z = NULL;

  {
    g_autoptr (ZbMemberRepo) old_repo = zb_member_repo_new (old);

    g_assert_true (has_index (old, "member_pinyin"));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr (ZbMemberRecord) r = zb_member_record_new ();

        r->name = g_strdup (names[i]);
        r->joined_date = g_strdup ("1990-07-01");
        g_assert_true (zb_member_repo_insert (old_repo, r, &error));
        g_assert_no_error (error);
      }
  }
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((int)zb_test_query_int (db, "PRAGMA user_version"), >=, 12);
  repo = zb_member_repo_new (db);
  g_assert_false (has_index (db, "member_pinyin"));
  g_assert_true (has_index (db, "member_letter_pinyin"));
  sort_keys
      = zb_test_query_text (db, "SELECT sql FROM sqlite_master WHERE name = 'member_sort_keys'");
  g_assert_nonnull (strstr (sort_keys, "name_initials"));

  /* 白 bái, 单 Shàn, 曾 Zēng (surname readings), 张 zhāng, 赵 zhào */
  all = pinyin_page (repo, NULL, FALSE);
  g_assert_cmpstr (all, ==, "阿明 白雪 单雄信 曾国藩 张建国 张三 赵六");
  all_down = pinyin_page (repo, NULL, TRUE);
  g_assert_cmpstr (all_down, ==, "赵六 张三 张建国 曾国藩 单雄信 白雪 阿明");
  zhang = pinyin_page (repo, "张", FALSE);
  g_assert_cmpstr (zhang, ==, "张建国 张三");
  z = pinyin_page (repo, "z", FALSE);
  g_assert_cmpstr (z, ==, "曾国藩 张建国 张三 赵六");
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
}

/* A step that fails leaves the file at the version before it, whole. */
static void
test_failed_step_rolls_back (void)
{
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) old = create_old ("v1-blocked.db", 1, &path, &key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) failed = NULL;
  g_autoptr (ZbDatabase) again = NULL;

  /* Something in the way of step 2's CREATE TABLE schema_history. */
  g_assert_cmpint (sqlite3_exec (_zb_database_get_handle (old), "CREATE TABLE schema_history (x)",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  zb_database_close (old);

  failed = zb_database_open (path, key, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Still version 1, without step 2's column: the step rolled back whole. */
  {
    sqlite3 *raw = NULL;
    sqlite3_stmt *stmt = NULL;
    gsize len;
    const char *k = zb_secret_get_sqlcipher_key (key, &len);

    g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
    sqlite3_key (raw, k, (int)len);
    sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (raw,
                        "SELECT 1 FROM pragma_table_info('workspace') WHERE name = 'superior_name'",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_exec (raw, "DROP TABLE schema_history", NULL, NULL, NULL), ==,
                     SQLITE_OK);
    sqlite3_close (raw);
  }

  /* With the obstacle gone the migration goes through. */
  again = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((int)zb_test_query_int (again, "PRAGMA user_version"), ==,
                   zb_database_get_latest_version ());
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/every-version", test_every_version_migrates);
  g_test_add_func ("/migrations/1-to-2", test_version_1_to_2);
  g_test_add_func ("/migrations/5-to-6", test_version_5_to_6);
  g_test_add_func ("/migrations/6-to-7", test_version_6_to_7);
  g_test_add_func ("/migrations/7-to-8", test_version_7_to_8);
  g_test_add_func ("/migrations/8-to-9", test_version_8_to_9);
  g_test_add_func ("/migrations/9-to-10", test_version_9_to_10);
  g_test_add_func ("/migrations/10-to-11", test_version_10_to_11);
  g_test_add_func ("/migrations/11-to-12", test_version_11_to_12);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_failed_step_rolls_back);

  return g_test_run ();
}
