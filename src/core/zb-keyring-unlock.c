/* zb-keyring-unlock.c — open a workspace with a key from the desktop keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-key-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-key-store-private.h"
#include "zb-keyring-unlock.h"

ZbDatabase *
zb_open_with_keyring_sync (ZbKeyStore *store, const char *path, GCancellable *cancellable,
                           GError **error)
{
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  guint n_at_path = 0;
  guint i;

  g_return_val_if_fail (ZB_IS_KEY_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  /* A missing, unreadable or foreign file is the thing to report, not the
   * keyring: and there is no point in unlocking the keyring for it. */
  if (!zb_database_probe (path, error))
    return NULL;

  candidates = _zb_key_store_find_candidates_sync (store, path, &n_at_path, cancellable, error);
  if (candidates == NULL)
    return NULL;

  for (i = 0; i < candidates->len; i++)
    {
      g_autoptr (GError) local = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      db = zb_database_open (path, g_ptr_array_index (candidates, i), &local);
      if (db != NULL)
        break;

      /* A wrong key only means this key belongs to another workspace. Any
       * other failure (a newer file, a damaged one) is the same with every key. */
      if (!g_error_matches (local, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  if (db == NULL)
    {
      g_set_error_literal (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND,
                           _ ("The keyring holds no key that opens this workspace."));
      return NULL;
    }

  if (i >= n_at_path)
    {
      g_autoptr (GError) local = NULL;
      g_autofree char *org_name = zb_database_dup_org_name (db);

      /* The file was moved (or the item lost its path): remember the new place
       * so that next time the right key is tried first. The workspace is open
       * either way, so a failure here is not the user's problem. */
      if (!zb_key_store_store_sync (store, zb_database_get_uuid (db), path, org_name,
                                    g_ptr_array_index (candidates, i), cancellable, &local))
        g_debug ("Could not store the key under the workspace's new path: %s", local->message);
    }

  return g_steal_pointer (&db);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  ZbDatabase *db;

  db = zb_open_with_keyring_sync (source, task_data, cancellable, &error);
  if (db != NULL)
    g_task_return_pointer (task, db, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
zb_open_with_keyring_async (ZbKeyStore *store, const char *path, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ZB_IS_KEY_STORE (store));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_open_with_keyring_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_thread);
}

ZbDatabase *
zb_open_with_keyring_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == zb_open_with_keyring_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
