/* test-cli-errors.c — zhibu-cli failing well: one line, its own exit status, and
 * the file left as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cli-test-util.h"

#define ORG_NAME "中共示例县某村支部委员会"
#define PASSPHRASE "the right passphrase"

static void
test_wrong_passphrase (void)
{
  g_autofree char *dir = cli_test_new_dir ("wrong");
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, NULL);
  g_autofree char *wrong = cli_test_write_file (dir, "wrong", "the wrong passphrase\n");
  g_autofree char *before = cli_test_checksum_file (db);
  g_autofree char *listing_before = cli_test_list_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *listing_after = NULL;
  const char *const commands[] = { "info", "verify", "passwd", NULL };

  for (guint i = 0; commands[i] != NULL; i++)
    {
      g_autoptr (CliResult) result = NULL;

      result = cli_runv ("--db", db, "--passphrase-file", wrong, commands[i], NULL);
      cli_assert_status (result, 3);
      cli_assert_one_error_line (result);
      g_assert_cmpstr (result->out, ==, "");
      /* the passphrase is never repeated back */
      g_assert_null (strstr (result->err, "wrong passphrase\n"));
    }

  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
  listing_after = cli_test_list_dir (dir);
  g_assert_cmpstr (listing_before, ==, listing_after);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = cli_test_new_dir ("missing");
  g_autofree char *pw_dir = cli_test_new_dir ("missing-pw");
  g_autofree char *pw_file = cli_test_write_file (pw_dir, "pw", PASSPHRASE "\n");
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autofree char *listing = NULL;
  CliResult *result;

  /* with a passphrase, and with the keyring */
  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "info", NULL);
  cli_assert_status (result, 4);
  cli_assert_one_error_line (result);
  cli_result_free (result);

  result = cli_runv ("--db", db, "verify", NULL);
  cli_assert_status (result, 4);
  cli_assert_one_error_line (result);
  cli_result_free (result);

  /* no file, and no -wal or -shm beside it, was created */
  listing = cli_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_not_a_workspace (void)
{
  g_autofree char *dir = cli_test_new_dir ("foreign");
  g_autofree char *pw_file = cli_test_write_file (dir, "pw", PASSPHRASE "\n");
  g_autofree char *db = cli_test_write_file (dir, "notes.db", "shopping list: rice, tea\n");
  g_autofree char *before = cli_test_checksum_file (db);
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "info", NULL);
  g_assert_cmpint (result->status, !=, 0);
  cli_assert_one_error_line (result);

  after = cli_test_checksum_file (db);
  g_assert_cmpstr (before, ==, after);
  listing = cli_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "notes.db pw");
}

static void
test_no_key_in_keyring (void)
{
  g_autofree char *dir = cli_test_new_dir ("nokey");
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, NULL);
  g_autoptr (CliResult) result = NULL;

  /* a passphrase workspace opened without --passphrase-file */
  result = cli_runv ("--db", db, "info", NULL);
  cli_assert_status (result, 3);
  cli_assert_one_error_line (result);
}

static void
test_unreadable_passphrase_file (void)
{
  g_autofree char *dir = cli_test_new_dir ("nopwfile");
  g_autofree char *db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-file", NULL);
  g_autofree char *empty = cli_test_write_file (dir, "empty", "\nsecond line\n");
  CliResult *result;

  result = cli_runv ("--db", db, "--passphrase-file", missing, "info", NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  g_assert_nonnull (strstr (result->err, "no-such-file"));
  cli_result_free (result);

  /* only the first line counts, and an empty one is refused */
  result = cli_runv ("--db", db, "--passphrase-file", empty, "info", NULL);
  cli_assert_status (result, 1);
  cli_assert_one_error_line (result);
  cli_result_free (result);
}

/* The zh_CN translation of @msgid from the build tree, or NULL while the
 * translations of zhibu-cli are not merged into po/zh_CN.po yet. */
static char *
dup_zh_cn_translation (const char *msgid)
{
  g_autofree char *saved_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  char *translation = NULL;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    return NULL;
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, ZB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  if (g_strcmp0 (dgettext (GETTEXT_PACKAGE, msgid), msgid) != 0)
    translation = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));

  setlocale (LC_ALL, saved_locale);
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  return translation;
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

static void
test_messages_in_zh_cn (void)
{
  const char *const zh_env[] = { "LANGUAGE=zh_CN", "LC_ALL=zh_CN.UTF-8", NULL };
  g_autofree char *mo
      = g_build_filename (ZB_TEST_LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *exit_status = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *english_message = NULL;
  g_autofree char *core_translation = NULL;
  g_autofree char *no_command = NULL;
  g_autofree char *expected = NULL;
  CliResult *result;

  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no zh_CN message catalogue in the build tree");
      return;
    }

  exit_status = dup_zh_cn_translation ("Exit status:");
  if (exit_status == NULL)
    {
      /* po/fragments/cli.po is merged by the lead; until then there is nothing
       * to check against */
      g_test_skip ("the zh_CN translation of zhibu-cli is not merged yet");
      return;
    }

  /* the help is in Chinese */
  result = cli_run (zh_env, (const char *const[]){ "--help", NULL });
  cli_assert_status (result, 0);
  g_assert_nonnull (strstr (result->out, exit_status));
  cli_result_free (result);

  /* so are zhibu-cli's own messages */
  no_command = dup_zh_cn_translation ("No command was given.");
  g_assert_nonnull (no_command);
  result = cli_run (zh_env, (const char *const[]){ NULL });
  cli_assert_status (result, 2);
  expected = g_strdup_printf ("zhibu-cli: %s\n", no_command);
  g_assert_true (g_str_has_prefix (result->err, expected));
  g_clear_pointer (&expected, g_free);
  cli_result_free (result);

  /* and so is the core's message for a wrong passphrase, on one line */
  dir = cli_test_new_dir ("zh");
  db = cli_test_init_workspace (dir, ORG_NAME, PASSPHRASE, NULL);
  wrong = cli_test_write_file (dir, "wrong", "the wrong passphrase\n");

  result = cli_runv ("--db", db, "--passphrase-file", wrong, "info", NULL);
  cli_assert_status (result, 3);
  english_message = g_strchomp (g_strdup (result->err + strlen ("zhibu-cli: ")));
  cli_result_free (result);

  result = cli_run (zh_env,
                    (const char *const[]){ "--db", db, "--passphrase-file", wrong, "info", NULL });
  cli_assert_status (result, 3);
  cli_assert_one_error_line (result);

  core_translation = dup_zh_cn_translation (english_message);
  if (core_translation == NULL)
    {
      /* the core's translations come from another fragment */
      cli_result_free (result);
      g_test_skip ("the core's wrong-passphrase message has no zh_CN translation yet");
      return;
    }

  expected = g_strdup_printf ("zhibu-cli: %s\n", core_translation);
  g_assert_cmpstr (result->err, ==, expected);
  g_assert_true (has_han (result->err));
  cli_result_free (result);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/open/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/cli/open/missing-file", test_missing_file);
  g_test_add_func ("/cli/open/not-a-workspace", test_not_a_workspace);
  g_test_add_func ("/cli/open/no-key-in-keyring", test_no_key_in_keyring);
  g_test_add_func ("/cli/open/unreadable-passphrase-file", test_unreadable_passphrase_file);
  g_test_add_func ("/cli/i18n/zh-CN", test_messages_in_zh_cn);

  return g_test_run ();
}
