/* test-keyring.c — ZbKeyStore against real D-Bus sessions
 *
 * Run by keyring-session, which sets ZB_KEYRING_SCENARIO and builds the world
 * the scenario describes:
 *   no-service     a session bus on which no Secret Service exists
 *   no-bus         no session bus at all
 *   uninitialized  gnome-keyring running but never unlocked (no login keyring)
 *   prepare-locked gnome-keyring unlocked: store a key for the "locked" run
 *   locked         the same keyring, now locked, and no prompter to unlock it
 *   unlocked       gnome-keyring unlocked with a password, as after logging in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "zb-key-store.h"
#include "zb-keyring-unlock.h"

static const char *scenario;

/* The schema ZbKeyStore uses, to look at its items directly. */
static const SecretSchema test_schema = {
  BASE_APPLICATION_ID,
  SECRET_SCHEMA_NONE,
  {
      { "uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "path", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

/* The workspace of the locked scenario, created by prepare-locked. */
static char *
locked_workspace_path (void)
{
  return g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "locked-workspace.db", NULL);
}

static char *
test_path (const char *name)
{
  static guint counter;
  g_autofree char *base = g_strdup_printf ("%s-%u-%s", scenario, ++counter, name);

  return g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), base, NULL);
}

static ZbSecret *
new_key (void)
{
  g_autoptr (GError) error = NULL;
  ZbSecret *key = zb_secret_new_random_key (&error);

  g_assert_no_error (error);
  return key;
}

/* Creates a keyring-protected workspace at @path, closes it, returns its uuid. */
static char *
create_workspace (const char *path, const ZbSecret *key)
{
  ZbWorkspaceSetup setup = {
    .org_name = "中共测试支部委员会",
    .superior_name = "中共测试党委",
    .protection = ZB_PROTECTION_KEYRING,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_create (path, key, &setup, &error);
  char *uuid;

  g_assert_no_error (error);
  uuid = g_strdup (zb_database_get_uuid (db));
  zb_database_close (db);
  return uuid;
}

/* Every ZbKeyStore operation fails with @code, promptly and without a crash;
 * opening a workspace reports the same, and a missing file still reports the
 * file's problem. */
static void
assert_every_operation_fails (gconstpointer data)
{
  int code = GPOINTER_TO_INT (data);
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = test_path ("ws.db");
  g_autofree char *missing = test_path ("missing.db");
  g_autofree char *ws_uuid = create_workspace (path, key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  g_assert_false (
      zb_key_store_store_sync (store, ws_uuid, path, "中共测试支部委员会", key, NULL, &error));
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_assert_true (error->message[0] != '\0');
  g_clear_error (&error);

  found = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, code);
  g_assert_null (found);
  g_clear_error (&error);

  keys = zb_key_store_find_candidates_sync (store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, code);
  g_assert_null (keys);
  g_clear_error (&error);

  db = zb_open_with_keyring_sync (store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, code);
  g_assert_null (db);
  g_clear_error (&error);

  db = zb_open_with_keyring_sync (store, missing, NULL, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (result);
}

static void
test_unavailable_async (void)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *path = test_path ("async.db");
  g_autofree char *uuid = create_workspace (path, key);
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  zb_key_store_store_async (store, uuid, path, NULL, key, NULL, on_done, &pending);
  result = wait_for (&pending);
  g_assert_false (zb_key_store_store_finish (store, result, &error));
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  g_clear_object (&result);

  zb_open_with_keyring_async (store, path, NULL, on_done, &pending);
  result = wait_for (&pending);
  db = zb_open_with_keyring_finish (result, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_assert_null (db);
}

/* prepare-locked: store the key of a real workspace while the keyring is open. */
static void
test_prepare_locked (void)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *path = locked_workspace_path ();
  g_autofree char *uuid = create_workspace (path, key);
  g_autofree char *uuid_file = g_strconcat (path, ".uuid", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = NULL;

  g_assert_true (
      zb_key_store_store_sync (store, uuid, path, "中共测试支部委员会", key, NULL, &error));
  g_assert_no_error (error);
  found = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (found, key));
  g_assert_true (g_file_set_contents (uuid_file, uuid, -1, &error));
}

/* locked: the key is there but behind a locked keyring that nobody can unlock
 * (no prompter on this bus). Nothing may read as "no key stored". */
static void
test_locked (void)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *path = locked_workspace_path ();
  g_autofree char *uuid_file = g_strconcat (path, ".uuid", NULL);
  g_autofree char *uuid = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  g_assert_true (g_file_get_contents (uuid_file, &uuid, NULL, &error));
  g_assert_no_error (error);

  found = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_assert_null (found);
  g_clear_error (&error);

  keys = zb_key_store_find_candidates_sync (store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_assert_null (keys);
  g_clear_error (&error);

  db = zb_open_with_keyring_sync (store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_assert_null (db);
  g_clear_error (&error);

  g_assert_false (zb_key_store_store_sync (store, uuid, path, NULL, key, NULL, &error));
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* The item is still there: forgetting it must not claim success. */
  g_assert_false (zb_key_store_forget_sync (store, uuid, NULL, &error));
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE);
}

/* unlocked: everything works against a real gnome-keyring-daemon. */
static void
test_unlocked (void)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbSecret) other_key = new_key ();
  g_autofree char *path = test_path ("ws.db");
  g_autofree char *moved = test_path ("moved.db");
  g_autofree char *other_path = test_path ("other.db");
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autofree char *uuid = create_workspace (path, key);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  GList *items;

  g_assert_true (
      zb_key_store_store_sync (store, other_uuid, other_path, NULL, other_key, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (
      zb_key_store_store_sync (store, uuid, path, "中共测试支部委员会", key, NULL, &error));
  g_assert_no_error (error);

  found = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (found, key));

  keys = zb_key_store_find_candidates_sync (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key));
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 1), other_key));
  g_clear_pointer (&keys, g_ptr_array_unref);

  /* The item carries a label naming the organisation, and both attributes. */
  g_hash_table_insert (attributes, (gpointer) "uuid", uuid);
  items = secret_password_searchv_sync (&test_schema, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  {
    g_autofree char *label = secret_retrievable_get_label (items->data);
    g_autoptr (GHashTable) item_attributes = secret_retrievable_get_attributes (items->data);

    g_assert_nonnull (strstr (label, "中共测试支部委员会"));
    g_assert_cmpstr (g_hash_table_lookup (item_attributes, "path"), ==, path);
    g_assert_cmpstr (g_hash_table_lookup (item_attributes, "xdg:schema"), ==, BASE_APPLICATION_ID);
  }
  g_list_free_full (items, g_object_unref);

  /* Open with the key from the keyring, then again after moving the file. */
  db = zb_open_with_keyring_sync (store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
  zb_database_close (db);
  g_clear_object (&db);

  g_assert_cmpint (g_rename (path, moved), ==, 0);
  db = zb_open_with_keyring_sync (store, moved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
  g_clear_object (&db);

  keys = zb_key_store_find_candidates_sync (store, moved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key));
  g_clear_pointer (&keys, g_ptr_array_unref);

  /* Forget both; then nothing is left. */
  g_assert_true (zb_key_store_forget_sync (store, uuid, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (zb_key_store_forget_sync (store, other_uuid, NULL, &error));
  g_assert_no_error (error);

  g_clear_pointer (&found, zb_secret_free);
  found = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  keys = zb_key_store_find_candidates_sync (store, moved, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (keys);
  g_clear_error (&error);

  db = zb_open_with_keyring_sync (store, moved, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (db);
}

static void
test_unlocked_async (void)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *path = test_path ("async.db");
  g_autofree char *uuid = create_workspace (path, key);
  g_autoptr (GAsyncResult) result = NULL;
  GAsyncResult *pending = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  zb_key_store_store_async (store, uuid, path, NULL, key, NULL, on_done, &pending);
  result = wait_for (&pending);
  g_assert_true (zb_key_store_store_finish (store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  zb_open_with_keyring_async (store, path, NULL, on_done, &pending);
  result = wait_for (&pending);
  db = zb_open_with_keyring_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
  g_clear_object (&result);

  zb_key_store_forget_async (store, uuid, NULL, on_done, &pending);
  result = wait_for (&pending);
  g_assert_true (zb_key_store_forget_finish (store, result, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  scenario = g_getenv ("ZB_KEYRING_SCENARIO");
  if (scenario == NULL || g_getenv ("ZB_TEST_TMPDIR") == NULL)
    {
      g_printerr ("Run this test through tests/keyring/keyring-session.\n");
      return 1;
    }
  /* The point is the Secret Service: the file backend would make every
   * scenario pass or fail for the wrong reason. */
  g_assert_null (g_getenv ("SECRET_BACKEND"));

  if (g_str_equal (scenario, "no-service") || g_str_equal (scenario, "no-bus"))
    {
      g_test_add_data_func ("/keyring/unavailable/sync",
                            GINT_TO_POINTER (ZB_KEY_STORE_ERROR_UNAVAILABLE),
                            assert_every_operation_fails);
      g_test_add_func ("/keyring/unavailable/async", test_unavailable_async);
    }
  else if (g_str_equal (scenario, "uninitialized"))
    {
      /* Storing fails ("Object does not exist at path …/collection/login");
       * an empty keyring holds no key. */
      g_test_add_data_func ("/keyring/uninitialized",
                            GINT_TO_POINTER (ZB_KEY_STORE_ERROR_NOT_FOUND),
                            assert_every_operation_fails);
    }
  else if (g_str_equal (scenario, "prepare-locked"))
    g_test_add_func ("/keyring/prepare-locked", test_prepare_locked);
  else if (g_str_equal (scenario, "locked"))
    g_test_add_func ("/keyring/locked", test_locked);
  else if (g_str_equal (scenario, "unlocked"))
    {
      g_test_add_func ("/keyring/unlocked/sync", test_unlocked);
      g_test_add_func ("/keyring/unlocked/async", test_unlocked_async);
    }
  else
    {
      g_printerr ("Unknown scenario %s\n", scenario);
      return 1;
    }

  return g_test_run ();
}
