/* zb-cli-commands-print-meetings.c — `zhibu-cli print ballot|vote-report|
 * resolution|meeting-register`: the documents of 三会一课 besides the minutes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-ballot-document.h"
#include "zb-branch-resolution-document.h"
#include "zb-cli-commands-print.h"
#include "zb-meeting-register-document.h"

/* What the documents share once the workspace is open. */
typedef struct
{
  ZbDatabase *db;
  ZbMeetingRepo *meetings;
  ZbMemberRepo *members;
  ZbOrgRepo *org;
  ZbPrintLog *log;
  char *org_name;
  char *meeting_uuid; /* the meeting options->target names, when asked for */
} PrintMeetings;

static void
print_meetings_clear (PrintMeetings *p)
{
  g_clear_object (&p->meetings);
  g_clear_object (&p->members);
  g_clear_object (&p->org);
  g_clear_object (&p->log);
  g_clear_pointer (&p->org_name, g_free);
  g_clear_pointer (&p->meeting_uuid, g_free);
  if (p->db != NULL)
    zb_database_close (p->db);
  g_clear_object (&p->db);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintMeetings, print_meetings_clear)

/* Opens the workspace and, with @with_meeting, finds the meeting
 * options->target names. */
static gboolean
print_meetings_open (PrintMeetings *p, ZbCliContext *ctx, const ZbCliPrintOptions *options,
                     gboolean with_meeting, GError **error)
{
  p->db = zb_cli_context_open (ctx, error);
  if (p->db == NULL)
    return FALSE;
  p->meetings = zb_meeting_repo_new (p->db);
  p->members = zb_member_repo_new (p->db);
  p->org = zb_org_repo_new (p->db);
  p->log = zb_print_log_new (p->db);
  p->org_name = zb_database_dup_org_name (p->db);
  if (!with_meeting)
    return TRUE;

  {
    g_autofree char *given = g_strstrip (g_strdup (options->target));

    p->meeting_uuid = zb_cli_find_meeting_uuid (p->meetings, given, error);
  }
  return p->meeting_uuid != NULL;
}

/* The full uuid of the vote of the meeting that @given names: itself, or the
 * one vote whose uuid starts with it. */
static char *
find_vote_uuid (PrintMeetings *p, const char *given, GError **error)
{
  g_autoptr (ZbMeetingRecord) record = zb_meeting_repo_get (p->meetings, p->meeting_uuid, error);
  g_autofree char *prefix = g_ascii_strdown (given, -1);
  g_autoptr (GPtrArray) uuids = NULL;
  const char *found;
  gboolean ambiguous;

  if (record == NULL)
    return NULL;
  g_strstrip (prefix);
  uuids = g_ptr_array_sized_new (record->votes->len);
  for (guint i = 0; i < record->votes->len; i++)
    g_ptr_array_add (uuids, ((ZbMeetingVote *)g_ptr_array_index (record->votes, i))->uuid);
  found = zb_cli_match_uuid (uuids, prefix, &ambiguous);
  if (ambiguous)
    g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND,
                 /* TRANSLATORS: %s is the start of a vote's UUID as given */
                 _ ("More than one vote of this meeting has a UUID starting with “%s”: "
                    "give more of it."),
                 given);
  else if (found == NULL)
    g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND,
                 /* TRANSLATORS: %s is a vote's UUID as given */
                 _ ("This meeting has no vote “%s”. The votes of a meeting are listed by "
                    "“meetings list --json”."),
                 given);
  return g_strdup (found);
}

/* Numbers @doc, writes it to options->output and records it in the print
 * log as @kind. Takes @doc; returns its number, or NULL after saying why
 * (*status set). */
static char *
write_document (ZbCliContext *ctx, PrintMeetings *p, const ZbCliPrintOptions *options,
                ZbDocument *doc_in, const char *kind, int *status)
{
  g_autoptr (ZbDocument) doc = doc_in;
  g_autoptr (GError) error = NULL;

  if (!zb_cli_write_document (p->log, doc, kind, options->output, &error))
    {
      *status = zb_cli_context_fail (ctx, error);
      return NULL;
    }
  *status = ZB_CLI_EXIT_OK;
  return g_strdup (zb_document_get_number (doc));
}

/* The ballots or the report of the vote --vote of the meeting. */
static int
print_vote_document (ZbCliContext *ctx, const ZbCliPrintOptions *options, gboolean report)
{
  g_auto (PrintMeetings) p = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *vote = NULL;
  g_autofree char *number = NULL;
  g_autofree char *display = NULL;
  ZbDocument *doc;
  int status;

  if (options->target == NULL || options->vote == NULL)
    return zb_cli_context_usage_error (
        ctx, options->command,
        report ? _ ("Say which vote to report on: print vote-report MEETING_UUID --vote VOTE_UUID "
                    "-o FILE (the UUIDs that “meetings list --json” shows).")
               : _ ("Say which vote the ballots are for: print ballot MEETING_UUID --vote "
                    "VOTE_UUID -o FILE (the UUIDs that “meetings list --json” shows)."));

  if (!print_meetings_open (&p, ctx, options, TRUE, &error)
      || (vote = find_vote_uuid (&p, options->vote, &error)) == NULL)
    return zb_cli_context_fail (ctx, error);

  doc = report ? zb_vote_report_document_new_for_vote (p.meetings, p.org, p.meeting_uuid, vote,
                                                       p.org_name, NULL, &error)
               : zb_ballot_document_new_for_vote (p.meetings, p.org, p.meeting_uuid, vote,
                                                  p.org_name, NULL, &error);
  if (doc == NULL)
    return zb_cli_context_fail (ctx, error);
  number = write_document (ctx, &p, options, doc, report ? ZB_VOTE_REPORT_KIND : ZB_BALLOT_KIND,
                           &status);
  if (number == NULL)
    return status;
  display = g_filename_display_name (options->output);
  if (report)
    /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
    g_print (_ ("The vote report %s was written to %s."), number, display);
  else
    /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
    g_print (_ ("The ballots %s were written to %s."), number, display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_print_ballot (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  return print_vote_document (ctx, options, FALSE);
}

int
zb_cli_print_vote_report (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  return print_vote_document (ctx, options, TRUE);
}

int
zb_cli_print_resolution (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_auto (PrintMeetings) p = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *resolution = NULL;
  g_autofree char *number = NULL;
  g_autofree char *display = NULL;
  ZbDocument *doc;
  int status;

  if (options->target == NULL)
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("Say which meeting’s resolution to print: print resolution MEETING_UUID -o FILE "
           "[--resolution UUID] (the UUIDs that “meetings list --json” shows)."));

  if (!print_meetings_open (&p, ctx, options, TRUE, &error))
    return zb_cli_context_fail (ctx, error);
  if (options->resolution != NULL)
    resolution = g_ascii_strdown (g_strstrip (g_strdup (options->resolution)), -1);

  doc = zb_branch_resolution_document_new_for_uuid (p.meetings, p.members, p.org, p.meeting_uuid,
                                                    resolution, p.org_name, NULL, &error);
  if (doc == NULL)
    return zb_cli_context_fail (ctx, error);
  number = write_document (ctx, &p, options, doc, ZB_BRANCH_RESOLUTION_KIND, &status);
  if (number == NULL)
    return status;
  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The resolution %s was written to %s."), number, display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_print_meeting_register (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_auto (PrintMeetings) p = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  guint year = options->year != 0 ? options->year : (guint)g_date_time_get_year (now);
  gint64 branch_id = 0;
  g_autofree char *number = NULL;
  g_autofree char *display = NULL;
  ZbDocument *doc;
  int status;

  if (year > 9999 || !g_date_valid_year ((GDateYear)year))
    return zb_cli_context_usage_error (ctx, options->command, _ ("The year is not valid."));

  if (!print_meetings_open (&p, ctx, options, FALSE, &error)
      || !zb_cli_find_branch (p.org, options->branch, &branch_id, &error))
    return zb_cli_context_fail (ctx, error);

  doc = zb_meeting_register_document_new (p.meetings, p.org, branch_id, year, p.org_name, now,
                                          &error);
  if (doc == NULL)
    return zb_cli_context_fail (ctx, error);
  number = write_document (ctx, &p, options, doc, ZB_MEETING_REGISTER_KIND, &status);
  if (number == NULL)
    return status;
  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The meeting register %s was written to %s."), number, display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
