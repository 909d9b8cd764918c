/* test-secret.c — keys and passphrases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "zb-secret.h"

static void
test_random_keys_differ (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) a = zb_secret_new_random_key (&error);
  g_autoptr (ZbSecret) b = zb_secret_new_random_key (&error);
  gsize length;
  const char *key;

  g_assert_no_error (error);
  g_assert_cmpint (zb_secret_get_kind (a), ==, ZB_SECRET_RAW_KEY);
  g_assert_false (zb_secret_equal (a, b));

  /* SQLCipher's raw-key form: x'<64 hex digits>' */
  key = zb_secret_get_sqlcipher_key (a, &length);
  g_assert_cmpuint (length, ==, 67);
  g_assert_true (g_str_has_prefix (key, "x'"));
  g_assert_cmpint (key[66], ==, '\'');
  for (guint i = 2; i < 66; i++)
    g_assert_true (g_ascii_isxdigit (key[i]));
}

static void
test_hex_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  g_autoptr (ZbSecret) again = NULL;
  g_autoptr (ZbSecret) from_grouped = NULL;
  char *hex = zb_secret_dup_hex (key);
  char *grouped = zb_secret_dup_grouped_hex (key);

  g_assert_cmpuint (strlen (hex), ==, 64);
  again = zb_secret_new_from_hex (hex, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (key, again));

  /* The recovery sheet's form: 16 groups of four upper-case digits. */
  g_assert_cmpuint (strlen (grouped), ==, 79);
  g_assert_cmpint (grouped[4], ==, ' ');
  g_assert_cmpint (grouped[74], ==, ' ');
  from_grouped = zb_secret_new_from_hex (grouped, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (key, from_grouped));

  zb_secret_wipe_string (hex);
  zb_secret_wipe_string (grouped);
}

static void
test_bad_hex (void)
{
  const char *bad[] = {
    "",
    "abc",
    "zz00000000000000000000000000000000000000000000000000000000000000",
    "000000000000000000000000000000000000000000000000000000000000000",   /* 63 */
    "00000000000000000000000000000000000000000000000000000000000000000", /* 65 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ZbSecret) key = zb_secret_new_from_hex (bad[i], &error);

      g_assert_null (key);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

static void
test_passphrase (void)
{
  g_autoptr (ZbSecret) a = zb_secret_new_passphrase ("正确的口令 horse");
  g_autoptr (ZbSecret) b = zb_secret_copy (a);
  g_autoptr (ZbSecret) c = zb_secret_new_passphrase ("正确的口令 horsf");
  gsize length;

  g_assert_cmpint (zb_secret_get_kind (a), ==, ZB_SECRET_PASSPHRASE);
  g_assert_cmpstr (zb_secret_get_sqlcipher_key (a, &length), ==, "正确的口令 horse");
  g_assert_cmpuint (length, ==, strlen ("正确的口令 horse"));
  g_assert_true (zb_secret_equal (a, b));
  g_assert_false (zb_secret_equal (a, c));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secret/random-keys-differ", test_random_keys_differ);
  g_test_add_func ("/secret/hex-round-trip", test_hex_round_trip);
  g_test_add_func ("/secret/bad-hex", test_bad_hex);
  g_test_add_func ("/secret/passphrase", test_passphrase);

  return g_test_run ();
}
