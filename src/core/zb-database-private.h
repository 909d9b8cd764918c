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

/* Small statement helpers every repository uses. A text column as a new
 * string (NULL for SQL NULL); text bound without a copy (the caller keeps it
 * alive until the statement is reset), NULL as SQL NULL; an id, 0 as NULL. */
char *_zb_column_dup_text (sqlite3_stmt *stmt, int column);
void _zb_bind_text_or_null (sqlite3_stmt *stmt, int index, const char *value);
void _zb_bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id);
/* Steps a statement that returns no rows and resets it; @error on failure. */
gboolean _zb_database_step_done (ZbDatabase *self, sqlite3_stmt *stmt, GError **error);
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
