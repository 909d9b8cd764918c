/* zb-window.c — the main window: setup, unlock/lock screen and the seven areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-paths.h"
#include "zb-window-private.h"

#define MAX_RECENT_WORKSPACES 8

struct _ZbWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkStack *mode_stack;
  GtkStack *start_stack;
  ZbSetupAssistant *setup_assistant;
  ZbUnlockPage *unlock_page;
  ZbRosterView *roster_view;
  ZbOrganisationView *organisation_view;
  ZbMeetingsView *meetings_view;
  ZbTalksView *talks_view;
  AdwLeaflet *leaflet;
  GtkWidget *content_box;
  GtkListBox *sidebar;
  GtkLabel *org_label;
  AdwWindowTitle *content_title;
  AdwViewStack *view_stack;

  GSettings *settings;
  ZbDatabase *database;
  /* One repository of each per open workspace, shared by the views, so that
   * a write through one is seen by all. */
  ZbMemberRepo *member_repo;
  ZbOrgRepo *org_repo;
  ZbMeetingRepo *meeting_repo;
  ZbTalkRepo *talk_repo;
  char *org_name;

  /* The workspace open in this window, or the one the unlock page is about. */
  char *workspace_path;
  gboolean unlock_locked;

  /* Idle lock: input only records the time; one timeout checks it when due. */
  gint64 last_input_us;
  guint idle_source;
  guint idle_lock_seconds_override;

  /* Set while _zb_window_set_area() updates the stack, the sidebar and the
   * action, so that their change notifications do not feed back. */
  gboolean syncing_area;
};

G_DEFINE_FINAL_TYPE (ZbWindow, zb_window, ADW_TYPE_APPLICATION_WINDOW)

const char *const _zb_window_areas[] = {
  "workbench", "roster", "meetings", "talks", "admission", "dues", "organisation", NULL,
};

gboolean
_zb_window_is_area (const char *area)
{
  return area != NULL && g_strv_contains (_zb_window_areas, area);
}

static void
zb_window_set_mode (ZbWindow *self, const char *mode)
{
  if (g_str_equal (mode, "main"))
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "main");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->start_stack, mode);
      gtk_stack_set_visible_child_name (self->mode_stack, "start");
    }

  _zb_window_update_actions (self);
}

const char *
zb_window_get_mode (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "main") == 0)
    return "main";

  return gtk_stack_get_visible_child_name (self->start_stack);
}

ZbDatabase *
zb_window_get_database (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);

  return self->database;
}

static void
zb_window_update_titles (ZbWindow *self)
{
  const char *area;
  const char *title = NULL;
  GtkWidget *child = NULL;

  /* Called from notifications, possibly before the template is complete. */
  if (self->content_title == NULL || self->leaflet == NULL || self->view_stack == NULL)
    return;

  if ((area = adw_view_stack_get_visible_child_name (self->view_stack)) != NULL)
    child = adw_view_stack_get_child_by_name (self->view_stack, area);
  if (child != NULL)
    title = adw_view_stack_page_get_title (adw_view_stack_get_page (self->view_stack, child));

  adw_window_title_set_title (self->content_title, title ? title : "");

  /* When folded the sidebar with the organisation's name is out of sight, so
   * the header of the area says whose records these are. */
  adw_window_title_set_subtitle (
      self->content_title,
      adw_leaflet_get_folded (self->leaflet) && self->org_name ? self->org_name : "");
}

/* Idle lock */

static guint
zb_window_get_idle_lock_seconds (ZbWindow *self)
{
  if (self->idle_lock_seconds_override > 0)
    return self->idle_lock_seconds_override;

  return g_settings_get_uint (self->settings, "idle-lock-minutes") * 60;
}

static void zb_window_schedule_idle_lock (ZbWindow *self);

static gboolean
zb_window_idle_lock_cb (gpointer user_data)
{
  ZbWindow *self = user_data;
  gint64 limit_us = (gint64)zb_window_get_idle_lock_seconds (self) * G_USEC_PER_SEC;

  self->idle_source = 0;

  if (self->database == NULL || limit_us == 0)
    return G_SOURCE_REMOVE;

  if (g_get_monotonic_time () - self->last_input_us >= limit_us)
    g_action_group_activate_action (G_ACTION_GROUP (self), "lock", NULL);
  else
    zb_window_schedule_idle_lock (self);

  return G_SOURCE_REMOVE;
}

static void
zb_window_schedule_idle_lock (ZbWindow *self)
{
  guint limit = zb_window_get_idle_lock_seconds (self);
  gint64 remaining_us;

  g_clear_handle_id (&self->idle_source, g_source_remove);

  if (self->database == NULL || limit == 0)
    return;

  remaining_us = self->last_input_us + (gint64)limit * G_USEC_PER_SEC - g_get_monotonic_time ();
  remaining_us = MAX (remaining_us, 0);

  /* Whole seconds are precise enough and let GLib batch the wake-ups. */
  self->idle_source = g_timeout_add_seconds (
      (guint)((remaining_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC), zb_window_idle_lock_cb, self);
  g_source_set_name_by_id (self->idle_source, "[zhibu] idle lock");
}

static gboolean
zb_window_input_cb (GtkEventControllerLegacy *controller, GdkEvent *event, ZbWindow *self)
{
  switch ((int)gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
    case GDK_BUTTON_PRESS:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      /* Only note the time: rescheduling a timeout on every pointer motion
       * would cost more than it is worth. */
      self->last_input_us = g_get_monotonic_time ();
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
zb_window_idle_lock_minutes_changed_cb (ZbWindow *self)
{
  zb_window_schedule_idle_lock (self);
}

void
_zb_window_set_idle_lock_seconds (ZbWindow *self, guint seconds)
{
  g_return_if_fail (ZB_IS_WINDOW (self));

  self->idle_lock_seconds_override = seconds;
  zb_window_schedule_idle_lock (self);
}

/* Areas */

static GtkListBoxRow *
zb_window_find_row (ZbWindow *self, const char *area)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child)
          && g_strcmp0 (g_object_get_data (G_OBJECT (child), "zb-area"), area) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

void
_zb_window_set_area (ZbWindow *self, const char *area)
{
  GAction *action;
  GtkListBoxRow *row;

  g_return_if_fail (ZB_IS_WINDOW (self));

  if (!_zb_window_is_area (area) || self->syncing_area)
    return;

  self->syncing_area = TRUE;

  adw_view_stack_set_visible_child_name (self->view_stack, area);

  if ((row = zb_window_find_row (self, area)) != NULL)
    gtk_list_box_select_row (self->sidebar, row);

  if ((action = g_action_map_lookup_action (G_ACTION_MAP (self), "area")) != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (area));

  zb_window_update_titles (self);

  self->syncing_area = FALSE;
}

static void
on_visible_area_changed_cb (ZbWindow *self)
{
  const char *area = adw_view_stack_get_visible_child_name (self->view_stack);

  /* Follows changes made to the stack directly (or while it is being built). */
  if (area != NULL)
    _zb_window_set_area (self, area);
}

static void
on_sidebar_row_selected_cb (ZbWindow *self, GtkListBoxRow *row)
{
  const char *area;

  if (row == NULL || self->syncing_area)
    return;

  area = g_object_get_data (G_OBJECT (row), "zb-area");
  gtk_widget_activate_action (GTK_WIDGET (self), "win.area", "s", area);
}

static void
on_sidebar_row_activated_cb (ZbWindow *self, GtkListBoxRow *row)
{
  /* Selecting only moves the highlight (arrow keys); activating a row also
   * opens the area when the sidebar and the area share the window. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_back_clicked_cb (ZbWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_leaflet_folded_cb (ZbWindow *self)
{
  zb_window_update_titles (self);
}

static void
zb_window_build_sidebar (ZbWindow *self)
{
  for (guint i = 0; _zb_window_areas[i] != NULL; i++)
    {
      const char *area = _zb_window_areas[i];
      GtkWidget *child = adw_view_stack_get_child_by_name (self->view_stack, area);
      AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, child);
      const char *title = adw_view_stack_page_get_title (page);
      GtkWidget *row, *box, *image, *label;

      /* The rows repeat the stack's pages, so a title or an icon is written
       * once, in ui/zb-window.ui. */
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      image = gtk_image_new_from_icon_name (adw_view_stack_page_get_icon_name (page));
      gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), image);
      gtk_box_append (GTK_BOX (box), label);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data (G_OBJECT (row), "zb-area", (gpointer)area);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                      -1);
      gtk_list_box_append (self->sidebar, row);
    }
}

/* Workspaces */

const char *
_zb_window_get_workspace_path (ZbWindow *self)
{
  g_return_val_if_fail (ZB_IS_WINDOW (self), NULL);

  return self->workspace_path;
}

static void
zb_window_set_org_name (ZbWindow *self, const char *org_name)
{
  if (g_strcmp0 (self->org_name, org_name) == 0)
    return;

  g_free (self->org_name);
  self->org_name = g_strdup (org_name);
  gtk_label_set_label (self->org_label, org_name ? org_name : "");
  gtk_widget_set_visible (GTK_WIDGET (self->org_label), org_name != NULL && *org_name);
  zb_window_update_titles (self);
}

/* Closes the database: this drops the key from memory. The areas then show
 * nothing of it, and the organisation's name goes too. */
static void
zb_window_close_database (ZbWindow *self)
{
  g_clear_handle_id (&self->idle_source, g_source_remove);

  /* The views let go of everything they show before the key goes. */
  if (self->roster_view != NULL)
    zb_roster_view_set_repos (self->roster_view, NULL, NULL);
  if (self->organisation_view != NULL)
    zb_organisation_view_set_repos (self->organisation_view, NULL, NULL);
  if (self->meetings_view != NULL)
    zb_meetings_view_set_repos (self->meetings_view, NULL, NULL, NULL);
  g_clear_object (&self->meeting_repo);
  if (self->talks_view != NULL)
    zb_talks_view_set_repos (self->talks_view, NULL, NULL, NULL);
  g_clear_object (&self->talk_repo);
  g_clear_object (&self->member_repo);
  g_clear_object (&self->org_repo);

  if (self->database != NULL)
    {
      zb_database_close (self->database);
      g_clear_object (&self->database);
    }

  zb_window_set_org_name (self, NULL);
}

static void
zb_window_remember_workspace (ZbWindow *self, const char *path)
{
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  g_settings_set_string (self->settings, "last-workspace", path);

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_WORKSPACES; i++)
    {
      if (g_strcmp0 (old[i], path) != 0)
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-workspaces", (const char *const *)recent);
}

/* Takes a reference on @database, which the setup assistant or the unlock page
 * has just opened, and shows the areas. */
static void
zb_window_take_database (ZbWindow *self, ZbDatabase *database)
{
  g_autofree char *org_name = NULL;
  const char *path;

  if (database == self->database)
    return;

  g_object_ref (database);
  zb_window_close_database (self);
  self->database = database;

  path = zb_database_get_path (database);
  g_free (self->workspace_path);
  self->workspace_path = g_strdup (path);
  self->unlock_locked = FALSE;
  zb_window_remember_workspace (self, path);

  org_name = zb_database_dup_org_name (database);
  zb_window_set_org_name (self, org_name);

  self->member_repo = zb_member_repo_new (database);
  self->org_repo = zb_org_repo_new (database);
  zb_roster_view_set_repos (self->roster_view, self->member_repo, self->org_repo);
  zb_organisation_view_set_repos (self->organisation_view, self->org_repo, self->member_repo);
  self->meeting_repo = zb_meeting_repo_new (database);
  zb_meetings_view_set_repos (self->meetings_view, self->meeting_repo, self->member_repo,
                              self->org_repo);
  self->talk_repo = zb_talk_repo_new (database);
  zb_talks_view_set_repos (self->talks_view, self->talk_repo, self->member_repo, self->org_repo);
  /* Talk contents ask for the secret again once the workspace has been
   * unlocked longer than contents-recheck-minutes. */
  zb_talks_view_set_unlocked_time (self->talks_view, g_get_monotonic_time ());

  /* The pages wipe the passphrase before they emit, and are reset when shown
   * again; resetting them here, inside their own signal, could cancel work
   * they still finish after it. */

  /* The area shown before locking comes back as it was. */
  zb_window_set_mode (self, "main");
  zb_window_update_titles (self);

  self->last_input_us = g_get_monotonic_time ();
  zb_window_schedule_idle_lock (self);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  else
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

void
_zb_window_show_unlock (ZbWindow *self, const char *path, gboolean locked)
{
  g_autofree char *path_copy = g_strdup (path);

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  zb_window_close_database (self);
  zb_setup_assistant_reset (self->setup_assistant);

  g_free (self->workspace_path);
  self->workspace_path = g_steal_pointer (&path_copy);
  self->unlock_locked = locked;

  zb_window_set_mode (self, "unlock");
  zb_unlock_page_unlock (self->unlock_page, self->workspace_path, locked);
}

void
_zb_window_show_setup (ZbWindow *self, const char *path, gboolean can_cancel)
{
  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  zb_unlock_page_reset (self->unlock_page);
  zb_setup_assistant_reset (self->setup_assistant);
  zb_setup_assistant_set_path (self->setup_assistant, path);
  zb_setup_assistant_set_can_cancel (self->setup_assistant, can_cancel);
  zb_window_set_mode (self, "setup");
}

void
_zb_window_lock (ZbWindow *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ZB_IS_WINDOW (self));

  if (self->database == NULL)
    return;

  path = g_strdup (zb_database_get_path (self->database));
  _zb_window_show_unlock (self, path, TRUE);
}

static gboolean
zb_window_nothing_recorded (ZbWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");

  return last[0] == '\0' && recent[0] == NULL;
}

void
zb_window_open_workspace (ZbWindow *self, const char *path)
{
  g_autofree char *default_path = zb_default_workspace_path ();

  g_return_if_fail (ZB_IS_WINDOW (self));

  if (path == NULL || path[0] == '\0')
    path = default_path;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      _zb_window_show_unlock (self, path, FALSE);
      return;
    }

  /* Only the very first start creates a workspace, and only through the
   * assistant; a workspace that was there before and is now missing is
   * reported as missing, never silently replaced by an empty one. */
  if (g_str_equal (path, default_path) && zb_window_nothing_recorded (self))
    {
      zb_window_close_database (self);
      g_free (self->workspace_path);
      self->workspace_path = NULL;
      _zb_window_show_setup (self, path, FALSE);
      return;
    }

  _zb_window_show_unlock (self, path, FALSE);
}

static void
on_unlocked_cb (ZbWindow *self, ZbDatabase *database)
{
  g_return_if_fail (ZB_IS_DATABASE (database));

  zb_window_take_database (self, database);
}

static void
on_setup_created_cb (ZbWindow *self, ZbDatabase *database)
{
  g_return_if_fail (ZB_IS_DATABASE (database));

  zb_window_take_database (self, database);
}

static void
on_setup_cancelled_cb (ZbWindow *self)
{
  zb_setup_assistant_reset (self->setup_assistant);

  if (self->database != NULL)
    zb_window_set_mode (self, "main");
  else if (self->workspace_path != NULL)
    _zb_window_show_unlock (self, self->workspace_path, self->unlock_locked);
  else
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-workspace");

      zb_window_open_workspace (self, last);
    }
}

/* Accessors for the actions and for tests */

AdwViewStack *
_zb_window_get_view_stack (ZbWindow *self)
{
  return self->view_stack;
}

GtkListBox *
_zb_window_get_sidebar (ZbWindow *self)
{
  return self->sidebar;
}

GtkLabel *
_zb_window_get_org_label (ZbWindow *self)
{
  return self->org_label;
}

ZbUnlockPage *
_zb_window_get_unlock_page (ZbWindow *self)
{
  return self->unlock_page;
}

ZbSetupAssistant *
_zb_window_get_setup_assistant (ZbWindow *self)
{
  return self->setup_assistant;
}

ZbRosterView *
_zb_window_get_roster_view (ZbWindow *self)
{
  return self->roster_view;
}

ZbOrganisationView *
_zb_window_get_organisation_view (ZbWindow *self)
{
  return self->organisation_view;
}

ZbMeetingsView *
_zb_window_get_meetings_view (ZbWindow *self)
{
  return self->meetings_view;
}

ZbTalksView *
_zb_window_get_talks_view (ZbWindow *self)
{
  return self->talks_view;
}

void
_zb_window_watch_input (ZbWindow *self, GtkWindow *dialog)
{
  GtkEventController *controller;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (zb_window_input_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (dialog), controller);
}

/* GObject */

static gboolean
zb_window_close_request (GtkWindow *window)
{
  ZbWindow *self = ZB_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);

  /* A maximized window keeps the size it had before, for when it is
   * restored next time. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  zb_window_close_database (self);

  return GTK_WINDOW_CLASS (zb_window_parent_class)->close_request (window);
}

static void
zb_window_dispose (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  zb_window_close_database (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_WINDOW);

  G_OBJECT_CLASS (zb_window_parent_class)->dispose (object);
}

static void
zb_window_finalize (GObject *object)
{
  ZbWindow *self = ZB_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->org_name, g_free);
  g_clear_pointer (&self->workspace_path, g_free);

  G_OBJECT_CLASS (zb_window_parent_class)->finalize (object);
}

static void
zb_window_class_init (ZbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zb_window_dispose;
  object_class->finalize = zb_window_finalize;

  window_class->close_request = zb_window_close_request;

  g_type_ensure (ZB_TYPE_SETUP_ASSISTANT);
  g_type_ensure (ZB_TYPE_UNLOCK_PAGE);
  g_type_ensure (ZB_TYPE_ROSTER_VIEW);
  g_type_ensure (ZB_TYPE_ORGANISATION_VIEW);
  g_type_ensure (ZB_TYPE_MEETINGS_VIEW);
  g_type_ensure (ZB_TYPE_TALKS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, start_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, setup_assistant);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, unlock_page);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, org_label);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, roster_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, organisation_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, meetings_view);
  gtk_widget_class_bind_template_child (widget_class, ZbWindow, talks_view);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_area_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unlocked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_created_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_cancelled_cb);
}

static void
zb_window_init (ZbWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::idle-lock-minutes",
                           G_CALLBACK (zb_window_idle_lock_minutes_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* One legacy controller in the capture phase sees every kind of input
   * (keys, pointer, scroll, touch) before any child can consume it. */
  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (zb_window_input_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  zb_window_build_sidebar (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  zb_window_set_org_name (self, NULL);

  _zb_window_actions_init (self);
  _zb_window_set_area (self, "workbench");
  zb_window_set_mode (self, "unlock");
}

ZbWindow *
zb_window_new (ZbApplication *application)
{
  return g_object_new (ZB_TYPE_WINDOW, "application", application, NULL);
}
