/* test-print-log.c — document numbers per year, print records, verification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../unit/zb-test-util.h"
#include "render-samples.h"
#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-print-log.h"

#define PASSPHRASE "print log passphrase"

typedef struct
{
  char *path;
  ZbDatabase *db;
  ZbPrintLog *log;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);

  f->path = zb_test_path ("print-log.db");
  f->db = zb_test_create_workspace (f->path, secret, NULL);
  f->log = zb_print_log_new (f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->log);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  g_free (f->path);
}

static GDateTime *
date_in (int year)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");

  return g_date_time_new (tz, year, 3, 15, 10, 0, 0);
}

/* A small numbered form whose content depends on @text. */
static ZbDocument *
make_document (ZbPrintLog *log, int year, const char *text)
{
  g_autoptr (GDateTime) date = date_in (year);
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (GError) error = NULL;

  zb_document_set_title (doc, "测试文书");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "测试文书");
  zb_document_add_paragraph (doc, text);
  if (log != NULL)
    {
      g_assert_true (zb_print_log_number_document (log, doc, &error));
      g_assert_no_error (error);
    }
  return g_steal_pointer (&doc);
}

static void
record (Fixture *f, ZbDocument *doc, ZbPrintDestination destination)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_print_log_record (f->log, doc, "test", 1, destination, &error));
  g_assert_no_error (error);
}

static char *
next_number (Fixture *f, int year)
{
  g_autoptr (GDateTime) date = date_in (year);
  g_autoptr (GError) error = NULL;
  char *number = zb_print_log_dup_next_number (f->log, date, &error);

  g_assert_no_error (error);
  return number;
}

static gint64
count (Fixture *f, const char *sql)
{
  sqlite3_stmt *stmt = _zb_database_prepare (f->db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
test_numbers_per_year (Fixture *f, gconstpointer data)
{
  g_autofree char *first = next_number (f, 2026);
  g_autofree char *again = next_number (f, 2026);
  g_autofree char *second = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *after_other = NULL;
  g_autoptr (ZbDocument) a = NULL;
  g_autoptr (ZbDocument) b = NULL;
  g_autoptr (ZbDocument) c = NULL;

  g_assert_cmpstr (first, ==, "ZB-2026-000001");
  /* Asking does not reserve. */
  g_assert_cmpstr (again, ==, "ZB-2026-000001");

  a = make_document (f->log, 2026, "第一份");
  g_assert_cmpstr (zb_document_get_number (a), ==, "ZB-2026-000001");
  record (f, a, ZB_PRINT_DESTINATION_PDF);
  second = next_number (f, 2026);
  g_assert_cmpstr (second, ==, "ZB-2026-000002");

  /* Each year counts from one. */
  other_year = next_number (f, 2027);
  g_assert_cmpstr (other_year, ==, "ZB-2027-000001");
  c = make_document (f->log, 2027, "下一年");
  g_assert_cmpstr (zb_document_get_number (c), ==, "ZB-2027-000001");
  record (f, c, ZB_PRINT_DESTINATION_PRINTER);

  b = make_document (f->log, 2026, "第二份");
  g_assert_cmpstr (zb_document_get_number (b), ==, "ZB-2026-000002");
  record (f, b, ZB_PRINT_DESTINATION_PRINTER);
  after_other = next_number (f, 2026);
  g_assert_cmpstr (after_other, ==, "ZB-2026-000003");

  g_assert_cmpint (count (f, "SELECT count(*) FROM print_record"), ==, 3);
}

/* A number is used once: the second record with it is refused, whole. */
static void
test_number_taken (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) a = make_document (f->log, 2026, "甲");
  g_autoptr (ZbDocument) b = make_document (f->log, 2026, "乙");
  g_autoptr (GError) error = NULL;
  gint64 audit_rows;

  g_assert_cmpstr (zb_document_get_number (a), ==, zb_document_get_number (b));
  record (f, a, ZB_PRINT_DESTINATION_PDF);
  audit_rows = count (f, "SELECT count(*) FROM audit_log");

  g_assert_false (zb_print_log_record (f->log, b, "test", 1, ZB_PRINT_DESTINATION_PDF, &error));
  g_assert_error (error, ZB_PRINT_LOG_ERROR, ZB_PRINT_LOG_ERROR_NUMBER_TAKEN);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audit_rows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM print_record"), ==, 1);
  g_clear_error (&error);

  /* Without a number nothing is recorded. */
  {
    g_autoptr (ZbDocument) bare = make_document (NULL, 2026, "丙");

    g_assert_false (
        zb_print_log_record (f->log, bare, "test", 1, ZB_PRINT_DESTINATION_PDF, &error));
    g_assert_error (error, ZB_PRINT_LOG_ERROR, ZB_PRINT_LOG_ERROR_NO_NUMBER);
  }
}

static ZbPrintVerifyResult
verify (Fixture *f, const char *number, const char *hash, ZbPrintRecord **found)
{
  g_autoptr (GError) error = NULL;
  ZbPrintVerifyResult result = -1;

  g_assert_true (zb_print_log_verify (f->log, number, hash, &result, found, &error));
  g_assert_no_error (error);
  return result;
}

static void
test_verify (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) doc = make_document (f->log, 2026, "支部大会于2026年3月15日召开。");
  g_autoptr (ZbDocument) changed = make_document (NULL, 2026, "支部大会于2026年3月16日召开。");
  g_autofree char *hash = zb_document_dup_content_hash (doc);
  g_autofree char *changed_hash = zb_document_dup_content_hash (changed);
  g_autofree char *upper = g_ascii_strup (hash, -1);
  g_autofree char *spaced = NULL;
  g_autofree char *lower_number = g_ascii_strdown (zb_document_get_number (doc), -1);
  g_autofree char *qr = zb_document_dup_verification_text (doc);
  g_autofree char *qr_number = NULL;
  g_autofree char *qr_hash = NULL;
  g_autoptr (ZbPrintRecord) found = NULL;
  ZbPrintRecord *none = (ZbPrintRecord *)0x1;

  g_assert_cmpstr (hash, !=, changed_hash);
  record (f, doc, ZB_PRINT_DESTINATION_PRINTER);

  g_assert_cmpint (verify (f, zb_document_get_number (doc), hash, &found), ==,
                   ZB_PRINT_VERIFY_MATCHES);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->number, ==, "ZB-2026-000001");
  g_assert_cmpstr (found->kind, ==, "test");
  g_assert_cmpstr (found->title, ==, "测试文书");
  g_assert_cmpstr (found->content_hash, ==, hash);
  g_assert_cmpuint (found->pages, ==, 1);
  g_assert_cmpint (found->destination, ==, ZB_PRINT_DESTINATION_PRINTER);
  g_assert_cmpstr (found->actor, ==, g_get_user_name ());

  /* Typed by hand: any case, stray spaces. */
  spaced = g_strdup_printf ("  %.*s %s ", 10, upper, upper + 10);
  g_assert_cmpint (verify (f, lower_number, spaced, NULL), ==, ZB_PRINT_VERIFY_MATCHES);

  /* What a phone's QR scanner reads. */
  g_assert_true (zb_print_parse_verification_text (qr, &qr_number, &qr_hash));
  g_assert_cmpstr (qr_number, ==, zb_document_get_number (doc));
  g_assert_cmpint (verify (f, qr_number, qr_hash, NULL), ==, ZB_PRINT_VERIFY_MATCHES);
  g_assert_false (zb_print_parse_verification_text ("ZB-2026-000001", NULL, NULL));
  g_assert_false (zb_print_parse_verification_text ("XX|ZB-2026-000001|abc", NULL, NULL));
  g_assert_false (zb_print_parse_verification_text ("ZB1||abc", NULL, NULL));

  g_assert_cmpint (verify (f, zb_document_get_number (doc), changed_hash, NULL), ==,
                   ZB_PRINT_VERIFY_HASH_DIFFERS);
  g_assert_cmpint (verify (f, "ZB-2026-000999", hash, &none), ==, ZB_PRINT_VERIFY_UNKNOWN_NUMBER);
  g_assert_null (none);
}

/* Every record is an audit row in the same chain, saying what was printed but
 * not its text. */
static void
test_audit_rows (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbDocument) a
      = make_document (f->log, 2026, "身份证号 110105194912310021 不应进入审计");
  g_autoptr (ZbDocument) b = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = zb_document_dup_content_hash (a);
  sqlite3_stmt *stmt;
  gint64 n_rows = 0, broken = 0;
  guint seen = 0;

  record (f, a, ZB_PRINT_DESTINATION_PDF);
  b = make_document (f->log, 2026, "第二份");
  record (f, b, ZB_PRINT_DESTINATION_PRINTER);

  stmt = _zb_database_prepare (f->db,
                               "SELECT action, record_uuid, after_json FROM audit_log"
                               " WHERE entity = 'print_record' ORDER BY seq",
                               NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *action = (const char *)sqlite3_column_text (stmt, 0);
      const char *json = (const char *)sqlite3_column_text (stmt, 2);

      g_assert_cmpstr (action, ==, seen == 0 ? "export" : "print");
      g_assert_nonnull (sqlite3_column_text (stmt, 1));
      g_assert_nonnull (strstr (json, seen == 0 ? "ZB-2026-000001" : "ZB-2026-000002"));
      g_assert_nonnull (strstr (json, seen == 0 ? "\"pdf\"" : "\"printer\""));
      if (seen == 0)
        g_assert_nonnull (strstr (json, hash));
      g_assert_null (strstr (json, "110105194912310021"));
      seen++;
    }
  sqlite3_reset (stmt);
  g_assert_cmpuint (seen, ==, 2);

  g_assert_true (zb_audit_verify (f->db, &n_rows, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, >=, 2);
}

/* The recovery sheet keeps its own number however often it is printed: an
 * audit row for each print, and one row in the print log (the last print),
 * so that a printed sheet can be checked. Never the key, in either. */
static void
test_record_fixed (Fixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();
  g_autoptr (ZbDocument) sheet = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
  g_autoptr (ZbDocument) renamed
      = zb_recovery_sheet_new ("中共改名后的支部委员会", SAMPLE_UUID, date, key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbPrintRecord) found = NULL;
  g_autofree char *grouped = zb_secret_dup_grouped_hex (key);
  g_autofree char *hash = zb_document_dup_content_hash (sheet);
  g_autofree char *renamed_hash = zb_document_dup_content_hash (renamed);
  g_autofree char *next = NULL;
  ZbPrintVerifyResult result;
  sqlite3_stmt *stmt;

  /* Unknown before it is printed. */
  g_assert_true (zb_print_log_verify (f->log, "ZB-KEY-5C2F8E1A", hash, &result, NULL, &error));
  g_assert_cmpint (result, ==, ZB_PRINT_VERIFY_UNKNOWN_NUMBER);

  for (int i = 0; i < 2; i++)
    {
      g_assert_true (zb_print_log_record_fixed (
          f->log, sheet, "recovery_sheet", 1,
          i == 0 ? ZB_PRINT_DESTINATION_PDF : ZB_PRINT_DESTINATION_PRINTER, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM print_record"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'recovery_sheet'"
                             " AND action IN ('export', 'print')"),
                   ==, 2);

  /* Verification knows it now (in any case, as typed off the paper), with the
   * last print's details … */
  g_assert_true (zb_print_log_verify (f->log, "zb-key-5c2f8e1a", hash, &result, &found, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, ZB_PRINT_VERIFY_MATCHES);
  g_assert_cmpstr (found->kind, ==, "recovery_sheet");
  g_assert_cmpstr (found->title, ==, "恢复密钥单");
  g_assert_cmpuint (found->pages, ==, 1);
  g_assert_cmpint (found->destination, ==, ZB_PRINT_DESTINATION_PRINTER);
  g_clear_pointer (&found, zb_print_record_free);

  /* … and a sheet with other content under its number is told apart. */
  g_assert_cmpstr (hash, !=, renamed_hash);
  g_assert_true (
      zb_print_log_verify (f->log, "ZB-KEY-5C2F8E1A", renamed_hash, &result, NULL, &error));
  g_assert_cmpint (result, ==, ZB_PRINT_VERIFY_HASH_DIFFERS);

  /* The sheet's number does not count in the numbers of the year. */
  next = zb_print_log_dup_next_number (f->log, date, &error);
  g_assert_cmpstr (next, ==, "ZB-2026-000001");

  /* Never the key itself, nor its groups, in the audit log or the print log. */
  stmt = _zb_database_prepare (
      f->db,
      "SELECT after_json FROM audit_log WHERE entity = 'recovery_sheet'"
      " UNION ALL SELECT uuid || number || kind || title || content_hash || pages || printed_at"
      " || actor || destination FROM print_record",
      NULL);
  for (int n = 0; sqlite3_step (stmt) == SQLITE_ROW; n++)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);
      g_autofree char *upper = g_ascii_strup (text, -1);

      g_assert_nonnull (strstr (text, "ZB-KEY-5C2F8E1A"));
      g_assert_null (strstr (upper, "3F9A2C7E51B04D88"));
      g_assert_null (strstr (text, grouped));
      g_assert_null (strstr (upper, "3F9A"));
    }
  sqlite3_reset (stmt);
  zb_secret_wipe_string (grouped);
  grouped = NULL;
}

/* A batch gets consecutive numbers from the next free one. */
static void
test_number_documents (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr (ZbDocument) doc = make_document (f->log, 2026, "已打印");

      record (f, doc, ZB_PRINT_DESTINATION_PDF);
    }
  for (int i = 0; i < 3; i++)
    g_ptr_array_add (docs, make_document (NULL, 2026, "批量"));

  g_assert_true (zb_print_log_number_documents (f->log, docs, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (zb_document_get_number (docs->pdata[0]), ==, "ZB-2026-000003");
  g_assert_cmpstr (zb_document_get_number (docs->pdata[1]), ==, "ZB-2026-000004");
  g_assert_cmpstr (zb_document_get_number (docs->pdata[2]), ==, "ZB-2026-000005");

  /* An empty batch is no error. */
  g_ptr_array_set_size (docs, 0);
  g_assert_true (zb_print_log_number_documents (f->log, docs, &error));
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) one = NULL;
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%d份", i + 1);
      g_autoptr (ZbDocument) doc = make_document (f->log, 2026, text);

      record (f, doc, ZB_PRINT_DESTINATION_PDF);
    }

  all = zb_print_log_list (f->log, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (((ZbPrintRecord *)all->pdata[0])->number, ==, "ZB-2026-000003");

  one = zb_print_log_list (f->log, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
}

/* The table comes with the schema, and shows in the row counts. */
static void
test_schema (Fixture *f, gconstpointer data)
{
  g_autoptr (GArray) counts = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found = FALSE;

  counts = zb_database_count_rows (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    if (g_str_equal (g_array_index (counts, ZbTableCount, i).table, "print_record"))
      found = TRUE;
  g_assert_true (found);

  /* The destination is one of two words. */
  g_assert_false (_zb_database_exec (f->db,
                                     "INSERT INTO print_record (uuid, number, kind, title,"
                                     " content_hash, pages, printed_at, actor, destination)"
                                     " VALUES ('u', 'n', 'k', 't', 'h', 1, 'a', 'b', 'fax')",
                                     NULL));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/print-log/numbers-per-year", test_numbers_per_year);
  ADD ("/print-log/number-taken", test_number_taken);
  ADD ("/print-log/verify", test_verify);
  ADD ("/print-log/audit-rows", test_audit_rows);
  ADD ("/print-log/record-fixed", test_record_fixed);
  ADD ("/print-log/number-documents", test_number_documents);
  ADD ("/print-log/list", test_list);
  ADD ("/print-log/schema", test_schema);

#undef ADD

  return g_test_run ();
}
