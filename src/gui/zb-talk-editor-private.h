/* zb-talk-editor-private.h — shared between the files of ZbTalkEditor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-talk-editor.h"

G_BEGIN_DECLS

#define N_SIDES 2
#define N_TEXTS 3
#define ROSTER_LIMIT 5000

struct _ZbTalkEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkBox *form_box;
  GtkLabel *status_label;

  ZbTalkRepo *talks;
  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbContentsGuard *guard;
  ZbTalkRecord *original; /* as read (no contents), or a new record */
  gboolean contents_open; /* the text views hold the contents to save */

  GtkWidget *date, *time, *place, *kind, *topic, *recorder;
  GtkListBox *side_lists[N_SIDES];
  GPtrArray *people[N_SIDES]; /* of ZbTalkParticipant */
  GtkWidget *pick[N_SIDES], *add_member[N_SIDES];
  GtkWidget *typed_name[N_SIDES], *typed_post[N_SIDES], *add_person[N_SIDES];
  GtkWidget *typed_box[N_SIDES]; /* the form field holding the three */
  GtkTextView *texts[N_TEXTS];
  GtkWidget *contents_box, *locked_box, *open_contents;
  GtkListBox *action_list;
  GPtrArray *actions; /* of ZbTalkAction */
  GtkWidget *action_text, *action_due, *action_owner, *action_add;
  GtkWidget *action_box; /* the form field of the due date and owner */

  /* The roster of the pickers: position 0 is "choose", then members. */
  GArray *roster_ids;     /* gint64 */
  GPtrArray *roster_info; /* "name (post)" */

  gboolean modified;
  gboolean filling;
};

/* zb-talk-editor.c */
char *_zb_talk_editor_entry_text (GtkWidget *entry);
void _zb_talk_editor_show_message (ZbTalkEditor *self, const char *message);
/* A field changed: the talk is modified, and 保存 follows. */
void _zb_talk_editor_changed (ZbTalkEditor *self);

/* zb-talk-editor-people.c: the 谈话人 and 谈话对象, and the follow-ups. */
void _zb_talk_editor_load_roster (ZbTalkEditor *self);
void _zb_talk_editor_build_side (ZbTalkEditor *self, GtkGrid *form, guint side);
void _zb_talk_editor_fill_side (ZbTalkEditor *self, guint side);
void _zb_talk_editor_fill_actions (ZbTalkEditor *self);
void _zb_talk_editor_add_action (ZbTalkEditor *self);

G_END_DECLS
