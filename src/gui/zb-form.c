/* zb-form.c — forms as offices fill them: a label, the field, and what is wrong beneath
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-form.h"

typedef struct
{
  GtkWidget *title;
  GtkWidget *message;
  char *hint;
  char *error;
} FormField;

static void
form_field_free (gpointer data)
{
  FormField *field = data;

  g_free (field->hint);
  g_free (field->error);
  g_free (field);
}

static FormField *
get_field (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "zb-form-field");
}

GtkGrid *
zb_form_new (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "zb-form");
  g_object_set_data (G_OBJECT (grid), "zb-form-rows", GINT_TO_POINTER (0));

  return GTK_GRID (grid);
}

static int
next_row (GtkGrid *form, int n)
{
  int row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (form), "zb-form-rows"));

  g_object_set_data (G_OBJECT (form), "zb-form-rows", GINT_TO_POINTER (row + n));
  return row;
}

void
zb_form_add_heading (GtkGrid *form, const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  int row = next_row (form, 1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "zb-form-heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_grid_attach (form, label, 0, row, 2, 1);
}

static void
update_message (FormField *field, GtkWidget *widget)
{
  const char *text = field->error ? field->error : field->hint;

  gtk_label_set_label (GTK_LABEL (field->message), text ? text : "");
  gtk_widget_set_visible (field->message, text != NULL && gtk_widget_get_visible (widget));

  if (field->error != NULL)
    {
      gtk_widget_remove_css_class (field->message, "dim-label");
      gtk_widget_add_css_class (field->message, "error");
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field->message, "error");
      gtk_widget_add_css_class (field->message, "dim-label");
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

GtkWidget *
zb_form_add (GtkGrid *form, const char *title, GtkWidget *widget, const char *hint)
{
  FormField *field = g_new0 (FormField, 1);
  int row = next_row (form, 2);

  field->title = gtk_label_new_with_mnemonic (title);
  gtk_label_set_xalign (GTK_LABEL (field->title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (field->title), widget);
  gtk_widget_set_valign (field->title, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (field->title, "zb-form-title");

  field->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (field->message), 0);
  gtk_label_set_wrap (GTK_LABEL (field->message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (field->message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (field->message, "caption");
  gtk_widget_add_css_class (field->message, "zb-form-message");
  field->hint = g_strdup (hint);

  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_valign (widget, GTK_ALIGN_BASELINE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  field->title, NULL, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  field->message, NULL, -1);

  gtk_grid_attach (form, field->title, 0, row, 1, 1);
  gtk_grid_attach (form, widget, 1, row, 1, 1);
  gtk_grid_attach (form, field->message, 1, row + 1, 1, 1);

  g_object_set_data_full (G_OBJECT (widget), "zb-form-field", field, form_field_free);
  update_message (field, widget);

  return widget;
}

void
zb_form_set_error (GtkWidget *widget, const char *message)
{
  FormField *field = get_field (widget);

  g_return_if_fail (field != NULL);

  if (g_strcmp0 (field->error, message) == 0)
    return;
  g_free (field->error);
  field->error = g_strdup (message);
  update_message (field, widget);
}

const char *
zb_form_get_error (GtkWidget *widget)
{
  FormField *field = get_field (widget);

  return field ? field->error : NULL;
}

void
zb_form_set_field_visible (GtkWidget *widget, gboolean visible)
{
  FormField *field = get_field (widget);

  g_return_if_fail (field != NULL);

  gtk_widget_set_visible (widget, visible);
  gtk_widget_set_visible (field->title, visible);
  update_message (field, widget);
}

GtkWidget *
zb_form_entry_new (int width_chars, const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (width_chars > 0)
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
      gtk_widget_set_halign (entry, GTK_ALIGN_START);
    }
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);

  return entry;
}

GtkWidget *
zb_form_drop_down_new (const char *const *names, gboolean searchable)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (names);

  gtk_widget_set_halign (drop_down, GTK_ALIGN_START);
  if (searchable)
    {
      g_autoptr (GtkExpression) expression
          = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

      gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), expression);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
    }

  return drop_down;
}

static gboolean
destroy_later_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

void
zb_form_destroy_later (GtkWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_later_cb, g_object_ref (window), g_object_unref);
}

void
zb_form_close (GtkWindow *editor)
{
  g_object_set_data (G_OBJECT (editor), "zb-form-closing", GINT_TO_POINTER (TRUE));
  zb_form_destroy_later (editor);
}

gboolean
zb_form_is_closing (GtkWindow *editor)
{
  return g_object_get_data (G_OBJECT (editor), "zb-form-closing") != NULL;
}

static void
on_save_changes_response_cb (GtkWindow *editor, const char *response)
{
  ZbFormSaveFunc save = (ZbFormSaveFunc)g_object_get_data (G_OBJECT (editor), "zb-form-save");

  if (g_strcmp0 (response, "save") == 0)
    save (editor);
  else if (g_strcmp0 (response, "discard") == 0)
    zb_form_close (editor);
}

gboolean
zb_form_ask_before_closing (GtkWindow *editor, gboolean modified, gboolean valid,
                            const char *heading, const char *body, ZbFormSaveFunc save)
{
  AdwMessageDialog *dialog;

  if (!modified || zb_form_is_closing (editor))
    return FALSE;

  if (body == NULL)
    body = valid ? _ ("The changes to this record are not saved yet. If you discard them, "
                      "they are lost.")
                 : _ ("The changes to this record are not saved yet, and some fields still "
                      "need correcting. If you discard them, they are lost.");
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (editor, heading != NULL ? heading : _ ("Save Changes?"), body));

  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "discard", _ ("_Discard"),
                                    "save", _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
  adw_message_dialog_set_default_response (dialog, valid ? "save" : "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (editor), "zb-form-save", (gpointer)save);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_changes_response_cb), editor,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
