/* zb-cli-commands-meetings.c — `zhibu-cli meetings add|list`: 三会一课 for
 * scripts, tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-cli-commands-meetings.h"
#include "zb-cli-roster.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

static const ZbCliCommand meetings_add_command
    = { "meetings add",
        "--kind KIND --date DATE [--start HH:MM] [--end HH:MM] [--place P] [--title T]"
        " [--branch NAME] [--group NAME] [--chair WHO] [--recorder WHO] [--topic T]…"
        " [--present ID_NUMBER]… [--leave ID_NUMBER:REASON]… [--observer NAME]…",
        N_ ("Record a meeting; those expected are taken from the roster as it was on its date"),
        NULL };
static const ZbCliCommand meetings_list_command
    = { "meetings list", "[--year YEAR] [--kind KIND] [--branch NAME] [--archived] [--json]",
        N_ ("List meetings with their attendance and whether they were quorate"), NULL };

/* Older names in the wording, kept so that scripts may use either. */
static const struct
{
  const char *alias;
  ZbMeetingKind kind;
} kind_aliases[] = {
  { "party_congress", ZB_MEETING_GENERAL },
  { "committee", ZB_MEETING_COMMITTEE },
  { "group", ZB_MEETING_GROUP },
  { "lecture", ZB_MEETING_LESSON },
  { "review", ZB_MEETING_APPRAISAL },
};

static gboolean
parse_kind (const char *text, ZbMeetingKind *kind)
{
  if (zb_meeting_kind_from_string (text, kind))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kind_aliases); i++)
    if (g_strcmp0 (text, kind_aliases[i].alias) == 0)
      {
        *kind = kind_aliases[i].kind;
        return TRUE;
      }
  return FALSE;
}

static char *
kind_choices (void)
{
  GString *text = g_string_new (NULL);

  for (int k = 0; k < ZB_MEETING_N_KINDS; k++)
    g_string_append_printf (text, "%s%s", k > 0 ? ", " : "",
                            zb_meeting_kind_to_string ((ZbMeetingKind)k));
  return g_string_free (text, FALSE);
}

static gboolean
set_usage (GError **error, const char *message)
{
  g_set_error_literal (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE, message);
  return FALSE;
}

/* A unit of @kind given by its UUID or name (under @parent_id, -1: any). */
static ZbOrgUnit *
find_unit (ZbOrgRepo *org, const char *which, ZbOrgUnitKind kind, gint64 parent_id, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  ZbOrgUnit *unit = zb_org_repo_get_unit_by_uuid (org, which, &local_error);

  if (unit != NULL && unit->kind == kind)
    return unit;
  g_clear_pointer (&unit, zb_org_unit_free);
  if (local_error != NULL && !g_error_matches (local_error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  unit = zb_org_repo_find_unit (org, kind, parent_id, which, error);
  if (unit == NULL && (error == NULL || *error == NULL))
    g_set_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND,
                 _ ("There is no organisation called “%s”."), which);
  return unit;
}

/* The branch of --branch, or the workspace's only branch; 0 when the
 * workspace has none (or several and none was named). */
static gboolean
resolve_branch (ZbOrgRepo *org, const char *arg, gint64 *branch_id, GError **error)
{
  g_autoptr (GPtrArray) units = NULL;
  gint64 found = 0;
  guint n = 0;

  *branch_id = 0;
  if (arg != NULL)
    {
      g_autofree char *which = zb_cli_roster_arg (arg, "--branch", error);
      g_autoptr (ZbOrgUnit) unit = NULL;

      if (which == NULL)
        return FALSE;
      unit = find_unit (org, which, ZB_ORG_UNIT_BRANCH, -1, error);
      if (unit == NULL)
        return FALSE;
      *branch_id = unit->id;
      return TRUE;
    }

  units = zb_org_repo_list_units (org, FALSE, error);
  if (units == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      const ZbOrgUnit *unit = g_ptr_array_index (units, i);

      if (unit->kind == ZB_ORG_UNIT_BRANCH)
        {
          found = unit->id;
          n++;
        }
    }
  if (n == 1)
    *branch_id = found;
  return TRUE;
}

/* The member of @arg (see zb_cli_roster_find_member), or an error naming it. */
static ZbMemberRecord *
find_member (ZbMemberRepo *repo, const char *arg, const char *option, GError **error)
{
  g_autofree char *text = zb_cli_roster_arg (arg, option, error);
  g_autoptr (GError) local_error = NULL;
  ZbMemberRecord *found;

  if (text == NULL)
    return NULL;
  found = zb_cli_roster_find_member (repo, text, &local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (found == NULL)
    g_set_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                 _ ("No member “%s” was found on the roster."), text);
  return found;
}

/* Marks the member of @arg (ID_NUMBER, or ID_NUMBER:REASON for a leave) in
 * the expected list. */
static gboolean
mark_attendance (ZbMemberRepo *repo, ZbMeetingRecord *m, const char *arg, ZbAttendance role,
                 GError **error)
{
  g_autofree char *who = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (ZbMemberRecord) member = NULL;
  const char *option = role == ZB_ATTENDANCE_LEAVE ? "--leave" : "--present";

  if (role == ZB_ATTENDANCE_LEAVE)
    {
      g_autofree char *text = zb_cli_roster_arg (arg, option, error);
      char *colon;

      if (text == NULL)
        return FALSE;
      colon = strchr (text, ':');
      if (colon == NULL)
        return set_usage (error, _ ("Give a leave as ID_NUMBER:REASON."));
      *colon = '\0';
      reason = g_strstrip (g_strdup (colon + 1));
      who = g_strdup (text);
    }
  else
    who = g_strdup (arg);

  member = find_member (repo, who, option, error);
  if (member == NULL)
    return FALSE;
  for (guint i = 0; i < m->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);

      if (a->member_id == member->id && a->role != ZB_ATTENDANCE_OBSERVER)
        {
          a->role = role;
          g_free (a->leave_reason);
          a->leave_reason = g_steal_pointer (&reason);
          return TRUE;
        }
    }
  g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
               _ ("%s was not expected at this meeting: on that date they were not among those "
                  "it was for."),
               member->name);
  return FALSE;
}

typedef struct
{
  char *kind, *date, *start, *end, *place, *title, *branch, *group, *chair, *recorder;
  char **topics, **present, **leave, **observers;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  g_free (o->kind);
  g_free (o->date);
  g_free (o->start);
  g_free (o->end);
  g_free (o->place);
  g_free (o->title);
  g_free (o->branch);
  g_free (o->group);
  g_free (o->chair);
  g_free (o->recorder);
  g_strfreev (o->topics);
  g_strfreev (o->present);
  g_strfreev (o->leave);
  g_strfreev (o->observers);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

static char *
utf8_or_null (const char *arg, const char *option, GError **error, gboolean *ok)
{
  char *text;

  if (arg == NULL || !*ok)
    return NULL;
  text = zb_cli_roster_arg (arg, option, error);
  if (text == NULL)
    *ok = FALSE;
  return text;
}

/* Builds the meeting of the options: units, people, topics, attendance. */
static ZbMeetingRecord *
build_meeting (ZbDatabase *db, const AddOptions *o, ZbMeetingKind kind, GError **error)
{
  g_autoptr (ZbOrgRepo) org = zb_org_repo_new (db);
  g_autoptr (ZbMemberRepo) members = zb_member_repo_new (db);
  g_autoptr (ZbMeetingRepo) repo = zb_meeting_repo_new (db);
  g_autoptr (ZbMeetingRecord) m = NULL;
  gboolean ok = TRUE;

  m = zb_meeting_record_new (kind, o->date);
  m->start_time = utf8_or_null (o->start, "--start", error, &ok);
  m->end_time = utf8_or_null (o->end, "--end", error, &ok);
  m->place = utf8_or_null (o->place, "--place", error, &ok);
  m->title = utf8_or_null (o->title, "--title", error, &ok);
  if (!ok || !resolve_branch (org, o->branch, &m->branch_id, error))
    return NULL;

  if (o->group != NULL)
    {
      g_autofree char *which = zb_cli_roster_arg (o->group, "--group", error);
      g_autoptr (ZbOrgUnit) group = NULL;

      if (which == NULL)
        return NULL;
      group
          = find_unit (org, which, ZB_ORG_UNIT_GROUP, m->branch_id != 0 ? m->branch_id : -1, error);
      if (group == NULL)
        return NULL;
      m->group_id = group->id;
      m->branch_id = group->parent_id;
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *arg = i == 0 ? o->chair : o->recorder;
      g_autoptr (ZbMemberRecord) who = NULL;

      if (arg == NULL)
        continue;
      who = find_member (members, arg, i == 0 ? "--chair" : "--recorder", error);
      if (who == NULL)
        return NULL;
      if (i == 0)
        m->chair_id = who->id;
      else
        m->recorder_id = who->id;
    }

  for (guint i = 0; o->topics != NULL && o->topics[i] != NULL; i++)
    {
      g_autofree char *title = zb_cli_roster_arg (o->topics[i], "--topic", error);

      if (title == NULL)
        return NULL;
      g_ptr_array_add (m->topics, zb_meeting_topic_new (title));
    }
  for (guint i = 0; o->observers != NULL && o->observers[i] != NULL; i++)
    {
      g_autofree char *name = zb_cli_roster_arg (o->observers[i], "--observer", error);

      if (name == NULL)
        return NULL;
      g_ptr_array_add (m->attendees, zb_meeting_attendee_new (0, name, ZB_ATTENDANCE_OBSERVER));
    }

  if (!zb_meeting_repo_fill_expected (repo, m, error))
    return NULL;

  /* Attendance given: whoever is not marked present or on leave was absent.
   * None given: it was not taken. */
  if ((o->present != NULL && o->present[0] != NULL) || (o->leave != NULL && o->leave[0] != NULL))
    {
      for (guint i = 0; i < m->attendees->len; i++)
        {
          ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);

          if (a->role == ZB_ATTENDANCE_EXPECTED)
            a->role = ZB_ATTENDANCE_ABSENT;
        }
      for (guint i = 0; o->present != NULL && o->present[i] != NULL; i++)
        if (!mark_attendance (members, m, o->present[i], ZB_ATTENDANCE_PRESENT, error))
          return NULL;
      for (guint i = 0; o->leave != NULL && o->leave[i] != NULL; i++)
        if (!mark_attendance (members, m, o->leave[i], ZB_ATTENDANCE_LEAVE, error))
          return NULL;
    }
  return g_steal_pointer (&m);
}

static int
meetings_add (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (AddOptions) o = { 0 };
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) repo = NULL;
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (GError) error = NULL;
  ZbMeetingKind kind;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.kind,
      N_ ("The kind of meeting (general_meeting, committee_meeting, group_meeting, "
          "party_lesson, theme_day, life_meeting, appraisal, other)"),
      "KIND" },
    { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.date, N_ ("The date of the meeting"),
      "YYYY-MM-DD" },
    { "start", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.start, N_ ("When it started"),
      "HH:MM" },
    { "end", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &o.end, N_ ("When it ended"), "HH:MM" },
    { "place", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.place, N_ ("Where it was held"),
      "PLACE" },
    { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.title, N_ ("Its title"), "TITLE" },
    { "branch", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.branch,
      N_ ("The branch that held it (default: the only branch)"), "NAME" },
    { "group", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.group,
      N_ ("The Party group, for a group meeting"), "NAME" },
    { "chair", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.chair,
      N_ ("Who chaired it: name, ID number or UUID"), "WHO" },
    { "recorder", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &o.recorder,
      N_ ("Who took the minutes: name, ID number or UUID"), "WHO" },
    { "topic", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.topics,
      N_ ("A topic on the agenda (repeat for each)"), "TOPIC" },
    { "present", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.present,
      N_ ("A member who came (repeat; the others expected are recorded absent)"), "ID_NUMBER" },
    { "leave", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.leave,
      N_ ("A member on leave, with the reason (repeat)"), "ID_NUMBER:REASON" },
    { "observer", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &o.observers,
      N_ ("Someone who sat in (repeat)"), "NAME" },
    G_OPTION_ENTRY_NULL
  };

  if (!zb_cli_context_parse (ctx, &meetings_add_command, entries, &argc, &argv, &status))
    return status;
  if (o.kind == NULL || !parse_kind (o.kind, &kind))
    {
      g_autofree char *choices = kind_choices ();
      g_autofree char *message
          = g_strdup_printf (_ ("Give the kind of meeting with --kind: one of %s."), choices);

      return zb_cli_context_usage_error (ctx, &meetings_add_command, message);
    }
  if (o.date == NULL)
    return zb_cli_context_usage_error (ctx, &meetings_add_command,
                                       _ ("Give the date of the meeting with --date YYYY-MM-DD."));

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  m = build_meeting (db, &o, kind, &error);
  repo = zb_meeting_repo_new (db);
  if (m == NULL || !zb_meeting_repo_create (repo, m, &error))
    return zb_cli_context_fail (ctx, error);

  g_print ("%s\n", m->uuid);
  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

/* The votes and resolutions of @full (the meeting read whole), with the
 * uuids `print ballot|vote-report|resolution` take. */
static void
add_children_json (JsonBuilder *b, const ZbMeetingRecord *full)
{
  json_builder_set_member_name (b, "votes");
  json_builder_begin_array (b);
  for (guint i = 0; i < full->votes->len; i++)
    {
      const ZbMeetingVote *v = g_ptr_array_index (full->votes, i);

      json_builder_begin_object (b);
      zb_cli_roster_add_string (b, "uuid", v->uuid);
      zb_cli_roster_add_string (b, "subject", v->subject);
      zb_cli_roster_add_string (b, "form", zb_vote_form_to_string (v->form));
      zb_cli_roster_add_int (b, "yes", v->yes);
      zb_cli_roster_add_int (b, "no", v->no);
      zb_cli_roster_add_int (b, "abstain", v->abstain);
      zb_cli_roster_add_int (b, "written_opinions", v->written_opinions);
      zb_cli_roster_add_string (b, "result", zb_vote_result_to_string (v->result));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "resolutions");
  json_builder_begin_array (b);
  for (guint i = 0; i < full->resolutions->len; i++)
    {
      const ZbMeetingResolution *r = g_ptr_array_index (full->resolutions, i);

      json_builder_begin_object (b);
      zb_cli_roster_add_string (b, "uuid", r->uuid);
      zb_cli_roster_add_string (b, "text", r->text);
      zb_cli_roster_add_string (b, "due_date", r->due_date);
      zb_cli_roster_add_string (b, "done_date", r->done_date);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_meeting_json (JsonBuilder *b, ZbMeeting *meeting, const ZbMeetingRecord *full)
{
  const ZbMeetingRecord *r = zb_meeting_get_record (meeting);
  const ZbAttendanceCounts *c = zb_meeting_get_counts (meeting);
  g_autoptr (ZbRuleCheck) quorum = zb_meeting_check_quorum_status (meeting);

  json_builder_begin_object (b);
  zb_cli_roster_add_string (b, "uuid", r->uuid);
  zb_cli_roster_add_string (b, "kind", zb_meeting_kind_to_string (r->kind));
  zb_cli_roster_add_string (b, "title", r->title);
  zb_cli_roster_add_string (b, "date", r->date);
  zb_cli_roster_add_string (b, "start_time", r->start_time);
  zb_cli_roster_add_string (b, "end_time", r->end_time);
  zb_cli_roster_add_string (b, "place", r->place);
  zb_cli_roster_add_int (b, "expected", c->expected);
  zb_cli_roster_add_int (b, "present", c->present);
  zb_cli_roster_add_int (b, "absent", c->absent);
  zb_cli_roster_add_int (b, "leave", c->leave);
  zb_cli_roster_add_int (b, "observers", c->observers);
  zb_cli_roster_add_int (b, "voting_expected", c->voting_expected);
  zb_cli_roster_add_int (b, "voting_present", c->voting_present);
  /* "ok", "quorum-not-met", or null: no rule for the kind, or attendance not
   * taken */
  zb_cli_roster_add_string (b, "quorum",
                            quorum != NULL ? zb_rule_code_to_string (quorum->code) : NULL);
  zb_cli_roster_add_string (b, "quorum_message", quorum != NULL ? quorum->message : NULL);
  json_builder_set_member_name (b, "archived");
  json_builder_add_boolean_value (b, r->archived);
  if (full != NULL)
    add_children_json (b, full);
  json_builder_end_object (b);
}

static int
meetings_list (ZbCliContext *ctx, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbMeetingRepo) repo = NULL;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autofree char *kind_arg = NULL;
  g_autofree char *branch_arg = NULL;
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  gboolean json = FALSE;
  gboolean archived = FALSE;
  int year = 0;
  int status;
  const GOptionEntry entries[]
      = { { "year", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, &year, N_ ("Only meetings of a year"),
            "YEAR" },
          { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_arg,
            N_ ("Only meetings of a kind"), "KIND" },
          { "branch", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &branch_arg,
            N_ ("Only meetings of a branch"), "NAME" },
          { "archived", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &archived,
            N_ ("Include archived meetings"), NULL },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &meetings_list_command, entries, &argc, &argv, &status))
    return status;
  if (year < 0 || year > 9999)
    return zb_cli_context_usage_error (ctx, &meetings_list_command, _ ("The year is not valid."));
  query.year = (guint)year;
  query.archived = archived;
  if (kind_arg != NULL)
    {
      ZbMeetingKind kind;

      if (!parse_kind (kind_arg, &kind))
        {
          g_autofree char *choices = kind_choices ();
          g_autofree char *message
              = g_strdup_printf (_ ("Give the kind of meeting with --kind: one of %s."), choices);

          return zb_cli_context_usage_error (ctx, &meetings_list_command, message);
        }
      query.kind = kind;
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  org = zb_org_repo_new (db);
  if (branch_arg != NULL && !resolve_branch (org, branch_arg, &query.branch_id, &error))
    return zb_cli_context_fail (ctx, error);
  repo = zb_meeting_repo_new (db);
  meetings = zb_meeting_repo_list (repo, &query, &error);
  if (meetings == NULL)
    return zb_cli_context_fail (ctx, error);

  json_builder_begin_array (builder);
  g_ptr_array_add (rows, g_strdupv ((char *[]){ _ ("Date"), _ ("Kind"), _ ("Title"), _ ("Expected"),
                                                _ ("Present"), _ ("Quorum"), NULL }));
  for (guint i = 0; i < meetings->len; i++)
    {
      ZbMeeting *meeting = g_ptr_array_index (meetings, i);
      const ZbMeetingRecord *r = zb_meeting_get_record (meeting);
      const ZbAttendanceCounts *c = zb_meeting_get_counts (meeting);
      g_autoptr (ZbRuleCheck) quorum = zb_meeting_check_quorum_status (meeting);
      char **row;

      /* Only scripts want the votes: read whole for --json alone. */
      if (json)
        {
          g_autoptr (ZbMeetingRecord) full = zb_meeting_repo_get (repo, r->uuid, &error);

          if (full == NULL)
            return zb_cli_context_fail (ctx, error);
          add_meeting_json (builder, meeting, full);
        }
      row = g_new0 (char *, 7);
      row[0] = g_strdup (r->date);
      row[1] = g_strdup (zb_meeting_kind_get_label (r->kind));
      row[2] = g_strdup (r->title != NULL && *r->title != '\0' ? r->title : "—");
      row[3] = g_strdup_printf ("%u", c->expected);
      row[4] = c->taken ? g_strdup_printf ("%u", c->present) : g_strdup ("—");
      row[5] = g_strdup (quorum == NULL ? "—" : quorum->ok ? _ ("Quorate") : _ ("Below quorum"));
      g_ptr_array_add (rows, row);
    }
  json_builder_end_array (builder);

  if (json)
    zb_cli_roster_print_json (builder);
  else if (meetings->len == 0)
    g_print ("%s\n", _ ("No meetings have been recorded for this choice."));
  else
    zb_cli_roster_print_table (rows);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_meetings (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  const char *const names[] = { "add", "list", "grades", NULL };
  const char *sub;
  int status;

  sub = zb_cli_roster_subcommand (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  if (g_str_equal (sub, "add"))
    return meetings_add (ctx, argc - 1, argv + 1);
  if (g_str_equal (sub, "grades"))
    return zb_cli_meetings_grades (ctx, argc - 1, argv + 1);
  return meetings_list (ctx, argc - 1, argv + 1);
}
