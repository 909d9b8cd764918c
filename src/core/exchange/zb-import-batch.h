/* zb-import-batch.h — imports as undoable steps (撤销本次导入)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"
#include "zb-member-repo.h"

G_BEGIN_DECLS

/* One row of import_batch. */
typedef struct
{
  gint64 id;
  char *uuid;
  char *kind;      /* "members" */
  char *file_name; /* the file's name, without its folder */
  guint n_records; /* members written */
  char *imported_at;
  char *undone_at; /* NULL while in force */
} ZbImportBatch;

void zb_import_batch_free (ZbImportBatch *batch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportBatch, zb_import_batch_free)

/* All imports, newest first: a GPtrArray of ZbImportBatch. */
GPtrArray *zb_import_batch_list (ZbDatabase *db, GError **error);

/* The batch whose uuid is @uuid or starts with it (at least 8 characters, and
 * only one batch may match); NULL with ZB_EXCHANGE_ERROR_NOT_FOUND. */
ZbImportBatch *zb_import_batch_find (ZbDatabase *db, const char *uuid, GError **error);

/* Undoes import batch @uuid (NULL: the latest one still in force) in one
 * transaction: removes exactly the members it added — with any events and
 * posts recorded for them since — marks the batch undone, and appends one audit
 * row ("undo-import", "import_batch"). Emits the repository's "changed".
 * Returns the batch as undone; *n_removed (may be NULL) is set. Fails with
 * ZB_EXCHANGE_ERROR_NOT_FOUND when there is nothing to undo and
 * ZB_EXCHANGE_ERROR_UNDONE when the batch was undone already. */
ZbImportBatch *zb_import_batch_undo (ZbMemberRepo *repo, const char *uuid, guint *n_removed,
                                     GError **error);

G_END_DECLS
