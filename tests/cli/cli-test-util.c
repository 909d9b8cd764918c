/* cli-test-util.c — running zhibu-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

void
cli_test_init (void)
{
  const char *tmp = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *keyring = NULL;

  /* so that the Chinese in test messages is readable in the log */
  setlocale (LC_ALL, "C.UTF-8");

  /* Never the real home: tests/run-isolated provides a private folder. */
  g_assert_nonnull (tmp);
  g_assert_true (g_file_test (ZHIBU_CLI, G_FILE_TEST_IS_EXECUTABLE));

  keyring = g_build_filename (tmp, "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "test-keyring-password", TRUE);
}

/* never NULL, even for empty output */
static char *
dup_bytes (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

CliResult *
cli_run (const char *const *env, const char *const *args)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GBytes) in = g_bytes_new_static ("", 0);
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GBytes) err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) command_line = g_string_new ("zhibu-cli");
  CliResult *result;

  launcher
      = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "LANG");
  g_subprocess_launcher_setenv (launcher, "ZB_LOCALEDIR", ZB_TEST_LOCALEDIR, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');

      if (eq == NULL)
        g_subprocess_launcher_unsetenv (launcher, env[i]);
      else
        {
          g_autofree char *name = g_strndup (env[i], eq - env[i]);

          g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
        }
    }

  g_ptr_array_add (argv, (gpointer)ZHIBU_CLI);
  for (guint i = 0; args[i] != NULL; i++)
    {
      g_ptr_array_add (argv, (gpointer)args[i]);
      g_string_append_printf (command_line, " %s", args[i]);
    }
  g_ptr_array_add (argv, NULL);
  g_test_message ("running: %s", command_line->str);

  process = g_subprocess_launcher_spawnv (launcher, (const char *const *)argv->pdata, &error);
  g_assert_no_error (error);

  /* An empty, closed standard input: never a terminal, so nothing prompts. */
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);

  result = g_new0 (CliResult, 1);
  if (g_subprocess_get_if_exited (process))
    result->status = g_subprocess_get_exit_status (process);
  else
    result->status = -1;
  result->out = dup_bytes (out);
  result->err = dup_bytes (err);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", result->status, result->out, result->err);

  return result;
}

CliResult *
cli_runv (const char *first_arg, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_run (NULL, (const char *const *)args->pdata);
}

void
cli_result_free (CliResult *result)
{
  if (result == NULL)
    return;

  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

char *
cli_test_new_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autofree char *in_tmp = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), template, NULL);
  char *dir = g_mkdtemp (g_steal_pointer (&in_tmp));

  g_assert_nonnull (dir);

  return dir;
}

char *
cli_test_write_file (const char *dir, const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

char *
cli_test_checksum_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

char *
cli_test_list_dir (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

void
cli_assert_one_error_line (const CliResult *result)
{
  const char *newline;

  g_assert_true (g_str_has_prefix (result->err, "zhibu-cli: "));
  newline = strchr (result->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
}

char *
cli_test_init_workspace (const char *dir, const char *org_name, const char *passphrase,
                         char **passphrase_file)
{
  g_autofree char *pw_text = g_strdup_printf ("%s\n", passphrase);
  g_autofree char *pw_file = cli_test_write_file (dir, "passphrase.txt", pw_text);
  g_autofree char *db = g_build_filename (dir, "zhibu.db", NULL);
  g_autoptr (CliResult) result = NULL;

  result = cli_runv ("--db", db, "--passphrase-file", pw_file, "init", "--org-name", org_name,
                     "--protect", "passphrase", NULL);
  cli_assert_status (result, 0);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));

  if (passphrase_file != NULL)
    *passphrase_file = g_steal_pointer (&pw_file);

  return g_steal_pointer (&db);
}

void
cli_workspace_init (CliWorkspace *w, const char *name, const char *org_name, const char *passphrase)
{
  w->dir = cli_test_new_dir (name);
  w->db = cli_test_init_workspace (w->dir, org_name, passphrase, &w->pw);
}

void
cli_workspace_clear (CliWorkspace *w)
{
  g_clear_pointer (&w->dir, g_free);
  g_clear_pointer (&w->db, g_free);
  g_clear_pointer (&w->pw, g_free);
}

CliResult *
cli_workspace_run_args (CliWorkspace *w, const char *const *args)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_add (all, (gpointer) "--db");
  g_ptr_array_add (all, w->db);
  g_ptr_array_add (all, (gpointer) "--passphrase-file");
  g_ptr_array_add (all, w->pw);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (all, (gpointer)args[i]);
  g_ptr_array_add (all, NULL);
  return cli_run (NULL, (const char *const *)all->pdata);
}

CliResult *
cli_workspace_run (CliWorkspace *w, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cli_workspace_run_args (w, (const char *const *)args->pdata);
}

JsonNode *
cli_test_parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}
