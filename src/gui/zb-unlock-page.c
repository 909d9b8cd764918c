/* zb-unlock-page.c — unlocking a workspace: keyring first, then the passphrase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "zhibu-unlock"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "zb-keyring-unlock.h"
#include "zb-recovery-key-dialog.h"
#include "zb-unlock-page.h"

struct _ZbUnlockPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  GtkWidget *working_page;
  AdwStatusPage *passphrase_page;
  GtkLabel *reason_label;
  GtkPasswordEntry *passphrase_entry;
  GtkLabel *message_label;
  GtkLabel *countdown_label;
  GtkWidget *busy_box;
  GtkWidget *unlock_button;
  GtkWidget *retry_keyring_button;
  GtkWidget *recovery_key_button;
  AdwStatusPage *error_page;
  GtkWidget *error_open_button;

  char *path;
  ZbKeyStore *key_store;
  /* Replaced on every new attempt and on reset, so that a late answer of an
   * abandoned attempt can tell that it is stale. */
  GCancellable *cancellable;

  double delay_scale;
  guint failed_attempts;
  gint64 delay_end; /* monotonic µs; 0 when no delay is running */
  guint countdown_source;

  guint locked : 1;
  guint busy : 1;
};

G_DEFINE_FINAL_TYPE (ZbUnlockPage, zb_unlock_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_PATH,
  PROP_LOCKED,
  PROP_BUSY,
  PROP_FAILED_ATTEMPTS,
  PROP_DELAY_SCALE,
  N_PROPS
};

enum
{
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The first two wrong passphrases cost nothing (typing mistakes happen); from
 * the third one in a row the next try waits 2, 4, 8, 16 and then 30 seconds.
 * This does not protect the file itself — only the encryption does — but it
 * keeps someone at a shared PC from trying passphrases at typing speed. */
guint
zb_unlock_delay_seconds (guint consecutive_failures)
{
  guint step;

  if (consecutive_failures < 3)
    return 0;

  step = consecutive_failures - 3;
  if (step >= 4)
    return 30;

  return 2u << step;
}

/* One attempt at unlocking. It holds only a weak reference to the page, so that
 * a page that goes away meanwhile is not kept alive by it. */
typedef struct
{
  GWeakRef self;
  GCancellable *cancellable;
} UnlockOp;

static void
unlock_op_free (UnlockOp *op)
{
  g_weak_ref_clear (&op->self);
  g_clear_object (&op->cancellable);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnlockOp, unlock_op_free)

static UnlockOp *
unlock_op_new (ZbUnlockPage *self)
{
  UnlockOp *op = g_new0 (UnlockOp, 1);

  g_weak_ref_init (&op->self, self);
  op->cancellable = g_object_ref (self->cancellable);

  return op;
}

/* The page the op belongs to, if it is still there and still waiting for it. */
static ZbUnlockPage *
unlock_op_get_live_self (UnlockOp *op)
{
  ZbUnlockPage *self = g_weak_ref_get (&op->self);

  if (self != NULL
      && (g_cancellable_is_cancelled (op->cancellable) || op->cancellable != self->cancellable))
    g_clear_object (&self);

  return self;
}

static gboolean
delay_is_running (ZbUnlockPage *self)
{
  return self->countdown_source != 0;
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

static void
zb_unlock_page_update (ZbUnlockPage *self)
{
  gboolean can_type = !self->busy && !delay_is_running (self);
  gboolean has_text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry))[0] != '\0';

  if (!can_type)
    release_focus_within (GTK_WIDGET (self->passphrase_entry));
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_entry), can_type);
  gtk_widget_set_sensitive (self->unlock_button, can_type && has_text);
  gtk_widget_set_sensitive (self->retry_keyring_button, !self->busy);
  gtk_widget_set_sensitive (self->recovery_key_button, !self->busy);

  gtk_widget_set_visible (self->busy_box, self->busy);
}

static void
set_busy (ZbUnlockPage *self, gboolean busy)
{
  busy = !!busy;

  if (self->busy == busy)
    return;

  self->busy = busy;
  zb_unlock_page_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_failed_attempts (ZbUnlockPage *self, guint failed_attempts)
{
  if (self->failed_attempts == failed_attempts)
    return;

  self->failed_attempts = failed_attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED_ATTEMPTS]);
}

static void
show_message (ZbUnlockPage *self, const char *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
clear_passphrase (ZbUnlockPage *self)
{
  /* GtkPasswordEntry keeps its text in non-pageable memory and wipes it when
   * the text is replaced. */
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
}

static void
claim_default_widget (ZbUnlockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root)
      && gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->passphrase_page))
    gtk_window_set_default_widget (GTK_WINDOW (root), self->unlock_button);
}

static void
focus_passphrase (ZbUnlockPage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->passphrase_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->passphrase_entry));
}

static void
stop_countdown (ZbUnlockPage *self)
{
  g_clear_handle_id (&self->countdown_source, g_source_remove);
  self->delay_end = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), FALSE);
}

/* Whole (scaled) seconds left, rounded up so that the label never says 0. */
static guint
countdown_remaining (ZbUnlockPage *self)
{
  gint64 left = self->delay_end - g_get_monotonic_time ();

  if (left <= 0)
    return 0;

  return (guint)ceil ((double)left / (G_USEC_PER_SEC * self->delay_scale));
}

static gboolean
on_countdown_tick (gpointer user_data)
{
  ZbUnlockPage *self = user_data;
  guint remaining = countdown_remaining (self);
  g_autofree char *text = NULL;

  if (remaining == 0)
    {
      self->countdown_source = 0;
      stop_countdown (self);
      zb_unlock_page_update (self);
      focus_passphrase (self);
      return G_SOURCE_REMOVE;
    }

  text = g_strdup_printf (ngettext ("Please wait %u second before trying again",
                                    "Please wait %u seconds before trying again", remaining),
                          remaining);
  gtk_label_set_label (self->countdown_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->countdown_label), TRUE);

  return G_SOURCE_CONTINUE;
}

static void
start_countdown (ZbUnlockPage *self, guint seconds)
{
  guint interval_ms = MAX (1, (guint)(1000 * self->delay_scale));

  stop_countdown (self);

  self->delay_end
      = g_get_monotonic_time () + (gint64)(seconds * self->delay_scale * G_USEC_PER_SEC);
  self->countdown_source = g_timeout_add (interval_ms, on_countdown_tick, self);
  on_countdown_tick (self);
  zb_unlock_page_update (self);
}

static void
show_passphrase_page (ZbUnlockPage *self, const char *reason)
{
  gtk_label_set_label (self->reason_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->passphrase_page));
  zb_unlock_page_update (self);
  claim_default_widget (self);
  focus_passphrase (self);
}

static void
show_error_page (ZbUnlockPage *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  stop_countdown (self);
  clear_passphrase (self);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->error_page));
  zb_unlock_page_update (self);
  gtk_widget_grab_focus (self->error_open_button);
}

static const char *
keyring_reason (ZbUnlockPage *self, const GError *error)
{
  if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE))
    return _ ("The system keyring is not answering or is locked; enter the passphrase to unlock.");

  if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_DISMISSED))
    return _ ("Unlocking the keyring was cancelled; enter the passphrase, or try the keyring "
              "again.");

  if (g_error_matches (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND))
    {
      /* On the lock screen the user knows a passphrase is needed: no need to
       * explain the keyring. */
      if (self->locked)
        return _ ("Enter the passphrase to continue.");
      return _ ("The keyring holds no key for this workspace; enter its passphrase.");
    }

  return _ ("The key could not be read from the keyring; enter the passphrase.");
}

static void
emit_unlocked (ZbUnlockPage *self, ZbDatabase *db)
{
  stop_countdown (self);
  set_failed_attempts (self, 0);
  show_message (self, NULL);
  clear_passphrase (self);
  set_busy (self, FALSE);

  g_signal_emit (self, signals[UNLOCKED], 0, db);
}

static void
on_keyring_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (UnlockOp) op = user_data;
  g_autoptr (ZbUnlockPage) self = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  db = zb_open_with_keyring_finish (result, &error);
  self = unlock_op_get_live_self (op);

  if (self == NULL)
    {
      if (db != NULL)
        zb_database_close (db);
      return;
    }

  set_busy (self, FALSE);

  if (db != NULL)
    emit_unlocked (self, db);
  else if (error->domain == ZB_KEY_STORE_ERROR)
    {
      g_debug ("The keyring cannot open %s: %s", self->path, error->message);
      show_passphrase_page (self, keyring_reason (self, error));
    }
  else
    show_error_page (self, error->message);
}

static void
try_keyring (ZbUnlockPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->key_store == NULL)
    self->key_store = zb_key_store_new ();

  show_message (self, NULL);
  gtk_stack_set_visible_child (self->stack, self->working_page);
  set_busy (self, TRUE);

  zb_open_with_keyring_async (self->key_store, self->path, self->cancellable, on_keyring_opened,
                              unlock_op_new (self));
}

static void
on_passphrase_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (UnlockOp) op = user_data;
  g_autoptr (ZbUnlockPage) self = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  guint delay;

  db = zb_database_open_finish (result, &error);
  self = unlock_op_get_live_self (op);

  if (self == NULL)
    {
      if (db != NULL)
        zb_database_close (db);
      return;
    }

  set_busy (self, FALSE);

  if (db != NULL)
    {
      emit_unlocked (self, db);
      return;
    }

  if (!g_error_matches (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY))
    {
      show_error_page (self, error->message);
      return;
    }

  set_failed_attempts (self, self->failed_attempts + 1);
  show_message (self, _ ("The passphrase is not correct. Please try again."));

  delay = zb_unlock_delay_seconds (self->failed_attempts);
  if (delay > 0)
    start_countdown (self, delay);

  zb_unlock_page_update (self);
  focus_passphrase (self);
}

static void
try_passphrase (ZbUnlockPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));
  g_autoptr (ZbSecret) secret = NULL;

  if (self->busy || delay_is_running (self) || text[0] == '\0' || self->path == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The passphrase now lives only in the secret (which the open copies, and
   * which is wiped when this function returns); the field is wiped at once. */
  secret = zb_secret_new_passphrase (text);
  clear_passphrase (self);
  show_message (self, NULL);
  set_busy (self, TRUE);

  zb_database_open_async (self->path, secret, self->cancellable, on_passphrase_opened,
                          unlock_op_new (self));
}

static void
on_passphrase_changed (GtkEditable *editable, ZbUnlockPage *self)
{
  zb_unlock_page_update (self);
}

static void
on_passphrase_activate (GtkPasswordEntry *entry, ZbUnlockPage *self)
{
  try_passphrase (self);
}

static void
on_unlock_clicked (GtkButton *button, ZbUnlockPage *self)
{
  try_passphrase (self);
}

static void
on_retry_keyring_clicked (GtkButton *button, ZbUnlockPage *self)
{
  if (self->path != NULL && !self->busy)
    try_keyring (self);
}

/* The printed recovery key opened the file (and went back into the keyring). */
static void
on_recovery_key_opened (ZbRecoveryKeyDialog *dialog, ZbDatabase *db, ZbUnlockPage *self)
{
  if (!self->busy)
    emit_unlocked (self, db);
}

static void
on_recovery_key_clicked (GtkButton *button, ZbUnlockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ZbRecoveryKeyDialog *dialog;

  if (self->path == NULL || self->busy)
    return;

  if (self->key_store == NULL)
    self->key_store = zb_key_store_new ();
  dialog = zb_recovery_key_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->path,
                                       self->key_store);
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_recovery_key_opened), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zb_unlock_page_map (GtkWidget *widget)
{
  ZbUnlockPage *self = ZB_UNLOCK_PAGE (widget);

  GTK_WIDGET_CLASS (zb_unlock_page_parent_class)->map (widget);

  claim_default_widget (self);
}

static void
zb_unlock_page_unmap (GtkWidget *widget)
{
  ZbUnlockPage *self = ZB_UNLOCK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Enter elsewhere in the window must not reach a hidden 解锁 button. */
  if (GTK_IS_WINDOW (root)
      && gtk_window_get_default_widget (GTK_WINDOW (root)) == self->unlock_button)
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);

  GTK_WIDGET_CLASS (zb_unlock_page_parent_class)->unmap (widget);
}

static void
zb_unlock_page_dispose (GObject *object)
{
  ZbUnlockPage *self = (ZbUnlockPage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->countdown_source, g_source_remove);

  G_OBJECT_CLASS (zb_unlock_page_parent_class)->dispose (object);
}

static void
zb_unlock_page_finalize (GObject *object)
{
  ZbUnlockPage *self = (ZbUnlockPage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->key_store);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (zb_unlock_page_parent_class)->finalize (object);
}

static void
zb_unlock_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  ZbUnlockPage *self = ZB_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_FAILED_ATTEMPTS:
      g_value_set_uint (value, self->failed_attempts);
      break;

    case PROP_DELAY_SCALE:
      g_value_set_double (value, self->delay_scale);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
zb_unlock_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  ZbUnlockPage *self = ZB_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DELAY_SCALE:
      zb_unlock_page_set_delay_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* ZB_UNLOCK_DELAY_SCALE lets tests (and only tests should) shorten the waits. */
static double
default_delay_scale (void)
{
  static double scale = 0;

  if (scale == 0)
    {
      const char *env = g_getenv ("ZB_UNLOCK_DELAY_SCALE");
      double value = env ? g_ascii_strtod (env, NULL) : 1.0;

      scale = (value > 0 && value <= 1.0) ? value : 1.0;
    }

  return scale;
}

static void
zb_unlock_page_class_init (ZbUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_unlock_page_dispose;
  object_class->finalize = zb_unlock_page_finalize;
  object_class->get_property = zb_unlock_page_get_property;
  object_class->set_property = zb_unlock_page_set_property;

  widget_class->map = zb_unlock_page_map;
  widget_class->unmap = zb_unlock_page_unmap;

  properties[PROP_PATH]
      = g_param_spec_string ("path", NULL, NULL, NULL,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOCKED]
      = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY]
      = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Wrong passphrases in a row since the last success. */
  properties[PROP_FAILED_ATTEMPTS]
      = g_param_spec_uint ("failed-attempts", NULL, NULL, 0, G_MAXUINT, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Multiplies every wait after wrong passphrases (1 = real seconds). */
  properties[PROP_DELAY_SCALE]
      = g_param_spec_double ("delay-scale", NULL, NULL, 0.001, 1.0, 1.0,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[UNLOCKED] = g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, ZB_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/zb-unlock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, passphrase_page);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, retry_keyring_button);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, recovery_key_button);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ZbUnlockPage, error_open_button);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_unlock_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_keyring_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_recovery_key_clicked);
}

static void
zb_unlock_page_init (ZbUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->working_page = gtk_stack_get_child_by_name (self->stack, "working");
  self->cancellable = g_cancellable_new ();
  self->delay_scale = default_delay_scale ();

  zb_unlock_page_update (self);
}

ZbUnlockPage *
zb_unlock_page_new (void)
{
  return g_object_new (ZB_TYPE_UNLOCK_PAGE, NULL);
}

void
zb_unlock_page_set_key_store (ZbUnlockPage *self, ZbKeyStore *store)
{
  g_return_if_fail (ZB_IS_UNLOCK_PAGE (self));
  g_return_if_fail (!store || ZB_IS_KEY_STORE (store));

  g_set_object (&self->key_store, store);
}

void
zb_unlock_page_set_delay_scale (ZbUnlockPage *self, double scale)
{
  g_return_if_fail (ZB_IS_UNLOCK_PAGE (self));
  g_return_if_fail (scale > 0 && scale <= 1.0);

  if (self->delay_scale == scale)
    return;

  self->delay_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY_SCALE]);
}

guint
zb_unlock_page_get_failed_attempts (ZbUnlockPage *self)
{
  g_return_val_if_fail (ZB_IS_UNLOCK_PAGE (self), 0);

  return self->failed_attempts;
}

gboolean
zb_unlock_page_get_busy (ZbUnlockPage *self)
{
  g_return_val_if_fail (ZB_IS_UNLOCK_PAGE (self), FALSE);

  return self->busy;
}

void
zb_unlock_page_unlock (ZbUnlockPage *self, const char *path, gboolean locked)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (ZB_IS_UNLOCK_PAGE (self));
  g_return_if_fail (path != NULL);

  zb_unlock_page_reset (self);

  /* The count of wrong passphrases belongs to one file: it survives a lock
   * screen shown again, not a change of workspace. */
  if (g_strcmp0 (self->path, path) != 0)
    {
      stop_countdown (self);
      set_failed_attempts (self, 0);
      g_free (self->path);
      self->path = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
    }

  if (self->locked != !!locked)
    {
      self->locked = !!locked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }

  /* While locked the database is closed, so the organisation's name is not
   * known: the file name is what identifies the workspace. */
  name = g_filename_display_basename (path);
  escaped = g_markup_escape_text (name, -1);
  description = g_strdup_printf (_ ("Workspace file: %s"), escaped);
  adw_status_page_set_title (self->passphrase_page,
                             locked ? _ ("Locked") : _ ("Unlock the Workspace"));
  adw_status_page_set_description (self->passphrase_page, description);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->passphrase_page), path);

  /* A file that no key can open gets its message straight away, and no
   * passphrase field that could only ever fail. */
  if (!zb_database_probe (path, &error))
    {
      show_error_page (self, error->message);
      return;
    }

  /* The lock screen must not open by itself: a keyring workspace would be back
   * at once, with nobody at the computer. The user unlocks it explicitly, with
   * the passphrase or with the keyring button. */
  gtk_button_set_label (GTK_BUTTON (self->retry_keyring_button),
                        locked ? _ ("Unlock with the Keyring") : _ ("Try the Keyring Again"));
  if (locked)
    {
      show_passphrase_page (self, _ ("Enter the passphrase to continue, or unlock with the "
                                     "system keyring if the key is kept there."));
      return;
    }

  try_keyring (self);
}

void
zb_unlock_page_reset (ZbUnlockPage *self)
{
  g_return_if_fail (ZB_IS_UNLOCK_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  clear_passphrase (self);
  show_message (self, NULL);
  set_busy (self, FALSE);
  zb_unlock_page_update (self);
}
