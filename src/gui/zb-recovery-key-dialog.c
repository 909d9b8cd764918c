/* zb-recovery-key-dialog.c — open a workspace with its printed recovery key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For when the keyring that held the workspace's key is gone (a new
 * computer, a reinstalled system): the 64 hex digits of the recovery sheet
 * open the file, and go back into the keyring so that it opens by itself
 * again next time.
 */
#define G_LOG_DOMAIN "zhibu-unlock"

#include "config.h"

#include <glib/gi18n.h>

#include "zb-recovery-key-dialog.h"
#include "zb-recovery-sheet.h"

#define KEY_DIGITS 64

struct _ZbRecoveryKeyDialog
{
  AdwWindow parent_instance;

  GtkLabel *intro_label;
  GtkEntry *key_entry;
  GtkLabel *count_label;
  GtkLabel *message_label;
  GtkSpinner *spinner;
  GtkWidget *open_button;

  char *path;
  ZbKeyStore *store;
  GCancellable *cancellable;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (ZbRecoveryKeyDialog, zb_recovery_key_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  OPENED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

gboolean
zb_recovery_key_dialog_get_busy (ZbRecoveryKeyDialog *self)
{
  g_return_val_if_fail (ZB_IS_RECOVERY_KEY_DIALOG (self), FALSE);

  return self->busy;
}

/* Hex digits typed, and whether anything else than digits and the spaces
 * and dashes of the printed groups was typed. */
static guint
count_digits (const char *text, gboolean *other)
{
  guint n = 0;

  *other = FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isxdigit (*p))
        n++;
      else if (*p != ' ' && *p != '-' && *p != '\t' && *p != '\n')
        *other = TRUE;
    }
  return n;
}

static void
show_message (ZbRecoveryKeyDialog *self, const char *message)
{
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
zb_recovery_key_dialog_update (ZbRecoveryKeyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_entry));
  g_autofree char *count = NULL;
  gboolean other;
  guint n = count_digits (text, &other);

  if (other)
    count = g_strdup (_ ("Only the digits 0–9 and the letters A–F appear on the sheet."));
  else
    /* Translators: how much of the 64-character key has been typed */
    count = g_strdup_printf (_ ("%u of %u characters"), n, KEY_DIGITS);
  gtk_label_set_label (self->count_label, count);

  /* GTK 4.8 does not tell a focused field that turns insensitive that it
   * lost the focus (it warns, and its cursor keeps blinking): let go first. */
  if (self->busy)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL
          && (focus == GTK_WIDGET (self->key_entry)
              || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->key_entry))))
        gtk_root_set_focus (GTK_ROOT (self), NULL);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_entry), !self->busy);
  gtk_widget_set_sensitive (self->open_button, !self->busy && !other && n == KEY_DIGITS);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

static void
set_busy (ZbRecoveryKeyDialog *self, gboolean busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  zb_recovery_key_dialog_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

typedef struct
{
  ZbRecoveryKeyDialog *self;
  GCancellable *cancellable;
  ZbSecret *key;
  ZbDatabase *db;
} OpenOp;

static void
open_op_free (OpenOp *op)
{
  g_clear_object (&op->self);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->key, zb_secret_free);
  g_clear_object (&op->db);
  g_free (op);
}

static gboolean
open_op_is_stale (OpenOp *op)
{
  return g_cancellable_is_cancelled (op->cancellable);
}

static void
zb_recovery_key_dialog_finish (ZbRecoveryKeyDialog *self, ZbDatabase *db, const GError *store_error)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr (GError) audit_error = NULL;

  /* The file is open: what happened is written down, never the key. */
  if (!zb_recovery_sheet_record_recovery (db, ZB_PROTECTION_KEYRING, &audit_error))
    g_warning ("The recovery could not be written to the audit log: %s", audit_error->message);

  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), "");
  set_busy (self, FALSE);

  if (store_error != NULL)
    {
      AdwMessageDialog *dialog;
      g_autofree char *body = g_strdup_printf (
          /* Translators: %s is the keyring's own message, a full sentence */
          _ ("The workspace is open, but its key could not be put back into the keyring: %s "
             "Keep the recovery sheet: it will be needed again next time."),
          store_error->message);

      dialog = ADW_MESSAGE_DIALOG (
          adw_message_dialog_new (parent, _ ("The Key Is Not in the Keyring"), body));
      adw_message_dialog_add_response (dialog, "close", _ ("Close"));
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_signal_emit (self, signals[OPENED], 0, db);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_key_stored (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OpenOp *op = user_data;
  g_autoptr (GError) error = NULL;

  zb_key_store_store_finish (ZB_KEY_STORE (source), result, &error);
  if (open_op_is_stale (op))
    {
      zb_database_close (op->db);
      open_op_free (op);
      return;
    }

  if (error != NULL)
    g_debug ("The recovered key could not be stored: %s", error->message);
  zb_recovery_key_dialog_finish (op->self, op->db, error);
  open_op_free (op);
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OpenOp *op = user_data;
  ZbRecoveryKeyDialog *self = op->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;

  op->db = zb_database_open_finish (result, &error);
  if (open_op_is_stale (op))
    {
      if (op->db != NULL)
        zb_database_close (op->db);
      open_op_free (op);
      return;
    }

  if (op->db == NULL)
    {
      set_busy (self, FALSE);
      if (g_error_matches (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY))
        show_message (self, _ ("This recovery key does not open the workspace. Check it against "
                               "the sheet, and that the sheet belongs to this workspace."));
      else
        show_message (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->key_entry));
      open_op_free (op);
      return;
    }

  org_name = zb_database_dup_org_name (op->db);
  zb_key_store_store_async (self->store, zb_database_get_uuid (op->db),
                            zb_database_get_path (op->db), org_name, op->key, op->cancellable,
                            on_key_stored, op);
}

static void
zb_recovery_key_dialog_open (ZbRecoveryKeyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->key_entry));
  g_autoptr (GError) error = NULL;
  OpenOp *op;
  ZbSecret *key;

  if (self->busy || !gtk_widget_get_sensitive (self->open_button))
    return;

  key = zb_secret_new_from_hex (text, &error);
  if (key == NULL)
    {
      show_message (self, error->message);
      return;
    }

  show_message (self, NULL);
  set_busy (self, TRUE);

  op = g_new0 (OpenOp, 1);
  op->self = g_object_ref (self);
  op->cancellable = g_object_ref (self->cancellable);
  op->key = key;
  zb_database_open_async (self->path, key, op->cancellable, on_opened, op);
}

static void
on_key_changed (ZbRecoveryKeyDialog *self)
{
  show_message (self, NULL);
  zb_recovery_key_dialog_update (self);
}

static void
on_key_activate (ZbRecoveryKeyDialog *self)
{
  zb_recovery_key_dialog_open (self);
}

static void
on_open_clicked (ZbRecoveryKeyDialog *self)
{
  zb_recovery_key_dialog_open (self);
}

static void
zb_recovery_key_dialog_dispose (GObject *object)
{
  ZbRecoveryKeyDialog *self = ZB_RECOVERY_KEY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ZB_TYPE_RECOVERY_KEY_DIALOG);

  G_OBJECT_CLASS (zb_recovery_key_dialog_parent_class)->dispose (object);
}

static void
zb_recovery_key_dialog_finalize (GObject *object)
{
  ZbRecoveryKeyDialog *self = ZB_RECOVERY_KEY_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (zb_recovery_key_dialog_parent_class)->finalize (object);
}

static void
zb_recovery_key_dialog_get_property (GObject *object, guint prop_id, GValue *value,
                                     GParamSpec *pspec)
{
  ZbRecoveryKeyDialog *self = ZB_RECOVERY_KEY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_recovery_key_dialog_class_init (ZbRecoveryKeyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_recovery_key_dialog_dispose;
  object_class->finalize = zb_recovery_key_dialog_finalize;
  object_class->get_property = zb_recovery_key_dialog_get_property;

  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, ZB_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/zb-recovery-key-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, key_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ZbRecoveryKeyDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_key_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_key_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
zb_recovery_key_dialog_init (ZbRecoveryKeyDialog *self)
{
  g_autoptr (GtkEntryBuffer) buffer = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Shown as typed, so that it can be checked against the paper, but held
   * like a password: in memory that is never swapped out, wiped when
   * replaced. */
  buffer = gtk_password_entry_buffer_new ();
  gtk_entry_set_buffer (self->key_entry, buffer);

  self->cancellable = g_cancellable_new ();
  zb_recovery_key_dialog_update (self);
}

ZbRecoveryKeyDialog *
zb_recovery_key_dialog_new (GtkWindow *parent, const char *path, ZbKeyStore *store)
{
  ZbRecoveryKeyDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (store == NULL || ZB_IS_KEY_STORE (store), NULL);

  self = g_object_new (ZB_TYPE_RECOVERY_KEY_DIALOG, "transient-for", parent, NULL);
  self->path = g_strdup (path);
  self->store = store != NULL ? g_object_ref (store) : zb_key_store_new ();

  name = g_filename_display_basename (path);
  intro = g_strdup_printf (
      /* Translators: %s is the workspace's file name */
      _ ("Type the recovery key of “%s” as it is printed on its recovery sheet: 16 groups of "
         "four characters. Letters may be small or capital, and the spaces may be left out."),
      name);
  gtk_label_set_label (self->intro_label, intro);
  return self;
}
