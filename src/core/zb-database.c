/* zb-database.c — the one way into a workspace's encrypted SQLCipher file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "zhibu-database"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-migrations.h"

/* SQLCipher 4 is the first format we read; 4.6 is the floor we build against. */
#define MIN_CIPHER_MAJOR 4

struct _ZbDatabase
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *uuid;
  int schema_version;
  ZbProtection protection;
  GHashTable *statements; /* SQL text → sqlite3_stmt* */
};

G_DEFINE_FINAL_TYPE (ZbDatabase, zb_database, G_TYPE_OBJECT)

/* Files open in this process. Probing such a file must not open() it: closing any
 * descriptor of a file drops the POSIX locks SQLite holds on it. */
static GMutex open_paths_lock;
static GHashTable *open_paths; /* canonical path → count */

static char *
canonical_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

static void
open_paths_add (const char *path)
{
  char *canon = canonical_path (path);
  guint count;

  g_mutex_lock (&open_paths_lock);
  if (open_paths == NULL)
    open_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_paths, canon));
  g_hash_table_insert (open_paths, canon, GUINT_TO_POINTER (count + 1));
  g_mutex_unlock (&open_paths_lock);
}

static void
open_paths_remove (const char *path)
{
  g_autofree char *canon = canonical_path (path);
  guint count;

  g_mutex_lock (&open_paths_lock);
  count = open_paths ? GPOINTER_TO_UINT (g_hash_table_lookup (open_paths, canon)) : 0;
  if (count > 1)
    g_hash_table_insert (open_paths, g_steal_pointer (&canon), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (open_paths, canon);
  g_mutex_unlock (&open_paths_lock);
}

static gboolean
open_paths_contains (const char *path)
{
  g_autofree char *canon = canonical_path (path);
  gboolean found;

  g_mutex_lock (&open_paths_lock);
  found = open_paths != NULL && g_hash_table_contains (open_paths, canon);
  g_mutex_unlock (&open_paths_lock);
  return found;
}

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

static gboolean
set_sqlite_error (sqlite3 *db, int rc, GError **error)
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
  return set_sqlite_error (self->db, sqlite3_errcode (self->db), error);
}

static gboolean
exec_sql (sqlite3 *db, const char *sql, GError **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);
  return TRUE;
}

/* Runs a query that returns one text value (pragmas). */
static char *
query_text (sqlite3 *db, const char *sql, int *rc_out)
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

static gint64
query_int (sqlite3 *db, const char *sql, int *rc_out)
{
  g_autofree char *text = query_text (db, sql, rc_out);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

/* ------------------------------------------------------------------------- */
/* Checks without a key                                                      */

static gboolean
is_network_fs (const char *path)
{
  struct statfs buf;

  if (statfs (path, &buf) != 0)
    return FALSE;

  switch ((unsigned long)buf.f_type)
    {
    case 0x6969:     /* NFS */
    case 0x517B:     /* SMB */
    case 0xFF534D42: /* CIFS */
    case 0xFE534D42: /* SMB2 */
    case 0x65735546: /* FUSE (sshfs and friends) */
    case 0x564c:     /* NCP */
    case 0x01021997: /* 9P (v9fs) */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
check_folder (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* WAL needs to create -wal and -shm files beside the database. */
  if (g_access (dir, W_OK) != 0
      || (g_stat (dir, &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The folder “%s” cannot be written, so the workspace cannot be used "
                      "there. Choose a folder you can write to."),
                   dir);
      return FALSE;
    }
  if (is_network_fs (dir))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NETWORK_FS,
                   _ ("“%s” is on a network drive, where the workspace could be damaged. "
                      "Keep the workspace on this computer."),
                   path);
      return FALSE;
    }
  return TRUE;
}

gboolean
zb_database_probe (const char *path, GError **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  char header[16];
  GStatBuf st;
  FILE *file;
  gsize n;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND,
                     _ ("The workspace file “%s” does not exist."), path);
      else
        g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                     _ ("The workspace file “%s” cannot be read."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Zhibu workspace file."), path);
      return FALSE;
    }
  /* The mode bits are checked too: root passes access(), but a file its owner
   * marked read-only must not be written behind their back. */
  if (g_access (path, R_OK | W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The workspace file “%s” is read-only. Zhibu needs to be able to "
                      "write to it."),
                   path);
      return FALSE;
    }
  if (!check_folder (path, error))
    return FALSE;

  /* A file open in this process is known to be good; and reading it here would
   * close a descriptor and drop SQLite's locks. */
  if (open_paths_contains (path))
    return TRUE;

  /* SQLCipher files are pages of ciphertext: a whole number of pages (512 bytes
   * at the least), with no plain header. */
  if (st.st_size == 0 || st.st_size % 512 != 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Zhibu workspace file."), path);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The workspace file “%s” cannot be read."), path);
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == sizeof header && memcmp (header, sqlite_magic, sizeof header) == 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_SQLCIPHER4,
                   _ ("“%s” is an unencrypted SQLite database, not a Zhibu workspace."), path);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Connections                                                               */

static gboolean
check_cipher (sqlite3 *db, GError **error)
{
  g_autofree char *version = query_text (db, "PRAGMA cipher_version", NULL);

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

static sqlite3 *
connect (const char *path, const ZbSecret *secret, int flags, GError **error)
{
  sqlite3 *db = NULL;
  const char *key;
  gsize key_len;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
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
      set_sqlite_error (db, rc, error);
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

  return set_sqlite_error (db, rc, error);
}

static gboolean
configure_connection (sqlite3 *db, GError **error)
{
  g_autofree char *mode = NULL;
  int rc = SQLITE_OK;

  sqlite3_busy_timeout (db, 5000);

  /* foreign keys on; temporary tables and indices in memory, never in a temporary
   * file; FULL sync so a committed change survives a power cut. */
  if (!exec_sql (db,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA synchronous = FULL;",
                 error))
    return FALSE;

  mode = query_text (db, "PRAGMA journal_mode = WAL", &rc);
  if (rc != SQLITE_OK)
    return set_sqlite_error (db, rc, error);
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
  int version = (int)query_int (db, "PRAGMA user_version", &rc);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, error);
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

  if (!exec_sql (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  if (!exec_sql (db, _zb_migrations_get (version), error))
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
          set_sqlite_error (db, rc, error);
          goto fail;
        }
    }

  if (!exec_sql (db, set_version, error) || !exec_sql (db, "COMMIT", error))
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

static gboolean
load_workspace (ZbDatabase *self, GError **error)
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

static ZbDatabase *
database_new (const char *path, sqlite3 *db)
{
  ZbDatabase *self = g_object_new (ZB_TYPE_DATABASE, NULL);

  self->db = db;
  self->path = g_strdup (path);
  open_paths_add (path);
  return self;
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

  self = database_new (path, db);

  if (version < _zb_migrations_latest ())
    {
      g_message ("migrating workspace from schema version %d to %d", version,
                 _zb_migrations_latest ());
      if (!migrate (db, version, _zb_migrations_latest (), error))
        return NULL;
    }
  self->schema_version = _zb_migrations_latest ();

  if (!load_workspace (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
remove_database_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
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
  if (!check_folder (path, error))
    return NULL;

  db = connect (path, secret, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    {
      remove_database_files (path);
      return NULL;
    }

  /* Only the user may read the file (SQLite gives -wal and -shm the same mode). */
  g_chmod (path, 0600);

  self = database_new (path, db);

  /* A new file goes through the same steps an old one did: version 1 with its
   * workspace row, then each later migration. */
  if (!configure_connection (db, error) || !migrate (db, 0, 1, error)
      || !insert_workspace (self, setup, error) || !migrate (db, 1, version, error)
      || (version >= 2 && !set_superior_name (self, setup->superior_name, error))
      || !load_workspace (self, error))
    {
      zb_database_close (self);
      remove_database_files (path);
      return NULL;
    }
  self->schema_version = version;

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

  return exec_sql (self->db, sql, error);
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
  open_paths_remove (self->path);
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

  return query_text (self->db, "PRAGMA cipher_version", NULL);
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
    return set_sqlite_error (self->db, rc, error);

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
}
