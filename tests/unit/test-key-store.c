/* test-key-store.c — ZbKeyStore and opening a workspace with a key from the keyring
 *
 * Runs against libsecret's file backend (SECRET_BACKEND=file): a keyring file in
 * the test's private folder, encrypted with a fixed test password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libsecret/secret.h>

#include "zb-key-store.h"
#include "zb-keyring-unlock.h"
#include "zb-test-util.h"

/* The same schema ZbKeyStore uses, to look at the items behind its back. */
static const SecretSchema test_schema = {
  BASE_APPLICATION_ID,
  SECRET_SCHEMA_NONE,
  {
      { "uuid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "path", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

static char *keyring_file;

typedef struct
{
  ZbKeyStore *store;
} Fixture;

static GHashTable *
attributes_new (const char *uuid, const char *path)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  if (uuid != NULL)
    g_hash_table_insert (attributes, (gpointer) "uuid", (gpointer)uuid);
  if (path != NULL)
    g_hash_table_insert (attributes, (gpointer) "path", (gpointer)path);
  return attributes;
}

/* Every item of the schema (optionally only those of @uuid). */
static GList *
list_items (const char *uuid)
{
  g_autoptr (GHashTable) attributes = attributes_new (uuid, NULL);
  g_autoptr (GError) error = NULL;
  GList *items;

  items = secret_password_searchv_sync (&test_schema, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  return items;
}

/* The path attribute of the one item stored for @uuid (asserting there is one). */
static char *
dup_single_item_path (const char *uuid)
{
  GList *items = list_items (uuid);
  g_autoptr (GHashTable) attributes = NULL;
  char *path;

  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_retrievable_get_attributes (items->data);
  path = g_strdup (g_hash_table_lookup (attributes, "path"));
  g_list_free_full (items, g_object_unref);
  return path;
}

static void
clear_keyring (void)
{
  GList *items = list_items (NULL);

  for (GList *l = items; l != NULL; l = l->next)
    {
      g_autoptr (GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      g_autoptr (GError) error = NULL;

      secret_password_clearv_sync (&test_schema, attributes, NULL, &error);
      g_assert_no_error (error);
    }
  g_list_free_full (items, g_object_unref);

  items = list_items (NULL);
  g_assert_null (items);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  clear_keyring ();
  f->store = zb_key_store_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
}

static ZbSecret *
new_key (void)
{
  g_autoptr (GError) error = NULL;
  ZbSecret *key = zb_secret_new_random_key (&error);

  g_assert_no_error (error);
  return key;
}

static void
store_key (Fixture *f, const char *uuid, const char *path, const ZbSecret *key)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = zb_key_store_store_sync (f->store, uuid, path, "中共测试支部委员会", key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_lookup_equals (Fixture *f, const char *uuid, const ZbSecret *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = zb_key_store_lookup_sync (f->store, uuid, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (zb_secret_equal (found, expected));
}

/* Creates a keyring-protected workspace, closes it and returns its uuid. */
static char *
create_closed_workspace (const char *path, const ZbSecret *key)
{
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, key, NULL);
  char *uuid = g_strdup (zb_database_get_uuid (db));

  zb_database_close (db);
  return uuid;
}

static void
test_store_lookup (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = zb_test_path ("a.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbSecret) other = new_key ();
  g_autofree char *stored_path = NULL;

  store_key (f, uuid, path, key);
  assert_lookup_equals (f, uuid, key);

  /* The key really comes from the keyring, not from a copy of the argument. */
  g_assert_false (zb_secret_equal (key, other));
  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, path);
}

static void
test_replace (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = zb_test_path ("a.db");
  g_autoptr (ZbSecret) first = new_key ();
  g_autoptr (ZbSecret) second = new_key ();
  GList *items;

  store_key (f, uuid, path, first);
  store_key (f, uuid, path, second);
  assert_lookup_equals (f, uuid, second);

  items = list_items (uuid);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
}

static void
test_store_new_path_replaces_old_item (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *old_path = zb_test_path ("old.db");
  g_autofree char *new_path = zb_test_path ("new.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *stored_path = NULL;

  store_key (f, uuid, old_path, key);
  store_key (f, uuid, new_path, key);

  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, new_path);
  assert_lookup_equals (f, uuid, key);
}

static void
test_forget (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autofree char *path = zb_test_path ("a.db");
  g_autofree char *other_path = zb_test_path ("b.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbSecret) other_key = new_key ();
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GError) error = NULL;

  store_key (f, uuid, path, key);
  store_key (f, other_uuid, other_path, other_key);

  g_assert_true (zb_key_store_forget_sync (f->store, uuid, NULL, &error));
  g_assert_no_error (error);

  found = zb_key_store_lookup_sync (f->store, uuid, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);

  /* Forgetting what is not there is not an error. */
  g_assert_true (zb_key_store_forget_sync (f->store, uuid, NULL, &error));
  g_assert_no_error (error);

  /* Only that workspace's key went. */
  assert_lookup_equals (f, other_uuid, other_key);
}

static void
test_lookup_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = zb_key_store_lookup_sync (f->store, uuid, NULL, &error);

  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_assert_true (error->message[0] != '\0');
}

static void
test_two_workspaces (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid1 = g_uuid_string_random ();
  g_autofree char *uuid2 = g_uuid_string_random ();
  g_autofree char *path1 = zb_test_path ("one.db");
  g_autofree char *path2 = zb_test_path ("two.db");
  g_autoptr (ZbSecret) key1 = new_key ();
  g_autoptr (ZbSecret) key2 = new_key ();

  g_assert_false (zb_secret_equal (key1, key2));
  store_key (f, uuid1, path1, key1);
  store_key (f, uuid2, path2, key2);

  assert_lookup_equals (f, uuid1, key1);
  assert_lookup_equals (f, uuid2, key2);
}

static gboolean
array_has_key (GPtrArray *keys, guint from, guint to, const ZbSecret *key)
{
  for (guint i = from; i < to; i++)
    if (zb_secret_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

static void
test_candidates_order (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid_a = g_uuid_string_random ();
  g_autofree char *uuid_b = g_uuid_string_random ();
  g_autofree char *uuid_c = g_uuid_string_random ();
  g_autofree char *path1 = zb_test_path ("one.db");
  g_autofree char *path2 = zb_test_path ("two.db");
  g_autofree char *elsewhere = zb_test_path ("elsewhere.db");
  g_autoptr (ZbSecret) key_a = new_key ();
  g_autoptr (ZbSecret) key_b = new_key ();
  g_autoptr (ZbSecret) key_c = new_key ();
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (GError) error = NULL;

  /* Stored in an order that puts the matching item last, so that a store
   * returning items as stored would fail. */
  store_key (f, uuid_a, path1, key_a);
  store_key (f, uuid_b, path2, key_b);
  store_key (f, uuid_c, path1, key_c);

  keys = zb_key_store_find_candidates_sync (f->store, path1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 3);
  g_assert_true (array_has_key (keys, 0, 2, key_a));
  g_assert_true (array_has_key (keys, 0, 2, key_c));
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 2), key_b));
  g_clear_pointer (&keys, g_ptr_array_unref);

  keys = zb_key_store_find_candidates_sync (f->store, path2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 3);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key_b));
  g_assert_true (array_has_key (keys, 1, 3, key_a));
  g_assert_true (array_has_key (keys, 1, 3, key_c));
  g_clear_pointer (&keys, g_ptr_array_unref);

  /* A file nobody stored a key for still gets every key to try. */
  keys = zb_key_store_find_candidates_sync (f->store, elsewhere, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 3);
  g_clear_pointer (&keys, g_ptr_array_unref);

  /* An empty keyring is NOT_FOUND, not an empty array. */
  clear_keyring ();
  keys = zb_key_store_find_candidates_sync (f->store, path1, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (keys);
}

static void
test_candidates_skip_unparsable (Fixture *f, gconstpointer data)
{
  g_autofree char *good_uuid = g_uuid_string_random ();
  g_autofree char *bad_uuid = g_uuid_string_random ();
  g_autofree char *path = zb_test_path ("a.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (GHashTable) bad_attributes = attributes_new (bad_uuid, path);
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GError) error = NULL;

  secret_password_storev_sync (&test_schema, bad_attributes, NULL, "damaged", "not a key at all",
                               NULL, &error);
  g_assert_no_error (error);
  store_key (f, good_uuid, path, key);

  keys = zb_key_store_find_candidates_sync (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key));

  found = zb_key_store_lookup_sync (f->store, bad_uuid, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_FAILED);
  g_assert_null (found);
}

static gboolean
contains (const char *haystack, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  /* The file holds NUL bytes, so no str* function will do. */
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_keyring_file_is_encrypted (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *path = zb_test_path ("a.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *contents = NULL;
  g_autofree char *upper = NULL;
  gsize length;
  char *hex;
  char *grouped;

  store_key (f, uuid, path, key);
  g_assert_true (g_file_get_contents (keyring_file, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64);

  hex = zb_secret_dup_hex (key);
  upper = g_ascii_strup (hex, -1);
  grouped = zb_secret_dup_grouped_hex (key);
  g_assert_false (contains (contents, length, hex));
  g_assert_false (contains (contents, length, upper));
  g_assert_false (contains (contents, length, grouped));
  /* …and not even the first half of it. */
  hex[32] = '\0';
  g_assert_false (contains (contents, length, hex));
  zb_secret_wipe_string (hex);
  zb_secret_wipe_string (grouped);
  memset (upper, 0, strlen (upper));
}

static void
test_cancelled_is_not_dismissed (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *path = zb_test_path ("cancelled.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *ws_uuid = create_closed_workspace (path, key);

  store_key (f, ws_uuid, path, key);
  g_cancellable_cancel (cancellable);

  /* A cancellation the caller asked for stays a cancellation, which callers
   * ignore; it must not read as "the user dismissed the prompt". */
  found = zb_key_store_lookup_sync (f->store, uuid, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (found);
  g_clear_error (&error);

  keys = zb_key_store_find_candidates_sync (f->store, path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (keys);
  g_clear_error (&error);

  db = zb_open_with_keyring_sync (f->store, path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (db);
}

static void
test_open_with_keyring (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("ws.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *uuid = create_closed_workspace (path, key);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored_path = NULL;

  store_key (f, uuid, path, key);

  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (zb_database_is_open (db));
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);

  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, path);
}

static void
rename_workspace (const char *from, const char *to)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *src = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *dst = g_strconcat (to, suffixes[i], NULL);

      if (g_file_test (src, G_FILE_TEST_EXISTS))
        g_assert_cmpint (g_rename (src, dst), ==, 0);
    }
}

static void
test_open_moved_file (Fixture *f, gconstpointer data)
{
  g_autofree char *old_path = zb_test_path ("before.db");
  g_autofree char *new_path = zb_test_path ("after.db");
  g_autofree char *other_uuid = g_uuid_string_random ();
  g_autofree char *other_path = zb_test_path ("other.db");
  g_autoptr (ZbSecret) other_key = new_key ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *uuid = create_closed_workspace (old_path, key);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored_path = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  /* Another workspace's key is in the keyring too, and is tried in vain. */
  store_key (f, other_uuid, other_path, other_key);
  store_key (f, uuid, old_path, key);
  rename_workspace (old_path, new_path);

  db = zb_open_with_keyring_sync (f->store, new_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);

  /* The item now says where the file is, and its key comes first there. */
  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, new_path);
  keys = zb_key_store_find_candidates_sync (f->store, new_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key));
  assert_lookup_equals (f, uuid, key);

  /* The other workspace's item was left alone. */
  g_clear_pointer (&stored_path, g_free);
  stored_path = dup_single_item_path (other_uuid);
  g_assert_cmpstr (stored_path, ==, other_path);
}

static void
test_open_tries_next_key (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("ws.db");
  g_autofree char *stray_uuid = g_uuid_string_random ();
  g_autofree char *elsewhere = zb_test_path ("elsewhere.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbSecret) stray = new_key ();
  g_autofree char *uuid = create_closed_workspace (path, key);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *stored_path = NULL;

  /* A wrong key stored under this very path is tried first; the right one,
   * stored under an old path, must still be found. */
  store_key (f, stray_uuid, path, stray);
  store_key (f, uuid, elsewhere, key);

  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);

  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, path);
}

static void
test_open_wrong_key (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("ws.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbSecret) wrong = new_key ();
  g_autofree char *uuid = create_closed_workspace (path, key);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  char *hex;

  store_key (f, uuid, path, wrong);

  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (db);

  /* Neither key is quoted to the user. */
  hex = zb_secret_dup_hex (wrong);
  g_assert_null (strstr (error->message, hex));
  zb_secret_wipe_string (hex);
  hex = zb_secret_dup_hex (key);
  g_assert_null (strstr (error->message, hex));
  zb_secret_wipe_string (hex);

  /* The wrong key stays where it was: it was not re-stored anywhere. */
  assert_lookup_equals (f, uuid, wrong);
}

static void
test_open_missing_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("missing.db");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  /* With an empty keyring the key store would say NOT_FOUND: the file's own
   * problem must win. */
  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_clear_error (&error);

  store_key (f, uuid, path, key);
  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
}

static void
test_open_not_a_database (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("junk.db");
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr (ZbSecret) key = new_key ();
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a workspace", -1, NULL));
  store_key (f, uuid, path, key);

  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_null (db);
}

static void
test_open_empty_keyring (Fixture *f, gconstpointer data)
{
  g_autofree char *path = zb_test_path ("ws.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *uuid = create_closed_workspace (path, key);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;

  db = zb_open_with_keyring_sync (f->store, path, NULL, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (db);
}

/* Async */

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} AsyncWait;

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncWait *wait = user_data;

  g_assert_null (wait->result);
  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* Runs the main loop until the operation started by the caller completes.
 * The callback must not have run before: it is delivered by the main loop. */
static GAsyncResult *
wait_for_result (AsyncWait *wait)
{
  g_assert_null (wait->result);
  g_main_loop_run (wait->loop);
  g_assert_nonnull (wait->result);
  return g_steal_pointer (&wait->result);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncWait wait = { loop, NULL };
  g_autofree char *path = zb_test_path ("ws.db");
  g_autofree char *moved = zb_test_path ("moved.db");
  g_autoptr (ZbSecret) key = new_key ();
  g_autofree char *uuid = create_closed_workspace (path, key);
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (ZbSecret) found = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *stored_path = NULL;

  zb_key_store_store_async (f->store, uuid, path, "中共测试支部委员会", key, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  g_assert_true (zb_key_store_store_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  zb_key_store_lookup_async (f->store, uuid, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  found = zb_key_store_lookup_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (found, key));
  g_clear_object (&result);

  zb_key_store_find_candidates_async (f->store, path, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  keys = zb_key_store_find_candidates_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_true (zb_secret_equal (g_ptr_array_index (keys, 0), key));
  g_clear_object (&result);

  rename_workspace (path, moved);
  zb_open_with_keyring_async (f->store, moved, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  db = zb_open_with_keyring_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
  g_clear_object (&result);
  stored_path = dup_single_item_path (uuid);
  g_assert_cmpstr (stored_path, ==, moved);

  zb_key_store_forget_async (f->store, uuid, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  g_assert_true (zb_key_store_forget_finish (f->store, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  zb_key_store_lookup_async (f->store, uuid, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  g_clear_pointer (&found, zb_secret_free);
  found = zb_key_store_lookup_finish (f->store, result, &error);
  g_assert_error (error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
  g_clear_error (&error);
  g_clear_object (&result);

  zb_open_with_keyring_async (f->store, path, NULL, on_done, &wait);
  result = wait_for_result (&wait);
  g_clear_object (&db);
  db = zb_open_with_keyring_finish (result, &error);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
}

int
main (int argc, char **argv)
{
  g_autofree char *tmp = NULL;
  int ret;

  /* libsecret reads these once, when it first creates its backend. */
  if (g_getenv ("ZB_TEST_TMPDIR") != NULL)
    tmp = g_strdup (g_getenv ("ZB_TEST_TMPDIR"));
  else
    tmp = g_dir_make_tmp ("zhibu-key-store-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  keyring_file = g_build_filename (tmp, "keyrings", "test.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring_file, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test keyring password", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(name, func)                                                                            \
  g_test_add ("/key-store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("store-lookup", test_store_lookup);
  ADD ("replace", test_replace);
  ADD ("store-new-path-replaces-old-item", test_store_new_path_replaces_old_item);
  ADD ("forget", test_forget);
  ADD ("lookup-missing", test_lookup_missing);
  ADD ("two-workspaces", test_two_workspaces);
  ADD ("candidates-order", test_candidates_order);
  ADD ("candidates-skip-unparsable", test_candidates_skip_unparsable);
  ADD ("keyring-file-is-encrypted", test_keyring_file_is_encrypted);
  ADD ("cancelled-is-not-dismissed", test_cancelled_is_not_dismissed);
  ADD ("open/with-keyring", test_open_with_keyring);
  ADD ("open/moved-file", test_open_moved_file);
  ADD ("open/tries-next-key", test_open_tries_next_key);
  ADD ("open/wrong-key", test_open_wrong_key);
  ADD ("open/missing-file", test_open_missing_file);
  ADD ("open/not-a-database", test_open_not_a_database);
  ADD ("open/empty-keyring", test_open_empty_keyring);
  ADD ("async", test_async);
#undef ADD

  ret = g_test_run ();
  g_free (keyring_file);
  return ret;
}
