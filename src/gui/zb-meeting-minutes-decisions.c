/* zb-meeting-minutes-decisions.c — the votes and resolutions of a meeting's minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of ZbMeetingMinutes (zb-meeting-minutes.c): what a meeting decided,
 * with the vote rule's verdict beside each vote of a 党员大会.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-meeting-minutes-private.h"

void
_zb_vote_ui_free (VoteUi *ui)
{
  g_free (ui->uuid);
  g_free (ui->topic_uuid);
  g_free (ui);
}

void
_zb_resolution_ui_free (ResolutionUi *ui)
{
  g_free (ui->uuid);
  g_free (ui->done_date);
  g_free (ui);
}

/* Votes */

void
_zb_meeting_minutes_vote_update_check (VoteUi *vote)
{
  ZbMeetingMinutes *self = vote->self;
  g_autoptr (ZbRuleCheck) check = NULL;
  guint yes, written;

  /* The vote rule of DOMAIN.md §1.5 is that of the 支部党员大会. */
  if (self->kind != ZB_MEETING_GENERAL || self->voting_expected == 0)
    {
      gtk_widget_set_visible (vote->check, FALSE);
      return;
    }

  yes = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (vote->counts[0]));
  written = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (vote->counts[3]));
  check = zb_meeting_check_vote (self->voting_expected, yes, written);
  gtk_label_set_label (GTK_LABEL (vote->check), check->message);
  gtk_widget_set_tooltip_text (vote->check, check->source);
  gtk_widget_set_visible (vote->check, TRUE);
}

static void
on_remove_vote_cb (VoteUi *vote)
{
  ZbMeetingMinutes *self = vote->self;

  gtk_box_remove (GTK_BOX (self->votes_box), vote->card);
  g_ptr_array_remove (self->votes, vote);
  _zb_meeting_minutes_changed (self);
}

VoteUi *
_zb_meeting_minutes_append_vote (ZbMeetingMinutes *self, const ZbMeetingVote *vote)
{
  static const char *const count_titles[4] = {
    N_ ("In _favour"),
    N_ ("A_gainst"),
    N_ ("A_bstaining"),
    N_ ("_Written opinions in favour"),
  };
  const char *forms[] = { zb_vote_form_get_label (ZB_VOTE_FORM_SHOW_OF_HANDS),
                          zb_vote_form_get_label (ZB_VOTE_FORM_SECRET_BALLOT), NULL };
  const char *results[] = { C_ ("vote result", "Not stated"), C_ ("vote result", "Passed"),
                            C_ ("vote result", "Not passed"), NULL };
  guint values[4] = { 0, 0, 0, 0 };
  VoteUi *ui = g_new0 (VoteUi, 1);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *numbers = gtk_flow_box_new ();
  GtkWidget *remove;

  if (vote != NULL)
    {
      values[0] = vote->yes;
      values[1] = vote->no;
      values[2] = vote->abstain;
      values[3] = vote->written_opinions;
    }

  ui->self = self;
  ui->uuid = g_strdup (vote ? vote->uuid : NULL);
  ui->topic_uuid = g_strdup (vote ? vote->topic_uuid : NULL);
  ui->card = _zb_minutes_new_card ();

  ui->subject
      = _zb_minutes_new_entry (self, vote ? vote->subject : NULL,
                               _ ("For example: admitting Zhang San as a probationary member"));
  gtk_box_append (GTK_BOX (head), _zb_minutes_labelled (_ ("_What was voted on"), ui->subject));
  remove = _zb_minutes_new_remove_button (_ ("Remove Vote"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_vote_cb), ui);
  gtk_box_append (GTK_BOX (head), remove);
  gtk_box_append (GTK_BOX (ui->card), head);

  ui->form = gtk_drop_down_new_from_strings (forms);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui->form), vote ? (guint)vote->form : 0);
  g_signal_connect_swapped (ui->form, "notify::selected", G_CALLBACK (_zb_meeting_minutes_changed),
                            self);
  gtk_box_append (GTK_BOX (line), _zb_minutes_labelled (_ ("_Form"), ui->form));
  ui->result = gtk_drop_down_new_from_strings (results);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui->result), vote ? (guint)vote->result : 0);
  g_signal_connect_swapped (ui->result, "notify::selected",
                            G_CALLBACK (_zb_meeting_minutes_changed), self);
  gtk_box_append (GTK_BOX (line), _zb_minutes_labelled (_ ("_Result"), ui->result));
  gtk_box_append (GTK_BOX (ui->card), line);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (numbers), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (numbers), 12);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (numbers), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (numbers), FALSE);
  for (guint i = 0; i < 4; i++)
    {
      ui->counts[i] = gtk_spin_button_new_with_range (0, 9999, 1);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (ui->counts[i]), values[i]);
      gtk_widget_set_halign (ui->counts[i], GTK_ALIGN_START);
      g_signal_connect_swapped (ui->counts[i], "value-changed",
                                G_CALLBACK (_zb_meeting_minutes_changed), self);
      gtk_flow_box_append (GTK_FLOW_BOX (numbers),
                           _zb_minutes_labelled (_ (count_titles[i]), ui->counts[i]));
    }
  gtk_box_append (GTK_BOX (ui->card), numbers);

  ui->check = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (ui->check), 0);
  gtk_label_set_wrap (GTK_LABEL (ui->check), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (ui->check), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (ui->check, "dim-label");
  gtk_box_append (GTK_BOX (ui->card), ui->check);

  gtk_box_append (GTK_BOX (self->votes_box), ui->card);
  g_ptr_array_add (self->votes, ui);
  _zb_meeting_minutes_vote_update_check (ui);
  return ui;
}

/* Resolutions */

static void
on_remove_resolution_cb (ResolutionUi *resolution)
{
  ZbMeetingMinutes *self = resolution->self;

  gtk_box_remove (GTK_BOX (self->resolutions_box), resolution->card);
  g_ptr_array_remove (self->resolutions, resolution);
  _zb_meeting_minutes_changed (self);
}

ResolutionUi *
_zb_meeting_minutes_append_resolution (ZbMeetingMinutes *self,
                                       const ZbMeetingResolution *resolution)
{
  ResolutionUi *ui = g_new0 (ResolutionUi, 1);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *due_box;
  GtkWidget *remove;
  g_autoptr (GtkExpression) expression = NULL;

  ui->self = self;
  ui->uuid = g_strdup (resolution ? resolution->uuid : NULL);
  ui->done_date = g_strdup (resolution ? resolution->done_date : NULL);
  ui->card = _zb_minutes_new_card ();

  ui->text = _zb_minutes_new_entry (self, resolution ? resolution->text : NULL, NULL);
  gtk_box_append (GTK_BOX (head), _zb_minutes_labelled (_ ("_Resolution"), ui->text));
  remove = _zb_minutes_new_remove_button (_ ("Remove Resolution"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_resolution_cb), ui);
  gtk_box_append (GTK_BOX (head), remove);
  gtk_box_append (GTK_BOX (ui->card), head);

  ui->owner = gtk_drop_down_new (self->names ? g_object_ref (self->names) : NULL, NULL);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (GTK_DROP_DOWN (ui->owner), expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (ui->owner), TRUE);
  gtk_drop_down_set_selected (
      GTK_DROP_DOWN (ui->owner),
      resolution ? _zb_minutes_member_position (self, resolution->owner_id, NULL) : 0);
  g_signal_connect_swapped (ui->owner, "notify::selected", G_CALLBACK (_zb_meeting_minutes_changed),
                            self);
  gtk_box_append (GTK_BOX (line), _zb_minutes_labelled (_ ("_Responsible"), ui->owner));

  ui->due = _zb_minutes_new_entry (self, resolution ? resolution->due_date : NULL,
                                   _ ("e.g. 2026-12-31"));
  gtk_editable_set_width_chars (GTK_EDITABLE (ui->due), 12);
  gtk_widget_set_hexpand (ui->due, FALSE);
  due_box = _zb_minutes_labelled (_ ("_Due by"), ui->due);
  ui->due_error = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (ui->due_error), 0);
  gtk_label_set_wrap (GTK_LABEL (ui->due_error), TRUE);
  gtk_widget_add_css_class (ui->due_error, "error");
  gtk_widget_add_css_class (ui->due_error, "caption");
  gtk_widget_set_visible (ui->due_error, FALSE);
  gtk_box_append (GTK_BOX (due_box), ui->due_error);
  gtk_box_append (GTK_BOX (line), due_box);

  if (ui->done_date != NULL)
    {
      g_autofree char *date = zb_format_date (ui->done_date);
      g_autofree char *text = g_strdup_printf (_ ("Done on %s"), date);
      GtkWidget *done = gtk_label_new (text);

      gtk_widget_add_css_class (done, "success");
      gtk_widget_set_valign (done, GTK_ALIGN_END);
      gtk_box_append (GTK_BOX (line), done);
    }
  gtk_box_append (GTK_BOX (ui->card), line);

  gtk_box_append (GTK_BOX (self->resolutions_box), ui->card);
  g_ptr_array_add (self->resolutions, ui);
  return ui;
}

/* Checking and reading */

void
_zb_meeting_minutes_check_resolutions (ZbMeetingMinutes *self)
{
  for (guint i = 0; i < self->resolutions->len; i++)
    {
      ResolutionUi *ui = g_ptr_array_index (self->resolutions, i);
      g_autofree char *due = _zb_minutes_editable_text (ui->due);
      g_autofree char *iso = due ? zb_parse_typed_date (due, NULL) : NULL;
      gboolean bad = due != NULL && iso == NULL;

      gtk_label_set_label (GTK_LABEL (ui->due_error),
                           bad ? _ ("This is not a date. Write it like 2026-12-31.") : "");
      gtk_widget_set_visible (ui->due_error, bad);
      if (bad)
        {
          gtk_widget_add_css_class (ui->due, "error");
          if (self->problem == NULL)
            self->problem
                = g_strdup (_ ("A resolution's due date is not a date. Write it like 2026-12-31."));
        }
      else
        gtk_widget_remove_css_class (ui->due, "error");
    }
}

void
_zb_meeting_minutes_read_decisions (ZbMeetingMinutes *self, ZbMeetingRecord *record)
{
  for (guint i = 0; i < self->votes->len; i++)
    {
      VoteUi *ui = g_ptr_array_index (self->votes, i);
      g_autofree char *subject = _zb_minutes_editable_text (ui->subject);
      ZbMeetingVote *vote = zb_meeting_vote_new (
          subject, (ZbVoteForm)gtk_drop_down_get_selected (GTK_DROP_DOWN (ui->form)));

      vote->uuid = g_strdup (ui->uuid);
      vote->topic_uuid = g_strdup (ui->topic_uuid);
      vote->yes = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui->counts[0]));
      vote->no = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui->counts[1]));
      vote->abstain = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui->counts[2]));
      vote->written_opinions
          = (guint)gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (ui->counts[3]));
      vote->result = (ZbVoteResult)gtk_drop_down_get_selected (GTK_DROP_DOWN (ui->result));
      g_ptr_array_add (record->votes, vote);
    }

  for (guint i = 0; i < self->resolutions->len; i++)
    {
      ResolutionUi *ui = g_ptr_array_index (self->resolutions, i);
      g_autofree char *text = _zb_minutes_editable_text (ui->text);
      g_autofree char *due = _zb_minutes_editable_text (ui->due);
      g_autofree char *iso = due ? zb_parse_typed_date (due, NULL) : NULL;
      guint owner = gtk_drop_down_get_selected (GTK_DROP_DOWN (ui->owner));
      ZbMeetingResolution *resolution;

      /* A due date that does not read as a date is kept as typed: the
       * repository refuses it with a sentence, and nothing typed is lost. */
      resolution = zb_meeting_resolution_new (text, _zb_minutes_member_id_at (self, owner),
                                              iso ? iso : due);
      resolution->uuid = g_strdup (ui->uuid);
      resolution->done_date = g_strdup (ui->done_date);
      g_ptr_array_add (record->resolutions, resolution);
    }
}
