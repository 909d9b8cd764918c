/* zb-import-batch.c — imports as undoable steps (撤销本次导入)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-exchange-error.h"
#include "zb-import-batch-private.h"
#include "zb-meeting-repo.h"
#include "zb-talk-repo.h"

#define BATCH_COLUMNS "id, uuid, kind, file_name, n_records, imported_at, undone_at"

static const char SQL_INSERT[]
    = "INSERT INTO import_batch (uuid, kind, file_name, n_records, imported_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_LIST[]
    = "SELECT " BATCH_COLUMNS " FROM import_batch ORDER BY imported_at DESC, id DESC";
static const char SQL_FIND[] = "SELECT " BATCH_COLUMNS " FROM import_batch"
                               " WHERE substr (uuid, 1, length (?1)) = ?1 ORDER BY id LIMIT 2";
static const char SQL_LATEST[] = "SELECT " BATCH_COLUMNS " FROM import_batch"
                                 " WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1";
static const char SQL_MARK_UNDONE[] = "UPDATE import_batch SET undone_at = ?2 WHERE id = ?1";
static const char SQL_SET_N_RECORDS[] = "UPDATE import_batch SET n_records = ?2 WHERE id = ?1";

void
zb_import_batch_free (ZbImportBatch *batch)
{
  if (batch == NULL)
    return;

  g_free (batch->uuid);
  g_free (batch->kind);
  g_free (batch->file_name);
  g_free (batch->imported_at);
  g_free (batch->undone_at);
  g_free (batch);
}

static char *
dup_column (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}

static ZbImportBatch *
batch_from_row (sqlite3_stmt *stmt)
{
  ZbImportBatch *batch = g_new0 (ZbImportBatch, 1);

  batch->id = sqlite3_column_int64 (stmt, 0);
  batch->uuid = dup_column (stmt, 1);
  batch->kind = dup_column (stmt, 2);
  batch->file_name = dup_column (stmt, 3);
  batch->n_records = (guint)sqlite3_column_int64 (stmt, 4);
  batch->imported_at = dup_column (stmt, 5);
  batch->undone_at = dup_column (stmt, 6);
  return batch;
}

gboolean
_zb_import_batch_insert (ZbDatabase *db, const char *kind, const char *file_name, guint n_records,
                         gint64 *id, char **uuid, GError **error)
{
  g_autofree char *new_uuid = _zb_new_uuid ();
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_INSERT, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, new_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, n_records);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  *id = sqlite3_last_insert_rowid (_zb_database_get_handle (db));
  *uuid = g_steal_pointer (&new_uuid);
  return TRUE;
}

gboolean
_zb_import_batch_set_n_records (ZbDatabase *db, gint64 id, guint n_records, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_SET_N_RECORDS, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, n_records);
  return _zb_database_step_done (db, stmt, error);
}

/* Meetings and talks name their people and are never deleted: an import
 * whose members they name cannot be taken back. Said before anything is
 * touched, in words that say which records and how many members. */
static gboolean
check_not_referenced (ZbDatabase *db, const ZbImportBatch *batch, GError **error)
{
  g_autoptr (ZbMeetingRepo) meetings = zb_meeting_repo_new (db);
  g_autoptr (ZbTalkRepo) talks = zb_talk_repo_new (db);
  guint n_in_meetings = 0, n_in_talks = 0;

  if (!zb_meeting_repo_count_batch_references (meetings, batch->id, &n_in_meetings, error)
      || !zb_talk_repo_count_batch_references (talks, batch->id, &n_in_talks, error))
    return FALSE;

  if (n_in_meetings > 0)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_IN_USE,
                   /* TRANSLATORS: “%s” is a file name, %u a number of members */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The import of “%s” can no longer be undone: %u of its members "
                                "appears in meeting records made since. Nothing has been changed.",
                                "The import of “%s” can no longer be undone: %u of its members "
                                "appear in meeting records made since. Nothing has been changed.",
                                n_in_meetings),
                   batch->file_name, n_in_meetings);
      return FALSE;
    }
  if (n_in_talks > 0)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_IN_USE,
                   /* TRANSLATORS: “%s” is a file name, %u a number of members */
                   g_dngettext (GETTEXT_PACKAGE,
                                "The import of “%s” can no longer be undone: %u of its members "
                                "appears in heart-to-heart talk records made since. Nothing has "
                                "been changed.",
                                "The import of “%s” can no longer be undone: %u of its members "
                                "appear in heart-to-heart talk records made since. Nothing has "
                                "been changed.",
                                n_in_talks),
                   batch->file_name, n_in_talks);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
zb_import_batch_list (ZbDatabase *db, GError **error)
{
  g_autoptr (GPtrArray) batches
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_import_batch_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  stmt = _zb_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (batches, batch_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error), NULL;

  return g_steal_pointer (&batches);
}

static ZbImportBatch *
find_batch (ZbDatabase *db, const char *uuid, GError **error)
{
  ZbImportBatch *first = NULL;
  guint n = 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zb_database_prepare (db, uuid != NULL ? SQL_FIND : SQL_LATEST, error);
  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ == 0)
        first = batch_from_row (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      zb_import_batch_free (first);
      return _zb_database_set_error (db, error), NULL;
    }

  if (n == 1)
    return first;

  zb_import_batch_free (first);
  if (uuid == NULL)
    g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND,
                 _ ("There is no import to undo."));
  else if (n == 0)
    g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND,
                 _ ("There is no import “%s”."), uuid);
  else
    g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND,
                 _ ("More than one import starts with “%s”: give more of its number."), uuid);
  return NULL;
}

ZbImportBatch *
zb_import_batch_find (ZbDatabase *db, const char *uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (strlen (uuid) < 8)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND,
                   _ ("Give at least the first 8 characters of the import’s number."));
      return NULL;
    }
  return find_batch (db, uuid, error);
}

static char *
batch_to_json (const ZbImportBatch *batch, guint n_removed)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, batch->uuid);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, batch->kind);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, batch->file_name);
  json_builder_set_member_name (builder, "n_records");
  json_builder_add_int_value (builder, batch->n_records);
  json_builder_set_member_name (builder, "imported_at");
  json_builder_add_string_value (builder, batch->imported_at);
  if (batch->undone_at != NULL)
    {
      json_builder_set_member_name (builder, "undone_at");
      json_builder_add_string_value (builder, batch->undone_at);
      json_builder_set_member_name (builder, "n_removed");
      json_builder_add_int_value (builder, n_removed);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
_zb_import_batch_to_json (const ZbImportBatch *batch)
{
  return batch_to_json (batch, 0);
}

ZbImportBatch *
zb_import_batch_undo (ZbMemberRepo *repo, const char *uuid, guint *n_removed, GError **error)
{
  ZbDatabase *db;
  g_autoptr (ZbImportBatch) batch = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  guint removed = 0;
  int rc;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);

  db = zb_member_repo_get_database (repo);
  if (n_removed != NULL)
    *n_removed = 0;

  if (!_zb_database_begin (db, error))
    return NULL;

  batch = uuid != NULL ? zb_import_batch_find (db, uuid, error) : find_batch (db, NULL, error);
  if (batch == NULL)
    goto fail;
  if (batch->undone_at != NULL)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNDONE,
                   _ ("The import of “%s” was undone already."), batch->file_name);
      goto fail;
    }

  if (!check_not_referenced (db, batch, error))
    goto fail;

  before = batch_to_json (batch, 0);

  /* One audit row for the whole batch, as for the import itself: the members
   * are named by their import_batch_id, not listed one by one. */
  if (!zb_member_repo_delete_import_batch_in_transaction (repo, batch->id, ZB_MEMBER_WRITE_NO_AUDIT,
                                                          &removed, error))
    {
      /* Records made since (a meeting's attendance, say) name some of these
       * members, and their foreign keys refuse: the import can no longer be
       * taken back as a whole, and nothing is changed. */
      if (sqlite3_extended_errcode (_zb_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_clear_error (error);
          g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_IN_USE,
                       _ ("The import of “%s” can no longer be undone: some of its members appear "
                          "in records made since, such as meetings. Nothing has been changed."),
                       batch->file_name);
        }
      goto fail;
    }

  batch->undone_at = _zb_now_iso8601 ();
  stmt = _zb_database_prepare (db, SQL_MARK_UNDONE, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, batch->id);
  sqlite3_bind_text (stmt, 2, batch->undone_at, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      goto fail;
    }

  after = batch_to_json (batch, removed);
  if (!zb_audit_append (db, "undo-import", "import_batch", batch->uuid, before, after, error)
      || !_zb_database_commit (db, error))
    goto fail;

  zb_member_repo_emit_changed (repo);
  if (n_removed != NULL)
    *n_removed = removed;
  return g_steal_pointer (&batch);

fail:
  _zb_database_rollback (db);
  return NULL;
}
