/* zb-meeting-repo-items.c — following up resolutions, and attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-meetings-private.h"
#include "zb-member-rules.h"

static const char SQL_RESOLUTION[]
    = "SELECT r.id, r.uuid, r.text, r.owner_id, r.due_date, r.done_date, m.uuid"
      " FROM meeting_resolution r JOIN meeting m ON m.id = r.meeting_id WHERE r.uuid = ?1";
static const char SQL_SET_DONE[]
    = "UPDATE meeting_resolution SET done_date = ?2, updated_at = ?3 WHERE id = ?1";

static const char SQL_MEETING_ID[] = "SELECT id FROM meeting WHERE uuid = ?1";
static const char SQL_INSERT_ATTACHMENT[]
    = "INSERT INTO meeting_attachment (uuid, meeting_id, name, mime_type, size, sha256, data,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
static const char SQL_ATTACHMENT[]
    = "SELECT a.id, a.uuid, a.name, a.mime_type, a.size, a.sha256, a.created_at, m.uuid"
      " FROM meeting_attachment a JOIN meeting m ON m.id = a.meeting_id WHERE a.uuid = ?1";
static const char SQL_DELETE_ATTACHMENT[] = "DELETE FROM meeting_attachment WHERE id = ?1";
static const char SQL_ATTACHMENT_DATA[] = "SELECT data FROM meeting_attachment WHERE uuid = ?1";

/* A small JSON object of string members (NULL values as null), for the audit. */
static char *
json_of (const char *first_key, ...)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  va_list ap;

  json_builder_begin_object (b);
  va_start (ap, first_key);
  for (const char *key = first_key; key != NULL; key = va_arg (ap, const char *))
    {
      const char *value = va_arg (ap, const char *);

      json_builder_set_member_name (b, key);
      if (value != NULL)
        json_builder_add_string_value (b, value);
      else
        json_builder_add_null_value (b);
    }
  va_end (ap);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------------- */
/* Resolutions                                                               */

static gboolean
set_done_in_transaction (ZbMeetingRepo *self, const char *uuid, const char *done_date,
                         GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_RESOLUTION, error);
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *was_done = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _zb_bind_text_or_null (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      text = _zb_column_dup_text (stmt, 2);
      due = _zb_column_dup_text (stmt, 4);
      was_done = _zb_column_dup_text (stmt, 5);
      meeting = _zb_column_dup_text (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return _zb_meeting_set_error (error, ZB_MEETING_ERROR_NOT_FOUND,
                                  _ ("The resolution was not found. Someone may have removed "
                                     "the record."));
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (db, error);

  stmt = _zb_database_prepare (db, SQL_SET_DONE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _zb_bind_text_or_null (stmt, 2, done_date);
  _zb_bind_text_or_null (stmt, 3, now);
  if (!_zb_database_step_done (db, stmt, error))
    return FALSE;

  before = json_of ("uuid", uuid, "meeting_uuid", meeting, "text", text, "due_date", due,
                    "done_date", was_done, NULL);
  after = json_of ("uuid", uuid, "meeting_uuid", meeting, "text", text, "due_date", due,
                   "done_date", done_date, NULL);
  return zb_audit_append (db, done_date != NULL ? "done" : "reopen", "meeting_resolution", uuid,
                          before, after, error);
}

gboolean
zb_meeting_repo_set_resolution_done (ZbMeetingRepo *self, const char *resolution_uuid,
                                     const char *done_date, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (resolution_uuid != NULL, FALSE);

  if (done_date != NULL && !zb_parse_iso_date (done_date, NULL))
    return _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                                  zb_rule_code_get_message (ZB_RULE_DATE_FORMAT));

  if (!_zb_database_begin (zb_meeting_repo_get_database (self), error))
    return FALSE;
  return _zb_meeting_repo_finish (
      self, set_done_in_transaction (self, resolution_uuid, done_date, error), error);
}

/* ------------------------------------------------------------------------- */
/* Attachments                                                               */

static ZbMeetingAttachment *
add_in_transaction (ZbMeetingRepo *self, const char *meeting_uuid, const char *name,
                    const char *mime_type, GBytes *data, GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  g_autoptr (ZbMeetingAttachment) a = g_new0 (ZbMeetingAttachment, 1);
  g_autofree char *size_text = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gconstpointer bytes;
  gsize size;
  gint64 meeting_id = 0;
  int rc;

  stmt = _zb_database_prepare (db, SQL_MEETING_ID, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_text_or_null (stmt, 1, meeting_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    meeting_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      _zb_meeting_set_error (error, ZB_MEETING_ERROR_NOT_FOUND,
                             _ ("The meeting was not found. Someone may have removed the record."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }

  bytes = g_bytes_get_data (data, &size);
  a->uuid = _zb_new_uuid ();
  a->name = g_strstrip (g_strdup (name));
  a->mime_type = g_strdup (mime_type != NULL ? mime_type : "application/octet-stream");
  a->size = size;
  a->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  a->created_at = _zb_now_iso8601 ();

  stmt = _zb_database_prepare (db, SQL_INSERT_ATTACHMENT, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_text_or_null (stmt, 1, a->uuid);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  _zb_bind_text_or_null (stmt, 3, a->name);
  _zb_bind_text_or_null (stmt, 4, a->mime_type);
  sqlite3_bind_int64 (stmt, 5, (sqlite3_int64)size);
  _zb_bind_text_or_null (stmt, 6, a->sha256);
  /* an empty file is a zero-length blob, not NULL */
  sqlite3_bind_blob64 (stmt, 7, size > 0 ? bytes : "", size, SQLITE_STATIC);
  _zb_bind_text_or_null (stmt, 8, a->created_at);
  if (!_zb_database_step_done (db, stmt, error))
    return NULL;

  size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
  json = json_of ("uuid", a->uuid, "meeting_uuid", meeting_uuid, "name", a->name, "mime_type",
                  a->mime_type, "size", size_text, "sha256", a->sha256, NULL);
  if (!zb_audit_append (db, "create", "meeting_attachment", a->uuid, NULL, json, error))
    return NULL;
  return g_steal_pointer (&a);
}

ZbMeetingAttachment *
zb_meeting_repo_add_attachment (ZbMeetingRepo *self, const char *meeting_uuid, const char *name,
                                const char *mime_type, GBytes *data, GError **error)
{
  g_autoptr (ZbMeetingAttachment) a = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL && data != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (*trimmed == '\0')
    {
      _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID, _ ("The attachment needs a name."));
      return NULL;
    }
  /* Checked before anything is written: the user learns it at once, and the
   * schema's CHECK is only the last guard. */
  if (g_bytes_get_size (data) > ZB_MEETING_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (data));
      g_autofree char *limit = g_format_size (ZB_MEETING_ATTACHMENT_MAX_SIZE);

      g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_TOO_LARGE,
                   /* TRANSLATORS: “%s” is a file name, then two sizes, e.g. 25.3 MB, 21.0 MB */
                   _ ("“%s” is %s, but an attachment may be at most %s. Scan it at a lower "
                      "resolution, or split it into several files."),
                   trimmed, size, limit);
      return NULL;
    }

  if (!_zb_database_begin (zb_meeting_repo_get_database (self), error))
    return NULL;
  a = add_in_transaction (self, meeting_uuid, trimmed, mime_type, data, error);
  if (!_zb_meeting_repo_finish (self, a != NULL, error))
    return NULL;
  return g_steal_pointer (&a);
}

static gboolean
remove_in_transaction (ZbMeetingRepo *self, const char *uuid, GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_ATTACHMENT, error);
  g_autofree char *json = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *size = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *meeting = NULL;
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  _zb_bind_text_or_null (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      name = _zb_column_dup_text (stmt, 2);
      mime_type = _zb_column_dup_text (stmt, 3);
      size = _zb_column_dup_text (stmt, 4);
      sha256 = _zb_column_dup_text (stmt, 5);
      meeting = _zb_column_dup_text (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return _zb_meeting_set_error (error, ZB_MEETING_ERROR_NOT_FOUND,
                                  _ ("The attachment was not found. Someone may have removed it."));
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (db, error);

  stmt = _zb_database_prepare (db, SQL_DELETE_ATTACHMENT, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_zb_database_step_done (db, stmt, error))
    return FALSE;

  json = json_of ("uuid", uuid, "meeting_uuid", meeting, "name", name, "mime_type", mime_type,
                  "size", size, "sha256", sha256, NULL);
  return zb_audit_append (db, "delete", "meeting_attachment", uuid, json, NULL, error);
}

gboolean
zb_meeting_repo_remove_attachment (ZbMeetingRepo *self, const char *attachment_uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (attachment_uuid != NULL, FALSE);

  if (!_zb_database_begin (zb_meeting_repo_get_database (self), error))
    return FALSE;
  return _zb_meeting_repo_finish (self, remove_in_transaction (self, attachment_uuid, error),
                                  error);
}

GBytes *
zb_meeting_repo_get_attachment_data (ZbMeetingRepo *self, const char *attachment_uuid,
                                     GError **error)
{
  ZbDatabase *db;
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (attachment_uuid != NULL, NULL);

  db = zb_meeting_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_ATTACHMENT_DATA, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_text_or_null (stmt, 1, attachment_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize)sqlite3_column_bytes (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _zb_meeting_set_error (error, ZB_MEETING_ERROR_NOT_FOUND,
                           _ ("The attachment was not found. Someone may have removed it."));
  else if (rc != SQLITE_ROW)
    _zb_database_set_error (db, error);
  return bytes;
}
