/* zb-form.h — forms as offices fill them: a label, the field, and what is wrong beneath
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A form is a GtkGrid: the field's name on the left, the field on the right,
 * and under the field one sentence saying what is wrong with it, in red, and
 * told to screen readers as the field's description. */
GtkGrid *zb_form_new (void);
/* A heading over the fields that follow. */
void zb_form_add_heading (GtkGrid *form, const char *text);
/* Adds @widget under @title (with a mnemonic underscore); @hint, if not NULL,
 * shows under the field while there is no error (e.g. how to write a date).
 * Returns @widget. */
GtkWidget *zb_form_add (GtkGrid *form, const char *title, GtkWidget *widget, const char *hint);
/* Shows @message under @widget (NULL: no error). */
void zb_form_set_error (GtkWidget *widget, const char *message);
/* The message under @widget, or NULL. */
const char *zb_form_get_error (GtkWidget *widget);
/* Hides or shows the field with its name and message. */
void zb_form_set_field_visible (GtkWidget *widget, gboolean visible);

/* A GtkEntry for the form, @width_chars wide (0: as wide as the form). */
GtkWidget *zb_form_entry_new (int width_chars, const char *placeholder);
/* A GtkDropDown of @names (NULL-terminated; the first may be "未填写"). */
GtkWidget *zb_form_drop_down_new (const char *const *names, gboolean searchable);

/* Closing the windows that hold a form */

/* Hides @window at once and destroys it from an idle: a window closed from
 * the response of a message dialog over it must outlive that signal
 * (destroying the dialog's parent inside it breaks the dialog). */
void zb_form_destroy_later (GtkWindow *window);

/* Saves the record of @editor, a window that edits one; returns TRUE when it
 * is saved (and the editor closed with zb_form_close()). */
typedef gboolean (*ZbFormSaveFunc) (GtkWindow *editor);

/* For @editor's close-request: when it has @modified changes and is not
 * closing already, asks whether to save them — offered, and the default,
 * only when the form is @valid — or discard them, and returns TRUE (the
 * request is handled); else returns FALSE. @heading and @body say what would
 * be lost; NULL for a record's changes. */
gboolean zb_form_ask_before_closing (GtkWindow *editor, gboolean modified, gboolean valid,
                                     const char *heading, const char *body, ZbFormSaveFunc save);
/* Closes @editor for good, without asking: after a save, or a discard. */
void zb_form_close (GtkWindow *editor);
/* Whether zb_form_close() was called on @editor. */
gboolean zb_form_is_closing (GtkWindow *editor);

G_END_DECLS
