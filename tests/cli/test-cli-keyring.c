/* test-cli-keyring.c — zhibu-cli with keys in the keyring (libsecret's file
 * backend) and `passwd` between passphrases and the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "zb-key-store.h"

#define ORG_NAME "中共示例区某街道社区支部委员会"
#define PASSPHRASE "first passphrase 一"
#define NEW_PASSPHRASE "second passphrase 二"

static char *
info_field (const char *db, const char *passphrase_file, const char *field)
{
  g_autoptr (CliResult) result = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  if (passphrase_file != NULL)
    result = cli_runv ("--db", db, "--passphrase-file", passphrase_file, "info", "--json", NULL);
  else
    result = cli_runv ("--db", db, "info", "--json", NULL);
  cli_assert_status (result, 0);

  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);

  return g_strdup (
      json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), field));
}

static void
assert_opens_with (const char *db, const char *passphrase_file, int expected_status)
{
  g_autoptr (CliResult) result = NULL;

  if (passphrase_file != NULL)
    result = cli_runv ("--db", db, "--passphrase-file", passphrase_file, "info", NULL);
  else
    result = cli_runv ("--db", db, "info", NULL);
  cli_assert_status (result, expected_status);
  if (expected_status != 0)
    cli_assert_one_error_line (result);
}

/* Runs in a child (g_test_trap_subprocess): libsecret's file backend reads its
 * file once per process, so a lookup in the test process itself would not see
 * what zhibu-cli stored or removed since. */
static void
lookup_key_in_subprocess (void)
{
  g_autoptr (ZbKeyStore) store = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (GError) error = NULL;

  if (!g_test_subprocess ())
    return;

  store = zb_key_store_new ();
  key = zb_key_store_lookup_sync (store, g_getenv ("CLI_TEST_UUID"), NULL, &error);
  if (key != NULL)
    g_print ("KEY STORED\n");
  else
    {
      g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
      g_print ("KEY ABSENT\n");
    }
}

static void
assert_key_stored (const char *uuid, gboolean stored)
{
  g_setenv ("CLI_TEST_UUID", uuid, TRUE);
  g_test_trap_subprocess ("/cli/keyring/lookup-helper", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (stored ? "*KEY STORED*" : "*KEY ABSENT*");
}

static void
test_passwd_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("passwd");
  g_autofree char *old_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &old_file);
  g_autofree char *new_file = cli_test_write_file (dir, "new", NEW_PASSPHRASE "\n");
  g_autofree char *protection = NULL;
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", old_file, "passwd", "--new-passphrase-file",
                     new_file, NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");

  assert_opens_with (db, old_file, 3);
  assert_opens_with (db, new_file, 0);
  protection = info_field (db, new_file, "protection");
  g_assert_cmpstr (protection, ==, "passphrase");
}

static void
test_passwd_short_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("passwd-short");
  g_autofree char *old_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &old_file);
  g_autofree char *short_file = cli_test_write_file (dir, "short", "1234567\n");
  g_autofree char *before = cli_test_checksum_file (db);
  g_autofree char *after = NULL;
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", old_file, "passwd", "--new-passphrase-file",
                     short_file, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);

  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
  assert_opens_with (db, old_file, 0);
}

static void
test_passwd_keyring_round_trip (void)
{
  g_autofree char *dir = cli_test_new_dir ("round-trip");
  g_autofree char *old_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &old_file);
  g_autofree char *new_file = cli_test_write_file (dir, "new", NEW_PASSPHRASE "\n");
  g_autofree char *uuid = info_field (db, old_file, "uuid");
  g_autofree char *protection = NULL;
  CliResult *result;

  assert_key_stored (uuid, FALSE);

  /* passphrase → keyring */
  result = cli_runv ("--db", db, "--passphrase-file", old_file, "passwd", "--to", "keyring", NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  assert_key_stored (uuid, TRUE);
  protection = info_field (db, NULL, "protection");
  g_assert_cmpstr (protection, ==, "keyring");
  g_clear_pointer (&protection, g_free);
  assert_opens_with (db, old_file, 3);

  /* keyring → keyring is refused, and changes nothing */
  result = cli_runv ("--db", db, "passwd", "--to", "keyring", NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  cli_result_free (result);
  assert_opens_with (db, NULL, 0);

  /* keyring → passphrase: the key leaves the keyring */
  result = cli_runv ("--db", db, "passwd", "--to", "passphrase", "--new-passphrase-file", new_file,
                     NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  assert_key_stored (uuid, FALSE);
  protection = info_field (db, new_file, "protection");
  g_assert_cmpstr (protection, ==, "passphrase");
  assert_opens_with (db, NULL, 3);
  assert_opens_with (db, old_file, 3);
}

static void
test_init_keyring (void)
{
  g_autofree char *dir = cli_test_new_dir ("init-keyring");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *protection = NULL;
  g_autofree char *uuid = NULL;
  CliResult *result;

  /* keyring is the default */
  result = cli_runv ("--db", db, "init", "--org-name", ORG_NAME, NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  /* info with no passphrase opens it with the key from the keyring */
  protection = info_field (db, NULL, "protection");
  g_assert_cmpstr (protection, ==, "keyring");
  uuid = info_field (db, NULL, "uuid");
  assert_key_stored (uuid, TRUE);

  result = cli_runv ("--db", db, "verify", NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
}

static void
test_init_keyring_relative_path (void)
{
  g_autofree char *dir = cli_test_new_dir ("relative");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *protection = NULL;
  g_autoptr (CliResult) result = NULL;

  /* a relative --db is stored in the keyring as an absolute path, so the key is
   * found again from another folder */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  result = cli_runv ("--db", "zhibu.db", "init", "--org-name", ORG_NAME, NULL);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, db));

  protection = info_field (db, NULL, "protection");
  g_assert_cmpstr (protection, ==, "keyring");
}

/* A keyring that cannot be written: libsecret's file backend pointed at a folder. */
static char *
broken_keyring_setting (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "keyring-is-a-folder", NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  return g_strdup_printf ("SECRET_FILE_TEST_PATH=%s", folder);
}

static void
test_init_keyring_unavailable (void)
{
  g_autofree char *dir = cli_test_new_dir ("no-keyring");
  g_autofree char *work = cli_test_new_dir ("no-keyring-work");
  g_autofree char *db = g_build_filename (work, "zhibu.db", NULL);
  g_autofree char *setting = broken_keyring_setting (dir);
  g_autofree char *listing = NULL;
  const char *const env[] = { setting, NULL };
  g_autoptr (CliResult) result = NULL;

  result = cli_run (env, (const char *const[]){ "--db", db, "init", "--org-name", ORG_NAME, NULL });
  g_assert_cmpint (result->status, !=, 0);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "--protect passphrase"));

  /* the workspace whose key could not be kept is gone, with its -wal and -shm */
  listing = cli_test_list_dir (work);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_passwd_keyring_unavailable (void)
{
  g_autofree char *dir = cli_test_new_dir ("passwd-no-keyring");
  g_autofree char *old_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &old_file);
  g_autofree char *setting = broken_keyring_setting (dir);
  g_autofree char *before = cli_test_checksum_file (db);
  g_autofree char *after = NULL;
  const char *const env[] = { setting, NULL };
  g_autoptr (CliResult) result = NULL;

  result = cli_run (env, (const char *const[]){ "--db", db, "--passphrase-file", old_file, "passwd",
                                                "--to", "keyring", NULL });
  g_assert_cmpint (result->status, !=, 0);
  cli_assert_one_error_line (result);

  /* the key was never stored, so the file was not rekeyed */
  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
  assert_opens_with (db, old_file, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/keyring/lookup-helper", lookup_key_in_subprocess);
  g_test_add_func ("/cli/passwd/passphrase", test_passwd_passphrase);
  g_test_add_func ("/cli/passwd/short-passphrase", test_passwd_short_passphrase);
  g_test_add_func ("/cli/passwd/keyring-round-trip", test_passwd_keyring_round_trip);
  g_test_add_func ("/cli/passwd/keyring-unavailable", test_passwd_keyring_unavailable);
  g_test_add_func ("/cli/init/keyring", test_init_keyring);
  g_test_add_func ("/cli/init/keyring-relative-path", test_init_keyring_relative_path);
  g_test_add_func ("/cli/init/keyring-unavailable", test_init_keyring_unavailable);

  return g_test_run ();
}
