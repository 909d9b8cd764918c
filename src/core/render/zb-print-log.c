/* zb-print-log.c — document numbers, and a record of every print and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-print-log.h"

struct _ZbPrintLog
{
  GObject parent_instance;

  ZbDatabase *db;
};

G_DEFINE_FINAL_TYPE (ZbPrintLog, zb_print_log, G_TYPE_OBJECT)

G_DEFINE_QUARK (zb - print - log - error - quark, zb_print_log_error)

#define NUMBER_PREFIX "ZB-"
/* "ZB-2026-": the digits after it start at character 9 (SQL counts from 1). */
#define NUMBER_DIGITS_AT 9

/* The range [?1, ?2) holds exactly the numbers of one year ('.' follows '-'),
 * so the UNIQUE index on number answers it. The digits are compared as numbers,
 * not text, so that a seventh digit (after 999,999 prints in one year) still
 * counts up. */
static const char SQL_MAX_NUMBER[]
    = "SELECT max(CAST(substr(number, 9) AS INTEGER)) FROM print_record"
      " WHERE number >= ?1 AND number < ?2";

static const char SQL_INSERT[]
    = "INSERT INTO print_record (uuid, number, kind, title, content_hash, pages, printed_at,"
      " actor, destination) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* A document with a number of its own (the recovery sheet) is printed again
 * under the same number: its row says what and when it was printed last. */
static const char SQL_UPSERT[]
    = "INSERT INTO print_record (uuid, number, kind, title, content_hash, pages, printed_at,"
      " actor, destination) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
      " ON CONFLICT (number) DO UPDATE SET kind = excluded.kind, title = excluded.title,"
      " content_hash = excluded.content_hash, pages = excluded.pages,"
      " printed_at = excluded.printed_at, actor = excluded.actor,"
      " destination = excluded.destination";

static const char SQL_BY_NUMBER[]
    = "SELECT uuid, number, kind, title, content_hash, pages, printed_at, actor, destination"
      " FROM print_record WHERE number = ?1";

static const char SQL_LIST[]
    = "SELECT uuid, number, kind, title, content_hash, pages, printed_at, actor, destination"
      " FROM print_record ORDER BY printed_at DESC, number DESC LIMIT ?1";

static void
zb_print_log_dispose (GObject *object)
{
  ZbPrintLog *self = ZB_PRINT_LOG (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (zb_print_log_parent_class)->dispose (object);
}

static void
zb_print_log_class_init (ZbPrintLogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zb_print_log_dispose;
}

static void
zb_print_log_init (ZbPrintLog *self)
{
}

ZbPrintLog *
zb_print_log_new (ZbDatabase *db)
{
  ZbPrintLog *self;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_PRINT_LOG, NULL);
  self->db = g_object_ref (db);
  return self;
}

void
zb_print_record_free (ZbPrintRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->uuid);
  g_free (record->number);
  g_free (record->kind);
  g_free (record->title);
  g_free (record->content_hash);
  g_free (record->printed_at);
  g_free (record->actor);
  g_free (record);
}

const char *
zb_print_destination_to_string (ZbPrintDestination destination)
{
  /* The values stored in print_record.destination; never translated. */
  return destination == ZB_PRINT_DESTINATION_PRINTER ? "printer" : "pdf";
}

static gboolean
check_open (ZbPrintLog *self, GError **error)
{
  if (zb_database_is_open (self->db))
    return TRUE;

  g_set_error_literal (error, ZB_PRINT_LOG_ERROR, ZB_PRINT_LOG_ERROR_FAILED,
                       _ ("The workspace is closed."));
  return FALSE;
}

char *
zb_print_log_dup_next_number (ZbPrintLog *self, GDateTime *date, GError **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;
  int year;

  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), NULL);

  if (!check_open (self, error))
    return NULL;

  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  year = g_date_time_get_year (date);
  low = g_strdup_printf (NUMBER_PREFIX "%04d-", year);
  high = g_strdup_printf (NUMBER_PREFIX "%04d.", year);

  stmt = _zb_database_prepare (self->db, SQL_MAX_NUMBER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, low, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, high, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _zb_database_set_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return g_strdup_printf ("%s%06" G_GINT64_FORMAT, low, last + 1);
}

gboolean
zb_print_log_number_document (ZbPrintLog *self, ZbDocument *document, GError **error)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), FALSE);
  g_return_val_if_fail (ZB_IS_DOCUMENT (document), FALSE);

  number = zb_print_log_dup_next_number (self, zb_document_get_print_date (document), error);
  if (number == NULL)
    return FALSE;
  zb_document_set_number (document, number);
  return TRUE;
}

gboolean
zb_print_log_number_documents (ZbPrintLog *self, GPtrArray *documents, GError **error)
{
  g_autofree char *first = NULL;
  const char *digits;
  gint64 next;

  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);

  if (documents->len == 0)
    return TRUE;

  first = zb_print_log_dup_next_number (
      self, zb_document_get_print_date (g_ptr_array_index (documents, 0)), error);
  if (first == NULL)
    return FALSE;

  /* "ZB-2026-" and the digits, counted on from the first. */
  digits = first + NUMBER_DIGITS_AT - 1;
  next = g_ascii_strtoll (digits, NULL, 10);
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *number
          = g_strdup_printf ("%.*s%06" G_GINT64_FORMAT, (int)(digits - first), first, next + i);

      zb_document_set_number (g_ptr_array_index (documents, i), number);
    }
  return TRUE;
}

/* What the audit row says about a print: never the document's text, which may
 * hold personal data, only what identifies it. */
static char *
dup_print_json (ZbDocument *document, const char *number, const char *kind, const char *hash,
                guint n_pages, ZbPrintDestination destination)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *title = zb_document_get_title (document);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_string_value (builder, number);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title != NULL ? title : "");
  json_builder_set_member_name (builder, "content_hash");
  json_builder_add_string_value (builder, hash);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, n_pages);
  json_builder_set_member_name (builder, "destination");
  json_builder_add_string_value (builder, zb_print_destination_to_string (destination));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
audit_action (ZbPrintDestination destination)
{
  return destination == ZB_PRINT_DESTINATION_PRINTER ? "print" : "export";
}

static gboolean
check_number (ZbDocument *document, GError **error)
{
  if (zb_document_get_number (document) != NULL && *zb_document_get_number (document) != '\0')
    return TRUE;

  g_set_error_literal (error, ZB_PRINT_LOG_ERROR, ZB_PRINT_LOG_ERROR_NO_NUMBER,
                       _ ("The document has no number."));
  return FALSE;
}

/* One row in print_record (@sql: SQL_INSERT, or SQL_UPSERT for a fixed
 * number) and one audit row, in one transaction. */
static gboolean
write_record (ZbPrintLog *self, const char *sql, ZbDocument *document, const char *kind,
              guint n_pages, ZbPrintDestination destination, const char *audit_entity,
              GError **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *json = NULL;
  const char *number;
  const char *title;
  const char *record_uuid;
  sqlite3_stmt *stmt;
  int rc;

  if (!check_open (self, error) || !check_number (document, error))
    return FALSE;

  number = zb_document_get_number (document);
  title = zb_document_get_title (document);
  uuid = _zb_new_uuid ();
  now = _zb_now_iso8601 ();
  /* The content hash leaves out secrets (zb_document_add_secret_key()): the
   * row of a recovery sheet holds its number and hash, never the key. */
  hash = zb_document_dup_content_hash (document);
  actor = g_utf8_make_valid (g_get_user_name (), -1);
  json = dup_print_json (document, number, kind, hash, n_pages, destination);

  if (!_zb_database_begin (self->db, error))
    return FALSE;

  stmt = _zb_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title != NULL ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, n_pages);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, zb_print_destination_to_string (destination), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      sqlite3 *handle = _zb_database_get_handle (self->db);

      if (sqlite3_extended_errcode (handle) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, ZB_PRINT_LOG_ERROR, ZB_PRINT_LOG_ERROR_NUMBER_TAKEN,
                     /* Translators: %s is a document number, e.g. ZB-2026-000123 */
                     _ ("The document number %s has already been used by another print."), number);
      else
        _zb_database_set_error (self->db, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  /* A fixed number's audit row belongs to the workspace (entity: the kind of
   * document), as it did before the print log knew these numbers. */
  record_uuid = audit_entity != NULL ? zb_database_get_uuid (self->db) : uuid;
  if (!zb_audit_append (self->db, audit_action (destination),
                        audit_entity != NULL ? audit_entity : "print_record", record_uuid, NULL,
                        json, error)
      || !_zb_database_commit (self->db, error))
    goto fail;

  return TRUE;

fail:
  _zb_database_rollback (self->db);
  return FALSE;
}

gboolean
zb_print_log_record (ZbPrintLog *self, ZbDocument *document, const char *kind, guint n_pages,
                     ZbPrintDestination destination, GError **error)
{
  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), FALSE);
  g_return_val_if_fail (ZB_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return write_record (self, SQL_INSERT, document, kind, n_pages, destination, NULL, error);
}

gboolean
zb_print_log_record_fixed (ZbPrintLog *self, ZbDocument *document, const char *kind, guint n_pages,
                           ZbPrintDestination destination, GError **error)
{
  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), FALSE);
  g_return_val_if_fail (ZB_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return write_record (self, SQL_UPSERT, document, kind, n_pages, destination, kind, error);
}

static ZbPrintRecord *
record_from_row (sqlite3_stmt *stmt)
{
  ZbPrintRecord *record = g_new0 (ZbPrintRecord, 1);

  record->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  record->number = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  record->kind = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  record->title = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  record->content_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  record->pages = (guint)sqlite3_column_int64 (stmt, 5);
  record->printed_at = g_strdup ((const char *)sqlite3_column_text (stmt, 6));
  record->actor = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
  record->destination = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 8), "printer") == 0
                            ? ZB_PRINT_DESTINATION_PRINTER
                            : ZB_PRINT_DESTINATION_PDF;
  return record;
}

/* Upper case without white space: "zb-2026-000123 " is what was meant. */
static char *
normalise (const char *text, gboolean upper)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, upper ? g_ascii_toupper (*p) : g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

gboolean
zb_print_log_verify (ZbPrintLog *self, const char *number, const char *hash,
                     ZbPrintVerifyResult *result, ZbPrintRecord **record, GError **error)
{
  g_autofree char *wanted_number = NULL;
  g_autofree char *wanted_hash = NULL;
  g_autoptr (ZbPrintRecord) found = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), FALSE);
  g_return_val_if_fail (number != NULL, FALSE);
  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  if (record != NULL)
    *record = NULL;
  if (!check_open (self, error))
    return FALSE;

  wanted_number = normalise (number, TRUE);
  wanted_hash = normalise (hash, FALSE);

  stmt = _zb_database_prepare (self->db, SQL_BY_NUMBER, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, wanted_number, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = record_from_row (stmt);
  else if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (self->db, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (found == NULL)
    *result = ZB_PRINT_VERIFY_UNKNOWN_NUMBER;
  else if (g_strcmp0 (found->content_hash, wanted_hash) == 0)
    *result = ZB_PRINT_VERIFY_MATCHES;
  else
    *result = ZB_PRINT_VERIFY_HASH_DIFFERS;

  if (record != NULL)
    *record = g_steal_pointer (&found);
  return TRUE;
}

GPtrArray *
zb_print_log_list (ZbPrintLog *self, guint limit, GError **error)
{
  g_autoptr (GPtrArray) records = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_PRINT_LOG (self), NULL);

  if (!check_open (self, error))
    return NULL;

  stmt = _zb_database_prepare (self->db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (sqlite3_int64)limit : -1);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_print_record_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (self->db, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return g_steal_pointer (&records);
}

gboolean
zb_print_parse_verification_text (const char *text, char **number, char **hash)
{
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "|", -1);
  if (g_strv_length (parts) != 3
      || !g_str_equal (g_strstrip (parts[0]), ZB_DOCUMENT_VERIFICATION_PREFIX))
    return FALSE;

  g_strstrip (parts[1]);
  g_strstrip (parts[2]);
  if (parts[1][0] == '\0' || parts[2][0] == '\0')
    return FALSE;

  if (number != NULL)
    *number = g_strdup (parts[1]);
  if (hash != NULL)
    *hash = g_strdup (parts[2]);
  return TRUE;
}
