/* ui-test-util.c — helpers for the UI tests: Chinese locale, waiting, finding, screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/prctl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"

void
ui_test_init (int *argc, char ***argv)
{
  gtk_test_init (argc, argv, NULL);

  setlocale (LC_ALL, "zh_CN.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, ZB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
ui_test_iterate_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ui_test_wait_for (gboolean (*done) (gpointer), gpointer data, guint seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  ui_test_iterate_until_idle ();
  return done (data);
}

gboolean
ui_test_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
ui_test_stack_settled (gpointer stack)
{
  return !gtk_stack_get_transition_running (stack);
}

GtkWidget *
ui_test_find_descendant (GtkWidget *widget, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = ui_test_find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ui_test_find_button (GtkWidget *widget, const char *label, const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_WINDOW_CONTROLS (child))
        continue;

      if (GTK_IS_BUTTON (child))
        {
          const char *child_label = gtk_button_get_label (GTK_BUTTON (child));

          if (label != NULL && g_strcmp0 (child_label, label) == 0)
            return child;
          if (label == NULL && child_label == NULL
              && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
            return child;
        }

      if ((found = ui_test_find_button (child, label, icon_name)) != NULL)
        return found;
    }

  return NULL;
}

void
ui_test_save_screenshot (GtkWidget *widget, const char *name)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width, height;

  gtk_test_widget_wait_for_draw (widget);
  ui_test_iterate_until_idle ();

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  /* A screenshot is an artefact to look at, not a check: a widget that has
   * gone by the time it is taken (a progress dialog whose work finished
   * early on a fast machine or late on a busy one) is reported, not failed. */
  if (!gtk_widget_get_mapped (widget) || width <= 0 || height <= 0)
    {
      g_test_message ("screenshot %s not taken: the widget is not on screen", name);
      return;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("screenshot %s not taken: nothing was drawn", name);
      return;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("ZB_BUILD_ROOT"), "tests", "ui", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

GSubprocess *
ui_test_start_bus_without_keyring (void)
{
  g_autofree char *config = g_build_filename (g_getenv ("ZB_SOURCE_ROOT"), "tests", "keyring",
                                              "session-no-services.conf", NULL);
  g_autofree char *config_arg = g_strconcat ("--config-file=", config, NULL);
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *address = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  GSubprocess *daemon;

  /* If the test dies half-way, the bus goes with it, and it never holds the
   * test runner's output pipes open. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", config_arg, "--nofork",
                                        "--print-address=1", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  address = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_unsetenv ("SECRET_BACKEND");
  return daemon;
}
