/* test-bad-files.c — each bad file gets its own error and is never modified
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "zb-database-private.h"
#include "zb-test-util.h"

/* Opens @path with @secret, expects @code, and checks that the file's bytes and
 * the absence of -wal/-shm files are as before. */
static void
assert_refused_untouched (const char *path, const ZbSecret *secret, ZbDatabaseError code)
{
  g_autofree char *before = zb_test_file_checksum (path);
  gboolean had_wal = zb_test_file_exists (path, "-wal");
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) probe_error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_open (path, secret, &error);
  g_autofree char *after = NULL;

  g_assert_null (db);
  g_assert_error (error, ZB_DATABASE_ERROR, (int)code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s", error->message);

  after = zb_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (had_wal, ==, zb_test_file_exists (path, "-wal"));
  if (!had_wal)
    g_assert_false (zb_test_file_exists (path, "-shm"));
}

static void
test_missing_file (void)
{
  g_autofree char *path = zb_test_path ("missing.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_open (path, key, &error);

  g_assert_null (db);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  /* opening never creates */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_text_file (void)
{
  g_autofree char *path = zb_test_path ("notes.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);

  g_assert_true (g_file_set_contents (path, "姓名,性别\n张三,男\n", -1, NULL));
  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_empty_file (void)
{
  g_autofree char *path = zb_test_path ("empty.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_random_pages (void)
{
  /* Page-sized random bytes look like ciphertext: the key cannot be verified. */
  g_autofree char *path = zb_test_path ("random.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autofree guint8 *bytes = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    bytes[i] = (guint8)g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, (const char *)bytes, 8192, NULL));
  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_WRONG_KEY);
}

static void
make_sqlite_file (const char *path, const char *setup_sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, setup_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_plain_sqlite (void)
{
  g_autofree char *path = zb_test_path ("plain.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);

  make_sqlite_file (path, "CREATE TABLE roster (name TEXT); INSERT INTO roster VALUES ('张三');");
  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_NOT_SQLCIPHER4);
}

static void
test_sqlcipher3_file (void)
{
  g_autofree char *path = zb_test_path ("v3.db");
  g_autoptr (ZbSecret) passphrase = zb_secret_new_passphrase ("old-format-pass");

  make_sqlite_file (path, "PRAGMA key = 'old-format-pass';"
                          "PRAGMA cipher_compatibility = 3;"
                          "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused_untouched (path, passphrase, ZB_DATABASE_ERROR_NOT_SQLCIPHER4);
}

static void
test_encrypted_not_workspace (void)
{
  g_autofree char *path = zb_test_path ("other-app.db");
  g_autoptr (ZbSecret) passphrase = zb_secret_new_passphrase ("some-other-app");

  make_sqlite_file (path, "PRAGMA key = 'some-other-app';"
                          "CREATE TABLE notes (x); INSERT INTO notes VALUES (1);");
  assert_refused_untouched (path, passphrase, ZB_DATABASE_ERROR_NOT_A_WORKSPACE);
}

static void
test_too_new (void)
{
  g_autofree char *path = zb_test_path ("future.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  g_autofree char *sql
      = g_strdup_printf ("PRAGMA user_version = %d", zb_database_get_latest_version () + 1);

  g_assert_cmpint (sqlite3_exec (_zb_database_get_handle (db), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  zb_database_close (db);

  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_TOO_NEW);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = zb_test_path ("readonly.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);

  zb_database_close (db);
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_READ_ONLY);
  g_chmod (path, 0600);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = zb_test_path ("locked-folder");
  g_autofree char *path = g_build_filename (dir, "ws.db", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.db", NULL);
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbDatabase) created = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { .org_name = "x", .protection = ZB_PROTECTION_KEYRING };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = zb_test_create_workspace (path, key, NULL);
  zb_database_close (db);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  assert_refused_untouched (path, key, ZB_DATABASE_ERROR_READ_ONLY);

  created = zb_database_create (new_path, key, &setup, &error);
  g_assert_null (created);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));

  g_chmod (dir, 0700);
}

static void
test_directory (void)
{
  g_autofree char *path = zb_test_path ("a-folder.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  db = zb_database_open (path, key, &error);
  g_assert_null (db);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE);
}

static void
test_errors_are_distinct_and_translated (void)
{
  /* Each code above has its own message, and in zh_CN it is Chinese. */
  g_autofree char *path = zb_test_path ("zh-missing.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *mo
      = g_build_filename (ZB_TEST_LOCALEDIR, "zh_CN", "LC_MESSAGES", "zhibu.mo", NULL);

  if (!g_file_test (mo, G_FILE_TEST_EXISTS) || setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("zh_CN translations or locale not available");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, ZB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  db = zb_database_open (path, key, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_strchr (error->message, -1, 0x627E) != NULL); /* 找 */

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-files/missing", test_missing_file);
  g_test_add_func ("/bad-files/text", test_text_file);
  g_test_add_func ("/bad-files/empty", test_empty_file);
  g_test_add_func ("/bad-files/random-pages", test_random_pages);
  g_test_add_func ("/bad-files/plain-sqlite", test_plain_sqlite);
  g_test_add_func ("/bad-files/sqlcipher3", test_sqlcipher3_file);
  g_test_add_func ("/bad-files/encrypted-not-workspace", test_encrypted_not_workspace);
  g_test_add_func ("/bad-files/too-new", test_too_new);
  g_test_add_func ("/bad-files/read-only-file", test_read_only_file);
  g_test_add_func ("/bad-files/read-only-folder", test_read_only_folder);
  g_test_add_func ("/bad-files/directory", test_directory);
  g_test_add_func ("/bad-files/translated", test_errors_are_distinct_and_translated);

  return g_test_run ();
}
