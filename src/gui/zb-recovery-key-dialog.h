/* zb-recovery-key-dialog.h — open a workspace with its printed recovery key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_RECOVERY_KEY_DIALOG (zb_recovery_key_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbRecoveryKeyDialog, zb_recovery_key_dialog, ZB, RECOVERY_KEY_DIALOG,
                      AdwWindow)

/* Signals:
 *   "opened" (ZbDatabase *db)  the key opened the workspace, and was stored in
 *                              @store again (or the user was told why not);
 *                              the receiver takes a reference. The dialog
 *                              then closes.
 * The key typed is kept in non-pageable memory and wiped. */
ZbRecoveryKeyDialog *zb_recovery_key_dialog_new (GtkWindow *parent, const char *path,
                                                 ZbKeyStore *store);

/* Property "busy": the key is being tried. */
gboolean zb_recovery_key_dialog_get_busy (ZbRecoveryKeyDialog *self);

G_END_DECLS
