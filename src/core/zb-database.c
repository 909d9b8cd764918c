/* zb-database.c — the one way into a workspace's encrypted SQLCipher file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "zhibu-database"

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-database-internal.h"
#include "zb-migrations.h"

struct _ZbDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *uuid;
  int schema_version;
  ZbProtection protection;
  GHashTable *statements; /* SQL text → sqlite3_stmt* */
  /* The key or passphrase the file is open with, kept (in locked memory) only
   * while it is open, so that workers can open connections of their own; the
   * lock lets a worker take it while the window may be closing the file. */
  ZbSecret *secret;
  GMutex secret_lock;
  /* A large write is under way: in a rollback journal, or in the WAL with
   * its checkpoint put off (_zb_database_begin_large()). */
  gboolean left_wal;
  gboolean checkpoint_put_off;
  gboolean checkpoint_due; /* put off past the end of the write */
};

G_DEFINE_FINAL_TYPE (ZbDatabase, zb_database, G_TYPE_OBJECT)

/* ------------------------------------------------------------------------- */
/* Small helpers                                                             */

char *
_zb_now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}

char *
_zb_new_uuid (void)
{
  return g_uuid_string_random ();
}

gboolean
_zb_sqlite_set_error (sqlite3 *db, int rc, GError **error)
{
  int code = rc;

  if (db != NULL && rc == SQLITE_ERROR)
    code = sqlite3_extended_errcode (db);

  /* SQLite's own words are English and technical: they go to the log, the user
   * gets one plain sentence. */
  g_message ("SQLite error %d: %s", code, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_FAILED,
                           _ ("The disk is full, so the change could not be saved. "
                              "Free some space and try again."));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_FAILED,
                           _ ("The workspace is in use by another program. "
                              "Close it there and try again."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                           _ ("The workspace file cannot be written. Check that the file "
                              "and its folder are not read-only."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CORRUPT,
                           _ ("The workspace file is damaged."));
      break;
    default:
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_FAILED,
                           _ ("The workspace could not be read or written."));
      break;
    }
  return FALSE;
}

gboolean
_zb_database_set_error (ZbDatabase *self, GError **error)
{
  return _zb_sqlite_set_error (self->db, sqlite3_errcode (self->db), error);
}

gboolean
_zb_sqlite_exec (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _zb_sqlite_set_error (db, rc, error);
  return TRUE;
}

/* Runs a query that returns one text value (pragmas). */
char *
_zb_sqlite_query_text (sqlite3 *db, const char *sql, int *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const unsigned char *text = sqlite3_column_text (stmt, 0);

          result = g_strdup (text ? (const char *)text : "");
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return result;
}

gint64
_zb_sqlite_query_int (sqlite3 *db, const char *sql, int *rc_out)
{
  g_autofree char *text = _zb_sqlite_query_text (db, sql, rc_out);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

gboolean
_zb_database_load_workspace (ZbDatabase *self, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zb_database_prepare (self, "SELECT uuid, protection FROM workspace WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_WORKSPACE,
                   _ ("“%s” is an encrypted database but not a Zhibu workspace."), self->path);
      sqlite3_reset (stmt);
      return FALSE;
    }

  g_free (self->uuid);
  self->uuid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  self->protection = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "passphrase") == 0
                         ? ZB_PROTECTION_PASSPHRASE
                         : ZB_PROTECTION_KEYRING;
  sqlite3_reset (stmt);
  return TRUE;
}

ZbDatabase *
_zb_database_new_for_connection (const char *path, sqlite3 *db)
{
  ZbDatabase *self = g_object_new (ZB_TYPE_DATABASE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  _zb_open_paths_add (path);
  return self;
}

/* ------------------------------------------------------------------------- */
/* Statements and transactions                                               */

sqlite3 *
_zb_database_get_handle (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);

  return self->db;
}

sqlite3_stmt *
_zb_database_prepare (ZbDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _zb_database_set_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_zb_database_exec (ZbDatabase *self, const char *sql, GError **error)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), FALSE);

  return _zb_sqlite_exec (self->db, sql, error);
}

char *
_zb_column_dup_text (sqlite3_stmt *stmt, int column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *)text) : NULL;
}

void
_zb_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

void
_zb_bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id)
{
  if (id != 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
_zb_database_step_done (ZbDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (self, error);
  return TRUE;
}

gboolean
_zb_database_finish (ZbDatabase *self, gboolean ok, GError **error)
{
  if (!ok || !_zb_database_commit (self, error))
    {
      _zb_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

GHashTable *
_zb_database_load_created (ZbDatabase *self, const char *sql, gint64 id, GError **error)
{
  g_autoptr (GHashTable) created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = _zb_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (created, _zb_column_dup_text (stmt, 0), _zb_column_dup_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&created);
}

const char *
_zb_created_at (GHashTable *created, const char *uuid, const char *now)
{
  const char *at = created != NULL && uuid != NULL ? g_hash_table_lookup (created, uuid) : NULL;

  return at != NULL ? at : now;
}

gboolean
_zb_database_exec_each_for_id (ZbDatabase *self, const char *const *sql, guint n_sql, gint64 id,
                               GError **error)
{
  for (guint i = 0; i < n_sql; i++)
    {
      sqlite3_stmt *stmt = _zb_database_prepare (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_zb_database_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_zb_database_count_for_id (ZbDatabase *self, const char *sql, gint64 id, guint *count,
                           GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *count = 0;
  stmt = _zb_database_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *count = (guint)sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (self, error);
  return TRUE;
}

gboolean
_zb_database_begin (ZbDatabase *self, GError **error)
{
  return _zb_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_zb_database_commit (ZbDatabase *self, GError **error)
{
  return _zb_database_exec (self, "COMMIT", error);
}

void
_zb_database_rollback (ZbDatabase *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Sets the journal mode; TRUE when the connection is in @mode after it. */
static gboolean
set_journal_mode (ZbDatabase *self, const char *sql, const char *mode)
{
  g_autofree char *now = NULL;
  int rc = SQLITE_OK;

  now = _zb_sqlite_query_text (self->db, sql, &rc);
  return rc == SQLITE_OK && g_strcmp0 (now, mode) == 0;
}

/* A write of tens of megabytes (an import of thousands of members) goes
 * through a rollback journal instead of the WAL when it can. In WAL mode each
 * page is written twice: into the WAL at the commit, then into the file by the
 * checkpoint that follows; SQLite's own advice is that WAL "does not work well
 * for very large transactions". With a journal, the pages the write adds go
 * into the file once (the journal keeps only the old content of pages it
 * changes), and no WAL of the write's size stays on the disk. Measured on an
 * import of 100,000 members (98 MB): the commit took 620–850 ms instead of
 * 940–1080 ms. Both are as safe: FULL sync, and a journal left by a crash is
 * rolled back when the file is next opened.
 *
 * Leaving WAL needs the file to itself. While another connection has it open
 * (the window's, when an import runs on a connection of its own) the write
 * stays in the WAL, and the checkpoint that copies it into the file is put
 * off from the COMMIT to _zb_database_end_large(), which can leave it to
 * _zb_database_checkpoint_in_background(): the window hears of the members a
 * quarter of a second sooner, and its next save does not find the copying to
 * do. */
gboolean
_zb_database_begin_large (ZbDatabase *self, GError **error)
{
  self->left_wal = set_journal_mode (self, "PRAGMA journal_mode = DELETE", "delete");
  if (!self->left_wal)
    self->checkpoint_put_off = _zb_database_exec (self, "PRAGMA wal_autocheckpoint = 0", NULL);
  if (_zb_database_begin (self, error))
    return TRUE;
  _zb_database_end_large (self, FALSE);
  return FALSE;
}

static void
checkpoint_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ZbDatabase *self = source;

  /* PASSIVE: waits for no one; what a reader still needs is copied by the
   * next checkpoint */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  g_task_return_boolean (task, TRUE);
}

void
_zb_database_end_large (ZbDatabase *self, gboolean checkpoint_later)
{
  if (self->left_wal)
    {
      self->left_wal = FALSE;
      /* Should another program have opened the file meanwhile and kept it
       * busy, the connection stays with the journal until the file is opened
       * again. */
      if (!set_journal_mode (self, "PRAGMA journal_mode = WAL", "wal"))
        g_message ("The workspace could not return to WAL mode; it will when next opened");
      return;
    }
  if (!self->checkpoint_put_off)
    return;
  self->checkpoint_put_off = FALSE;
  _zb_database_exec (self, "PRAGMA wal_autocheckpoint = 1000", NULL);
  if (checkpoint_later)
    self->checkpoint_due = TRUE;
  else
    sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
}

void
_zb_database_checkpoint_in_background (ZbDatabase *self)
{
  g_autoptr (GTask) task = NULL;

  if (!self->checkpoint_due)
    return;
  self->checkpoint_due = FALSE;
  /* the task keeps the connection open until it is done */
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_name (task, "zb-checkpoint");
  g_task_run_in_thread (task, checkpoint_thread);
}

/* ------------------------------------------------------------------------- */
/* Public accessors and operations                                           */

void
zb_database_close (ZbDatabase *self)
{
  g_return_if_fail (ZB_IS_DATABASE (self));

  if (self->db == NULL)
    return;

  g_hash_table_remove_all (self->statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_mutex_lock (&self->secret_lock);
  g_clear_pointer (&self->secret, zb_secret_free);
  g_mutex_unlock (&self->secret_lock);
  _zb_open_paths_remove (self->path);
}

void
_zb_database_set_secret (ZbDatabase *self, const ZbSecret *secret)
{
  g_mutex_lock (&self->secret_lock);
  g_clear_pointer (&self->secret, zb_secret_free);
  self->secret = zb_secret_copy (secret);
  g_mutex_unlock (&self->secret_lock);
}

ZbDatabase *
zb_database_open_sibling (ZbDatabase *self, GError **error)
{
  g_autoptr (ZbSecret) secret = NULL;

  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->secret_lock);
  if (self->secret != NULL)
    secret = zb_secret_copy (self->secret);
  g_mutex_unlock (&self->secret_lock);

  if (secret == NULL)
    {
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CLOSED,
                           _ ("The workspace is locked."));
      return NULL;
    }
  /* The file is current (this connection migrated it), so this only keys,
   * checks and configures; with a passphrase the key derivation runs again. */
  return zb_database_open (self->path, secret, error);
}

gboolean
zb_database_check_secret (ZbDatabase *self, const ZbSecret *secret)
{
  gboolean same;

  g_return_val_if_fail (ZB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (secret != NULL, FALSE);

  /* Compared in place, under the lock, so that no copy of the key is made;
   * every byte of the longer one is read whatever matches, so that the time
   * says neither where they differ nor how long the passphrase is. The kind
   * (raw key or passphrase) is no secret. */
  g_mutex_lock (&self->secret_lock);
  same = self->secret != NULL && zb_secret_get_kind (self->secret) == zb_secret_get_kind (secret);
  if (same)
    {
      gsize la = 0, lb = 0;
      const guint8 *a = (const guint8 *)zb_secret_get_sqlcipher_key (self->secret, &la);
      const guint8 *b = (const guint8 *)zb_secret_get_sqlcipher_key (secret, &lb);
      guint8 diff = la != lb;

      for (gsize i = 0; la > 0 && lb > 0 && i < MAX (la, lb); i++)
        diff |= a[i % la] ^ b[i % lb];
      same = diff == 0 && la > 0;
    }
  g_mutex_unlock (&self->secret_lock);
  return same;
}

gboolean
zb_database_is_open (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), FALSE);

  return self->db != NULL;
}

const char *
zb_database_get_path (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);

  return self->path;
}

const char *
zb_database_get_uuid (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);

  return self->uuid;
}

int
zb_database_get_schema_version (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), 0);

  return self->schema_version;
}

int
zb_database_get_latest_version (void)
{
  return _zb_migrations_latest ();
}

ZbProtection
zb_database_get_protection (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), ZB_PROTECTION_KEYRING);

  return self->protection;
}

char *
zb_database_dup_cipher_version (ZbDatabase *self)
{
  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  return _zb_sqlite_query_text (self->db, "PRAGMA cipher_version", NULL);
}

static char *
dup_workspace_text (ZbDatabase *self, const char *sql)
{
  sqlite3_stmt *stmt;
  char *result = NULL;

  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = _zb_database_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return result;
}

char *
zb_database_dup_org_name (ZbDatabase *self)
{
  return dup_workspace_text (self, "SELECT org_name FROM workspace WHERE id = 1");
}

char *
zb_database_dup_superior_name (ZbDatabase *self)
{
  return dup_workspace_text (self, "SELECT superior_name FROM workspace WHERE id = 1");
}

char *
zb_database_dup_created_at (ZbDatabase *self)
{
  return dup_workspace_text (self, "SELECT created_at FROM workspace WHERE id = 1");
}

GArray *
zb_database_count_rows (ZbDatabase *self, GError **error)
{
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (ZbTableCount));
  const ZbTableInfo *tables = _zb_migrations_tables ();

  g_return_val_if_fail (ZB_IS_DATABASE (self), NULL);

  for (guint i = 0; tables[i].name != NULL; i++)
    {
      sqlite3_stmt *stmt = _zb_database_prepare (self, tables[i].count_sql, error);
      ZbTableCount count = { tables[i].name, 0 };

      if (stmt == NULL)
        return NULL;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          _zb_database_set_error (self, error);
          sqlite3_reset (stmt);
          return NULL;
        }
      count.rows = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      g_array_append_val (counts, count);
    }

  return g_steal_pointer (&counts);
}

static gboolean
set_protection (ZbDatabase *self, ZbProtection protection, GError **error)
{
  const char *value = protection == ZB_PROTECTION_PASSPHRASE ? "passphrase" : "keyring";
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *after = g_strdup_printf ("{\"protection\":\"%s\"}", value);
  sqlite3_stmt *stmt;

  if (!_zb_database_begin (self, error))
    return FALSE;

  stmt = _zb_database_prepare (
      self, "UPDATE workspace SET protection = ?1, updated_at = ?2 WHERE id = 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _zb_database_set_error (self, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  /* The audit row says that the key changed, never what it is. */
  if (!zb_audit_append (self, "rekey", "workspace", self->uuid, NULL, after, error)
      || !_zb_database_commit (self, error))
    goto fail;

  self->protection = protection;
  return TRUE;

fail:
  _zb_database_rollback (self);
  return FALSE;
}

gboolean
zb_database_rekey (ZbDatabase *self, const ZbSecret *new_secret, ZbProtection protection,
                   GError **error)
{
  const char *key;
  gsize key_len;
  int rc;

  g_return_val_if_fail (ZB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (new_secret != NULL, FALSE);

  /* Empty the WAL into the main file first, so that every page is re-encrypted
   * by the rekey below. */
  sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  key = zb_secret_get_sqlcipher_key (new_secret, &key_len);
  rc = sqlite3_rekey (self->db, key, (int)key_len);
  if (rc != SQLITE_OK)
    return _zb_sqlite_set_error (self->db, rc, error);
  _zb_database_set_secret (self, new_secret);

  return set_protection (self, protection, error);
}

static gboolean
collect_problems (sqlite3 *db, const char *pragma, GPtrArray *problems)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (problems, g_strdup (line));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  /* A page that cannot even be read is damage too. */
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    g_ptr_array_add (problems, g_strdup (sqlite3_errmsg (db)));
  return problems->len == 0;
}

gboolean
zb_database_check_integrity (ZbDatabase *self, GError **error)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (ZB_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  /* First every page's HMAC (a row per bad page, nothing when all is well), then
   * SQLite's own structure check, which would only stumble over bad pages. */
  if (collect_problems (self->db, "PRAGMA cipher_integrity_check", problems))
    collect_problems (self->db, "PRAGMA integrity_check", problems);

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_message ("integrity problem: %s", (const char *)problems->pdata[i]);
      g_set_error (
          error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CORRUPT,
          g_dngettext (GETTEXT_PACKAGE, "The workspace file is damaged (%u problem found).",
                       "The workspace file is damaged (%u problems found).", problems->len),
          problems->len);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* GObject                                                                   */

static void
zb_database_finalize (GObject *object)
{
  ZbDatabase *self = (ZbDatabase *)object;

  zb_database_close (self);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->uuid, g_free);
  g_mutex_clear (&self->secret_lock);

  G_OBJECT_CLASS (zb_database_parent_class)->finalize (object);
}

static void
zb_database_class_init (ZbDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
zb_database_init (ZbDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  g_mutex_init (&self->secret_lock);
}

void
_zb_database_set_schema_version (ZbDatabase *self, int version)
{
  self->schema_version = version;
}
