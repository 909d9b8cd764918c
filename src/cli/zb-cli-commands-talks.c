/* zb-cli-commands-talks.c — `zhibu-cli talks add|list|coverage`: 谈心谈话 for
 * scripts and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contents of a talk are printed by `talks list --with-contents` only,
 * and each talk so printed is an audited opening.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "zb-cli-commands-talks.h"
#include "zb-cli-roster.h"
#include "zb-member-repo.h"
#include "zb-member-rules.h"
#include "zb-org-repo.h"
#include "zb-talk-repo.h"

static const ZbCliCommand talks_add_command
    = { "talks add",
        "--date DATE [--time HH:MM] [--place P] --kind KIND --talker WHO… --with WHO…"
        " [--topic T] [--said-talker TEXT] [--said-other TEXT] [--response TEXT]"
        " [--action TEXT:DUE]… [--recorder WHO]",
        N_ ("Record a heart-to-heart talk"), NULL };
static const ZbCliCommand talks_list_command
    = { "talks list", "[--year YEAR] [--kind KIND] [--archived] [--with-contents] [--json]",
        N_ ("List talks by date, people and kind (contents only when asked, and audited)"), NULL };
static const ZbCliCommand talks_coverage_command
    = { "talks coverage", "--year YEAR [--branch NAME] [--as-of DATE] [--json]",
        N_ ("Show who has been talked with in a year and who not yet"), NULL };

static char *
kind_choices (void)
{
  GString *text = g_string_new (NULL);

  for (int k = 0; k < ZB_TALK_N_KINDS; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ", " : "",
                            zb_talk_kind_to_string ((ZbTalkKind)k));
  return g_string_free (text, FALSE);
}

static int
kind_usage (ZbCliContext *ctx, const ZbCliCommand *command)
{
  g_autofree char *choices = kind_choices ();
  g_autofree char *message
      = g_strdup_printf (_ ("Give the kind of talk with --kind: one of %s."), choices);

  return zb_cli_context_usage_error (ctx, command, message);
}

/* A member (--talker, --with), or with --with "name:NAME" someone not on the
 * roster. */
static ZbTalkParticipant *
participant_of (ZbMemberRepo *repo, const char *arg, ZbTalkSide side, GError **error)
{
  const char *option = side == ZB_TALK_SIDE_TALKER ? "--talker" : "--with";
  g_autofree char *text = zb_cli_roster_arg (arg, option, error);
  g_autoptr (ZbMemberRecord) member = NULL;

  if (text == NULL)
    return NULL;
  if (side == ZB_TALK_SIDE_TALKED_WITH && g_str_has_prefix (text, "name:"))
    {
      g_autofree char *name = g_strstrip (g_strdup (text + strlen ("name:")));

      if (*name == '\0')
        {
          g_set_error_literal (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                               _ ("Give the person’s name after “name:”."));
          return NULL;
        }
      return zb_talk_participant_new_person (side, name, NULL);
    }
  member = zb_cli_roster_find_member (repo, text, error);
  if (member == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                     side == ZB_TALK_SIDE_TALKER
                         ? _ ("No member “%s” was found on the roster.")
                         : _ ("No member “%s” was found on the roster; for someone who is not a "
                              "member, write --with “name:NAME”."),
                     text);
      return NULL;
    }
  return zb_talk_participant_new_member (side, member->id);
}

typedef struct
{
  char *date, *time, *place, *kind, *topic, *said_talker, *said_other, *response, *recorder;
  char **talkers, **with, **actions;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->date);
  g_free (o->time);
  g_free (o->place);
  g_free (o->kind);
  g_free (o->topic);
  g_free (o->said_talker);
  g_free (o->said_other);
  g_free (o->response);
  g_free (o->recorder);
  g_strfreev (o->talkers);
  g_strfreev (o->with);
  g_strfreev (o->actions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

static char *
text_or_null (const char *arg, const char *option, GError **error, gboolean *ok)
{
  char *text;

  if (arg == NULL || !*ok)
    return NULL;
  text = zb_cli_roster_arg (arg, option, error);
  if (text == NULL)
    *ok = FALSE;
  return text;
}

/* TEXT:YYYY-MM-DD, or TEXT alone (no due date). */
static ZbTalkAction *
action_of (const char *arg, GError **error)
{
  g_autofree char *text = zb_cli_roster_arg (arg, "--action", error);
  char *colon;
  GDate date;

  if (text == NULL)
    return NULL;
  colon = strrchr (text, ':');
  if (colon != NULL && zb_parse_iso_date (colon + 1, &date))
    {
      *colon = '\0';
      return zb_talk_action_new (g_strstrip (text), colon + 1);
    }
  return zb_talk_action_new (text, NULL);
}

static ZbTalkRecord *
build_talk (ZbDatabase *db, const AddOptions *o, ZbTalkKind kind, GError **error)
{
  g_autoptr (ZbMemberRepo) members = zb_member_repo_new (db);
  g_autoptr (ZbTalkRecord) t = zb_talk_record_new (kind, o->date);
  g_autofree char *said_talker = NULL;
  g_autofree char *said_other = NULL;
  g_autofree char *response = NULL;
  gboolean ok = TRUE;

  t->start_time = text_or_null (o->time, "--time", error, &ok);
  t->place = text_or_null (o->place, "--place", error, &ok);
  t->topic = text_or_null (o->topic, "--topic", error, &ok);
  said_talker = text_or_null (o->said_talker, "--said-talker", error, &ok);
  said_other = text_or_null (o->said_other, "--said-other", error, &ok);
  response = text_or_null (o->response, "--response", error, &ok);
  if (!ok)
    return NULL;
  if (said_talker != NULL || said_other != NULL || response != NULL)
    t->contents = zb_talk_contents_new (said_talker, said_other, response);

  for (guint side = 0; side < 2; side++)
    {
      char **args = side == 0 ? o->talkers : o->with;

      for (guint i = 0; args != NULL && args[i] != NULL; i++)
        {
          ZbTalkParticipant *p = participant_of (members, args[i], (ZbTalkSide)side, error);

          if (p == NULL)
            return NULL;
          zb_talk_record_add_participant (t, p);
        }
    }
  for (guint i = 0; o->actions != NULL && o->actions[i] != NULL; i++)
    {
      ZbTalkAction *a = action_of (o->actions[i], error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (t->actions, a);
    }
  if (o->recorder != NULL)
    {
      g_autofree char *who = zb_cli_roster_arg (o->recorder, "--recorder", error);
      g_autoptr (ZbMemberRecord) member = NULL;

      if (who == NULL)
        return NULL;
      member = zb_cli_roster_find_member (members, who, error);
      if (member == NULL && error != NULL && *error != NULL)
        return NULL;
      /* Someone not on the roster records by name. */
      if (member != NULL)
        t->recorder_id = member->id;
      else
        t->recorder_name = g_steal_pointer (&who);
    }
  return g_steal_pointer (&t);
}

static int
talks_add (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (AddOptions) o = { 0 };
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) repo = NULL;
  g_autoptr (ZbTalkRecord) t = NULL;
  g_autoptr (GError) error = NULL;
  ZbTalkKind kind;
  int status;
  const GOptionEntry entries[] = {
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.date, N_ ("The date of the talk"),
      "YYYY-MM-DD" },
    { "time", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.time, N_ ("When it started"),
      "HH:MM" },
    { "place", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.place, N_ ("Where it was held"),
      "PLACE" },
    { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.kind,
      N_ ("The kind of talk (daily, before_life_meeting, admission, full_membership, reminder, "
          "other)"),
      "KIND" },
    { "talker", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.talkers,
      N_ ("A member who held the talk: name, ID number or UUID (repeat)"), "WHO" },
    { "with", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.with,
      N_ ("Whom the talk was with: a member, or “name:NAME” for someone not on the roster "
          "(repeat)"),
      "WHO" },
    { "topic", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.topic, N_ ("What it was about"),
      "TOPIC" },
    { "said-talker", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.said_talker,
      N_ ("What the talker said (protected)"), "TEXT" },
    { "said-other", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.said_other,
      N_ ("What the other party said (protected)"), "TEXT" },
    { "response", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.response,
      N_ ("The other party’s response and suggestions (protected)"), "TEXT" },
    { "action", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.actions,
      N_ ("A follow-up with its due date (repeat)"), "TEXT:YYYY-MM-DD" },
    { "recorder", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.recorder,
      N_ ("Who wrote the record: a member, or a name"), "WHO" },
    G_OPTION_ENTRY_NULL
  };

  if (!zb_cli_context_parse (ctx, &talks_add_command, entries, &argc, &argv, &status))
    return status;
  if (o.kind == NULL || !zb_talk_kind_from_string (o.kind, &kind))
    return kind_usage (ctx, &talks_add_command);
  if (o.date == NULL)
    return zb_cli_context_usage_error (ctx, &talks_add_command,
                                       _ ("Give the date of the talk with --date YYYY-MM-DD."));
  if (o.talkers == NULL || o.with == NULL)
    return zb_cli_context_usage_error (
        ctx, &talks_add_command, _ ("Name who held the talk with --talker and whom with --with."));

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  t = build_talk (db, &o, kind, &error);
  repo = zb_talk_repo_new (db);
  if (t == NULL || !zb_talk_repo_create (repo, t, &error))
    return zb_cli_context_fail (ctx, error);

  g_print ("%s\n", t->uuid);
  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

/* 张三、李四 */
static char *
side_names (const ZbTalkRecord *r, ZbTalkSide side)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);

      if (p->side == side)
        g_string_append_printf (text, "%s%s", text->len > 0 ? C_ ("list separator", ", ") : "",
                                p->name);
    }
  return g_string_free (text, FALSE);
}

static int
talks_list (ZbCliContext *ctx, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) repo = NULL;
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *kind_arg = NULL;
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  gboolean json = FALSE, archived = FALSE, with_contents = FALSE;
  int year = 0;
  int status;
  const GOptionEntry entries[]
      = { { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &year, N_ ("Only talks of a year"),
            "YEAR" },
          { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_arg,
            N_ ("Only talks of a kind"), "KIND" },
          { "archived", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &archived,
            N_ ("Include archived talks"), NULL },
          { "with-contents", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &with_contents,
            N_ ("Include what was said (each talk opened is written to the audit log)"), NULL },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &talks_list_command, entries, &argc, &argv, &status))
    return status;
  if (year < 0 || year > 9999)
    return zb_cli_context_usage_error (ctx, &talks_list_command, _ ("The year is not valid."));
  /* The table has no room for the contents: opening them (audited) only to
   * leave them out would record an opening that showed nothing. */
  if (with_contents && !json)
    return zb_cli_context_usage_error (ctx, &talks_list_command,
                                       _ ("--with-contents goes with --json."));
  query.year = (guint)year;
  query.archived = archived;
  if (kind_arg != NULL)
    {
      ZbTalkKind kind;

      if (!zb_talk_kind_from_string (kind_arg, &kind))
        return kind_usage (ctx, &talks_list_command);
      query.kind = kind;
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  repo = zb_talk_repo_new (db);
  talks = zb_talk_repo_list (repo, &query, &error);
  if (talks == NULL)
    return zb_cli_context_fail (ctx, error);

  json_builder_begin_array (builder);
  g_ptr_array_add (rows, g_strdupv ((char *[]){ _ ("Date"), _ ("Kind"), _ ("Talker"),
                                                _ ("Talked with"), NULL }));
  for (guint i = 0; i < talks->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (talks, i);
      g_autoptr (ZbTalkContents) contents = NULL;
      char **row = g_new0 (char *, 5);

      if (with_contents)
        {
          contents = zb_talk_repo_load_contents (repo, r->uuid, &error);
          if (contents == NULL)
            {
              g_strfreev (row);
              return zb_cli_context_fail (ctx, error);
            }
        }
      zb_talk_record_build_json (r, contents, with_contents, builder);
      row[0] = g_strdup (r->date);
      row[1] = g_strdup (zb_talk_kind_get_label (r->kind));
      row[2] = side_names (r, ZB_TALK_SIDE_TALKER);
      row[3] = side_names (r, ZB_TALK_SIDE_TALKED_WITH);
      g_ptr_array_add (rows, row);
    }
  json_builder_end_array (builder);

  if (json)
    zb_cli_roster_print_json (builder);
  else if (talks->len == 0)
    g_print ("%s\n", _ ("No talks have been recorded for this choice."));
  else
    zb_cli_roster_print_table (rows);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

static const char *
status_to_string (ZbTalkStatus status)
{
  switch (status)
    {
    case ZB_TALK_COVERED:
      return "covered";
    case ZB_TALK_DUE:
      return "due";
    case ZB_TALK_MISSED:
      return "missed";
    case ZB_TALK_NOT_REQUIRED:
    default:
      return "not_required";
    }
}

static const char *
status_label (ZbTalkStatus status)
{
  switch (status)
    {
    case ZB_TALK_COVERED:
      return _ ("Covered");
    case ZB_TALK_DUE:
      return _ ("Still to talk with");
    case ZB_TALK_MISSED:
      return _ ("Missed");
    case ZB_TALK_NOT_REQUIRED:
    default:
      return _ ("Not required");
    }
}

/* [{"uuid": …, "name": …}, …] of @ids */
static void
add_people (JsonBuilder *b, const char *member, GPtrArray *ids, GHashTable *names)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      json_builder_begin_object (b);
      zb_cli_roster_add_string (b, "uuid", id);
      zb_cli_roster_add_string (b, "name", g_hash_table_lookup (names, id));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
names_of (GPtrArray *ids, GHashTable *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? C_ ("list separator", ", ") : "",
                            (const char *)g_hash_table_lookup (names, ids->pdata[i]));
  return g_string_free (text, FALSE);
}

static int
talks_coverage (ZbCliContext *ctx, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) repo = NULL;
  g_autoptr (GPtrArray) coverage = NULL;
  g_autoptr (GHashTable) names = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *branch_arg = NULL;
  g_autofree char *as_of = NULL;
  gint64 branch_id = 0;
  gboolean json = FALSE;
  int year = 0;
  int status;
  GDate today;
  const GOptionEntry entries[]
      = { { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &year, N_ ("The year"), "YEAR" },
          { "branch", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &branch_arg,
            N_ ("Only the members of a branch"), "NAME" },
          { "as-of", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &as_of,
            N_ ("Count as if it were this day (default: today)"), "YYYY-MM-DD" },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &talks_coverage_command, entries, &argc, &argv, &status))
    return status;
  if (year < 1900 || year > 9999)
    return zb_cli_context_usage_error (ctx, &talks_coverage_command,
                                       _ ("Give the year with --year, e.g. --year 2026."));
  if (as_of != NULL)
    {
      if (!zb_parse_iso_date (as_of, &today))
        return zb_cli_context_usage_error (ctx, &talks_coverage_command,
                                           _ ("The date of --as-of is not a real date."));
    }
  else
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  if (branch_arg != NULL)
    {
      g_autoptr (ZbOrgRepo) org = zb_org_repo_new (db);
      g_autofree char *which = zb_cli_roster_arg (branch_arg, "--branch", &error);
      g_autoptr (ZbOrgUnit) unit = NULL;

      if (which != NULL)
        unit = zb_org_repo_find_unit (org, ZB_ORG_UNIT_BRANCH, -1, which, &error);
      if (unit == NULL && error == NULL)
        g_set_error (&error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND,
                     _ ("There is no organisation called “%s”."), which);
      if (unit == NULL)
        return zb_cli_context_fail (ctx, error);
      branch_id = unit->id;
    }
  repo = zb_talk_repo_new (db);
  coverage = zb_talk_repo_coverage_for_year (repo, branch_id, (guint)year, &today, &names, &error);
  if (coverage == NULL)
    return zb_cli_context_fail (ctx, error);

  json_builder_begin_array (builder);
  g_ptr_array_add (rows,
                   g_strdupv ((char *[]){ _ ("Name"), _ ("Committee"), _ ("Status"),
                                          _ ("Committee members still to talk with"), NULL }));
  for (guint i = 0; i < coverage->len; i++)
    {
      const ZbTalkCoverage *c = g_ptr_array_index (coverage, i);
      const char *name = g_hash_table_lookup (names, c->id);
      char **row = g_new0 (char *, 5);

      json_builder_begin_object (builder);
      zb_cli_roster_add_string (builder, "uuid", c->id);
      zb_cli_roster_add_string (builder, "name", name);
      json_builder_set_member_name (builder, "committee");
      json_builder_add_boolean_value (builder, c->committee);
      zb_cli_roster_add_string (builder, "status", status_to_string (c->status));
      add_people (builder, "talked_with", c->talked_by_committee, names);
      add_people (builder, "missing_committee", c->missing_committee, names);
      zb_cli_roster_add_int (builder, "members_talked", c->n_members_talked);
      zb_cli_roster_add_string (builder, "code", zb_rule_code_to_string (c->code));
      zb_cli_roster_add_string (builder, "reason", c->reason);
      json_builder_end_object (builder);

      row[0] = g_strdup (name);
      row[1] = g_strdup (c->committee ? _ ("Yes") : "—");
      row[2] = g_strdup (status_label (c->status));
      row[3]
          = c->missing_committee->len > 0 ? names_of (c->missing_committee, names) : g_strdup ("—");
      g_ptr_array_add (rows, row);
    }
  json_builder_end_array (builder);

  if (json)
    zb_cli_roster_print_json (builder);
  else if (coverage->len == 0)
    g_print ("%s\n", _ ("Nobody was on the roster in this year."));
  else
    zb_cli_roster_print_table (rows);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_talks (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  const char *const names[] = { "add", "list", "coverage", NULL };
  const char *sub;
  int status;

  sub = zb_cli_roster_subcommand (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  if (g_str_equal (sub, "add"))
    return talks_add (ctx, argc - 1, argv + 1);
  if (g_str_equal (sub, "list"))
    return talks_list (ctx, argc - 1, argv + 1);
  return talks_coverage (ctx, argc - 1, argv + 1);
}
