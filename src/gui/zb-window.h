/* zb-window.h — the main window: setup, unlock/lock screen and the seven areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-application.h"
#include "zb-database.h"

G_BEGIN_DECLS

#define ZB_TYPE_WINDOW (zb_window_get_type ())

G_DECLARE_FINAL_TYPE (ZbWindow, zb_window, ZB, WINDOW, AdwApplicationWindow)

ZbWindow *zb_window_new (ZbApplication *application);
/* Starts the window on the workspace at @path (NULL: the default path): an
 * existing file gets the unlock page; a missing default file with nothing else
 * ever recorded gets the first-start assistant; any other missing file gets the
 * unlock page's message about it. Never creates a file by itself. */
void zb_window_open_workspace (ZbWindow *self, const char *path);
/* The open workspace, or NULL while none is open (also while locked). */
ZbDatabase *zb_window_get_database (ZbWindow *self);
/* "setup", "unlock" or "main". */
const char *zb_window_get_mode (ZbWindow *self);

G_END_DECLS
