/* zb-cli-commands-export-talks.c — `zhibu-cli export talks`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The talks as the list shows them (date, people, kind, topic, follow-ups);
 * their contents only with --with-contents, each talk's opening then written
 * to the audit log like any other.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-cli-commands-export-talks.h"
#include "zb-talk-export.h"

static const ZbCliCommand export_talks_command
    = { "export talks", "--format csv|xlsx -o FILE [--year YEAR] [--with-contents]",
        N_ ("Write the talks (date, people, kind, topic, follow-ups) to a .csv or .xlsx file; "
            "what was said only with --with-contents, and every talk so opened is recorded in "
            "the audit log"),
        NULL };

int
zb_cli_export_talks (ZbCliContext *ctx, int argc, char **argv)
{
  g_autofree char *format_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *display = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) talks = NULL;
  g_autoptr (GError) error = NULL;
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  gboolean with_contents = FALSE;
  const char *extension;
  int year = 0;
  int status;
  const GOptionEntry entries[]
      = { { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_arg,
            N_ ("“csv” or “xlsx” (by default from the file’s name)"), "csv|xlsx" },
          { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
            N_ ("The file to write (replaced if it exists)"), N_ ("FILE") },
          { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &year,
            N_ ("Only the talks of this year"), N_ ("YEAR") },
          { "with-contents", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &with_contents,
            N_ ("Also write what was said in each talk (each opening is recorded in the audit "
                "log)"),
            NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &export_talks_command, entries, &argc, &argv, &status))
    return status;

  if (output == NULL)
    return zb_cli_context_usage_error (ctx, &export_talks_command,
                                       _ ("Which file? Give it with -o FILE."));
  if (year < 0 || (year != 0 && !g_date_valid_year ((GDateYear)year)))
    return zb_cli_context_usage_error (ctx, &export_talks_command,
                                       _ ("Give the year with --year, e.g. --year 2026."));

  /* The file's name says the format (zb_talk_export_to_file() goes by it):
   * --format, when given, must agree with it. */
  lower = g_ascii_strdown (output, -1);
  extension = g_str_has_suffix (lower, ".xlsx")  ? "xlsx"
              : g_str_has_suffix (lower, ".csv") ? "csv"
                                                 : NULL;
  if (format_arg != NULL && !g_str_equal (format_arg, "csv") && !g_str_equal (format_arg, "xlsx"))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("Unknown format “%s”: use “csv” or “xlsx”."), format_arg);

      return zb_cli_context_usage_error (ctx, &export_talks_command, message);
    }
  if (extension == NULL && format_arg == NULL)
    return zb_cli_context_usage_error (ctx, &export_talks_command,
                                       _ ("The file’s name must end in .csv or .xlsx."));
  if (format_arg != NULL && g_strcmp0 (format_arg, extension) != 0)
    {
      g_autofree char *message = g_strdup_printf (
          /* TRANSLATORS: %s is csv or xlsx */
          _ ("The file’s name must end in .%s."), format_arg);

      return zb_cli_context_usage_error (ctx, &export_talks_command, message);
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  query.year = (guint)year;
  talks = zb_talk_repo_new (db);
  if (!zb_talk_export_to_file (talks, &query, with_contents, output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (output);
  if (with_contents)
    /* TRANSLATORS: %s is a file name */
    g_print (_ ("The talks were written to “%s”, with what was said in them. Keep the file safe "
                "and delete it when it is no longer needed."),
             display);
  else
    /* TRANSLATORS: %s is a file name */
    g_print (_ ("The talks were written to “%s”, without what was said in them."), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
