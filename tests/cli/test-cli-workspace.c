/* test-cli-workspace.c — zhibu-cli help, init, info and verify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "zb-audit.h"
#include "zb-database-private.h"

#define ORG_NAME "中共示例市第一机关支部委员会"
#define SUPERIOR_NAME "中共示例市直属机关工作委员会"
#define PASSPHRASE "correct horse 电池 staple"

static void
test_help_top_level (void)
{
  g_autoptr (CliResult) result = cli_runv ("--help", NULL);

  cli_assert_status (result, 0);
  for (const char *const *word = (const char *const[]){ "init", "info", "verify", "passwd", "--db",
                                                        "--passphrase-file", "Exit status", NULL };
       *word != NULL; word++)
    g_assert_nonnull (strstr (result->out, *word));
  /* every documented exit status is listed */
  g_assert_nonnull (strstr (result->out, "  5  "));
}

static void
test_help_command (void)
{
  struct
  {
    const char *command;
    const char *option;
  } cases[] = {
    { "init", "--org-name" }, { "init", "--protect" },
    { "info", "--json" },     { "passwd", "--new-passphrase-file" },
    { "passwd", "--to" },     { "verify", "--db" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliResult) result = cli_runv (cases[i].command, "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("zhibu-cli %s", cases[i].command);

      cli_assert_status (result, 0);
      g_assert_nonnull (strstr (result->out, usage));
      g_assert_nonnull (strstr (result->out, cases[i].option));
      /* the global options work after the command too, so they are shown */
      g_assert_nonnull (strstr (result->out, "--passphrase-file"));
    }
}

static void
assert_usage_error (CliResult *result)
{
  cli_assert_status (result, 2);
  g_assert_true (g_str_has_prefix (result->err, "zhibu-cli: "));
  g_assert_nonnull (strstr (result->err, "Usage: zhibu-cli"));
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_usage_errors (void)
{
  g_autofree char *dir = cli_test_new_dir ("usage");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *listing = NULL;
  CliResult *result;

  result = cli_run (NULL, (const char *const[]){ NULL });
  assert_usage_error (result);
  cli_result_free (result);

  result = cli_runv ("frobnicate", NULL);
  assert_usage_error (result);
  g_assert_nonnull (strstr (result->err, "frobnicate"));
  cli_result_free (result);

  result = cli_runv ("--db", db, "info", "--frobnicate", NULL);
  assert_usage_error (result);
  cli_result_free (result);

  result = cli_runv ("--db", db, "info", "extra", NULL);
  assert_usage_error (result);
  cli_result_free (result);

  result = cli_runv ("--db", db, "init", NULL);
  assert_usage_error (result);
  g_assert_nonnull (strstr (result->err, "--org-name"));
  cli_result_free (result);

  result = cli_runv ("--db", db, "init", "--org-name", "x", "--protect", "paper", NULL);
  assert_usage_error (result);
  cli_result_free (result);

  /* nothing was created by any of them */
  listing = cli_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_version (void)
{
  g_autoptr (CliResult) result = cli_runv ("--version", NULL);

  cli_assert_status (result, 0);
  g_assert_true (g_str_has_prefix (result->out, "zhibu-cli " PACKAGE_VERSION));
}

static JsonObject *
run_info_json (const char *db, const char *passphrase_file, JsonParser *parser)
{
  g_autoptr (CliResult) result = NULL;
  g_autoptr (GError) error = NULL;

  if (passphrase_file != NULL)
    result = cli_runv ("--db", db, "--passphrase-file", passphrase_file, "info", "--json", NULL);
  else
    result = cli_runv ("--db", db, "info", "--json", NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");

  json_parser_load_from_data (parser, result->out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_init_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("init");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *pw_file = cli_test_write_file (dir, "pw", PASSPHRASE "\n");
  g_autoptr (CliResult) result = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_auto (GStrv) lines = NULL;
  JsonObject *info;
  const char *uuid;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "init", "--org-name", ORG_NAME,
                     "--superior", SUPERIOR_NAME, "--protect", "passphrase", NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  /* it prints the path and the workspace's UUID */
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "Path:"));
  g_assert_true (g_str_has_suffix (lines[0], db));
  g_assert_true (g_str_has_prefix (lines[1], "UUID:"));

  info = run_info_json (db, pw_file, parser);
  uuid = json_object_get_string_member (info, "uuid");
  g_assert_true (g_str_has_suffix (lines[1], uuid));
  g_assert_cmpstr (json_object_get_string_member (info, "protection"), ==, "passphrase");
}

static void
test_init_refuses_existing (void)
{
  g_autofree char *dir = cli_test_new_dir ("exists");
  g_autofree char *pw_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw_file);
  g_autofree char *before = cli_test_checksum_file (db);
  g_autofree char *after = NULL;
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "init", "--org-name", "other", NULL);
  cli_assert_status (result, 4);
  cli_assert_one_error_line (result);

  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_init_short_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("short");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  /* seven characters, even though it is more than seven bytes */
  g_autofree char *pw_file = cli_test_write_file (dir, "pw", "支部支部支部x\n");
  g_autofree char *listing = NULL;
  g_autoptr (CliResult) result = NULL;

  result
      = cli_runv ("--db", db, "--passphrase-file", pw_file, "init", "--org-name", ORG_NAME, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "8"));

  listing = cli_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "pw");
}

static void
test_init_passphrase_needs_file (void)
{
  g_autofree char *dir = cli_test_new_dir ("nofile");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (CliResult) result = NULL;

  /* standard input is not a terminal, so there is nobody to ask */
  result = cli_runv ("--db", db, "init", "--org-name", ORG_NAME, "--protect", "passphrase", NULL);
  cli_assert_status (result, 2);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "--passphrase-file"));

  listing = cli_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_info_json (void)
{
  g_autofree char *dir = cli_test_new_dir ("info");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *pw_file = cli_test_write_file (dir, "pw", PASSPHRASE "\r\n");
  g_autoptr (CliResult) result = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) created = NULL;
  g_autoptr (GList) members = NULL;
  JsonObject *info;
  JsonObject *tables;
  const char *const keys[] = {
    "created_at",        "org_name",      "path",   "protection", "schema_version",
    "sqlcipher_version", "superior_name", "tables", "uuid",       NULL,
  };
  guint n_keys = 0;

  /* the passphrase file ends in \r\n, as one written on Windows would */
  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "init", "--org-name", ORG_NAME,
                     "--superior", SUPERIOR_NAME, NULL);
  cli_assert_status (result, 0);

  info = run_info_json (db, pw_file, parser);

  /* exactly the documented, stable keys */
  members = json_object_get_members (info);
  for (GList *l = members; l != NULL; l = l->next, n_keys++)
    g_assert_true (g_strv_contains (keys, l->data));
  g_assert_cmpuint (n_keys, ==, g_strv_length ((char **)keys));

  g_assert_cmpint (json_object_get_int_member (info, "schema_version"), ==,
                   zb_database_get_latest_version ());
  g_assert_true (
      g_str_has_prefix (json_object_get_string_member (info, "sqlcipher_version"), "4."));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (info, "uuid")));
  g_assert_cmpstr (json_object_get_string_member (info, "org_name"), ==, ORG_NAME);
  g_assert_cmpstr (json_object_get_string_member (info, "superior_name"), ==, SUPERIOR_NAME);
  g_assert_cmpstr (json_object_get_string_member (info, "protection"), ==, "passphrase");
  g_assert_cmpstr (json_object_get_string_member (info, "path"), ==, db);

  created = g_date_time_new_from_iso8601 (json_object_get_string_member (info, "created_at"), NULL);
  g_assert_nonnull (created);

  tables = json_object_get_object_member (info, "tables");
  g_assert_nonnull (tables);
  g_assert_cmpint (json_object_get_int_member (tables, "workspace"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (tables, "audit_log"), >=, 1);
  g_assert_cmpuint (json_object_get_size (tables), >=, 2);
}

static void
test_info_plain (void)
{
  g_autofree char *dir = cli_test_new_dir ("plain");
  g_autofree char *pw_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw_file);
  g_autoptr (CliResult) result = NULL;
  g_auto (GStrv) lines = NULL;
  gsize value_column = 0;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "info", NULL);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, ORG_NAME));
  g_assert_nonnull (strstr (result->out, db));
  g_assert_nonnull (strstr (result->out, "audit_log"));

  /* the values of the first block start in one column */
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && !g_str_has_prefix (lines[i], "Rows"); i++)
    {
      const char *colon = strchr (lines[i], ':');
      gsize column;

      g_assert_nonnull (colon);
      column = colon + 1 - lines[i];
      while (lines[i][column] == ' ')
        column++;
      if (value_column == 0)
        value_column = column;
      g_assert_cmpuint (column, ==, value_column);
    }
  g_assert_cmpuint (value_column, >, 0);
}

static void
test_verify_ok (void)
{
  g_autofree char *dir = cli_test_new_dir ("verify");
  g_autofree char *pw_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw_file);
  g_autoptr (CliResult) result = NULL;
  g_auto (GStrv) lines = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "verify", NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  /* one summary line per check */
  lines = g_strsplit (result->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (result->out, "Database file:"));
  g_assert_nonnull (strstr (result->out, "Audit log:"));
}

/* Changes one audit row behind the core's back, as someone editing the file with
 * the sqlcipher tool would. */
static void
tamper_audit_row (const char *db_path, const char *passphrase, gint64 seq)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (passphrase);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;

  db = zb_database_open (db_path, secret, &error);
  g_assert_no_error (error);

  stmt = _zb_database_prepare (db, "UPDATE audit_log SET actor = 'somebody else' WHERE seq = ?",
                               &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, seq);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (_zb_database_get_handle (db)), ==, 1);
  sqlite3_reset (stmt);

  zb_database_close (db);
}

static void
append_audit_rows (const char *db_path, const char *passphrase, guint n)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (passphrase);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  db = zb_database_open (db_path, secret, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *after = g_strdup_printf ("{\"n\": %u}", i);

      zb_audit_append (db, "update", "workspace", zb_database_get_uuid (db), NULL, after, &error);
      g_assert_no_error (error);
    }

  zb_database_close (db);
}

static void
test_verify_tampered (void)
{
  g_autofree char *dir = cli_test_new_dir ("tamper");
  g_autofree char *pw_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw_file);
  g_autoptr (JsonParser) parser = json_parser_new ();
  CliResult *result;
  JsonObject *info;
  gint64 n_rows;
  gint64 target;

  append_audit_rows (db, PASSPHRASE, 3);

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "verify", NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);

  /* a row in the middle of the chain, not the first or the last */
  info = run_info_json (db, pw_file, parser);
  n_rows = json_object_get_int_member (json_object_get_object_member (info, "tables"), "audit_log");
  g_assert_cmpint (n_rows, >=, 4);
  target = n_rows - 1;

  tamper_audit_row (db, PASSPHRASE, target);

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "verify", NULL);
  cli_assert_status (result, 5);
  cli_assert_one_error_line (result);
  {
    g_autofree char *row = g_strdup_printf ("row %" G_GINT64_FORMAT, target);

    /* names the first broken row, on standard error and in the summary */
    g_assert_nonnull (strstr (result->err, row));
    g_assert_nonnull (strstr (result->out, row));
  }
  /* the file itself is sound: only the audit log fails */
  g_assert_nonnull (strstr (result->out, "Database file: OK"));
  cli_result_free (result);
}

static void
test_verify_damaged_file (void)
{
  g_autofree char *dir = cli_test_new_dir ("damaged");
  g_autofree char *pw_file = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw_file);
  g_autoptr (CliResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* one flipped bit inside the last page: the file still opens, but the page's
   * HMAC no longer matches */
  g_file_get_contents (db, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 2 * 4096);
  contents[length - 2000] ^= 0x01;
  g_file_set_contents (db, contents, length, &error);
  g_assert_no_error (error);

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "verify", NULL);
  cli_assert_status (result, 5);
  /* one line, even though the core logs which page failed */
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->out, "Database file: damaged"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/help/top-level", test_help_top_level);
  g_test_add_func ("/cli/help/command", test_help_command);
  g_test_add_func ("/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/init/passphrase", test_init_passphrase);
  g_test_add_func ("/cli/init/refuses-existing", test_init_refuses_existing);
  g_test_add_func ("/cli/init/short-passphrase", test_init_short_passphrase);
  g_test_add_func ("/cli/init/passphrase-needs-file", test_init_passphrase_needs_file);
  g_test_add_func ("/cli/info/json", test_info_json);
  g_test_add_func ("/cli/info/plain", test_info_plain);
  g_test_add_func ("/cli/verify/ok", test_verify_ok);
  g_test_add_func ("/cli/verify/tampered", test_verify_tampered);
  g_test_add_func ("/cli/verify/damaged-file", test_verify_damaged_file);

  return g_test_run ();
}
