/* zb-database-private.h — what repositories inside the core need of ZbDatabase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "zb-database.h"

G_BEGIN_DECLS

sqlite3 *_zb_database_get_handle (ZbDatabase *self);

/* Prepares (and caches) a statement; the returned statement is reset and has its
 * bindings cleared. Never build SQL text from data: bind it. */
sqlite3_stmt *_zb_database_prepare (ZbDatabase *self, const char *sql, GError **error);

/* Runs SQL without parameters (schema statements, fixed pragmas). */
gboolean _zb_database_exec (ZbDatabase *self, const char *sql, GError **error);

/* Transactions: BEGIN IMMEDIATE … COMMIT, or ROLLBACK. Not nestable. */
gboolean _zb_database_begin (ZbDatabase *self, GError **error);
gboolean _zb_database_commit (ZbDatabase *self, GError **error);
void _zb_database_rollback (ZbDatabase *self);

/* The same for a write of tens of megabytes, which goes through a rollback
 * journal rather than the WAL when it can, or else puts off the WAL's
 * checkpoint. _zb_database_end_large() after the COMMIT or ROLLBACK returns
 * the connection to WAL, or copies the WAL into the file: at once, or with
 * @checkpoint_later when _zb_database_checkpoint_in_background() is called,
 * once the caller is done with the connection (a worker's own, whose result
 * is handed on first). That runs the checkpoint on a thread of its own, which
 * keeps the connection until it is done. */
gboolean _zb_database_begin_large (ZbDatabase *self, GError **error);
void _zb_database_end_large (ZbDatabase *self, gboolean checkpoint_later);
void _zb_database_checkpoint_in_background (ZbDatabase *self);

/* Small statement helpers every repository uses. A text column as a new
 * string (NULL for SQL NULL); text bound without a copy (the caller keeps it
 * alive until the statement is reset), NULL as SQL NULL; an id, 0 as NULL. */
char *_zb_column_dup_text (sqlite3_stmt *stmt, int column);
void _zb_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *value);
void _zb_bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id);
/* Steps a statement that returns no rows and resets it; @error on failure. */
gboolean _zb_database_step_done (ZbDatabase *self, sqlite3_stmt *stmt, GError **error);
/* Commits when @ok, else (or when the commit fails) rolls back: the end of
 * a repository's write. TRUE when the write is stored. */
gboolean _zb_database_finish (ZbDatabase *self, gboolean ok, GError **error);

/* A record edited as a whole replaces its child rows, but each child keeps
 * the time it was first written: _zb_database_load_created() reads them
 * (@sql selects uuid, created_at with the parent's id bound to ?1) before the
 * children are deleted (_zb_database_exec_each_for_id()), and
 * _zb_created_at() gives a rewritten child its time, a new one @now. */
GHashTable *_zb_database_load_created (ZbDatabase *self, const char *sql, gint64 id,
                                       GError **error);
const char *_zb_created_at (GHashTable *created, const char *uuid, const char *now);
/* Runs each of the @n_sql statements @sql, a write with @id bound to ?1. */
gboolean _zb_database_exec_each_for_id (ZbDatabase *self, const char *const *sql, guint n_sql,
                                        gint64 id, GError **error);

/* Runs @sql, a query of one number (SELECT count(*) …) with @id bound to ?1,
 * and puts that number in *@count (0 on failure). */
gboolean _zb_database_count_for_id (ZbDatabase *self, const char *sql, gint64 id, guint *count,
                                    GError **error);

/* Sets @error from the connection's last error (a translated generic message with
 * SQLite's own text appended for the log). Returns FALSE for convenience. */
gboolean _zb_database_set_error (ZbDatabase *self, GError **error);

/* For tests: create a workspace at an older schema version. */
ZbDatabase *_zb_database_create_at_version (const char *path, const ZbSecret *secret,
                                            const ZbWorkspaceSetup *setup, int version,
                                            GError **error);

/* ISO-8601 UTC timestamp with milliseconds, e.g. 2026-11-27T01:23:45.678Z */
char *_zb_now_iso8601 (void);
/* A new random (v4) UUID string. */
char *_zb_new_uuid (void);

G_END_DECLS
