/* zb-setup-assistant.c — the first-start assistant that creates a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zhibu-setup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zb-paths.h"
#include "zb-setup-assistant.h"

struct _ZbSetupAssistant
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkWidget *organisation_page;
  GtkWidget *protection_page;
  GtkWidget *protection_list;
  GtkEntry *org_entry;
  GtkLabel *org_message;
  GtkEntry *superior_entry;
  GtkCheckButton *keyring_check;
  GtkCheckButton *passphrase_check;
  GtkRevealer *passphrase_revealer;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel *passphrase_message;
  GtkPasswordEntry *confirm_entry;
  GtkLabel *confirm_message;
  GtkLabel *create_message;
  GtkWidget *busy_box;
  GtkWidget *cancel_button;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkWidget *create_button;

  char *path;
  ZbKeyStore *key_store;
  /* Replaced on every reset, so that a late answer of an abandoned attempt can
   * tell that it is stale. */
  GCancellable *cancellable;

  guint can_cancel : 1;
  guint busy : 1;
  /* Fields only complain once the user has typed in them. */
  guint org_touched : 1;
  guint passphrase_touched : 1;
  guint confirm_touched : 1;
};

G_DEFINE_FINAL_TYPE (ZbSetupAssistant, zb_setup_assistant, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_CAN_CANCEL,
  PROP_BUSY,
  N_PROPS
};

enum
{
  CREATED,
  CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One attempt at creating a workspace. It holds only a weak reference to the
 * assistant: if the assistant goes away meanwhile, what was created is taken
 * back instead of being left behind with nobody knowing of it. */
typedef struct
{
  GWeakRef self;
  GCancellable *cancellable;
  ZbKeyStore *key_store;
  char *path;
  char *org_name;
  ZbSecret *key; /* the raw key, kept for the keyring once the file exists */
  ZbProtection protection;
  ZbDatabase *db;
} CreateOp;

static void
create_op_free (CreateOp *op)
{
  g_weak_ref_clear (&op->self);
  g_clear_object (&op->cancellable);
  g_clear_object (&op->key_store);
  g_clear_object (&op->db);
  g_clear_pointer (&op->key, zb_secret_free);
  g_free (op->path);
  g_free (op->org_name);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CreateOp, create_op_free)

static gboolean
is_blank (gunichar c)
{
  /* Names are often pasted from documents indented with full-width spaces. */
  return (c < 0x80 && g_ascii_isspace ((char)c)) || c == 0x3000;
}

/* @text without leading and trailing ASCII and full-width (U+3000) spaces. */
static char *
dup_trimmed (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static gboolean
organisation_is_valid (ZbSetupAssistant *self)
{
  g_autofree char *name = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->org_entry)));

  return name[0] != '\0';
}

/* Returns the sentence saying what is wrong with the passphrase fields, or NULL. */
static char *
passphrase_problem (ZbSetupAssistant *self, gboolean *in_confirm)
{
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  glong chars = g_utf8_strlen (passphrase, -1);

  *in_confirm = FALSE;

  if (chars < ZB_PASSPHRASE_MIN_CHARS)
    return g_strdup_printf (ngettext ("The passphrase needs at least %d character.",
                                      "The passphrase needs at least %d characters.",
                                      ZB_PASSPHRASE_MIN_CHARS),
                            ZB_PASSPHRASE_MIN_CHARS);

  *in_confirm = TRUE;

  if (confirm[0] == '\0')
    return g_strdup (_ ("Enter the passphrase a second time."));

  if (strcmp (passphrase, confirm) != 0)
    return g_strdup (_ ("The two passphrases are not the same."));

  return NULL;
}

static gboolean
use_passphrase (ZbSetupAssistant *self)
{
  return gtk_check_button_get_active (self->passphrase_check);
}

static void
show_field_message (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
set_css_class (GtkWidget *widget, const char *css_class, gboolean on)
{
  if (on)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* GTK 4.8 does not tell a text field that it lost the focus when it turns
 * insensitive (its focus controller no longer gets events), so its cursor
 * keeps blinking and it warns: let go of the focus before that happens. */
static void
release_focus_within (GtkWidget *area)
{
  GtkRoot *root = gtk_widget_get_root (area);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && (focus == area || gtk_widget_is_ancestor (focus, area)))
    gtk_root_set_focus (root, NULL);
}

/* The one place that decides what the fields say and which buttons work. */
static void
zb_setup_assistant_update (ZbSetupAssistant *self)
{
  gboolean on_first = gtk_stack_get_visible_child (self->stack) == self->organisation_page;
  gboolean org_ok = organisation_is_valid (self);
  gboolean protection_ok = TRUE;
  gboolean show_org_error = !org_ok && self->org_touched;

  show_field_message (self->org_message,
                      show_org_error ? _ ("Enter the name of the Party organisation.") : NULL);
  set_css_class (GTK_WIDGET (self->org_entry), "error", show_org_error);

  gtk_revealer_set_reveal_child (self->passphrase_revealer, use_passphrase (self));

  if (use_passphrase (self))
    {
      gboolean in_confirm = FALSE;
      g_autofree char *problem = passphrase_problem (self, &in_confirm);
      gboolean show_first = problem != NULL && !in_confirm && self->passphrase_touched;
      gboolean show_confirm = problem != NULL && in_confirm && self->confirm_touched;
      g_autofree char *hint = g_strdup_printf (
          ngettext ("At least %d character.", "At least %d characters.", ZB_PASSPHRASE_MIN_CHARS),
          ZB_PASSPHRASE_MIN_CHARS);

      protection_ok = problem == NULL;

      /* Below the first field there is always a line: the rule as a hint, or
       * what is wrong with what was typed. */
      gtk_label_set_label (self->passphrase_message, show_first ? problem : hint);
      set_css_class (GTK_WIDGET (self->passphrase_message), "error", show_first);
      set_css_class (GTK_WIDGET (self->passphrase_message), "dim-label", !show_first);
      set_css_class (GTK_WIDGET (self->passphrase_entry), "error", show_first);

      show_field_message (self->confirm_message, show_confirm ? problem : NULL);
      set_css_class (GTK_WIDGET (self->confirm_entry), "error", show_confirm);
    }

  gtk_widget_set_visible (self->cancel_button, self->can_cancel);
  gtk_widget_set_visible (self->back_button, !on_first);
  gtk_widget_set_visible (self->next_button, on_first);
  gtk_widget_set_visible (self->create_button, !on_first);

  /* While working, the choices are frozen; the spinner stays readable. */
  {
    GtkWidget *inputs[] = { self->organisation_page, self->protection_list,
                            GTK_WIDGET (self->passphrase_revealer) };

    for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
      {
        if (self->busy)
          release_focus_within (inputs[i]);
        gtk_widget_set_sensitive (inputs[i], !self->busy);
      }
  }
  gtk_widget_set_sensitive (self->cancel_button, !self->busy);
  gtk_widget_set_sensitive (self->back_button, !self->busy);
  gtk_widget_set_sensitive (self->next_button, !self->busy && org_ok);
  gtk_widget_set_sensitive (self->create_button, !self->busy && org_ok && protection_ok);

  gtk_widget_set_visible (self->busy_box, self->busy);
}

static void
set_busy (ZbSetupAssistant *self, gboolean busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  zb_setup_assistant_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_passphrases (ZbSetupAssistant *self)
{
  /* GtkPasswordEntry keeps its text in non-pageable memory and wipes it when
   * the text is replaced. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  self->passphrase_touched = FALSE;
  self->confirm_touched = FALSE;
}

/* Takes back a workspace that was created but cannot be used (its key could
 * not be kept) or that nobody is waiting for any more. The file is new and
 * empty — zb_database_create refuses to touch an existing one — so nothing the
 * user entered is lost. */
static void
discard_new_workspace (ZbDatabase *db, const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  zb_database_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove the unused workspace file %s: %s", file, g_strerror (errno));
    }
}

static ZbSetupAssistant *
create_op_get_live_self (CreateOp *op)
{
  ZbSetupAssistant *self = g_weak_ref_get (&op->self);

  if (self != NULL
      && (g_cancellable_is_cancelled (op->cancellable) || op->cancellable != self->cancellable))
    g_clear_object (&self);

  return self;
}

static void
create_op_succeed (ZbSetupAssistant *self, CreateOp *op)
{
  g_autoptr (ZbDatabase) db = g_steal_pointer (&op->db);

  g_debug ("Created workspace %s", op->path);

  clear_passphrases (self);
  show_field_message (self->create_message, NULL);
  set_busy (self, FALSE);

  g_signal_emit (self, signals[CREATED], 0, db);
}

static const char *
key_store_failure_message (const GError *error)
{
  if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE))
    return _ ("The system keyring is not available or is locked, so please protect the workspace "
              "with a passphrase instead.");

  if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_DISMISSED))
    return _ ("Unlocking the keyring was cancelled, so please protect the workspace with a "
              "passphrase instead.");

  return _ ("The key could not be kept in the system keyring, so please protect the workspace "
            "with a passphrase instead.");
}

static void
on_key_stored (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CreateOp) op = user_data;
  g_autoptr (ZbSetupAssistant) self = NULL;
  g_autoptr (GError) error = NULL;
  gboolean stored;

  stored = zb_key_store_store_finish (ZB_KEY_STORE (source), result, &error);
  self = create_op_get_live_self (op);

  if (stored && self != NULL)
    {
      create_op_succeed (self, op);
      return;
    }

  /* Nobody is waiting any more: take the key back too (best effort). */
  if (stored)
    zb_key_store_forget_async (op->key_store, zb_database_get_uuid (op->db), NULL, NULL, NULL);

  /* Without its key in the keyring the new file could never be opened again. */
  discard_new_workspace (op->db, op->path);

  if (stored || self == NULL)
    return;

  g_debug ("Could not store the key of the new workspace: %s", error->message);

  gtk_check_button_set_active (self->passphrase_check, TRUE);
  show_field_message (self->create_message, key_store_failure_message (error));
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
on_database_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CreateOp) op = user_data;
  g_autoptr (ZbSetupAssistant) self = NULL;
  g_autoptr (GError) error = NULL;

  op->db = zb_database_create_finish (result, &error);
  self = create_op_get_live_self (op);

  if (self == NULL)
    {
      if (op->db != NULL)
        discard_new_workspace (op->db, op->path);
      return;
    }

  if (op->db == NULL)
    {
      /* The core's messages are sentences meant for the user (the file exists,
       * the folder cannot be written, …). */
      show_field_message (self->create_message, error->message);
      set_busy (self, FALSE);
      return;
    }

  if (op->protection == ZB_PROTECTION_PASSPHRASE)
    {
      create_op_succeed (self, op);
      return;
    }

  {
    /* The op travels on: it is freed by on_key_stored. */
    CreateOp *next = g_steal_pointer (&op);

    zb_key_store_store_async (next->key_store, zb_database_get_uuid (next->db), next->path,
                              next->org_name, next->key, next->cancellable, on_key_stored, next);
  }
}

static void
zb_setup_assistant_create (ZbSetupAssistant *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) passphrase = NULL;
  g_autofree char *superior = NULL;
  CreateOp *op;
  ZbWorkspaceSetup setup = { 0 };

  if (self->busy || !gtk_widget_get_sensitive (self->create_button))
    return;

  op = g_new0 (CreateOp, 1);
  g_weak_ref_init (&op->self, self);
  op->cancellable = g_object_ref (self->cancellable);
  op->path = self->path ? g_strdup (self->path) : zb_default_workspace_path ();
  op->org_name = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->org_entry)));
  superior = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->superior_entry)));

  if (use_passphrase (self))
    {
      /* The fields are wiped once the workspace exists: until then the user
       * may still need them (say, to try again after a full disk). */
      op->protection = ZB_PROTECTION_PASSPHRASE;
      passphrase = zb_secret_new_passphrase (
          gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry)));
    }
  else
    {
      op->protection = ZB_PROTECTION_KEYRING;
      op->key = zb_secret_new_random_key (&error);

      if (op->key == NULL)
        {
          show_field_message (self->create_message, error->message);
          create_op_free (op);
          return;
        }

      if (self->key_store == NULL)
        self->key_store = zb_key_store_new ();
      op->key_store = g_object_ref (self->key_store);
    }

  setup.org_name = op->org_name;
  setup.superior_name = superior;
  setup.protection = op->protection;

  show_field_message (self->create_message, NULL);
  set_busy (self, TRUE);

  /* zb_database_create_async copies the secret and the setup. */
  zb_database_create_async (op->path, passphrase != NULL ? passphrase : op->key, &setup,
                            op->cancellable, on_database_created, op);
}

static void
on_page_changed (GtkStack *stack, GParamSpec *pspec, ZbSetupAssistant *self)
{
  zb_setup_assistant_update (self);
}

static void
on_org_changed (GtkEditable *editable, ZbSetupAssistant *self)
{
  self->org_touched = TRUE;
  zb_setup_assistant_update (self);
}

static void
on_passphrase_changed (GtkEditable *editable, ZbSetupAssistant *self)
{
  /* An empty field was just cleared by us, not typed in. */
  if (gtk_editable_get_text (editable)[0] != '\0')
    {
      if (editable == GTK_EDITABLE (self->passphrase_entry))
        self->passphrase_touched = TRUE;
      else
        self->confirm_touched = TRUE;
    }

  zb_setup_assistant_update (self);
}

/* Both buttons of the group report: the one turned off first, then the one
 * turned on. */
static void
on_protection_toggled (GtkCheckButton *button, ZbSetupAssistant *self)
{
  show_field_message (self->create_message, NULL);
  zb_setup_assistant_update (self);
}

static void
on_next_clicked (GtkButton *button, ZbSetupAssistant *self)
{
  if (!organisation_is_valid (self))
    return;

  gtk_stack_set_visible_child (self->stack, self->protection_page);

  if (use_passphrase (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->keyring_check));
}

static void
on_org_activate (GtkEntry *entry, ZbSetupAssistant *self)
{
  if (gtk_widget_get_sensitive (self->next_button))
    on_next_clicked (NULL, self);
}

static void
on_back_clicked (GtkButton *button, ZbSetupAssistant *self)
{
  gtk_stack_set_visible_child (self->stack, self->organisation_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->org_entry));
}

static void
on_cancel_clicked (GtkButton *button, ZbSetupAssistant *self)
{
  if (self->can_cancel)
    g_signal_emit (self, signals[CANCELLED], 0);
}

static void
on_create_clicked (GtkButton *button, ZbSetupAssistant *self)
{
  zb_setup_assistant_create (self);
}

static void
on_passphrase_activate (GtkPasswordEntry *entry, ZbSetupAssistant *self)
{
  if (entry == self->passphrase_entry)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_entry));
  else
    zb_setup_assistant_create (self);
}

static void
zb_setup_assistant_dispose (GObject *object)
{
  ZbSetupAssistant *self = (ZbSetupAssistant *)object;

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (zb_setup_assistant_parent_class)->dispose (object);
}

static void
zb_setup_assistant_finalize (GObject *object)
{
  ZbSetupAssistant *self = (ZbSetupAssistant *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->key_store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (zb_setup_assistant_parent_class)->finalize (object);
}

static void
zb_setup_assistant_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbSetupAssistant *self = ZB_SETUP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_CAN_CANCEL:
      g_value_set_boolean (value, self->can_cancel);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_setup_assistant_set_property (GObject *object, guint prop_id, const GValue *value,
                                 GParamSpec *pspec)
{
  ZbSetupAssistant *self = ZB_SETUP_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      zb_setup_assistant_set_path (self, g_value_get_string (value));
      break;

    case PROP_CAN_CANCEL:
      zb_setup_assistant_set_can_cancel (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_setup_assistant_class_init (ZbSetupAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_setup_assistant_dispose;
  object_class->finalize = zb_setup_assistant_finalize;
  object_class->get_property = zb_setup_assistant_get_property;
  object_class->set_property = zb_setup_assistant_set_property;

  properties[PROP_PATH]
      = g_param_spec_string ("path", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_CANCEL]
      = g_param_spec_boolean ("can-cancel", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* TRUE while the workspace is being created (and its key stored). */
  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1, ZB_TYPE_DATABASE);

  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/zb-setup-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, organisation_page);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, protection_page);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, protection_list);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, org_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, org_message);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, superior_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, keyring_check);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, passphrase_check);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, passphrase_revealer);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, passphrase_message);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, confirm_message);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, create_message);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, ZbSetupAssistant, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_org_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_org_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_protection_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
}

static void
zb_setup_assistant_init (ZbSetupAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  zb_setup_assistant_update (self);
}

ZbSetupAssistant *
zb_setup_assistant_new (void)
{
  return g_object_new (ZB_TYPE_SETUP_ASSISTANT, NULL);
}

void
zb_setup_assistant_set_path (ZbSetupAssistant *self, const char *path)
{
  g_return_if_fail (ZB_IS_SETUP_ASSISTANT (self));

  if (g_strcmp0 (self->path, path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

const char *
zb_setup_assistant_get_path (ZbSetupAssistant *self)
{
  g_return_val_if_fail (ZB_IS_SETUP_ASSISTANT (self), NULL);

  return self->path;
}

void
zb_setup_assistant_set_can_cancel (ZbSetupAssistant *self, gboolean can_cancel)
{
  g_return_if_fail (ZB_IS_SETUP_ASSISTANT (self));

  can_cancel = !!can_cancel;

  if (self->can_cancel == can_cancel)
    return;

  self->can_cancel = can_cancel;
  zb_setup_assistant_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CANCEL]);
}

gboolean
zb_setup_assistant_get_can_cancel (ZbSetupAssistant *self)
{
  g_return_val_if_fail (ZB_IS_SETUP_ASSISTANT (self), FALSE);

  return self->can_cancel;
}

gboolean
zb_setup_assistant_get_busy (ZbSetupAssistant *self)
{
  g_return_val_if_fail (ZB_IS_SETUP_ASSISTANT (self), FALSE);

  return self->busy;
}

void
zb_setup_assistant_set_key_store (ZbSetupAssistant *self, ZbKeyStore *store)
{
  g_return_if_fail (ZB_IS_SETUP_ASSISTANT (self));
  g_return_if_fail (!store || ZB_IS_KEY_STORE (store));

  g_set_object (&self->key_store, store);
}

void
zb_setup_assistant_reset (ZbSetupAssistant *self)
{
  g_return_if_fail (ZB_IS_SETUP_ASSISTANT (self));

  /* An attempt still in flight sees the new cancellable and takes back what it
   * creates. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_editable_set_text (GTK_EDITABLE (self->org_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->superior_entry), "");
  clear_passphrases (self);
  gtk_check_button_set_active (self->keyring_check, TRUE);
  self->org_touched = FALSE;
  show_field_message (self->create_message, NULL);
  gtk_stack_set_visible_child (self->stack, self->organisation_page);

  set_busy (self, FALSE);
  zb_setup_assistant_update (self);
}
