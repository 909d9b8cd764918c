/* test-audit.c — the hash-chained audit log: appending, verifying, tampering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "zb-audit.h"
#include "zb-database-private.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  char *path;
  ZbSecret *secret;
  ZbDatabase *db;
  gint64 n_initial; /* rows the workspace starts with (its "create" row) */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };

  g_assert_nonnull (tmpdir);
  name = g_strdup_printf ("audit-%u-%u.db", (guint)getpid (), counter++);
  f->path = g_build_filename (tmpdir, name, NULL);

  f->secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  f->db = zb_database_create (f->path, f->secret, &setup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);

  g_assert_true (zb_audit_verify (f->db, &f->n_initial, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

  if (f->db != NULL)
    zb_database_close (f->db);
  g_clear_object (&f->db);
  g_clear_pointer (&f->secret, zb_secret_free);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_clear_pointer (&f->path, g_free);
}

/* Appends @n rows with varied content, each in its own transaction. */
static void
append_rows (Fixture *f, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *uuid = _zb_new_uuid ();
      g_autofree char *before = g_strdup_printf ("{\"name\":\"张三\",\"n\":%u}", i);
      g_autofree char *after = g_strdup_printf ("{\"name\":\"张三丰\",\"n\":%u}", i + 1);

      g_assert_true (zb_audit_append (f->db, i % 2 ? "update" : "create", "member", uuid,
                                      i % 3 == 0 ? NULL : before, after, &error));
      g_assert_no_error (error);
    }
}

static void
exec_sql (Fixture *f, const char *sql)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (_zb_database_get_handle (f->db), sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
}

static gint64
query_int (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (f->db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (f->db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Verify must fail with BROKEN_CHAIN, naming @seq in *first_broken and in the
 * message. */
static void
assert_broken_at (Fixture *f, gint64 seq)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  gint64 first_broken = -1;
  gint64 n_rows = -1;

  g_assert_false (zb_audit_verify (f->db, &n_rows, &first_broken, &error));
  g_assert_error (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN);
  g_assert_cmpint (first_broken, ==, seq);
  g_assert_nonnull (strstr (error->message, number));
  g_assert_cmpint (n_rows, ==, query_int (f, "SELECT count(*) FROM audit_log"));
}

static void
assert_verifies (Fixture *f, gint64 expected_rows)
{
  g_autoptr (GError) error = NULL;
  gint64 n_rows = -1;
  gint64 first_broken = -1;

  g_assert_true (zb_audit_verify (f->db, &n_rows, &first_broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, expected_rows);
  g_assert_cmpint (first_broken, ==, 0);
}

static void
test_workspace_creation_row (Fixture *f, gconstpointer data)
{
  g_autofree char *prev = NULL;
  g_autofree char *action = NULL;

  /* The workspace records its own creation as the first link of the chain. */
  g_assert_cmpint (f->n_initial, >=, 1);
  prev = query_text (f, "SELECT prev_hash FROM audit_log WHERE seq = 1");
  g_assert_cmpstr (prev, ==, GENESIS);
  action = query_text (f, "SELECT action FROM audit_log WHERE seq = 1");
  g_assert_cmpstr (action, ==, "create");
}

static void
test_append_and_verify (Fixture *f, gconstpointer data)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev = NULL;
  gint64 expected_seq = 1;
  const gint64 n = 40;

  append_rows (f, n);
  assert_verifies (f, f->n_initial + n);

  /* Rows are numbered 1..N, each links to the one before, the head names the
   * last, and who and when are filled in. */
  prev = g_strdup (GENESIS);
  g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (f->db),
                                       "SELECT seq, at, actor, prev_hash, hash FROM audit_log"
                                       " ORDER BY seq",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *at = (const char *)sqlite3_column_text (stmt, 1);
      const char *hash = (const char *)sqlite3_column_text (stmt, 4);

      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, expected_seq++);
      g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z$",
                                           at, 0, 0));
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, g_get_user_name ());
      g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 3), ==, prev);
      g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}$", hash, 0, 0));
      g_assert_cmpstr (hash, !=, prev);
      g_free (prev);
      prev = g_strdup (hash);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (expected_seq - 1, ==, f->n_initial + n);

  g_assert_cmpint (query_int (f, "SELECT last_seq FROM audit_head"), ==, f->n_initial + n);
  {
    g_autofree char *head_hash = query_text (f, "SELECT last_hash FROM audit_head");
    g_assert_cmpstr (head_hash, ==, prev);
  }
}

/* Edits made with the key in hand, straight through SQL: each one must be caught
 * and the edited row named. */
static const struct
{
  const char *name;
  const char *sql; /* ?1 is the row to edit */
} tamperings[] = {
  { "after-json",
    "UPDATE audit_log SET after_json = '{\"name\":\"李四\",\"n\":1}' WHERE seq = ?1" },
  { "after-json-null", "UPDATE audit_log SET after_json = NULL WHERE seq = ?1" },
  { "before-json", "UPDATE audit_log SET before_json = '{}' WHERE seq = ?1" },
  { "actor", "UPDATE audit_log SET actor = 'someone-else' WHERE seq = ?1" },
  { "at", "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ?1" },
  { "action", "UPDATE audit_log SET action = 'print' WHERE seq = ?1" },
  { "entity", "UPDATE audit_log SET entity = 'workspace' WHERE seq = ?1" },
  { "record-uuid", "UPDATE audit_log SET record_uuid = NULL WHERE seq = ?1" },
  { "record-uuid-empty", "UPDATE audit_log SET record_uuid = '' WHERE seq = ?1" },
  { "hash", "UPDATE audit_log SET hash = lower(hex(randomblob(32))) WHERE seq = ?1" },
  { "prev-hash", "UPDATE audit_log SET prev_hash = lower(hex(randomblob(32))) WHERE seq = ?1" },
  /* same text, one character moved from one field to the next */
  { "move-between-fields",
    "UPDATE audit_log SET action = action || substr(entity, 1, 1), entity = substr(entity, 2)"
    " WHERE seq = ?1" },
};

static void
test_tamper (Fixture *f, gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  gint64 target;

  sqlite3_stmt *stmt = NULL;

  append_rows (f, 10);
  target = f->n_initial + 4;
  g_assert_cmpint (
      sqlite3_prepare_v2 (_zb_database_get_handle (f->db), tamperings[which].sql, -1, &stmt, NULL),
      ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, target);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_changes (_zb_database_get_handle (f->db)), ==, 1);

  assert_broken_at (f, target);
}

/* NULL and empty, and before and after, are different things: swapping them
 * keeps every byte of text but must still be caught. */
static void
test_tamper_swap_before_after (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 target = f->n_initial + 1;

  g_assert_true (zb_audit_append (f->db, "delete", "member", "u", "{\"a\":1}", NULL, &error));
  g_assert_no_error (error);
  append_rows (f, 2);
  exec_sql (f, "UPDATE audit_log SET before_json = after_json, after_json = before_json"
               " WHERE before_json = '{\"a\":1}'");
  g_assert_cmpint (sqlite3_changes (_zb_database_get_handle (f->db)), ==, 1);

  assert_broken_at (f, target);
}

static void
test_tamper_null_to_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 target = f->n_initial + 1;

  g_assert_true (zb_audit_append (f->db, "export", "roster", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  append_rows (f, 2);
  exec_sql (
      f, "UPDATE audit_log SET record_uuid = '' WHERE record_uuid IS NULL AND action = 'export'");
  g_assert_cmpint (sqlite3_changes (_zb_database_get_handle (f->db)), ==, 1);

  assert_broken_at (f, target);
}

/* Text that looks like a field boundary, moved across the real boundary: only a
 * length-prefixed serialisation tells the two rows apart; a separator between
 * fields alone would not. */
static void
test_tamper_move_separator (Fixture *f, gconstpointer data)
{
  const char *lookalikes[] = { ";", "|", ",", "\n", "\t", ":", "\x1f" };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
    {
      g_autofree char *action = g_strconcat ("update", lookalikes[i], "x", NULL);
      g_autofree char *entity = g_strconcat ("x", lookalikes[i], "member", NULL);

      g_assert_true (zb_audit_append (f->db, action, "member", NULL, "{}", "{}", &error));
      g_assert_no_error (error);
      g_assert_true (zb_audit_append (f->db, "update", entity, NULL, "{}", "{}", &error));
      g_assert_no_error (error);
    }
  append_rows (f, 2);
  assert_verifies (f, f->n_initial + 2 * G_N_ELEMENTS (lookalikes) + 2);

  for (guint i = 0; i < G_N_ELEMENTS (lookalikes); i++)
    {
      sqlite3_stmt *stmt = NULL;
      gint64 target = f->n_initial + 2 * i + 1;

      /* action "update<sep>x", entity "member" → "update", "x<sep>member",
       * undone afterwards so that each lookalike is checked on its own */
      g_assert_true (_zb_database_begin (f->db, &error));
      g_assert_no_error (error);
      g_assert_cmpint (
          sqlite3_prepare_v2 (_zb_database_get_handle (f->db),
                              "UPDATE audit_log SET action = 'update',"
                              " entity = substr(action, 8) || substr(action, 7, 1) || entity"
                              " WHERE seq = ?1",
                              -1, &stmt, NULL),
          ==, SQLITE_OK);
      sqlite3_bind_int64 (stmt, 1, target);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
      g_assert_cmpint (sqlite3_changes (_zb_database_get_handle (f->db)), ==, 1);
      {
        g_autofree char *moved = g_strconcat ("x", lookalikes[i], "member", NULL);

        g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (f->db),
                                             "SELECT entity = ?1 FROM audit_log WHERE seq = ?2", -1,
                                             &stmt, NULL),
                         ==, SQLITE_OK);
        sqlite3_bind_text (stmt, 1, moved, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64 (stmt, 2, target);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
        sqlite3_finalize (stmt);
      }

      assert_broken_at (f, target);
      _zb_database_rollback (f->db);
    }
  assert_verifies (f, f->n_initial + 2 * G_N_ELEMENTS (lookalikes) + 2);
}

static void
test_delete_middle (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;
  gint64 target;

  append_rows (f, 10);
  target = f->n_initial + 5;
  sql = g_strdup_printf ("DELETE FROM audit_log WHERE seq = %lld", (long long)target);
  exec_sql (f, sql);

  /* the row after the gap is reported */
  assert_broken_at (f, target + 1);
}

/* Deleting a row and renumbering the rest closes the gap in the numbers, but
 * not in the chain. */
static void
test_delete_middle_renumbered (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;
  gint64 target;

  append_rows (f, 10);
  target = f->n_initial + 5;
  sql = g_strdup_printf ("DELETE FROM audit_log WHERE seq = %lld;"
                         "UPDATE audit_log SET seq = seq - 1 WHERE seq > %lld;"
                         "UPDATE audit_head SET last_seq = last_seq - 1",
                         (long long)target, (long long)target);
  exec_sql (f, sql);

  assert_broken_at (f, target);
}

static void
test_delete_first (Fixture *f, gconstpointer data)
{
  append_rows (f, 5);
  exec_sql (f, "DELETE FROM audit_log WHERE seq = 1");
  assert_broken_at (f, 2);
}

static void
test_delete_last (Fixture *f, gconstpointer data)
{
  gint64 last;
  g_autofree char *sql = NULL;

  append_rows (f, 6);
  last = f->n_initial + 6;
  sql = g_strdup_printf ("DELETE FROM audit_log WHERE seq = %lld", (long long)last);
  exec_sql (f, sql);

  /* the remaining rows link up perfectly; only the head shows the loss */
  assert_broken_at (f, last);
}

/* Deleting the last rows and moving the head back to match leaves nothing to
 * detect: what is deleted together with the head is gone without trace. This
 * test documents that limit, and that verify then still passes. */
static void
test_delete_last_and_head (Fixture *f, gconstpointer data)
{
  gint64 last;
  g_autofree char *sql = NULL;

  append_rows (f, 6);
  last = f->n_initial + 6;
  sql = g_strdup_printf ("DELETE FROM audit_log WHERE seq = %lld;"
                         "UPDATE audit_head SET last_seq = %lld,"
                         " last_hash = (SELECT hash FROM audit_log WHERE seq = %lld)",
                         (long long)last, (long long)last - 1, (long long)last - 1);
  exec_sql (f, sql);

  assert_verifies (f, last - 1);
}

static void
test_delete_all (Fixture *f, gconstpointer data)
{
  append_rows (f, 3);
  exec_sql (f, "DELETE FROM audit_log");
  assert_broken_at (f, 1);
}

static void
test_head_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 before;

  append_rows (f, 3);
  exec_sql (f, "DELETE FROM audit_head");
  assert_broken_at (f, f->n_initial + 4);

  /* nothing to chain to: appending refuses and writes nothing */
  before = query_int (f, "SELECT count(*) FROM audit_log");
  g_assert_false (zb_audit_append (f->db, "update", "member", NULL, NULL, "{}", &error));
  g_assert_error (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, before);
}

/* A row put in at the end with a made-up hash. */
static void
test_forged_row_bad_hash (Fixture *f, gconstpointer data)
{
  gint64 last;
  g_autofree char *sql = NULL;

  append_rows (f, 4);
  last = f->n_initial + 4;
  sql = g_strdup_printf (
      "INSERT INTO audit_log (seq, at, actor, action, entity, record_uuid, before_json,"
      " after_json, prev_hash, hash) VALUES (%lld, '2026-01-01T00:00:00.000Z', 'x', 'update',"
      " 'member', NULL, NULL, '{}', (SELECT hash FROM audit_log WHERE seq = %lld),"
      " lower(hex(randomblob(32))));"
      "UPDATE audit_head SET last_seq = %lld,"
      " last_hash = (SELECT hash FROM audit_log WHERE seq = %lld)",
      (long long)last + 1, (long long)last, (long long)last + 1, (long long)last + 1);
  exec_sql (f, sql);

  assert_broken_at (f, last + 1);
}

/* A row whose hash is right (here: written by zb_audit_append) but that did not
 * move the head: as if someone replayed the algorithm and forgot the head. */
static void
test_forged_row_head_not_moved (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *head_hash = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 last;

  append_rows (f, 4);
  last = f->n_initial + 4;
  head_hash = query_text (f, "SELECT last_hash FROM audit_head");

  g_assert_true (zb_audit_append (f->db, "update", "member", NULL, NULL, "{\"x\":1}", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (f->db),
                                       "UPDATE audit_head SET last_seq = ?1, last_hash = ?2", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, last);
  sqlite3_bind_text (stmt, 2, head_hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  assert_broken_at (f, last + 1);
}

/* A row slipped in before the first one. */
static void
test_forged_row_at_start (Fixture *f, gconstpointer data)
{
  append_rows (f, 2);
  exec_sql (f, "INSERT INTO audit_log (seq, at, actor, action, entity, prev_hash, hash)"
               " VALUES (0, '2026-01-01T00:00:00.000Z', 'x', 'create', 'member',"
               " '" GENESIS "', (SELECT prev_hash FROM audit_log WHERE seq = 2))");

  assert_broken_at (f, 0);
}

static void
test_rollback (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *head_before = NULL;
  g_autofree char *head_after = NULL;
  sqlite3 *handle = _zb_database_get_handle (f->db);
  gint64 rows_before;

  append_rows (f, 3);
  rows_before = query_int (f, "SELECT count(*) FROM audit_log");
  head_before = query_text (f, "SELECT last_hash FROM audit_head");

  /* Inside the caller's transaction: the row is written there and neither
   * commits nor ends it. */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (zb_audit_append (f->db, "update", "member", NULL, NULL, "{\"x\":1}", &error));
  g_assert_no_error (error);
  g_assert_true (zb_audit_append (f->db, "update", "member", NULL, NULL, "{\"x\":2}", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_get_autocommit (handle), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, rows_before + 2);
  _zb_database_rollback (f->db);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, rows_before);
  head_after = query_text (f, "SELECT last_hash FROM audit_head");
  g_assert_cmpstr (head_after, ==, head_before);
  assert_verifies (f, rows_before);

  /* and the chain carries on from where it was */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (zb_audit_append (f->db, "update", "member", NULL, NULL, "{\"x\":3}", &error));
  g_assert_no_error (error);
  g_assert_true (_zb_database_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT max(seq) FROM audit_log"), ==, rows_before + 1);
  assert_verifies (f, rows_before + 1);
}

static void
test_invalid_json (Fixture *f, gconstpointer data)
{
  const char *bad[] = {
    "",
    "   ",
    "{",
    "{not json}",
    "{\"a\":1} trailing",
    "{\"a\":1}{\"b\":2}",
    "[1] [2]",
    "var a = {}",
    "/* comment */ {}",
    "{'a':1}",
    "[01]",
    "[0x10]",
    "[.5]",
    "[1.]",
    "[1e]",
    "[-]",
    "[1,]",
    "{\"a\":1,}",
    "[\"\\x41\"]",
    "[\"\\q\"]",
    "[\"\\u12\"]",
    "[\"a\tb\"]",
    "[\"unterminated]",
    "[true false]",
    "[NaN]",
    "{\"a\" 1}",
    "\xff\xfe",
  };
  g_autofree char *head_before = query_text (f, "SELECT last_hash FROM audit_head");
  gint64 rows_before = query_int (f, "SELECT count(*) FROM audit_log");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error_before = NULL;
      g_autoptr (GError) error_after = NULL;

      g_test_message ("rejecting %s", bad[i]);
      g_assert_false (
          zb_audit_append (f->db, "update", "member", NULL, bad[i], NULL, &error_before));
      g_assert_error (error_before, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_FAILED);
      g_assert_false (
          zb_audit_append (f->db, "update", "member", NULL, "{}", bad[i], &error_after));
      g_assert_error (error_after, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_FAILED);
    }

  /* nothing written, and no transaction left open */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, rows_before);
  {
    g_autofree char *head_after = query_text (f, "SELECT last_hash FROM audit_head");
    g_assert_cmpstr (head_after, ==, head_before);
  }
  g_assert_cmpint (sqlite3_get_autocommit (_zb_database_get_handle (f->db)), !=, 0);

  /* a rejection inside the caller's transaction leaves that transaction usable */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_false (zb_audit_append (f->db, "update", "member", NULL, NULL, "{", &error));
  g_assert_error (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (sqlite3_get_autocommit (_zb_database_get_handle (f->db)), ==, 0);
  g_assert_true (zb_audit_append (f->db, "update", "member", NULL,
                                  " [1, -0.5e+3, 2E-2, null, false, \"三\\n\\u4e09\\\"\", {}, []] ",
                                  "true", &error));
  g_assert_no_error (error);
  g_assert_true (_zb_database_commit (f->db, &error));
  g_assert_no_error (error);
  assert_verifies (f, rows_before + 1);
}

static void
test_reopen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 n_rows = 0;

  append_rows (f, 7);
  zb_database_close (f->db);
  g_clear_object (&f->db);

  f->db = zb_database_open (f->path, f->secret, &error);
  g_assert_no_error (error);
  assert_verifies (f, f->n_initial + 7);

  append_rows (f, 5);
  zb_database_close (f->db);
  g_clear_object (&f->db);

  f->db = zb_database_open (f->path, f->secret, &error);
  g_assert_no_error (error);
  g_assert_true (zb_audit_verify (f->db, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, f->n_initial + 12);
  g_assert_cmpint (query_int (f, "SELECT last_seq FROM audit_head"), ==, f->n_initial + 12);
}

/* The whole chain can be emptied and restarted from the genesis value: an
 * empty log whose head is at the start verifies. */
static void
test_empty_log (Fixture *f, gconstpointer data)
{
  exec_sql (f, "DELETE FROM audit_log;"
               "UPDATE audit_head SET last_seq = 0, last_hash = '" GENESIS "'");
  assert_verifies (f, 0);

  append_rows (f, 2);
  assert_verifies (f, 2);
}

static void
add_fixture_test (const char *path, gconstpointer data, void (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  add_fixture_test ("/audit/creation-row", NULL, test_workspace_creation_row);
  add_fixture_test ("/audit/append-and-verify", NULL, test_append_and_verify);
  for (guint i = 0; i < G_N_ELEMENTS (tamperings); i++)
    {
      g_autofree char *path = g_strdup_printf ("/audit/tamper/%s", tamperings[i].name);
      add_fixture_test (path, GUINT_TO_POINTER (i), test_tamper);
    }
  add_fixture_test ("/audit/tamper/swap-before-after", NULL, test_tamper_swap_before_after);
  add_fixture_test ("/audit/tamper/move-separator", NULL, test_tamper_move_separator);
  add_fixture_test ("/audit/tamper/null-to-empty", NULL, test_tamper_null_to_empty);
  add_fixture_test ("/audit/delete/middle", NULL, test_delete_middle);
  add_fixture_test ("/audit/delete/middle-renumbered", NULL, test_delete_middle_renumbered);
  add_fixture_test ("/audit/delete/first", NULL, test_delete_first);
  add_fixture_test ("/audit/delete/last", NULL, test_delete_last);
  add_fixture_test ("/audit/delete/last-and-head", NULL, test_delete_last_and_head);
  add_fixture_test ("/audit/delete/all", NULL, test_delete_all);
  add_fixture_test ("/audit/delete/head", NULL, test_head_missing);
  add_fixture_test ("/audit/forged/bad-hash", NULL, test_forged_row_bad_hash);
  add_fixture_test ("/audit/forged/head-not-moved", NULL, test_forged_row_head_not_moved);
  add_fixture_test ("/audit/forged/at-start", NULL, test_forged_row_at_start);
  add_fixture_test ("/audit/rollback", NULL, test_rollback);
  add_fixture_test ("/audit/invalid-json", NULL, test_invalid_json);
  add_fixture_test ("/audit/reopen", NULL, test_reopen);
  add_fixture_test ("/audit/empty-log", NULL, test_empty_log);

  return g_test_run ();
}
