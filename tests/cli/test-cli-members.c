/* test-cli-members.c — zhibu-cli members, org and demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "zb-id-number.h"
#include "zb-member-rules.h"

#define PASSPHRASE "members 测试 passphrase"

typedef struct
{
  char *dir;
  char *db;
  char *pw;
} Workspace;

static void
workspace_init (Workspace *w, const char *name)
{
  w->dir = cli_test_new_dir (name);
  w->db = cli_test_init_workspace (w->dir, "中共测试支部委员会", PASSPHRASE, &w->pw);
}

static void
workspace_clear (Workspace *w)
{
  g_free (w->dir);
  g_free (w->db);
  g_free (w->pw);
}

/* zhibu-cli --db … --passphrase-file … ARGS… */
static CliResult *
run_in (Workspace *w, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "--db");
  g_ptr_array_add (args, w->db);
  g_ptr_array_add (args, (gpointer) "--passphrase-file");
  g_ptr_array_add (args, w->pw);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return cli_run (NULL, (const char *const *)args->pdata);
}

static JsonArray *
parse_array (JsonParser *parser, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_help (void)
{
  g_autoptr (CliResult) top = cli_runv ("--help", NULL);
  g_autoptr (CliResult) members = cli_runv ("members", "--help", NULL);
  g_autoptr (CliResult) list = cli_runv ("members", "list", "--help", NULL);

  cli_assert_status (top, 0);
  g_assert_nonnull (strstr (top->out, "members"));
  g_assert_nonnull (strstr (top->out, "demo"));
  g_assert_nonnull (strstr (top->out, "org"));
  cli_assert_status (members, 0);
  g_assert_nonnull (strstr (members->out, "zhibu-cli members list"));
  g_assert_nonnull (strstr (members->out, "zhibu-cli members event"));
  cli_assert_status (list, 0);
  g_assert_nonnull (strstr (list->out, "--search"));
  g_assert_nonnull (strstr (list->out, "--order"));
  g_assert_nonnull (strstr (list->out, "--reveal"));
}

static void
test_usage_errors (void)
{
  Workspace w;
  const char *const *cases[] = {
    (const char *const[]){ "members", NULL },
    (const char *const[]){ "members", "frobnicate", NULL },
    (const char *const[]){ "members", "list", "--order", "age", NULL },
    (const char *const[]){ "members", "show", NULL },
    (const char *const[]){ "members", "event", "x", "--kind", "vanish", "--date", "2020-01-01",
                           NULL },
    (const char *const[]){ "members", "event", "x", "--kind", "death", NULL },
    (const char *const[]){ "org", "add-group", "只有一个", NULL },
    (const char *const[]){ "demo", NULL },
  };

  workspace_init (&w, "usage");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (CliResult) r = NULL;

      g_ptr_array_add (args, (gpointer) "--db");
      g_ptr_array_add (args, w.db);
      g_ptr_array_add (args, (gpointer) "--passphrase-file");
      g_ptr_array_add (args, w.pw);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer)cases[i][j]);
      g_ptr_array_add (args, NULL);
      r = cli_run (NULL, (const char *const *)args->pdata);
      cli_assert_status (r, 2);
      g_assert_true (g_str_has_prefix (r->err, "zhibu-cli: "));
      g_assert_nonnull (strstr (r->err, "Usage: zhibu-cli"));
    }
  workspace_clear (&w);
}

/* org add-branch / add-group / list, with the branch-size warnings of
 * DOMAIN.md §2.1 */
static void
test_org (void)
{
  Workspace w;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CliResult) branch = NULL;
  g_autoptr (CliResult) group = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (CliResult) bad = NULL;
  JsonArray *units;
  JsonObject *b, *g;
  g_autofree char *branch_uuid = NULL;

  workspace_init (&w, "org");
  branch = run_in (&w, "org", "add-branch", "机关第一党支部", NULL);
  cli_assert_status (branch, 0);
  branch_uuid = g_strstrip (g_strdup (branch->out));
  g_assert_cmpuint (strlen (branch_uuid), ==, 36);

  /* by name or by uuid */
  group = run_in (&w, "org", "add-group", "机关第一党支部", "第一党小组", NULL);
  cli_assert_status (group, 0);
  cli_result_free (g_steal_pointer (&group));
  group = run_in (&w, "org", "add-group", branch_uuid, "第二党小组", NULL);
  cli_assert_status (group, 0);

  bad = run_in (&w, "org", "add-group", "没有这个支部", "小组", NULL);
  cli_assert_status (bad, 1);
  cli_assert_one_error_line (bad);

  list = run_in (&w, "org", "list", "--json", NULL);
  cli_assert_status (list, 0);
  units = parse_array (parser, list->out);
  g_assert_cmpuint (json_array_get_length (units), ==, 3);
  b = json_array_get_object_element (units, 0);
  g = json_array_get_object_element (units, 1);
  g_assert_cmpstr (json_object_get_string_member (b, "kind"), ==, "branch");
  g_assert_cmpstr (json_object_get_string_member (b, "name"), ==, "机关第一党支部");
  g_assert_cmpstr (json_object_get_string_member (b, "uuid"), ==, branch_uuid);
  g_assert_cmpstr (json_object_get_string_member (g, "kind"), ==, "group");
  g_assert_cmpint (json_object_get_int_member (g, "parent_id"), ==,
                   json_object_get_int_member (b, "id"));
  /* an empty branch: fewer than 3 full members (§2.1) */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (b, "warnings")), ==, 1);

  plain = run_in (&w, "org", "list", NULL);
  cli_assert_status (plain, 0);
  g_assert_nonnull (strstr (plain->out, "第二党小组"));
  workspace_clear (&w);
}

/* demo data is realistic: valid ID numbers consistent with gender and birth
 * date (§4.3), 入党 at 18 or later (T1), 转正 after 入党; and members list
 * --json has the keys of issue 3. */
static void
test_demo_and_list_json (void)
{
  Workspace w;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) by_joined = NULL;
  const char *keys[] = { "name",        "gender",    "ethnicity", "id_number", "birth_date",
                         "joined_date", "full_date", "category",  "branch" };
  JsonArray *members;
  GDate today;
  guint n_probationary = 0;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  workspace_init (&w, "demo");
  demo = run_in (&w, "demo", "--members", "120", "--branches", "3", NULL);
  cli_assert_status (demo, 0);

  list = run_in (&w, "members", "list", "--json", NULL);
  cli_assert_status (list, 0);
  members = parse_array (parser, list->out);
  g_assert_cmpuint (json_array_get_length (members), ==, 120);

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *m = json_array_get_object_element (members, i);
      ZbIdNumberInfo info;
      g_autofree char *birth = NULL;
      GDate joined, eighteen, birth_date;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (m, keys[k]));

      g_assert_cmpint (
          zb_id_number_parse (json_object_get_string_member (m, "id_number"), &today, &info), ==,
          ZB_RULE_OK);
      birth = zb_format_iso_date (&info.birth_date);
      g_assert_cmpstr (json_object_get_string_member (m, "birth_date"), ==, birth);
      g_assert_cmpstr (json_object_get_string_member (m, "gender"), ==,
                       info.gender == ZB_GENDER_MALE ? "male" : "female");
      g_assert_nonnull (json_object_get_string_member (m, "ethnicity"));
      g_assert_nonnull (json_object_get_string_member (m, "branch"));
      g_assert_cmpuint (g_utf8_strlen (json_object_get_string_member (m, "name"), -1), >=, 2);

      g_assert_true (zb_parse_iso_date (json_object_get_string_member (m, "joined_date"), &joined));
      g_assert_true (zb_parse_iso_date (birth, &birth_date));
      zb_eighteenth_birthday (&birth_date, &eighteen);
      g_assert_cmpint (g_date_compare (&joined, &eighteen), >=, 0);
      g_assert_cmpint (g_date_compare (&joined, &today), <=, 0);

      if (g_strcmp0 (json_object_get_string_member (m, "category"), "probationary") == 0)
        {
          n_probationary++;
          g_assert_true (json_object_get_null_member (m, "full_date"));
        }
      else
        g_assert_cmpstr (json_object_get_string_member (m, "full_date"), >,
                         json_object_get_string_member (m, "joined_date"));
    }
  /* most are full members */
  g_assert_cmpuint (n_probationary, <, 30);

  /* --order joined: by 入党日期 */
  by_joined = run_in (&w, "members", "list", "--order", "joined", "--json", NULL);
  cli_assert_status (by_joined, 0);
  members = parse_array (parser, by_joined->out);
  for (guint i = 1; i < json_array_get_length (members); i++)
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (members, i - 1),
                                       "joined_date"),
        <=,
        json_object_get_string_member (json_array_get_object_element (members, i), "joined_date"));
  workspace_clear (&w);
}

/* The plain list masks ID numbers (issue 3) unless --reveal; search works. */
static void
test_list_plain_masked (void)
{
  Workspace w;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) json = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (CliResult) revealed = NULL;
  g_autoptr (CliResult) search = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *name = NULL;
  JsonObject *first;

  workspace_init (&w, "masked");
  demo = run_in (&w, "demo", "--members", "20", NULL);
  cli_assert_status (demo, 0);
  json = run_in (&w, "members", "list", "--json", NULL);
  first = json_array_get_object_element (parse_array (parser, json->out), 0);
  id_number = g_strdup (json_object_get_string_member (first, "id_number"));
  name = g_strdup (json_object_get_string_member (first, "name"));
  masked = zb_id_number_mask (id_number);

  plain = run_in (&w, "members", "list", NULL);
  cli_assert_status (plain, 0);
  g_assert_null (strstr (plain->out, id_number));
  g_assert_nonnull (strstr (plain->out, masked));
  g_assert_nonnull (strstr (plain->out, name));

  revealed = run_in (&w, "members", "list", "--reveal", NULL);
  g_assert_nonnull (strstr (revealed->out, id_number));

  /* the last six characters of the ID number find the member */
  search = run_in (&w, "members", "list", "--search", id_number + 12, "--json", NULL);
  cli_assert_status (search, 0);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (parse_array (parser, search->out), 0), "id_number"),
      ==, id_number);
  workspace_clear (&w);
}

/* members event / show: status changes as dated events (DOMAIN.md §4.6). */
static void
test_events (void)
{
  Workspace w;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) out = NULL;
  g_autoptr (CliResult) after = NULL;
  g_autoptr (CliResult) archive = NULL;
  g_autoptr (CliResult) show = NULL;
  g_autoptr (CliResult) plain = NULL;
  g_autoptr (CliResult) refused = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *id_number = NULL;
  JsonObject *member;
  JsonArray *events;

  workspace_init (&w, "events");
  demo = run_in (&w, "demo", "--members", "10", NULL);
  list = run_in (&w, "members", "list", "--json", NULL);
  member = json_array_get_object_element (parse_array (parser, list->out), 0);
  uuid = g_strdup (json_object_get_string_member (member, "uuid"));
  id_number = g_strdup (json_object_get_string_member (member, "id_number"));

  /* by ID number as well as by uuid */
  out = run_in (&w, "members", "event", id_number, "--kind", "transfer_out", "--date", "2024-03-01",
                "--counterpart", "中共某某公司委员会", "--letter-number", "第12号",
                "--dues-paid-until", "2024-02", NULL);
  cli_assert_status (out, 0);

  after = run_in (&w, "members", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (parse_array (parser, after->out)), ==, 9);
  archive = run_in (&w, "members", "list", "--archive", "--json", NULL);
  member = json_array_get_object_element (parse_array (parser, archive->out), 0);
  g_assert_cmpstr (json_object_get_string_member (member, "uuid"), ==, uuid);
  g_assert_cmpstr (json_object_get_string_member (member, "status"), ==, "transferred_out");

  show = run_in (&w, "members", "show", uuid, "--json", NULL);
  cli_assert_status (show, 0);
  g_assert_true (json_parser_load_from_data (parser, show->out, -1, NULL));
  member = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (member, "status"), ==, "transferred_out");
  events = json_object_get_array_member (member, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (events, 0), "kind"), ==,
      "transfer_out");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (events, 0), "counterpart"), ==,
      "中共某某公司委员会");

  plain = run_in (&w, "members", "show", uuid, NULL);
  cli_assert_status (plain, 0);
  g_assert_nonnull (strstr (plain->out, "2024-03-01"));
  g_assert_null (strstr (plain->out, id_number));

  /* someone transferred out cannot be suspended: one plain error line */
  refused
      = run_in (&w, "members", "event", uuid, "--kind", "suspend", "--date", "2024-05-01", NULL);
  cli_assert_status (refused, 1);
  cli_assert_one_error_line (refused);
  workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli-members/help", test_help);
  g_test_add_func ("/cli-members/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-members/org", test_org);
  g_test_add_func ("/cli-members/demo-and-list-json", test_demo_and_list_json);
  g_test_add_func ("/cli-members/list-plain-masked", test_list_plain_masked);
  g_test_add_func ("/cli-members/events", test_events);

  return g_test_run ();
}
