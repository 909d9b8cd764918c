/* zb-window-actions.c — the win.* actions of ZbWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-message.h"
#include "zb-window-private.h"

static void
zb_window_actions_tell (ZbWindow *self, const char *heading, const char *body)
{
  zb_message_tell (GTK_WINDOW (self), heading, body);
}

static void
zb_window_actions_area_cb (GSimpleAction *action, GVariant *value, gpointer user_data)
{
  ZbWindow *self = user_data;

  g_assert (ZB_IS_WINDOW (self));

  _zb_window_set_area (self, g_variant_get_string (value, NULL));
}

static void
zb_window_actions_lock_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ZbWindow *self = user_data;

  g_assert (ZB_IS_WINDOW (self));

  _zb_window_lock (self);
}

/* The folder of the workspace in use, so that the file chooser starts next to
 * it; otherwise the user's Documents folder. */
static GFile *
zb_window_actions_dup_start_folder (ZbWindow *self)
{
  const char *path = _zb_window_get_workspace_path (self);
  const char *documents;

  if (path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        return g_file_new_for_path (dir);
    }

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

static GtkFileFilter *
zb_window_actions_new_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Zhibu Workspaces"));
  gtk_file_filter_add_pattern (filter, "*.db");

  return filter;
}

void
_zb_window_open_workspace_file (ZbWindow *self, GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (ZB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if ((path = g_file_get_path (file)) == NULL)
    {
      zb_window_actions_tell (self, _ ("This File Cannot Be Opened"),
                              _ ("A workspace must be a file on this computer."));
      return;
    }

  /* Opening never creates anything: a file that is not a workspace gets the
   * unlock page's explanation. */
  _zb_window_show_unlock (self, path, FALSE);
}

gboolean
_zb_window_new_workspace_at (ZbWindow *self, GFile *file)
{
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (ZB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((chosen = g_file_get_path (file)) == NULL)
    {
      zb_window_actions_tell (self, _ ("A Workspace Cannot Be Created There"),
                              _ ("A workspace must be a file on this computer."));
      return FALSE;
    }

  /* The ending lets "Open Workspace…" find the file again. */
  if (g_str_has_suffix (chosen, ".db"))
    path = g_steal_pointer (&chosen);
  else
    path = g_strconcat (chosen, ".db", NULL);

  /* Never overwrite: the file dialog may have asked "replace?" and been told
   * yes, but a file there may be someone's records. A dangling link counts as
   * something being there too. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      name = g_filename_display_basename (path);
      /* Translators: %s is a file name. */
      body = g_strdup_printf (_ ("There is already a file called “%s”. Zhibu never replaces an "
                                 "existing file. Please choose another name, or open that file "
                                 "with “Open Workspace…”."),
                              name);
      zb_window_actions_tell (self, _ ("This File Already Exists"), body);
      return FALSE;
    }

  _zb_window_show_setup (self, path, TRUE);
  return TRUE;
}

static void
zb_window_actions_open_response_cb (GtkNativeDialog *native, int response, ZbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _zb_window_open_workspace_file (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
zb_window_actions_open_workspace_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ZbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = zb_window_actions_new_filter ();
  g_autoptr (GFile) folder = zb_window_actions_dup_start_folder (self);
  GtkFileChooserNative *native;

  g_assert (ZB_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_ ("Open Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  /* The reference taken by _new() is dropped in the response handler. */
  g_signal_connect_object (native, "response", G_CALLBACK (zb_window_actions_open_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
zb_window_actions_new_response_cb (GtkNativeDialog *native, int response, ZbWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _zb_window_new_workspace_at (self, file);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
zb_window_actions_new_workspace_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ZbWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = zb_window_actions_new_filter ();
  g_autoptr (GFile) folder = zb_window_actions_dup_start_folder (self);
  GtkFileChooserNative *native;

  g_assert (ZB_IS_WINDOW (self));

  native = gtk_file_chooser_native_new (_ ("New Workspace"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Create"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  /* Translators: the suggested file name of a new workspace; keep ".db". */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _ ("Branch Workspace.db"));

  g_signal_connect_object (native, "response", G_CALLBACK (zb_window_actions_new_response_cb), self,
                           0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
zb_window_actions_print_recovery_sheet_cb (GSimpleAction *action, GVariant *param,
                                           gpointer user_data)
{
  _zb_window_print_recovery_sheet (ZB_WINDOW (user_data));
}

static void
zb_window_actions_verify_print_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  _zb_window_verify_print (ZB_WINDOW (user_data));
}

void
_zb_window_actions_init (ZbWindow *self)
{
  static const GActionEntry win_actions[] = {
    { "area", NULL, "s", "'workbench'", zb_window_actions_area_cb },
    { "lock", zb_window_actions_lock_cb },
    { "open-workspace", zb_window_actions_open_workspace_cb },
    { "new-workspace", zb_window_actions_new_workspace_cb },
    { "print-recovery-sheet", zb_window_actions_print_recovery_sheet_cb },
    { "verify-print", zb_window_actions_verify_print_cb },
  };

  g_assert (ZB_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  _zb_window_print_init (self);

  _zb_window_update_actions (self);
}

void
_zb_window_update_actions (ZbWindow *self)
{
  gboolean has_workspace;
  gboolean in_main;

  g_assert (ZB_IS_WINDOW (self));

  /* Called while the template is being set up, before the actions exist. */
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "area") == NULL)
    return;

  has_workspace = zb_window_get_database (self) != NULL;
  in_main = g_strcmp0 (zb_window_get_mode (self), "main") == 0;

#define ACTION_SET_ENABLED(name, enabled)                                                          \
  G_STMT_START                                                                                     \
  {                                                                                                \
    GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);                      \
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);                               \
  }                                                                                                \
  G_STMT_END

  ACTION_SET_ENABLED ("area", has_workspace && in_main);
  ACTION_SET_ENABLED ("lock", has_workspace);
  ACTION_SET_ENABLED ("open-workspace", TRUE);
  ACTION_SET_ENABLED ("new-workspace", TRUE);
  /* Only a keyring workspace has a key to print (a passphrase is not written
   * down by the app). */
  ACTION_SET_ENABLED ("print-recovery-sheet",
                      has_workspace && in_main
                          && zb_database_get_protection (zb_window_get_database (self))
                                 == ZB_PROTECTION_KEYRING);
  ACTION_SET_ENABLED ("verify-print", has_workspace && in_main);

#undef ACTION_SET_ENABLED

  /* What a closed workspace showed must not stay on screen. */
  if (!has_workspace)
    _zb_window_close_document_dialogs (self);
}
