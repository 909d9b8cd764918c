/* zb-member-repo-keys.c — sort and search keys made by another ICU are made again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stroke and pinyin keys, the reading and the initials of every member are
 * stored, so that the database orders and searches by index. They come from
 * ICU's data and from the stroke data (zb_chinese_key_version()), and a newer
 * ICU may read or order a few characters differently: a file whose keys were
 * made with another version would list members out of order and miss some in
 * searches. The workspace records the version its keys were made with
 * (schema 6), and when a repository is made for a file with another one, every
 * member's keys are made again — in one transaction, with one audit row for the
 * whole roster, as a system action ("rebuild-keys").
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-chinese.h"
#include "zb-roster-private.h"

/* The first schema with workspace.chinese_key_version. */
#define KEY_VERSION_SCHEMA 6

static const char SQL_VERSION[] = "SELECT chinese_key_version FROM workspace WHERE id = 1";
static const char SQL_SET_VERSION[] = "UPDATE workspace SET chinese_key_version = ?1 WHERE id = 1";
static const char SQL_NAMES[] = "SELECT id, name FROM member ORDER BY id";
static const char SQL_UPDATE_KEYS[]
    = "UPDATE member SET stroke_key = ?2, pinyin_key = ?3, name_pinyin = ?4, name_initials = ?5"
      " WHERE id = ?1";

static gboolean
read_version (ZbDatabase *db, char **version, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_VERSION, error);
  int rc;

  *version = NULL;
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *version = _zb_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return TRUE;
}

static char *
version_json (const char *version, gint64 n_members)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chinese_key_version");
  if (version != NULL)
    json_builder_add_string_value (builder, version);
  else
    json_builder_add_null_value (builder);
  if (n_members >= 0)
    {
      json_builder_set_member_name (builder, "members");
      json_builder_add_int_value (builder, n_members);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Makes every member's keys again, inside the caller's transaction. */
static gboolean
rebuild (ZbMemberRepo *self, gint64 *n_members, GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (self);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Read first, write after: no statement reads the table it writes. */
  stmt = _zb_database_prepare (db, SQL_NAMES, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, _zb_column_dup_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  *n_members = ids->len;
  if (ids->len == 0)
    return TRUE;

  /* A large roster: the order indexes are built once at the end, and the keys
   * of a name are made once however many members bear it. */
  if (!zb_member_repo_bulk_begin (self, ids->len, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      ZbMemberNameKeys scratch = { 0 };
      const ZbMemberNameKeys *keys = _zb_member_repo_name_keys (self, names->pdata[i], &scratch);
      gboolean ok;

      stmt = _zb_database_prepare (db, SQL_UPDATE_KEYS, error);
      if (stmt == NULL)
        {
          _zb_name_keys_clear (&scratch);
          zb_member_repo_bulk_abandon (self);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      _zb_roster_bind_bytes (stmt, 2, keys->stroke_key);
      _zb_roster_bind_bytes (stmt, 3, keys->pinyin_key);
      _zb_roster_bind_text (stmt, 4, keys->pinyin != NULL ? keys->pinyin : "");
      _zb_roster_bind_text (stmt, 5, keys->initials != NULL ? keys->initials : "");
      ok = _zb_database_step_done (db, stmt, error);
      _zb_name_keys_clear (&scratch);
      if (!ok)
        {
          zb_member_repo_bulk_abandon (self);
          return FALSE;
        }
    }
  if (!zb_member_repo_bulk_end (self, error))
    {
      zb_member_repo_bulk_abandon (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
_zb_member_repo_check_keys (ZbMemberRepo *self, gboolean *rebuilt, GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (self);
  const char *current = zb_chinese_key_version ();
  g_autofree char *stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 n_members = 0;

  if (rebuilt != NULL)
    *rebuilt = FALSE;

  /* Files of an older schema exist only in tests: opening one migrates it.
   * Inside a caller's transaction nothing is done: the caller writes keys of
   * this version, and the next repository looks again. */
  if (zb_database_get_schema_version (db) < KEY_VERSION_SCHEMA
      || !sqlite3_get_autocommit (_zb_database_get_handle (db)))
    return TRUE;

  if (!read_version (db, &stored, error))
    return FALSE;
  if (g_strcmp0 (stored, current) == 0)
    return TRUE;

  if (!_zb_database_begin (db, error))
    return FALSE;

  /* Another program may have made them in the meantime. */
  g_clear_pointer (&stored, g_free);
  if (!read_version (db, &stored, error))
    goto fail;
  if (g_strcmp0 (stored, current) == 0)
    {
      _zb_database_rollback (db);
      return TRUE;
    }

  if (!rebuild (self, &n_members, error))
    goto fail;

  stmt = _zb_database_prepare (db, SQL_SET_VERSION, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, current, -1, SQLITE_STATIC);
  if (!_zb_database_step_done (db, stmt, error))
    goto fail;

  /* Every change is in the audit log: one row for the roster's keys. A new
   * workspace without members only learns the version its keys will have. */
  if (n_members > 0)
    {
      before = version_json (stored, -1);
      after = version_json (current, n_members);
      if (!zb_audit_append (db, "rebuild-keys", "member", NULL, before, after, error))
        goto fail;
    }

  if (!_zb_database_commit (db, error))
    goto fail;

  if (n_members > 0)
    g_info ("Made the sort keys of %" G_GINT64_FORMAT " members again (%s, were %s)", n_members,
            current, stored != NULL ? stored : "unknown");
  if (rebuilt != NULL)
    *rebuilt = n_members > 0;
  return TRUE;

fail:
  _zb_database_rollback (db);
  return FALSE;
}
