/* test-cli-print.c — `zhibu-cli verify-print`, `print recovery-sheet` and
 * `recover`, run as a user or a script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cli-test-util.h"
#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-print-log.h"
#include "zb-recovery-sheet.h"

#define ORG_NAME "中共示例区某街道社区支部委员会"
#define PASSPHRASE "print test passphrase 一"
#define NEW_PASSPHRASE "after recovery 二〇二六"

/* A keyring workspace @dir/zhibu.db made by `zhibu-cli init`. */
static char *
init_keyring_workspace (const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "init", "--org-name", ORG_NAME, NULL);
  cli_assert_status (result, 0);
  return g_steal_pointer (&db);
}

/* The text of a PDF file, white space removed. */
static char *
pdf_file_text (const char *path, int *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (text, g_utf8_get_char (p));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return g_string_free (text, FALSE);
}

static guint
count_text (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The 64 hex digits of the key printed on the sheet, read back from the PDF
 * the way a person copies them: the 16 groups, row by row. */
static char *
sheet_key (const char *pdf_path)
{
  int n_pages = 0;
  g_autofree char *text = pdf_file_text (pdf_path, &n_pages);
  g_autoptr (GRegex) regex = g_regex_new ("一、恢复密钥([0-9A-F]{64})共16组", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_assert_cmpint (n_pages, ==, 1);
  if (!g_regex_match (regex, text, 0, &match))
    g_error ("no key on the sheet:\n%s", text);
  return g_match_info_fetch (match, 1);
}

/* The key as written on paper: groups of four, with spaces and a line break. */
static char *
write_key_file (const char *dir, const char *name, const char *hex)
{
  GString *grouped = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; hex[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (grouped, i % 32 == 0 ? '\n' : ' ');
      g_string_append_c (grouped, hex[i]);
    }
  g_string_append_c (grouped, '\n');
  text = g_string_free (grouped, FALSE);
  return cli_test_write_file (dir, name, text);
}

/* Simulates a lost keyring (a new computer, a reinstalled system). */
static void
lose_keyring (void)
{
  g_autofree char *keyring = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "keyring", NULL);

  g_assert_cmpint (g_unlink (keyring), ==, 0);
}

static void
assert_status_line (const char *db, const char *passphrase_file, int expected)
{
  g_autoptr (CliResult) result = NULL;

  if (passphrase_file != NULL)
    result = cli_runv ("--db", db, "--passphrase-file", passphrase_file, "info", NULL);
  else
    result = cli_runv ("--db", db, "info", NULL);
  cli_assert_status (result, expected);
  if (expected != 0)
    cli_assert_one_error_line (result);
}

/* The print log of a passphrase workspace gets one record through the core,
 * as the app's print dialog would write it. */
static char *
record_print (const char *db_path, ZbDocument *doc)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_open (db_path, secret, &error);
  g_autoptr (ZbPrintLog) log = NULL;

  g_assert_no_error (error);
  log = zb_print_log_new (db);
  g_assert_true (zb_print_log_number_document (log, doc, &error));
  g_assert_true (zb_print_log_record (log, doc, "test", 1, ZB_PRINT_DESTINATION_PRINTER, &error));
  g_assert_no_error (error);
  zb_database_close (db);
  return zb_document_dup_content_hash (doc);
}

static ZbDocument *
make_document (const char *text)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);

  zb_document_set_title (doc, "支部大会决议");
  zb_document_add_title (doc, "支部大会决议");
  zb_document_add_paragraph (doc, text);
  return doc;
}

static void
test_verify_print (void)
{
  g_autofree char *dir = cli_test_new_dir ("verify-print");
  g_autofree char *pw = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw);
  g_autoptr (ZbDocument) doc = make_document ("同意接收张三同志为中共预备党员。");
  g_autoptr (ZbDocument) changed = make_document ("同意接收李四同志为中共预备党员。");
  g_autofree char *hash = record_print (db, doc);
  g_autofree char *changed_hash = zb_document_dup_content_hash (changed);
  g_autofree char *qr = zb_document_dup_verification_text (doc);
  const char *number = zb_document_get_number (doc);
  CliResult *result;

  g_assert_cmpstr (number, !=, NULL);

  /* The real hash: accepted. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", number, hash, NULL);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, number));
  g_assert_nonnull (strstr (result->out, "支部大会决议"));
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  /* What a phone's QR scanner reads, as one argument. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", qr, NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);

  /* Changed content: refused, one line. */
  result
      = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", number, changed_hash, NULL);
  cli_assert_status (result, 5);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "changed"));
  g_assert_cmpstr (result->out, ==, "");
  cli_result_free (result);

  /* A number never printed. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", "ZB-2026-999999", hash,
                     NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "ZB-2026-999999"));
  cli_result_free (result);

  /* A mistyped hash is a wrong command line, not a changed copy. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", number, "abc123", NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);

  /* Wrong command lines. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", number, NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
}

static void
test_recovery_sheet (void)
{
  g_autofree char *dir = cli_test_new_dir ("recovery-sheet");
  g_autofree char *db = init_keyring_workspace (dir);
  g_autofree char *pdf = g_build_filename (dir, "恢复密钥单.pdf", NULL);
  g_autofree char *key_hex = NULL;
  g_autofree char *text = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) opened = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  CliResult *result;
  GStatBuf st;
  int n_pages;

  result = cli_runv ("--db", db, "print", "recovery-sheet", "-o", pdf, NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
  text = pdf_file_text (pdf, &n_pages);
  g_assert_nonnull (strstr (text, "恢复密钥单"));
  g_assert_nonnull (strstr (text, "单位名称：" ORG_NAME));
  g_assert_nonnull (strstr (text, "zhibu-clirecover--db"));

  /* The printed groups are the key: they open the workspace. */
  key_hex = sheet_key (pdf);
  key = zb_secret_new_from_hex (key_hex, &error);
  g_assert_no_error (error);
  opened = zb_database_open (db, key, &error);
  g_assert_no_error (error);

  /* The export is in the audit log, with the sheet's number but not the key. */
  stmt = _zb_database_prepare (opened,
                               "SELECT after_json FROM audit_log WHERE action = 'export'"
                               " AND entity = 'recovery_sheet'",
                               NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 0), "ZB-KEY-"));
  g_assert_null (strstr ((const char *)sqlite3_column_text (stmt, 0), key_hex));
  sqlite3_reset (stmt);

  /* The print log knows the sheet's number and the hash of what it says, so
   * that verify-print can check it: the hash of the same sheet made here. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (ZbDocument) same
        = zb_recovery_sheet_new (ORG_NAME, zb_database_get_uuid (opened), now, key);
    g_autoptr (ZbDocument) other
        = zb_recovery_sheet_new ("中共别的支部委员会", zb_database_get_uuid (opened), now, key);
    g_autofree char *hash = zb_document_dup_content_hash (same);
    g_autofree char *other_hash = zb_document_dup_content_hash (other);
    g_autofree char *number = g_strdup (zb_document_get_number (same));

    stmt = _zb_database_prepare (opened,
                                 "SELECT number, content_hash, pages FROM print_record"
                                 " WHERE kind = 'recovery_sheet'",
                                 NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, number);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, hash);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_reset (stmt);
    zb_database_close (opened);

    result = cli_runv ("--db", db, "verify-print", number, hash, NULL);
    cli_assert_status (result, 0);
    g_assert_nonnull (strstr (result->out, number));
    g_assert_nonnull (strstr (result->out, "恢复密钥单"));
    cli_result_free (result);

    /* Another sheet under its number is not this one. */
    result = cli_runv ("--db", db, "verify-print", number, other_hash, NULL);
    cli_assert_status (result, 5);
    cli_assert_one_error_line (result);
    cli_result_free (result);

    /* Printed again: still one row, and still verified. */
    result = cli_runv ("--db", db, "print", "recovery-sheet", "-o", pdf, NULL);
    cli_assert_status (result, 0);
    cli_result_free (result);
    result = cli_runv ("--db", db, "verify-print", number, hash, NULL);
    cli_assert_status (result, 0);
    cli_result_free (result);
  }

  /* -o is required. */
  result = cli_runv ("--db", db, "print", "recovery-sheet", NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
}

/* A passphrase workspace has no key to print: said in one line, no file. */
static void
test_recovery_sheet_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("recovery-sheet-pw");
  g_autofree char *pw = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr (CliResult) result = NULL;

  result
      = cli_runv ("--db", db, "--passphrase-file", pw, "print", "recovery-sheet", "-o", pdf, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "passphrase"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_recover (void)
{
  g_autofree char *dir = cli_test_new_dir ("recover");
  g_autofree char *db = init_keyring_workspace (dir);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *key_hex = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *wrong_file = NULL;
  g_autofree char *garbage_file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CliResult *result;

  result = cli_runv ("--db", db, "print", "recovery-sheet", "-o", pdf, NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
  key_hex = sheet_key (pdf);
  key_file = write_key_file (dir, "key.txt", key_hex);
  wrong_file = write_key_file (dir, "wrong.txt",
                               "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF");
  garbage_file = cli_test_write_file (dir, "garbage.txt", "1234 5678 not a key\n");

  lose_keyring ();
  assert_status_line (db, NULL, 3);
  before = cli_test_checksum_file (db);

  /* A wrong key is refused and the file is left as it was. */
  result = cli_runv ("--db", db, "recover", "--key-file", wrong_file, NULL);
  cli_assert_status (result, 3);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "recovery key"));
  cli_result_free (result);
  result = cli_runv ("--db", db, "recover", "--key-file", garbage_file, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  cli_result_free (result);
  result = cli_runv ("--db", db, "recover", NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
  assert_status_line (db, NULL, 3);

  /* The printed key opens it, and puts the key back into the keyring. */
  result = cli_runv ("--db", db, "recover", "--key-file", key_file, NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);
  assert_status_line (db, NULL, 0);

  /* And the recovery is in the audit log, whose chain still holds. */
  result = cli_runv ("--db", db, "verify", NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
}

/* Recovering onto a passphrase: the passphrase opens it, the printed key no
 * longer does. */
static void
test_recover_to_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("recover-pw");
  g_autofree char *db = init_keyring_workspace (dir);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autofree char *key_hex = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *new_pw = cli_test_write_file (dir, "new-pw", NEW_PASSPHRASE "\n");
  g_autofree char *short_pw = cli_test_write_file (dir, "short-pw", "1234\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CliResult *result;

  result = cli_runv ("--db", db, "print", "recovery-sheet", "-o", pdf, NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
  key_hex = sheet_key (pdf);
  key_file = write_key_file (dir, "key.txt", key_hex);
  lose_keyring ();

  /* A passphrase too short is refused before the file is touched. */
  before = cli_test_checksum_file (db);
  result = cli_runv ("--db", db, "recover", "--key-file", key_file, "--new-passphrase-file",
                     short_pw, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  cli_result_free (result);
  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);

  /* The global --passphrase-file means the same here: the key opens it. */
  result
      = cli_runv ("--db", db, "--passphrase-file", new_pw, "recover", "--key-file", key_file, NULL);
  cli_assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);

  assert_status_line (db, new_pw, 0);
  result = cli_runv ("--db", db, "recover", "--key-file", key_file, NULL);
  cli_assert_status (result, 3);
  cli_assert_one_error_line (result);
  cli_result_free (result);
}

/* `print roster`: the 党员名册 of the workspace as a PDF with every member,
 * numbered and recorded in the print log. */
static void
test_roster (void)
{
  g_autofree char *dir = cli_test_new_dir ("roster");
  g_autofree char *pw = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw);
  g_autofree char *pdf = g_build_filename (dir, "roster.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (CliResult) result = NULL;
  g_autoptr (CliResult) list = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_names = 0;
  int n_pages = 0;

  result = cli_runv ("--db", db, "--passphrase-file", pw, "demo", "--members", "30", NULL);
  cli_assert_status (result, 0);
  g_clear_pointer (&result, cli_result_free);

  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "roster", "-o", pdf, NULL);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, "ZB-"));

  text = pdf_file_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  g_assert_nonnull (strstr (text, "党员名册"));
  g_assert_nonnull (strstr (text, "共30名党员"));

  /* Every member `members list` shows, by name. */
  list = cli_runv ("--db", db, "--passphrase-file", pw, "members", "list", "--json", NULL);
  cli_assert_status (list, 0);
  lines = g_strsplit (list->out, "\"name\" : ", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (lines[i], "\"", 3);

      g_assert_nonnull (strstr (text, parts[1]));
      n_names++;
    }
  g_assert_cmpuint (n_names, ==, 30);
}

/* One member of `members list --json --reveal`. */
typedef struct
{
  char *uuid;
  char *name;
  char *id_number;
  char *branch;
} Listed;

static void
listed_free (Listed *m)
{
  g_free (m->uuid);
  g_free (m->name);
  g_free (m->id_number);
  g_free (m->branch);
  g_free (m);
}

static GPtrArray *
list_members (const char *db, const char *pw)
{
  g_autoptr (CliResult) list = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify)listed_free);
  JsonArray *array;

  list = cli_runv ("--db", db, "--passphrase-file", pw, "members", "list", "--json", "--reveal",
                   NULL);
  cli_assert_status (list, 0);
  g_assert_true (json_parser_load_from_data (parser, list->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      Listed *m = g_new0 (Listed, 1);

      m->uuid = g_strdup (json_object_get_string_member (o, "uuid"));
      m->name = g_strdup (json_object_get_string_member (o, "name"));
      m->id_number = g_strdup (json_object_get_string_member (o, "id_number"));
      m->branch = g_strdup (json_object_get_string_member_with_default (o, "branch", ""));
      g_ptr_array_add (members, m);
    }
  return members;
}

/* The number and content hash of every member sheet in the print log. */
static GPtrArray *
sheet_records (const char *db_path)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_open (db_path, secret, &error);
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (GPtrArray) all = NULL;
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_print_record_free);

  g_assert_no_error (error);
  log = zb_print_log_new (db);
  all = zb_print_log_list (log, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((ZbPrintRecord *)all->pdata[i])->kind, "member_sheet"))
      g_ptr_array_add (sheets, g_steal_pointer (&all->pdata[i]));
  zb_database_close (db);
  return sheets;
}

/* `print member-sheet`: one member's 党员基本信息表, by ID number or uuid;
 * `print member-sheets`: every member's, or a branch's, in one PDF, each
 * sheet numbered and recorded. */
static void
test_member_sheets (void)
{
  g_autofree char *dir = cli_test_new_dir ("member-sheets");
  g_autofree char *pw = NULL;
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, &pw);
  g_autofree char *one = g_build_filename (dir, "one.pdf", NULL);
  g_autofree char *all = g_build_filename (dir, "all.pdf", NULL);
  g_autofree char *part = g_build_filename (dir, "branch.pdf", NULL);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower_id = NULL;
  CliResult *result;
  Listed *first, *last;
  guint in_branch = 0;
  int n_pages = 0;

  result = cli_runv ("--db", db, "--passphrase-file", pw, "demo", "--members", "20", "--branches",
                     "2", NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
  members = list_members (db, pw);
  g_assert_cmpuint (members->len, ==, 20);
  first = members->pdata[0];
  last = members->pdata[members->len - 1];

  /* By ID number (any case of x), with the number in full on paper. */
  lower_id = g_ascii_strdown (first->id_number, -1);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheet", "--id-number",
                     lower_id, "-o", one, NULL);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, "ZB-"));
  g_assert_cmpstr (result->err, ==, "");
  cli_result_free (result);
  text = pdf_file_text (one, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "党员基本信息表"));
  g_assert_nonnull (strstr (text, first->name));
  g_assert_nonnull (strstr (text, first->id_number));
  g_assert_nonnull (strstr (text, "本人签字"));
  g_clear_pointer (&text, g_free);

  /* By uuid. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheet", "--uuid",
                     last->uuid, "-o", one, NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
  text = pdf_file_text (one, &n_pages);
  g_assert_nonnull (strstr (text, last->name));
  g_assert_nonnull (strstr (text, last->id_number));
  g_clear_pointer (&text, g_free);

  /* Everyone, one sheet each, in the roster's order. */
  result
      = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheets", "-o", all, NULL);
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, "20"));
  cli_result_free (result);
  text = pdf_file_text (all, &n_pages);
  g_assert_cmpint (n_pages, >=, 20);
  g_assert_cmpuint (count_text (text, "填表日期"), ==, 20);
  for (guint i = 0; i < members->len; i++)
    g_assert_nonnull (strstr (text, ((Listed *)members->pdata[i])->id_number));
  g_assert_true (strstr (text, first->id_number) < strstr (text, last->id_number));
  g_clear_pointer (&text, g_free);

  /* Each sheet under its own number in the print log: 2 single + 20. */
  records = sheet_records (db);
  g_assert_cmpuint (records->len, ==, 22);
  {
    ZbPrintRecord *r = records->pdata[0];

    result = cli_runv ("--db", db, "--passphrase-file", pw, "verify-print", r->number,
                       r->content_hash, NULL);
    cli_assert_status (result, 0);
    g_assert_nonnull (strstr (result->out, "党员基本信息表"));
    cli_result_free (result);
  }

  /* A branch's members only. */
  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (((Listed *)members->pdata[i])->branch, first->branch))
      in_branch++;
  g_assert_cmpuint (in_branch, <, 20);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheets", "--branch",
                     first->branch, "-o", part, NULL);
  cli_assert_status (result, 0);
  cli_result_free (result);
  text = pdf_file_text (part, &n_pages);
  g_assert_cmpuint (count_text (text, "填表日期"), ==, in_branch);
  for (guint i = 0; i < members->len; i++)
    {
      Listed *m = members->pdata[i];

      g_assert_true ((strstr (text, m->id_number) != NULL)
                     == g_str_equal (m->branch, first->branch));
    }

  /* Refused, in one line: nobody named, two named, nobody found, no such
   * branch, no file. */
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheet", "-o", one, NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheet", "--uuid",
                     first->uuid, "--id-number", first->id_number, "-o", one, NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheet", "--id-number",
                     "11010519491231002X", "-o", one, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  cli_result_free (result);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheets", "--branch",
                     "没有这个支部", "-o", part, NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "没有这个支部"));
  cli_result_free (result);
  result = cli_runv ("--db", db, "--passphrase-file", pw, "print", "member-sheets", NULL);
  cli_assert_status (result, 2);
  cli_result_free (result);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/print/verify-print", test_verify_print);
  g_test_add_func ("/cli/print/recovery-sheet", test_recovery_sheet);
  g_test_add_func ("/cli/print/recovery-sheet-passphrase", test_recovery_sheet_passphrase);
  g_test_add_func ("/cli/print/roster", test_roster);
  g_test_add_func ("/cli/print/member-sheets", test_member_sheets);
  g_test_add_func ("/cli/print/recover", test_recover);
  g_test_add_func ("/cli/print/recover-to-passphrase", test_recover_to_passphrase);

  return g_test_run ();
}
