/* zb-import-private.h — reading one record of an import: shared by the
 * importer and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-importer.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* Everything the checks of one record need, taken from the importer when a run
 * starts, so that a worker thread never touches the (main-thread) mapping. */
typedef struct
{
  ZbSheet *sheet;
  int columns[ZB_IMPORT_N_FIELDS];  /* column of each field, -1 when unmapped */
  char *titles[ZB_IMPORT_N_FIELDS]; /* the file's header of each mapped field */
  guint first_data_row;
  gboolean date1904;
  GDate today;
  gint64 default_branch;
  ZbOrgRepo *org;
  GHashTable *branches;   /* name → gint64 id (0: none), a cache */
  GHashTable *groups;     /* "branch-id/name" → gint64 id */
  GHashTable *unit_names; /* gint64 id → name, for previews */
} ZbImportContext;

ZbImportContext *_zb_import_context_new (ZbImportMapping *mapping, ZbOrgRepo *org,
                                         gint64 default_branch);
void _zb_import_context_free (ZbImportContext *ctx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbImportContext, _zb_import_context_free)

/* Whether every mapped cell of sheet row @row is empty: such rows are not
 * records. */
gboolean _zb_import_row_is_blank (ZbImportContext *ctx, guint row);

/* Reads sheet row @row as record number @record: converts each cell, then
 * normalises and checks the record with the rules (zb_member_normalize,
 * zb_member_validate). Appends ZbImportProblem to @problems. Returns the
 * record; NULL only on a database error (branch or group lookup). Duplicates
 * are for the caller. */
ZbMemberRecord *_zb_import_read_record (ZbImportContext *ctx, guint row, guint record,
                                        GPtrArray *problems, GError **error);

/* A problem of @field (its column and title from @ctx). @sentence is the
 * translated explanation. */
ZbImportProblem *_zb_import_problem_new (ZbImportContext *ctx, guint record, guint row,
                                         ZbImportField field, const char *code,
                                         const char *sentence);

/* The name of branch or group @id, or NULL. */
const char *_zb_import_context_unit_name (ZbImportContext *ctx, gint64 id);

G_END_DECLS
