/* zb-contents-guard.h — asking again before the contents of a talk are opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_CONTENTS_GUARD (zb_contents_guard_get_type ())

G_DECLARE_FINAL_TYPE (ZbContentsGuard, zb_contents_guard, ZB, CONTENTS_GUARD, GObject)

/* Talk contents are the most sensitive text of a workspace (issue 6): before
 * they are opened (read, edited, printed or exported), the guard asks again
 * once the workspace has been unlocked, or last checked, longer than the
 * GSettings key contents-recheck-minutes (0: every time) — the passphrase of
 * a passphrase workspace, or the key in the keyring of a keyring workspace,
 * compared with the one the workspace is open with. */
ZbContentsGuard *zb_contents_guard_new (void);

/* The workspace now open, unlocked at @unlocked_us (g_get_monotonic_time());
 * NULL when it is locked, which also closes a prompt and fails its check. */
void zb_contents_guard_set_database (ZbContentsGuard *self, ZbDatabase *db, gint64 unlocked_us);
/* The keyring to ask (tests); one of its own otherwise. */
void zb_contents_guard_set_key_store (ZbContentsGuard *self, ZbKeyStore *store);

/* Whether opening contents now asks again. */
gboolean zb_contents_guard_needs_check (ZbContentsGuard *self);

/* Asks again if needed (a prompt over @parent, or the keyring), then calls
 * @callback. _finish() is TRUE when the contents may be opened; FALSE with
 * G_IO_ERROR_CANCELLED when the user gave up (nothing to say), or with a
 * sentence for the user (a missing key, a keyring that stayed locked, a key
 * that does not match). */
void zb_contents_guard_check_async (ZbContentsGuard *self, GtkWindow *parent,
                                    GAsyncReadyCallback callback, gpointer user_data);
gboolean zb_contents_guard_check_finish (ZbContentsGuard *self, GAsyncResult *result,
                                         GError **error);

/* For tests: the passphrase prompt on screen, or NULL. */
GtkWindow *zb_contents_guard_get_prompt (ZbContentsGuard *self);

G_END_DECLS
