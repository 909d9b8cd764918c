/* zb-application.c — the Zhibu application: app actions, About, accelerators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-app"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-application.h"
#include "zb-paths.h"
#include "zb-preferences-window.h"
#include "zb-window.h"

struct _ZbApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (ZbApplication, zb_application, ADW_TYPE_APPLICATION)

/* Shortcuts of window actions live here, in one table, so that the shortcuts
 * window (ui/help-overlay.ui) and the menus show the same keys. */
static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.lock", { "<Control>l", NULL } },
  { "win.open-workspace", { "<Control>o", NULL } },
  { "win.area::workbench", { "<Alt>1", NULL } },
  { "win.area::roster", { "<Alt>2", NULL } },
  { "win.area::meetings", { "<Alt>3", NULL } },
  { "win.area::talks", { "<Alt>4", NULL } },
  { "win.area::admission", { "<Alt>5", NULL } },
  { "win.area::dues", { "<Alt>6", NULL } },
  { "win.area::organisation", { "<Alt>7", NULL } },
};

static void
zb_application_quit_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  g_autoptr (GList) windows = NULL;

  /* Closing each window (rather than g_application_quit) lets a window save its
   * size and close its database on the way out, and the application ends when
   * its last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (app));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
zb_application_about_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE,
                        "destroy-with-parent", TRUE, "application", app, "application-name",
                        _ ("Zhibu"), "application-icon", APPLICATION_ID, "version", PACKAGE_VERSION,
                        "developer-name", _ ("Zhibu developers"), "comments",
                        _ ("Keeps the records of a Party branch — members, meetings, talks, "
                           "admission of new members and dues — in an encrypted file on this "
                           "computer, and reminds you of what is due."),
                        "license-type", GTK_LICENSE_GPL_3_0, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
zb_application_preferences_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (zb_preferences_window_new (parent)));
}

static void
zb_application_activate (GApplication *app)
{
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  settings = g_settings_new (BASE_APPLICATION_ID);
  path = g_settings_get_string (settings, "last-workspace");
  if (path[0] == '\0')
    {
      g_clear_pointer (&path, g_free);
      path = zb_default_workspace_path ();
    }

  window = GTK_WINDOW (zb_window_new (ZB_APPLICATION (app)));
  zb_window_open_workspace (ZB_WINDOW (window), path);
  gtk_window_present (window);
}

static void
zb_application_startup (GApplication *app)
{
  static const GActionEntry app_actions[] = {
    { "quit", zb_application_quit_cb },
    { "about", zb_application_about_cb },
    { "preferences", zb_application_preferences_cb },
  };

  G_APPLICATION_CLASS (zb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
zb_application_class_init (ZbApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = zb_application_activate;
  app_class->startup = zb_application_startup;
}

static void
zb_application_init (ZbApplication *self)
{
}

ZbApplication *
zb_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  if (g_getenv ("ZB_NON_UNIQUE") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  /* The resource base path makes AdwApplication load style.css and
   * GtkApplication load gtk/help-overlay.ui from our resource. */
  return g_object_new (ZB_TYPE_APPLICATION, "application-id", APPLICATION_ID, "flags", flags,
                       "resource-base-path", RESOURCE_PATH, NULL);
}
