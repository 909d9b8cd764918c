/* ui-test-util.h — helpers for the UI tests: Chinese locale, waiting, finding, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* gtk_test_init(), then the zh_CN locale and the catalogue built in
 * ZB_TEST_LOCALEDIR (gtk_test_init() switches to en_US), and no animations,
 * which would leave stacks and leaflets half-way when a test looks. */
void ui_test_init (int *argc, char ***argv);
/* Runs the main loop until nothing is pending. */
void ui_test_iterate_until_idle (void);
/* Runs the main loop until @done (@data) is TRUE or @seconds pass (a bound
 * against hanging, not a measurement); returns @done (@data). */
gboolean ui_test_wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds);
/* Conditions for ui_test_wait_for(): a GtkWidget is mapped; a GtkStack's
 * transition is over. */
gboolean ui_test_widget_mapped (gpointer widget);
gboolean ui_test_stack_settled (gpointer stack);
/* The first descendant of @widget of @type, depth first. */
GtkWidget *ui_test_find_descendant (GtkWidget *widget, GType type);
/* The first button under @widget with @label, or (@label NULL) the first
 * icon-only button with @icon_name; window controls are skipped. */
GtkWidget *ui_test_find_button (GtkWidget *widget, const char *label, const char *icon_name);
/* Draws @widget as it is on screen into
 * $ZB_BUILD_ROOT/tests/ui/screenshots/@name.png, to be looked at. */
void ui_test_save_screenshot (GtkWidget *widget, const char *name);
/* Starts a private session bus on which no Secret Service can be activated (as
 * on a desktop without a keyring), makes it this process's session bus, unsets
 * SECRET_BACKEND, and returns the bus daemon (it dies with this process). Call
 * before anything connects to the session bus. */
GSubprocess *ui_test_start_bus_without_keyring (void);

G_END_DECLS
