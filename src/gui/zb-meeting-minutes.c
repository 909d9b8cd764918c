/* zb-meeting-minutes.c — the body of a meeting's minutes: topics with speeches,
 * votes and resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every part is a small card with its own 删除 button, so that a long meeting
 * stays a list of things a secretary recognises from the paper minutes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-meeting-minutes-private.h"

typedef struct
{
  char *uuid;
  GtkWidget *box;
  GtkWidget *speaker;
  GtkTextBuffer *text;
} SpeechUi;

typedef struct
{
  ZbMeetingMinutes *self;
  char *uuid;
  GtkWidget *card;
  GtkWidget *heading;
  GtkWidget *title;
  GtkTextBuffer *minutes;
  GtkWidget *speeches_box;
  GPtrArray *speeches; /* of SpeechUi */
} TopicUi;

G_DEFINE_FINAL_TYPE (ZbMeetingMinutes, zb_meeting_minutes, ADW_TYPE_BIN)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
speech_ui_free (SpeechUi *ui)
{
  g_free (ui->uuid);
  g_free (ui);
}

static void
topic_ui_free (TopicUi *ui)
{
  g_clear_pointer (&ui->speeches, g_ptr_array_unref);
  g_free (ui->uuid);
  g_free (ui);
}

/* Small helpers */

char *
_zb_minutes_editable_text (GtkWidget *editable)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return text[0] ? g_steal_pointer (&text) : NULL;
}

GtkWidget *
_zb_minutes_labelled (const char *title, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new_with_mnemonic (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

GtkWidget *
_zb_minutes_new_entry (ZbMeetingMinutes *self, const char *text, const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (_zb_meeting_minutes_changed), self);
  return entry;
}

/* A text area that grows with its text, inside a frame like an entry. */
static GtkWidget *
new_text_area (ZbMeetingMinutes *self, const char *text, GtkTextBuffer **buffer, int lines)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, lines * 24);
  *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_set_text (*buffer, text ? text : "", -1);
  g_signal_connect_swapped (*buffer, "changed", G_CALLBACK (_zb_meeting_minutes_changed), self);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_set_hexpand (frame, TRUE);
  return frame;
}

GtkWidget *
_zb_minutes_new_card (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "zb-minutes-card");
  return card;
}

GtkWidget *
_zb_minutes_new_remove_button (const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

gint64
_zb_minutes_member_id_at (ZbMeetingMinutes *self, guint position)
{
  return self->ids != NULL && position < self->ids->len
             ? g_array_index (self->ids, gint64, position)
             : 0;
}

/* The position of @id (or of the member named @name when @id is 0) in the
 * list of members; 0 (not chosen) when not there. */
guint
_zb_minutes_member_position (ZbMeetingMinutes *self, gint64 id, const char *name)
{
  guint n = self->names ? g_list_model_get_n_items (self->names) : 0;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (self->names, i);

      if ((id != 0 && _zb_minutes_member_id_at (self, i) == id)
          || (id == 0 && name != NULL
              && g_strcmp0 (gtk_string_object_get_string (item), name) == 0))
        return i;
    }
  return 0;
}

/* Topics and speeches */

static void
renumber_topics (ZbMeetingMinutes *self)
{
  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicUi *topic = g_ptr_array_index (self->topics, i);
      g_autofree char *heading = g_strdup_printf (_ ("Topic %u"), i + 1);

      gtk_label_set_label (GTK_LABEL (topic->heading), heading);
    }
}

static void
on_remove_speech_cb (GtkButton *button, TopicUi *topic)
{
  SpeechUi *speech = g_object_get_data (G_OBJECT (button), "zb-speech");

  gtk_box_remove (GTK_BOX (topic->speeches_box), speech->box);
  g_ptr_array_remove (topic->speeches, speech);
  _zb_meeting_minutes_changed (topic->self);
}

static SpeechUi *
topic_add_speech (TopicUi *topic, const ZbMeetingSpeech *speech)
{
  ZbMeetingMinutes *self = topic->self;
  SpeechUi *ui = g_new0 (SpeechUi, 1);
  GtkWidget *remove;
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  ui->uuid = g_strdup (speech ? speech->uuid : NULL);
  ui->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (ui->box, "zb-speech");

  ui->speaker = _zb_minutes_new_entry (self, speech ? speech->speaker_name : NULL, _ ("Name"));
  gtk_editable_set_width_chars (GTK_EDITABLE (ui->speaker), 10);
  gtk_widget_set_hexpand (ui->speaker, FALSE);
  gtk_box_append (GTK_BOX (head), _zb_minutes_labelled (_ ("_Speaker"), ui->speaker));
  remove = _zb_minutes_new_remove_button (_ ("Remove Speech"));
  gtk_widget_set_hexpand (remove, TRUE);
  g_object_set_data (G_OBJECT (remove), "zb-speech", ui);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_speech_cb), topic);
  gtk_box_append (GTK_BOX (head), remove);
  gtk_box_append (GTK_BOX (ui->box), head);
  gtk_box_append (
      GTK_BOX (ui->box),
      _zb_minutes_labelled (_ ("What was _said"),
                            new_text_area (self, speech ? speech->text : NULL, &ui->text, 2)));

  gtk_box_append (GTK_BOX (topic->speeches_box), ui->box);
  g_ptr_array_add (topic->speeches, ui);
  return ui;
}

static void
on_add_speech_cb (TopicUi *topic)
{
  SpeechUi *ui = topic_add_speech (topic, NULL);

  gtk_widget_grab_focus (ui->speaker);
  _zb_meeting_minutes_changed (topic->self);
}

static void
on_remove_topic_cb (TopicUi *topic)
{
  ZbMeetingMinutes *self = topic->self;

  gtk_box_remove (GTK_BOX (self->topics_box), topic->card);
  g_ptr_array_remove (self->topics, topic);
  renumber_topics (self);
  _zb_meeting_minutes_changed (self);
}

static TopicUi *
zb_meeting_minutes_append_topic (ZbMeetingMinutes *self, const ZbMeetingTopic *topic)
{
  TopicUi *ui = g_new0 (TopicUi, 1);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *remove, *add;

  ui->self = self;
  ui->uuid = g_strdup (topic ? topic->uuid : NULL);
  ui->speeches = g_ptr_array_new_with_free_func ((GDestroyNotify)speech_ui_free);
  ui->card = _zb_minutes_new_card ();

  ui->heading = gtk_label_new (NULL);
  gtk_widget_add_css_class (ui->heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (ui->heading), 0);
  gtk_widget_set_hexpand (ui->heading, TRUE);
  gtk_box_append (GTK_BOX (head), ui->heading);
  remove = _zb_minutes_new_remove_button (_ ("Remove Topic"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_topic_cb), ui);
  gtk_box_append (GTK_BOX (head), remove);
  gtk_box_append (GTK_BOX (ui->card), head);

  ui->title = _zb_minutes_new_entry (self, topic ? topic->title : NULL, NULL);
  gtk_box_append (GTK_BOX (ui->card), _zb_minutes_labelled (_ ("_Topic"), ui->title));
  gtk_box_append (
      GTK_BOX (ui->card),
      _zb_minutes_labelled (_ ("_Minutes (reports, discussion)"),
                            new_text_area (self, topic ? topic->minutes : NULL, &ui->minutes, 3)));

  ui->speeches_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (ui->card), ui->speeches_box);
  for (guint i = 0; topic != NULL && i < topic->speeches->len; i++)
    topic_add_speech (ui, g_ptr_array_index (topic->speeches, i));

  add = gtk_button_new_with_mnemonic (_ ("Add S_peech"));
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_speech_cb), ui);
  gtk_box_append (GTK_BOX (ui->card), add);

  gtk_box_append (GTK_BOX (self->topics_box), ui->card);
  g_ptr_array_add (self->topics, ui);
  renumber_topics (self);
  return ui;
}

/* Checking and reading */

static void
zb_meeting_minutes_check (ZbMeetingMinutes *self)
{
  g_clear_pointer (&self->problem, g_free);

  _zb_meeting_minutes_check_resolutions (self);

  for (guint i = 0; i < self->votes->len; i++)
    _zb_meeting_minutes_vote_update_check (g_ptr_array_index (self->votes, i));
}

void
_zb_meeting_minutes_changed (ZbMeetingMinutes *self)
{
  if (self->filling)
    return;
  zb_meeting_minutes_check (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
zb_meeting_minutes_read (ZbMeetingMinutes *self, ZbMeetingRecord *record)
{
  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));
  g_return_if_fail (record != NULL);

  g_ptr_array_set_size (record->topics, 0);
  g_ptr_array_set_size (record->votes, 0);
  g_ptr_array_set_size (record->resolutions, 0);

  for (guint i = 0; i < self->topics->len; i++)
    {
      TopicUi *ui = g_ptr_array_index (self->topics, i);
      g_autofree char *title = _zb_minutes_editable_text (ui->title);
      ZbMeetingTopic *topic = zb_meeting_topic_new (title);

      topic->uuid = g_strdup (ui->uuid);
      topic->minutes = buffer_text (ui->minutes);
      for (guint j = 0; j < ui->speeches->len; j++)
        {
          SpeechUi *s = g_ptr_array_index (ui->speeches, j);
          g_autofree char *speaker = _zb_minutes_editable_text (s->speaker);
          g_autofree char *text = buffer_text (s->text);
          guint position = speaker ? _zb_minutes_member_position (self, 0, speaker) : 0;
          ZbMeetingSpeech *speech;

          /* A speech left empty is not a speech. */
          if (speaker == NULL && text == NULL)
            continue;
          speech = zb_meeting_speech_new (_zb_minutes_member_id_at (self, position), speaker, text);
          speech->uuid = g_strdup (s->uuid);
          g_ptr_array_add (topic->speeches, speech);
        }
      g_ptr_array_add (record->topics, topic);
    }

  _zb_meeting_minutes_read_decisions (self, record);
}

/* Public */

void
zb_meeting_minutes_set_members (ZbMeetingMinutes *self, GListModel *names, GArray *ids)
{
  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));

  if (names != NULL)
    g_object_ref (names);
  g_clear_object (&self->names);
  self->names = names;
  g_clear_pointer (&self->ids, g_array_unref);
  self->ids = ids ? g_array_ref (ids) : NULL;
}

void
zb_meeting_minutes_set_voting (ZbMeetingMinutes *self, ZbMeetingKind kind, guint voting_expected)
{
  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));

  self->kind = kind;
  self->voting_expected = voting_expected;
  for (guint i = 0; i < self->votes->len; i++)
    _zb_meeting_minutes_vote_update_check (g_ptr_array_index (self->votes, i));
}

void
zb_meeting_minutes_set_record (ZbMeetingMinutes *self, const ZbMeetingRecord *record)
{
  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));
  g_return_if_fail (record != NULL);

  self->filling = TRUE;
  for (guint i = 0; i < record->topics->len; i++)
    zb_meeting_minutes_append_topic (self, g_ptr_array_index (record->topics, i));
  for (guint i = 0; i < record->votes->len; i++)
    _zb_meeting_minutes_append_vote (self, g_ptr_array_index (record->votes, i));
  for (guint i = 0; i < record->resolutions->len; i++)
    _zb_meeting_minutes_append_resolution (self, g_ptr_array_index (record->resolutions, i));
  self->filling = FALSE;
  zb_meeting_minutes_check (self);
}

const char *
zb_meeting_minutes_get_problem (ZbMeetingMinutes *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_MINUTES (self), NULL);

  return self->problem;
}

guint
zb_meeting_minutes_add_topic (ZbMeetingMinutes *self, const char *title, const char *minutes)
{
  TopicUi *ui;

  g_return_val_if_fail (ZB_IS_MEETING_MINUTES (self), 0);

  ui = zb_meeting_minutes_append_topic (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (ui->title), title ? title : "");
  gtk_text_buffer_set_text (ui->minutes, minutes ? minutes : "", -1);
  _zb_meeting_minutes_changed (self);
  return self->topics->len - 1;
}

void
zb_meeting_minutes_add_speech (ZbMeetingMinutes *self, guint topic, const char *speaker,
                               const char *text)
{
  SpeechUi *ui;

  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));
  g_return_if_fail (topic < self->topics->len);

  ui = topic_add_speech (g_ptr_array_index (self->topics, topic), NULL);
  gtk_editable_set_text (GTK_EDITABLE (ui->speaker), speaker ? speaker : "");
  gtk_text_buffer_set_text (ui->text, text ? text : "", -1);
  _zb_meeting_minutes_changed (self);
}

void
zb_meeting_minutes_add_vote (ZbMeetingMinutes *self, const char *subject, ZbVoteForm form,
                             guint yes, guint no, guint abstain, ZbVoteResult result)
{
  VoteUi *ui;

  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));

  ui = _zb_meeting_minutes_append_vote (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (ui->subject), subject ? subject : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui->form), form);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ui->counts[0]), yes);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ui->counts[1]), no);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ui->counts[2]), abstain);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui->result), result);
  _zb_meeting_minutes_changed (self);
}

void
zb_meeting_minutes_add_resolution (ZbMeetingMinutes *self, const char *text, const char *owner,
                                   const char *due_date)
{
  ResolutionUi *ui;

  g_return_if_fail (ZB_IS_MEETING_MINUTES (self));

  ui = _zb_meeting_minutes_append_resolution (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (ui->text), text ? text : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ui->owner),
                              _zb_minutes_member_position (self, 0, owner));
  gtk_editable_set_text (GTK_EDITABLE (ui->due), due_date ? due_date : "");
  _zb_meeting_minutes_changed (self);
}

GtkWidget *
zb_meeting_minutes_new (void)
{
  return g_object_new (ZB_TYPE_MEETING_MINUTES, NULL);
}

/* GObject */

static void
zb_meeting_minutes_dispose (GObject *object)
{
  ZbMeetingMinutes *self = ZB_MEETING_MINUTES (object);

  /* The widgets first: their handlers point at the records below. */
  G_OBJECT_CLASS (zb_meeting_minutes_parent_class)->dispose (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->votes, g_ptr_array_unref);
  g_clear_pointer (&self->resolutions, g_ptr_array_unref);
  g_clear_object (&self->names);
  g_clear_pointer (&self->ids, g_array_unref);
}

static void
zb_meeting_minutes_finalize (GObject *object)
{
  ZbMeetingMinutes *self = ZB_MEETING_MINUTES (object);

  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (zb_meeting_minutes_parent_class)->finalize (object);
}

static void
zb_meeting_minutes_class_init (ZbMeetingMinutesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_meeting_minutes_dispose;
  object_class->finalize = zb_meeting_minutes_finalize;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
on_add_topic_cb (ZbMeetingMinutes *self)
{
  TopicUi *ui = zb_meeting_minutes_append_topic (self, NULL);

  gtk_widget_grab_focus (ui->title);
  _zb_meeting_minutes_changed (self);
}

static void
on_add_vote_cb (ZbMeetingMinutes *self)
{
  VoteUi *ui = _zb_meeting_minutes_append_vote (self, NULL);

  gtk_widget_grab_focus (ui->subject);
  _zb_meeting_minutes_changed (self);
}

static void
on_add_resolution_cb (ZbMeetingMinutes *self)
{
  ResolutionUi *ui = _zb_meeting_minutes_append_resolution (self, NULL);

  gtk_widget_grab_focus (ui->text);
  _zb_meeting_minutes_changed (self);
}

static GtkWidget *
section (GtkWidget *parent, const char *title, const char *hint, GtkWidget **items,
         const char *add_label, GCallback add_cb, gpointer data)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *add = gtk_button_new_with_mnemonic (add_label);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "zb-form-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (parent), label);
  if (hint != NULL)
    {
      GtkWidget *note = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (parent), note);
    }
  *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (parent), *items);
  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", add_cb, data);
  gtk_box_append (GTK_BOX (parent), add);
  return *items;
}

static void
zb_meeting_minutes_init (ZbMeetingMinutes *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify)topic_ui_free);
  self->votes = g_ptr_array_new_with_free_func ((GDestroyNotify)_zb_vote_ui_free);
  self->resolutions = g_ptr_array_new_with_free_func ((GDestroyNotify)_zb_resolution_ui_free);
  self->kind = ZB_MEETING_OTHER;

  section (box, _ ("Topics and Minutes"),
           _ ("One card for each topic: what was reported and discussed, and who said what."),
           &self->topics_box, _ ("Add _Topic"), G_CALLBACK (on_add_topic_cb), self);
  section (box, _ ("Votes"), NULL, &self->votes_box, _ ("Add _Vote"), G_CALLBACK (on_add_vote_cb),
           self);
  section (box, _ ("Resolutions"),
           _ ("What the meeting decided, who sees to it and by when. Open resolutions are "
              "listed under Three Meetings and One Lecture until marked done."),
           &self->resolutions_box, _ ("Add _Resolution"), G_CALLBACK (on_add_resolution_cb), self);

  adw_bin_set_child (ADW_BIN (self), box);
}
