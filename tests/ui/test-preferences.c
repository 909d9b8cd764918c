/* test-preferences.c — the idle lock and the re-check before talk contents,
 * chosen in the preferences window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 6 asks that the time after which talk contents need the passphrase
 * again be configurable: a user does it here, not with gsettings.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "zb-preferences-window.h"

static const char *
selected_label (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

/* The position of the choice labelled @label, or G_MAXUINT. */
static guint
find_choice (AdwComboRow *row, const char *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        return i;
    }
  return G_MAXUINT;
}

static char *
minutes_label (guint m)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", m), m);
}

static void
test_choices (void)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  ZbPreferencesWindow *window = zb_preferences_window_new (NULL);
  AdwComboRow *idle = _zb_preferences_window_get_idle_lock_row (window);
  AdwComboRow *recheck = _zb_preferences_window_get_recheck_row (window);
  g_autofree char *ten = minutes_label (10);
  g_autofree char *thirty = minutes_label (30);
  g_autofree char *twenty = minutes_label (20);
  guint i;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for (ui_test_widget_mapped, window, 5);

  /* The defaults (10 minutes each) are what the rows show. */
  g_assert_cmpstr (selected_label (idle), ==, ten);
  g_assert_cmpstr (selected_label (recheck), ==, ten);
  ui_test_save_screenshot (GTK_WIDGET (window), "preferences");

  /* Choosing writes the setting the window and the talks area read. */
  i = find_choice (recheck, C_ ("contents re-check", "Every time"));
  g_assert_cmpuint (i, !=, G_MAXUINT);
  adw_combo_row_set_selected (recheck, i);
  g_assert_cmpuint (g_settings_get_uint (settings, "contents-recheck-minutes"), ==, 0);

  i = find_choice (idle, thirty);
  g_assert_cmpuint (i, !=, G_MAXUINT);
  adw_combo_row_set_selected (idle, i);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 30);

  i = find_choice (idle, C_ ("idle lock", "Never"));
  adw_combo_row_set_selected (idle, i);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 0);

  /* A value set elsewhere that is none of the choices is shown and kept. */
  g_assert_cmpuint (find_choice (idle, twenty), ==, G_MAXUINT);
  g_settings_set_uint (settings, "idle-lock-minutes", 20);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (selected_label (idle), ==, twenty);
  g_assert_cmpuint (g_settings_get_uint (settings, "idle-lock-minutes"), ==, 20);
  g_assert_cmpuint (g_settings_get_uint (settings, "contents-recheck-minutes"), ==, 0);
  g_assert_cmpstr (selected_label (recheck), ==, C_ ("contents re-check", "Every time"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "idle-lock-minutes");
  g_settings_reset (settings, "contents-recheck-minutes");
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);
  /* The window is shown without the application: its style comes from here. */
  adw_init ();

  g_test_add_func ("/preferences/choices", test_choices);

  return g_test_run ();
}
