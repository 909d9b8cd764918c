/* zb-cli-commands-print-talks.c — `zhibu-cli print talk UUID` and
 * `print talk-stats --year Y`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 谈心谈话记录表 holds the contents of the talk: making it opens them,
 * which the talk repository writes to the audit log, and the printed PDF is
 * recorded in the print log like every document.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zb-cli-commands-print.h"
#include "zb-talk-document.h"

/* The full uuid of the talk @given names: itself when a talk has it, else
 * the one talk (archived ones included) whose uuid starts with it. */
static char *
find_talk_uuid (ZbTalkRepo *repo, const char *given, GError **error)
{
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autoptr (ZbTalkRecord) record = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) uuids = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *prefix = g_ascii_strdown (given, -1);
  const char *found;
  gboolean ambiguous;

  record = zb_talk_repo_get (repo, prefix, &local_error);
  if (record != NULL)
    return g_strdup (record->uuid);
  if (!g_error_matches (local_error, ZB_TALK_ERROR, ZB_TALK_ERROR_NOT_FOUND)
      || strlen (prefix) < ZB_CLI_UUID_MIN_PREFIX)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  query.archived = TRUE;
  list = zb_talk_repo_list (repo, &query, error);
  if (list == NULL)
    return NULL;
  uuids = g_ptr_array_sized_new (list->len);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (uuids, ((ZbTalkRecord *)g_ptr_array_index (list, i))->uuid);
  found = zb_cli_match_uuid (uuids, prefix, &ambiguous);
  if (ambiguous)
    g_set_error (error, ZB_TALK_ERROR, ZB_TALK_ERROR_NOT_FOUND,
                 /* TRANSLATORS: %s is the start of a talk's UUID as given */
                 _ ("More than one talk has a UUID starting with “%s”: give more of it."), given);
  else if (found == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return g_strdup (found);
}

int
zb_cli_print_talk (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) talks = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  const char *arg = options->target != NULL ? options->target : options->uuid;

  if (arg == NULL || (options->target != NULL && options->uuid != NULL))
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("Say which talk to print: print talk UUID -o FILE (the UUID that “talks list” shows; "
           "its first 8 characters are enough)."));

  given = g_strstrip (g_strdup (arg));
  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  talks = zb_talk_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  uuid = find_talk_uuid (talks, given, &error);
  if (uuid != NULL)
    doc = zb_talk_record_document_new_for_uuid (talks, uuid, org_name, NULL, &error);
  if (doc == NULL
      || !zb_cli_write_document (log, doc, ZB_TALK_RECORD_KIND, options->output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The talk record %s was written to %s."), zb_document_get_number (doc), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_print_talk_stats (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) talks = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbDocument) doc = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  gint64 branch_id = 0;
  guint year = options->year;

  /* Without --year: this year, as far as it has gone. */
  if (year == 0)
    year = (guint)g_date_time_get_year (now);
  if (!g_date_valid_year ((GDateYear)year) || year < 1921 || year > 9999)
    return zb_cli_context_usage_error (ctx, options->command,
                                       _ ("Give the year with --year, e.g. --year 2026."));

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  talks = zb_talk_repo_new (db);
  org = zb_org_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  if (zb_cli_find_branch (org, options->branch, &branch_id, &error))
    doc = zb_talk_stats_document_new (talks, org, branch_id, year, NULL, org_name, now, &error);
  if (doc == NULL || !zb_cli_write_document (log, doc, ZB_TALK_STATS_KIND, options->output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The talk statistics %s were written to %s."), zb_document_get_number (doc), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
