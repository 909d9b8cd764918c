/* zb-preferences-window.c — the few settings a secretary may want to change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How soon an idle workspace locks, and how soon the contents of a talk need
 * the passphrase (or the keyring) again. Each is a choice among a few plain
 * durations rather than a number to type: older users pick "10 分钟" more
 * surely than they set a spin button. A value set some other way (gsettings,
 * a managed machine) is kept and shown among the choices.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-preferences-window.h"

struct _ZbPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *idle_lock_row;
  AdwComboRow *recheck_row;

  GSettings *settings;
  GArray *idle_lock_minutes; /* guint, one per choice of idle_lock_row */
  GArray *recheck_minutes;   /* guint, one per choice of recheck_row */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (ZbPreferencesWindow, zb_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const guint presets[] = { 0, 5, 10, 15, 30, 60 };

static int
compare_minutes (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* The choices of a row: the presets and, when it is none of them, @current. */
static void
fill_row (ZbPreferencesWindow *self, AdwComboRow *row, GArray *minutes, guint current,
          const char *zero_label)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  gboolean found = FALSE;
  guint selected = 0;

  g_array_set_size (minutes, 0);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_array_append_val (minutes, presets[i]);
      found = found || presets[i] == current;
    }
  if (!found)
    {
      g_array_append_val (minutes, current);
      g_array_sort (minutes, compare_minutes);
    }

  for (guint i = 0; i < minutes->len; i++)
    {
      guint m = g_array_index (minutes, guint, i);
      g_autofree char *label
          = m == 0
                ? g_strdup (zero_label)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", m), m);

      gtk_string_list_append (labels, label);
      if (m == current)
        selected = i;
    }

  self->updating = TRUE;
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
  self->updating = FALSE;
}

static void
zb_preferences_window_load (ZbPreferencesWindow *self)
{
  fill_row (self, self->idle_lock_row, self->idle_lock_minutes,
            g_settings_get_uint (self->settings, "idle-lock-minutes"), C_ ("idle lock", "Never"));
  fill_row (self, self->recheck_row, self->recheck_minutes,
            g_settings_get_uint (self->settings, "contents-recheck-minutes"),
            C_ ("contents re-check", "Every time"));
}

static void
store_choice (ZbPreferencesWindow *self, AdwComboRow *row, GArray *minutes, const char *key)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= minutes->len)
    return;
  /* Our own change comes back as "changed": the rows are right already, and
   * rebuilding a row's model inside its own selection change would free it. */
  self->updating = TRUE;
  g_settings_set_uint (self->settings, key, g_array_index (minutes, guint, selected));
  self->updating = FALSE;
}

static void
on_idle_lock_selected_cb (ZbPreferencesWindow *self)
{
  store_choice (self, self->idle_lock_row, self->idle_lock_minutes, "idle-lock-minutes");
}

static void
on_recheck_selected_cb (ZbPreferencesWindow *self)
{
  store_choice (self, self->recheck_row, self->recheck_minutes, "contents-recheck-minutes");
}

/* Changed elsewhere (another window, gsettings): show it. */
static void
on_settings_changed_cb (ZbPreferencesWindow *self, const char *key)
{
  if (!self->updating)
    zb_preferences_window_load (self);
}

static void
zb_preferences_window_dispose (GObject *object)
{
  ZbPreferencesWindow *self = ZB_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (zb_preferences_window_parent_class)->dispose (object);
}

static void
zb_preferences_window_finalize (GObject *object)
{
  ZbPreferencesWindow *self = ZB_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->idle_lock_minutes, g_array_unref);
  g_clear_pointer (&self->recheck_minutes, g_array_unref);
  G_OBJECT_CLASS (zb_preferences_window_parent_class)->finalize (object);
}

static void
zb_preferences_window_class_init (ZbPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_preferences_window_dispose;
  object_class->finalize = zb_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/zb-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbPreferencesWindow, idle_lock_row);
  gtk_widget_class_bind_template_child (widget_class, ZbPreferencesWindow, recheck_row);
  gtk_widget_class_bind_template_callback (widget_class, on_idle_lock_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recheck_selected_cb);
}

static void
zb_preferences_window_init (ZbPreferencesWindow *self)
{
  self->idle_lock_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->recheck_minutes = g_array_new (FALSE, FALSE, sizeof (guint));
  /* The template's handlers run while it is built: the settings first. */
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;

  zb_preferences_window_load (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

ZbPreferencesWindow *
zb_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (ZB_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

AdwComboRow *
_zb_preferences_window_get_idle_lock_row (ZbPreferencesWindow *self)
{
  return self->idle_lock_row;
}

AdwComboRow *
_zb_preferences_window_get_recheck_row (ZbPreferencesWindow *self)
{
  return self->recheck_row;
}
