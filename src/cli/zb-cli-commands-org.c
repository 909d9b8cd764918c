/* zb-cli-commands-org.c — `zhibu-cli org add-branch|add-group|list` and `zhibu-cli demo`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-cli-commands.h"
#include "zb-cli-roster.h"
#include "zb-member-demo.h"
#include "zb-member-rules.h"
#include "zb-org-repo.h"
#include "zb-org-rules.h"

static const ZbCliCommand org_add_branch_command
    = { "org add-branch", "NAME [--parent UUID]",
        N_ ("Add a Party branch (under a committee or general branch given by its UUID)"), NULL };
static const ZbCliCommand org_add_group_command
    = { "org add-group", "BRANCH NAME",
        N_ ("Add a Party group to a branch given by its name or UUID"), NULL };
static const ZbCliCommand org_list_command
    = { "org list", "[--json]",
        N_ ("List the organisation: committees, branches and groups, with member counts and "
            "warnings about branch size"),
        NULL };

/* A unit given by its UUID or, for a branch, its name. */
static ZbOrgUnit *
find_unit (ZbOrgRepo *org, const char *which, ZbOrgUnitKind kind, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  ZbOrgUnit *unit = zb_org_repo_get_unit_by_uuid (org, which, &local_error);

  if (unit != NULL)
    return unit;
  if (!g_error_matches (local_error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  unit = zb_org_repo_find_unit (org, kind, -1, which, error);
  if (unit == NULL && (error == NULL || *error == NULL))
    g_set_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND,
                 _ ("There is no organisation called “%s”."), which);
  return unit;
}

static int
org_add (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv, gboolean group)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *parent_arg = NULL;
  g_autofree char *name = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbOrgUnit) parent = NULL;
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (GError) error = NULL;
  guint n_args = group ? 2 : 1;
  int status;
  const GOptionEntry branch_entries[]
      = { { "parent", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &parent_arg,
            N_ ("The committee or general branch it belongs to"), "UUID" },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
            N_ ("NAME") },
          G_OPTION_ENTRY_NULL };
  const GOptionEntry group_entries[]
      = { { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
            N_ ("BRANCH NAME") },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, command, group ? group_entries : branch_entries, &argc, &argv,
                             &status))
    return status;
  if (args == NULL || g_strv_length (args) != n_args)
    return zb_cli_context_usage_error (ctx, command,
                                       group ? _ ("Give the branch and the name of the group.")
                                             : _ ("Give the name of the branch."));

  name = zb_cli_roster_arg (args[n_args - 1], "NAME", &error);
  if (name == NULL)
    return zb_cli_context_fail (ctx, error);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  org = zb_org_repo_new (db);

  if (group || parent_arg != NULL)
    {
      g_autofree char *which
          = zb_cli_roster_arg (group ? args[0] : parent_arg, group ? "BRANCH" : "--parent", &error);

      if (which == NULL)
        return zb_cli_context_fail (ctx, error);
      parent = find_unit (org, which, group ? ZB_ORG_UNIT_BRANCH : ZB_ORG_UNIT_COMMITTEE, &error);
      if (parent == NULL)
        return zb_cli_context_fail (ctx, error);
    }

  unit = zb_org_repo_create_unit (org, group ? ZB_ORG_UNIT_GROUP : ZB_ORG_UNIT_BRANCH,
                                  parent != NULL ? parent->id : 0, name, &error);
  if (unit == NULL)
    return zb_cli_context_fail (ctx, error);

  g_print ("%s\n", unit->uuid);
  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

static int
org_list (ZbCliContext *ctx, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GHashTable) depth = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean json = FALSE;
  int status;
  GDate today;
  const GOptionEntry entries[]
      = { { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &org_list_command, entries, &argc, &argv, &status))
    return status;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  org = zb_org_repo_new (db);
  units = zb_org_repo_list_units (org, FALSE, &error);
  if (units == NULL)
    return zb_cli_context_fail (ctx, error);

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  json_builder_begin_array (builder);
  for (guint i = 0; i < units->len; i++)
    {
      const ZbOrgUnit *unit = g_ptr_array_index (units, i);
      guint n_full = 0, n_probationary = 0;
      g_autoptr (GPtrArray) warnings = NULL;
      g_autoptr (ZbCommitteeTerm) term = NULL;
      g_autofree char *today_text
          = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&today), g_date_get_month (&today),
                             g_date_get_day (&today));
      gpointer parent_depth = g_hash_table_lookup (depth, &unit->parent_id);
      guint level = parent_depth != NULL ? GPOINTER_TO_UINT (parent_depth) : 0;

      g_hash_table_insert (depth, g_memdup2 (&unit->id, sizeof unit->id),
                           GUINT_TO_POINTER (level + 1));

      if (!zb_org_repo_count_members (org, unit->id, &n_full, &n_probationary, &error))
        return zb_cli_context_fail (ctx, error);
      if (unit->kind == ZB_ORG_UNIT_BRANCH)
        {
          term = zb_org_repo_get_current_term (org, unit->id, today_text, &error);
          if (error != NULL)
            return zb_cli_context_fail (ctx, error);
          warnings = zb_org_check_branch_size (n_full, n_probationary, term != NULL);
          if (term != NULL)
            {
              GDate end;
              ZbOrgWarning *w;

              if (zb_parse_iso_date (term->end_date, &end)
                  && (w = zb_org_check_term (&end, &today, ZB_TERM_WARN_MONTHS_DEFAULT)) != NULL)
                g_ptr_array_add (warnings, w);
            }
        }

      if (json)
        {
          json_builder_begin_object (builder);
          zb_cli_roster_add_string (builder, "uuid", unit->uuid);
          zb_cli_roster_add_int (builder, "id", unit->id);
          zb_cli_roster_add_string (builder, "kind", zb_org_unit_kind_to_string (unit->kind));
          zb_cli_roster_add_string (builder, "name", unit->name);
          json_builder_set_member_name (builder, "parent_id");
          if (unit->parent_id != 0)
            json_builder_add_int_value (builder, unit->parent_id);
          else
            json_builder_add_null_value (builder);
          zb_cli_roster_add_int (builder, "full_members", n_full);
          zb_cli_roster_add_int (builder, "probationary_members", n_probationary);
          json_builder_set_member_name (builder, "warnings");
          json_builder_begin_array (builder);
          for (guint j = 0; warnings != NULL && j < warnings->len; j++)
            json_builder_add_string_value (
                builder, ((ZbOrgWarning *)g_ptr_array_index (warnings, j))->message);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *indent = g_strnfill (level * 2, ' ');

          g_print ("%s%s  %s  ", indent, unit->name, zb_org_unit_kind_get_label (unit->kind));
          /* TRANSLATORS: member counts of a branch, e.g. "12 full, 2 probationary" */
          g_print (_ ("%u full, %u probationary"), n_full, n_probationary);
          g_print ("  %s\n", unit->uuid);
          for (guint j = 0; warnings != NULL && j < warnings->len; j++)
            g_print ("%s  ! %s\n", indent,
                     ((ZbOrgWarning *)g_ptr_array_index (warnings, j))->message);
        }
    }
  json_builder_end_array (builder);

  if (json)
    zb_cli_roster_print_json (builder);
  else if (units->len == 0)
    g_print ("%s\n", _ ("No organisation has been set up yet."));

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_org (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  const char *const names[] = { "add-branch", "add-group", "list", NULL };
  const char *sub;
  int status;

  sub = zb_cli_roster_subcommand (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  if (g_str_equal (sub, "add-branch"))
    return org_add (ctx, &org_add_branch_command, argc - 1, argv + 1, FALSE);
  if (g_str_equal (sub, "add-group"))
    return org_add (ctx, &org_add_group_command, argc - 1, argv + 1, TRUE);
  return org_list (ctx, argc - 1, argv + 1);
}

/* `demo` ------------------------------------------------------------------- */

int
zb_cli_command_demo (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  int n_members = -1;
  int n_branches = 0;
  int seed = 2026;
  int status;
  const GOptionEntry entries[]
      = { { "members", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_members,
            N_ ("How many fictitious members to add (required)"), "N" },
          { "branches", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &n_branches,
            N_ ("Over how many branches to spread them (default: one per 40 members)"), "B" },
          { "seed", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &seed,
            N_ ("The same seed gives the same people"), "S" },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;
  if (n_members < 0 || n_members > 10000000)
    return zb_cli_context_usage_error (ctx, command,
                                       _ ("Say how many members to add with --members N."));
  if (n_branches < 0 || n_branches > 100000)
    return zb_cli_context_usage_error (ctx, command, _ ("The number of branches is not valid."));
  if (n_branches == 0)
    n_branches = MAX (1, (n_members + 39) / 40);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  if (!zb_member_demo_fill (db, (guint)n_members, (guint)n_branches, (guint32)seed, &error))
    return zb_cli_context_fail (ctx, error);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}
