/* main.c — zhibu-cli: the core of Zhibu for scripts, batch work and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "zb-cli-commands.h"
#include "zb-cli-commands-meetings.h"
#include "zb-cli-commands-talks.h"
#include "zb-cli-context.h"

static const ZbCliCommand commands[] = {
  { "init", "--org-name NAME [--superior NAME] [--protect keyring|passphrase]",
    N_ ("Create a new workspace"), zb_cli_command_init },
  { "info", "[--json]", N_ ("Show the facts of the workspace and how many rows each table holds"),
    zb_cli_command_info },
  { "verify", "", N_ ("Check the database file and the audit log for damage or changes"),
    zb_cli_command_verify },
  { "passwd", "[--to keyring|passphrase] [--new-passphrase-file FILE]",
    N_ ("Change the passphrase, or switch between keyring and passphrase protection"),
    zb_cli_command_passwd },
  { "print",
    "DOCUMENT [UUID] -o FILE [--id-number N | --uuid U] [--branch NAME] [--year Y] [--vote V]"
    " [--resolution R]",
    N_ ("Write a document as PDF (roster, member-sheet, member-sheets, minutes, recovery-sheet, "
        "talk, talk-stats, ballot, vote-report, resolution, meeting-register, review)"),
    zb_cli_command_print },
  { "verify-print", "NUMBER HASH", N_ ("Check a printed copy against the print log"),
    zb_cli_command_verify_print },
  { "recover", "--key-file FILE [--new-passphrase-file FILE]",
    N_ ("Open the workspace with its printed recovery key and protect it again"),
    zb_cli_command_recover },
  { "import", "members FILE [--dry-run] [--accept-valid] [--branch NAME] [--json] | undo [BATCH]",
    N_ ("Import members from a .csv or .xlsx roster, or undo an import"), zb_cli_command_import },
  { "export",
    "members --format csv|xlsx -o FILE [--search TEXT] | talks --format csv|xlsx -o FILE "
    "[--year Y] [--with-contents]",
    N_ ("Write the roster, or the talks, to a .csv or .xlsx file"), zb_cli_command_export },
  { "members", "list|show|event …",
    N_ ("List the roster, show a member, or record a status change"), zb_cli_command_members },
  { "org", "add-branch|add-group|list …", N_ ("Set up and list branches and Party groups"),
    zb_cli_command_org },
  { "demo", "--members N [--branches B]",
    N_ ("Fill the workspace with fictitious members, for trying Zhibu out"), zb_cli_command_demo },
  { "meetings", "add|list|grades …",
    N_ ("Record and list branch meetings and Party lessons with their attendance"),
    zb_cli_command_meetings },
  { "talks", "add|list|coverage …",
    N_ ("Record heart-to-heart talks and see who has been talked with this year"),
    zb_cli_command_talks },
};

static const ZbCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static char *
dup_commands_summary (void)
{
  GString *text = g_string_new (_ ("Commands:"));
  gsize width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-*s  %s", (int)width, commands[i].name,
                            _ (commands[i].summary));

  g_string_append (text, "\n\n");
  /* TRANSLATORS: %s is a command line, e.g. zhibu-cli COMMAND --help */
  g_string_append_printf (text, _ ("Run “%s” for the options of a command."),
                          "zhibu-cli COMMAND --help");

  return g_string_free (text, FALSE);
}

/* The core logs details for the journal with g_message() (e.g. which page failed
 * an integrity check). On a command line they would break the promise of exactly
 * one line on standard error, so only warnings and worse are shown, unless
 * G_MESSAGES_DEBUG asks for more. */
static GLogWriterOutput
log_writer (GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
  if ((log_level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG)) != 0
      && g_getenv ("G_MESSAGES_DEBUG") == NULL)
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int argc, char **argv)
{
  g_autoptr (ZbCliContext) ctx = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  const ZbCliCommand *command;
  const char *localedir;
  gboolean version = FALSE;
  GOptionGroup *group;
  const GOptionEntry main_entries[] = { { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                          &version, N_ ("Show the version and exit"), NULL },
                                        G_OPTION_ENTRY_NULL };

  setlocale (LC_ALL, "");
  /* ZB_LOCALEDIR is for tests and uninstalled runs only: the translations are
   * then in the build tree, not under the install prefix. */
  localedir = g_getenv ("ZB_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("zhibu-cli");
  g_log_set_writer_func (log_writer, NULL, NULL);

  ctx = zb_cli_context_new ();

  group = zb_cli_context_new_global_group (ctx, main_entries);

  summary = dup_commands_summary ();
  description = zb_cli_dup_help_description ();

  context = g_option_context_new (_ ("COMMAND [OPTION…]"));
  g_option_context_set_main_group (context, group);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, description);
  /* Stop at the command: what follows is parsed by the command itself. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return zb_cli_context_usage_error (ctx, NULL, error->message);

  if (version)
    {
      g_print ("zhibu-cli %s\n", PACKAGE_VERSION);
      return ZB_CLI_EXIT_OK;
    }

  if (argc < 2)
    return zb_cli_context_usage_error (ctx, NULL, _ ("No command was given."));

  if (g_str_equal (argv[1], "help"))
    {
      g_autofree char *help = NULL;

      if (argc > 2 && (command = find_command (argv[2])) != NULL)
        {
          char *help_argv[] = { (char *)command->name, (char *)"--help", NULL };
          char **help_args = help_argv;
          int help_argc = 2;

          /* exits after printing the command's help */
          return command->run (ctx, command, help_argc, help_args);
        }

      help = g_option_context_get_help (context, TRUE, NULL);
      g_print ("%s", help);
      return ZB_CLI_EXIT_OK;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      g_autofree char *display = g_filename_display_name (argv[1]);
      g_autofree char *message = g_strdup_printf (_ ("Unknown command “%s”."), display);

      return zb_cli_context_usage_error (ctx, NULL, message);
    }

  return command->run (ctx, command, argc - 1, argv + 1);
}
