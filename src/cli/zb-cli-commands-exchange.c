/* zb-cli-commands-exchange.c — `zhibu-cli import` and `zhibu-cli export`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "zb-cli-commands-export-talks.h"
#include "zb-cli-commands.h"
#include "zb-exchange-error.h"
#include "zb-exporter.h"
#include "zb-import-batch.h"
#include "zb-importer.h"
#include "zb-org-repo.h"

/* `import` and `export` take a subcommand; each gets its own usage line. */
static const ZbCliCommand import_members_command
    = { "import members", "FILE [--dry-run] [--accept-valid] [--branch NAME] [--json]",
        N_ ("Import members from a .csv or .xlsx roster. Nothing is written when a record has a "
            "problem, unless --accept-valid is given. Exit status 1 when records were rejected "
            "and nothing was written."),
        NULL };
static const ZbCliCommand import_undo_command
    = { "import undo", "[BATCH] [--json]",
        N_ ("Undo the last import, or the import BATCH (its number or first 8 characters): "
            "remove exactly the members it added"),
        NULL };
static const ZbCliCommand export_members_command
    = { "export members", "--format csv|xlsx -o FILE [--search TEXT]",
        N_ ("Write the roster (or the members a search finds) to a .csv or .xlsx file"), NULL };

static void
print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  /* not g_print(): JSON is UTF-8 whatever the locale's charset */
  fwrite (text, 1, length, stdout);
  fputc ('\n', stdout);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* A subcommand's arguments: argv[0] names the command, argv[1] the
 * subcommand. Returns NULL (with *status set) on --help or a usage error. */
static const char *
subcommand_of (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv,
               const char *const *names, int *status)
{
  if (argc >= 2 && g_strv_contains (names, argv[1]))
    return argv[1];

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n\n", _ (command->summary));
      for (guint i = 0; names[i] != NULL; i++)
        g_print ("  zhibu-cli %s %s …\n", command->name, names[i]);
      g_print ("\n");
      /* TRANSLATORS: %s is a command line, e.g. zhibu-cli import members --help */
      g_print (_ ("Run “%s” for the options of each."), "zhibu-cli COMMAND SUBCOMMAND --help");
      g_print ("\n");
      *status = ZB_CLI_EXIT_OK;
      return NULL;
    }

  {
    g_autofree char *list = g_strjoinv ("”, “", (char **)names);
    g_autofree char *message = NULL;

    if (argc < 2)
      message = g_strdup_printf (_ ("Say what to do: “%s”."), list);
    else
      {
        g_autofree char *display = g_filename_display_name (argv[1]);

        message = g_strdup_printf (_ ("Unknown subcommand “%s”: use “%s”."), display, list);
      }
    *status = zb_cli_context_usage_error (ctx, command, message);
    return NULL;
  }
}

/* `import members` -------------------------------------------------------------- */

/* The branch named by --branch; without it, the workspace's only branch (or
 * none). *n_branches is how many there are. */
static gboolean
find_branch (ZbDatabase *db, const char *name, gint64 *branch_id, guint *n_branches, GError **error)
{
  g_autoptr (ZbOrgRepo) org = zb_org_repo_new (db);
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) local_error = NULL;

  *branch_id = 0;
  *n_branches = 0;
  if (name != NULL)
    {
      unit = zb_org_repo_find_unit (org, ZB_ORG_UNIT_BRANCH, -1, name, &local_error);
      if (local_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      if (unit == NULL)
        {
          g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                       _ ("There is no branch “%s” in this workspace."), name);
          return FALSE;
        }
      *branch_id = unit->id;
      return TRUE;
    }

  /* a workspace of one branch: that is where members go */
  units = zb_org_repo_list_units (org, FALSE, error);
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const ZbOrgUnit *u = units->pdata[i];

      if (u->kind == ZB_ORG_UNIT_BRANCH && (*n_branches)++ == 0)
        *branch_id = u->id;
    }
  if (*n_branches > 1)
    *branch_id = 0;
  return TRUE;
}

static void
print_report_json (const ZbImportReport *report, gboolean dry_run)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "accepted", report->n_valid);
  json_builder_set_member_name (builder, "rejected");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      json_builder_begin_object (builder);
      add_int (builder, "record", p->record);
      add_int (builder, "row", p->row);
      add_string (builder, "field", p->field);
      add_string (builder, "code", p->code);
      add_string (builder, "message", p->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_int (builder, "records", report->n_records);
  add_int (builder, "rejected_records", report->n_rejected);
  add_int (builder, "written", report->n_written);
  add_string (builder, "batch", report->batch_uuid);
  json_builder_set_member_name (builder, "dry_run");
  json_builder_add_boolean_value (builder, dry_run);
  json_builder_end_object (builder);

  print_json (builder);
}

static void
print_report_plain (const ZbImportReport *report, gboolean dry_run, gboolean accept_valid)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      /* TRANSLATORS: one rejected record: its number, its row in the file, and
       * what is wrong */
      g_print (_ ("Record %u (row %u): %s"), p->record, p->row, p->message);
      g_print ("\n");
    }
  if (report->problems->len > 0)
    g_print ("\n");

  g_print (_ ("Records read: %u; without problems: %u; with problems: %u."), report->n_records,
           report->n_valid, report->n_rejected);
  g_print ("\n");

  if (report->batch_uuid != NULL)
    {
      g_autofree char *short_id = g_strndup (report->batch_uuid, 8);
      g_autofree char *undo = g_strdup_printf ("zhibu-cli import undo %s", short_id);

      g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u member.", "Imported %u members.",
                            report->n_written),
               report->n_written);
      g_print (" ");
      /* TRANSLATORS: %s is a command line: zhibu-cli import undo 1a2b3c4d */
      g_print (_ ("To undo this import: %s"), undo);
      g_print ("\n");
    }
  else if (dry_run)
    g_print ("%s\n", _ ("Nothing was written (--dry-run)."));
  else if (report->n_rejected > 0 && !accept_valid && report->n_valid > 0)
    {
      g_print (_ ("Nothing was written, because some records have problems. Correct them in the "
                  "file, or run again with --accept-valid to import the %u records without "
                  "problems."),
               report->n_valid);
      g_print ("\n");
    }
  else
    g_print ("%s\n", _ ("Nothing was written: no record can be imported."));
}

static int
import_members (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (GStrv) files = NULL;
  g_autofree char *branch_arg = NULL;
  g_autofree char *branch_name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *base = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean dry_run = FALSE, accept_valid = FALSE, json = FALSE;
  ZbImportFlags flags = ZB_IMPORT_DEFAULT;
  gint64 branch_id = 0;
  guint n_branches = 0;
  int status;
  const GOptionEntry entries[]
      = { { "dry-run", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &dry_run,
            N_ ("Check the file and report, but write nothing"), NULL },
          { "accept-valid", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &accept_valid,
            N_ ("Import the records without problems even when others have some"), NULL },
          { "branch", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &branch_arg,
            N_ ("The branch the members join when the file does not say (needed when the workspace "
                "has several)"),
            N_ ("NAME") },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL,
            N_ ("FILE") },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &import_members_command, entries, &argc, &argv, &status))
    return status;

  if (files == NULL || files[0] == NULL)
    return zb_cli_context_usage_error (ctx, &import_members_command,
                                       _ ("Which file? Give the roster file to import."));
  if (files[1] != NULL)
    {
      g_autofree char *extra = g_filename_display_name (files[1]);
      g_autofree char *message = g_strdup_printf (_ ("Unexpected argument “%s”."), extra);

      return zb_cli_context_usage_error (ctx, &import_members_command, message);
    }
  if (branch_arg != NULL)
    {
      branch_name = zb_cli_arg_to_utf8 (branch_arg, "--branch", &error);
      if (branch_name == NULL)
        return zb_cli_context_fail (ctx, error);
    }

  /* the file first: a wrong file should not need the passphrase to be told */
  sheet = zb_sheet_read_file (files[0], NULL, &error);
  if (sheet == NULL)
    return zb_cli_context_fail (ctx, error);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  if (!find_branch (db, branch_name, &branch_id, &n_branches, &error))
    return zb_cli_context_fail (ctx, error);

  repo = zb_member_repo_new (db);
  display = g_filename_display_basename (files[0]);
  importer = zb_importer_new (repo, sheet, display);
  zb_importer_set_branch (importer, branch_id);

  /* members without a branch would have to be placed one by one later */
  if (branch_id == 0 && n_branches > 1
      && zb_import_mapping_get_column (zb_importer_get_mapping (importer), ZB_IMPORT_FIELD_BRANCH)
             < 0)
    return zb_cli_context_usage_error (
        ctx, &import_members_command,
        _ ("This workspace has several branches and the file has no branch column: say which "
           "branch the members join with --branch NAME."));

  if (dry_run)
    flags |= ZB_IMPORT_DRY_RUN;
  if (accept_valid)
    flags |= ZB_IMPORT_ACCEPT_VALID;

  report = zb_importer_run (importer, flags, NULL, NULL, NULL, &error);
  if (report == NULL)
    return zb_cli_context_fail (ctx, error);

  if (json)
    print_report_json (report, dry_run);
  else
    print_report_plain (report, dry_run, accept_valid);

  zb_database_close (db);

  /* Scripts can tell "done" from "refused": nothing valid was (or would be)
   * written when records were rejected without --accept-valid. */
  if (report->n_valid == 0 || (report->n_rejected > 0 && !accept_valid))
    return ZB_CLI_EXIT_FAILED;
  return ZB_CLI_EXIT_OK;
}

/* `import undo` ----------------------------------------------------------------- */

static int
import_undo (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbImportBatch) batch = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE;
  guint n_removed = 0;
  int status;
  const GOptionEntry entries[]
      = { { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &args, NULL,
            N_ ("BATCH") },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &import_undo_command, entries, &argc, &argv, &status))
    return status;
  if (args != NULL && args[0] != NULL && args[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_ ("Unexpected argument “%s”."), args[1]);

      return zb_cli_context_usage_error (ctx, &import_undo_command, message);
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  repo = zb_member_repo_new (db);
  batch = zb_import_batch_undo (repo, args != NULL ? args[0] : NULL, &n_removed, &error);
  if (batch == NULL)
    return zb_cli_context_fail (ctx, error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "batch", batch->uuid);
      add_string (builder, "file_name", batch->file_name);
      add_string (builder, "imported_at", batch->imported_at);
      add_string (builder, "undone_at", batch->undone_at);
      add_int (builder, "removed", n_removed);
      json_builder_end_object (builder);
      print_json (builder);
    }
  else
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "The import of “%s” was undone: %u member was removed.",
                            "The import of “%s” was undone: %u members were removed.", n_removed),
               batch->file_name, n_removed);
      g_print ("\n");
    }

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_import (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  static const char *const names[] = { "members", "undo", NULL };
  const char *sub;
  int status;

  sub = subcommand_of (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  if (g_str_equal (sub, "members"))
    return import_members (ctx, argc - 1, argv + 1);
  return import_undo (ctx, argc - 1, argv + 1);
}

/* `export members` ------------------------------------------------------------- */

static int
export_members (ZbCliContext *ctx, int argc, char **argv)
{
  g_autofree char *format_arg = NULL;
  g_autofree char *output = NULL;
  g_autofree char *search_arg = NULL;
  g_autofree char *search = NULL;
  g_autofree char *display = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  ZbExportFormat format;
  guint n_members = 0;
  int status;
  const GOptionEntry entries[]
      = { { "format", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &format_arg,
            N_ ("“csv” or “xlsx” (by default from the file’s name)"), "csv|xlsx" },
          { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
            N_ ("The file to write (replaced if it exists)"), N_ ("FILE") },
          { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &search_arg,
            N_ ("Only the members this search finds (name, pinyin, ID or phone number)"),
            N_ ("TEXT") },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &export_members_command, entries, &argc, &argv, &status))
    return status;

  if (output == NULL)
    return zb_cli_context_usage_error (ctx, &export_members_command,
                                       _ ("Which file? Give it with -o FILE."));

  if (format_arg == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      if (g_str_has_suffix (lower, ".xlsx"))
        format = ZB_EXPORT_XLSX;
      else if (g_str_has_suffix (lower, ".csv"))
        format = ZB_EXPORT_CSV;
      else
        return zb_cli_context_usage_error (ctx, &export_members_command,
                                           _ ("Say which format to write with --format csv or "
                                              "--format xlsx."));
    }
  else if (!zb_export_format_from_string (format_arg, &format))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("Unknown format “%s”: use “csv” or “xlsx”."), format_arg);

      return zb_cli_context_usage_error (ctx, &export_members_command, message);
    }

  if (search_arg != NULL)
    {
      search = zb_cli_arg_to_utf8 (search_arg, "--search", &error);
      if (search == NULL)
        return zb_cli_context_fail (ctx, error);
      query.search = search;
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  repo = zb_member_repo_new (db);
  if (!zb_export_members (repo, &query, format, output, NULL, NULL, NULL, &n_members, &error))
    return zb_cli_context_fail (ctx, error);

  display = g_filename_display_name (output);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u member to “%s”.", "Wrote %u members to “%s”.",
                        n_members),
           n_members, display);
  g_print ("\n");

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_export (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  static const char *const names[] = { "members", "talks", NULL };
  const char *sub;
  int status;

  sub = subcommand_of (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  if (g_str_equal (sub, "talks"))
    return zb_cli_export_talks (ctx, argc - 1, argv + 1);
  return export_members (ctx, argc - 1, argv + 1);
}
