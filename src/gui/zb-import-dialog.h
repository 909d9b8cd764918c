/* zb-import-dialog.h — importing a roster from Excel, WPS or CSV, with a preview and a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-list-model.h"
#include "zb-org-repo.h"
#include "zb-import-mapping.h"
#include "zb-sheet.h"

G_BEGIN_DECLS

#define ZB_TYPE_IMPORT_DIALOG (zb_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbImportDialog, zb_import_dialog, ZB, IMPORT_DIALOG, AdwWindow)

/* Asks for a file (.xlsx, .xls, WPS .et, .csv), reads it and shows the
 * import dialog over @parent: the columns mapped by their headers (each can be
 * changed), the first records as they will be read, and every record with a
 * problem, with its row and reason. 导入 writes all in one step, only when no
 * record has a problem; 只导入有效记录 writes the others. After an import a
 * toast in @toasts offers 撤销本次导入. The import runs on a worker thread with
 * a connection of its own; the roster is told when it has committed. */
typedef void (*ZbImportDialogReady) (ZbImportDialog *dialog, gpointer user_data);

/* @ready (may be NULL) gets the dialog when it shows, so that its owner can
 * close it when the window locks. */
void zb_import_dialog_run (GtkWindow *parent, ZbMemberRepo *repo, ZbOrgRepo *org,
                           AdwToastOverlay *toasts, ZbImportDialogReady ready, gpointer user_data);

/* The dialog for @sheet, read from a file called @file_name. */
ZbImportDialog *zb_import_dialog_new (GtkWindow *parent, ZbMemberRepo *repo, ZbOrgRepo *org,
                                      AdwToastOverlay *toasts, ZbSheet *sheet,
                                      const char *file_name);

/* For tests: whether a check or an import is running; the mapping; the
 * summary shown; pressing 导入 (@valid_only: 只导入有效记录). */
gboolean zb_import_dialog_get_busy (ZbImportDialog *self);
ZbImportMapping *zb_import_dialog_get_mapping (ZbImportDialog *self);
const char *zb_import_dialog_get_summary (ZbImportDialog *self);
gboolean zb_import_dialog_get_can_import (ZbImportDialog *self, gboolean valid_only);
void zb_import_dialog_start (ZbImportDialog *self, gboolean valid_only);

G_END_DECLS
