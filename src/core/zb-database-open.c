/* zb-database-open.c — opening, creating and migrating a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "zhibu-database"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-database-internal.h"
#include "zb-migrations.h"

/* SQLCipher 4 is the first format we read; 4.6 is the floor we build against. */
#define MIN_CIPHER_MAJOR 4

/* ------------------------------------------------------------------------- */
/* Connections                                                               */

static gboolean
check_cipher (sqlite3 *db, GError **error)
{
  g_autofree char *version = _zb_sqlite_query_text (db, "PRAGMA cipher_version", NULL);

  if (version == NULL || version[0] == '\0'
      || g_ascii_strtoll (version, NULL, 10) < MIN_CIPHER_MAJOR)
    {
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CIPHER,
                           _ ("The SQLCipher encryption library is missing or too old; "
                              "version 4 or newer is needed."));
      return FALSE;
    }
  return TRUE;
}

/* SQLite keeps allocation statistics under one global mutex by default: a
 * bulk import allocates for every row on two threads, and nothing here reads
 * the statistics. Must come before the library initialises (the first open). */
static void
configure_sqlite_once (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static sqlite3 *
connect (const char *path, const ZbSecret *secret, int flags, GError **error)
{
  sqlite3 *db = NULL;
  const char *key;
  gsize key_len;
  int rc;

  configure_sqlite_once ();
  /* NOMUTEX: a ZbDatabase is used by one thread at a time (zb-database.h), as
   * its cache of statements requires anyway, so SQLite's own lock around
   * every call (each bind, step and reset) only costs: some 4,000
   * instructions a member in a bulk import, 8 % of its writes. */
  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _zb_sqlite_set_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }

  if (!check_cipher (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* A wrong key is an expected event, reported through GError: keep SQLCipher
   * from also printing its own lines on standard error. */
  sqlite3_exec (db, "PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);

  /* The key goes through sqlite3_key(), never through SQL text. */
  key = zb_secret_get_sqlcipher_key (secret, &key_len);
  rc = sqlite3_key (db, key, (int)key_len);
  if (rc != SQLITE_OK)
    {
      _zb_sqlite_set_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_exec (db, "PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);

  return db;
}

/* Whether @secret opens @path as an older SQLCipher (3) file. Read-only. */
static gboolean
opens_as_sqlcipher3 (const char *path, const ZbSecret *secret)
{
  sqlite3 *db = NULL;
  const char *key;
  gsize key_len;
  int rc;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      return FALSE;
    }
  sqlite3_exec (db, "PRAGMA cipher_log_level = NONE", NULL, NULL, NULL);
  key = zb_secret_get_sqlcipher_key (secret, &key_len);
  sqlite3_key (db, key, (int)key_len);
  rc = sqlite3_exec (db, "PRAGMA cipher_compatibility = 3", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
  return rc == SQLITE_OK;
}

static gboolean
verify_key (sqlite3 *db, const char *path, const ZbSecret *secret, GError **error)
{
  int rc = sqlite3_exec (db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    return TRUE;

  if ((rc & 0xff) == SQLITE_NOTADB)
    {
      if (opens_as_sqlcipher3 (path, secret))
        g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_SQLCIPHER4,
                     _ ("“%s” uses an older encryption format (SQLCipher 3) that Zhibu does "
                        "not open."),
                     path);
      else if (zb_secret_get_kind (secret) == ZB_SECRET_PASSPHRASE)
        g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY,
                             _ ("The passphrase is not correct."));
      else
        g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY,
                             _ ("The key does not open this workspace."));
      return FALSE;
    }

  return _zb_sqlite_set_error (db, rc, error);
}

static gboolean
configure_connection (sqlite3 *db, GError **error)
{
  g_autofree char *mode = NULL;
  int rc = SQLITE_OK;

  sqlite3_busy_timeout (db, 5000);

  /* foreign keys on; temporary tables and indices in memory, never in a temporary
   * file; FULL sync so a committed change survives a power cut.
   * A page cache of up to 256 MB: SQLite's default is 2 MB, and every page
   * that falls out of it is decrypted again (AES and an HMAC) when it is next
   * read, or, while a transaction writes, encrypted into the WAL and read back.
   * Sorting 30,000 search candidates at a million members cost about 13 µs a
   * candidate with the index out of the cache and 2 µs with it in; migrating
   * 100,000 members to schema 11 took 24 s in 2 MB. Pages are allocated as they
   * are used, so a small workspace never takes more than its size. */
  if (!_zb_sqlite_exec (db,
                        "PRAGMA foreign_keys = ON;"
                        "PRAGMA temp_store = MEMORY;"
                        "PRAGMA synchronous = FULL;"
                        "PRAGMA cache_size = -262144;",
                        error))
    return FALSE;

  mode = _zb_sqlite_query_text (db, "PRAGMA journal_mode = WAL", &rc);
  if (rc != SQLITE_OK)
    return _zb_sqlite_set_error (db, rc, error);
  if (g_strcmp0 (mode, "wal") != 0)
    {
      g_set_error_literal (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_FAILED,
                           _ ("The workspace could not be read or written."));
      return FALSE;
    }
  return TRUE;
}

static int
read_user_version (sqlite3 *db, GError **error)
{
  int rc = SQLITE_OK;
  int version = (int)_zb_sqlite_query_int (db, "PRAGMA user_version", &rc);

  if (rc != SQLITE_OK)
    {
      _zb_sqlite_set_error (db, rc, error);
      return -1;
    }
  return version;
}

/* One migration step, in its own transaction with the version that records it. */
static gboolean
migrate_to (sqlite3 *db, int version, GError **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!_zb_sqlite_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!_zb_sqlite_exec (db, _zb_migrations_get (version), error))
    goto fail;

  if (version >= 2)
    {
      g_autofree char *now = _zb_now_iso8601 ();

      rc = sqlite3_prepare_v2 (db,
                               "INSERT INTO schema_history (version, applied_at, app_version) "
                               "VALUES (?1, ?2, ?3)",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_int (stmt, 1, version);
          sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, PACKAGE_VERSION, -1, SQLITE_STATIC);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          _zb_sqlite_set_error (db, rc, error);
          goto fail;
        }
    }

  if (!_zb_sqlite_exec (db, set_version, error) || !_zb_sqlite_exec (db, "COMMIT", error))
    goto fail;

  g_debug ("migrated to schema version %d", version);
  return TRUE;

fail:
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
migrate (sqlite3 *db, int from, int to, GError **error)
{
  for (int v = from + 1; v <= to; v++)
    if (!migrate_to (db, v, error))
      return FALSE;
  return TRUE;
}

ZbDatabase *
zb_database_open (const char *path, const ZbSecret *secret, GError **error)
{
  g_autoptr (ZbDatabase) self = NULL;
  sqlite3 *db;
  int version;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  if (!zb_database_probe (path, error))
    return NULL;

  db = connect (path, secret, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  if (!verify_key (db, path, secret, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  /* Read the version before changing anything (even the journal mode), so that a
   * file from a newer Zhibu is left exactly as it was. */
  version = read_user_version (db, error);
  if (version < 0)
    {
      sqlite3_close_v2 (db);
      return NULL;
    }
  if (version > _zb_migrations_latest ())
    {
      sqlite3_close_v2 (db);
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_TOO_NEW,
                   _ ("This workspace was saved by a newer version of Zhibu (data version %d; "
                      "this version reads up to %d). Update Zhibu to open it. The file has "
                      "not been changed."),
                   version, _zb_migrations_latest ());
      return NULL;
    }
  if (version == 0)
    {
      sqlite3_close_v2 (db);
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_WORKSPACE,
                   _ ("“%s” is an encrypted database but not a Zhibu workspace."), path);
      return NULL;
    }

  if (!configure_connection (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  self = _zb_database_new_for_connection (path, db);

  if (version < _zb_migrations_latest ())
    {
      g_message ("migrating workspace from schema version %d to %d", version,
                 _zb_migrations_latest ());
      if (!migrate (db, version, _zb_migrations_latest (), error))
        return NULL;
    }
  _zb_database_set_schema_version (self, _zb_migrations_latest ());

  if (!_zb_database_load_workspace (self, error))
    return NULL;
  _zb_database_set_secret (self, secret);

  return g_steal_pointer (&self);
}

static char *
workspace_json (const char *uuid, const ZbWorkspaceSetup *setup, const char *now)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "org_name");
  json_builder_add_string_value (builder, setup->org_name);
  json_builder_set_member_name (builder, "superior_name");
  json_builder_add_string_value (builder, setup->superior_name ? setup->superior_name : "");
  json_builder_set_member_name (builder, "protection");
  json_builder_add_string_value (
      builder, setup->protection == ZB_PROTECTION_PASSPHRASE ? "passphrase" : "keyring");
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, now);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
insert_workspace (ZbDatabase *self, const ZbWorkspaceSetup *setup, GError **error)
{
  g_autofree char *uuid = _zb_new_uuid ();
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *after = workspace_json (uuid, setup, now);
  sqlite3_stmt *stmt;

  if (!_zb_database_begin (self, error))
    return FALSE;

  stmt = _zb_database_prepare (self,
                               "INSERT INTO workspace (id, uuid, org_name, protection, "
                               "created_at, updated_at) VALUES (1, ?1, ?2, ?3, ?4, ?4)",
                               error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, setup->org_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3,
                     setup->protection == ZB_PROTECTION_PASSPHRASE ? "passphrase" : "keyring", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _zb_database_set_error (self, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);

  if (!zb_audit_append (self, "create", "workspace", uuid, NULL, after, error))
    goto fail;

  if (!_zb_database_commit (self, error))
    goto fail;

  return TRUE;

fail:
  _zb_database_rollback (self);
  return FALSE;
}

static gboolean
set_superior_name (ZbDatabase *self, const char *superior, GError **error)
{
  sqlite3_stmt *stmt;

  if (superior == NULL || superior[0] == '\0')
    return TRUE;

  stmt = _zb_database_prepare (self, "UPDATE workspace SET superior_name = ?1 WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, superior, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _zb_database_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

ZbDatabase *
_zb_database_create_at_version (const char *path, const ZbSecret *secret,
                                const ZbWorkspaceSetup *setup, int version, GError **error)
{
  g_autoptr (ZbDatabase) self = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (setup != NULL && setup->org_name != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= _zb_migrations_latest (), NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_EXISTS,
                   _ ("A file already exists at “%s”. Zhibu will not overwrite it."), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The folder “%s” cannot be created. Choose a folder you can write to."), dir);
      return NULL;
    }
  if (!_zb_database_check_folder (path, error))
    return NULL;

  db = connect (path, secret, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    {
      _zb_database_remove_files (path);
      return NULL;
    }

  /* Only the user may read the file (SQLite gives -wal and -shm the same mode). */
  g_chmod (path, 0600);

  self = _zb_database_new_for_connection (path, db);

  /* A new file goes through the same steps an old one did: version 1 with its
   * workspace row, then each later migration. */
  if (!configure_connection (db, error) || !migrate (db, 0, 1, error)
      || !insert_workspace (self, setup, error) || !migrate (db, 1, version, error)
      || (version >= 2 && !set_superior_name (self, setup->superior_name, error))
      || !_zb_database_load_workspace (self, error))
    {
      zb_database_close (self);
      _zb_database_remove_files (path);
      return NULL;
    }
  _zb_database_set_schema_version (self, version);
  _zb_database_set_secret (self, secret);

  return g_steal_pointer (&self);
}

ZbDatabase *
zb_database_create (const char *path, const ZbSecret *secret, const ZbWorkspaceSetup *setup,
                    GError **error)
{
  return _zb_database_create_at_version (path, secret, setup, _zb_migrations_latest (), error);
}

/* ------------------------------------------------------------------------- */
/* Async                                                                     */

typedef struct
{
  char *path;
  ZbSecret *secret;
  char *org_name;
  char *superior_name;
  ZbProtection protection;
  gboolean create;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  zb_secret_free (data->secret);
  g_free (data->org_name);
  g_free (data->superior_name);
  g_free (data);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  ZbDatabase *self;

  if (data->create)
    {
      ZbWorkspaceSetup setup = {
        .org_name = data->org_name,
        .superior_name = data->superior_name,
        .protection = data->protection,
      };

      self = zb_database_create (data->path, data->secret, &setup, &error);
    }
  else
    self = zb_database_open (data->path, data->secret, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

static void
start_open_task (OpenData *data, gpointer source_tag, GCancellable *cancellable,
                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify)open_data_free);
  g_task_run_in_thread (task, open_thread);
}

void
zb_database_open_async (const char *path, const ZbSecret *secret, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->path = g_strdup (path);
  data->secret = zb_secret_copy (secret);
  start_open_task (data, zb_database_open_async, cancellable, callback, user_data);
}

ZbDatabase *
zb_database_open_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
zb_database_create_async (const char *path, const ZbSecret *secret, const ZbWorkspaceSetup *setup,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->path = g_strdup (path);
  data->secret = zb_secret_copy (secret);
  data->org_name = g_strdup (setup->org_name);
  data->superior_name = g_strdup (setup->superior_name);
  data->protection = setup->protection;
  data->create = TRUE;
  start_open_task (data, zb_database_create_async, cancellable, callback, user_data);
}

ZbDatabase *
zb_database_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
