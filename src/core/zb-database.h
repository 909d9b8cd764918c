/* zb-database.h — the one way into a workspace's encrypted SQLCipher file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-error.h"
#include "zb-secret.h"

G_BEGIN_DECLS

#define ZB_TYPE_DATABASE (zb_database_get_type ())

/* One connection to a workspace. It is used by one thread at a time: it may
 * pass from thread to thread (opened on a worker, used by the window), and a
 * thread that shares it for a while (the checks of an import) takes a lock
 * around every use, but two threads never call into it at once. A worker that
 * runs beside the window opens a connection of its own
 * (zb_database_open_sibling()). */
G_DECLARE_FINAL_TYPE (ZbDatabase, zb_database, ZB, DATABASE, GObject)

/* What a new workspace starts with. */
typedef struct
{
  const char *org_name;      /* e.g. 中共某某支部委员会 */
  const char *superior_name; /* the committee above, may be NULL or "" */
  ZbProtection protection;   /* recorded so the app knows how to unlock next time */
} ZbWorkspaceSetup;

typedef struct
{
  const char *table;
  gint64 rows;
} ZbTableCount;

/* The latest schema this program writes and reads. */
int zb_database_get_latest_version (void);

/* Checks what can be checked without a key: the file exists, is writable with its
 * folder, is not on a network filesystem, and is not a plain SQLite file. Never
 * modifies the file. */
gboolean zb_database_probe (const char *path, GError **error);

/* Opens an existing workspace, keys it with @secret, verifies the key, refuses a
 * file newer than this program, and migrates an older one (each step in its own
 * transaction). Never creates a file. */
ZbDatabase *zb_database_open (const char *path, const ZbSecret *secret, GError **error);
void zb_database_open_async (const char *path, const ZbSecret *secret, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
ZbDatabase *zb_database_open_finish (GAsyncResult *result, GError **error);

/* Creates a new workspace at @path (refusing if anything is there), keyed with
 * @secret, at the latest schema version. The folder is created if needed. */
ZbDatabase *zb_database_create (const char *path, const ZbSecret *secret,
                                const ZbWorkspaceSetup *setup, GError **error);
void zb_database_create_async (const char *path, const ZbSecret *secret,
                               const ZbWorkspaceSetup *setup, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
ZbDatabase *zb_database_create_finish (GAsyncResult *result, GError **error);

void zb_database_close (ZbDatabase *self);
gboolean zb_database_is_open (ZbDatabase *self);

const char *zb_database_get_path (ZbDatabase *self);
const char *zb_database_get_uuid (ZbDatabase *self);
int zb_database_get_schema_version (ZbDatabase *self);
char *zb_database_dup_cipher_version (ZbDatabase *self);
ZbProtection zb_database_get_protection (ZbDatabase *self);

/* Workspace facts (the single row of the workspace table). */
char *zb_database_dup_org_name (ZbDatabase *self);
char *zb_database_dup_superior_name (ZbDatabase *self);
char *zb_database_dup_created_at (ZbDatabase *self);

/* Row counts of every table, for `zhibu-cli info`: a GArray of ZbTableCount
 * (table names are static strings). */
GArray *zb_database_count_rows (ZbDatabase *self, GError **error);

/* A second connection to the open workspace, for a worker thread (imports,
 * exports, batch printing) that must not hold up the window's queries: WAL
 * lets it write while this one reads. Opened with the key or passphrase this
 * one was opened with (kept in locked memory until zb_database_close()), so a
 * passphrase costs its key derivation again. Fails with
 * ZB_DATABASE_ERROR_CLOSED once this one is closed (locked). */
ZbDatabase *zb_database_open_sibling (ZbDatabase *self, GError **error);

/* Whether @secret is the key or passphrase this workspace is open with, by a
 * constant-time comparison (the re-check before talk contents, issue 6).
 * FALSE once closed (locked), and for a secret of the other kind. */
gboolean zb_database_check_secret (ZbDatabase *self, const ZbSecret *secret);

/* Changes the key with one PRAGMA rekey, and records the protection. */
gboolean zb_database_rekey (ZbDatabase *self, const ZbSecret *new_secret, ZbProtection protection,
                            GError **error);

/* PRAGMA integrity_check and PRAGMA cipher_integrity_check. On failure the error
 * (ZB_DATABASE_ERROR_CORRUPT) names the first problems found. */
gboolean zb_database_check_integrity (ZbDatabase *self, GError **error);

G_END_DECLS
