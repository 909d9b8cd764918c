/* zb-key-store-private.h — what zb-keyring-unlock.c needs of ZbKeyStore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-key-store.h"

G_BEGIN_DECLS

/* zb_key_store_find_candidates_sync(), also telling how many of the candidates
 * (the first @n_at_path) were stored under @path: a key found further down
 * belongs to a file that has moved, and is stored again under its new path. */
GPtrArray *_zb_key_store_find_candidates_sync (ZbKeyStore *self, const char *path, guint *n_at_path,
                                               GCancellable *cancellable, GError **error);

G_END_DECLS
