/* zb-cli-commands-meetings-review.c — `zhibu-cli meetings grades` and
 * `zhibu-cli print review`: 民主评议党员 for scripts and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zb-cli-commands-meetings.h"
#include "zb-cli-commands-print.h"
#include "zb-cli-roster.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"
#include "zb-print-log.h"
#include "zb-review-document.h"

static const ZbCliCommand meetings_grades_command
    = { "meetings grades", "MEETING_UUID [--set WHO=GRADE]… [--remark WHO=TEXT]… [--json]",
        N_ ("Show or set the grades of the democratic appraisal of members at a meeting"), NULL };

/* The stable names, "none" to clear, and the official Chinese names that a
 * secretary would type. */
static gboolean
parse_grade (const char *text, ZbReviewGrade *grade)
{
  static const char *const chinese[] = { "未评定", "优秀", "合格", "基本合格", "不合格" };

  if (zb_review_grade_from_string (text, grade))
    return TRUE;
  if (g_strcmp0 (text, "none") == 0)
    {
      *grade = ZB_REVIEW_GRADE_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (chinese); i++)
    if (g_strcmp0 (text, chinese[i]) == 0)
      {
        *grade = (ZbReviewGrade)i;
        return TRUE;
      }
  return FALSE;
}

/* The entry of @candidates for @who: a name unique among them first (two
 * members of the roster may share a name that only one of them has at this
 * meeting), else the member zb_cli_roster_find_member() finds by UUID, ID
 * number or name, added ungraded when not among them — the repository then
 * says why they cannot be graded. */
static ZbMeetingGrade *
find_entry (ZbMemberRepo *members, GPtrArray *candidates, const char *who, GError **error)
{
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (GError) local_error = NULL;
  ZbMeetingGrade *found = NULL;
  guint n = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      ZbMeetingGrade *c = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (c->member_name, who) == 0)
        {
          found = c;
          n++;
        }
    }
  if (n == 1)
    return found;

  record = zb_cli_roster_find_member (members, who, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (record == NULL)
    {
      g_set_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                   _ ("No member “%s” was found on the roster."), who);
      return NULL;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      ZbMeetingGrade *c = g_ptr_array_index (candidates, i);

      if (c->member_id == record->id)
        return c;
    }
  found = zb_meeting_grade_new (record->id, record->name, ZB_REVIEW_GRADE_NONE, NULL);
  g_ptr_array_add (candidates, found);
  return found;
}

/* Splits "WHO=VALUE" (WHO trimmed); a usage error naming @option otherwise. */
static gboolean
split_pair (const char *arg, const char *option, char **who, char **value, GError **error)
{
  g_autofree char *text = zb_cli_roster_arg (arg, option, error);
  char *equals;

  if (text == NULL)
    return FALSE;
  equals = strchr (text, '=');
  if (equals == NULL || equals == text)
    {
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                   /* TRANSLATORS: %s is an option, e.g. --set */
                   _ ("Write %s as WHO=VALUE, for example 张三=excellent."), option);
      return FALSE;
    }
  *equals = '\0';
  *who = g_strstrip (g_strdup (text));
  *value = g_strstrip (g_strdup (equals + 1));
  return TRUE;
}

static gboolean
apply_changes (ZbMemberRepo *members, GPtrArray *candidates, char **sets, char **remarks,
               GError **error)
{
  for (guint i = 0; sets != NULL && sets[i] != NULL; i++)
    {
      g_autofree char *who = NULL;
      g_autofree char *value = NULL;
      ZbMeetingGrade *entry;
      ZbReviewGrade grade;

      if (!split_pair (sets[i], "--set", &who, &value, error))
        return FALSE;
      if (!parse_grade (value, &grade))
        {
          g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                       _ ("Unknown grade “%s”: use excellent, qualified, basically_qualified, "
                          "unqualified or none."),
                       value);
          return FALSE;
        }
      entry = find_entry (members, candidates, who, error);
      if (entry == NULL)
        return FALSE;
      entry->grade = grade;
    }
  for (guint i = 0; remarks != NULL && remarks[i] != NULL; i++)
    {
      g_autofree char *who = NULL;
      g_autofree char *value = NULL;
      ZbMeetingGrade *entry;

      if (!split_pair (remarks[i], "--remark", &who, &value, error))
        return FALSE;
      entry = find_entry (members, candidates, who, error);
      if (entry == NULL)
        return FALSE;
      g_free (entry->remark);
      entry->remark = g_steal_pointer (&value);
    }
  return TRUE;
}

static void
print_grades_json (const char *meeting_uuid, GPtrArray *grades, const ZbRuleCheck *check)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  guint counts[ZB_APPRAISAL_N_GRADES];

  zb_meeting_grades_count (grades, counts);
  json_builder_begin_object (b);
  zb_cli_roster_add_string (b, "meeting_uuid", meeting_uuid);
  json_builder_set_member_name (b, "grades");
  json_builder_begin_array (b);
  for (guint i = 0; i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);

      json_builder_begin_object (b);
      zb_cli_roster_add_string (b, "uuid", g->uuid);
      zb_cli_roster_add_int (b, "member_id", g->member_id);
      zb_cli_roster_add_string (b, "name", g->member_name);
      zb_cli_roster_add_string (b, "grade", zb_review_grade_to_string (g->grade));
      zb_cli_roster_add_string (b, "remark", g->remark);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (guint i = 0; i < ZB_APPRAISAL_N_GRADES; i++)
    zb_cli_roster_add_int (b, zb_appraisal_grade_to_string ((ZbAppraisalGrade)i), counts[i]);
  json_builder_end_object (b);
  zb_cli_roster_add_int (b, "rated", check->total);
  /* A warning, never a refusal (DOMAIN.md §2.2: "一般"). */
  json_builder_set_member_name (b, "excellent_cap");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  json_builder_add_boolean_value (b, check->ok);
  zb_cli_roster_add_string (b, "code", zb_rule_code_to_string (check->code));
  zb_cli_roster_add_int (b, "excellent", check->count);
  zb_cli_roster_add_int (b, "max", check->threshold);
  zb_cli_roster_add_string (b, "message", check->message);
  json_builder_end_object (b);
  json_builder_end_object (b);
  zb_cli_roster_print_json (b);
}

static void
print_grades_text (GPtrArray *grades, const ZbRuleCheck *check)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (grades->len == 0)
    {
      g_print ("%s\n", _ ("No member has been graded at this meeting yet."));
      return;
    }
  g_ptr_array_add (
      rows, g_strdupv ((char *[]){ _ ("No."), _ ("Name"), _ ("Grade"), _ ("Remark"), NULL }));
  for (guint i = 0; i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);
      char **row = g_new0 (char *, 5);

      row[0] = g_strdup_printf ("%u", i + 1);
      row[1] = g_strdup (g->member_name);
      row[2] = g_strdup (zb_review_grade_get_label (g->grade));
      row[3] = g_strdup (g->remark != NULL ? g->remark : "—");
      g_ptr_array_add (rows, row);
    }
  zb_cli_roster_print_table (rows);
  g_print ("%s\n", check->message);
}

int
zb_cli_meetings_grades (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_auto (GStrv) sets = NULL;
  g_auto (GStrv) remarks = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) meetings = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (GPtrArray) grades = NULL;
  g_autoptr (ZbRuleCheck) check = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *uuid = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[]
      = { { "set", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &sets,
            N_ ("Grade a member: name, ID number or UUID, then excellent, qualified, "
                "basically_qualified, unqualified or none (repeat)"),
            "WHO=GRADE" },
          { "remark", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &remarks,
            N_ ("A remark on a member's grade; empty to remove it (repeat)"), "WHO=TEXT" },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
            NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &meetings_grades_command, entries, &argc, &argv, &status))
    return status;
  if (args == NULL || g_strv_length (args) != 1)
    return zb_cli_context_usage_error (
        ctx, &meetings_grades_command,
        _ ("Say which meeting: meetings grades MEETING_UUID (the UUID that “meetings list” "
           "shows; its first 8 characters are enough)."));
  given = zb_cli_roster_arg (args[0], "MEETING_UUID", &error);
  if (given == NULL)
    return zb_cli_context_fail (ctx, error);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  meetings = zb_meeting_repo_new (db);
  members = zb_member_repo_new (db);
  uuid = zb_cli_find_meeting_uuid (meetings, given, &error);
  if (uuid == NULL)
    return zb_cli_context_fail (ctx, error);

  if (sets != NULL || remarks != NULL)
    {
      g_autoptr (GPtrArray) candidates
          = zb_meeting_repo_list_review_candidates (meetings, uuid, &error);

      if (candidates == NULL || !apply_changes (members, candidates, sets, remarks, &error)
          || !zb_meeting_repo_set_review_grades (meetings, uuid, candidates, &error))
        return zb_cli_context_fail (ctx, error);
    }

  grades = zb_meeting_repo_list_review_grades (meetings, uuid, &error);
  if (grades == NULL)
    return zb_cli_context_fail (ctx, error);
  check = zb_meeting_grades_check (grades);
  if (json)
    print_grades_json (uuid, grades, check);
  else
    print_grades_text (grades, check);
  if (!check->ok)
    {
      g_autofree char *cap = zb_meeting_grades_describe_cap (check);

      zb_cli_warning (cap);
    }

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

/* ------------------------------------------------------------------------- */
/* print review                                                              */

int
zb_cli_print_review (ZbCliContext *ctx, const ZbCliPrintOptions *options)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) meetings = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbPrintLog) log = NULL;
  g_autoptr (ZbDocument) sheet = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *display = NULL;
  const char *arg = options->target != NULL ? options->target : options->uuid;

  if (arg == NULL || (options->target != NULL && options->uuid != NULL))
    return zb_cli_context_usage_error (
        ctx, options->command,
        _ ("Say which meeting’s appraisal results to print: print review UUID -o FILE (the UUID "
           "that “meetings list” shows; its first 8 characters are enough)."));

  given = g_strstrip (g_strdup (arg));
  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  meetings = zb_meeting_repo_new (db);
  org = zb_org_repo_new (db);
  log = zb_print_log_new (db);
  org_name = zb_database_dup_org_name (db);

  uuid = zb_cli_find_meeting_uuid (meetings, given, &error);
  if (uuid != NULL)
    sheet = zb_review_document_new_for_uuid (meetings, org, uuid, org_name, NULL, &error);
  if (sheet == NULL || !zb_cli_write_document (log, sheet, ZB_REVIEW_KIND, options->output, &error))
    {
      zb_database_close (db);
      return zb_cli_context_fail (ctx, error);
    }
  zb_database_close (db);

  display = g_filename_display_name (options->output);
  /* TRANSLATORS: the first %s is a document number (ZB-2026-000123), the second a file name */
  g_print (_ ("The appraisal results %s were written to %s."), zb_document_get_number (sheet),
           display);
  g_print ("\n");
  return ZB_CLI_EXIT_OK;
}
