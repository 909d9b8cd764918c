/* zb-import-batch-private.h — writing import_batch rows, for the importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-import-batch.h"

G_BEGIN_DECLS

/* Inserts a batch row inside the caller's transaction. */
gboolean _zb_import_batch_insert (ZbDatabase *db, const char *kind, const char *file_name,
                                  guint n_records, gint64 *id, char **uuid, GError **error);

/* Sets the batch's count of records (known only at the end of an import whose
 * writes began with the checks). */
gboolean _zb_import_batch_set_n_records (ZbDatabase *db, gint64 id, guint n_records,
                                         GError **error);

/* The batch as the JSON its audit rows hold. */
char *_zb_import_batch_to_json (const ZbImportBatch *batch);

G_END_DECLS
