/* zb-audit.h — the hash-chained audit log every change is written to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "zb-database.h"

G_BEGIN_DECLS

/* Appends one row: now, the current system user, @action (e.g. "create",
 * "update", "rekey", "export", "print"), @entity (the table or kind, e.g.
 * "workspace"), the record's UUID, and the record before and after as JSON
 * (either may be NULL). The row's hash covers its content and the previous row's
 * hash. Call it inside the transaction that makes the change, so that the change
 * and its audit row commit together; it opens its own when none is open. */
gboolean zb_audit_append (ZbDatabase *db, const char *action, const char *entity,
                          const char *record_uuid, const char *before_json, const char *after_json,
                          GError **error);

/* Walks the chain. Returns TRUE when every row's hash is right and links to the
 * one before, with no row missing at either end. Otherwise FALSE with
 * ZB_AUDIT_ERROR_BROKEN_CHAIN and *first_broken set to the sequence number of the
 * first row that does not verify (a deleted row shows as the row after the gap). */
gboolean zb_audit_verify (ZbDatabase *db, gint64 *n_rows, gint64 *first_broken, GError **error);

/* Members of the before/after JSON of audit rows: text (NULL as null), a
 * number, and a row id (0, none, as null). */
void zb_audit_json_add_string (JsonBuilder *builder, const char *key, const char *value);
void zb_audit_json_add_int (JsonBuilder *builder, const char *key, gint64 value);
void zb_audit_json_add_id (JsonBuilder *builder, const char *key, gint64 id);

G_END_DECLS
