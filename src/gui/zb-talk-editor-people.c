/* zb-talk-editor-people.c — the people of a talk (from the roster or typed)
 * and its follow-ups, in the talk editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-talk-editor-private.h"
#include "zb-talks-format.h"

/* People */

static void
on_remove_person_cb (GtkButton *button, ZbTalkEditor *self)
{
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zb-side"));
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zb-index"));

  if (index < self->people[side]->len)
    g_ptr_array_remove_index (self->people[side], index);
  _zb_talk_editor_fill_side (self, side);
  _zb_talk_editor_changed (self);
}

static GtkWidget *
remove_button (const char *tooltip, guint side, guint index, GCallback callback, gpointer self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "zb-side", GUINT_TO_POINTER (side));
  g_object_set_data (G_OBJECT (button), "zb-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static const char *
roster_info_for (ZbTalkEditor *self, gint64 member_id)
{
  for (guint i = 1; i < self->roster_ids->len; i++)
    if (g_array_index (self->roster_ids, gint64, i) == member_id)
      return g_ptr_array_index (self->roster_info, i);
  return NULL;
}

void
_zb_talk_editor_fill_side (ZbTalkEditor *self, guint side)
{
  GtkListBox *list = self->side_lists[side];
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < self->people[side]->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (self->people[side], i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *person = zb_talks_format_person (p->name, p->post);
      const char *info = p->member_id != 0 ? roster_info_for (self, p->member_id) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     p->member_id != 0 && p->post == NULL && info != NULL ? info
                                                                                          : person);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), p->member_id != 0
                                                             ? _ ("Member on the roster")
                                                             : _ ("Not on the roster"));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          remove_button (_ ("Remove"), side, i, G_CALLBACK (on_remove_person_cb), self));
      gtk_list_box_append (list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), self->people[side]->len > 0);
}

/* Nobody twice, on either side (the repository says so too, later). */
static gboolean
zb_talk_editor_has_person (ZbTalkEditor *self, gint64 member_id, const char *name)
{
  for (guint side = 0; side < N_SIDES; side++)
    for (guint i = 0; i < self->people[side]->len; i++)
      {
        const ZbTalkParticipant *p = g_ptr_array_index (self->people[side], i);

        if ((member_id != 0 && p->member_id == member_id)
            || (member_id == 0 && p->member_id == 0 && g_strcmp0 (p->name, name) == 0))
          return TRUE;
      }
  return FALSE;
}

static void
on_add_member_cb (GtkButton *button, ZbTalkEditor *self)
{
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zb-side"));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->pick[side]));
  ZbTalkParticipant *p;
  gint64 id;

  if (selected == 0 || selected >= self->roster_ids->len)
    return;
  id = g_array_index (self->roster_ids, gint64, selected);
  if (zb_talk_editor_has_person (self, id, NULL))
    {
      _zb_talk_editor_show_message (self, _ ("This person is already named in the talk: each "
                                             "person once, on one side."));
      return;
    }
  _zb_talk_editor_show_message (self, NULL);
  p = zb_talk_participant_new_member (side, id);
  g_ptr_array_add (self->people[side], p);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->pick[side]), 0);
  _zb_talk_editor_fill_side (self, side);
  _zb_talk_editor_changed (self);
}

static void
on_add_person_cb (GtkButton *button, ZbTalkEditor *self)
{
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zb-side"));
  g_autofree char *name = _zb_talk_editor_entry_text (self->typed_name[side]);
  ZbTalkParticipant *p;

  if (name == NULL)
    {
      zb_form_set_error (self->typed_box[side], _ ("Write the person’s name first."));
      return;
    }
  if (zb_talk_editor_has_person (self, 0, name))
    {
      zb_form_set_error (self->typed_box[side], _ ("This person is already named in the talk."));
      return;
    }
  zb_form_set_error (self->typed_box[side], NULL);
  p = zb_talk_participant_new_person (side, name, NULL);
  p->post = _zb_talk_editor_entry_text (self->typed_post[side]);
  g_ptr_array_add (self->people[side], p);
  gtk_editable_set_text (GTK_EDITABLE (self->typed_name[side]), "");
  gtk_editable_set_text (GTK_EDITABLE (self->typed_post[side]), "");
  _zb_talk_editor_fill_side (self, side);
  _zb_talk_editor_changed (self);
}

static void
on_typed_name_changed_cb (ZbTalkEditor *self, GParamSpec *pspec, GtkWidget *entry)
{
  for (guint side = 0; side < N_SIDES; side++)
    if (self->typed_name[side] != NULL)
      gtk_widget_set_sensitive (self->add_person[side],
                                gtk_editable_get_text (GTK_EDITABLE (self->typed_name[side]))[0]
                                    != '\0');
}

static void
on_pick_changed_cb (ZbTalkEditor *self)
{
  for (guint side = 0; side < N_SIDES; side++)
    if (self->pick[side] != NULL)
      gtk_widget_set_sensitive (self->add_member[side],
                                gtk_drop_down_get_selected (GTK_DROP_DOWN (self->pick[side])) > 0);
}

static GtkWidget *
side_button (const char *label, guint side, GCallback callback, ZbTalkEditor *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_sensitive (button, FALSE);
  g_object_set_data (G_OBJECT (button), "zb-side", GUINT_TO_POINTER (side));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

void
_zb_talk_editor_load_roster (ZbTalkEditor *self)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GHashTable) posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *today = zb_format_today_iso ();
  gint64 none = 0;

  g_array_append_val (self->roster_ids, none);
  g_ptr_array_add (self->roster_info, g_strdup (_ ("Choose from the roster…")));

  /* The posts held today, to show beside the names (the record gets the post
   * held on the day of the talk when it is saved). */
  if (self->org != NULL && (units = zb_org_repo_list_units (self->org, FALSE, NULL)) != NULL)
    for (guint u = 0; u < units->len; u++)
      {
        const ZbOrgUnit *unit = g_ptr_array_index (units, u);
        g_autoptr (GPtrArray) held = zb_org_repo_list_posts (self->org, unit->id, today, NULL);

        for (guint i = 0; held != NULL && i < held->len; i++)
          {
            const ZbPartyPost *post = g_ptr_array_index (held, i);

            if (!g_hash_table_contains (posts, &post->member_id))
              g_hash_table_insert (posts, g_memdup2 (&post->member_id, sizeof (gint64)),
                                   (gpointer)zb_party_post_role_get_label (post->role));
          }
      }

  found = zb_member_repo_fetch (self->members, &query, 0, ROSTER_LIMIT, NULL);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const ZbMemberRecord *r = zb_member_get_record (g_ptr_array_index (found, i));

      g_array_append_val (self->roster_ids, r->id);
      g_ptr_array_add (self->roster_info,
                       zb_talks_format_person (r->name, g_hash_table_lookup (posts, &r->id)));
    }
}

static GtkWidget *
zb_talk_editor_picker (ZbTalkEditor *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkExpression) expression = NULL;
  GtkWidget *drop_down;

  for (guint i = 0; i < self->roster_info->len; i++)
    gtk_string_list_append (names, g_ptr_array_index (self->roster_info, i));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  drop_down
      = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), g_steal_pointer (&expression));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  gtk_widget_set_hexpand (drop_down, TRUE);
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_pick_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return drop_down;
}

void
_zb_talk_editor_build_side (ZbTalkEditor *self, GtkGrid *form, guint side)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *typed = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  zb_form_add_heading (form, side == ZB_TALK_SIDE_TALKER ? _ ("Who Held the Talk")
                                                         : _ ("Whom the Talk Was With"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->side_lists[side] = GTK_LIST_BOX (list);
  /* Translators: the people already added on one side of a talk. */
  zb_form_add (form, _ ("Added"), list, NULL);

  self->pick[side] = zb_talk_editor_picker (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick[side]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Member from the roster"), -1);
  self->add_member[side] = side_button (_ ("_Add"), side, G_CALLBACK (on_add_member_cb), self);
  gtk_box_append (GTK_BOX (box), self->pick[side]);
  gtk_box_append (GTK_BOX (box), self->add_member[side]);
  zb_form_add (form, _ ("From the _roster"), box, NULL);

  self->typed_name[side] = zb_form_entry_new (8, _ ("Name"));
  self->typed_post[side] = zb_form_entry_new (10, _ ("Post"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->typed_post[side]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Post"), -1);
  gtk_widget_set_hexpand (self->typed_name[side], TRUE);
  gtk_widget_set_hexpand (self->typed_post[side], TRUE);
  self->add_person[side]
      = side_button (_ ("A_dd Person"), side, G_CALLBACK (on_add_person_cb), self);
  g_signal_connect_object (self->typed_name[side], "notify::text",
                           G_CALLBACK (on_typed_name_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (typed), self->typed_name[side]);
  gtk_box_append (GTK_BOX (typed), self->typed_post[side]);
  gtk_box_append (GTK_BOX (typed), self->add_person[side]);
  self->typed_box[side] = typed;
  zb_form_add (form, _ ("Not on the roster"), typed,
               side == ZB_TALK_SIDE_TALKER
                   ? _ ("For example someone from the Party committee above: name and post")
                   : _ ("For example an applicant for Party membership: name, and post if any"));
  /* The label goes to the box; the entry says what it is itself. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->typed_name[side]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Name"), -1);
}

/* Follow-ups */

static void
on_remove_action_cb (GtkButton *button, ZbTalkEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "zb-index"));

  if (index < self->actions->len)
    g_ptr_array_remove_index (self->actions, index);
  _zb_talk_editor_fill_actions (self);
  _zb_talk_editor_changed (self);
}

void
_zb_talk_editor_fill_actions (ZbTalkEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_list))) != NULL)
    gtk_list_box_remove (self->action_list, child);

  for (guint i = 0; i < self->actions->len; i++)
    {
      const ZbTalkAction *a = g_ptr_array_index (self->actions, i);
      g_autoptr (GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();

      if (a->due_date != NULL)
        {
          g_autofree char *due = zb_format_date (a->due_date);

          /* Translators: when a follow-up is due. */
          g_string_append_printf (subtitle, _ ("Due %s"), due);
        }
      if (a->owner_name != NULL)
        /* Translators: who sees to a follow-up. */
        g_string_append_printf (subtitle, _ ("%sBy %s"), subtitle->len ? " · " : "", a->owner_name);
      if (a->done_date != NULL)
        {
          g_autofree char *done = zb_format_date (a->done_date);

          /* Translators: when a follow-up was done. */
          g_string_append_printf (subtitle, _ ("%sDone %s"), subtitle->len ? " · " : "", done);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          remove_button (_ ("Remove"), 0, i, G_CALLBACK (on_remove_action_cb), self));
      gtk_list_box_append (self->action_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->action_list), self->actions->len > 0);
}

void
_zb_talk_editor_add_action (ZbTalkEditor *self)
{
  g_autofree char *text = _zb_talk_editor_entry_text (self->action_text);
  g_autofree char *due_text = _zb_talk_editor_entry_text (self->action_due);
  g_autofree char *due = zb_parse_typed_date (due_text, NULL);
  ZbTalkAction *a;

  if (text == NULL)
    {
      zb_form_set_error (self->action_text, _ ("Write what is to be done first."));
      return;
    }
  if (due_text != NULL && due == NULL)
    {
      zb_form_set_error (self->action_box, _ ("This is not a date. Write it like 2026-04-01."));
      return;
    }
  zb_form_set_error (self->action_text, NULL);
  zb_form_set_error (self->action_box, NULL);
  a = zb_talk_action_new (text, due);
  a->owner_name = _zb_talk_editor_entry_text (self->action_owner);
  g_ptr_array_add (self->actions, a);
  gtk_editable_set_text (GTK_EDITABLE (self->action_text), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_due), "");
  gtk_editable_set_text (GTK_EDITABLE (self->action_owner), "");
  _zb_talk_editor_fill_actions (self);
  _zb_talk_editor_changed (self);
}
