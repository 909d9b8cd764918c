/* zb-contents-guard.c — asking again before the contents of a talk are opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The passphrase typed here lives in the GtkPasswordEntry (non-pageable
 * memory, wiped when replaced) and in one ZbSecret (wiped when freed) for the
 * comparison only; it is never logged, stored or put in a message.
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-contents-guard.h"
#include "zb-window-private.h"

struct _ZbContentsGuard
{
  GObject parent_instance;

  GSettings *settings;
  ZbDatabase *db;
  ZbKeyStore *key_store;
  /* g_get_monotonic_time() of the unlocking and of the last check passed. */
  gint64 unlocked_us;
  gint64 checked_us;

  /* The check running, if any, and what it shows. */
  GTask *task;
  GCancellable *cancellable;
  GtkWindow *prompt;
  GtkWidget *entry;
  GtkWidget *message;
  GtkWidget *confirm;
};

G_DEFINE_FINAL_TYPE (ZbContentsGuard, zb_contents_guard, G_TYPE_OBJECT)

/* Ending a check */

static void
zb_contents_guard_close_prompt (ZbContentsGuard *self)
{
  GtkWindow *prompt = g_steal_pointer (&self->prompt);

  if (prompt == NULL)
    return;
  /* The field is wiped before the window goes. */
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  self->entry = self->message = self->confirm = NULL;
  gtk_window_destroy (prompt);
}

static void
zb_contents_guard_finish_task (ZbContentsGuard *self, GError *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->task);

  zb_contents_guard_close_prompt (self);
  g_clear_object (&self->cancellable);
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    {
      self->checked_us = g_get_monotonic_time ();
      g_task_return_boolean (task, TRUE);
    }
}

static GError *
cancelled_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
}

/* The passphrase prompt */

static void
on_prompt_confirm (ZbContentsGuard *self)
{
  const char *text;
  g_autoptr (ZbSecret) secret = NULL;
  gboolean same;

  if (self->prompt == NULL || self->db == NULL)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  if (text[0] == '\0')
    return;

  secret = zb_secret_new_passphrase (text);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  same = zb_database_check_secret (self->db, secret);
  g_clear_pointer (&secret, zb_secret_free);

  if (same)
    {
      zb_contents_guard_finish_task (self, NULL);
      return;
    }
  gtk_label_set_label (GTK_LABEL (self->message),
                       _ ("This is not the passphrase of this workspace. Nothing was opened; "
                          "please type it again."));
  gtk_widget_set_visible (self->message, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_label_get_label (GTK_LABEL (self->message)), -1);
  gtk_widget_grab_focus (self->entry);
}

static void
on_prompt_changed (ZbContentsGuard *self)
{
  if (self->confirm != NULL)
    gtk_widget_set_sensitive (self->confirm,
                              gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0');
}

static gboolean
on_prompt_close_request (GtkWindow *window, ZbContentsGuard *self)
{
  /* Closed by the user (Cancel, Escape, the window manager). */
  if (self->prompt == window)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      self->prompt = NULL;
      self->entry = self->message = self->confirm = NULL;
      zb_contents_guard_finish_task (self, cancelled_error ());
    }
  return FALSE;
}

static void
on_prompt_cancel (ZbContentsGuard *self)
{
  if (self->prompt != NULL)
    gtk_window_close (self->prompt);
}

static void
zb_contents_guard_show_prompt (ZbContentsGuard *self, GtkWindow *parent)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget *confirm = gtk_button_new_with_mnemonic (_ ("_Open Contents"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("channel-secure-symbolic");
  GtkWidget *title = gtk_label_new (_ ("Talk Contents Are Protected"));
  GtkWidget *text = gtk_label_new (
      _ ("The contents of heart-to-heart talks are shown only after the workspace passphrase "
         "is typed again. Each opening is recorded in the audit log."));
  GtkWidget *entry = gtk_password_entry_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkShortcutController *shortcuts;

  gtk_window_set_title (GTK_WINDOW (window), _ ("Passphrase Again"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 440, -1);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  gtk_widget_set_name (window, "zb-contents-prompt");

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_ ("Passphrase Again"), NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), confirm);
  gtk_widget_add_css_class (confirm, "suggested-action");
  gtk_widget_set_sensitive (confirm, FALSE);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (body, 24);
  gtk_widget_set_margin_bottom (body, 24);
  gtk_widget_set_margin_start (body, 24);
  gtk_widget_set_margin_end (body, 24);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 48);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (body), icon);
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (body), title);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_box_append (GTK_BOX (body), text);

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "placeholder-text", _ ("Workspace passphrase"), "activates-default", TRUE,
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Workspace passphrase"), -1);
  gtk_widget_set_margin_top (entry, 6);
  gtk_box_append (GTK_BOX (body), entry);

  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 36);
  gtk_widget_add_css_class (message, "error");
  gtk_widget_set_visible (message, FALSE);
  gtk_box_append (GTK_BOX (body), message);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (
      shortcuts, gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                   gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  g_signal_connect_object (cancel, "clicked", G_CALLBACK (on_prompt_cancel), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (confirm, "clicked", G_CALLBACK (on_prompt_confirm), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "activate", G_CALLBACK (on_prompt_confirm), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_prompt_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_prompt_close_request), self, 0);

  self->prompt = GTK_WINDOW (window);
  self->entry = entry;
  self->message = message;
  self->confirm = confirm;
  gtk_window_set_default_widget (GTK_WINDOW (window), confirm);
  /* Typing here keeps the window from locking meanwhile. */
  if (ZB_IS_WINDOW (parent))
    _zb_window_watch_input (ZB_WINDOW (parent), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (entry);
}

/* The keyring */

typedef struct
{
  ZbContentsGuard *self;
  GCancellable *cancellable; /* this lookup's, to tell it from a later one */
} Lookup;

static void
on_key_looked_up (GObject *source, GAsyncResult *result, gpointer data)
{
  Lookup *lookup = data;
  g_autoptr (ZbContentsGuard) self = lookup->self;
  g_autoptr (GCancellable) cancellable = lookup->cancellable;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = NULL;
  const char *message = NULL;

  g_free (lookup);
  key = zb_key_store_lookup_finish (ZB_KEY_STORE (source), result, &error);
  /* Locked or closed meanwhile: this check has already ended (and another
   * may be running). */
  if (self->task == NULL || self->cancellable != cancellable)
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      zb_contents_guard_finish_task (self, cancelled_error ());
      return;
    }

  if (key != NULL && self->db != NULL && zb_database_check_secret (self->db, key))
    {
      zb_contents_guard_finish_task (self, NULL);
      return;
    }

  if (key != NULL)
    message = _ ("The key in the keyring does not match this workspace. The talk contents were "
                 "not opened.");
  else if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND))
    message = _ ("The keyring holds no key for this workspace. The talk contents were not "
                 "opened.");
  else if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_DISMISSED))
    message = _ ("The keyring was not unlocked, so the talk contents were not opened. To open "
                 "them, try again and unlock the keyring when asked.");
  else
    message = _ ("The keyring is locked or cannot be reached, so the talk contents were not "
                 "opened. Unlock the keyring (it opens with your login password) and try "
                 "again.");
  zb_contents_guard_finish_task (
      self, g_error_new_literal (ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE, message));
}

/* Public */

gboolean
zb_contents_guard_needs_check (ZbContentsGuard *self)
{
  guint minutes;
  gint64 since;

  g_return_val_if_fail (ZB_IS_CONTENTS_GUARD (self), TRUE);

  minutes = g_settings_get_uint (self->settings, "contents-recheck-minutes");
  if (minutes == 0)
    return TRUE;
  since = MAX (self->unlocked_us, self->checked_us);
  return g_get_monotonic_time () - since >= (gint64)minutes * 60 * G_USEC_PER_SEC;
}

void
zb_contents_guard_check_async (ZbContentsGuard *self, GtkWindow *parent,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Lookup *lookup;

  g_return_if_fail (ZB_IS_CONTENTS_GUARD (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, zb_contents_guard_check_async);

  if (self->db == NULL || !zb_database_is_open (self->db))
    {
      g_task_return_new_error (task, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CLOSED, "%s",
                               _ ("The workspace is locked."));
      return;
    }
  /* One question at a time: the one already asked is brought forward. */
  if (self->task != NULL)
    {
      if (self->prompt != NULL)
        gtk_window_present (self->prompt);
      g_task_return_error (task, cancelled_error ());
      return;
    }
  if (!zb_contents_guard_needs_check (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->task = g_steal_pointer (&task);
  self->cancellable = g_cancellable_new ();
  if (zb_database_get_protection (self->db) == ZB_PROTECTION_PASSPHRASE)
    {
      zb_contents_guard_show_prompt (self, parent);
      return;
    }

  if (self->key_store == NULL)
    self->key_store = zb_key_store_new ();
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->cancellable = g_object_ref (self->cancellable);
  zb_key_store_lookup_async (self->key_store, zb_database_get_uuid (self->db), self->cancellable,
                             on_key_looked_up, lookup);
}

gboolean
zb_contents_guard_check_finish (ZbContentsGuard *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
zb_contents_guard_set_database (ZbContentsGuard *self, ZbDatabase *db, gint64 unlocked_us)
{
  g_return_if_fail (ZB_IS_CONTENTS_GUARD (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  zb_contents_guard_finish_task (self, cancelled_error ());
  g_set_object (&self->db, db);
  self->unlocked_us = unlocked_us;
  self->checked_us = 0;
}

void
zb_contents_guard_set_key_store (ZbContentsGuard *self, ZbKeyStore *store)
{
  g_return_if_fail (ZB_IS_CONTENTS_GUARD (self));

  g_set_object (&self->key_store, store);
}

GtkWindow *
zb_contents_guard_get_prompt (ZbContentsGuard *self)
{
  g_return_val_if_fail (ZB_IS_CONTENTS_GUARD (self), NULL);

  return self->prompt;
}

ZbContentsGuard *
zb_contents_guard_new (void)
{
  return g_object_new (ZB_TYPE_CONTENTS_GUARD, NULL);
}

/* GObject */

static void
zb_contents_guard_dispose (GObject *object)
{
  ZbContentsGuard *self = ZB_CONTENTS_GUARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  zb_contents_guard_finish_task (self, cancelled_error ());
  g_clear_object (&self->db);
  g_clear_object (&self->key_store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (zb_contents_guard_parent_class)->dispose (object);
}

static void
zb_contents_guard_class_init (ZbContentsGuardClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = zb_contents_guard_dispose;
}

static void
zb_contents_guard_init (ZbContentsGuard *self)
{
  self->settings = g_settings_new (BASE_APPLICATION_ID);
}
