/* zb-migrations.c — the schema, one forward-only step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step runs in its own transaction together with the PRAGMA user_version that
 * records it (ZbDatabase does that), so a file is always at exactly one version.
 * Steps are never edited once released: a change is a new step.
 */
#include "config.h"

#include "zb-migrations.h"

static const char *const migrations[] = {
  /* 1: the workspace and the audit log */
  "CREATE TABLE workspace ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  org_name TEXT NOT NULL,"
  "  protection TEXT NOT NULL CHECK (protection IN ('keyring', 'passphrase')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE audit_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record_uuid TEXT,"
  "  before_json TEXT,"
  "  after_json TEXT,"
  "  prev_hash TEXT NOT NULL,"
  "  hash TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE audit_head ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  last_seq INTEGER NOT NULL,"
  "  last_hash TEXT NOT NULL"
  ") STRICT;"
  "INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, "
  "  '0000000000000000000000000000000000000000000000000000000000000000');",

  /* 2: the committee above the branch, and a record of every migration applied */
  "ALTER TABLE workspace ADD COLUMN superior_name TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE schema_history ("
  "  version INTEGER PRIMARY KEY,"
  "  applied_at TEXT NOT NULL,"
  "  app_version TEXT NOT NULL"
  ") STRICT;",
};

static const ZbTableInfo tables[] = {
  { "workspace", "SELECT count(*) FROM workspace" },
  { "audit_log", "SELECT count(*) FROM audit_log" },
  { "schema_history", "SELECT count(*) FROM schema_history" },
  { NULL, NULL },
};

int
_zb_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
_zb_migrations_get (int version)
{
  g_return_val_if_fail (version >= 1 && version <= _zb_migrations_latest (), NULL);

  return migrations[version - 1];
}

const ZbTableInfo *
_zb_migrations_tables (void)
{
  return tables;
}
