/* zb-print-dialog.h — preview, print and export of documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-database.h"
#include "zb-document.h"

G_BEGIN_DECLS

#define ZB_TYPE_PRINT_DIALOG (zb_print_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbPrintDialog, zb_print_dialog, ZB, PRINT_DIALOG, AdwWindow)

/* A preview of @document with 打印 and 导出 PDF, each recorded in the print log
 * of @db as @kind (e.g. "roster"). A document without a number gets the next
 * one of the print log, and the next after each print; one with a number of
 * its own (the recovery sheet) keeps it, and its prints go to the audit log
 * only. The dialog owns the document from now on: do not change it. */
ZbPrintDialog *zb_print_dialog_new (GtkWindow *parent, ZbDatabase *db, const char *kind,
                                    ZbDocument *document);
/* The same for many documents printed together (one sheet per member): made
 * into one PDF with progress and a Cancel button. Takes a reference on
 * @documents (a GPtrArray of ZbDocument). */
ZbPrintDialog *zb_print_dialog_new_for_batch (GtkWindow *parent, ZbDatabase *db, const char *kind,
                                              GPtrArray *documents);

/* Property "busy": the preview, a print or an export is being made. */
gboolean zb_print_dialog_get_busy (ZbPrintDialog *self);

G_END_DECLS
