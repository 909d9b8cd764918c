/* zb-window-print.c — the window's printed documents: the recovery sheet
 * (offered after a keyring workspace is created, and in the menu) and the
 * check of a printed copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-window"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-print-dialog-private.h"
#include "zb-recovery-sheet.h"
#include "zb-verify-print-dialog.h"
#include "zb-message.h"
#include "zb-window-private.h"

/* What to do once the preview of the recovery sheet is there. */
typedef enum
{
  SHEET_PREVIEW,
  SHEET_PRINT,
  SHEET_EXPORT,
} SheetNext;

typedef struct
{
  ZbWindow *self;
  ZbDatabase *db;
  ZbKeyStore *store;
  SheetNext next;
} SheetOp;

static void
sheet_op_free (SheetOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->db);
  g_clear_object (&op->store);
  g_free (op);
}

static void
zb_window_print_tell (ZbWindow *self, const char *heading, const char *body)
{
  zb_message_tell (GTK_WINDOW (self), heading, body);
}

/* Runs the print or export of a preview as soon as it can: the preview is
 * made first, so that the user sees what goes to paper. */
static void
on_preview_busy_changed (ZbPrintDialog *dialog, GParamSpec *pspec, gpointer user_data)
{
  SheetNext next = GPOINTER_TO_INT (user_data);

  if (zb_print_dialog_get_busy (dialog) || _zb_print_dialog_get_n_pages (dialog) == 0)
    return;

  g_signal_handlers_disconnect_by_func (dialog, on_preview_busy_changed, user_data);
  if (next == SHEET_PRINT)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.print", NULL);
  else if (next == SHEET_EXPORT)
    gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.export", NULL);
}

static void
on_sheet_key (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SheetOp *op = user_data;
  ZbWindow *self = op->self;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *org_name = NULL;
  ZbPrintDialog *dialog;

  key = zb_key_store_lookup_finish (ZB_KEY_STORE (source), result, &error);

  /* Locked or switched meanwhile: the key is not for what is open now. */
  if (zb_window_get_database (self) != op->db || !zb_database_is_open (op->db))
    {
      sheet_op_free (op);
      return;
    }

  if (key == NULL)
    {
      g_autofree char *body = g_strdup_printf (
          /* Translators: %s is the keyring's own message, a full sentence */
          _ ("The key could not be taken from the keyring: %s"), error->message);

      zb_window_print_tell (self, _ ("The Recovery Sheet Cannot Be Made"), body);
      sheet_op_free (op);
      return;
    }

  org_name = zb_database_dup_org_name (op->db);
  now = g_date_time_new_now_local ();
  /* The sheet keeps the digits in memory that is wiped with it; the key
   * itself goes at once. */
  sheet = zb_recovery_sheet_new (org_name, zb_database_get_uuid (op->db), now, key);
  g_clear_pointer (&key, zb_secret_free);

  dialog = zb_print_dialog_new (GTK_WINDOW (self), op->db, "recovery_sheet", sheet);
  /* Reading the preview is using the window: it does not lock meanwhile. */
  _zb_window_watch_input (self, GTK_WINDOW (dialog));
  if (op->next != SHEET_PREVIEW)
    g_signal_connect (dialog, "notify::busy", G_CALLBACK (on_preview_busy_changed),
                      GINT_TO_POINTER (op->next));
  gtk_window_present (GTK_WINDOW (dialog));
  sheet_op_free (op);
}

static void
zb_window_print_recovery_sheet_full (ZbWindow *self, SheetNext next)
{
  ZbDatabase *db = zb_window_get_database (self);
  SheetOp *op;

  if (db == NULL || zb_database_get_protection (db) != ZB_PROTECTION_KEYRING)
    return;

  /* The key is in the keyring, not in the database: it is fetched only now,
   * and lives no longer than the sheet. */
  op = g_new0 (SheetOp, 1);
  op->self = g_object_ref (self);
  op->db = g_object_ref (db);
  op->store = zb_key_store_new ();
  op->next = next;
  zb_key_store_lookup_async (op->store, zb_database_get_uuid (db), NULL, on_sheet_key, op);
}

void
_zb_window_print_recovery_sheet (ZbWindow *self)
{
  g_return_if_fail (ZB_IS_WINDOW (self));

  zb_window_print_recovery_sheet_full (self, SHEET_PREVIEW);
}

void
_zb_window_verify_print (ZbWindow *self)
{
  ZbDatabase *db;
  GtkWindow *dialog;

  g_return_if_fail (ZB_IS_WINDOW (self));

  if ((db = zb_window_get_database (self)) == NULL)
    return;

  dialog = GTK_WINDOW (zb_verify_print_dialog_new (GTK_WINDOW (self), db));
  _zb_window_watch_input (self, dialog);
  gtk_window_present (dialog);
}

static void
on_offer_response (AdwMessageDialog *dialog, const char *response, ZbWindow *self)
{
  if (g_str_equal (response, "print"))
    zb_window_print_recovery_sheet_full (self, SHEET_PRINT);
  else if (g_str_equal (response, "export"))
    zb_window_print_recovery_sheet_full (self, SHEET_EXPORT);
}

void
_zb_window_offer_recovery_sheet (ZbWindow *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (ZB_IS_WINDOW (self));

  /* One calm sentence on why; nothing is printed unless asked. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_WINDOW (self), _ ("Print the Recovery Sheet?"),
      _ ("If this computer's keyring is ever lost, the recovery sheet is the only way to open "
         "the workspace again: print it now and lock it away.")));
  adw_message_dialog_add_responses (dialog, "later", _ ("_Later"), "export", _ ("_Export PDF…"),
                                    "print", _ ("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "print");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data (G_OBJECT (dialog), "zb-recovery-sheet-offer", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After the setup assistant created a workspace (the window has taken it by
 * then: its own handler runs first). */
static void
on_workspace_created (ZbWindow *self, ZbDatabase *db)
{
  if (zb_database_get_protection (db) == ZB_PROTECTION_KEYRING)
    _zb_window_offer_recovery_sheet (self);
}

void
_zb_window_print_init (ZbWindow *self)
{
  g_signal_connect_object (_zb_window_get_setup_assistant (self), "created",
                           G_CALLBACK (on_workspace_created), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* The windows that show what is in the workspace go when it closes (it is
 * locked, or another one opens). */
void
_zb_window_close_document_dialogs (ZbWindow *self)
{
  /* Owned by GTK. */
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr (GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (window) != GTK_WINDOW (self))
        continue;
      if (ZB_IS_PRINT_DIALOG (window) || ZB_IS_VERIFY_PRINT_DIALOG (window)
          || g_object_get_data (G_OBJECT (window), "zb-recovery-sheet-offer") != NULL)
        g_ptr_array_add (doomed, g_object_ref (window));
    }

  for (guint i = 0; i < doomed->len; i++)
    gtk_window_destroy (g_ptr_array_index (doomed, i));
}
