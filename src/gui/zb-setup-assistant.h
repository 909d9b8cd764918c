/* zb-setup-assistant.h — the first-start assistant that creates a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

#define ZB_TYPE_SETUP_ASSISTANT (zb_setup_assistant_get_type ())

G_DECLARE_FINAL_TYPE (ZbSetupAssistant, zb_setup_assistant, ZB, SETUP_ASSISTANT, AdwBin)

/* Signals:
 *   "created"   (ZbDatabase *db)  the workspace was created (and its key stored when
 *                                 keyring protection was chosen); the receiver takes a ref.
 *   "cancelled" ()                the user went back (only offered when "can-cancel").
 * Properties: "path" (where the workspace will be created; NULL: the default
 * path), "can-cancel" (b), "busy" (b, read-only). */

ZbSetupAssistant *zb_setup_assistant_new (void);
void zb_setup_assistant_set_path (ZbSetupAssistant *self, const char *path);
const char *zb_setup_assistant_get_path (ZbSetupAssistant *self);
void zb_setup_assistant_set_can_cancel (ZbSetupAssistant *self, gboolean can_cancel);
/* The key store to use (tests pass their own); defaults to a new ZbKeyStore. */
void zb_setup_assistant_set_key_store (ZbSetupAssistant *self, ZbKeyStore *store);
gboolean zb_setup_assistant_get_can_cancel (ZbSetupAssistant *self);
/* TRUE while the workspace is being created (property "busy"). */
gboolean zb_setup_assistant_get_busy (ZbSetupAssistant *self);
/* Back to the first page with empty fields. */
void zb_setup_assistant_reset (ZbSetupAssistant *self);

G_END_DECLS
