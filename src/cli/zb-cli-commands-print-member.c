/* zb-cli-commands-print-member.c — `zhibu-cli print member-sheet` and `member-sheets`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-batch-render.h"
#include "zb-cli-commands-print.h"
#include "zb-member-sheet.h"
#include "zb-print-log.h"

/* The uuid of the member --uuid or --id-number names. */
static char *
find_member_uuid (ZbMemberRepo *repo, const ZbCliPrintOptions *options, GError **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *id_number = NULL;

  if (options->uuid != NULL)
    return g_strstrip (g_strdup (options->uuid));

  id_number = g_ascii_strup (g_strstrip (g_strdup (options->id_number)), -1);
  if (!zb_member_repo_lookup_id_number (repo, id_number, &uuid, error))
    return NULL;
  if (uuid == NULL)
    g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                         _ ("No member on the roster has this ID number."));
  return g_steal_pointer (&uuid);
}

int
zb_cli_print_member_sheet (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;

  if ((options->id_number == NULL) == (options->uuid == NULL))
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("Say whose sheet to print with --id-number NUMBER or --uuid UUID."));

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  uuid = find_member_uuid (members, options, &error);
  if (uuid != NULL)
    sheet = zb_member_sheet_new_for_uuid (members, org, uuid, org_name, NULL, &error);
  if (sheet == NULL
      || !zb_cli_write_document (log, sheet, ZB_MEMBER_SHEET_KIND, options->output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The member sheet %s was written to %s."), zb_document_get_number (sheet), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}

gboolean
zb_cli_find_branch (ZbOrgRepo *org, const char *arg, gint64 *branch_id, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (GError) local_error = NULL;

  *branch_id = 0;
  if (arg == NULL)
    return TRUE;

  name = zb_cli_arg_to_utf8 (arg, "--branch", error);
  if (name == NULL)
    return FALSE;
  unit = zb_org_repo_find_unit (org, ZB_ORG_UNIT_BRANCH, -1, name, &local_error);
  if (unit == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND,
                     /* TRANSLATORS: %s is a branch name as given */
                     _ ("There is no branch “%s” in this workspace."), name);
      return FALSE;
    }
  *branch_id = unit->id;
  return TRUE;
}

int
zb_cli_print_member_sheets (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (GPtrArray) sheets = NULL;
  g_autoptr (GArray) page_counts = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  g_autofree char *search = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  gboolean recorded = TRUE;

  if (options->id_number != NULL || options->uuid != NULL)
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("member-sheets prints every member (or those of --branch): for one member, use "
           "member-sheet."));

  if (options->search != NULL)
    {
      search = zb_cli_arg_to_utf8 (options->search, "--search", &error);
      if (search == NULL)
        return zb_cli_context_fail (ctx, error);
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  /* The active roster in 姓氏笔画 order, as the 党员名册 lists it. */
  query.search = search;
  if (!zb_cli_find_branch (org, options->branch, &query.branch_id, &error)
      || (sheets
          = zb_member_sheets_new_for_query (members, org, &query, org_name, NULL, NULL, &error))
             == NULL)
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }

  if (sheets->len == 0)
    {
      zb_database_close (db);
      g_set_error_literal (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                           _ ("There is no member to print a sheet for."));
      return zb_cli_context_fail (ctx, error);
    }

  file = g_file_new_for_path (options->output);
  if (!zb_print_log_number_documents (log, sheets, &error)
      || !zb_batch_render_sync (sheets, file, NULL, &page_counts, NULL, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }

  /* Each sheet under its own number, as the app's batch printing does. */
  for (guint i = 0; i < sheets->len && recorded; i++)
    if (!zb_print_log_record (log, g_ptr_array_index (sheets, i), ZB_MEMBER_SHEET_KIND,
                              g_array_index (page_counts, guint, i), ZB_PRINT_DESTINATION_PDF,
                              &error))
      {
        zb_cli_warn_not_recorded (error);
        recorded = FALSE;
      }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* TRANSLATORS: %u is how many sheets; then the first and the last
                         * document number (ZB-2026-000123), and a file name */
                        "%u member sheet, %s to %s, was written to %s.",
                        "%u member sheets, %s to %s, were written to %s.", sheets->len),
           sheets->len, zb_document_get_number (g_ptr_array_index (sheets, 0)),
           zb_document_get_number (g_ptr_array_index (sheets, sheets->len - 1)), display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
