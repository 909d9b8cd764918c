/* zb-cli-commands-print.c — `zhibu-cli print`, `verify-print` and `recover`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zb-cli-commands-print.h"
#include "zb-cli-commands.h"
#include "zb-cli-passphrase.h"
#include "zb-print-log.h"
#include "zb-member-repo.h"
#include "zb-recovery-sheet.h"
#include "zb-renderer.h"
#include "zb-roster-document.h"

/* The documents `zhibu-cli print` makes. Each opens the workspace itself
 * (ctx), writes the PDF to options->output and returns an exit status. A new
 * document is one more row here. */
typedef int (*PrintDocumentFunc) (ZbCliContext *ctx, const ZbCliPrintOptions *options);

static int print_recovery_sheet (ZbCliContext *ctx, const ZbCliPrintOptions *options);
static int print_roster (ZbCliContext *ctx, const ZbCliPrintOptions *options);

static const struct
{
  const char *name;
  PrintDocumentFunc print;
} print_documents[] = {
  { "ballot", zb_cli_print_ballot },
  { "meeting-register", zb_cli_print_meeting_register },
  { "member-sheet", zb_cli_print_member_sheet },
  { "member-sheets", zb_cli_print_member_sheets },
  { "minutes", zb_cli_print_minutes },
  { "recovery-sheet", print_recovery_sheet },
  { "resolution", zb_cli_print_resolution },
  { "review", zb_cli_print_review },
  { "roster", print_roster },
  { "talk", zb_cli_print_talk },
  { "talk-stats", zb_cli_print_talk_stats },
  { "vote-report", zb_cli_print_vote_report },
};

const char *
zb_cli_match_uuid (GPtrArray *uuids, const char *prefix, gboolean *ambiguous)
{
  gboolean long_enough = strlen (prefix) >= ZB_CLI_UUID_MIN_PREFIX;
  const char *found = NULL;

  *ambiguous = FALSE;
  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      if (uuid == NULL)
        continue;
      if (g_str_equal (uuid, prefix))
        return uuid;
      if (!long_enough || !g_str_has_prefix (uuid, prefix))
        continue;
      if (found != NULL)
        {
          *ambiguous = TRUE;
          return NULL;
        }
      found = uuid;
    }
  return found;
}

void
zb_cli_warn_not_recorded (const GError *error)
{
  g_autofree char *message = g_strdup_printf (
      /* TRANSLATORS: %s is the database's own message */
      _ ("The export could not be written to the audit log: %s"), error->message);

  zb_cli_warning (message);
}

gboolean
zb_cli_write_document (ZbPrintLog *log, ZbDocument *doc, const char *kind, const char *output,
                       GError **error)
{
  g_autoptr (ZbRenderer) renderer = NULL;
  g_autoptr (GError) log_error = NULL;
  guint n_pages;

  if (!zb_print_log_number_document (log, doc, error))
    return FALSE;
  renderer = zb_renderer_new (doc);
  n_pages = zb_renderer_paginate (renderer, 0, 0);
  if (!zb_renderer_render_to_pdf_file (renderer, output, NULL, error))
    return FALSE;

  if (!zb_print_log_record (log, doc, kind, n_pages, ZB_PRINT_DESTINATION_PDF, &log_error))
    zb_cli_warn_not_recorded (log_error);
  return TRUE;
}

static char *
format_timestamp (const char *iso8601)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);

  /* TRANSLATORS: a date and time for g_date_time_format(); zh_CN uses
   * "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (local, _ ("%Y-%m-%d %H:%M"));
}

/* verify-print */

/* 64 hex digits, spaces between them allowed. */
static gboolean
is_hash (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if (!g_ascii_isxdigit (*p))
        return FALSE;
      n++;
    }
  return n == 64;
}

int
zb_cli_command_verify_print (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *number = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbPrintRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  ZbPrintVerifyResult result;
  int status;
  const GOptionEntry entries[] = { { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE,
                                     G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
                                   G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  /* NUMBER HASH, or the "ZB1|NUMBER|HASH" a QR scanner reads, as one. */
  if (args != NULL && g_strv_length (args) == 2)
    {
      number = g_strdup (args[0]);
      hash = g_strdup (args[1]);
    }
  else if (args == NULL || g_strv_length (args) != 1
           || !zb_print_parse_verification_text (args[0], &number, &hash))
    return zb_cli_context_usage_error (
        ctx, command,
        _ ("Give the document number and the hash, or the text of the QR code (ZB1|…)."));

  /* A mistyped hash is said to be one, not taken for a changed copy. */
  if (!is_hash (hash))
    return zb_cli_context_usage_error (
        ctx, command, _ ("The hash is the 64 letters and digits read from the QR code."));

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  log = zb_print_log_new (db);
  if (!zb_print_log_verify (log, number, hash, &result, &record, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  switch (result)
    {
    case ZB_PRINT_VERIFY_MATCHES:
      {
        g_autofree char *when = format_timestamp (record->printed_at);

        /* TRANSLATORS: %s: the document number; “%s”: its title; %s: when */
        g_print (_ ("%s matches what was printed: “%s”, printed on %s."), record->number,
                 record->title, when);
        g_print ("\n");
        return ZB_CLI_EXIT_OK;
      }

    case ZB_PRINT_VERIFY_HASH_DIFFERS:
      g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_DAMAGED,
                   /* TRANSLATORS: %s is a document number */
                   _ ("%s was printed with other content: this copy has been changed."),
                   record->number);
      return zb_cli_context_fail (ctx, error);

    case ZB_PRINT_VERIFY_UNKNOWN_NUMBER:
    default:
      g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   /* TRANSLATORS: %s is a document number as given */
                   _ ("This workspace never printed a document numbered %s."), number);
      return zb_cli_context_fail (ctx, error);
    }
}

/* print */

static int
print_recovery_sheet (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  const char *output = options->output;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (ZbRenderer) renderer = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  guint n_pages;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  if (zb_database_get_protection (db) != ZB_PROTECTION_KEYRING)
    {
      zb_database_close (db);
      g_set_error_literal (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                           _ ("This workspace is protected by a passphrase, so there is no key to "
                              "print: keep the passphrase safe instead."));
      return zb_cli_context_fail (ctx, error);
    }

  key = zb_key_store_lookup_sync (zb_cli_context_get_key_store (ctx), zb_database_get_uuid (db),
                                  NULL, &error);
  if (key == NULL)
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }

  org_name = zb_database_dup_org_name (db);
  now = g_date_time_new_now_local ();
  sheet = zb_recovery_sheet_new (org_name, zb_database_get_uuid (db), now, key);
  /* The sheet holds its own copy of the digits, wiped with it. */
  g_clear_pointer (&key, zb_secret_free);

  renderer = zb_renderer_new (sheet);
  n_pages = zb_renderer_paginate (renderer, 0, 0);
  if (!zb_renderer_render_to_pdf_file (renderer, output, NULL, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }

  log = zb_print_log_new (db);
  if (!zb_print_log_record_fixed (log, sheet, "recovery_sheet", n_pages, ZB_PRINT_DESTINATION_PDF,
                                  &error))
    zb_cli_warn_not_recorded (error);
  zb_database_close (db);

  display = g_filename_display_name (output);
  /* TRANSLATORS: %s is a file name */
  g_print (_ ("The recovery sheet was written to %s. Print it, lock it away, and delete the "
              "file."),
           display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

/* The 党员名册 of the active roster (or of the members @search finds), in
 * 姓氏笔画 order, numbered and recorded in the print log like every export. */
static int
print_roster (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  const char *output = options->output;
  const char *search = options->search;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbDocument) roster = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  query.search = search;
  repo = zb_member_repo_new (db);
  org_name = zb_database_dup_org_name (db);
  now = g_date_time_new_now_local ();
  log = zb_print_log_new (db);
  roster = zb_roster_document_new (repo, &query, org_name, now, &error);
  if (roster == NULL || !zb_cli_write_document (log, roster, "roster", output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The roster %s was written to %s."), zb_document_get_number (roster), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_print (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *output = NULL;
  g_autofree char *search = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *branch = NULL;
  g_autofree char *vote = NULL;
  g_autofree char *resolution = NULL;
  int year = 0;
  g_autoptr (GString) names = g_string_new (NULL);
  ZbCliPrintOptions options = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &output,
      N_ ("Write the PDF to FILE (replaced if it exists)"), N_ ("FILE") },
    { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &search,
      N_ ("Roster: only the members TEXT finds (name, pinyin, ID or phone number)"), N_ ("TEXT") },
    { "id-number", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &id_number,
      N_ ("Member sheet: the member with this ID number"), N_ ("NUMBER") },
    { "uuid", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &uuid,
      N_ ("Member sheet: the member with this UUID"), N_ ("UUID") },
    { "branch", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &branch,
      N_ ("Member sheets and talk statistics: only the members of the branch NAME"), N_ ("NAME") },
    { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &year,
      N_ ("Talk statistics and meeting register: the year (this year when not given)"),
      N_ ("YEAR") },
    { "vote", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &vote,
      N_ ("Ballot and vote report: the vote with this UUID"), N_ ("UUID") },
    { "resolution", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &resolution,
      N_ ("Resolution: only the resolution with this UUID"), N_ ("UUID") },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (print_documents); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", print_documents[i].name);

  /* DOCUMENT, and for the minutes the meeting's UUID after it. */
  if (args == NULL || g_strv_length (args) < 1 || g_strv_length (args) > 2)
    {
      g_autofree char *message = g_strdup_printf (
          /* TRANSLATORS: %s is a list of document names, e.g. recovery-sheet */
          _ ("Say which document to print: %s."), names->str);

      return zb_cli_context_usage_error (ctx, command, message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (print_documents); i++)
    {
      if (!g_str_equal (args[0], print_documents[i].name))
        continue;

      if (output == NULL)
        return zb_cli_context_usage_error (ctx, command,
                                           _ ("Give the PDF file to write with -o FILE."));
      options.command = command;
      options.output = output;
      options.search = search;
      options.id_number = id_number;
      options.uuid = uuid;
      options.branch = branch;
      /* A negative year is refused by the document, not taken for none. */
      options.year = year < 0 ? G_MAXUINT : (guint)year;
      options.target = args[1];
      options.vote = vote;
      options.resolution = resolution;
      if (options.target != NULL && print_documents[i].print != zb_cli_print_minutes
          && print_documents[i].print != zb_cli_print_review
          && print_documents[i].print != zb_cli_print_talk
          && print_documents[i].print != zb_cli_print_ballot
          && print_documents[i].print != zb_cli_print_vote_report
          && print_documents[i].print != zb_cli_print_resolution)
        {
          g_autofree char *message = g_strdup_printf (
              /* TRANSLATORS: %s is a document name, e.g. roster */
              _ ("“print %s” takes no other argument."), args[0]);

          return zb_cli_context_usage_error (ctx, command, message);
        }
      return print_documents[i].print (ctx, &options);
    }

  {
    g_autofree char *display = g_filename_display_name (args[0]);
    g_autofree char *message = g_strdup_printf (
        /* TRANSLATORS: the first %s is what was given, the second a list of names */
        _ ("Unknown document “%s”: use one of %s."), display, names->str);

    return zb_cli_context_usage_error (ctx, command, message);
  }
}

/* recover */

/* The recovery key from the first lines of @path: 64 hex digits, grouped or
 * not. The file's bytes are wiped from memory as soon as they are parsed. */
static ZbSecret *
read_key_file (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;
  ZbSecret *key;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _ ("The key file %s could not be read: %s"), display, local_error->message);
      return NULL;
    }

  key = zb_secret_new_from_hex (contents, NULL);
  explicit_bzero (contents, length);
  g_free (contents);

  if (key == NULL)
    g_set_error_literal (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                         _ ("The key file must hold the 64 characters of the recovery key "
                            "(spaces and line breaks are allowed)."));
  return key;
}

int
zb_cli_command_recover (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autofree char *key_file = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbSecret) passphrase = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  ZbKeyStore *store;
  const char *path;
  int status;
  const GOptionEntry entries[]
      = { { "key-file", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &key_file,
            N_ ("Read the recovery key (the 64 characters of the recovery sheet) from FILE"),
            N_ ("FILE") },
          { "new-passphrase-file", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &new_file,
            N_ ("Protect the workspace from now on with the passphrase in the first line of FILE "
                "instead of the keyring (--passphrase-file does the same here)"),
            N_ ("FILE") },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  if (key_file == NULL)
    return zb_cli_context_usage_error (
        ctx, command, _ ("Give the file holding the recovery key with --key-file FILE."));

  /* The workspace is opened with the key; a passphrase file can only mean the
   * passphrase to protect it with from now on. */
  if (new_file == NULL && zb_cli_context_get_passphrase_file (ctx) != NULL)
    new_file = g_strdup (zb_cli_context_get_passphrase_file (ctx));

  /* Everything that can be refused is refused before the file is touched. */
  if (new_file != NULL)
    {
      passphrase = zb_cli_read_new_passphrase (new_file, "--new-passphrase-file", &error);
      if (passphrase == NULL)
        return zb_cli_context_fail (ctx, error);
    }

  key = read_key_file (key_file, &error);
  if (key == NULL)
    return zb_cli_context_fail (ctx, error);

  path = zb_cli_context_get_path (ctx);
  if (!zb_database_probe (path, &error))
    return zb_cli_context_fail (ctx, error);

  db = zb_database_open (path, key, &error);
  if (db == NULL)
    {
      if (g_error_matches (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_WRONG_KEY))
        {
          g_autoptr (GError) wrong = g_steal_pointer (&error);

          g_set_error_literal (&error, wrong->domain, wrong->code,
                               _ ("This recovery key does not open the workspace. Check that it "
                                  "was copied exactly, and that the sheet belongs to this "
                                  "workspace."));
        }
      return zb_cli_context_fail (ctx, error);
    }

  store = zb_cli_context_get_key_store (ctx);

  if (passphrase != NULL)
    {
      if (!zb_recovery_sheet_record_recovery (db, ZB_PROTECTION_PASSPHRASE, &error)
          || !zb_database_rekey (db, passphrase, ZB_PROTECTION_PASSPHRASE, &error))
        {
          zb_database_close (db);
          return zb_cli_context_fail (ctx, error);
        }

      /* The old key opens nothing now; one left in the keyring is harmless. */
      if (!zb_key_store_forget_sync (store, zb_database_get_uuid (db), NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (
              _ ("The old key could not be removed from the keyring: %s"), error->message);

          zb_cli_warning (message);
          g_clear_error (&error);
        }
      zb_database_close (db);

      g_print ("%s\n", _ ("The workspace was opened with the recovery key and is now protected "
                          "by the new passphrase. The recovery sheet no longer opens it: shred "
                          "it."));
      return ZB_CLI_EXIT_OK;
    }

  org_name = zb_database_dup_org_name (db);
  if (!zb_key_store_store_sync (store, zb_database_get_uuid (db), zb_database_get_path (db),
                                org_name, key, NULL, &error))
    {
      g_autoptr (GError) store_error = g_steal_pointer (&error);

      zb_database_close (db);
      g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   /* TRANSLATORS: %s is the keyring's own message, a full sentence */
                   _ ("The recovery key opens the workspace, but it could not be put back into "
                      "the keyring: %s Keep the recovery sheet, or protect the workspace with a "
                      "passphrase using --new-passphrase-file."),
                   store_error->message);
      return zb_cli_context_fail (ctx, error);
    }

  /* A file marked as passphrase-protected but opened with a raw key is
   * marked again, so that the app looks in the keyring next time. */
  if ((zb_database_get_protection (db) != ZB_PROTECTION_KEYRING
       && !zb_database_rekey (db, key, ZB_PROTECTION_KEYRING, &error))
      || !zb_recovery_sheet_record_recovery (db, ZB_PROTECTION_KEYRING, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  g_print ("%s\n", _ ("The workspace was opened with the recovery key, and its key is back in "
                      "the desktop keyring. Keep the recovery sheet locked away."));
  return ZB_CLI_EXIT_OK;
}
