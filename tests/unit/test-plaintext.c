/* test-plaintext.c — nothing written reaches the disk in clear
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-audit.h"
#include "zb-test-util.h"

#define CANARY_ASCII "ZB-PLAINTEXT-CANARY-7f3a9c"
#define CANARY_HAN "明文检测字符串党员名册"

static gboolean
file_contains (const char *path, const char *suffix, const char *needle)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (file, &contents, &length, NULL))
    return FALSE;
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
assert_no_canary (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  const char *needles[] = { CANARY_ASCII, CANARY_HAN, "workspace", "audit_log", "CREATE TABLE" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (needles); j++)
      if (file_contains (path, suffixes[i], needles[j]))
        g_error ("“%s” found in clear in %s%s", needles[j], path, suffixes[i]);
}

static void
test_no_plaintext (gconstpointer data)
{
  gboolean use_passphrase = GPOINTER_TO_INT (data);
  g_autofree char *path = zb_test_path ("canary.db");
  g_autoptr (ZbSecret) secret = use_passphrase ? zb_secret_new_passphrase ("canary-passphrase")
                                               : zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = zb_test_create_workspace (path, secret, CANARY_HAN " " CANARY_ASCII);
  g_autoptr (GError) error = NULL;

  /* More rows, so that the WAL holds pages, not just the main file. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *json
          = g_strdup_printf ("{\"name\":\"%s %s %u\"}", CANARY_HAN, CANARY_ASCII, i);

      g_assert_true (zb_audit_append (db, "update", "workspace", zb_database_get_uuid (db), NULL,
                                      json, &error));
      g_assert_no_error (error);
    }

  /* While open, with the WAL in use … */
  g_assert_true (zb_test_file_exists (path, "-wal"));
  assert_no_canary (path);

  /* … and after the WAL is checkpointed into the main file. */
  zb_database_close (db);
  assert_no_canary (path);

  /* The raw key itself is not in the file either. */
  if (!use_passphrase)
    {
      char *hex = zb_secret_dup_hex (secret);

      g_assert_false (file_contains (path, "", hex));
      zb_secret_wipe_string (hex);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/plaintext/raw-key", GINT_TO_POINTER (FALSE), test_no_plaintext);
  g_test_add_data_func ("/plaintext/passphrase", GINT_TO_POINTER (TRUE), test_no_plaintext);

  return g_test_run ();
}
