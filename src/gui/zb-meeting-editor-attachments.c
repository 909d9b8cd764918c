/* zb-meeting-editor-attachments.c — the attachments of a meeting in its editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scanned sign-in sheets and photos. They are kept in memory until the
 * meeting is saved, so that 取消 leaves the workspace as it was; a file over
 * the limit is refused at once, before anything is read or kept.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-meeting-editor-private.h"

void
_zb_pending_attachment_free (ZbPendingAttachment *attachment)
{
  g_free (attachment->name);
  g_free (attachment->mime_type);
  g_clear_pointer (&attachment->data, g_bytes_unref);
  g_free (attachment);
}

/* Sizes as offices count them, in binary units: the 20 MiB limit reads as
 * "20 MB", not as the "21.0 MB" of g_format_size(). */
static char *
format_size (guint64 size)
{
  if (size >= 1024 * 1024)
    return size % (1024 * 1024) == 0
               ? g_strdup_printf (_ ("%u MB"), (guint)(size / (1024 * 1024)))
               : g_strdup_printf (_ ("%.1f MB"), (double)size / (1024 * 1024));
  if (size >= 1024)
    return g_strdup_printf (_ ("%.1f KB"), (double)size / 1024);
  /* Translators: a file of less than a kilobyte */
  return g_strdup_printf (_ ("%u bytes"), (guint)size);
}

static void
set_message (ZbMeetingEditor *self, const char *message)
{
  gtk_label_set_label (self->attachment_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attachment_message), message != NULL);
}

static GtkWidget *
attachment_row (ZbMeetingEditor *self, const char *name, guint64 size, const char *note,
                GCallback remove_cb, gpointer data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_ ("_Remove"));
  g_autofree char *size_text = format_size (size);
  g_autofree char *subtitle
      = note ? g_strdup_printf ("%s · %s", size_text, note) : g_strdup (size_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data (G_OBJECT (remove), "zb-editor", self);
  g_signal_connect (remove, "clicked", remove_cb, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
on_remove_stored_cb (GtkButton *button, const char *uuid)
{
  ZbMeetingEditor *self = g_object_get_data (G_OBJECT (button), "zb-editor");

  g_ptr_array_add (self->removed, g_strdup (uuid));
  set_message (self, NULL);
  _zb_meeting_editor_show_attachments (self);
  _zb_meeting_editor_changed (self);
}

static void
on_remove_pending_cb (GtkButton *button, ZbPendingAttachment *pending)
{
  ZbMeetingEditor *self = g_object_get_data (G_OBJECT (button), "zb-editor");

  g_ptr_array_remove (self->pending, pending);
  set_message (self, NULL);
  _zb_meeting_editor_show_attachments (self);
  _zb_meeting_editor_changed (self);
}

static gboolean
is_removed (ZbMeetingEditor *self, const char *uuid)
{
  for (guint i = 0; i < self->removed->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->removed, i), uuid) == 0)
      return TRUE;
  return FALSE;
}

void
_zb_meeting_editor_show_attachments (ZbMeetingEditor *self)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachment_list))) != NULL)
    gtk_list_box_remove (self->attachment_list, child);

  for (guint i = 0; i < self->original->attachments->len; i++)
    {
      const ZbMeetingAttachment *a = g_ptr_array_index (self->original->attachments, i);

      if (is_removed (self, a->uuid))
        continue;
      gtk_list_box_append (
          self->attachment_list,
          attachment_row (self, a->name, a->size, NULL, G_CALLBACK (on_remove_stored_cb), a->uuid));
      n++;
    }
  for (guint i = 0; i < self->pending->len; i++)
    {
      ZbPendingAttachment *p = g_ptr_array_index (self->pending, i);

      gtk_list_box_append (self->attachment_list,
                           attachment_row (self, p->name, g_bytes_get_size (p->data),
                                           _ ("stored when the meeting is saved"),
                                           G_CALLBACK (on_remove_pending_cb), p));
      n++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->attachment_list), n > 0);
}

gboolean
zb_meeting_editor_add_attachment_file (ZbMeetingEditor *self, GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) data = NULL;
  g_autofree char *mime_type = NULL;
  ZbPendingAttachment *pending;
  const char *name;

  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME
                            "," G_FILE_ATTRIBUTE_STANDARD_SIZE
                            "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      set_message (self, _ ("The file could not be read. Check that it is still there."));
      return FALSE;
    }
  name = g_file_info_get_display_name (info);

  /* Refused before anything is read: a large scan would fill the workspace. */
  if (g_file_info_get_size (info) > ZB_MEETING_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = format_size ((guint64)g_file_info_get_size (info));
      g_autofree char *limit = format_size (ZB_MEETING_ATTACHMENT_MAX_SIZE);
      g_autofree char *message = g_strdup_printf (
          /* Translators: %1$s is a file name, %2$s its size, %3$s the limit (e.g. 20.0 MB) */
          _ ("“%1$s” is %2$s, more than the %3$s an attachment may have. It was not added. "
             "Scan it at a lower resolution, or split it into several files."),
          name, size, limit);

      set_message (self, message);
      return FALSE;
    }

  if ((data = g_file_load_bytes (file, NULL, NULL, &error)) == NULL)
    {
      set_message (self, _ ("The file could not be read. Check that it is still there."));
      return FALSE;
    }

  if (g_file_info_get_content_type (info) != NULL)
    mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));

  pending = g_new0 (ZbPendingAttachment, 1);
  pending->name = g_strdup (name);
  pending->mime_type
      = mime_type ? g_steal_pointer (&mime_type) : g_strdup ("application/octet-stream");
  pending->data = g_steal_pointer (&data);
  g_ptr_array_add (self->pending, pending);

  set_message (self, NULL);
  _zb_meeting_editor_show_attachments (self);
  _zb_meeting_editor_changed (self);
  return TRUE;
}

const char *
zb_meeting_editor_get_attachment_message (ZbMeetingEditor *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_EDITOR (self), "");

  if (!gtk_widget_get_visible (GTK_WIDGET (self->attachment_message)))
    return "";
  return gtk_label_get_label (self->attachment_message);
}

gboolean
_zb_meeting_editor_store_attachments (ZbMeetingEditor *self, const char *meeting_uuid,
                                      GError **error)
{
  while (self->removed->len > 0)
    {
      if (!zb_meeting_repo_remove_attachment (self->meetings, g_ptr_array_index (self->removed, 0),
                                              error))
        return FALSE;
      g_ptr_array_remove_index (self->removed, 0);
    }

  /* One by one, so that what was stored is not stored twice on a retry. */
  while (self->pending->len > 0)
    {
      ZbPendingAttachment *p = g_ptr_array_index (self->pending, 0);
      g_autoptr (ZbMeetingAttachment) stored = NULL;

      stored = zb_meeting_repo_add_attachment (self->meetings, meeting_uuid, p->name, p->mime_type,
                                               p->data, error);
      if (stored == NULL)
        return FALSE;
      g_ptr_array_add (self->original->attachments, g_steal_pointer (&stored));
      g_ptr_array_remove_index (self->pending, 0);
    }
  return TRUE;
}

/* The file chooser */

static void
on_chooser_response_cb (GtkNativeDialog *chooser, int response, ZbMeetingEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        zb_meeting_editor_add_attachment_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_add_clicked_cb (ZbMeetingEditor *self)
{
  GtkFileChooserNative *chooser
      = gtk_file_chooser_native_new (_ ("Add an Attachment"), GTK_WINDOW (self),
                                     GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Add"), _ ("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_zb_meeting_editor_build_attachments (ZbMeetingEditor *self)
{
  GtkWidget *heading = gtk_label_new (_ ("Attachments"));
  g_autofree char *limit = format_size (ZB_MEETING_ATTACHMENT_MAX_SIZE);
  g_autofree char *hint = g_strdup_printf (
      _ ("Scanned sign-in sheets, photos and the like, up to %s each. They are kept encrypted in "
         "the workspace."),
      limit);
  GtkWidget *note = gtk_label_new (hint);
  GtkWidget *add = gtk_button_new_with_mnemonic (_ ("Add _Attachment…"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "zb-form-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (self->form_box, heading);

  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (self->form_box, note);

  self->attachment_message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->attachment_message, 0);
  gtk_label_set_wrap (self->attachment_message, TRUE);
  gtk_label_set_wrap_mode (self->attachment_message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->attachment_message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->attachment_message), FALSE);
  gtk_box_append (self->form_box, GTK_WIDGET (self->attachment_message));

  self->attachment_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->attachment_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attachment_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attachment_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Attachments"), -1);
  gtk_box_append (self->form_box, GTK_WIDGET (self->attachment_list));

  gtk_widget_set_halign (add, GTK_ALIGN_START);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked_cb), self);
  gtk_box_append (self->form_box, add);
}
