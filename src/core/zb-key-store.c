/* zb-key-store.c — workspace keys in the desktop keyring (Secret Service / portal)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-key-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "zb-key-store.h"
#include "zb-key-store-private.h"

struct _ZbKeyStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (ZbKeyStore, zb_key_store, G_TYPE_OBJECT)

/* libsecret keeps one backend per process (the Secret Service proxy, or the file
 * backend inside Flatpak and in tests) and the file backend is not safe against
 * two threads changing its collection at once. Every keyring operation of every
 * ZbKeyStore therefore runs under this lock; the async variants take it in their
 * worker thread, never in the main loop. */
static GMutex keyring_lock;

/* Items are stored under this schema, so they carry xdg:schema = our name. */
static const SecretSchema *
zb_key_store_get_schema (void)
{
  static const SecretSchema schema = {
    BASE_APPLICATION_ID,
    SECRET_SCHEMA_NONE,
    {
        { "uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "path", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

/* The same schema for finding items by uuid or path. gnome-keyring cannot
 * match the schema name of an item in a locked keyring (it knows only hashes
 * of the attributes there), so a search that includes it finds nothing, and
 * libsecret never offers to unlock. A random uuid is specific enough alone. */
static const SecretSchema *
zb_key_store_get_match_schema (void)
{
  static const SecretSchema schema = {
    BASE_APPLICATION_ID,
    SECRET_SCHEMA_DONT_MATCH_NAME,
    {
        { "uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { "path", SECRET_SCHEMA_ATTRIBUTE_STRING },
        { NULL, 0 },
    },
  };

  return &schema;
}

static void
zb_key_store_class_init (ZbKeyStoreClass *klass)
{
}

static void
zb_key_store_init (ZbKeyStore *self)
{
}

ZbKeyStore *
zb_key_store_new (void)
{
  return g_object_new (ZB_TYPE_KEY_STORE, NULL);
}

/* Error mapping */

static gboolean
is_no_service_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }
  return FALSE;
}

static gboolean
is_locked_error (const GError *error)
{
  /* gnome-keyring that was started but never unlocked has no "login"
   * collection yet: the default alias points at an object that does not exist,
   * and GDBus answers UnknownMethod (UnknownObject on newer GLib). */
  return g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED)
         || g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT)
         || g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE);
}

static void
set_locked_error (GError **error)
{
  g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE,
                       _ ("The keyring is locked."));
}

/* Turns a libsecret or D-Bus error into a ZB_KEY_STORE_ERROR with a sentence
 * meant for the user. The original text goes to the debug log only: it never
 * holds key material, but it is English and technical. A cancellation the
 * caller asked for stays G_IO_ERROR_CANCELLED, so that it can be ignored. */
static void
propagate_secret_error (GError **error, GError *local, GCancellable *cancellable)
{
  g_debug ("Keyring error: %s (%s, %d)", local->message, g_quark_to_string (local->domain),
           local->code);

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_propagate_error (error, local);
      else
        {
          /* Nobody cancelled us: a prompt (the keyring's or the Secret
           * portal's) was dismissed by the user. */
          g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_DISMISSED,
                               _ ("The keyring was not unlocked."));
          g_error_free (local);
        }
      return;
    }

  if (is_locked_error (local))
    set_locked_error (error);
  else if (is_no_service_error (local))
    g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE,
                         _ ("No keyring is available on this computer."));
  else
    g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE,
                         _ ("The keyring cannot be used right now."));
  g_error_free (local);
}

static GHashTable *
new_attributes (const char *uuid, const char *path)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  if (uuid != NULL)
    g_hash_table_insert (attributes, (gpointer) "uuid", g_strdup (uuid));
  if (path != NULL)
    g_hash_table_insert (attributes, (gpointer) "path", g_strdup (path));
  return attributes;
}

/* Items with these attributes, without their secrets. */
static GList *
search_items (GHashTable *attributes, SecretSearchFlags flags, GCancellable *cancellable,
              GError **error)
{
  return secret_password_searchv_sync (zb_key_store_get_match_schema (), attributes,
                                       SECRET_SEARCH_ALL | flags, cancellable, error);
}

static gboolean
is_locked_item (gpointer retrievable)
{
  /* Only Secret Service items can be locked; the file backend's never are. */
  return SECRET_IS_ITEM (retrievable) && secret_item_get_locked (SECRET_ITEM (retrievable));
}

/* After an operation found nothing: were there items it could not see because
 * their keyring stayed locked? Errors here are not interesting: the caller
 * already has its answer. */
static gboolean
has_locked_items (GHashTable *attributes, GCancellable *cancellable)
{
  g_autoptr (GError) local = NULL;
  GList *items;
  gboolean locked = FALSE;

  items = search_items (attributes, SECRET_SEARCH_NONE, cancellable, &local);
  for (GList *l = items; l != NULL; l = l->next)
    locked |= is_locked_item (l->data);
  g_list_free_full (items, g_object_unref);
  return locked;
}

static gboolean
item_is_ours (GHashTable *item_attributes)
{
  const char *schema = g_hash_table_lookup (item_attributes, "xdg:schema");

  /* The file backend does not record the schema name; the Secret Service
   * does, and matched it already. */
  if (schema != NULL && g_strcmp0 (schema, BASE_APPLICATION_ID) != 0)
    return FALSE;
  return g_hash_table_lookup (item_attributes, "uuid") != NULL;
}

/* Store */

static gboolean
store_locked (const char *uuid, const char *path, const char *org_name, const ZbSecret *key,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = new_attributes (uuid, path);
  g_autoptr (GHashTable) uuid_only = new_attributes (uuid, NULL);
  g_autoptr (GError) local = NULL;
  g_autofree char *label = NULL;
  char *hex;
  gboolean ok;
  GList *items;

  if (org_name != NULL && *org_name != '\0')
    /* Translators: the label of the keyring item, seen in Passwords and Keys;
       %s is the name of the Party organisation */
    label = g_strdup_printf (_ ("Zhibu workspace key: %s"), org_name);
  else
    label = g_strdup (_ ("Zhibu workspace key"));

  hex = zb_secret_dup_hex (key);
  ok = secret_password_storev_sync (zb_key_store_get_schema (), attributes,
                                    SECRET_COLLECTION_DEFAULT, label, hex, cancellable, &local);
  zb_secret_wipe_string (hex);

  if (!ok)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return FALSE;
    }

  /* Storing replaces an item with the same uuid *and* path. An item left from
   * where the file used to be is removed now that the key is safely stored
   * under the new path, so that each workspace has one item. Failing here
   * costs nothing but a spare item. */
  items = search_items (uuid_only, SECRET_SEARCH_NONE, cancellable, NULL);
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr (GHashTable) item_attributes = secret_retrievable_get_attributes (l->data);
      const char *item_path = g_hash_table_lookup (item_attributes, "path");
      g_autoptr (GHashTable) stale = NULL;

      if (!item_is_ours (item_attributes) || g_strcmp0 (item_path, path) == 0)
        continue;
      stale = new_attributes (uuid, item_path);
      if (!secret_password_clearv_sync (zb_key_store_get_match_schema (), stale, cancellable,
                                        &local))
        {
          if (local != NULL)
            g_debug ("Could not remove an old keyring item: %s", local->message);
          g_clear_error (&local);
        }
    }
  g_list_free_full (items, g_object_unref);

  return TRUE;
}

gboolean
zb_key_store_store_sync (ZbKeyStore *self, const char *uuid, const char *path, const char *org_name,
                         const ZbSecret *key, GCancellable *cancellable, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (ZB_IS_KEY_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL && path != NULL, FALSE);
  g_return_val_if_fail (key != NULL && zb_secret_get_kind (key) == ZB_SECRET_RAW_KEY, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  g_mutex_lock (&keyring_lock);
  ok = store_locked (uuid, path, org_name, key, cancellable, error);
  g_mutex_unlock (&keyring_lock);
  return ok;
}

/* Lookup */

static ZbSecret *
lookup_locked (const char *uuid, GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = new_attributes (uuid, NULL);
  g_autoptr (GError) local = NULL;
  ZbSecret *secret;
  char *hex;

  hex = secret_password_lookupv_nonpageable_sync (zb_key_store_get_match_schema (), attributes,
                                                  cancellable, &local);
  if (local != NULL)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return NULL;
    }

  if (hex == NULL)
    {
      /* libsecret answers "nothing" both when nothing is stored and when the
       * keyring holding the item stayed locked (prompt dismissed, or no
       * prompt could be shown). Only the second is worth telling apart. */
      if (has_locked_items (attributes, cancellable))
        set_locked_error (error);
      else
        g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND,
                             _ ("The keyring holds no key for this workspace."));
      return NULL;
    }

  secret = zb_secret_new_from_hex (hex, NULL);
  secret_password_free (hex);
  if (secret == NULL)
    g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_FAILED,
                         _ ("The key kept in the keyring for this workspace is damaged."));
  return secret;
}

ZbSecret *
zb_key_store_lookup_sync (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                          GError **error)
{
  ZbSecret *secret;

  g_return_val_if_fail (ZB_IS_KEY_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  g_mutex_lock (&keyring_lock);
  secret = lookup_locked (uuid, cancellable, error);
  g_mutex_unlock (&keyring_lock);
  return secret;
}

/* Find candidates */

static ZbSecret *
secret_from_retrievable (SecretRetrievable *retrievable, GCancellable *cancellable, GError **error)
{
  SecretValue *value;
  ZbSecret *secret;
  char *hex;

  value = secret_retrievable_retrieve_secret_sync (retrievable, cancellable, error);
  if (value == NULL)
    return NULL;

  /* Hands over (or copies into) libsecret's unswappable memory. */
  hex = secret_value_unref_to_password (value, NULL);
  if (hex == NULL)
    return NULL;
  secret = zb_secret_new_from_hex (hex, NULL);
  secret_password_free (hex);
  return secret;
}

static void
add_candidate (GPtrArray *candidates, ZbSecret *secret)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      if (zb_secret_equal (g_ptr_array_index (candidates, i), secret))
        {
          zb_secret_free (secret);
          return;
        }
    }
  g_ptr_array_add (candidates, secret);
}

/* Whether libsecret talks to a Secret Service (rather than to its file
 * backend, which it uses in tests, and inside Flatpak and Snap through the
 * Secret portal). The same choice libsecret makes. */
static gboolean
uses_secret_service (void)
{
  const char *backend = g_getenv ("SECRET_BACKEND");

  if (backend != NULL && *backend != '\0')
    return g_str_equal (backend, "service");
  return !g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) && g_getenv ("SNAP_NAME") == NULL;
}

typedef enum
{
  KEYRING_NOT_LOCKED,
  KEYRING_UNLOCKED,
  KEYRING_STAYS_LOCKED,
} UnlockResult;

/* A search for every item of our schema cannot see into a locked keyring (see
 * zb_key_store_get_match_schema), so it never offers to unlock it: when it
 * found nothing, unlock the default keyring, where keys are stored, and look
 * again. KEYRING_STAYS_LOCKED comes with @error set to say why. */
static UnlockResult
unlock_default_keyring (GCancellable *cancellable, GError **error)
{
  g_autoptr (SecretService) service = NULL;
  g_autoptr (SecretCollection) collection = NULL;
  g_autoptr (GError) local = NULL;
  GList *objects;
  GList *unlocked = NULL;
  int n_unlocked;

  if (!uses_secret_service ())
    return KEYRING_NOT_LOCKED;

  /* The search just talked to the service, so this is libsecret's instance. */
  service = secret_service_get_sync (SECRET_SERVICE_NONE, cancellable, &local);
  if (service != NULL)
    collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                   SECRET_COLLECTION_NONE, cancellable, &local);
  if (local != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return KEYRING_STAYS_LOCKED;
        }
      /* No default keyring at all (never set up): nothing to unlock. */
      g_debug ("No default keyring to unlock: %s", local->message);
      return KEYRING_NOT_LOCKED;
    }
  if (collection == NULL || !secret_collection_get_locked (collection))
    return KEYRING_NOT_LOCKED;

  objects = g_list_prepend (NULL, collection);
  n_unlocked = secret_service_unlock_sync (service, objects, cancellable, &unlocked, &local);
  g_list_free (objects);
  g_list_free_full (unlocked, g_object_unref);
  if (local != NULL)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return KEYRING_STAYS_LOCKED;
    }
  /* Nothing unlocked and no error: the prompt was dismissed, or none could
   * be shown. */
  if (n_unlocked <= 0)
    {
      set_locked_error (error);
      return KEYRING_STAYS_LOCKED;
    }
  return KEYRING_UNLOCKED;
}

/* Every readable key of our schema, into @at_path (stored under @path) and
 * @others; @n_locked counts items that stayed locked. */
static gboolean
search_candidates (const char *path, GPtrArray *at_path, GPtrArray *others, guint *n_locked,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = new_attributes (NULL, NULL);
  g_autoptr (GError) local = NULL;
  GList *items;

  /* One search for every item of the schema, unlocking what it can; sorted
   * by the caller. */
  items = secret_password_searchv_sync (
      zb_key_store_get_schema (), attributes,
      SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS, cancellable, &local);
  if (local != NULL)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return FALSE;
    }

  *n_locked = 0;
  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr (GHashTable) item_attributes = NULL;
      ZbSecret *secret;

      if (is_locked_item (l->data))
        {
          (*n_locked)++;
          continue;
        }

      item_attributes = secret_retrievable_get_attributes (l->data);
      if (!item_is_ours (item_attributes))
        continue;

      secret = secret_from_retrievable (l->data, cancellable, &local);
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && g_cancellable_is_cancelled (cancellable))
        {
          g_list_free_full (items, g_object_unref);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (secret == NULL)
        {
          /* Someone else's item under our schema, or a damaged one: another
           * key may still open the file. */
          g_debug ("Skipping an unreadable keyring item");
          g_clear_error (&local);
          continue;
        }

      if (g_strcmp0 (g_hash_table_lookup (item_attributes, "path"), path) == 0)
        add_candidate (at_path, secret);
      else
        add_candidate (others, secret);
    }
  g_list_free_full (items, g_object_unref);
  return TRUE;
}

static GPtrArray *
find_candidates_locked (const char *path, guint *n_at_path, GCancellable *cancellable,
                        GError **error)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GPtrArray) others = NULL;
  guint n_locked = 0;

  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_secret_free);
  others = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_secret_free);
  if (!search_candidates (path, candidates, others, &n_locked, cancellable, error))
    return NULL;

  if (candidates->len == 0 && others->len == 0 && n_locked == 0)
    {
      switch (unlock_default_keyring (cancellable, error))
        {
        case KEYRING_STAYS_LOCKED:
          return NULL;
        case KEYRING_UNLOCKED:
          if (!search_candidates (path, candidates, others, &n_locked, cancellable, error))
            return NULL;
          break;
        case KEYRING_NOT_LOCKED:
        default:
          break;
        }
    }

  if (candidates->len == 0 && others->len == 0)
    {
      if (n_locked > 0)
        set_locked_error (error);
      else
        g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND,
                             _ ("The keyring holds no workspace keys."));
      return NULL;
    }

  if (n_at_path != NULL)
    *n_at_path = candidates->len;
  while (others->len > 0)
    add_candidate (candidates, g_ptr_array_steal_index (others, 0));
  return g_steal_pointer (&candidates);
}

GPtrArray *
_zb_key_store_find_candidates_sync (ZbKeyStore *self, const char *path, guint *n_at_path,
                                    GCancellable *cancellable, GError **error)
{
  GPtrArray *candidates;

  g_return_val_if_fail (ZB_IS_KEY_STORE (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (n_at_path != NULL)
    *n_at_path = 0;

  g_mutex_lock (&keyring_lock);
  candidates = find_candidates_locked (path, n_at_path, cancellable, error);
  g_mutex_unlock (&keyring_lock);
  return candidates;
}

GPtrArray *
zb_key_store_find_candidates_sync (ZbKeyStore *self, const char *path, GCancellable *cancellable,
                                   GError **error)
{
  return _zb_key_store_find_candidates_sync (self, path, NULL, cancellable, error);
}

/* Forget */

static gboolean
forget_locked (const char *uuid, GCancellable *cancellable, GError **error)
{
  g_autoptr (GHashTable) attributes = new_attributes (uuid, NULL);
  g_autoptr (GError) local = NULL;
  gboolean locked = FALSE;
  GList *items;

  /* libsecret removes only unlocked items and says nothing of the others, so
   * unlock first (the user may be asked), and refuse to report a key as
   * forgotten while it is still there behind a locked keyring. */
  items = search_items (attributes, SECRET_SEARCH_UNLOCK, cancellable, &local);
  for (GList *l = items; l != NULL; l = l->next)
    locked |= is_locked_item (l->data);
  g_list_free_full (items, g_object_unref);
  if (local != NULL)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return FALSE;
    }
  if (locked)
    {
      set_locked_error (error);
      return FALSE;
    }

  secret_password_clearv_sync (zb_key_store_get_match_schema (), attributes, cancellable, &local);
  if (local != NULL)
    {
      propagate_secret_error (error, g_steal_pointer (&local), cancellable);
      return FALSE;
    }
  return TRUE;
}

gboolean
zb_key_store_forget_sync (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                          GError **error)
{
  gboolean ok;

  g_return_val_if_fail (ZB_IS_KEY_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  g_mutex_lock (&keyring_lock);
  ok = forget_locked (uuid, cancellable, error);
  g_mutex_unlock (&keyring_lock);
  return ok;
}

/* Async variants: the sync code in a worker thread, so that a slow Secret
 * Service or an unlock prompt never holds up the main loop. */

typedef struct
{
  char *uuid;
  char *path;
  char *org_name;
  ZbSecret *key;
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *td = data;

  g_free (td->uuid);
  g_free (td->path);
  g_free (td->org_name);
  g_clear_pointer (&td->key, zb_secret_free);
  g_free (td);
}

static GTask *
new_task (ZbKeyStore *self, gpointer source_tag, const char *uuid, const char *path,
          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  TaskData *td = g_new0 (TaskData, 1);

  g_task_set_source_tag (task, source_tag);
  td->uuid = g_strdup (uuid);
  td->path = g_strdup (path);
  g_task_set_task_data (task, td, task_data_free);
  return task;
}

static void
store_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;

  if (zb_key_store_store_sync (source, td->uuid, td->path, td->org_name, td->key, cancellable,
                               &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
zb_key_store_store_async (ZbKeyStore *self, const char *uuid, const char *path,
                          const char *org_name, const ZbSecret *key, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  TaskData *td;

  g_return_if_fail (ZB_IS_KEY_STORE (self));
  g_return_if_fail (uuid != NULL && path != NULL);
  g_return_if_fail (key != NULL && zb_secret_get_kind (key) == ZB_SECRET_RAW_KEY);

  task = new_task (self, zb_key_store_store_async, uuid, path, cancellable, callback, user_data);
  td = g_task_get_task_data (task);
  td->org_name = g_strdup (org_name);
  td->key = zb_secret_copy (key);
  g_task_run_in_thread (task, store_thread);
}

gboolean
zb_key_store_store_finish (ZbKeyStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zb_key_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
lookup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  ZbSecret *secret;

  secret = zb_key_store_lookup_sync (source, td->uuid, cancellable, &error);
  if (secret != NULL)
    g_task_return_pointer (task, secret, (GDestroyNotify)zb_secret_free);
  else
    g_task_return_error (task, error);
}

void
zb_key_store_lookup_async (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ZB_IS_KEY_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = new_task (self, zb_key_store_lookup_async, uuid, NULL, cancellable, callback, user_data);
  g_task_run_in_thread (task, lookup_thread);
}

ZbSecret *
zb_key_store_lookup_finish (ZbKeyStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zb_key_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
find_candidates_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;
  GPtrArray *candidates;

  candidates = zb_key_store_find_candidates_sync (source, td->path, cancellable, &error);
  if (candidates != NULL)
    g_task_return_pointer (task, candidates, (GDestroyNotify)g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

void
zb_key_store_find_candidates_async (ZbKeyStore *self, const char *path, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ZB_IS_KEY_STORE (self));
  g_return_if_fail (path != NULL);

  task = new_task (self, zb_key_store_find_candidates_async, NULL, path, cancellable, callback,
                   user_data);
  g_task_run_in_thread (task, find_candidates_thread);
}

GPtrArray *
zb_key_store_find_candidates_finish (ZbKeyStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (
      g_task_get_source_tag (G_TASK (result)) == zb_key_store_find_candidates_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
forget_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *td = task_data;
  GError *error = NULL;

  if (zb_key_store_forget_sync (source, td->uuid, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
zb_key_store_forget_async (ZbKeyStore *self, const char *uuid, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ZB_IS_KEY_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = new_task (self, zb_key_store_forget_async, uuid, NULL, cancellable, callback, user_data);
  g_task_run_in_thread (task, forget_thread);
}

gboolean
zb_key_store_forget_finish (ZbKeyStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zb_key_store_forget_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
