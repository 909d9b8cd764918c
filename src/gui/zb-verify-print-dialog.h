/* zb-verify-print-dialog.h — is this paper copy what the workspace printed?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-print-log.h"

G_BEGIN_DECLS

#define ZB_TYPE_VERIFY_PRINT_DIALOG (zb_verify_print_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbVerifyPrintDialog, zb_verify_print_dialog, ZB, VERIFY_PRINT_DIALOG,
                      AdwWindow)

ZbVerifyPrintDialog *zb_verify_print_dialog_new (GtkWindow *parent, ZbDatabase *db);

/* Property "result": the last answer (a ZbPrintVerifyResult), or -1 before
 * the first one and after the fields changed. */
int zb_verify_print_dialog_get_result (ZbVerifyPrintDialog *self);

G_END_DECLS
