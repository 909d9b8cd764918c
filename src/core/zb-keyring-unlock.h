/* zb-keyring-unlock.h — open a workspace with a key from the desktop keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

/* Finds the keys that may open @path (zb_key_store_find_candidates) and tries each
 * with zb_database_open. When the key was found under another path (the file was
 * moved), the item is stored again under the new path. Errors: the key store's
 * (UNAVAILABLE, DISMISSED, NOT_FOUND — also when keys exist but none opens the
 * file), or the database's for a file that cannot be opened at all (NOT_FOUND,
 * NOT_A_DATABASE, TOO_NEW, …). The async variant runs in a worker thread. */
ZbDatabase *zb_open_with_keyring_sync (ZbKeyStore *store, const char *path,
                                       GCancellable *cancellable, GError **error);
void zb_open_with_keyring_async (ZbKeyStore *store, const char *path, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
ZbDatabase *zb_open_with_keyring_finish (GAsyncResult *result, GError **error);

G_END_DECLS
