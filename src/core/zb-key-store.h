/* zb-key-store.h — workspace keys in the desktop keyring (Secret Service / portal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-error.h"
#include "zb-secret.h"

G_BEGIN_DECLS

#define ZB_TYPE_KEY_STORE (zb_key_store_get_type ())

G_DECLARE_FINAL_TYPE (ZbKeyStore, zb_key_store, ZB, KEY_STORE, GObject)

/* Items are stored under the libsecret schema named BASE_APPLICATION_ID with the
 * attributes "uuid" (the database UUID) and "path" (where the file was last seen).
 * The database UUID lives inside the encrypted file, so before a file is open the
 * key is found by path; a moved file is found by trying every stored key (raw keys
 * are cheap to try). Errors: ZB_KEY_STORE_ERROR_UNAVAILABLE when no Secret Service
 * answers or the keyring is locked, _DISMISSED when the user dismissed a prompt,
 * _NOT_FOUND when nothing is stored. Cancelling @cancellable gives
 * G_IO_ERROR_CANCELLED, never _DISMISSED. */

ZbKeyStore *zb_key_store_new (void);

/* Store (or replace) the raw key of the workspace @uuid at @path. */
gboolean zb_key_store_store_sync (ZbKeyStore *self, const char *uuid, const char *path,
                                  const char *org_name, const ZbSecret *key,
                                  GCancellable *cancellable, GError **error);
void zb_key_store_store_async (ZbKeyStore *self, const char *uuid, const char *path,
                               const char *org_name, const ZbSecret *key, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
gboolean zb_key_store_store_finish (ZbKeyStore *self, GAsyncResult *result, GError **error);

/* The key stored for @uuid. */
ZbSecret *zb_key_store_lookup_sync (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                                    GError **error);
void zb_key_store_lookup_async (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
ZbSecret *zb_key_store_lookup_finish (ZbKeyStore *self, GAsyncResult *result, GError **error);

/* Every key that may open the file at @path: those stored with that path first,
 * then all other keys of this application. A GPtrArray of ZbSecret (freed by the
 * array). Empty array → ZB_KEY_STORE_ERROR_NOT_FOUND. */
GPtrArray *zb_key_store_find_candidates_sync (ZbKeyStore *self, const char *path,
                                              GCancellable *cancellable, GError **error);
void zb_key_store_find_candidates_async (ZbKeyStore *self, const char *path,
                                         GCancellable *cancellable, GAsyncReadyCallback callback,
                                         gpointer user_data);
GPtrArray *zb_key_store_find_candidates_finish (ZbKeyStore *self, GAsyncResult *result,
                                                GError **error);

/* Remove the key stored for @uuid (no error if there was none). */
gboolean zb_key_store_forget_sync (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                                   GError **error);
void zb_key_store_forget_async (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data);
gboolean zb_key_store_forget_finish (ZbKeyStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
