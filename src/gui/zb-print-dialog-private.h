/* zb-print-dialog-private.h — what zb-print-dialog.c, zb-print-dialog-output.c
 * and the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-page-view.h"
#include "zb-pdf-pages.h"
#include "zb-print-dialog.h"
#include "zb-print-log.h"

G_BEGIN_DECLS

struct _ZbPrintDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *print_button;
  GtkWidget *export_button;
  AdwToastOverlay *toasts;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  GtkScrolledWindow *scroller;
  ZbPageView *page_view;
  GtkSpinner *page_spinner;
  GtkLabel *page_label;
  GtkLabel *zoom_label;
  AdwStatusPage *error_page;
  GtkRevealer *progress_revealer;
  GtkLabel *progress_label;
  GtkProgressBar *progress_bar;

  ZbDatabase *db;
  ZbPrintLog *log;
  char *kind;
  GPtrArray *documents;
  /* The documents came with numbers of their own (the recovery sheet). */
  gboolean fixed_numbers;

  /* The PDF of the preview, and the pages of each document in it. */
  ZbPdfPages *pages;
  GArray *page_counts;
  guint page; /* shown, from 0 */

  gboolean fit_width;
  double zoom; /* 1.0: actual size (96 pixels to the inch) */

  /* Cancelled when the dialog goes; the others are its children in spirit:
   * replaced for each new preview, page or output. */
  GCancellable *cancellable;
  GCancellable *preview_cancellable;
  GCancellable *page_cancellable;
  GCancellable *output_cancellable;

  /* What the shown texture is of, to know whether it must be drawn again. */
  guint texture_page;
  double texture_scale;
  gboolean texture_from_pdf;
  guint texture_generation;
  /* Counts the previews made: a renumbering makes a new one. */
  guint generation;

  guint refit_source;
  gint64 progress_shown_at;

  GtkPrintOperation *operation;
  char *print_to_file;

  guint making_preview : 1;
  guint making_output : 1;
  guint closing_after_cancel : 1;
};

#define ZB_PRINT_MIN_ZOOM 0.25
#define ZB_PRINT_MAX_ZOOM 4.0

/* zb-print-dialog.c */
/* Shows page @page (from 0) of the PDF, at the zoom it fits at when the
 * zoom fits the width. */
void _zb_print_dialog_set_page (ZbPrintDialog *self, guint page);
/* @zoom 1.0 is the paper's real size; @fit_width makes it follow the
 * window's width. */
void _zb_print_dialog_set_zoom (ZbPrintDialog *self, double zoom, gboolean fit_width);
/* The zoom at which the shown page fills the width of the view. */
double _zb_print_dialog_fit_zoom (ZbPrintDialog *self);
/* Gives the documents the next numbers (unless they have their own) and makes
 * the preview again: after each print, the next one gets a new number. */
void _zb_print_dialog_renumber (ZbPrintDialog *self);
void _zb_print_dialog_set_busy_output (ZbPrintDialog *self, gboolean busy);
void _zb_print_dialog_show_progress (ZbPrintDialog *self, const char *text, double fraction);
void _zb_print_dialog_hide_progress (ZbPrintDialog *self);
/* One sentence, in a message dialog over the preview. */
void _zb_print_dialog_tell_error (ZbPrintDialog *self, const char *heading, const GError *error);

/* zb-print-dialog-actions.c */
void _zb_print_dialog_install_actions (GtkWidgetClass *widget_class);
void _zb_print_dialog_add_shortcuts (ZbPrintDialog *self);
/* The one place that decides which preview.* actions are enabled. */
void _zb_print_dialog_update_actions (ZbPrintDialog *self);

/* zb-print-dialog-output.c */
void _zb_print_dialog_print (ZbPrintDialog *self);
void _zb_print_dialog_choose_export_file (ZbPrintDialog *self);
/* What accepting the file chooser does (tests call it directly). */
void _zb_print_dialog_export_to_file (ZbPrintDialog *self, GFile *file);
/* Records every document as printed or exported; FALSE with @error when any
 * record failed. */
gboolean _zb_print_dialog_record (ZbPrintDialog *self, ZbPrintDestination destination,
                                  GArray *page_counts, GError **error);
/* The suggested file name: "<title> <number>.pdf". */
char *_zb_print_dialog_dup_file_name (ZbPrintDialog *self);

/* For tests: 打印 prints into the PDF file @path through GtkPrintOperation's
 * export (the same drawing as for a printer), without the print dialog. */
void _zb_print_dialog_set_print_to_file (ZbPrintDialog *self, const char *path);
guint _zb_print_dialog_get_n_pages (ZbPrintDialog *self);
/* The shown page is drawn (from the PDF, at the current zoom). */
gboolean _zb_print_dialog_page_is_ready (ZbPrintDialog *self);

G_END_DECLS
