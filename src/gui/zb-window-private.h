/* zb-window-private.h — internals shared by zb-window.c, zb-window-actions.c and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-meetings-view.h"
#include "zb-setup-assistant.h"
#include "zb-organisation-view.h"
#include "zb-roster-view.h"
#include "zb-talks-view.h"
#include "zb-unlock-page.h"
#include "zb-window.h"

G_BEGIN_DECLS

/* The areas of the main mode, in sidebar order; also the names of the view
 * stack's pages and the values of win.area. */
extern const char *const _zb_window_areas[];

gboolean _zb_window_is_area (const char *area);

void _zb_window_actions_init (ZbWindow *self);
/* The one place that decides which win.* actions are enabled. */
void _zb_window_update_actions (ZbWindow *self);

void _zb_window_set_area (ZbWindow *self, const char *area);
/* Closes the database (which drops the key), hides every area and shows the
 * unlock page in locked mode for the same file. */
void _zb_window_lock (ZbWindow *self);
/* The file shown or last open in this window (for the file choosers), or NULL. */
const char *_zb_window_get_workspace_path (ZbWindow *self);
/* Closes any open workspace and asks to unlock @path. */
void _zb_window_show_unlock (ZbWindow *self, const char *path, gboolean locked);
/* The setup assistant for a new workspace at @path; the open workspace (if any)
 * stays open until the new one is created, so "cancel" can go back to it. */
void _zb_window_show_setup (ZbWindow *self, const char *path, gboolean can_cancel);

/* What the file choosers of win.open-workspace / win.new-workspace do with the
 * chosen file; separate so that tests can drive them without a file dialog.
 * _zb_window_new_workspace_at() refuses (with a message) an existing file and
 * returns FALSE. */
void _zb_window_open_workspace_file (ZbWindow *self, GFile *file);
gboolean _zb_window_new_workspace_at (ZbWindow *self, GFile *file);

/* Seconds without input before win.lock; overrides idle-lock-minutes (tests). */
void _zb_window_set_idle_lock_seconds (ZbWindow *self, guint seconds);

/* zb-window-print.c: the recovery sheet (offered after a keyring workspace is
 * created, and win.print-recovery-sheet), win.verify-print, and closing their
 * dialogs with the workspace (from _zb_window_update_actions()). */
void _zb_window_print_init (ZbWindow *self);
void _zb_window_print_recovery_sheet (ZbWindow *self);
void _zb_window_offer_recovery_sheet (ZbWindow *self);
void _zb_window_verify_print (ZbWindow *self);
void _zb_window_close_document_dialogs (ZbWindow *self);

AdwViewStack *_zb_window_get_view_stack (ZbWindow *self);
GtkListBox *_zb_window_get_sidebar (ZbWindow *self);
GtkLabel *_zb_window_get_org_label (ZbWindow *self);
ZbUnlockPage *_zb_window_get_unlock_page (ZbWindow *self);
ZbSetupAssistant *_zb_window_get_setup_assistant (ZbWindow *self);
ZbRosterView *_zb_window_get_roster_view (ZbWindow *self);
ZbOrganisationView *_zb_window_get_organisation_view (ZbWindow *self);
ZbMeetingsView *_zb_window_get_meetings_view (ZbWindow *self);
ZbTalksView *_zb_window_get_talks_view (ZbWindow *self);

/* Input in @dialog (an editor over the window) counts as input in the window,
 * so that the window does not lock while someone is typing there. */
void _zb_window_watch_input (ZbWindow *self, GtkWindow *dialog);

G_END_DECLS
