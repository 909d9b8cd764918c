/* zb-database-internal.h — shared between the files that make up ZbDatabase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZbDatabase is split by concern: zb-database-file.c (what can be known without
 * a key), zb-database-open.c (keying, opening, creating, migrating) and
 * zb-database.c (the object, statements, key changes, integrity). Nothing outside
 * those three files includes this header; repositories use zb-database-private.h.
 */
#pragma once

#include "zb-database-private.h"

G_BEGIN_DECLS

/* Plain SQLite helpers that turn failures into translated GErrors. */
gboolean _zb_sqlite_set_error (sqlite3 *db, int rc, GError **error);
gboolean _zb_sqlite_exec (sqlite3 *db, const char *sql, GError **error);
char *_zb_sqlite_query_text (sqlite3 *db, const char *sql, int *rc_out);
gint64 _zb_sqlite_query_int (sqlite3 *db, const char *sql, int *rc_out);

/* Files open in this process (zb-database-file.c). */
void _zb_open_paths_add (const char *path);
void _zb_open_paths_remove (const char *path);
gboolean _zb_database_check_folder (const char *path, GError **error);
void _zb_database_remove_files (const char *path);

/* The object around a keyed, verified connection (zb-database.c). */
ZbDatabase *_zb_database_new_for_connection (const char *path, sqlite3 *db);
gboolean _zb_database_load_workspace (ZbDatabase *self, GError **error);
void _zb_database_set_schema_version (ZbDatabase *self, int version);
/* Keeps a copy of @secret while the file is open (zb_database_open_sibling). */
void _zb_database_set_secret (ZbDatabase *self, const ZbSecret *secret);

G_END_DECLS
