/* zb-talk-contents-dialog.c — the protected contents of one talk, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-gui-format.h"
#include "zb-talk-contents-dialog.h"
#include "zb-talks-format.h"
#include "zb-window-private.h"

struct _ZbTalkContentsDialog
{
  AdwWindow parent_instance;

  char *uuid;
  ZbTalkContents *contents;
  GtkLabel *views[3];
};

G_DEFINE_FINAL_TYPE (ZbTalkContentsDialog, zb_talk_contents_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EDIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_edit_clicked (ZbTalkContentsDialog *self)
{
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_EDIT], 0);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static GtkWidget *
add_text (ZbTalkContentsDialog *self, GtkBox *box, guint index, const char *title, const char *text)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *frame = gtk_frame_new (NULL);
  gboolean empty = text == NULL || text[0] == '\0';
  GtkWidget *view = gtk_label_new (empty ? _ ("(Nothing recorded)") : text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (box, label);

  /* Read-only text that can still be selected and copied by hand. */
  gtk_label_set_wrap (GTK_LABEL (view), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (view), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (view), 0);
  gtk_label_set_yalign (GTK_LABEL (view), 0);
  gtk_label_set_selectable (GTK_LABEL (view), TRUE);
  gtk_widget_set_margin_start (view, 10);
  gtk_widget_set_margin_end (view, 10);
  gtk_widget_set_margin_top (view, 8);
  gtk_widget_set_margin_bottom (view, 8);
  gtk_widget_set_size_request (view, -1, 48);
  if (empty)
    gtk_widget_add_css_class (view, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  gtk_widget_set_margin_bottom (frame, 12);
  gtk_box_append (box, frame);
  self->views[index] = GTK_LABEL (view);
  return view;
}

ZbTalkContentsDialog *
zb_talk_contents_dialog_new (GtkWindow *parent, const ZbTalkRecord *record,
                             ZbTalkContents *contents)
{
  ZbTalkContentsDialog *self;
  GtkWidget *box, *header, *edit, *close, *scrolled, *clamp, *body, *note;
  g_autofree char *date = NULL;
  g_autofree char *people = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (record != NULL && contents != NULL, NULL);

  self = g_object_new (ZB_TYPE_TALK_CONTENTS_DIALOG, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, "default-width", 640, "default-height", 600,
                       "title", _ ("Talk Contents"), NULL);
  self->uuid = g_strdup (record->uuid);
  self->contents = contents;

  date = zb_format_date (record->date);
  people = zb_talks_format_people (record, ZB_TALK_SIDE_TALKED_WITH);
  /* Translators: the talk's date · whom the talk was with. */
  subtitle = g_strdup_printf (_ ("%s · with %s"), date, people);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_ ("Talk Contents"), subtitle));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  close = gtk_button_new_with_mnemonic (_ ("_Close"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), close);
  edit = gtk_button_new_with_mnemonic (_ ("_Edit…"));
  gtk_widget_add_css_class (edit, "suggested-action");
  g_signal_connect_object (edit, "clicked", G_CALLBACK (on_edit_clicked), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), edit);
  gtk_box_append (GTK_BOX (box), header);

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  note = gtk_label_new (_ ("This opening of the contents is recorded in the audit log. Close the "
                           "window when you have read them."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_set_margin_bottom (note, 12);
  gtk_box_append (GTK_BOX (body), note);
  add_text (self, GTK_BOX (body), 0, _ ("What the talker said"), contents->said_by_talker);
  add_text (self, GTK_BOX (body), 1, _ ("What the other party said"), contents->said_by_other);
  add_text (self, GTK_BOX (body), 2, _ ("Response, opinions and suggestions"), contents->response);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);

  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (self));
  return self;
}

const char *
zb_talk_contents_dialog_get_uuid (ZbTalkContentsDialog *self)
{
  g_return_val_if_fail (ZB_IS_TALK_CONTENTS_DIALOG (self), NULL);

  return self->uuid;
}

ZbTalkContents *
zb_talk_contents_dialog_dup_contents (ZbTalkContentsDialog *self)
{
  g_return_val_if_fail (ZB_IS_TALK_CONTENTS_DIALOG (self), NULL);

  return self->contents != NULL ? zb_talk_contents_copy (self->contents) : NULL;
}

/* GObject */

static void
zb_talk_contents_dialog_dispose (GObject *object)
{
  ZbTalkContentsDialog *self = ZB_TALK_CONTENTS_DIALOG (object);

  /* The texts leave the widgets before the window goes. */
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    if (self->views[i] != NULL)
      {
        gtk_label_set_label (self->views[i], "");
        self->views[i] = NULL;
      }
  g_clear_pointer (&self->contents, zb_talk_contents_free);

  G_OBJECT_CLASS (zb_talk_contents_dialog_parent_class)->dispose (object);
}

static void
zb_talk_contents_dialog_finalize (GObject *object)
{
  ZbTalkContentsDialog *self = ZB_TALK_CONTENTS_DIALOG (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (zb_talk_contents_dialog_parent_class)->finalize (object);
}

static void
zb_talk_contents_dialog_class_init (ZbTalkContentsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_talk_contents_dialog_dispose;
  object_class->finalize = zb_talk_contents_dialog_finalize;

  signals[SIGNAL_EDIT] = g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_talk_contents_dialog_init (ZbTalkContentsDialog *self)
{
}
