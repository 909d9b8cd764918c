/* zb-meeting-attendance.c — who was expected at a meeting, who came, and the quorum
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list itself comes from the repository (zb_meeting_repo_fill_expected():
 * the roster as it stood on the meeting date); this widget only lets the
 * secretary say who came, and shows what the rules make of it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-meeting-attendance.h"

/* The choices of a member's row, in the order of ZbAttendance. */
#define N_CHOICES (ZB_ATTENDANCE_ABSENT + 1)

typedef struct
{
  ZbMeetingAttendance *self;
  guint index; /* in self->attendees */
  GtkWidget *row;
  GtkWidget *choice; /* NULL for a guest */
  GtkWidget *reason;
} Row;

struct _ZbMeetingAttendance
{
  AdwBin parent_instance;

  GtkLabel *summary_label;
  GtkLabel *quorum_label;
  GtkLabel *empty_label;
  GtkWidget *all_present_button;
  GtkListBox *list;
  GtkEntry *guest_entry;

  ZbMeetingKind kind;
  GPtrArray *attendees; /* of ZbMeetingAttendee */
  GPtrArray *rows;      /* of Row */
  char *quorum_text;
  gboolean filling;
};

G_DEFINE_FINAL_TYPE (ZbMeetingAttendance, zb_meeting_attendance, ADW_TYPE_BIN)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void zb_meeting_attendance_rebuild (ZbMeetingAttendance *self);

/* The figures and the quorum */

static void
zb_meeting_attendance_update (ZbMeetingAttendance *self)
{
  g_autoptr (ZbRuleCheck) check = NULL;
  g_autofree char *summary = NULL;
  ZbAttendanceCounts counts;

  zb_meeting_count_attendance (self->attendees, &counts);

  summary = g_strdup_printf (
      /* Translators: the attendance figures of a meeting; all are numbers of people */
      _ ("Expected %u (with a vote %u) · present %u · on leave %u · absent %u · sat in %u"),
      counts.expected, counts.voting_expected, counts.present, counts.leave, counts.absent,
      counts.observers);
  gtk_label_set_label (self->summary_label, summary);

  g_clear_pointer (&self->quorum_text, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->quorum_label), "success");

  if ((check = zb_meeting_check_attendance (self->kind, &counts)) != NULL)
    {
      self->quorum_text = g_strdup_printf (
          /* Translators: a rule's verdict, then the article it comes from */
          C_ ("rule and source", "%s (%s)"), check->message, check->source);
      gtk_widget_add_css_class (GTK_WIDGET (self->quorum_label), check->ok ? "success" : "error");
    }
  else if ((self->kind == ZB_MEETING_GENERAL || self->kind == ZB_MEETING_COMMITTEE)
           && counts.expected > 0)
    self->quorum_text = g_strdup (
        _ ("Once you record who came, this line says whether enough members were present."));
  else
    self->quorum_text = g_strdup ("");

  gtk_label_set_label (self->quorum_label, self->quorum_text);
  gtk_widget_set_visible (GTK_WIDGET (self->quorum_label), self->quorum_text[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->attendees->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->attendees->len > 0);
  gtk_widget_set_sensitive (self->all_present_button, counts.expected > 0);
}

static void
zb_meeting_attendance_changed (ZbMeetingAttendance *self)
{
  zb_meeting_attendance_update (self);
  if (!self->filling)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Rows */

static void
on_choice_changed_cb (GtkDropDown *choice, GParamSpec *pspec, Row *row)
{
  ZbMeetingAttendance *self = row->self;
  ZbMeetingAttendee *attendee = g_ptr_array_index (self->attendees, row->index);
  guint selected = gtk_drop_down_get_selected (choice);

  if (selected >= N_CHOICES)
    return;
  attendee->role = (ZbAttendance)selected;
  gtk_widget_set_visible (row->reason, attendee->role == ZB_ATTENDANCE_LEAVE);
  zb_meeting_attendance_changed (self);
}

static void
on_reason_changed_cb (GtkEditable *editable, Row *row)
{
  ZbMeetingAttendee *attendee = g_ptr_array_index (row->self->attendees, row->index);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  g_free (attendee->leave_reason);
  attendee->leave_reason = text[0] ? g_steal_pointer (&text) : NULL;
  zb_meeting_attendance_changed (row->self);
}

static void
on_remove_guest_cb (GtkButton *button, Row *row)
{
  ZbMeetingAttendance *self = row->self;

  g_ptr_array_remove_index (self->attendees, row->index);
  zb_meeting_attendance_rebuild (self);
  zb_meeting_attendance_changed (self);
}

static void
zb_meeting_attendance_add_row (ZbMeetingAttendance *self, guint index)
{
  ZbMeetingAttendee *attendee = g_ptr_array_index (self->attendees, index);
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (attendee->name ? attendee->name : "");

  row->self = self;
  row->index = index;
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (names), name);
  gtk_widget_set_size_request (names, 140, -1);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);

  /* 预备党员 are listed but do not vote (DOMAIN.md §1.5): said where it counts. */
  if (attendee->role != ZB_ATTENDANCE_OBSERVER && !attendee->voting)
    {
      GtkWidget *note = gtk_label_new (_ ("No vote (probationary)"));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_widget_add_css_class (note, "caption");
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (names), note);
    }
  gtk_box_append (GTK_BOX (box), names);

  if (attendee->role == ZB_ATTENDANCE_OBSERVER)
    {
      GtkWidget *label = gtk_label_new (zb_attendance_get_label (ZB_ATTENDANCE_OBSERVER));
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_name = g_strdup_printf (_ ("Remove %s"), attendee->name);

      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_guest_cb), row);
      gtk_box_append (GTK_BOX (box), remove);
      row->reason = NULL;
    }
  else
    {
      const char *choices[N_CHOICES + 1] = {
        C_ ("attendance", "Not recorded"),
        zb_attendance_get_label (ZB_ATTENDANCE_PRESENT),
        zb_attendance_get_label (ZB_ATTENDANCE_LEAVE),
        zb_attendance_get_label (ZB_ATTENDANCE_ABSENT),
        NULL,
      };

      row->choice = gtk_drop_down_new_from_strings (choices);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->choice),
                                  attendee->role < N_CHOICES ? (guint)attendee->role : 0);
      gtk_widget_set_valign (row->choice, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      attendee->name, -1);
      g_signal_connect (row->choice, "notify::selected", G_CALLBACK (on_choice_changed_cb), row);
      gtk_box_append (GTK_BOX (box), row->choice);

      row->reason = gtk_entry_new ();
      gtk_entry_set_placeholder_text (GTK_ENTRY (row->reason), _ ("Reason for leave"));
      gtk_editable_set_text (GTK_EDITABLE (row->reason),
                             attendee->leave_reason ? attendee->leave_reason : "");
      gtk_widget_set_hexpand (row->reason, TRUE);
      gtk_widget_set_valign (row->reason, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (row->reason, attendee->role == ZB_ATTENDANCE_LEAVE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Reason for leave"), -1);
      g_signal_connect (row->reason, "changed", G_CALLBACK (on_reason_changed_cb), row);
      gtk_box_append (GTK_BOX (box), row->reason);
    }

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  gtk_list_box_append (self->list, row->row);
  g_ptr_array_add (self->rows, row);
}

static void
zb_meeting_attendance_rebuild (ZbMeetingAttendance *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  /* The rows' data go after their widgets, whose handlers point at them. */
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < self->attendees->len; i++)
    zb_meeting_attendance_add_row (self, i);
}

/* Public */

void
zb_meeting_attendance_set_kind (ZbMeetingAttendance *self, ZbMeetingKind kind)
{
  g_return_if_fail (ZB_IS_MEETING_ATTENDANCE (self));

  self->kind = kind;
  zb_meeting_attendance_update (self);
}

void
zb_meeting_attendance_set_attendees (ZbMeetingAttendance *self, const GPtrArray *attendees)
{
  g_return_if_fail (ZB_IS_MEETING_ATTENDANCE (self));

  g_ptr_array_set_size (self->attendees, 0);
  for (guint i = 0; attendees != NULL && i < attendees->len; i++)
    g_ptr_array_add (self->attendees,
                     zb_meeting_attendee_copy (g_ptr_array_index ((GPtrArray *)attendees, i)));

  self->filling = TRUE;
  zb_meeting_attendance_rebuild (self);
  zb_meeting_attendance_update (self);
  self->filling = FALSE;
}

GPtrArray *
zb_meeting_attendance_dup_attendees (ZbMeetingAttendance *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attendee_free);

  g_return_val_if_fail (ZB_IS_MEETING_ATTENDANCE (self), copy);

  for (guint i = 0; i < self->attendees->len; i++)
    g_ptr_array_add (copy, zb_meeting_attendee_copy (g_ptr_array_index (self->attendees, i)));
  return copy;
}

void
zb_meeting_attendance_get_counts (ZbMeetingAttendance *self, ZbAttendanceCounts *counts)
{
  g_return_if_fail (ZB_IS_MEETING_ATTENDANCE (self));

  zb_meeting_count_attendance (self->attendees, counts);
}

const char *
zb_meeting_attendance_get_quorum_text (ZbMeetingAttendance *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_ATTENDANCE (self), "");

  return self->quorum_text ? self->quorum_text : "";
}

gboolean
zb_meeting_attendance_set_role (ZbMeetingAttendance *self, const char *name, ZbAttendance role,
                                const char *reason)
{
  g_return_val_if_fail (ZB_IS_MEETING_ATTENDANCE (self), FALSE);
  g_return_val_if_fail (role < N_CHOICES, FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      ZbMeetingAttendee *attendee = g_ptr_array_index (self->attendees, row->index);

      if (row->choice == NULL || g_strcmp0 (attendee->name, name) != 0)
        continue;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->choice), role);
      if (reason != NULL)
        gtk_editable_set_text (GTK_EDITABLE (row->reason), reason);
      return TRUE;
    }
  return FALSE;
}

void
zb_meeting_attendance_mark_all_present (ZbMeetingAttendance *self)
{
  g_return_if_fail (ZB_IS_MEETING_ATTENDANCE (self));

  /* Only those not recorded yet: a leave or an absence already entered stays. */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      ZbMeetingAttendee *attendee = g_ptr_array_index (self->attendees, row->index);

      if (row->choice != NULL && attendee->role == ZB_ATTENDANCE_EXPECTED)
        gtk_drop_down_set_selected (GTK_DROP_DOWN (row->choice), ZB_ATTENDANCE_PRESENT);
    }
}

void
zb_meeting_attendance_add_guest (ZbMeetingAttendance *self, const char *name)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (ZB_IS_MEETING_ATTENDANCE (self));

  trimmed = g_strstrip (g_strdup (name ? name : ""));
  if (trimmed[0] == '\0')
    return;

  g_ptr_array_add (self->attendees, zb_meeting_attendee_new (0, trimmed, ZB_ATTENDANCE_OBSERVER));
  zb_meeting_attendance_add_row (self, self->attendees->len - 1);
  zb_meeting_attendance_changed (self);
}

static void
on_all_present_cb (ZbMeetingAttendance *self)
{
  zb_meeting_attendance_mark_all_present (self);
}

static void
on_add_guest_cb (ZbMeetingAttendance *self)
{
  zb_meeting_attendance_add_guest (self, gtk_editable_get_text (GTK_EDITABLE (self->guest_entry)));
  gtk_editable_set_text (GTK_EDITABLE (self->guest_entry), "");
}

GtkWidget *
zb_meeting_attendance_new (void)
{
  return g_object_new (ZB_TYPE_MEETING_ATTENDANCE, NULL);
}

/* GObject */

static void
zb_meeting_attendance_dispose (GObject *object)
{
  ZbMeetingAttendance *self = ZB_MEETING_ATTENDANCE (object);

  /* The widgets (and their handlers) go first, with the bin's child. */
  G_OBJECT_CLASS (zb_meeting_attendance_parent_class)->dispose (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

static void
zb_meeting_attendance_finalize (GObject *object)
{
  ZbMeetingAttendance *self = ZB_MEETING_ATTENDANCE (object);

  g_clear_pointer (&self->attendees, g_ptr_array_unref);
  g_clear_pointer (&self->quorum_text, g_free);

  G_OBJECT_CLASS (zb_meeting_attendance_parent_class)->finalize (object);
}

static void
zb_meeting_attendance_class_init (ZbMeetingAttendanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_meeting_attendance_dispose;
  object_class->finalize = zb_meeting_attendance_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
zb_meeting_attendance_init (ZbMeetingAttendance *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *hint;
  GtkWidget *guests = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add_guest;

  self->attendees = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attendee_free);
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->kind = ZB_MEETING_OTHER;

  self->summary_label = GTK_LABEL (wrapped_label (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));
  self->quorum_label = GTK_LABEL (wrapped_label (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->quorum_label));

  hint = wrapped_label ("dim-label");
  gtk_label_set_label (GTK_LABEL (hint), _ ("Click “All Present” first, then change those who "
                                            "were on leave or absent."));
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_box_append (GTK_BOX (bar), hint);
  self->all_present_button = gtk_button_new_with_mnemonic (_ ("_All Present"));
  gtk_widget_set_valign (self->all_present_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->all_present_button, "clicked", G_CALLBACK (on_all_present_cb),
                            self);
  gtk_box_append (GTK_BOX (bar), self->all_present_button);
  gtk_box_append (GTK_BOX (box), bar);

  self->empty_label = GTK_LABEL (wrapped_label ("dim-label"));
  gtk_label_set_label (self->empty_label,
                       _ ("Once the date (and for a Party group meeting, the group) is filled in, "
                          "the members expected that day are listed here from the roster."));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Attendance"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  self->guest_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->guest_entry, _ ("Name of someone who sat in"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->guest_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Name of someone who sat in"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->guest_entry), TRUE);
  g_signal_connect_swapped (self->guest_entry, "activate", G_CALLBACK (on_add_guest_cb), self);
  gtk_box_append (GTK_BOX (guests), GTK_WIDGET (self->guest_entry));
  add_guest = gtk_button_new_with_mnemonic (_ ("Add _Guest"));
  g_signal_connect_swapped (add_guest, "clicked", G_CALLBACK (on_add_guest_cb), self);
  gtk_box_append (GTK_BOX (guests), add_guest);
  gtk_box_append (GTK_BOX (box), guests);

  adw_bin_set_child (ADW_BIN (self), box);
  zb_meeting_attendance_update (self);
}
