/* zb-meeting-editor.c — recording a meeting of 三会一课, or correcting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules live in the core: who was expected comes from
 * zb_meeting_repo_fill_expected(), the quorum and vote verdicts from
 * zb-meeting-rules, and what a record may not be is said by the repository
 * when saving. The editor reads what is typed and shows those answers.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-meeting-editor-private.h"
#include "zb-window-private.h"

G_DEFINE_FINAL_TYPE (ZbMeetingEditor, zb_meeting_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reading the form */

static char *
entry_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static gint64
selected_id (GtkWidget *drop_down, GArray *ids)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static guint
position_of (GArray *ids, gint64 id)
{
  for (guint i = 1; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* "HH:MM" from 9:00, 09:00, 9：00 or 0900; NULL when it is not a time, with
 * *@empty set for nothing typed. */
static char *
parse_time (const char *text, gboolean *empty)
{
  g_autoptr (GString) copy = NULL;
  g_auto (GStrv) parts = NULL;
  guint64 hour, minute;

  *empty = text == NULL || *text == '\0';
  if (*empty)
    return NULL;

  /* The full-width colon of a Chinese input method reads as a colon. */
  copy = g_string_new (text);
  g_string_replace (copy, "：", ":", 0);
  if (strchr (copy->str, ':') == NULL && copy->len == 4)
    g_string_insert_c (copy, 2, ':');

  parts = g_strsplit (copy->str, ":", 2);
  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hour, NULL)
      || strlen (parts[1]) != 2 || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minute, NULL))
    return NULL;

  return g_strdup_printf ("%02u:%02u", (guint)hour, (guint)minute);
}

/* The record as the form says. A date or time that does not read as one is
 * left as typed, so that nothing typed is lost and the repository names it. */
static ZbMeetingRecord *
zb_meeting_editor_read (ZbMeetingEditor *self)
{
  ZbMeetingRecord *r = zb_meeting_record_copy (self->original);
  g_autofree char *date = entry_text (self->date);
  g_autofree char *start = entry_text (self->start_time);
  g_autofree char *end = entry_text (self->end_time);
  g_autofree char *iso = date ? zb_parse_typed_date (date, NULL) : NULL;
  char *time;
  gboolean empty;

  r->kind = (ZbMeetingKind)gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind));
  g_free (r->title);
  r->title = entry_text (self->title);
  g_free (r->date);
  r->date = iso ? g_steal_pointer (&iso) : g_steal_pointer (&date);
  time = parse_time (start, &empty);
  g_free (r->start_time);
  r->start_time = time ? time : g_steal_pointer (&start);
  time = parse_time (end, &empty);
  g_free (r->end_time);
  r->end_time = time ? time : g_steal_pointer (&end);
  g_free (r->place);
  r->place = entry_text (self->place);
  r->branch_id = selected_id (self->branch, self->branch_ids);
  r->group_id = r->kind == ZB_MEETING_GROUP ? selected_id (self->group, self->group_ids) : 0;
  r->chair_id = selected_id (self->chair, self->member_ids);
  r->recorder_id = selected_id (self->recorder, self->member_ids);

  g_ptr_array_unref (r->attendees);
  r->attendees = zb_meeting_attendance_dup_attendees (self->attendance);
  zb_meeting_minutes_read (self->minutes, r);

  return r;
}

/* Checking */

static void
zb_meeting_editor_validate (ZbMeetingEditor *self)
{
  g_autoptr (ZbMeetingRecord) record = zb_meeting_editor_read (self);
  g_autofree char *json = zb_meeting_record_to_json (record);
  g_autofree char *date = entry_text (self->date);
  g_autofree char *iso = date ? zb_parse_typed_date (date, NULL) : NULL;
  GtkWidget *times[2] = { self->start_time, self->end_time };
  const char *problem;
  guint n_problems = 0;

  self->modified = g_strcmp0 (json, self->original_json) != 0 || self->pending->len > 0
                   || self->removed->len > 0;

  if (date == NULL)
    zb_form_set_error (self->date, _ ("Write the date of the meeting, like 2026-03-05."));
  else if (iso == NULL)
    zb_form_set_error (self->date, _ ("This is not a date. Write it like 2026-03-05."));
  else
    zb_form_set_error (self->date, NULL);
  n_problems += zb_form_get_error (self->date) != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *text = entry_text (times[i]);
      g_autofree char *time = NULL;
      gboolean empty;

      time = parse_time (text, &empty);
      zb_form_set_error (times[i],
                         empty || time ? NULL : _ ("This is not a time. Write it like 09:30."));
      n_problems += zb_form_get_error (times[i]) != NULL;
    }

  /* A 党小组会 is the meeting of one group (DOMAIN.md §2.2). */
  if (record->kind == ZB_MEETING_GROUP && record->group_id == 0)
    zb_form_set_error (self->group, self->group_ids->len > 1
                                        ? _ ("Choose the Party group that met.")
                                        : _ ("The branch has no Party group yet. Add its groups "
                                             "under Organisation first."));
  else
    zb_form_set_error (self->group, NULL);
  n_problems += zb_form_get_error (self->group) != NULL;

  if ((problem = zb_meeting_minutes_get_problem (self->minutes)) != NULL)
    n_problems++;

  self->valid = n_problems == 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->valid && self->modified);

  if (!self->valid)
    gtk_label_set_label (self->status_label,
                         problem ? problem
                                 : _ ("Correct the fields marked in red to save the record."));
  else if (self->modified)
    gtk_label_set_label (self->status_label, _ ("Not saved yet."));
  else
    gtk_label_set_label (self->status_label, _ ("No changes."));
}

void
_zb_meeting_editor_changed (ZbMeetingEditor *self)
{
  if (self->filling)
    return;
  zb_meeting_editor_validate (self);
}

/* Attendance from the roster */

/* Fills the attendance list from the roster of the meeting's date, kind,
 * branch and group, when one of them changed since the last time. */
static void
zb_meeting_editor_refill (ZbMeetingEditor *self)
{
  g_autoptr (ZbMeetingRecord) record = zb_meeting_editor_read (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *iso = zb_parse_typed_date (record->date, NULL);
  ZbAttendanceCounts counts;

  zb_meeting_attendance_set_kind (self->attendance, record->kind);

  key = g_strdup_printf ("%d|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, record->kind,
                         record->date ? record->date : "", record->branch_id, record->group_id);
  if (g_strcmp0 (key, self->filled_for) != 0 && iso != NULL
      && !(record->kind == ZB_MEETING_GROUP && record->group_id == 0))
    {
      if (zb_meeting_repo_fill_expected (self->meetings, record, &error))
        {
          zb_meeting_attendance_set_attendees (self->attendance, record->attendees);
          g_free (self->filled_for);
          self->filled_for = g_steal_pointer (&key);
        }
      else
        g_warning ("Could not list the members expected: %s", error->message);
    }

  zb_meeting_attendance_get_counts (self->attendance, &counts);
  zb_meeting_minutes_set_voting (self->minutes, record->kind, counts.voting_expected);
}

static void
on_facts_changed_cb (ZbMeetingEditor *self)
{
  if (self->filling)
    return;
  zb_meeting_editor_refill (self);
  zb_meeting_editor_validate (self);
}

static void
on_attendance_changed_cb (ZbMeetingEditor *self)
{
  ZbAttendanceCounts counts;

  zb_meeting_attendance_get_counts (self->attendance, &counts);
  zb_meeting_minutes_set_voting (
      self->minutes, (ZbMeetingKind)gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind)),
      counts.voting_expected);
  _zb_meeting_editor_changed (self);
}

/* Branches, groups and members */

static void
zb_meeting_editor_fill_groups (ZbMeetingEditor *self, gint64 select)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = NULL;
  gint64 branch_id = selected_id (self->branch, self->branch_ids);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _ ("Not chosen"));
  g_array_set_size (self->group_ids, 0);
  g_array_append_val (self->group_ids, none);

  if (branch_id != 0 && (units = zb_org_repo_list_children (self->org, branch_id, NULL)) != NULL)
    for (guint i = 0; i < units->len; i++)
      {
        ZbOrgUnit *unit = g_ptr_array_index (units, i);

        if (unit->kind != ZB_ORG_UNIT_GROUP)
          continue;
        if (unit->id == select)
          selected = self->group_ids->len;
        gtk_string_list_append (names, unit->name);
        g_array_append_val (self->group_ids, unit->id);
      }

  /* With one group there is nothing to choose. */
  if (select == 0 && self->group_ids->len == 2)
    selected = 1;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->group), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->group), selected);
}

static void
zb_meeting_editor_fill_branches (ZbMeetingEditor *self, gint64 select)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) units = zb_org_repo_list_units (self->org, FALSE, NULL);
  gint64 none = 0;
  guint selected = 0;

  gtk_string_list_append (names, _ ("Not chosen"));
  g_array_set_size (self->branch_ids, 0);
  g_array_append_val (self->branch_ids, none);

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      ZbOrgUnit *unit = g_ptr_array_index (units, i);

      if (unit->kind != ZB_ORG_UNIT_BRANCH)
        continue;
      if (unit->id == select)
        selected = self->branch_ids->len;
      gtk_string_list_append (names, unit->name);
      g_array_append_val (self->branch_ids, unit->id);
    }

  if (select == 0 && self->branch_ids->len == 2)
    selected = 1;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->branch), G_LIST_MODEL (names));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->branch), selected);
  /* A workspace of one branch has nothing to choose. */
  zb_form_set_field_visible (self->branch, self->branch_ids->len > 2);
}

static void
add_member (ZbMeetingEditor *self, gint64 id, const char *name)
{
  if (id == 0 || position_of (self->member_ids, id) != 0)
    return;
  gtk_string_list_append (self->member_names, name ? name : "");
  g_array_append_val (self->member_ids, id);
}

/* The roster to choose a chair, recorder or owner from: the active members,
 * and anyone the record names who has left since (as the record has them). */
static void
zb_meeting_editor_load_members (ZbMeetingEditor *self)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) found = NULL;
  const ZbMeetingRecord *r = self->original;
  gint64 none = 0;

  gtk_string_list_append (self->member_names, _ ("Not chosen"));
  g_array_append_val (self->member_ids, none);

  if ((found = zb_member_repo_fetch (self->members, &query, 0, G_MAXINT, NULL)) != NULL)
    for (guint i = 0; i < found->len; i++)
      {
        const ZbMemberRecord *m = zb_member_get_record (g_ptr_array_index (found, i));

        add_member (self, m->id, m->name);
      }

  for (guint i = 0; i < r->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (r->attendees, i);

      if (a->member_id == r->chair_id || a->member_id == r->recorder_id)
        add_member (self, a->member_id, a->name);
      for (guint j = 0; j < r->resolutions->len; j++)
        if (((ZbMeetingResolution *)g_ptr_array_index (r->resolutions, j))->owner_id
            == a->member_id)
          add_member (self, a->member_id, a->name);
    }
  for (guint j = 0; j < r->resolutions->len; j++)
    {
      const ZbMeetingResolution *res = g_ptr_array_index (r->resolutions, j);

      add_member (self, res->owner_id, res->owner_name);
    }
}

static void
on_kind_changed_cb (ZbMeetingEditor *self)
{
  gboolean group = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind)) == ZB_MEETING_GROUP;

  zb_form_set_field_visible (self->group, group);
  on_facts_changed_cb (self);
}

static void
on_branch_changed_cb (ZbMeetingEditor *self)
{
  gboolean filling = self->filling;

  self->filling = TRUE;
  zb_meeting_editor_fill_groups (self, 0);
  self->filling = filling;
  on_facts_changed_cb (self);
}

/* Building the form */

static GtkWidget *
add_text (ZbMeetingEditor *self, GtkGrid *form, const char *title, int width_chars,
          const char *hint, GCallback changed)
{
  GtkWidget *entry = zb_form_entry_new (width_chars, NULL);

  g_signal_connect_object (entry, "changed", changed, self, G_CONNECT_SWAPPED);
  return zb_form_add (form, title, entry, hint);
}

static GtkWidget *
add_member_choice (ZbMeetingEditor *self, GtkGrid *form, const char *title)
{
  GtkWidget *drop_down = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->member_names)), NULL);
  g_autoptr (GtkExpression) expression
      = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (_zb_meeting_editor_changed),
                           self, G_CONNECT_SWAPPED);
  return zb_form_add (form, title, drop_down,
                      _ ("Type the first characters of the name to find it quickly."));
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "zb-form-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static void
zb_meeting_editor_build (ZbMeetingEditor *self)
{
  GtkGrid *form = zb_form_new ();
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  g_auto (GStrv) kind_names = NULL;
  const char *const none[] = { NULL };

  zb_form_add_heading (form, _ ("The Meeting"));
  for (guint k = 0; k < ZB_MEETING_N_KINDS; k++)
    g_strv_builder_add (kinds, zb_meeting_kind_get_label (k));
  kind_names = g_strv_builder_end (kinds);
  self->kind = zb_form_add (form, _ ("_Kind"),
                            zb_form_drop_down_new ((const char *const *)kind_names, FALSE), NULL);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (on_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->title = add_text (self, form, _ ("Meeting _name"), 0,
                          _ ("Optional, e.g. the theme of the day; the kind is printed anyway."),
                          G_CALLBACK (_zb_meeting_editor_changed));
  self->date = add_text (self, form, _ ("_Date"), 12, _ ("For example 2026-03-05"),
                         G_CALLBACK (on_facts_changed_cb));
  self->start_time = add_text (self, form, _ ("_Starts at"), 8, _ ("For example 09:30"),
                               G_CALLBACK (_zb_meeting_editor_changed));
  self->end_time
      = add_text (self, form, _ ("_Ends at"), 8, NULL, G_CALLBACK (_zb_meeting_editor_changed));
  self->place
      = add_text (self, form, _ ("_Place"), 0, NULL, G_CALLBACK (_zb_meeting_editor_changed));
  self->branch = zb_form_add (form, _ ("B_ranch"), zb_form_drop_down_new (none, FALSE), NULL);
  g_signal_connect_object (self->branch, "notify::selected", G_CALLBACK (on_branch_changed_cb),
                           self, G_CONNECT_SWAPPED);
  self->group = zb_form_add (form, _ ("Party gr_oup"), zb_form_drop_down_new (none, FALSE), NULL);
  g_signal_connect_object (self->group, "notify::selected", G_CALLBACK (on_facts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->chair = add_member_choice (self, form, _ ("_Chaired by"));
  self->recorder = add_member_choice (self, form, _ ("Minutes ta_ken by"));
  gtk_box_append (self->form_box, GTK_WIDGET (form));

  gtk_box_append (self->form_box, heading (_ ("Attendance")));
  self->attendance = ZB_MEETING_ATTENDANCE (zb_meeting_attendance_new ());
  g_signal_connect_object (self->attendance, "changed", G_CALLBACK (on_attendance_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->form_box, GTK_WIDGET (self->attendance));

  self->minutes = ZB_MEETING_MINUTES (zb_meeting_minutes_new ());
  zb_meeting_minutes_set_members (self->minutes, G_LIST_MODEL (self->member_names),
                                  self->member_ids);
  g_signal_connect_object (self->minutes, "changed", G_CALLBACK (_zb_meeting_editor_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->form_box, GTK_WIDGET (self->minutes));

  _zb_meeting_editor_build_attachments (self);
}

/* Filling from the record */

static void
set_text (GtkWidget *entry, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
zb_meeting_editor_fill (ZbMeetingEditor *self)
{
  const ZbMeetingRecord *r = self->original;

  self->filling = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind), r->kind);
  set_text (self->title, r->title);
  set_text (self->date, r->date);
  set_text (self->start_time, r->start_time);
  set_text (self->end_time, r->end_time);
  set_text (self->place, r->place);
  zb_meeting_editor_fill_branches (self, r->branch_id);
  zb_meeting_editor_fill_groups (self, r->group_id);
  zb_form_set_field_visible (self->group, r->kind == ZB_MEETING_GROUP);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->chair),
                              position_of (self->member_ids, r->chair_id));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->recorder),
                              position_of (self->member_ids, r->recorder_id));
  zb_meeting_attendance_set_attendees (self->attendance, r->attendees);
  zb_meeting_minutes_set_record (self->minutes, r);
  _zb_meeting_editor_show_attachments (self);

  /* A stored meeting keeps its list as recorded; a new one gets the roster
   * of its date at once. Later changes of date or kind fill it again. */
  if (r->uuid != NULL)
    self->filled_for = g_strdup_printf ("%d|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, r->kind,
                                        r->date ? r->date : "", r->branch_id, r->group_id);
  zb_meeting_editor_refill (self);
  self->filling = FALSE;

  /* What counts as "changed" is measured against the form as filled. */
  {
    g_autoptr (ZbMeetingRecord) as_filled = zb_meeting_editor_read (self);

    self->original_json = zb_meeting_record_to_json (as_filled);
  }
  zb_meeting_editor_validate (self);
}

/* Saving and closing */

static void
zb_meeting_editor_show_error (ZbMeetingEditor *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
zb_meeting_editor_save (ZbMeetingEditor *self)
{
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  gboolean created = self->original->uuid == NULL;
  gboolean ok;

  zb_meeting_editor_validate (self);
  if (!self->valid)
    return FALSE;

  record = zb_meeting_editor_read (self);
  zb_meeting_editor_show_error (self, NULL);
  ok = created ? zb_meeting_repo_create (self->meetings, record, &error)
               : zb_meeting_repo_update (self->meetings, record, &error);
  if (!ok)
    {
      /* The repository's sentence, already translated; the form stays as typed. */
      zb_meeting_editor_show_error (self, error->message);
      return FALSE;
    }

  if (!_zb_meeting_editor_store_attachments (self, record->uuid, &error))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("The meeting is saved, but an attachment could not be stored: %s"), error->message);

      /* From now on this window edits the stored meeting. */
      g_free (self->original->uuid);
      self->original->uuid = g_strdup (record->uuid);
      self->original->id = record->id;
      _zb_meeting_editor_show_attachments (self);
      zb_meeting_editor_show_error (self, message);
      g_signal_emit (self, signals[SIGNAL_SAVED], 0, record->uuid, created);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, record->uuid, created);
  self->modified = FALSE;
  zb_form_close (GTK_WINDOW (self));
  return TRUE;
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_meeting_editor_save (ZB_MEETING_EDITOR (widget));
}

static gboolean
zb_meeting_editor_close_request (GtkWindow *window)
{
  ZbMeetingEditor *self = ZB_MEETING_EDITOR (window);

  return zb_form_ask_before_closing (window, self->modified, self->valid, NULL, NULL,
                                     (ZbFormSaveFunc)zb_meeting_editor_save)
         || GTK_WINDOW_CLASS (zb_meeting_editor_parent_class)->close_request (window);
}

/* Public */

ZbMeetingEditor *
zb_meeting_editor_new (GtkWindow *parent, ZbMeetingRepo *meetings, ZbMemberRepo *members,
                       ZbOrgRepo *org, const char *uuid, gint64 branch_id)
{
  g_autoptr (GError) error = NULL;
  ZbMeetingRecord *record;
  ZbMeetingEditor *self;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (meetings), NULL);
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (ZB_IS_ORG_REPO (org), NULL);

  if (uuid != NULL)
    {
      if ((record = zb_meeting_repo_get (meetings, uuid, &error)) == NULL)
        {
          g_warning ("Could not read a meeting to edit: %s", error ? error->message : "?");
          return NULL;
        }
    }
  else
    {
      g_autofree char *today = zb_format_today_iso ();

      record = zb_meeting_record_new (ZB_MEETING_GENERAL, today);
      record->branch_id = branch_id;
    }

  self = g_object_new (ZB_TYPE_MEETING_EDITOR, "transient-for", parent, NULL);
  self->meetings = g_object_ref (meetings);
  self->members = g_object_ref (members);
  self->org = g_object_ref (org);
  self->original = record;

  adw_window_title_set_title (self->window_title,
                              uuid ? _ ("Edit Meeting Record") : _ ("Record a Meeting"));
  if (uuid != NULL)
    {
      g_autofree char *date = zb_format_date (record->date);
      g_autofree char *subtitle
          = g_strdup_printf ("%s %s", date, zb_meeting_kind_get_label (record->kind));

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  gtk_window_set_title (GTK_WINDOW (self),
                        uuid ? _ ("Edit Meeting Record") : _ ("Record a Meeting"));

  zb_meeting_editor_load_members (self);
  zb_meeting_editor_build (self);
  zb_meeting_editor_fill (self);
  gtk_widget_grab_focus (self->kind);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));

  return self;
}

GtkWidget *
zb_meeting_editor_get_field (ZbMeetingEditor *self, const char *name)
{
  struct
  {
    const char *name;
    GtkWidget *widget;
  } fields[] = {
    { "kind", self->kind },         { "title", self->title },
    { "date", self->date },         { "start_time", self->start_time },
    { "end_time", self->end_time }, { "place", self->place },
    { "branch", self->branch },     { "group", self->group },
    { "chair", self->chair },       { "recorder", self->recorder },
  };

  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return fields[i].widget;
  return NULL;
}

ZbMeetingAttendance *
zb_meeting_editor_get_attendance (ZbMeetingEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), NULL);
  return self->attendance;
}

ZbMeetingMinutes *
zb_meeting_editor_get_minutes (ZbMeetingEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), NULL);
  return self->minutes;
}

gboolean
zb_meeting_editor_get_can_save (ZbMeetingEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), FALSE);
  return self->valid && self->modified;
}

const char *
zb_meeting_editor_get_error (ZbMeetingEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

/* GObject */

static void
zb_meeting_editor_finalize (GObject *object)
{
  ZbMeetingEditor *self = ZB_MEETING_EDITOR (object);

  g_clear_object (&self->meetings);
  g_clear_object (&self->members);
  g_clear_object (&self->org);
  g_clear_pointer (&self->original, zb_meeting_record_free);
  g_clear_pointer (&self->original_json, g_free);
  g_clear_pointer (&self->filled_for, g_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);
  g_clear_object (&self->member_names);

  G_OBJECT_CLASS (zb_meeting_editor_parent_class)->finalize (object);
}

static void
zb_meeting_editor_class_init (ZbMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = zb_meeting_editor_finalize;
  window_class->close_request = zb_meeting_editor_close_request;

  signals[SIGNAL_SAVED]
      = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, ZbMeetingEditor, status_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_meeting_editor_init (ZbMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_box_set_spacing (self->form_box, 12);
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->member_names = gtk_string_list_new (NULL);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)_zb_pending_attachment_free);
  self->removed = g_ptr_array_new_with_free_func (g_free);
}
