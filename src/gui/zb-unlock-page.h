/* zb-unlock-page.h — unlocking a workspace: keyring first, then the passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_UNLOCK_PAGE (zb_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (ZbUnlockPage, zb_unlock_page, ZB, UNLOCK_PAGE, AdwBin)

/* Signals:
 *   "unlocked" (ZbDatabase *db)  the workspace is open; the receiver takes a ref.
 * Its buttons for "open another workspace" / "create a new workspace" use the
 * window actions win.open-workspace and win.new-workspace. */

ZbUnlockPage *zb_unlock_page_new (void);
void zb_unlock_page_set_key_store (ZbUnlockPage *self, ZbKeyStore *store);
/* Starts unlocking @path: first silently from the keyring; when that cannot work,
 * it says why in one sentence and asks for the passphrase; a file that can never
 * open (missing, not a database, too new …) gets its message and no passphrase
 * field. @locked: this is the lock screen of an open session (title "已锁定"). */
void zb_unlock_page_unlock (ZbUnlockPage *self, const char *path, gboolean locked);
/* Stops any attempt in flight and clears the passphrase field. */
void zb_unlock_page_reset (ZbUnlockPage *self);

/* Properties: "path", "locked", "busy" (an attempt is running), "failed-attempts"
 * (wrong passphrases in a row) — all read-only — and "delay-scale". */
gboolean zb_unlock_page_get_busy (ZbUnlockPage *self);
guint zb_unlock_page_get_failed_attempts (ZbUnlockPage *self);
/* Multiplies the waits after wrong passphrases, for tests (0 < @scale <= 1; the
 * default comes from $ZB_UNLOCK_DELAY_SCALE, else 1). */
void zb_unlock_page_set_delay_scale (ZbUnlockPage *self, double scale);

/* Seconds to wait before the next try after @consecutive_failures wrong
 * passphrases in a row: 0, 0, then 2, 4, 8, 16, 30, 30 … */
guint zb_unlock_delay_seconds (guint consecutive_failures);

G_END_DECLS
