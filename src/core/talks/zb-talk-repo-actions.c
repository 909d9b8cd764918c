/* zb-talk-repo-actions.c — 谈心谈话: the follow-ups of talks, marked done and
 * listed while open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-member-rules.h"
#include "zb-talks-private.h"

static const char SQL_ACTION[]
    = "SELECT a.uuid, a.text, a.owner_id, a.owner_name, a.due_date, a.done_date, t.uuid"
      " FROM talk_action a JOIN talk t ON t.id = a.talk_id WHERE a.uuid = ?1";
static const char SQL_SET_DONE[]
    = "UPDATE talk_action SET done_date = ?2, updated_at = ?3 WHERE uuid = ?1";
/* The 谈话对象 names in their order: group_concat() keeps the order of the
 * rows it is given by the inner select. */
static const char SQL_OPEN[]
    = "SELECT a.uuid, a.text, a.owner_id, a.owner_name, a.due_date, a.done_date, t.uuid, t.date,"
      " t.kind, (SELECT group_concat (name, '、') FROM (SELECT p.name FROM talk_participant p"
      "  WHERE p.talk_id = t.id AND p.side = 'talked_with' ORDER BY p.sort_order, p.id))"
      " FROM talk_action a JOIN talk t ON t.id = a.talk_id"
      " WHERE a.done_date IS NULL AND t.archived = 0 AND (?1 IS NULL OR t.branch_id = ?1)"
      " ORDER BY a.due_date IS NULL, a.due_date, t.date, t.id, a.sort_order, a.id";

/* Columns 0 … 5 of SQL_ACTION and SQL_OPEN. */
static ZbTalkAction *
action_from_row (sqlite3_stmt *stmt)
{
  ZbTalkAction *a = g_new0 (ZbTalkAction, 1);

  a->uuid = _zb_column_dup_text (stmt, 0);
  a->text = _zb_column_dup_text (stmt, 1);
  a->owner_id = sqlite3_column_int64 (stmt, 2);
  a->owner_name = _zb_column_dup_text (stmt, 3);
  a->due_date = _zb_column_dup_text (stmt, 4);
  a->done_date = _zb_column_dup_text (stmt, 5);
  return a;
}

static char *
action_json (const ZbTalkAction *a, const char *talk_uuid)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  zb_audit_json_add_string (builder, "uuid", a->uuid);
  zb_audit_json_add_string (builder, "talk", talk_uuid);
  zb_audit_json_add_string (builder, "text", a->text);
  zb_audit_json_add_id (builder, "owner_id", a->owner_id);
  zb_audit_json_add_string (builder, "owner_name", a->owner_name);
  zb_audit_json_add_string (builder, "due_date", a->due_date);
  zb_audit_json_add_string (builder, "done_date", a->done_date);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
set_done_in_transaction (ZbTalkRepo *self, const char *uuid, const char *done_date,
                         gboolean *changed, GError **error)
{
  ZbDatabase *db = zb_talk_repo_get_database (self);
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_ACTION, error);
  g_autoptr (ZbTalkAction) before = NULL;
  g_autoptr (ZbTalkAction) after = NULL;
  g_autofree char *talk_uuid = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *now = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      before = action_from_row (stmt);
      talk_uuid = _zb_column_dup_text (stmt, 6);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return _zb_talk_set_error (error, ZB_TALK_ERROR_NOT_FOUND,
                               _ ("This follow-up no longer exists."));
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (db, error);

  *changed = g_strcmp0 (before->done_date, done_date) != 0;
  if (!*changed)
    return TRUE;

  now = _zb_now_iso8601 ();
  stmt = _zb_database_prepare (db, SQL_SET_DONE, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  _zb_bind_text_or_null (stmt, 2, done_date);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  if (!_zb_database_step_done (db, stmt, error))
    return FALSE;

  after = zb_talk_action_copy (before);
  g_free (after->done_date);
  after->done_date = g_strdup (done_date);
  before_json = action_json (before, talk_uuid);
  after_json = action_json (after, talk_uuid);
  return zb_audit_append (db, done_date != NULL ? "done" : "reopen", "talk_action", uuid,
                          before_json, after_json, error);
}

gboolean
zb_talk_repo_set_action_done (ZbTalkRepo *self, const char *action_uuid, const char *done_date,
                              GError **error)
{
  ZbDatabase *db;
  gboolean changed = FALSE;
  GDate date;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), FALSE);
  g_return_val_if_fail (action_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (done_date != NULL && (strlen (done_date) != 10 || !zb_parse_iso_date (done_date, &date)))
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("The date of a follow-up is not a real date."));

  db = zb_talk_repo_get_database (self);
  if (!_zb_database_begin (db, error))
    return FALSE;
  if (!set_done_in_transaction (self, action_uuid, done_date, &changed, error)
      || !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      return FALSE;
    }
  /* The lists of open follow-ups change. */
  if (changed)
    g_signal_emit_by_name (self, "changed");
  return TRUE;
}

void
zb_talk_open_action_free (ZbTalkOpenAction *item)
{
  if (item == NULL)
    return;
  zb_talk_action_free (item->action);
  g_free (item->talk_uuid);
  g_free (item->talk_date);
  g_free (item->talked_with);
  g_free (item);
}

GPtrArray *
zb_talk_repo_list_open_actions (ZbTalkRepo *self, gint64 branch_id, GError **error)
{
  ZbDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr (GPtrArray) items = NULL;
  int rc;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);

  db = zb_talk_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_OPEN, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_id_or_null (stmt, 1, branch_id);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_open_action_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbTalkOpenAction *item = g_new0 (ZbTalkOpenAction, 1);

      item->action = action_from_row (stmt);
      item->talk_uuid = _zb_column_dup_text (stmt, 6);
      item->talk_date = _zb_column_dup_text (stmt, 7);
      item->talk_kind = ZB_TALK_KIND_OTHER;
      zb_talk_kind_from_string ((const char *)sqlite3_column_text (stmt, 8), &item->talk_kind);
      item->talked_with = _zb_column_dup_text (stmt, 9);
      g_ptr_array_add (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}
