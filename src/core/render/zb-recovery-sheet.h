/* zb-recovery-sheet.h — the printed recovery key of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-database.h"
#include "zb-document.h"
#include "zb-secret.h"

G_BEGIN_DECLS

/* The 恢复密钥单 of the workspace @uuid: the raw @key as 16 groups of four
 * hex digits and as a QR code, with instructions on keeping it and using it.
 * Its number is "ZB-KEY-" and the first eight digits of @uuid. */
ZbDocument *zb_recovery_sheet_new (const char *org_name, const char *uuid, GDateTime *date,
                                   const ZbSecret *key);

/* Records in the audit log that @db was opened with its recovery key and is
 * protected with @protection from now on. Never the key itself. */
gboolean zb_recovery_sheet_record_recovery (ZbDatabase *db, ZbProtection protection,
                                            GError **error);

G_END_DECLS
