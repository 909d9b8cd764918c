/* zb-talk-editor.c — recording a heart-to-heart talk, or correcting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-member-rules.h"
#include "zb-talk-editor-private.h"
#include "zb-talks-format.h"
#include "zb-window-private.h"

static const char *const side_names[N_SIDES] = { "talker", "talked_with" };
static const char *const text_names[N_TEXTS] = { "said_by_talker", "said_by_other", "response" };

G_DEFINE_FINAL_TYPE (ZbTalkEditor, zb_talk_editor, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
_zb_talk_editor_entry_text (GtkWidget *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return text[0] ? g_steal_pointer (&text) : NULL;
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_zb_talk_editor_show_message (ZbTalkEditor *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Checking */

static void
zb_talk_editor_update (ZbTalkEditor *self)
{
  g_autofree char *date_text = _zb_talk_editor_entry_text (self->date);
  g_autofree char *date = zb_parse_typed_date (date_text, NULL);
  gboolean ready = date != NULL && self->people[0]->len > 0 && self->people[1]->len > 0;

  zb_form_set_error (self->date, date != NULL || date_text == NULL
                                     ? NULL
                                     : _ ("This is not a date. Write it like 2026-03-02."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", ready && self->modified);

  if (date == NULL)
    gtk_label_set_label (self->status_label, _ ("Give the date of the talk to save it."));
  else if (self->people[0]->len == 0)
    gtk_label_set_label (self->status_label, _ ("Add who held the talk to save it."));
  else if (self->people[1]->len == 0)
    gtk_label_set_label (self->status_label, _ ("Add whom the talk was with to save it."));
  else if (self->modified)
    gtk_label_set_label (self->status_label, _ ("Not saved yet."));
  else
    gtk_label_set_label (self->status_label, _ ("No changes."));
}

void
_zb_talk_editor_changed (ZbTalkEditor *self)
{
  if (self->filling)
    return;
  self->modified = TRUE;
  zb_talk_editor_update (self);
}

/* The contents */

static void
zb_talk_editor_set_contents (ZbTalkEditor *self, const ZbTalkContents *contents)
{
  const char *values[N_TEXTS] = {
    contents ? contents->said_by_talker : NULL,
    contents ? contents->said_by_other : NULL,
    contents ? contents->response : NULL,
  };
  gboolean filling = self->filling;

  self->filling = TRUE;
  for (guint i = 0; i < N_TEXTS; i++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->texts[i]), values[i] ? values[i] : "",
                              -1);
  self->filling = filling;
  self->contents_open = TRUE;
  gtk_widget_set_visible (self->contents_box, TRUE);
  gtk_widget_set_visible (self->locked_box, FALSE);
}

static void
on_contents_checked_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (ZbTalkEditor) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbTalkContents) contents = NULL;

  if (!zb_contents_guard_check_finish (ZB_CONTENTS_GUARD (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !zb_form_is_closing (GTK_WINDOW (self)))
        _zb_talk_editor_show_message (self, error->message);
      return;
    }
  if (zb_form_is_closing (GTK_WINDOW (self)) || self->talks == NULL)
    return;
  /* Each opening goes through the repository, which audits it. */
  contents = zb_talk_repo_load_contents (self->talks, self->original->uuid, &error);
  if (contents == NULL)
    {
      _zb_talk_editor_show_message (self, error->message);
      return;
    }
  _zb_talk_editor_show_message (self, NULL);
  zb_talk_editor_set_contents (self, contents);
}

static void
on_open_contents_cb (ZbTalkEditor *self)
{
  zb_contents_guard_check_async (self->guard, GTK_WINDOW (self), on_contents_checked_cb,
                                 g_object_ref (self));
}

static GtkWidget *
zb_talk_editor_text (ZbTalkEditor *self, GtkBox *box, guint index, const char *title)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 4);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (_zb_talk_editor_changed), self, G_CONNECT_SWAPPED);
  self->texts[index] = GTK_TEXT_VIEW (view);
  /* The texts run the whole width, their names above them: long answers
   * are easier to write and read so. */
  label = gtk_label_new_with_mnemonic (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);
  gtk_widget_set_margin_bottom (frame, 12);
  gtk_box_append (box, frame);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  return view;
}

/* Building the form */

static GtkWidget *
zb_talk_editor_entry (ZbTalkEditor *self, GtkGrid *form, const char *title, int width,
                      const char *hint)
{
  GtkWidget *entry = zb_form_entry_new (width, NULL);

  g_signal_connect_object (entry, "changed", G_CALLBACK (_zb_talk_editor_changed), self,
                           G_CONNECT_SWAPPED);
  return zb_form_add (form, title, entry, hint);
}

static void
zb_talk_editor_build (ZbTalkEditor *self)
{
  GtkGrid *form = zb_form_new ();
  GtkWidget *contents = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr (GStrvBuilder) kinds = g_strv_builder_new ();
  g_auto (GStrv) kind_names = NULL;
  GtkWidget *label, *button, *add_box;

  zb_form_add_heading (form, _ ("The Talk"));
  self->date = zb_talk_editor_entry (self, form, _ ("_Date"), 12, _ ("For example 2026-03-02"));
  self->time
      = zb_talk_editor_entry (self, form, _ ("_Time"), 6, _ ("Hours and minutes, e.g. 14:30"));
  self->place = zb_talk_editor_entry (self, form, _ ("_Place"), 0, NULL);
  for (int k = 0; k < ZB_TALK_N_KINDS; k++)
    g_strv_builder_add (kinds, zb_talk_kind_get_label ((ZbTalkKind)k));
  kind_names = g_strv_builder_end (kinds);
  self->kind = zb_form_add (form, _ ("_Kind of talk"),
                            zb_form_drop_down_new ((const char *const *)kind_names, FALSE), NULL);
  g_signal_connect_object (self->kind, "notify::selected", G_CALLBACK (_zb_talk_editor_changed),
                           self, G_CONNECT_SWAPPED);
  self->topic = zb_talk_editor_entry (self, form, _ ("T_opic"), 0, NULL);

  for (guint side = 0; side < N_SIDES; side++)
    _zb_talk_editor_build_side (self, form, side);

  gtk_box_append (self->form_box, GTK_WIDGET (form));

  /* The protected texts: shown at once for a new talk; for a stored one only
   * after the re-check. */
  form = zb_form_new ();
  zb_form_add_heading (form, _ ("Contents (Protected)"));
  gtk_box_append (self->form_box, GTK_WIDGET (form));
  self->locked_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new (_ ("The contents are not shown. Saving keeps them as they are; to read "
                            "or change them, open them (the opening is recorded)."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  self->open_contents = gtk_button_new_with_mnemonic (_ ("Open _Contents…"));
  gtk_widget_set_valign (self->open_contents, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->open_contents, "clicked", G_CALLBACK (on_open_contents_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->locked_box), label);
  gtk_box_append (GTK_BOX (self->locked_box), self->open_contents);
  gtk_widget_set_margin_bottom (self->locked_box, 12);
  gtk_box_append (self->form_box, self->locked_box);

  zb_talk_editor_text (self, GTK_BOX (contents), 0, _ ("What the _talker said"));
  zb_talk_editor_text (self, GTK_BOX (contents), 1, _ ("What the other _party said"));
  zb_talk_editor_text (self, GTK_BOX (contents), 2, _ ("_Response, opinions and suggestions"));
  gtk_widget_set_margin_top (contents, 6);
  self->contents_box = contents;
  gtk_box_append (self->form_box, self->contents_box);

  form = zb_form_new ();
  zb_form_add_heading (form, _ ("Follow-up"));
  self->action_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->action_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->action_list), "boxed-list");
  zb_form_add (form, _ ("Measures"), GTK_WIDGET (self->action_list), NULL);
  self->action_text
      = zb_form_add (form, _ ("_What is to be done"), zb_form_entry_new (0, NULL), NULL);
  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->action_due = zb_form_entry_new (12, _ ("Due date"));
  self->action_owner = zb_form_entry_new (8, _ ("Who sees to it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->action_due), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Due date"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->action_owner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Who sees to it"), -1);
  gtk_widget_set_hexpand (self->action_owner, TRUE);
  button = gtk_button_new_with_mnemonic (_ ("Add _Measure"));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (_zb_talk_editor_add_action), self,
                           G_CONNECT_SWAPPED);
  self->action_add = button;
  gtk_box_append (GTK_BOX (add_box), self->action_due);
  gtk_box_append (GTK_BOX (add_box), self->action_owner);
  gtk_box_append (GTK_BOX (add_box), button);
  self->action_box = add_box;
  zb_form_add (form, _ ("Due and by whom"), add_box, _ ("For example 2026-04-01, and a name"));

  zb_form_add_heading (form, _ ("Record"));
  self->recorder = zb_talk_editor_entry (self, form, _ ("Re_corder"), 10, NULL);
  gtk_box_append (self->form_box, GTK_WIDGET (form));
}

/* Filling from the record */

static void
zb_talk_editor_fill (ZbTalkEditor *self, const ZbTalkContents *contents)
{
  const ZbTalkRecord *r = self->original;

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->date), r->date ? r->date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time), r->start_time ? r->start_time : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place), r->place ? r->place : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->kind), r->kind);
  gtk_editable_set_text (GTK_EDITABLE (self->topic), r->topic ? r->topic : "");
  gtk_editable_set_text (GTK_EDITABLE (self->recorder), r->recorder_name ? r->recorder_name : "");
  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);

      g_ptr_array_add (self->people[p->side], zb_talk_participant_copy (p));
    }
  for (guint i = 0; i < r->actions->len; i++)
    g_ptr_array_add (self->actions, zb_talk_action_copy (g_ptr_array_index (r->actions, i)));
  for (guint side = 0; side < N_SIDES; side++)
    _zb_talk_editor_fill_side (self, side);
  _zb_talk_editor_fill_actions (self);

  /* A new talk has nothing to protect yet; a stored one shows its contents
   * only when they were opened. */
  if (r->uuid == NULL || contents != NULL)
    zb_talk_editor_set_contents (self, contents);
  else
    {
      gtk_widget_set_visible (self->contents_box, FALSE);
      gtk_widget_set_visible (self->locked_box, TRUE);
    }
  self->filling = FALSE;
  self->modified = FALSE;
  zb_talk_editor_update (self);
}

/* Saving and closing */

static ZbTalkRecord *
zb_talk_editor_read (ZbTalkEditor *self)
{
  ZbTalkRecord *r = zb_talk_record_copy (self->original);
  g_autofree char *date_text = _zb_talk_editor_entry_text (self->date);
  g_autofree char *recorder = _zb_talk_editor_entry_text (self->recorder);

  g_free (r->date);
  r->date = zb_parse_typed_date (date_text, NULL);
  if (r->date == NULL)
    r->date = g_steal_pointer (&date_text);
  g_free (r->start_time);
  r->start_time = _zb_talk_editor_entry_text (self->time);
  g_free (r->place);
  r->place = _zb_talk_editor_entry_text (self->place);
  r->kind = (ZbTalkKind)gtk_drop_down_get_selected (GTK_DROP_DOWN (self->kind));
  g_free (r->topic);
  r->topic = _zb_talk_editor_entry_text (self->topic);
  /* A recorder typed anew is a name; the one read keeps its member. */
  if (g_strcmp0 (recorder, self->original->recorder_name) != 0)
    r->recorder_id = 0;
  g_free (r->recorder_name);
  r->recorder_name = g_steal_pointer (&recorder);

  g_ptr_array_set_size (r->participants, 0);
  for (guint side = 0; side < N_SIDES; side++)
    for (guint i = 0; i < self->people[side]->len; i++)
      g_ptr_array_add (r->participants,
                       zb_talk_participant_copy (g_ptr_array_index (self->people[side], i)));
  g_ptr_array_set_size (r->actions, 0);
  for (guint i = 0; i < self->actions->len; i++)
    g_ptr_array_add (r->actions, zb_talk_action_copy (g_ptr_array_index (self->actions, i)));

  g_clear_pointer (&r->contents, zb_talk_contents_free);
  if (self->contents_open)
    {
      char *texts[N_TEXTS];

      for (guint i = 0; i < N_TEXTS; i++)
        texts[i] = view_text (self->texts[i]);
      r->contents
          = zb_talk_contents_new (texts[0][0] ? texts[0] : NULL, texts[1][0] ? texts[1] : NULL,
                                  texts[2][0] ? texts[2] : NULL);
      /* The copies of the protected texts are wiped before they are freed. */
      for (guint i = 0; i < N_TEXTS; i++)
        {
          memset (texts[i], 0, strlen (texts[i]));
          g_free (texts[i]);
        }
    }
  return r;
}

static gboolean
zb_talk_editor_save (ZbTalkEditor *self)
{
  g_autoptr (ZbTalkRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  gboolean created = self->original->uuid == NULL;
  gboolean ok;

  if (self->talks == NULL)
    return FALSE;
  record = zb_talk_editor_read (self);
  ok = created ? zb_talk_repo_create (self->talks, record, &error)
               : zb_talk_repo_update (self->talks, record, &error);
  if (!ok)
    {
      /* The repository's sentence; everything typed stays where it is. */
      _zb_talk_editor_show_message (self, error->message);
      return FALSE;
    }

  _zb_talk_editor_show_message (self, NULL);
  self->modified = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, record->uuid, created);
  zb_form_close (GTK_WINDOW (self));
  return TRUE;
}

static void
action_save (GtkWidget *widget, const char *name, GVariant *param)
{
  zb_talk_editor_save (ZB_TALK_EDITOR (widget));
}

static gboolean
zb_talk_editor_close_request (GtkWindow *window)
{
  ZbTalkEditor *self = ZB_TALK_EDITOR (window);

  return zb_form_ask_before_closing (
             window, self->modified, gtk_widget_is_sensitive (self->save_button),
             _ ("Save the Talk?"),
             _ ("What you have written is not saved yet. If you discard it, it is lost."),
             (ZbFormSaveFunc)zb_talk_editor_save)
         || GTK_WINDOW_CLASS (zb_talk_editor_parent_class)->close_request (window);
}

/* Public */

ZbTalkEditor *
zb_talk_editor_new (GtkWindow *parent, ZbTalkRepo *talks, ZbMemberRepo *members, ZbOrgRepo *org,
                    ZbContentsGuard *guard, const char *uuid, const ZbTalkContents *contents)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = NULL;
  ZbTalkRecord *record;
  ZbTalkEditor *self;

  g_return_val_if_fail (ZB_IS_TALK_REPO (talks), NULL);
  g_return_val_if_fail (ZB_IS_MEMBER_REPO (members), NULL);
  g_return_val_if_fail (ZB_IS_CONTENTS_GUARD (guard), NULL);

  if (uuid != NULL)
    {
      if ((record = zb_talk_repo_get (talks, uuid, &error)) == NULL)
        {
          g_warning ("Could not read a talk to edit: %s", error->message);
          return NULL;
        }
    }
  else
    {
      today = zb_format_today_iso ();
      record = zb_talk_record_new (ZB_TALK_KIND_DAILY, today);
    }

  self = g_object_new (ZB_TYPE_TALK_EDITOR, "transient-for", parent, NULL);
  self->talks = g_object_ref (talks);
  self->members = g_object_ref (members);
  self->org = org ? g_object_ref (org) : NULL;
  self->guard = g_object_ref (guard);
  self->original = record;

  adw_window_title_set_title (self->window_title, uuid ? _ ("Edit Talk") : _ ("Record a Talk"));
  gtk_window_set_title (GTK_WINDOW (self), uuid ? _ ("Edit Talk") : _ ("Record a Talk"));

  _zb_talk_editor_load_roster (self);
  zb_talk_editor_build (self);
  zb_talk_editor_fill (self, contents);
  gtk_widget_grab_focus (self->date);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));
  return self;
}

GtkWidget *
zb_talk_editor_get_field (ZbTalkEditor *self, const char *name)
{
  struct
  {
    const char *name;
    GtkWidget *widget;
  } fields[] = {
    { "date", self->date },
    { "time", self->time },
    { "place", self->place },
    { "kind", self->kind },
    { "topic", self->topic },
    { "recorder", self->recorder },
    { "action-text", self->action_text },
    { "action-due", self->action_due },
    { "action-owner", self->action_owner },
    { "action-add", self->action_add },
    { "open-contents", self->open_contents },
  };

  g_return_val_if_fail (ZB_IS_TALK_EDITOR (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (name, fields[i].name))
      return fields[i].widget;
  for (guint i = 0; i < N_TEXTS; i++)
    if (g_str_equal (name, text_names[i]))
      return GTK_WIDGET (self->texts[i]);
  for (guint side = 0; side < N_SIDES; side++)
    {
      const char *rest;

      if (!g_str_has_prefix (name, side_names[side]) || name[strlen (side_names[side])] != '-')
        continue;
      rest = name + strlen (side_names[side]) + 1;
      if (g_str_equal (rest, "pick"))
        return self->pick[side];
      if (g_str_equal (rest, "add-member"))
        return self->add_member[side];
      if (g_str_equal (rest, "name"))
        return self->typed_name[side];
      if (g_str_equal (rest, "post"))
        return self->typed_post[side];
      if (g_str_equal (rest, "add-person"))
        return self->add_person[side];
    }
  return NULL;
}

const char *
zb_talk_editor_get_message (ZbTalkEditor *self)
{
  g_return_val_if_fail (ZB_IS_TALK_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
             ? gtk_label_get_label (self->error_label)
             : NULL;
}

guint
zb_talk_editor_find_member (ZbTalkEditor *self, gint64 member_id)
{
  g_return_val_if_fail (ZB_IS_TALK_EDITOR (self), 0);

  for (guint i = 1; i < self->roster_ids->len; i++)
    if (g_array_index (self->roster_ids, gint64, i) == member_id)
      return i;
  return 0;
}

/* GObject */

static void
zb_talk_editor_dispose (GObject *object)
{
  ZbTalkEditor *self = ZB_TALK_EDITOR (object);

  /* The protected texts leave the widgets first. */
  for (guint i = 0; i < N_TEXTS; i++)
    if (self->texts[i] != NULL)
      {
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->texts[i]), "", 0);
        self->texts[i] = NULL;
      }
  g_clear_object (&self->talks);
  g_clear_object (&self->members);
  g_clear_object (&self->org);
  g_clear_object (&self->guard);

  G_OBJECT_CLASS (zb_talk_editor_parent_class)->dispose (object);
}

static void
zb_talk_editor_finalize (GObject *object)
{
  ZbTalkEditor *self = ZB_TALK_EDITOR (object);

  g_clear_pointer (&self->original, zb_talk_record_free);
  for (guint side = 0; side < N_SIDES; side++)
    g_clear_pointer (&self->people[side], g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->roster_ids, g_array_unref);
  g_clear_pointer (&self->roster_info, g_ptr_array_unref);

  G_OBJECT_CLASS (zb_talk_editor_parent_class)->finalize (object);
}

static void
zb_talk_editor_class_init (ZbTalkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = zb_talk_editor_dispose;
  object_class->finalize = zb_talk_editor_finalize;
  window_class->close_request = zb_talk_editor_close_request;

  signals[SIGNAL_SAVED]
      = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-talk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbTalkEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ZbTalkEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ZbTalkEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ZbTalkEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, ZbTalkEditor, status_label);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, action_save);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_talk_editor_init (ZbTalkEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint side = 0; side < N_SIDES; side++)
    self->people[side] = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_participant_free);
  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_action_free);
  self->roster_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->roster_info = g_ptr_array_new_with_free_func (g_free);
}
