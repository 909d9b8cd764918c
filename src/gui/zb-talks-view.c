/* zb-talks-view.c — the 谈心谈话 area: the year's coverage, talks and follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list shows the date, the people and the kind of each talk, never its
 * contents: those open from a row, after the re-check, in a window of their
 * own (zb-talks-view-actions.c).
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-talks-format.h"
#include "zb-talks-view-private.h"

G_DEFINE_FINAL_TYPE (ZbTalksView, zb_talks_view, ADW_TYPE_BIN)

guint
_zb_talks_view_get_year (ZbTalksView *self)
{
  return self->year;
}

static void zb_talks_view_changed_cb (ZbTalksView *self);

void
_zb_talks_view_set_year (ZbTalksView *self, guint year)
{
  g_autofree char *label = NULL;
  GDate today;

  zb_format_today (&today);
  /* From the first years anyone could have recorded to next year's plans. */
  year = CLAMP (year, 2000, (guint)g_date_get_year (&today) + 1);
  if (year == self->year)
    return;
  self->year = year;
  /* Translators: the year shown in the 谈心谈话 area, e.g. 2026年. */
  label = g_strdup_printf (_ ("Year %u"), year);
  gtk_label_set_label (self->year_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.previous-year", year > 2000);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "talks.next-year",
                                 year < (guint)g_date_get_year (&today) + 1);
  zb_talks_view_changed_cb (self);
}

/* Rows */

static GtkWidget *
row_button (const char *icon, const char *tooltip, const char *action, const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (target));
  return button;
}

static void
add_row (ZbTalksView *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static GtkWidget *
new_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static void
zb_talks_view_add_talks (ZbTalksView *self, GPtrArray *talks, guint year)
{
  g_autofree char *title = g_strdup_printf (_ ("Talks in %u"), year);

  adw_preferences_group_set_title (self->talks_group, title);
  self->n_talks = talks != NULL ? talks->len : 0;
  if (self->n_talks == 0)
    {
      add_row (self, self->talks_group,
               new_row (_ ("No talks recorded in this year"),
                        _ ("Use “Record a Talk” after each talk: who talked with whom, when, and "
                           "about what.")));
      return;
    }

  /* Latest first: the talk just recorded is at the top. */
  for (guint i = talks->len; i-- > 0;)
    {
      const ZbTalkRecord *r = g_ptr_array_index (talks, i);
      g_autofree char *when = zb_talks_format_when (r);
      g_autofree char *talkers = zb_talks_format_people (r, ZB_TALK_SIDE_TALKER);
      g_autofree char *others = zb_talks_format_people (r, ZB_TALK_SIDE_TALKED_WITH);
      /* Translators: a talk in the list: its date and time · its kind. */
      g_autofree char *row_title
          = g_strdup_printf (_ ("%s · %s"), when, zb_talk_kind_get_label (r->kind));
      /* Translators: who held a talk → with whom. */
      g_autofree char *subtitle = g_strdup_printf (_ ("%s with %s"), talkers, others);
      GtkWidget *row = new_row (row_title, subtitle);
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *contents;

      /* Words rather than a padlock: the one button that reveals text. */
      contents = gtk_button_new_with_label (_ ("Contents…"));
      gtk_widget_set_valign (contents, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (contents, "flat");
      gtk_widget_set_tooltip_text (contents, _ ("Open the Contents"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (contents), "talks.open-contents");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (contents),
                                              g_variant_new_string (r->uuid));
      gtk_box_append (GTK_BOX (buttons), contents);
      gtk_box_append (GTK_BOX (buttons),
                      row_button ("document-edit-symbolic", _ ("Edit"), "talks.edit", r->uuid));
      gtk_box_append (GTK_BOX (buttons),
                      row_button ("printer-symbolic", _ ("Print the Talk Record"),
                                  "talks.print-record", r->uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      add_row (self, self->talks_group, row);
    }
}

static void
zb_talks_view_add_actions (ZbTalksView *self, GPtrArray *open)
{
  g_autofree char *today = zb_format_today_iso ();

  self->n_open_actions = open != NULL ? open->len : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), self->n_open_actions > 0);
  for (guint i = 0; open != NULL && i < open->len; i++)
    {
      const ZbTalkOpenAction *item = g_ptr_array_index (open, i);
      const ZbTalkAction *a = item->action;
      g_autoptr (GString) subtitle = g_string_new (NULL);
      g_autofree char *talk_date = zb_format_date (item->talk_date);
      gboolean overdue = a->due_date != NULL && g_strcmp0 (a->due_date, today) < 0;
      GtkWidget *row, *button;

      if (a->due_date != NULL)
        {
          g_autofree char *due = zb_format_date (a->due_date);

          g_string_append_printf (subtitle, overdue ? _ ("Overdue since %s") : _ ("Due %s"), due);
        }
      else
        g_string_append (subtitle, _ ("No due date"));
      if (a->owner_name != NULL)
        g_string_append_printf (subtitle, _ ("%sBy %s"), " · ", a->owner_name);
      /* Translators: the talk a follow-up comes from: its date, with whom. */
      g_string_append_printf (subtitle, _ (" · From the talk of %s with %s"), talk_date,
                              item->talked_with ? item->talked_with : "");

      row = new_row (a->text, subtitle->str);
      if (overdue)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Overdue"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      button = gtk_button_new_with_mnemonic (_ ("Mark _Done"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "talks.action-done");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (a->uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_row (self, self->actions_group, row);
    }
}

static void
zb_talks_view_clear (ZbTalksView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->missing, g_strfreev);
  self->n_talks = self->n_open_actions = 0;
}

void
_zb_talks_view_reload (ZbTalksView *self)
{
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GError) error = NULL;
  guint year = _zb_talks_view_get_year (self);
  GDate today;

  self->stale = FALSE;
  zb_talks_view_clear (self);
  _zb_talks_view_update_actions (self);
  if (self->talks == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  zb_format_today (&today);
  query.year = year;
  talks = zb_talk_repo_list (self->talks, &query, &error);
  if (talks == NULL)
    {
      _zb_talks_view_toast (self, error->message);
      g_clear_error (&error);
    }
  coverage = zb_talk_repo_coverage_for_year (self->talks, 0, year, &today, &names, &error);
  if (coverage == NULL)
    {
      _zb_talks_view_toast (self, error->message);
      g_clear_error (&error);
    }
  open = zb_talk_repo_list_open_actions (self->talks, 0, NULL);

  /* Nothing at all yet: say what to do. */
  if ((talks == NULL || talks->len == 0) && (coverage == NULL || coverage->len == 0)
      && (open == NULL || open->len == 0))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->missing = g_new0 (char *, 1);
      _zb_talks_view_update_actions (self);
      return;
    }

  if (coverage != NULL)
    self->missing
        = _zb_talks_coverage_fill (self->coverage_group, coverage, names, year, self->rows);
  else
    self->missing = g_new0 (char *, 1);
  zb_talks_view_add_actions (self, open);
  zb_talks_view_add_talks (self, talks, year);
  gtk_stack_set_visible_child_name (self->stack, "content");
  _zb_talks_view_update_actions (self);
}

/* Read while on screen only; a change elsewhere marks it stale. */
static void
zb_talks_view_changed_cb (ZbTalksView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _zb_talks_view_reload (self);
  else
    self->stale = TRUE;
}

static void
zb_talks_view_map (GtkWidget *widget)
{
  ZbTalksView *self = ZB_TALKS_VIEW (widget);

  GTK_WIDGET_CLASS (zb_talks_view_parent_class)->map (widget);
  if (self->stale)
    _zb_talks_view_reload (self);
}

/* Public */

void
zb_talks_view_set_repos (ZbTalksView *self, ZbTalkRepo *talks, ZbMemberRepo *members,
                         ZbOrgRepo *org)
{
  g_return_if_fail (ZB_IS_TALKS_VIEW (self));

  if (self->talks != NULL)
    g_signal_handlers_disconnect_by_data (self->talks, self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);

  /* Locked: the editor, the contents and any prompt go at once. */
  if (talks == NULL && self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  zb_contents_guard_set_database (self->guard, talks ? zb_talk_repo_get_database (talks) : NULL,
                                  g_get_monotonic_time ());

  g_set_object (&self->talks, talks);
  g_set_object (&self->members, members);
  g_set_object (&self->org, org);

  /* Coverage follows the roster and the committee's posts too. */
  if (talks != NULL)
    g_signal_connect_object (talks, "changed", G_CALLBACK (zb_talks_view_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (members != NULL)
    g_signal_connect_object (members, "changed", G_CALLBACK (zb_talks_view_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (org != NULL)
    g_signal_connect_object (org, "changed", G_CALLBACK (zb_talks_view_changed_cb), self,
                             G_CONNECT_SWAPPED);

  if (talks == NULL)
    _zb_talks_view_reload (self);
  else
    zb_talks_view_changed_cb (self);
}

void
zb_talks_view_set_unlocked_time (ZbTalksView *self, gint64 unlocked_us)
{
  g_return_if_fail (ZB_IS_TALKS_VIEW (self));

  zb_contents_guard_set_database (
      self->guard, self->talks ? zb_talk_repo_get_database (self->talks) : NULL, unlocked_us);
}

ZbContentsGuard *
_zb_talks_view_get_guard (ZbTalksView *self)
{
  return self->guard;
}

GtkWindow *
_zb_talks_view_get_dialog (ZbTalksView *self)
{
  return self->dialog;
}

const char *
_zb_talks_view_get_state (ZbTalksView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
_zb_talks_view_get_n_talks (ZbTalksView *self)
{
  return self->n_talks;
}

guint
_zb_talks_view_get_n_open_actions (ZbTalksView *self)
{
  return self->n_open_actions;
}

const char *const *
_zb_talks_view_get_missing (ZbTalksView *self)
{
  return (const char *const *)self->missing;
}

ZbTalksView *
zb_talks_view_new (void)
{
  return g_object_new (ZB_TYPE_TALKS_VIEW, NULL);
}

/* GObject */

static void
zb_talks_view_dispose (GObject *object)
{
  ZbTalksView *self = ZB_TALKS_VIEW (object);

  if (self->guard != NULL)
    zb_talks_view_set_repos (self, NULL, NULL, NULL);
  _zb_talks_view_set_dialog (self, NULL);
  g_clear_object (&self->guard);

  G_OBJECT_CLASS (zb_talks_view_parent_class)->dispose (object);
}

static void
zb_talks_view_finalize (GObject *object)
{
  ZbTalksView *self = ZB_TALKS_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->missing, g_strfreev);

  G_OBJECT_CLASS (zb_talks_view_parent_class)->finalize (object);
}

static void
zb_talks_view_class_init (ZbTalksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_talks_view_dispose;
  object_class->finalize = zb_talks_view_finalize;
  widget_class->map = zb_talks_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-talks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, year_label);
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, talks_group);
  gtk_widget_class_bind_template_child (widget_class, ZbTalksView, actions_group);

  _zb_talks_view_class_add_actions (widget_class);
}

static void
zb_talks_view_init (ZbTalksView *self)
{
  GDate today;

  self->rows = g_ptr_array_new ();
  self->guard = zb_contents_guard_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  zb_format_today (&today);
  _zb_talks_view_set_year (self, g_date_get_year (&today));
  _zb_talks_view_reload (self);
}
