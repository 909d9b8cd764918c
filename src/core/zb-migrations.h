/* zb-migrations.h — the schema, one forward-only step per version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The number of the newest schema. Version 0 is an empty file. */
int _zb_migrations_latest (void);

/* The SQL that takes a file from @version - 1 to @version (1 ≤ version ≤ latest).
 * It holds schema statements only: no data from users is ever part of it. */
const char *_zb_migrations_get (int version);

typedef struct
{
  const char *name;
  const char *count_sql;
} ZbTableInfo;

/* Tables of the newest schema with a fixed statement counting their rows;
 * terminated by an entry whose name is NULL. */
const ZbTableInfo *_zb_migrations_tables (void);

G_END_DECLS
