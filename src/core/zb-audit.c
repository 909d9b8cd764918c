/* zb-audit.c — the hash-chained audit log every change is written to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-audit"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-database-private.h"

/* The prev_hash of the first row, and audit_head's last_hash while the log is
 * empty. The schema migration writes the same value into audit_head. */
#define ZB_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* Bumped only if the serialisation below ever changes; it is hashed too, so that
 * rows written under one scheme can never verify under another. */
#define ZB_AUDIT_HASH_SCHEME "zhibu-audit-v1"

static const char SQL_READ_HEAD[] = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";

static const char SQL_INSERT_ROW[]
    = "INSERT INTO audit_log (seq, at, actor, action, entity, record_uuid, before_json,"
      " after_json, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

static const char SQL_MOVE_HEAD[]
    = "UPDATE audit_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1";

/* One statement reads the rows and the head, so both come from the same snapshot
 * even if another connection appends while we walk. The head comes last (kind 1). */
static const char SQL_READ_CHAIN[]
    = "SELECT 0 AS kind, seq, at, actor, action, entity, record_uuid, before_json, after_json,"
      " prev_hash, hash FROM audit_log"
      " UNION ALL"
      " SELECT 1, last_seq, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, last_hash"
      " FROM audit_head WHERE id = 1"
      " ORDER BY kind, seq";

/* One field of a row as it is hashed. NULL (SQL NULL) and "" are different
 * values, and a field may in principle hold any bytes, so it carries a length. */
typedef struct
{
  const char *data; /* NULL for SQL NULL */
  gsize len;
} AuditField;

typedef enum
{
  FIELD_AT,
  FIELD_ACTOR,
  FIELD_ACTION,
  FIELD_ENTITY,
  FIELD_RECORD_UUID,
  FIELD_BEFORE_JSON,
  FIELD_AFTER_JSON,
  FIELD_PREV_HASH,
  N_FIELDS
} AuditFieldIndex;

static AuditField
field_from_string (const char *str)
{
  AuditField field = { str, str != NULL ? strlen (str) : 0 };

  return field;
}

/* Feeds one field as `N;` for NULL or `S<byte length>:<bytes>;`. With the length
 * in front, no choice of field contents can be read back as a different split
 * into fields: moving text from one field to the next changes the hash. */
static void
checksum_add_field (GChecksum *checksum, const AuditField *field)
{
  char prefix[32];

  if (field->data == NULL)
    {
      g_checksum_update (checksum, (const guchar *)"N;", 2);
      return;
    }

  g_snprintf (prefix, sizeof prefix, "S%" G_GSIZE_FORMAT ":", field->len);
  g_checksum_update (checksum, (const guchar *)prefix, strlen (prefix));
  g_checksum_update (checksum, (const guchar *)field->data, field->len);
  g_checksum_update (checksum, (const guchar *)";", 1);
}

/* SHA-256, as 64 lower-case hex digits, of the scheme name, the sequence number
 * and every field in a fixed order. */
static char *
compute_row_hash (gint64 seq, const AuditField fields[N_FIELDS])
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);
  AuditField scheme = field_from_string (ZB_AUDIT_HASH_SCHEME);
  AuditField seq_field = field_from_string (seq_text);

  checksum_add_field (checksum, &scheme);
  checksum_add_field (checksum, &seq_field);
  for (guint i = 0; i < N_FIELDS; i++)
    checksum_add_field (checksum, &fields[i]);

  return g_strdup (g_checksum_get_string (checksum));
}

/* A strict RFC 8259 syntax check. json-glib 1.6 alone is too lenient for text
 * that other tools must read years from now: it accepts `var x = {…}`, comments,
 * single quotes, `[01]`, hex numbers, raw tabs in strings and several documents
 * one after another. */

/* Deep enough for any record; bounded so that "[[[[…" cannot exhaust the stack. */
#define JSON_MAX_DEPTH 64

static const char *json_value (const char *p, guint depth);

static const char *
json_skip_ws (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static const char *
json_string (const char *p)
{
  if (*p++ != '"')
    return NULL;

  for (;;)
    {
      guchar c = *p++;

      if (c == '"')
        return p;
      if (c < 0x20) /* control characters, and the end of the text */
        return NULL;
      if (c != '\\')
        continue;

      c = *p++;
      if (c == 'u')
        {
          for (guint i = 0; i < 4; i++)
            if (!g_ascii_isxdigit (*p++))
              return NULL;
        }
      else if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
        return NULL;
    }
}

static const char *
json_digits (const char *p)
{
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  return p;
}

static const char *
json_number (const char *p)
{
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if ((p = json_digits (p)) == NULL)
    return NULL;

  if (*p == '.' && (p = json_digits (p + 1)) == NULL)
    return NULL;

  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      p = json_digits (p);
    }
  return p;
}

/* Elements of an array (@close = ']') or members of an object (@close = '}'),
 * after the opening bracket. */
static const char *
json_container (const char *p, char close, guint depth)
{
  p = json_skip_ws (p);
  if (*p == close)
    return p + 1;

  for (;;)
    {
      if (close == '}')
        {
          if ((p = json_string (p)) == NULL)
            return NULL;
          p = json_skip_ws (p);
          if (*p++ != ':')
            return NULL;
        }
      if ((p = json_value (p, depth + 1)) == NULL)
        return NULL;
      p = json_skip_ws (p);
      if (*p == close)
        return p + 1;
      if (*p++ != ',')
        return NULL;
      p = json_skip_ws (p);
    }
}

static const char *
json_value (const char *p, guint depth)
{
  if (depth > JSON_MAX_DEPTH)
    return NULL;

  p = json_skip_ws (p);
  switch (*p)
    {
    case '{':
      return json_container (p + 1, '}', depth);
    case '[':
      return json_container (p + 1, ']', depth);
    case '"':
      return json_string (p);
    case 't':
      return g_str_has_prefix (p, "true") ? p + 4 : NULL;
    case 'f':
      return g_str_has_prefix (p, "false") ? p + 5 : NULL;
    case 'n':
      return g_str_has_prefix (p, "null") ? p + 4 : NULL;
    default:
      return json_number (p);
    }
}

/* NULL, or exactly one JSON document, strictly valid and readable by json-glib
 * (which the app uses to show the record again). Audit rows are read back by
 * people and tools years later, so nothing else may be stored in the before and
 * after columns. */
static gboolean
is_valid_json_or_null (const char *json)
{
  g_autoptr (JsonParser) parser = NULL;
  const char *end;

  if (json == NULL)
    return TRUE;

  if (!g_utf8_validate (json, -1, NULL))
    return FALSE;

  end = json_value (json, 0);
  if (end == NULL || *json_skip_ws (end) != '\0')
    return FALSE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL))
    return FALSE;

  return json_parser_get_root (parser) != NULL;
}

static gboolean
append_row (ZbDatabase *db, const char *action, const char *entity, const char *record_uuid,
            const char *before_json, const char *after_json, GError **error)
{
  sqlite3_stmt *stmt;
  gint64 last_seq;
  gint64 seq;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = _zb_now_iso8601 ();
  g_autofree char *actor = g_utf8_make_valid (g_get_user_name (), -1);
  g_autofree char *hash = NULL;
  AuditField fields[N_FIELDS];
  int rc;

  stmt = _zb_database_prepare (db, SQL_READ_HEAD, error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      last_seq = sqlite3_column_int64 (stmt, 0);
      prev_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      /* The head row is written when the workspace is created and never
       * deleted: without it there is nothing trustworthy to chain to. */
      g_set_error_literal (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN,
                           _ ("The audit log is damaged, so the change cannot be recorded."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (db, error);

  seq = last_seq + 1;

  fields[FIELD_AT] = field_from_string (at);
  fields[FIELD_ACTOR] = field_from_string (actor);
  fields[FIELD_ACTION] = field_from_string (action);
  fields[FIELD_ENTITY] = field_from_string (entity);
  fields[FIELD_RECORD_UUID] = field_from_string (record_uuid);
  fields[FIELD_BEFORE_JSON] = field_from_string (before_json);
  fields[FIELD_AFTER_JSON] = field_from_string (after_json);
  fields[FIELD_PREV_HASH] = field_from_string (prev_hash);
  hash = compute_row_hash (seq, fields);

  stmt = _zb_database_prepare (db, SQL_INSERT_ROW, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_TRANSIENT);
  if (record_uuid != NULL)
    sqlite3_bind_text (stmt, 6, record_uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  if (before_json != NULL)
    sqlite3_bind_text (stmt, 7, before_json, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 7);
  if (after_json != NULL)
    sqlite3_bind_text (stmt, 8, after_json, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_text (stmt, 9, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  stmt = _zb_database_prepare (db, SQL_MOVE_HEAD, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  return TRUE;
}

gboolean
zb_audit_append (ZbDatabase *db, const char *action, const char *entity, const char *record_uuid,
                 const char *before_json, const char *after_json, GError **error)
{
  gboolean own_transaction;

  g_return_val_if_fail (ZB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (zb_database_is_open (db), FALSE);
  g_return_val_if_fail (action != NULL && *action != '\0', FALSE);
  g_return_val_if_fail (entity != NULL && *entity != '\0', FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Checked before anything is written, so that a rejected row leaves the
   * caller's transaction exactly as it was. */
  if (!is_valid_json_or_null (before_json) || !is_valid_json_or_null (after_json))
    {
      g_set_error_literal (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_FAILED,
                           _ ("The change could not be recorded in the audit log because its "
                              "content is not valid."));
      return FALSE;
    }

  /* Inside the caller's transaction the row commits or rolls back with the
   * change it records; the caller rolls back if we fail. */
  own_transaction = sqlite3_get_autocommit (_zb_database_get_handle (db)) != 0;

  if (own_transaction && !_zb_database_begin (db, error))
    return FALSE;

  if (!append_row (db, action, entity, record_uuid, before_json, after_json, error))
    {
      if (own_transaction)
        _zb_database_rollback (db);
      return FALSE;
    }

  if (own_transaction && !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      return FALSE;
    }

  return TRUE;
}

static AuditField
field_from_column (sqlite3_stmt *stmt, int column)
{
  AuditField field = { NULL, 0 };

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return field;

  field.data = (const char *)sqlite3_column_text (stmt, column);
  field.len = sqlite3_column_bytes (stmt, column);
  if (field.data == NULL) /* a zero-length text may come back as NULL */
    field.data = "";

  return field;
}

static gboolean
set_broken (GError **error, gint64 *first_broken, gint64 seq)
{
  if (first_broken != NULL)
    *first_broken = seq;

  g_set_error (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN,
               _ ("Audit record %lld has been altered, removed or forged."), (long long)seq);
  return FALSE;
}

gboolean
zb_audit_verify (ZbDatabase *db, gint64 *n_rows, gint64 *first_broken, GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *prev_hash = g_strdup (ZB_AUDIT_GENESIS);
  gint64 expected_seq = 1;
  gint64 count = 0;
  gboolean is_broken = FALSE;
  gint64 broken = 0;
  gboolean have_head = FALSE;
  gint64 head_seq = 0;
  g_autofree char *head_hash = NULL;
  int rc;

  g_return_val_if_fail (ZB_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (zb_database_is_open (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_rows != NULL)
    *n_rows = 0;
  if (first_broken != NULL)
    *first_broken = 0;

  stmt = _zb_database_prepare (db, SQL_READ_CHAIN, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 1);
      AuditField fields[N_FIELDS];
      AuditField stored_hash;
      g_autofree char *hash = NULL;

      if (sqlite3_column_int (stmt, 0) == 1)
        {
          have_head = TRUE;
          head_seq = seq;
          head_hash = g_strdup ((const char *)sqlite3_column_text (stmt, 10));
          continue;
        }

      count++;
      if (is_broken)
        continue; /* only the first break is reported; keep counting rows */

      fields[FIELD_AT] = field_from_column (stmt, 2);
      fields[FIELD_ACTOR] = field_from_column (stmt, 3);
      fields[FIELD_ACTION] = field_from_column (stmt, 4);
      fields[FIELD_ENTITY] = field_from_column (stmt, 5);
      fields[FIELD_RECORD_UUID] = field_from_column (stmt, 6);
      fields[FIELD_BEFORE_JSON] = field_from_column (stmt, 7);
      fields[FIELD_AFTER_JSON] = field_from_column (stmt, 8);
      fields[FIELD_PREV_HASH] = field_from_column (stmt, 9);
      stored_hash = field_from_column (stmt, 10);

      /* A gap in the numbers means rows were deleted (the row after the gap is
       * reported); a wrong link means a row was removed and the numbers
       * rewritten, or a row was put in; a wrong hash means the row was edited. */
      if (seq != expected_seq || fields[FIELD_PREV_HASH].data == NULL
          || g_strcmp0 (fields[FIELD_PREV_HASH].data, prev_hash) != 0)
        {
          is_broken = TRUE;
          broken = seq;
          continue;
        }

      hash = compute_row_hash (seq, fields);
      if (stored_hash.data == NULL || g_strcmp0 (stored_hash.data, hash) != 0)
        {
          is_broken = TRUE;
          broken = seq;
          continue;
        }

      g_free (prev_hash);
      prev_hash = g_steal_pointer (&hash);
      expected_seq++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  if (n_rows != NULL)
    *n_rows = count;

  if (is_broken)
    return set_broken (error, first_broken, broken);

  /* Every row links up; the head must name the last of them. Otherwise rows were
   * deleted from the end (the first missing one is reported), or rows were added
   * without going through zb_audit_append (the first of those is reported). */
  if (!have_head || head_hash == NULL)
    return set_broken (error, first_broken, expected_seq);

  if (head_seq > expected_seq - 1)
    return set_broken (error, first_broken, expected_seq);

  if (head_seq < expected_seq - 1)
    return set_broken (error, first_broken, head_seq + 1);

  if (g_strcmp0 (head_hash, prev_hash) != 0)
    return set_broken (error, first_broken, MAX (head_seq, 1));

  return TRUE;
}

void
zb_audit_json_add_string (JsonBuilder *builder, const char *key, const char *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
zb_audit_json_add_int (JsonBuilder *builder, const char *key, gint64 value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
zb_audit_json_add_id (JsonBuilder *builder, const char *key, gint64 id)
{
  json_builder_set_member_name (builder, key);
  if (id != 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}
