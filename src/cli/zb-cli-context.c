/* zb-cli-context.c — what every zhibu-cli command shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-cli-context.h"
#include "zb-cli-passphrase.h"
#include "zb-keyring-unlock.h"
#include "zb-paths.h"

struct _ZbCliContext
{
  char *db_option;       /* --db as given, in the filename encoding */
  char *path;            /* the absolute path, worked out once */
  char *passphrase_file; /* --passphrase-file */
  ZbKeyStore *key_store; /* created when first needed */
};

G_DEFINE_QUARK (zb - cli - error - quark, zb_cli_error)

ZbCliContext *
zb_cli_context_new (void)
{
  return g_new0 (ZbCliContext, 1);
}

void
zb_cli_context_free (ZbCliContext *self)
{
  if (self == NULL)
    return;

  g_free (self->db_option);
  g_free (self->path);
  g_free (self->passphrase_file);
  g_clear_object (&self->key_store);
  g_free (self);
}

/* Callbacks rather than plain string entries: the global options may be given
 * both before and after the command, and GOption would leak the first value. */
static gboolean
on_db_option (const char *option_name, const char *value, gpointer data, GError **error)
{
  ZbCliContext *self = data;

  g_free (self->db_option);
  self->db_option = g_strdup (value);
  g_clear_pointer (&self->path, g_free);

  return TRUE;
}

static gboolean
on_passphrase_file_option (const char *option_name, const char *value, gpointer data,
                           GError **error)
{
  ZbCliContext *self = data;

  g_free (self->passphrase_file);
  self->passphrase_file = g_strdup (value);

  return TRUE;
}

static const GOptionEntry global_entries[] = {
  { "db", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_db_option,
    N_ ("The workspace file to use instead of the default one"), N_ ("PATH") },
  { "passphrase-file", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, on_passphrase_file_option,
    N_ ("Read the workspace passphrase from the first line of FILE instead of taking the key from "
        "the keyring"),
    N_ ("FILE") },
  G_OPTION_ENTRY_NULL
};

GOptionGroup *
zb_cli_context_new_global_group (ZbCliContext *self, const GOptionEntry *entries)
{
  GOptionGroup *group;

  group = g_option_group_new ("zhibu-cli", _ ("Options:"), _ ("Show all options"), self, NULL);
  /* a command's own options first: they are what its --help is read for */
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  g_option_group_add_entries (group, global_entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);

  return group;
}

char *
zb_cli_dup_help_description (void)
{
  g_autofree char *default_path = zb_default_workspace_path ();
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _ ("Without --db the workspace is %s."), default_path);
  g_string_append_c (text, '\n');
  g_string_append (text,
                   _ ("Without --passphrase-file its key is taken from the desktop keyring."));
  g_string_append (text, "\n\n");
  g_string_append (text, _ ("Exit status:"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, "  %d  %s\n", ZB_CLI_EXIT_OK, _ ("success"));
  g_string_append_printf (text, "  %d  %s\n", ZB_CLI_EXIT_FAILED, _ ("failure"));
  g_string_append_printf (text, "  %d  %s\n", ZB_CLI_EXIT_USAGE, _ ("wrong command line"));
  g_string_append_printf (
      text, "  %d  %s\n", ZB_CLI_EXIT_LOCKED,
      _ ("the workspace could not be unlocked: wrong passphrase, or no key in the keyring"));
  g_string_append_printf (
      text, "  %d  %s\n", ZB_CLI_EXIT_BAD_FILE,
      _ ("the workspace file cannot be used: missing, already there, not a workspace, or made by "
         "a newer version"));
  g_string_append_printf (text, "  %d  %s", ZB_CLI_EXIT_DAMAGED,
                          _ ("verify found damage or a broken audit log"));

  return g_string_free (text, FALSE);
}

static void
print_short_usage (const ZbCliCommand *command)
{
  if (command != NULL)
    {
      g_autofree char *usage = g_strdup_printf (
          "zhibu-cli [--db PATH] [--passphrase-file FILE] %s %s", command->name, command->synopsis);
      g_autofree char *help = g_strdup_printf ("zhibu-cli %s --help", command->name);

      g_printerr (_ ("Usage: %s"), g_strstrip (usage));
      g_printerr ("\n");
      /* TRANSLATORS: %s is a command line, e.g. zhibu-cli init --help */
      g_printerr (_ ("Run “%s” for more."), help);
      g_printerr ("\n");
    }
  else
    {
      g_printerr (_ ("Usage: %s"),
                  "zhibu-cli [--db PATH] [--passphrase-file FILE] COMMAND [OPTION…]");
      g_printerr ("\n");
      g_printerr (_ ("Run “%s” for more."), "zhibu-cli --help");
      g_printerr ("\n");
    }
}

/* Messages are printed as one line, so that scripts can take the last line of
 * standard error as the reason. */
static char *
dup_one_line (const char *message)
{
  g_auto (GStrv) lines = g_strsplit (message, "\n", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

int
zb_cli_context_usage_error (ZbCliContext *self, const ZbCliCommand *command, const char *message)
{
  g_autofree char *line = dup_one_line (message);

  g_printerr ("zhibu-cli: %s\n", line);
  print_short_usage (command);

  return ZB_CLI_EXIT_USAGE;
}

void
zb_cli_warning (const char *message)
{
  g_autofree char *line = dup_one_line (message);

  /* TRANSLATORS: the prefix of a warning on the command line */
  g_printerr ("zhibu-cli: %s %s\n", _ ("warning:"), line);
}

static int
exit_status_for_error (const GError *error)
{
  if (error->domain == ZB_CLI_ERROR)
    {
      switch ((ZbCliError)error->code)
        {
        case ZB_CLI_ERROR_USAGE:
          return ZB_CLI_EXIT_USAGE;
        case ZB_CLI_ERROR_DAMAGED:
          return ZB_CLI_EXIT_DAMAGED;
        case ZB_CLI_ERROR_FAILED:
        default:
          return ZB_CLI_EXIT_FAILED;
        }
    }

  if (error->domain == ZB_DATABASE_ERROR)
    {
      switch ((ZbDatabaseError)error->code)
        {
        case ZB_DATABASE_ERROR_WRONG_KEY:
          return ZB_CLI_EXIT_LOCKED;
        case ZB_DATABASE_ERROR_NOT_FOUND:
        case ZB_DATABASE_ERROR_EXISTS:
        case ZB_DATABASE_ERROR_READ_ONLY:
        case ZB_DATABASE_ERROR_NOT_A_DATABASE:
        case ZB_DATABASE_ERROR_NOT_SQLCIPHER4:
        case ZB_DATABASE_ERROR_TOO_NEW:
        case ZB_DATABASE_ERROR_NOT_A_WORKSPACE:
        case ZB_DATABASE_ERROR_NETWORK_FS:
          return ZB_CLI_EXIT_BAD_FILE;
        case ZB_DATABASE_ERROR_CORRUPT:
          return ZB_CLI_EXIT_DAMAGED;
        case ZB_DATABASE_ERROR_FAILED:
        case ZB_DATABASE_ERROR_CIPHER:
        default:
          return ZB_CLI_EXIT_FAILED;
        }
    }

  /* Key store errors reach here only from opening a workspace (storing wraps
   * them): whatever went wrong, the workspace could not be unlocked. */
  if (error->domain == ZB_KEY_STORE_ERROR)
    return ZB_CLI_EXIT_LOCKED;

  if (g_error_matches (error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN))
    return ZB_CLI_EXIT_DAMAGED;

  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE)
      || g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    return ZB_CLI_EXIT_USAGE;

  return ZB_CLI_EXIT_FAILED;
}

int
zb_cli_context_fail (ZbCliContext *self, const GError *error)
{
  g_autofree char *line = dup_one_line (error->message);

  g_printerr ("zhibu-cli: %s\n", line);

  return exit_status_for_error (error);
}

gboolean
zb_cli_context_parse (ZbCliContext *self, const ZbCliCommand *command, const GOptionEntry *entries,
                      int *argc, char ***argv, int *exit_status)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("zhibu-cli %s", command->name);
  g_autofree char *description = zb_cli_dup_help_description ();
  GOptionGroup *group;

  /* The command's own options and the global ones in one group, so that
   * `zhibu-cli COMMAND --help` shows both. */
  group = zb_cli_context_new_global_group (self, entries);

  context = g_option_context_new (NULL);
  g_option_context_set_main_group (context, group);
  g_option_context_set_summary (context, _ (command->summary));
  g_option_context_set_description (context, description);

  /* GOption prints "Usage: <prgname> [OPTION…]" in --help */
  g_set_prgname (prgname);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = zb_cli_context_usage_error (self, command, error->message);
      return FALSE;
    }

  if (*argc > 1)
    {
      g_autofree char *display = g_filename_display_name ((*argv)[1]);
      g_autofree char *message = g_strdup_printf (_ ("Unexpected argument “%s”."), display);

      *exit_status = zb_cli_context_usage_error (self, command, message);
      return FALSE;
    }

  *exit_status = ZB_CLI_EXIT_OK;

  return TRUE;
}

const char *
zb_cli_context_get_path (ZbCliContext *self)
{
  if (self->path == NULL)
    {
      g_autofree char *path = NULL;

      if (self->db_option != NULL)
        path = g_strdup (self->db_option);
      else
        path = zb_default_workspace_path ();

      /* Absolute, because the key is stored in the keyring under the path and a
       * relative one would not be found again from another folder. */
      self->path = g_canonicalize_filename (path, NULL);
    }

  return self->path;
}

const char *
zb_cli_context_get_passphrase_file (ZbCliContext *self)
{
  return self->passphrase_file;
}

ZbKeyStore *
zb_cli_context_get_key_store (ZbCliContext *self)
{
  if (self->key_store == NULL)
    self->key_store = zb_key_store_new ();

  return self->key_store;
}

ZbDatabase *
zb_cli_context_open (ZbCliContext *self, GError **error)
{
  const char *path = zb_cli_context_get_path (self);
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (GError) keyring_error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *prompt = NULL;
  ZbDatabase *db;

  /* A missing or foreign file is reported as such before any key is looked for:
   * "no key in the keyring" would send the user looking in the wrong place. */
  if (!zb_database_probe (path, error))
    return NULL;

  if (self->passphrase_file != NULL)
    {
      secret = zb_cli_read_passphrase_file (self->passphrase_file, error);
      if (secret == NULL)
        return NULL;

      return zb_database_open (path, secret, error);
    }

  db = zb_open_with_keyring_sync (zb_cli_context_get_key_store (self), path, NULL, &keyring_error);
  if (db != NULL)
    return db;

  /* A person at a terminal with a passphrase-protected workspace is asked for
   * the passphrase rather than told to write it into a file. */
  if (!zb_cli_stdin_is_terminal ()
      || !(g_error_matches (keyring_error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND)
           || g_error_matches (keyring_error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_UNAVAILABLE)))
    {
      /* The usual reason in a script: a passphrase workspace opened without
       * --passphrase-file. Say so, keeping the error's domain and code. */
      if (g_error_matches (keyring_error, ZB_KEY_STORE_ERROR, ZB_KEY_STORE_ERROR_NOT_FOUND))
        g_set_error (error, keyring_error->domain, keyring_error->code,
                     /* TRANSLATORS: %s is the keyring's own message, a full sentence */
                     _ ("%s If the workspace is protected by a passphrase, give it with "
                        "--passphrase-file."),
                     keyring_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&keyring_error));
      return NULL;
    }

  display = g_filename_display_name (path);
  prompt = g_strdup_printf (_ ("Passphrase of %s: "), display);
  secret = zb_cli_prompt_passphrase (prompt, error);
  if (secret == NULL)
    return NULL;

  return zb_database_open (path, secret, error);
}

/* Columns taken on a terminal: a Chinese character takes two. */
static glong
display_width (const char *text)
{
  glong width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

void
zb_cli_print_aligned (const char *const *pairs)
{
  glong width = 0;

  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    width = MAX (width, display_width (pairs[i]));

  for (guint i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_autoptr (GString) line = g_string_new (pairs[i]);

      for (glong w = display_width (pairs[i]); w < width + 1; w++)
        g_string_append_c (line, ' ');
      g_string_append (line, pairs[i + 1]);
      g_print ("%s\n", line->str);
    }
}

char *
zb_cli_arg_to_utf8 (const char *arg, const char *option, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *text;

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  text = g_locale_to_utf8 (arg, -1, NULL, NULL, &local_error);
  if (text == NULL)
    g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                 /* TRANSLATORS: %s is a command-line option, e.g. --org-name */
                 _ ("The value of %s is not valid text."), option);

  return text;
}
