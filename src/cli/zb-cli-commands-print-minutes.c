/* zb-cli-commands-print-minutes.c — `zhibu-cli print minutes UUID`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zb-cli-commands-print.h"
#include "zb-meeting-repo.h"
#include "zb-minutes-document.h"

char *
zb_cli_find_meeting_uuid (ZbMeetingRepo *repo, const char *given, GError **error)
{
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) uuids = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *prefix = g_ascii_strdown (given, -1);
  const char *found;
  gboolean ambiguous;

  record = zb_meeting_repo_get (repo, prefix, &local_error);
  if (record != NULL)
    return g_strdup (record->uuid);
  if (!g_error_matches (local_error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND)
      || strlen (prefix) < ZB_CLI_UUID_MIN_PREFIX)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  query.archived = TRUE;
  list = zb_meeting_repo_list (repo, &query, error);
  if (list == NULL)
    return NULL;
  uuids = g_ptr_array_sized_new (list->len);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (uuids, (gpointer)zb_meeting_get_uuid (g_ptr_array_index (list, i)));
  found = zb_cli_match_uuid (uuids, prefix, &ambiguous);
  if (ambiguous)
    g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND,
                 /* TRANSLATORS: %s is the start of a meeting's UUID as given */
                 _ ("More than one meeting has a UUID starting with “%s”: give more of "
                    "it."),
                 given);
  else if (found == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return g_strdup (found);
}

int
zb_cli_print_minutes (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) meetings = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbDocument) minutes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  const char *arg = options->target != NULL ? options->target : options->uuid;

  if (arg == NULL || (options->target != NULL && options->uuid != NULL))
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("Say which meeting’s minutes to print: print minutes UUID -o FILE (the UUID that "
           "“meetings list” shows; its first 8 characters are enough)."));

  given = g_strstrip (g_strdup (arg));
  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  meetings = zb_meeting_repo_new (db);
  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  uuid = zb_cli_find_meeting_uuid (meetings, given, &error);
  if (uuid != NULL)
    minutes
        = zb_minutes_document_new_for_uuid (meetings, members, org, uuid, org_name, NULL, &error);
  if (minutes == NULL
      || !zb_cli_write_document (log, minutes, ZB_MINUTES_DOCUMENT_KIND, options->output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The minutes %s were written to %s."), zb_document_get_number (minutes), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
