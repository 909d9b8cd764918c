/* zb-preferences-window.h — the few settings a secretary may want to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZB_TYPE_PREFERENCES_WINDOW (zb_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ZbPreferencesWindow, zb_preferences_window, ZB, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

ZbPreferencesWindow *zb_preferences_window_new (GtkWindow *parent);

/* For tests: the rows choosing the idle lock and the re-check before talk
 * contents. */
AdwComboRow *_zb_preferences_window_get_idle_lock_row (ZbPreferencesWindow *self);
AdwComboRow *_zb_preferences_window_get_recheck_row (ZbPreferencesWindow *self);

G_END_DECLS
