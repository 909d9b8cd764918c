/* zb-meetings-view.c — the 三会一课 area: the year's calendar, meetings and open resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a secretary asks first is "which required meetings have we not held
 * this year": the calendar answers it from the rules
 * (zb_meeting_rhythm_for_year()); below come the meetings held and the
 * resolutions still to be carried out, each one click from its record.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-meetings-view-private.h"

G_DEFINE_FINAL_TYPE (ZbMeetingsView, zb_meetings_view, ADW_TYPE_BIN)

gint64
_zb_meetings_view_get_branch_id (ZbMeetingsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->branch_filter);

  return selected < self->branch_ids->len ? g_array_index (self->branch_ids, gint64, selected) : 0;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Branches */

static void
zb_meetings_view_fill_branches (ZbMeetingsView *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 keep = _zb_meetings_view_get_branch_id (self);
  guint selected = 0;

  g_array_set_size (self->branch_ids, 0);
  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_BRANCH)
          continue;
        if (unit->id == keep)
          selected = self->branch_ids->len;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->branch_ids, unit->id);
      }

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->branch_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->branch_filter, selected);
  self->syncing = FALSE;
  /* Only a workspace of several branches has a branch to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self->branch_filter), self->branch_ids->len > 1);
}

/* The calendar */

/* Whether @branch_id has a committee today: a branch of fewer than seven
 * full members has none and holds no 支委会 (DOMAIN.md §2.1). */
static gboolean
zb_meetings_view_has_committee (ZbMeetingsView *self, gint64 branch_id, const char *today)
{
  g_autoptr (GPtrArray) posts = NULL;

  if (branch_id == 0)
    return TRUE;
  if ((posts = zb_org_repo_list_posts (self->org, branch_id, today, NULL)) == NULL)
    return TRUE;
  for (guint i = 0; i < posts->len; i++)
    if (((ZbPartyPost *)g_ptr_array_index (posts, i))->role != ZB_POST_GROUP_LEADER)
      return TRUE;
  return FALSE;
}

static void
zb_meetings_view_reload_calendar (ZbMeetingsView *self, gint64 branch_id)
{
  g_autoptr (GArray) held = NULL;
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (ZbMeetingGroup));
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GPtrArray) periods = NULL;
  g_autoptr (GString) summary = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *today_iso = zb_format_today_iso ();
  guint n_held = 0, n_due = 0, n_overdue = 0, n_unrecorded = 0;
  g_autofree char *created_at = NULL;
  GDate records_since;
  gboolean committee;
  ZbMeetingPlan plan;
  GDate today;

  zb_format_today (&today);
  zb_meeting_plan_init_default (&plan);
  committee = zb_meetings_view_has_committee (self, branch_id, today_iso);
  if (!committee)
    plan.unit[ZB_MEETING_COMMITTEE] = ZB_PERIOD_NONE;

  if (branch_id != 0 && (units = zb_org_repo_list_children (self->org, branch_id, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);
        ZbMeetingGroup group = { .id = unit->id, .name = unit->name };

        if (unit->kind != ZB_ORG_UNIT_GROUP)
          continue;
        g_date_clear (&group.since, 1);
        g_date_clear (&group.until, 1);
        g_array_append_val (groups, group);
      }

  if ((held = zb_meeting_repo_list_held (self->meetings, branch_id, self->year, &error)) == NULL)
    g_warning ("Could not read the meetings held: %s", error->message);

  periods = zb_meeting_rhythm_for_year (&plan, held, groups, NULL, self->year, &today);
  /* Periods before the workspace was set up are not the branch's failings:
   * the calendar says 无记录 for them (created_at begins "YYYY-MM-DD"). */
  g_date_clear (&records_since, 1);
  created_at = zb_database_dup_created_at (zb_meeting_repo_get_database (self->meetings));
  if (created_at != NULL && strlen (created_at) >= 10)
    {
      g_autofree char *day = g_strndup (created_at, 10);

      g_date_set_parse (&records_since, day);
    }
  zb_meetings_calendar_set_records_since (self->calendar, &records_since);
  /* The group names belong to @units; the calendar reads them only here. */
  zb_meetings_calendar_set_periods (self->calendar, self->year, periods, groups);

  for (guint i = 0; i < periods->len; i++)
    {
      const ZbMeetingPeriod *p = g_ptr_array_index (periods, i);

      if (zb_meetings_calendar_period_unrecorded (self->calendar, p))
        {
          n_unrecorded++;
          continue;
        }
      n_held += p->status == ZB_PERIOD_HELD;
      n_due += p->status == ZB_PERIOD_DUE;
      n_overdue += p->status == ZB_PERIOD_OVERDUE;
    }

  if (n_held + n_due + n_overdue == 0)
    g_string_append_printf (summary, _ ("Nothing is due yet in %u."), self->year);
  else if (n_due + n_overdue == 0)
    g_string_append_printf (summary, _ ("So far in %u every required meeting has been held."),
                            self->year);
  else
    g_string_append_printf (
        summary,
        /* Translators: %1$u is a year; the others are numbers of required meetings */
        _ ("So far in %1$u: %2$u held, %3$u not held in time, %4$u still to be held in the "
           "current period."),
        self->year, n_held, n_overdue, n_due);
  if (n_unrecorded > 0)
    g_string_append_printf (summary, " %s",
                            _ ("Periods before this workspace was set up read “No record”; "
                               "meetings held then can still be recorded."));
  if (!committee)
    g_string_append_printf (summary, " %s",
                            _ ("No committee member of this branch is recorded under "
                               "Organisation, so no committee meetings are required."));
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  if (n_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
}

/* The meetings */

static char *
describe_attendance (const ZbAttendanceCounts *c)
{
  if (!c->taken)
    return g_strdup_printf (_ ("Attendance not recorded (%u expected)"), c->expected);
  return g_strdup_printf (
      /* Translators: the attendance of one meeting; all are numbers of people */
      _ ("%1$u present of %2$u expected · %3$u on leave · %4$u absent"), c->present, c->expected,
      c->leave, c->absent);
}

/* "议题：…；…" for a meeting without a name of its own. A list snapshot holds
 * no topics: the record is read, which for a year of meetings is a few
 * small indexed queries each. */
static char *
dup_topics (ZbMeetingsView *self, const char *uuid)
{
  g_autoptr (ZbMeetingRecord) record = zb_meeting_repo_get (self->meetings, uuid, NULL);
  g_autoptr (GString) topics = g_string_new (NULL);

  for (guint i = 0; record != NULL && i < record->topics->len; i++)
    {
      const ZbMeetingTopic *topic = g_ptr_array_index (record->topics, i);

      if (topic->title == NULL)
        continue;
      if (topics->len > 0)
        g_string_append (topics, C_ ("list separator", "; "));
      g_string_append (topics, topic->title);
    }
  return topics->len > 0 ? g_strdup_printf (_ ("Topics: %s"), topics->str) : NULL;
}

static void
fill_print_menu (GtkMenuButton *button, gpointer data)
{
  ZbMeetingsView *self = data;
  const char *uuid = g_object_get_data (G_OBJECT (button), "zb-uuid");
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) first = g_menu_new ();

  if (self->meetings == NULL || (record = zb_meeting_repo_get (self->meetings, uuid, NULL)) == NULL)
    return;

  /* Built when opened, from the record as it is now: its votes may have
   * changed since the list was drawn. */
  {
    g_autoptr (GMenuItem) item = g_menu_item_new (_ ("Minutes"), NULL);

    g_menu_item_set_action_and_target_value (item, "meetings.print-minutes",
                                             g_variant_new_string (uuid));
    g_menu_append_item (first, item);
  }
  if (record->kind == ZB_MEETING_GENERAL && record->resolutions->len > 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("Resolution of the Branch Meeting"), NULL);

      g_menu_item_set_action_and_target_value (item, "meetings.print-resolution",
                                               g_variant_new_string (uuid));
      g_menu_append_item (first, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (first));

  for (guint i = 0; i < record->votes->len; i++)
    {
      const ZbMeetingVote *vote = g_ptr_array_index (record->votes, i);
      g_autoptr (GMenu) section = g_menu_new ();
      g_autoptr (GMenuItem) ballot = g_menu_item_new (_ ("Ballot"), NULL);
      g_autoptr (GMenuItem) report = g_menu_item_new (_ ("Vote Result Report"), NULL);

      g_menu_item_set_action_and_target_value (ballot, "meetings.print-ballot",
                                               g_variant_new ("(ss)", uuid, vote->uuid));
      g_menu_item_set_action_and_target_value (report, "meetings.print-vote-report",
                                               g_variant_new ("(ss)", uuid, vote->uuid));
      g_menu_append_item (section, ballot);
      g_menu_append_item (section, report);
      g_menu_append_section (menu, vote->subject ? vote->subject : _ ("Vote"),
                             G_MENU_MODEL (section));
    }

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static GtkWidget *
zb_meetings_view_meeting_row (ZbMeetingsView *self, ZbMeeting *meeting)
{
  const ZbMeetingRecord *r = zb_meeting_get_record (meeting);
  g_autoptr (ZbRuleCheck) quorum = zb_meeting_check_quorum_status (meeting);
  g_autofree char *date = zb_format_date (r->date);
  g_autofree char *heading = g_strdup_printf ("%s　%s", date, zb_meeting_kind_get_label (r->kind));
  g_autofree char *attendance = describe_attendance (zb_meeting_get_counts (meeting));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *print = gtk_menu_button_new ();
  GtkWidget *edit = gtk_button_new_with_mnemonic (_ ("_Edit"));

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (text), wrapped_label (heading, "heading"));
  /* The repository keeps "" for a meeting without a name of its own. */
  if (r->title != NULL && r->title[0] != '\0')
    gtk_box_append (GTK_BOX (text), wrapped_label (r->title, NULL));
  else
    {
      g_autofree char *topics = dup_topics (self, r->uuid);

      if (topics != NULL)
        gtk_box_append (GTK_BOX (text), wrapped_label (topics, NULL));
    }
  gtk_box_append (GTK_BOX (text), wrapped_label (attendance, "dim-label"));
  if (quorum != NULL && !quorum->ok)
    {
      g_autofree char *warning
          = g_strdup_printf (C_ ("rule and source", "%s (%s)"), quorum->message, quorum->source);

      gtk_box_append (GTK_BOX (text), wrapped_label (warning, "error"));
    }
  gtk_box_append (GTK_BOX (box), text);

  /* 民主评议党员: the grades are given in their own window. */
  if (r->kind == ZB_MEETING_APPRAISAL)
    {
      GtkWidget *review = gtk_button_new_with_mnemonic (_ ("_Grades…"));

      gtk_widget_set_valign (review, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (review), "meetings.review");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (review), "s", r->uuid);
      gtk_widget_set_tooltip_text (review, _ ("Grade the members at this appraisal"));
      gtk_box_append (GTK_BOX (box), review);
    }

  gtk_menu_button_set_label (GTK_MENU_BUTTON (print), _ ("Print"));
  gtk_widget_set_valign (print, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (print), "zb-uuid", g_strdup (r->uuid), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (print), fill_print_menu, self, NULL);
  gtk_box_append (GTK_BOX (box), print);

  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "meetings.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", r->uuid);
  gtk_box_append (GTK_BOX (box), edit);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  g_object_set_data_full (G_OBJECT (row), "zb-uuid", g_strdup (r->uuid), g_free);
  return row;
}

static void
zb_meetings_view_reload_meetings (ZbMeetingsView *self, gint64 branch_id)
{
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autofree char *empty = NULL;
  GPtrArray *found;

  clear_list (self->meeting_list);
  g_ptr_array_set_size (self->shown, 0);

  query.year = self->year;
  query.branch_id = branch_id;
  if ((found = zb_meeting_repo_list (self->meetings, &query, &error)) == NULL)
    g_warning ("Could not list the meetings: %s", error->message);
  else
    {
      g_ptr_array_extend_and_steal (self->shown, found);
      for (guint i = 0; i < self->shown->len; i++)
        gtk_list_box_append (self->meeting_list, zb_meetings_view_meeting_row (
                                                     self, g_ptr_array_index (self->shown, i)));
    }

  empty = g_strdup_printf (_ ("No meeting of %u is recorded yet."), self->year);
  gtk_label_set_label (self->meetings_empty_label, empty);
  gtk_widget_set_visible (self->meetings_empty, self->shown->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_list), self->shown->len > 0);
}

/* The open resolutions */

static GtkWidget *
zb_meetings_view_resolution_row (ZbMeetingsView *self, const ZbMeetingResolution *res,
                                 const char *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_ ("_Mark Done"));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *meeting_date = zb_format_date (res->meeting_date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), res->text ? res->text : "");
  if (res->owner_name != NULL)
    g_string_append_printf (subtitle, _ ("Responsible: %s"), res->owner_name);
  if (res->due_date != NULL)
    {
      g_autofree char *due = zb_format_date (res->due_date);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _ ("Due by %s"), due);
    }
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  g_string_append_printf (subtitle,
                          /* Translators: %1$s is a date, %2$s the kind of meeting */
                          _ ("Decided at the %2$s of %1$s"), meeting_date,
                          zb_meeting_kind_get_label (res->meeting_kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  /* ISO dates compare as text. */
  if (res->due_date != NULL && g_strcmp0 (res->due_date, today) < 0)
    {
      GtkWidget *late = gtk_label_new (_ ("Overdue"));

      gtk_widget_add_css_class (late, "error");
      gtk_widget_set_valign (late, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
    }

  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "meetings.resolution-done");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (done), "s", res->uuid);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
  return row;
}

static void
zb_meetings_view_reload_resolutions (ZbMeetingsView *self, gint64 branch_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = zb_format_today_iso ();
  GPtrArray *found;

  clear_list (self->resolution_list);
  g_ptr_array_set_size (self->resolutions, 0);

  if ((found = zb_meeting_repo_list_open_resolutions (self->meetings, branch_id, &error)) == NULL)
    g_warning ("Could not list the open resolutions: %s", error->message);
  else
    {
      g_ptr_array_extend_and_steal (self->resolutions, found);
      for (guint i = 0; i < self->resolutions->len; i++)
        gtk_list_box_append (self->resolution_list,
                             zb_meetings_view_resolution_row (
                                 self, g_ptr_array_index (self->resolutions, i), today));
    }

  gtk_widget_set_visible (self->resolutions_empty, self->resolutions->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->resolution_list), self->resolutions->len > 0);
}

/* Reloading */

void
_zb_meetings_view_reload (ZbMeetingsView *self)
{
  g_autofree char *year = g_strdup_printf (C_ ("year", "%u"), self->year);
  gint64 branch_id;

  gtk_label_set_label (self->year_label, year);

  if (self->meetings == NULL)
    {
      zb_meetings_calendar_set_periods (self->calendar, self->year, NULL, NULL);
      clear_list (self->meeting_list);
      clear_list (self->resolution_list);
      g_ptr_array_set_size (self->shown, 0);
      g_ptr_array_set_size (self->resolutions, 0);
      gtk_label_set_label (self->summary_label, "");
      _zb_meetings_view_update_actions (self);
      return;
    }

  branch_id = _zb_meetings_view_get_branch_id (self);
  zb_meetings_view_reload_calendar (self, branch_id);
  zb_meetings_view_reload_meetings (self, branch_id);
  zb_meetings_view_reload_resolutions (self, branch_id);
  _zb_meetings_view_update_actions (self);
}

static void
on_repo_changed_cb (ZbMeetingsView *self)
{
  _zb_meetings_view_reload (self);
}

static void
on_org_changed_cb (ZbMeetingsView *self)
{
  zb_meetings_view_fill_branches (self);
  _zb_meetings_view_reload (self);
}

static void
on_branch_selected_cb (ZbMeetingsView *self)
{
  if (!self->syncing)
    _zb_meetings_view_reload (self);
}

static void
on_meeting_activated_cb (ZbMeetingsView *self, GtkListBoxRow *row)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "zb-uuid");

  if (uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.edit", "s", uuid);
}

void
_zb_meetings_view_set_year (ZbMeetingsView *self, guint year)
{
  if (!g_date_valid_year (year) || year == self->year)
    return;
  self->year = year;
  _zb_meetings_view_reload (self);
}

guint
_zb_meetings_view_get_year (ZbMeetingsView *self)
{
  return self->year;
}

void
zb_meetings_view_set_repos (ZbMeetingsView *self, ZbMeetingRepo *meetings, ZbMemberRepo *members,
                            ZbOrgRepo *org)
{
  g_return_if_fail (ZB_IS_MEETINGS_VIEW (self));

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);

  if (self->meetings != NULL)
    g_signal_handlers_disconnect_by_data (self->meetings, self);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  if (self->org != NULL)
    g_signal_handlers_disconnect_by_data (self->org, self);
  g_clear_object (&self->meetings);
  g_clear_object (&self->members);
  g_clear_object (&self->org);

  if (meetings != NULL && members != NULL && org != NULL)
    {
      self->meetings = g_object_ref (meetings);
      self->members = g_object_ref (members);
      self->org = g_object_ref (org);
      g_signal_connect_object (meetings, "changed", G_CALLBACK (on_repo_changed_cb), self,
                               G_CONNECT_SWAPPED);
      /* Who is on the roster changes who was expected, and the groups and
       * committee change what is required. */
      g_signal_connect_object (members, "changed", G_CALLBACK (on_repo_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (org, "changed", G_CALLBACK (on_org_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  zb_meetings_view_fill_branches (self);
  _zb_meetings_view_reload (self);
}

/* For tests */

ZbMeetingsCalendar *
_zb_meetings_view_get_calendar (ZbMeetingsView *self)
{
  return self->calendar;
}

GPtrArray *
_zb_meetings_view_get_meetings (ZbMeetingsView *self)
{
  return self->shown;
}

GPtrArray *
_zb_meetings_view_get_resolutions (ZbMeetingsView *self)
{
  return self->resolutions;
}

GtkWidget *
_zb_meetings_view_get_meeting_row (ZbMeetingsView *self, const char *uuid)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "zb-uuid"), uuid) == 0)
      return child;
  return NULL;
}

GtkWindow *
_zb_meetings_view_get_dialog (ZbMeetingsView *self)
{
  return self->dialog;
}

const char *
_zb_meetings_view_get_summary (ZbMeetingsView *self)
{
  return gtk_label_get_label (self->summary_label);
}

/* GObject */

static void
zb_meetings_view_dispose (GObject *object)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (object);

  zb_meetings_view_set_repos (self, NULL, NULL, NULL);
  _zb_meetings_view_set_dialog (self, NULL);

  /* AdwBin disposes its child, the template's top widget; disposing the
   * template as well would leave AdwBin a freed child to unparent. */

  G_OBJECT_CLASS (zb_meetings_view_parent_class)->dispose (object);
}

static void
zb_meetings_view_finalize (GObject *object)
{
  ZbMeetingsView *self = ZB_MEETINGS_VIEW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);

  G_OBJECT_CLASS (zb_meetings_view_parent_class)->finalize (object);
}

static void
zb_meetings_view_class_init (ZbMeetingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_meetings_view_dispose;
  object_class->finalize = zb_meetings_view_finalize;

  g_type_ensure (ZB_TYPE_MEETINGS_CALENDAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-meetings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, year_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, branch_filter);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, register_button);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, calendar);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, meetings_empty);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, meetings_empty_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, resolutions_empty);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingsView, resolution_list);
  gtk_widget_class_bind_template_callback (widget_class, on_meeting_activated_cb);

  _zb_meetings_view_class_add_actions (widget_class);
}

static void
zb_meetings_view_init (ZbMeetingsView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->resolutions = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_resolution_free);
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  zb_format_today (&today);
  self->year = g_date_get_year (&today);

  g_signal_connect_object (self->branch_filter, "notify::selected",
                           G_CALLBACK (on_branch_selected_cb), self, G_CONNECT_SWAPPED);
  _zb_meetings_view_reload (self);
}
