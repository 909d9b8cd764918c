/* test-database.c — creating, opening, keys and integrity of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-test-util.h"

static void
test_create_and_reopen_passphrase (void)
{
  g_autofree char *path = zb_test_path ("ws.db");
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase ("一二三四五六七八");
  g_autoptr (ZbSecret) again = zb_secret_new_passphrase ("一二三四五六七八");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, secret, "中共某某支部委员会");
  g_autoptr (ZbDatabase) reopened = NULL;
  g_autofree char *uuid = g_strdup (zb_database_get_uuid (db));
  g_autofree char *org = NULL;
  g_autofree char *superior = NULL;
  g_autofree char *cipher = NULL;

  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (zb_database_get_schema_version (db), ==, zb_database_get_latest_version ());
  zb_database_close (db);
  g_assert_false (zb_database_is_open (db));

  reopened = zb_database_open (path, again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (reopened), ==, uuid);
  g_assert_cmpint (zb_database_get_protection (reopened), ==, ZB_PROTECTION_PASSPHRASE);
  org = zb_database_dup_org_name (reopened);
  superior = zb_database_dup_superior_name (reopened);
  g_assert_cmpstr (org, ==, "中共某某支部委员会");
  g_assert_cmpstr (superior, ==, "中共测试党委");
  cipher = zb_database_dup_cipher_version (reopened);
  g_assert_true (g_str_has_prefix (cipher, "4."));

  /* Only the user may read the file. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0077, ==, 0);
  }
}

static void
test_create_and_reopen_raw_key (void)
{
  g_autofree char *path = zb_test_path ("raw.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (ZbDatabase) reopened = NULL;
  g_autoptr (ZbSecret) from_hex = NULL;
  char *hex = zb_secret_dup_hex (key);

  g_assert_cmpint (zb_database_get_protection (db), ==, ZB_PROTECTION_KEYRING);
  g_clear_object (&db);

  from_hex = zb_secret_new_from_hex (hex, &error);
  zb_secret_wipe_string (hex);
  reopened = zb_database_open (path, from_hex, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

static void
test_wrong_passphrase_leaves_file (void)
{
  g_autofree char *path = zb_test_path ("wrong.db");
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase ("right-passphrase");
  g_autoptr (ZbSecret) wrong = zb_secret_new_passphrase ("wrong-passphrase");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, secret, NULL);
  g_autoptr (ZbDatabase) failed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  zb_database_close (db);
  g_assert_false (zb_test_file_exists (path, "-wal"));
  before = zb_test_file_checksum (path);

  failed = zb_database_open (path, wrong, &error);
  g_assert_null (failed);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY);

  after = zb_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (zb_test_file_exists (path, "-wal"));
  g_assert_false (zb_test_file_exists (path, "-shm"));
}

static void
test_wrong_raw_key (void)
{
  g_autofree char *path = zb_test_path ("wrong-raw.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbSecret) other = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (ZbDatabase) failed = NULL;

  zb_database_close (db);
  failed = zb_database_open (path, other, &error);
  g_assert_null (failed);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *path = zb_test_path ("exists.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  ZbWorkspaceSetup setup = { .org_name = "x", .protection = ZB_PROTECTION_KEYRING };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "党员名册 — 不要覆盖", -1, NULL));
  before = zb_test_file_checksum (path);

  db = zb_database_create (path, key, &setup, &error);
  g_assert_null (db);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_EXISTS);
  after = zb_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_create_makes_folders (void)
{
  g_autofree char *base = zb_test_path ("nested");
  g_autofree char *path = g_build_filename (base, "a", "b", "ws.db", NULL);
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
on_async_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = zb_test_path ("async.db");
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase ("async-passphrase");
  ZbWorkspaceSetup setup = { .org_name = "异步支部", .protection = ZB_PROTECTION_PASSPHRASE };
  g_autoptr (GAsyncResult) created = NULL;
  g_autoptr (GAsyncResult) opened = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbDatabase) db2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;

  zb_database_create_async (path, secret, &setup, NULL, on_async_done, &created);
  while (created == NULL)
    g_main_context_iteration (NULL, TRUE);
  db = zb_database_create_finish (created, &error);
  g_assert_no_error (error);
  zb_database_close (db);

  zb_database_open_async (path, secret, NULL, on_async_done, &opened);
  while (opened == NULL)
    g_main_context_iteration (NULL, TRUE);
  db2 = zb_database_open_finish (opened, &error);
  g_assert_no_error (error);
  org = zb_database_dup_org_name (db2);
  g_assert_cmpstr (org, ==, "异步支部");
}

static void
test_rekey (void)
{
  g_autofree char *path = zb_test_path ("rekey.db");
  g_autoptr (ZbSecret) passphrase = zb_secret_new_passphrase ("old-passphrase");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbSecret) new_passphrase = zb_secret_new_passphrase ("new-passphrase");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, passphrase, NULL);
  g_autoptr (ZbDatabase) failed = NULL;
  g_autoptr (ZbDatabase) reopened = NULL;
  g_autoptr (ZbDatabase) last = NULL;
  gint64 rows = 0;

  /* passphrase → raw key (keyring protection) */
  g_assert_true (zb_database_rekey (db, key, ZB_PROTECTION_KEYRING, &error));
  g_assert_no_error (error);
  g_assert_cmpint (zb_database_get_protection (db), ==, ZB_PROTECTION_KEYRING);
  zb_database_close (db);

  failed = zb_database_open (path, passphrase, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY);
  g_clear_error (&error);

  reopened = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_database_get_protection (reopened), ==, ZB_PROTECTION_KEYRING);

  /* raw key → a new passphrase */
  g_assert_true (zb_database_rekey (reopened, new_passphrase, ZB_PROTECTION_PASSPHRASE, &error));
  g_assert_no_error (error);
  zb_database_close (reopened);

  last = zb_database_open (path, new_passphrase, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_database_get_protection (last), ==, ZB_PROTECTION_PASSPHRASE);
  g_assert_true (zb_database_check_integrity (last, &error));
  g_assert_no_error (error);

  /* creation + two key changes, each in the audit log, and the chain holds */
  g_assert_true (zb_audit_verify (last, &rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 3);
}

static gint64
audit_rows (ZbDatabase *db)
{
  g_autoptr (GError) error = NULL;
  gint64 rows = 0;

  g_assert_true (zb_audit_verify (db, &rows, NULL, &error));
  g_assert_no_error (error);
  return rows;
}

static void
append_row (ZbDatabase *db, const char *action)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (_zb_database_begin (db, &error));
  g_assert_true (zb_audit_append (db, action, "test", NULL, NULL, NULL, &error));
  g_assert_true (_zb_database_commit (db, &error));
  g_assert_no_error (error);
}

/* A worker's own connection (ARCHITECTURE.md, Threads): opened with the secret
 * the window's was opened with, for passphrase and keyring workspaces alike,
 * after a key change too; each sees what the other committed; none once the
 * workspace is locked. */
static void
test_sibling (void)
{
  g_autofree char *path = zb_test_path ("sibling.db");
  g_autoptr (ZbSecret) passphrase = zb_secret_new_passphrase ("sibling-passphrase");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, passphrase, NULL);
  gint64 start = audit_rows (db);

  {
    g_autoptr (ZbDatabase) worker = zb_database_open_sibling (db, &error);

    g_assert_no_error (error);
    g_assert_nonnull (worker);
    g_assert_cmpstr (zb_database_get_uuid (worker), ==, zb_database_get_uuid (db));
    append_row (worker, "from-worker");
    g_assert_cmpint (audit_rows (db), ==, start + 1);
    append_row (db, "from-window");
    g_assert_cmpint (audit_rows (worker), ==, start + 2);
  }

  /* after switching to a keyring key, siblings use the new key */
  g_assert_true (zb_database_rekey (db, key, ZB_PROTECTION_KEYRING, &error));
  g_assert_no_error (error);
  {
    g_autoptr (ZbDatabase) worker = zb_database_open_sibling (db, &error);

    g_assert_no_error (error);
    g_assert_cmpint (zb_database_get_protection (worker), ==, ZB_PROTECTION_KEYRING);
    g_assert_cmpint (audit_rows (worker), ==, start + 3);
  }

  /* locked: the kept secret is gone with the connection */
  zb_database_close (db);
  {
    g_autoptr (ZbDatabase) worker = zb_database_open_sibling (db, &error);

    g_assert_null (worker);
    g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CLOSED);
  }
}

static void
test_count_rows (void)
{
  g_autofree char *path = zb_test_path ("count.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) counts = zb_database_count_rows (db, &error);
  gboolean saw_workspace = FALSE, saw_audit = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      ZbTableCount *count = &g_array_index (counts, ZbTableCount, i);

      if (g_str_equal (count->table, "workspace"))
        {
          saw_workspace = TRUE;
          g_assert_cmpint (count->rows, ==, 1);
        }
      else if (g_str_equal (count->table, "audit_log"))
        {
          saw_audit = TRUE;
          g_assert_cmpint (count->rows, ==, 1);
        }
    }
  g_assert_true (saw_workspace && saw_audit);
}

/* Flips one byte in the middle of the last page; either the open or the
 * integrity check must notice. */
static void
test_integrity_detects_flipped_byte (void)
{
  g_autofree char *path = zb_test_path ("flip.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (ZbDatabase) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_no_error (error);
  zb_database_close (db);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 8192);
  contents[length - 2048] ^= 0x01;
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  reopened = zb_database_open (path, key, &error);
  if (reopened != NULL)
    {
      g_assert_false (zb_database_check_integrity (reopened, &error));
    }
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CORRUPT);
}

static void
test_statement_binding_is_not_sql (void)
{
  /* An organisation name that is SQL must be stored as text, not run. */
  g_autofree char *path = zb_test_path ("inject.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  const char *evil = "x'); DROP TABLE audit_log; --";
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, evil);
  g_autofree char *org = zb_database_dup_org_name (db);
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (org, ==, evil);
  g_assert_true (zb_audit_verify (db, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Every connection has the large page cache from the start — before a
 * migration rebuilds the indexes of a big roster, before any repository —
 * so that pages are not encrypted out and decrypted back in. */
static void
test_page_cache (void)
{
  g_autofree char *path = zb_test_path ("cache.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (ZbDatabase) reopened = NULL;

  g_assert_cmpint (zb_test_query_int (db, "PRAGMA cache_size"), ==, -262144);
  g_clear_object (&db);
  reopened = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zb_test_query_int (reopened, "PRAGMA cache_size"), ==, -262144);
}

/* Appends a row in a large write, checking the journal mode inside it. */
static void
append_row_large (ZbDatabase *db, const char *mode_inside, gboolean commit)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *inside = NULL;
  g_autofree char *after = NULL;

  g_assert_true (_zb_database_begin_large (db, &error));
  g_assert_no_error (error);
  inside = zb_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (inside, ==, mode_inside);
  g_assert_true (zb_audit_append (db, "large", "test", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (commit)
    g_assert_true (_zb_database_commit (db, &error));
  else
    _zb_database_rollback (db);
  g_assert_no_error (error);
  _zb_database_end_large (db, FALSE);
  after = zb_test_query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (after, ==, "wal");
}

/* A large write goes through a rollback journal when the connection has the
 * file to itself, and stays in the WAL when another connection has it open;
 * either way it commits or rolls back as any other, the connection is back in
 * WAL mode after it, and no journal stays on the disk. */
static void
test_large_write (void)
{
  g_autofree char *path = zb_test_path ("large.db");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  gint64 start = audit_rows (db);

  append_row_large (db, "delete", TRUE);
  g_assert_cmpint (audit_rows (db), ==, start + 1);
  append_row_large (db, "delete", FALSE);
  g_assert_cmpint (audit_rows (db), ==, start + 1);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  {
    g_autoptr (ZbDatabase) worker = zb_database_open_sibling (db, &error);

    g_assert_no_error (error);
    g_assert_cmpint (audit_rows (worker), ==, start + 1);
    append_row_large (db, "wal", TRUE);
    g_assert_cmpint (audit_rows (worker), ==, start + 2);
  }

  /* alone again, and reopened: the file is in WAL mode and whole */
  append_row_large (db, "delete", TRUE);
  g_clear_object (&db);
  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (db), ==, start + 3);
  g_assert_true (zb_database_check_integrity (db, &error));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* Connections are opened without SQLite's lock around every call (used by
 * one thread at a time, zb-database.h): SQLite has no mutex for such a
 * connection. */
static void
test_no_connection_mutex (void)
{
  g_autofree char *path = zb_test_path ("nomutex.db");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autoptr (ZbDatabase) sibling = zb_database_open_sibling (db, &error);

  g_assert_no_error (error);
  g_assert_null (sqlite3_db_mutex (_zb_database_get_handle (db)));
  g_assert_null (sqlite3_db_mutex (_zb_database_get_handle (sibling)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create-reopen-passphrase", test_create_and_reopen_passphrase);
  g_test_add_func ("/database/create-reopen-raw-key", test_create_and_reopen_raw_key);
  g_test_add_func ("/database/wrong-passphrase-leaves-file", test_wrong_passphrase_leaves_file);
  g_test_add_func ("/database/wrong-raw-key", test_wrong_raw_key);
  g_test_add_func ("/database/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/database/create-makes-folders", test_create_makes_folders);
  g_test_add_func ("/database/async", test_async);
  g_test_add_func ("/database/rekey", test_rekey);
  g_test_add_func ("/database/sibling", test_sibling);
  g_test_add_func ("/database/count-rows", test_count_rows);
  g_test_add_func ("/database/integrity-flipped-byte", test_integrity_detects_flipped_byte);
  g_test_add_func ("/database/binding-is-not-sql", test_statement_binding_is_not_sql);
  g_test_add_func ("/database/page-cache", test_page_cache);
  g_test_add_func ("/database/large-write", test_large_write);
  g_test_add_func ("/database/no-connection-mutex", test_no_connection_mutex);

  return g_test_run ();
}
