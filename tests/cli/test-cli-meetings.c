/* test-cli-meetings.c — zhibu-cli meetings add|list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from tests/meetings/meson.build.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-util.h"

#define PASSPHRASE "meetings 测试 passphrase"

static void
test_help_and_usage (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) top = cli_runv ("--help", NULL);
  g_autoptr (CliResult) help = cli_runv ("meetings", "add", "--help", NULL);
  const char *const *cases[] = {
    (const char *const[]){ "meetings", NULL },
    (const char *const[]){ "meetings", "add", "--date", "2026-03-01", NULL },
    (const char *const[]){ "meetings", "add", "--kind", "party", "--date", "2026-03-01", NULL },
    (const char *const[]){ "meetings", "add", "--kind", "theme_day", NULL },
    (const char *const[]){ "meetings", "list", "--kind", "banquet", NULL },
  };

  cli_assert_status (top, 0);
  g_assert_nonnull (strstr (top->out, "meetings"));
  cli_assert_status (help, 0);
  g_assert_nonnull (strstr (help->out, "--present"));
  g_assert_nonnull (strstr (help->out, "--leave"));

  cli_workspace_init (&w, "usage", "中共测试支部委员会", PASSPHRASE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliResult) r = cli_workspace_run_args (&w, cases[i]);

      cli_assert_status (r, 2);
      g_assert_true (g_str_has_prefix (r->err, "zhibu-cli: "));
    }
  cli_workspace_clear (&w);
}

/* A meeting with attendance taken from the roster of its date, listed with
 * the keys of issue 5 and its quorum; one without attendance has none. */
static void
test_add_and_list (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) theme = NULL;
  g_autoptr (CliResult) group = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) by_kind = NULL;
  g_autoptr (CliResult) verify = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (JsonNode) themes = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year = g_date_time_format (now, "%Y");
  const char *keys[] = { "uuid",     "kind",    "title",  "date",  "place",
                         "expected", "present", "absent", "leave", "quorum" };
  const char *leave_id = NULL;
  JsonArray *people;
  JsonObject *m;
  guint n_full = 0, n_present = 0;

  cli_workspace_init (&w, "add", "中共测试支部委员会", PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "20", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  g_assert_cmpuint (json_array_get_length (people), ==, 20);

  /* Today everyone on the roster is expected: more than half of the full
   * members come, one is on leave, the rest are absent. */
  for (const char *const *a
       = (const char *const[]){ "meetings", "add", "--kind", "general_meeting", "--date", NULL };
       *a != NULL; a++)
    g_ptr_array_add (args, g_strdup (*a));
  g_ptr_array_add (args, g_strdup (today));
  for (const char *const *a
       = (const char *const[]){ "--start", "14:30", "--end", "16:00", "--place", "三楼会议室",
                                "--title", "支部党员大会", "--topic", "学习党章", "--topic",
                                "讨论发展党员", NULL };
       *a != NULL; a++)
    g_ptr_array_add (args, g_strdup (*a));
  for (guint i = 0; i < json_array_get_length (people); i++)
    if (g_strcmp0 (
            json_object_get_string_member (json_array_get_object_element (people, i), "category"),
            "full")
        == 0)
      n_full++;
  g_assert_cmpuint (n_full, >=, 3);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      const char *id_number = json_object_get_string_member (p, "id_number");

      if (g_strcmp0 (json_object_get_string_member (p, "category"), "full") != 0)
        continue;
      if (n_present <= n_full / 2)
        {
          if (n_present == 0)
            {
              g_ptr_array_add (args, g_strdup ("--chair"));
              g_ptr_array_add (args, g_strdup (id_number));
            }
          g_ptr_array_add (args, g_strdup ("--present"));
          g_ptr_array_add (args, g_strdup (id_number));
          n_present++;
        }
      else if (leave_id == NULL)
        {
          leave_id = id_number;
          g_ptr_array_add (args, g_strdup ("--leave"));
          g_ptr_array_add (args, g_strdup_printf ("%s:出差", id_number));
        }
    }
  g_assert_nonnull (leave_id);
  g_ptr_array_add (args, NULL);
  add = cli_workspace_run_args (&w, (const char *const *)args->pdata);
  cli_assert_status (add, 0);
  g_assert_cmpuint (strlen (g_strstrip (add->out)), ==, 36);

  theme = cli_workspace_run (&w, "meetings", "add", "--kind", "theme_day", "--date", today,
                             "--place", "社区服务中心", NULL);
  cli_assert_status (theme, 0);

  /* a group meeting needs its group: one line saying so */
  group
      = cli_workspace_run (&w, "meetings", "add", "--kind", "group_meeting", "--date", today, NULL);
  g_assert_cmpint (group->status, ==, 1);
  cli_assert_one_error_line (group);

  list = cli_workspace_run (&w, "meetings", "list", "--year", year, "--json", NULL);
  cli_assert_status (list, 0);
  listed = cli_test_parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 2);
  m = json_array_get_object_element (json_node_get_array (listed), 0);
  if (g_strcmp0 (json_object_get_string_member (m, "kind"), "general_meeting") != 0)
    m = json_array_get_object_element (json_node_get_array (listed), 1);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    g_assert_true (json_object_has_member (m, keys[k]));
  g_assert_cmpstr (json_object_get_string_member (m, "uuid"), ==, add->out);
  g_assert_cmpstr (json_object_get_string_member (m, "kind"), ==, "general_meeting");
  g_assert_cmpstr (json_object_get_string_member (m, "title"), ==, "支部党员大会");
  g_assert_cmpstr (json_object_get_string_member (m, "date"), ==, today);
  g_assert_cmpstr (json_object_get_string_member (m, "place"), ==, "三楼会议室");
  g_assert_cmpint (json_object_get_int_member (m, "expected"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (m, "present"), ==, n_present);
  g_assert_cmpint (json_object_get_int_member (m, "leave"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (m, "absent"), ==, 20 - n_present - 1);
  g_assert_cmpint (json_object_get_int_member (m, "voting_expected"), ==, n_full);
  g_assert_cmpstr (json_object_get_string_member (m, "quorum"), ==, "ok");

  /* --kind filters; a meeting without attendance taken has no quorum */
  by_kind = cli_workspace_run (&w, "meetings", "list", "--kind", "theme_day", "--json", NULL);
  cli_assert_status (by_kind, 0);
  themes = cli_test_parse_json (by_kind->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (themes)), ==, 1);
  m = json_array_get_object_element (json_node_get_array (themes), 0);
  g_assert_cmpstr (json_object_get_string_member (m, "place"), ==, "社区服务中心");
  g_assert_cmpint (json_object_get_int_member (m, "expected"), ==, 20);
  g_assert_cmpint (json_object_get_int_member (m, "present"), ==, 0);
  g_assert_true (json_object_get_null_member (m, "quorum"));

  /* every write is in the audit chain */
  verify = cli_workspace_run (&w, "verify", NULL);
  cli_assert_status (verify, 0);
  cli_workspace_clear (&w);
}

/* Below quorum: fewer than half of the full members present. */
static void
test_below_quorum (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *present = NULL;
  JsonArray *people;
  JsonObject *m;

  cli_workspace_init (&w, "quorum", "中共测试支部委员会", PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "10", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  for (guint i = 0; i < json_array_get_length (people) && present == NULL; i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      if (g_strcmp0 (json_object_get_string_member (p, "category"), "full") == 0)
        present = json_object_get_string_member (p, "id_number");
    }
  g_assert_nonnull (present);

  add = cli_workspace_run (&w, "meetings", "add", "--kind", "party_congress", "--date", today,
                           "--present", present, NULL);
  cli_assert_status (add, 0);
  list = cli_workspace_run (&w, "meetings", "list", "--json", NULL);
  listed = cli_test_parse_json (list->out);
  m = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_cmpstr (json_object_get_string_member (m, "kind"), ==, "general_meeting");
  g_assert_cmpint (json_object_get_int_member (m, "present"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (m, "quorum"), ==, "quorum-not-met");
  g_assert_nonnull (json_object_get_string_member (m, "quorum_message"));

  plain = cli_workspace_run (&w, "meetings", "list", NULL);
  cli_assert_status (plain, 0);
  g_assert_nonnull (strstr (plain->out, today));
  g_assert_nonnull (strstr (plain->out, "Below quorum"));
  cli_workspace_clear (&w);
}

/* A 党小组会 expects its group's members only; a guest sits in. */
static void
test_group_meeting (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) org = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (JsonNode) units = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *group = NULL;
  guint n_in_group = 0;
  JsonArray *array;
  JsonObject *m;

  cli_workspace_init (&w, "group", "中共测试支部委员会", PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "30", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  org = cli_workspace_run (&w, "org", "list", "--json", NULL);
  cli_assert_status (org, 0);
  units = cli_test_parse_json (org->out);
  array = json_node_get_array (units);
  for (guint i = 0; i < json_array_get_length (array) && group == NULL; i++)
    {
      JsonObject *unit = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (unit, "kind"), "group") == 0)
        group = json_object_get_string_member (unit, "name");
    }
  g_assert_nonnull (group);

  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  roster = cli_test_parse_json (members->out);
  array = json_node_get_array (roster);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *p = json_array_get_object_element (array, i);

      if (!json_object_get_null_member (p, "group")
          && g_strcmp0 (json_object_get_string_member (p, "group"), group) == 0)
        n_in_group++;
    }
  g_assert_cmpuint (n_in_group, >, 0);
  g_assert_cmpuint (n_in_group, <, 30);

  add = cli_workspace_run (&w, "meetings", "add", "--kind", "group_meeting", "--group", group,
                           "--date", today, "--observer", "上级党委联系人", NULL);
  cli_assert_status (add, 0);
  list = cli_workspace_run (&w, "meetings", "list", "--kind", "group_meeting", "--json", NULL);
  cli_assert_status (list, 0);
  listed = cli_test_parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  m = json_array_get_object_element (json_node_get_array (listed), 0);
  g_assert_cmpint (json_object_get_int_member (m, "expected"), ==, n_in_group);
  g_assert_cmpint (json_object_get_int_member (m, "observers"), ==, 1);
  /* a group meeting has no quorum rule */
  g_assert_true (json_object_get_null_member (m, "quorum"));
  cli_workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli-meetings/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli-meetings/add-and-list", test_add_and_list);
  g_test_add_func ("/cli-meetings/below-quorum", test_below_quorum);
  g_test_add_func ("/cli-meetings/group-meeting", test_group_meeting);

  return g_test_run ();
}
