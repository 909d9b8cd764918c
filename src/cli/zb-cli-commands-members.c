/* zb-cli-commands-members.c — `zhibu-cli members list|show|event`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-cli-commands.h"
#include "zb-cli-roster.h"
#include "zb-codes.h"
#include "zb-id-number.h"
#include "zb-member-repo.h"
#include "zb-member-rules.h"
#include "zb-org-repo.h"

static const ZbCliCommand members_list_command
    = { "members list", "[--search TEXT] [--order strokes|pinyin|joined] [--archive] [--json]",
        N_ ("List the members on the roster (or in the archive), in the official order by "
            "surname strokes unless another is asked for. ID numbers are masked unless "
            "--reveal is given."),
        NULL };
static const ZbCliCommand members_show_command
    = { "members show", "UUID|ID-NUMBER [--json] [--reveal]",
        N_ ("Show every field of one member and the history of status changes"), NULL };
static const ZbCliCommand members_event_command
    = { "members event",
        "UUID|ID-NUMBER --kind KIND --date YYYY-MM-DD [--counterpart TEXT] [--letter-number TEXT] "
        "[--dues-paid-until YYYY-MM] [--reason TEXT] [--notes TEXT]",
        N_ ("Record a status change: full_membership, transfer_in, transfer_out, flow_start, "
            "flow_end, lost_contact (reason 1–7), contact_restored, suspend, restore, leave "
            "(reason persuaded, removed, lapsed, withdrew, expelled or probation_cancelled), "
            "death"),
        NULL };

static gboolean
parse_order (const char *text, ZbMemberOrder *order)
{
  if (text == NULL || g_str_equal (text, "strokes"))
    *order = ZB_MEMBER_ORDER_STROKES;
  else if (g_str_equal (text, "pinyin"))
    *order = ZB_MEMBER_ORDER_PINYIN;
  else if (g_str_equal (text, "joined"))
    *order = ZB_MEMBER_ORDER_JOINED;
  else
    return FALSE;
  return TRUE;
}

/* "138****8000": enough to recognise a number without giving it away. */
static char *
mask_phone (const char *phone)
{
  gsize len = phone != NULL ? strlen (phone) : 0;

  if (len < 8)
    return g_strnfill (len, '*');
  return g_strdup_printf ("%.3s%s%s", phone, "****", phone + len - 4);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/* "2026年11月27日" in zh_CN; the stored text if it is not a date. */
static char *
display_date (const char *iso)
{
  GDate date;

  if (!zb_parse_iso_date (iso, &date))
    return g_strdup (or_empty (iso));
  return zb_format_display_date (&date);
}

/* `members list` ----------------------------------------------------------- */

static void
add_member_json (JsonBuilder *builder, ZbMember *member)
{
  const ZbMemberRecord *r = zb_member_get_record (member);

  json_builder_begin_object (builder);
  zb_cli_roster_add_string (builder, "uuid", r->uuid);
  zb_cli_roster_add_string (builder, "name", r->name);
  zb_cli_roster_add_string (builder, "gender", zb_gender_to_string (r->gender));
  zb_cli_roster_add_string (builder, "ethnicity", zb_ethnicity_get_name (r->ethnicity));
  zb_cli_roster_add_string (builder, "id_number", r->id_number);
  zb_cli_roster_add_string (builder, "birth_date", r->birth_date);
  zb_cli_roster_add_string (builder, "joined_date", r->joined_date);
  zb_cli_roster_add_string (builder, "full_date", r->full_date);
  zb_cli_roster_add_string (builder, "category", zb_member_category_to_string (r->category));
  zb_cli_roster_add_string (builder, "branch", zb_member_get_branch_name (member));
  zb_cli_roster_add_string (builder, "group", zb_member_get_group_name (member));
  zb_cli_roster_add_string (builder, "status", zb_member_status_to_string (r->status));
  json_builder_end_object (builder);
}

static int
members_list (ZbCliContext *ctx, int argc, char **argv)
{
  g_autofree char *search_arg = NULL;
  g_autofree char *order_arg = NULL;
  g_autofree char *search = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  gboolean json = FALSE, reveal = FALSE, archive = FALSE;
  int status;
  const GOptionEntry entries[]
      = { { "search", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &search_arg,
            N_ ("Only members whose name, pinyin, ID number or phone number matches"),
            N_ ("TEXT") },
          { "order", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &order_arg,
            N_ ("The order: “strokes” (surname strokes, the default), “pinyin” or “joined”"),
            "strokes|pinyin|joined" },
          { "archive", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &archive,
            N_ ("List those who left the roster instead"), NULL },
          { "reveal", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &reveal,
            N_ ("Show ID and phone numbers in full"), NULL },
          { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &members_list_command, entries, &argc, &argv, &status))
    return status;

  if (!parse_order (order_arg, &query.order))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("Unknown order “%s”: use “strokes”, “pinyin” or “joined”."), order_arg);

      return zb_cli_context_usage_error (ctx, &members_list_command, message);
    }
  if (search_arg != NULL)
    {
      search = zb_cli_roster_arg (search_arg, "--search", &error);
      if (search == NULL)
        return zb_cli_context_fail (ctx, error);
    }
  query.search = search;
  query.archive = archive;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  repo = zb_member_repo_new (db);

  members = zb_member_repo_fetch (repo, &query, 0, G_MAXINT, &error);
  if (members == NULL)
    return zb_cli_context_fail (ctx, error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < members->len; i++)
        add_member_json (builder, members->pdata[i]);
      json_builder_end_array (builder);
      zb_cli_roster_print_json (builder);
    }
  else if (members->len == 0)
    g_print ("%s\n", search != NULL ? _ ("No member matches.") : _ ("The roster is empty."));
  else
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
      char *header[] = { _ ("Name"),   _ ("Gender"), _ ("Ethnic group"),       _ ("ID number"),
                         _ ("Born"),   _ ("Joined"), _ ("Became full member"), _ ("Category"),
                         _ ("Branch"), NULL };

      g_ptr_array_add (rows, g_strdupv (header));
      for (guint i = 0; i < members->len; i++)
        {
          const ZbMemberRecord *r = zb_member_get_record (members->pdata[i]);
          char **row = g_new0 (char *, 10);

          row[0] = g_strdup (r->name);
          row[1] = g_strdup (r->gender != ZB_GENDER_UNKNOWN ? zb_gender_get_label (r->gender) : "");
          row[2] = g_strdup (or_empty (zb_ethnicity_get_name (r->ethnicity)));
          row[3] = reveal || r->id_number == NULL ? g_strdup (or_empty (r->id_number))
                                                  : zb_id_number_mask (r->id_number);
          row[4] = display_date (r->birth_date);
          row[5] = display_date (r->joined_date);
          row[6] = display_date (r->full_date);
          row[7] = g_strdup (zb_member_category_get_label (r->category));
          row[8] = g_strdup (or_empty (zb_member_get_branch_name (members->pdata[i])));
          g_ptr_array_add (rows, row);
        }
      zb_cli_roster_print_table (rows);
      {
        g_autofree char *total = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", members->len), members->len);

        g_print ("%s\n", total);
      }
    }

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

/* A member by uuid, or by the ID number of an active member. */
static ZbMemberRecord *
find_member (ZbMemberRepo *repo, const char *which, GError **error)
{
  g_autofree char *uuid = NULL;

  if (strlen (which) == ZB_ID_NUMBER_LENGTH)
    {
      g_autofree char *upper = g_ascii_strup (which, -1);

      if (!zb_member_repo_lookup_id_number (repo, upper, &uuid, error))
        return NULL;
      if (uuid == NULL)
        {
          g_set_error_literal (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND,
                               _ ("No member on the roster has this ID number."));
          return NULL;
        }
      which = uuid;
    }
  return zb_member_repo_get (repo, which, error);
}

/* `members show` ----------------------------------------------------------- */

static void
print_show_plain (const ZbMemberRecord *r, const char *branch, const char *group, GPtrArray *events,
                  gboolean reveal)
{
  GDate today;
  g_autofree char *id_number = reveal || r->id_number == NULL ? g_strdup (or_empty (r->id_number))
                                                              : zb_id_number_mask (r->id_number);
  g_autofree char *phone
      = reveal || r->phone == NULL ? g_strdup (or_empty (r->phone)) : mask_phone (r->phone);
  g_autofree char *standing_years = NULL;
  g_autofree char *age = NULL;
  g_autofree char *lost = NULL;
  g_autofree char *lost_date = NULL;
  g_autofree char *born = display_date (r->birth_date);
  g_autofree char *started = display_date (r->work_start_date);
  g_autofree char *joined = display_date (r->joined_date);
  g_autofree char *full = display_date (r->full_date);
  int years;
  const char *education = zb_education_get_name (r->education);
  ZbLeftKind left_kind;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  years = zb_party_standing_years (r->full_date, &today);
  standing_years = years >= 0 ? g_strdup_printf ("%d", years) : g_strdup ("");
  years = zb_age_years (r->birth_date, &today);
  age = years >= 0 ? g_strdup_printf ("%d", years) : g_strdup ("");
  if (r->lost_contact)
    {
      lost_date = display_date (r->lost_contact_date);
      lost = g_strdup_printf ("%s %s", lost_date,
                              or_empty (zb_lost_contact_reason_get_name (r->lost_contact_reason)));
    }

  {
    const char *pairs[] = {
      _ ("Name:"),
      or_empty (r->name),
      _ ("Gender:"),
      r->gender != ZB_GENDER_UNKNOWN ? zb_gender_get_label (r->gender) : "",
      _ ("Ethnic group:"),
      or_empty (zb_ethnicity_get_name (r->ethnicity)),
      _ ("ID number:"),
      id_number,
      _ ("Born:"),
      born,
      _ ("Age:"),
      age,
      _ ("Native place:"),
      or_empty (r->native_place),
      _ ("Education:"),
      or_empty (education),
      _ ("Started work:"),
      started,
      _ ("Category:"),
      zb_member_category_get_label (r->category),
      _ ("Joined the Party:"),
      joined,
      _ ("Full member since:"),
      full,
      _ ("Years of full membership:"),
      standing_years,
      _ ("Branch:"),
      or_empty (branch),
      _ ("Party group:"),
      or_empty (group),
      _ ("Work unit and post:"),
      or_empty (r->work_unit),
      _ ("Phone:"),
      phone,
      _ ("Address:"),
      or_empty (r->address),
      _ ("Away at:"),
      r->flowing ? or_empty (r->flow_destination) : "",
      _ ("Out of contact since:"),
      or_empty (lost),
      _ ("Membership:"),
      zb_standing_get_label (r->standing),
      _ ("Status:"),
      zb_member_status_get_label (r->status),
      _ ("Left:"),
      r->left_kind != NULL && zb_left_kind_from_string (r->left_kind, &left_kind)
          ? zb_left_kind_get_name (left_kind)
          : "",
      _ ("Remarks:"),
      or_empty (r->remarks),
      _ ("UUID:"),
      or_empty (r->uuid),
      NULL,
    };

    zb_cli_print_aligned (pairs);
  }

  g_print ("%s\n", _ ("Status changes:"));
  if (events->len == 0)
    g_print ("  %s\n", _ ("(none)"));
  for (guint i = 0; i < events->len; i++)
    {
      const ZbMemberEvent *e = g_ptr_array_index (events, i);
      g_autoptr (GString) line = g_string_new (NULL);

      g_autofree char *date = display_date (e->date);

      g_string_append_printf (line, "  %s  %s", date, zb_member_event_kind_get_label (e->kind));
      if (e->counterpart != NULL)
        g_string_append_printf (line, " — %s", e->counterpart);
      if (e->letter_number != NULL)
        g_string_append_printf (line, " (%s)", e->letter_number);
      if (e->reason != NULL)
        g_string_append_printf (line, " [%s]", e->reason);
      g_print ("%s\n", line->str);
    }
}

static int
members_show (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *which = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (ZbOrgUnit) branch = NULL;
  g_autoptr (ZbOrgUnit) group = NULL;
  g_autoptr (GError) error = NULL;
  gboolean json = FALSE, reveal = FALSE;
  int status;
  const GOptionEntry entries[]
      = { { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          { "reveal", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &reveal,
            N_ ("Show ID and phone numbers in full"), NULL },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
            "UUID" },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &members_show_command, entries, &argc, &argv, &status))
    return status;
  if (args == NULL || g_strv_length (args) != 1)
    return zb_cli_context_usage_error (ctx, &members_show_command,
                                       _ ("Give the member’s UUID or ID number."));
  which = zb_cli_roster_arg (args[0], "UUID", &error);
  if (which == NULL)
    return zb_cli_context_fail (ctx, error);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  repo = zb_member_repo_new (db);
  org = zb_org_repo_new (db);

  record = find_member (repo, which, &error);
  if (record == NULL)
    return zb_cli_context_fail (ctx, error);
  events = zb_member_repo_list_events (repo, record->uuid, &error);
  if (events == NULL)
    return zb_cli_context_fail (ctx, error);
  if (record->branch_id != 0)
    branch = zb_org_repo_get_unit (org, record->branch_id, NULL);
  if (record->group_id != 0)
    group = zb_org_repo_get_unit (org, record->group_id, NULL);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autofree char *record_json = zb_member_record_to_json (record);
      JsonObject *object;
      GList *names;

      json_parser_load_from_data (parser, record_json, -1, NULL);
      object = json_node_get_object (json_parser_get_root (parser));

      json_builder_begin_object (builder);
      names = json_object_get_members (object);
      for (GList *l = names; l != NULL; l = l->next)
        {
          json_builder_set_member_name (builder, l->data);
          json_builder_add_value (builder,
                                  json_node_copy (json_object_get_member (object, l->data)));
        }
      g_list_free (names);
      zb_cli_roster_add_string (builder, "branch", branch != NULL ? branch->name : NULL);
      zb_cli_roster_add_string (builder, "group", group != NULL ? group->name : NULL);
      zb_cli_roster_add_string (builder, "ethnicity_name",
                                zb_ethnicity_get_name (record->ethnicity));

      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);
      for (guint i = 0; i < events->len; i++)
        {
          const ZbMemberEvent *e = g_ptr_array_index (events, i);

          json_builder_begin_object (builder);
          zb_cli_roster_add_string (builder, "uuid", e->uuid);
          zb_cli_roster_add_string (builder, "kind", zb_member_event_kind_to_string (e->kind));
          zb_cli_roster_add_string (builder, "date", e->date);
          zb_cli_roster_add_string (builder, "counterpart", e->counterpart);
          zb_cli_roster_add_string (builder, "letter_number", e->letter_number);
          zb_cli_roster_add_string (builder, "dues_paid_until", e->dues_paid_until);
          zb_cli_roster_add_string (builder, "reason", e->reason);
          zb_cli_roster_add_string (builder, "notes", e->notes);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      zb_cli_roster_print_json (builder);
    }
  else
    print_show_plain (record, branch != NULL ? branch->name : NULL,
                      group != NULL ? group->name : NULL, events, reveal);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

/* `members event` ---------------------------------------------------------- */

static int
members_event (ZbCliContext *ctx, int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  g_autofree char *kind_arg = NULL;
  g_autofree char *date_arg = NULL;
  g_autofree char *counterpart_arg = NULL;
  g_autofree char *letter_arg = NULL;
  g_autofree char *dues_arg = NULL;
  g_autofree char *reason_arg = NULL;
  g_autofree char *notes_arg = NULL;
  g_autofree char *which = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbMemberRecord) record = NULL;
  g_autoptr (ZbMemberEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberEventKind kind;
  int status;
  const GOptionEntry entries[]
      = { { "kind", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &kind_arg,
            N_ ("What happened (required), e.g. transfer_out"), N_ ("KIND") },
          { "date", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &date_arg,
            N_ ("When it happened (required)"), "YYYY-MM-DD" },
          { "counterpart", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &counterpart_arg,
            N_ ("The other organisation of a transfer, or where the member went"), N_ ("TEXT") },
          { "letter-number", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &letter_arg,
            N_ ("The number of the transfer letter or of the mobile member’s card"), N_ ("TEXT") },
          { "dues-paid-until", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &dues_arg,
            N_ ("The month up to which dues are paid"), "YYYY-MM" },
          { "reason", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &reason_arg,
            N_ ("For lost_contact the situation 1–7; for leave the form of leaving"), N_ ("TEXT") },
          { "notes", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &notes_arg, N_ ("Notes"),
            N_ ("TEXT") },
          { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
            "UUID" },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, &members_event_command, entries, &argc, &argv, &status))
    return status;
  if (args == NULL || g_strv_length (args) != 1)
    return zb_cli_context_usage_error (ctx, &members_event_command,
                                       _ ("Give the member’s UUID or ID number."));
  if (kind_arg == NULL || !zb_member_event_kind_from_string (kind_arg, &kind))
    {
      g_autofree char *message
          = kind_arg == NULL ? g_strdup (_ ("Say what happened with --kind."))
                             : g_strdup_printf (_ ("Unknown kind of change “%s”."), kind_arg);

      return zb_cli_context_usage_error (ctx, &members_event_command, message);
    }
  if (date_arg == NULL)
    return zb_cli_context_usage_error (ctx, &members_event_command,
                                       _ ("Say when it happened with --date YYYY-MM-DD."));

  which = zb_cli_roster_arg (args[0], "UUID", &error);
  if (which == NULL)
    return zb_cli_context_fail (ctx, error);

  event = zb_member_event_new (kind, date_arg);
  if ((counterpart_arg != NULL
       && (event->counterpart = zb_cli_roster_arg (counterpart_arg, "--counterpart", &error))
              == NULL)
      || (letter_arg != NULL
          && (event->letter_number = zb_cli_roster_arg (letter_arg, "--letter-number", &error))
                 == NULL)
      || (reason_arg != NULL
          && (event->reason = zb_cli_roster_arg (reason_arg, "--reason", &error)) == NULL)
      || (notes_arg != NULL
          && (event->notes = zb_cli_roster_arg (notes_arg, "--notes", &error)) == NULL))
    return zb_cli_context_fail (ctx, error);
  event->dues_paid_until = g_strdup (dues_arg);

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);
  repo = zb_member_repo_new (db);

  record = find_member (repo, which, &error);
  if (record == NULL || !zb_member_repo_record_event (repo, record->uuid, event, &error))
    return zb_cli_context_fail (ctx, error);

  zb_database_close (db);
  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_members (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  const char *const names[] = { "list", "show", "event", NULL };
  const char *sub;
  int status;

  sub = zb_cli_roster_subcommand (ctx, command, argc, argv, names, &status);
  if (sub == NULL)
    return status;

  /* the subcommand's own argv: argv[0] is the subcommand */
  if (g_str_equal (sub, "list"))
    return members_list (ctx, argc - 1, argv + 1);
  if (g_str_equal (sub, "show"))
    return members_show (ctx, argc - 1, argv + 1);
  return members_event (ctx, argc - 1, argv + 1);
}
