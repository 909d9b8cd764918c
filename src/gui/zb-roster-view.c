/* zb-roster-view.c — the 党员名册 area: the list of members and the chosen one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-codes.h"
#include "zb-gui-format.h"
#include "zb-roster-columns.h"
#include "zb-roster-view-private.h"

G_DEFINE_FINAL_TYPE (ZbRosterView, zb_roster_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REVEAL,
  PROP_ARCHIVE,
  PROP_SORT_ORDER,
  PROP_DESCENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const order_names[] = { "strokes", "pinyin", "joined" };

static void zb_roster_view_update_query (ZbRosterView *self);

/* Sorting */

static void
zb_roster_view_show_sort (ZbRosterView *self)
{
  zb_roster_columns_show_sort (self->columns,
                               self->order == ZB_MEMBER_ORDER_JOINED ? ZB_ROSTER_COLUMN_JOINED
                                                                     : ZB_ROSTER_COLUMN_NAME,
                               self->descending);
}

/* A header was clicked: 姓名 sorts by the name order chosen in the menu. */
static void
on_sort_changed_cb (ZbRosterView *self, int column, gboolean descending)
{
  self->order = column == ZB_ROSTER_COLUMN_JOINED ? ZB_MEMBER_ORDER_JOINED : self->name_order;
  self->descending = descending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCENDING]);
  zb_roster_view_update_query (self);
}

/* The list's state */

static gboolean
zb_roster_view_is_filtered (ZbRosterView *self)
{
  const ZbMemberQuery *q = zb_member_list_model_get_query (self->model);

  return q->search != NULL || q->branch_id != 0 || q->group_id != 0 || q->category >= 0
         || q->flowing >= 0 || q->lost_contact >= 0;
}

static void
zb_roster_view_update_state (ZbRosterView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *count = NULL;
  const char *state;

  if (self->model == NULL)
    {
      gtk_label_set_label (self->count_label, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (self->archive)
    /* Translators: those who transferred out, left or died. */
    count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u person in the archive", "%u people in the archive", n),
        n);
  else if (zb_roster_view_is_filtered (self))
    count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u member found", "%u members found", n), n);
  else
    count = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u member on the roster", "%u members on the roster", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    state = "list";
  else if (!self->archive && !zb_roster_view_is_filtered (self))
    state = "empty";
  else
    {
      const char *search = zb_member_list_model_get_query (self->model)->search;
      g_autofree char *description = NULL;

      state = "no-results";
      if (search != NULL)
        /* Translators: %s is what the user typed into the search field. */
        description = g_strdup_printf (
            _ ("No member's name, pinyin, ID number or phone number matches “%s”."), search);
      else if (self->archive)
        description = g_strdup (_ ("Nobody has transferred out, left the Party or died yet."));
      else
        description = g_strdup (_ ("No member matches the chosen filters."));
      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_stack_set_visible_child_name (self->content_stack, state);
}

static void
zb_roster_view_items_changed_cb (ZbRosterView *self)
{
  zb_roster_view_update_state (self);
  /* Printing the list's sheets needs a list. */
  _zb_roster_view_update_actions (self);
}

/* Filters */

static gint64
selected_id (GtkDropDown *drop_down, GArray *ids)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

/* -1 any, 1 yes, 0 no, from a drop-down of "all", "yes", "no". */
static int
selected_tristate (GtkDropDown *drop_down)
{
  switch (gtk_drop_down_get_selected (drop_down))
    {
    case 1:
      return 1;
    case 2:
      return 0;
    default:
      return -1;
    }
}

static void
zb_roster_view_update_query (ZbRosterView *self)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autofree char *search = NULL;
  guint n_filters = 0;
  g_autofree char *label = NULL;

  if (self->model == NULL || self->syncing)
    return;

  search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  query.search = search[0] ? search : NULL;
  query.order = self->order;
  query.descending = self->descending;
  query.branch_id = selected_id (self->branch_filter, self->branch_ids);
  query.group_id = selected_id (self->group_filter, self->group_ids);
  query.category = (int)gtk_drop_down_get_selected (self->category_filter) - 1;
  query.category = query.category > 1 ? -1 : query.category;
  query.flowing = selected_tristate (self->flowing_filter);
  query.lost_contact = selected_tristate (self->lost_filter);
  query.archive = self->archive;

  n_filters = (query.branch_id != 0) + (query.group_id != 0) + (query.category >= 0)
              + (query.flowing >= 0) + (query.lost_contact >= 0);
  if (n_filters > 0)
    /* Translators: the filter button with the number of filters in use. */
    label = g_strdup_printf (_ ("Filter (%u)"), n_filters);
  gtk_menu_button_set_label (self->filter_button, label ? label : _ ("Filter"));

  zb_member_list_model_set_query (self->model, &query);
  zb_roster_view_update_state (self);
}

static GtkStringList *
new_choices (const char *first, ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);

  return list;
}

/* The groups of the chosen branch (or of every branch) in the group filter. */
static void
zb_roster_view_fill_groups (ZbRosterView *self)
{
  g_autoptr (GtkStringList) names = new_choices (_ ("All Party Groups"), NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 branch_id = selected_id (self->branch_filter, self->branch_ids);
  gint64 all = 0;

  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, all);

  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_GROUP || (branch_id != 0 && unit->parent_id != branch_id))
          continue;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->group_ids, unit->id);
      }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->group_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->group_filter, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_filter), self->group_ids->len > 1);
  self->syncing = FALSE;
}

static void
zb_roster_view_fill_branches (ZbRosterView *self)
{
  g_autoptr (GtkStringList) names = new_choices (_ ("All Branches"), NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 previous = selected_id (self->branch_filter, self->branch_ids);
  guint keep = 0;
  gint64 all = 0;

  g_array_set_size (self->branch_ids, 0);
  g_array_append_val (self->branch_ids, all);

  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_BRANCH)
          continue;
        if (unit->id == previous)
          keep = self->branch_ids->len;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->branch_ids, unit->id);
      }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->branch_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->branch_filter, keep);
  gtk_widget_set_sensitive (GTK_WIDGET (self->branch_filter), self->branch_ids->len > 2);
  self->syncing = FALSE;

  zb_roster_view_fill_groups (self);
}

static void
zb_roster_view_org_changed_cb (ZbRosterView *self)
{
  zb_roster_view_fill_branches (self);
  /* Branch and group names appear in the rows. */
  zb_roster_view_update_query (self);
}

static void
on_branch_filter_changed_cb (ZbRosterView *self)
{
  if (self->syncing)
    return;

  zb_roster_view_fill_groups (self);
  zb_roster_view_update_query (self);
}

static void
on_filter_changed_cb (ZbRosterView *self)
{
  zb_roster_view_update_query (self);
}

static void
on_search_changed_cb (ZbRosterView *self)
{
  zb_roster_view_update_query (self);
}

static void
on_stop_search_cb (ZbRosterView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
_zb_roster_view_clear_filters (ZbRosterView *self)
{
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->branch_filter, 0);
  gtk_drop_down_set_selected (self->category_filter, 0);
  gtk_drop_down_set_selected (self->flowing_filter, 0);
  gtk_drop_down_set_selected (self->lost_filter, 0);
  self->syncing = FALSE;
  zb_roster_view_fill_groups (self);

  if (self->archive)
    {
      self->archive = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVE]);
    }
  zb_roster_view_update_query (self);
}

/* Selection and the detail pane */

void
_zb_roster_view_show_member (ZbRosterView *self, const char *uuid, gboolean reveal)
{
  zb_member_detail_show (self->detail, uuid);
  if (uuid != NULL && reveal)
    adw_flap_set_reveal_flap (self->flap, TRUE);
  _zb_roster_view_update_actions (self);
}

static void
on_selection_changed_cb (ZbRosterView *self)
{
  ZbMember *member = gtk_single_selection_get_selected_item (self->selection);

  if (member == NULL)
    return;

  /* Folded, the pane would cover the list at every arrow key: there it opens
   * on Enter or a double click only. */
  _zb_roster_view_show_member (self, zb_member_get_uuid (member),
                               !adw_flap_get_folded (self->flap));
}

static void
on_row_activated_cb (ZbRosterView *self, guint position)
{
  g_autoptr (ZbMember) member = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (member == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  _zb_roster_view_show_member (self, zb_member_get_uuid (member), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
}

static void
on_detail_close_cb (ZbRosterView *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
on_flap_folded_cb (ZbRosterView *self)
{
  /* Going narrow, the pane would cover the list. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Workspace */

void
zb_roster_view_set_repos (ZbRosterView *self, ZbMemberRepo *members, ZbOrgRepo *org)
{
  g_return_if_fail (ZB_IS_ROSTER_VIEW (self));
  g_return_if_fail (members == NULL || ZB_IS_MEMBER_REPO (members));
  g_return_if_fail (org == NULL || ZB_IS_ORG_REPO (org));

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->model);
  g_set_object (&self->members, members);
  g_set_object (&self->org, org);

  /* Whatever was typed or revealed belongs to the session that ends. */
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->syncing = FALSE;
  if (self->reveal)
    {
      self->reveal = FALSE;
      zb_roster_columns_set_reveal (self->columns, FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEAL]);
    }
  adw_flap_set_reveal_flap (self->flap, FALSE);
  zb_member_detail_set_repos (self->detail, members, org);
  zb_member_detail_set_reveal (self->detail, FALSE);

  if (members != NULL)
    {
      self->model = zb_member_list_model_new (members);
      g_signal_connect_object (self->model, "items-changed",
                               G_CALLBACK (zb_roster_view_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
      if (org != NULL)
        g_signal_connect_object (org, "changed", G_CALLBACK (zb_roster_view_org_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      zb_roster_view_fill_branches (self);
      zb_roster_view_update_query (self);
    }

  zb_roster_view_update_state (self);
  _zb_roster_view_update_actions (self);
}

/* Accessors for tests */

ZbMemberListModel *
_zb_roster_view_get_model (ZbRosterView *self)
{
  return self->model;
}

GtkColumnView *
_zb_roster_view_get_column_view (ZbRosterView *self)
{
  return self->column_view;
}

GtkSearchEntry *
_zb_roster_view_get_search_entry (ZbRosterView *self)
{
  return self->search_entry;
}

ZbMemberDetail *
_zb_roster_view_get_detail (ZbRosterView *self)
{
  return self->detail;
}

GtkLabel *
_zb_roster_view_get_count_label (ZbRosterView *self)
{
  return self->count_label;
}

const char *
_zb_roster_view_get_state (ZbRosterView *self)
{
  return gtk_stack_get_visible_child_name (self->content_stack);
}

GtkWindow *
_zb_roster_view_get_dialog (ZbRosterView *self)
{
  return self->dialog;
}

void
_zb_roster_view_select (ZbRosterView *self, guint position)
{
  gtk_single_selection_set_selected (self->selection, position);
}

char *
_zb_roster_view_dup_cell_text (ZbRosterView *self, guint position, ZbRosterColumn column)
{
  return zb_roster_columns_dup_shown_text (self->columns, position, column);
}

GtkWidget *
_zb_roster_view_get_cell (ZbRosterView *self, guint position, ZbRosterColumn column)
{
  return zb_roster_columns_get_shown_cell (self->columns, position, column);
}

/* GObject */

static void
zb_roster_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_REVEAL:
      g_value_set_boolean (value, self->reveal);
      break;
    case PROP_ARCHIVE:
      g_value_set_boolean (value, self->archive);
      break;
    case PROP_SORT_ORDER:
      g_value_set_string (value, order_names[self->order]);
      break;
    case PROP_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_roster_view_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_REVEAL:
      if (self->reveal != g_value_get_boolean (value))
        {
          self->reveal = g_value_get_boolean (value);
          zb_roster_columns_set_reveal (self->columns, self->reveal);
          zb_member_detail_set_reveal (self->detail, self->reveal);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ARCHIVE:
      if (self->archive != g_value_get_boolean (value))
        {
          self->archive = g_value_get_boolean (value);
          zb_roster_view_update_query (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SORT_ORDER:
      for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
        if (g_strcmp0 (g_value_get_string (value), order_names[i]) == 0 && self->order != i)
          {
            self->order = i;
            if (i != ZB_MEMBER_ORDER_JOINED)
              self->name_order = i;
            zb_roster_view_show_sort (self);
            zb_roster_view_update_query (self);
            g_object_notify_by_pspec (object, pspec);
          }
      break;

    case PROP_DESCENDING:
      if (self->descending != g_value_get_boolean (value))
        {
          self->descending = g_value_get_boolean (value);
          zb_roster_view_show_sort (self);
          zb_roster_view_update_query (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_roster_view_dispose (GObject *object)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (object);

  zb_roster_view_set_repos (self, NULL, NULL);
  _zb_roster_view_set_dialog (self, NULL);

  /* AdwBin disposes its child, the template's top widget; disposing the
   * template as well would leave AdwBin a freed child to unparent. */

  G_OBJECT_CLASS (zb_roster_view_parent_class)->dispose (object);
}

static void
zb_roster_view_finalize (GObject *object)
{
  ZbRosterView *self = ZB_ROSTER_VIEW (object);

  g_clear_object (&self->selection);
  /* Only now: the column view's cells called into it until it went. */
  g_clear_object (&self->columns);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);

  G_OBJECT_CLASS (zb_roster_view_parent_class)->finalize (object);
}

static void
zb_roster_view_class_init (ZbRosterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = zb_roster_view_get_property;
  object_class->set_property = zb_roster_view_set_property;
  object_class->dispose = zb_roster_view_dispose;
  object_class->finalize = zb_roster_view_finalize;

  properties[PROP_REVEAL]
      = g_param_spec_boolean ("reveal", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARCHIVE]
      = g_param_spec_boolean ("archive", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_ORDER]
      = g_param_spec_string ("sort-order", NULL, NULL, "strokes",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCENDING]
      = g_param_spec_boolean ("descending", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ZB_TYPE_MEMBER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-roster-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, flap);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, branch_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, group_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, category_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, flowing_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, lost_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, column_view);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ZbRosterView, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flap_folded_cb);

  _zb_roster_view_class_add_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "roster.reveal", "reveal");
  gtk_widget_class_install_property_action (widget_class, "roster.archive", "archive");
  gtk_widget_class_install_property_action (widget_class, "roster.sort-order", "sort-order");
  gtk_widget_class_install_property_action (widget_class, "roster.descending", "descending");
}

static void
zb_roster_view_add_shortcut (GtkEventController *controller, const char *accel, const char *action)
{
  gtk_shortcut_controller_add_shortcut (
      GTK_SHORTCUT_CONTROLLER (controller),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel), gtk_named_action_new (action)));
}

static void
zb_roster_view_init (ZbRosterView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->order = self->name_order = ZB_MEMBER_ORDER_STROKES;

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  self->columns = zb_roster_columns_new (self->column_view);
  g_signal_connect_object (self->columns, "sort-changed", G_CALLBACK (on_sort_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  {
    g_autoptr (GtkStringList) categories
        = new_choices (_ ("All Members"), zb_member_category_get_label (ZB_CATEGORY_FULL),
                       zb_member_category_get_label (ZB_CATEGORY_PROBATIONARY), NULL);
    g_autoptr (GtkStringList) flowing
        = new_choices (_ ("All Members"), _ ("Flowing Members Only"), _ ("Not Flowing"), NULL);
    g_autoptr (GtkStringList) lost
        = new_choices (_ ("All Members"), _ ("Out of Contact Only"), _ ("In Contact"), NULL);

    gtk_drop_down_set_model (self->category_filter, G_LIST_MODEL (categories));
    gtk_drop_down_set_model (self->flowing_filter, G_LIST_MODEL (flowing));
    gtk_drop_down_set_model (self->lost_filter, G_LIST_MODEL (lost));
  }

  /* Global within the window, but only while the roster is on screen: GTK
   * skips the shortcuts of widgets that are not mapped. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  zb_roster_view_add_shortcut (shortcuts, "<Control>f", "roster.search");
  zb_roster_view_add_shortcut (shortcuts, "<Control>n", "roster.new-member");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  zb_roster_view_fill_branches (self);
  zb_roster_view_update_state (self);
  _zb_roster_view_update_actions (self);
}

ZbRosterView *
zb_roster_view_new (void)
{
  return g_object_new (ZB_TYPE_ROSTER_VIEW, NULL);
}
