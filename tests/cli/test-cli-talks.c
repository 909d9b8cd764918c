/* test-cli-talks.c — zhibu-cli talks add|list|coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from tests/talks/meson.build.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "cli-test-util.h"
#include "zb-database.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

#define PASSPHRASE "talks 测试 passphrase"
#define SECRET "只有打开内容时才看得到的话"

static gint64
audit_rows (CliWorkspace *w)
{
  g_autoptr (CliResult) info = cli_workspace_run (w, "info", "--json", NULL);
  g_autoptr (JsonNode) root = NULL;

  cli_assert_status (info, 0);
  root = cli_test_parse_json (info->out);
  return json_object_get_int_member (
      json_object_get_object_member (json_node_get_object (root), "tables"), "audit_log");
}

/* Makes the members of @uuids committee members of their branch (there is
 * no CLI command for posts yet). */
static void
appoint (CliWorkspace *w, const char *const *uuids)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = zb_database_open (w->db, secret, &error);
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;

  g_assert_no_error (error);
  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  for (guint i = 0; uuids[i] != NULL; i++)
    {
      g_autoptr (ZbMemberRecord) m = zb_member_repo_get (members, uuids[i], &error);
      g_autoptr (ZbPartyPost) post = NULL;

      g_assert_no_error (error);
      post = zb_org_repo_add_post (org, m->id, m->branch_id, 0,
                                   i == 0 ? ZB_POST_SECRETARY : ZB_POST_ORGANISATION, "2000-01-01",
                                   NULL, &error);
      g_assert_no_error (error);
    }
  zb_database_close (db);
}

static void
test_help_and_usage (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) top = cli_runv ("--help", NULL);
  g_autoptr (CliResult) help = cli_runv ("talks", "add", "--help", NULL);
  const char *const *cases[] = {
    (const char *const[]){ "talks", NULL },
    (const char *const[]){ "talks", "add", "--date", "2026-03-01", "--talker", "x", "--with", "y",
                           NULL },
    (const char *const[]){ "talks", "add", "--kind", "chat", "--date", "2026-03-01", NULL },
    (const char *const[]){ "talks", "add", "--kind", "daily", "--talker", "x", "--with", "y",
                           NULL },
    (const char *const[]){ "talks", "add", "--kind", "daily", "--date", "2026-03-01", NULL },
    (const char *const[]){ "talks", "list", "--kind", "chat", NULL },
    (const char *const[]){ "talks", "coverage", NULL },
    (const char *const[]){ "talks", "list", "--with-contents", NULL },
  };

  cli_assert_status (top, 0);
  g_assert_nonnull (strstr (top->out, "talks"));
  cli_assert_status (help, 0);
  g_assert_nonnull (strstr (help->out, "--said-other"));
  g_assert_nonnull (strstr (help->out, "--action"));

  cli_workspace_init (&w, "usage", "中共测试支部委员会", PASSPHRASE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CliResult) r = cli_workspace_run_args (&w, cases[i]);

      cli_assert_status (r, 2);
      g_assert_true (g_str_has_prefix (r->err, "zhibu-cli: "));
    }
  cli_workspace_clear (&w);
}

static JsonObject *
find_person (JsonArray *people, const char *uuid)
{
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      if (g_strcmp0 (json_object_get_string_member (p, "uuid"), uuid) == 0)
        return p;
    }
  g_assert_not_reached ();
  return NULL;
}

/* A talk of two committee members with a member and someone not on the
 * roster: listed without contents unless asked; with them, audited; the
 * year's coverage says who is covered and who is still due. */
static void
test_add_list_coverage (void)
{
  CliWorkspace w;
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) unknown = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) opened = NULL;
  g_autoptr (CliResult) coverage = NULL;
  g_autoptr (CliResult) verify = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (JsonNode) with_contents = NULL;
  g_autoptr (JsonNode) covered = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autofree char *action = NULL;
  const char *uuid[4], *id_number[4];
  JsonArray *people, *talks, *cover;
  JsonObject *t, *p;
  gint64 audit_before;

  cli_workspace_init (&w, "add", "中共测试支部委员会", PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "8", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  for (guint i = 0; i < 4; i++)
    {
      p = json_array_get_object_element (people, i);
      uuid[i] = json_object_get_string_member (p, "uuid");
      id_number[i] = json_object_get_string_member (p, "id_number");
    }
  appoint (&w, (const char *const[]){ uuid[0], uuid[1], NULL });

  action = g_strdup_printf ("再谈一次:%s-12-31", year);
  add = cli_workspace_run (&w, "talks", "add", "--date", today, "--time", "09:30", "--place",
                           "支部办公室", "--kind", "daily", "--talker", id_number[0], "--with",
                           id_number[1], "--with", id_number[2], "--with", "name:王申请", "--topic",
                           "思想情况", "--said-talker", SECRET, "--said-other", "对方的话",
                           "--response", "没有意见", "--action", action, NULL);
  cli_assert_status (add, 0);
  g_assert_cmpuint (strlen (g_strstrip (add->out)), ==, 36);

  /* Someone not found: one line saying so, nothing written. */
  unknown = cli_workspace_run (&w, "talks", "add", "--date", today, "--kind", "daily", "--talker",
                               id_number[0], "--with", "无此人", NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  cli_assert_one_error_line (unknown);

  audit_before = audit_rows (&w);
  list = cli_workspace_run (&w, "talks", "list", "--year", year, "--json", NULL);
  cli_assert_status (list, 0);
  g_assert_null (strstr (list->out, SECRET));
  g_assert_null (strstr (list->out, "对方的话"));
  listed = cli_test_parse_json (list->out);
  talks = json_node_get_array (listed);
  g_assert_cmpuint (json_array_get_length (talks), ==, 1);
  t = json_array_get_object_element (talks, 0);
  g_assert_false (json_object_has_member (t, "contents"));
  g_assert_cmpstr (json_object_get_string_member (t, "uuid"), ==, add->out);
  g_assert_cmpstr (json_object_get_string_member (t, "kind"), ==, "daily");
  g_assert_cmpstr (json_object_get_string_member (t, "place"), ==, "支部办公室");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (t, "talkers")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (t, "talked_with")), ==, 3);
  p = json_array_get_object_element (json_object_get_array_member (t, "talked_with"), 2);
  g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "王申请");
  g_assert_cmpstr (json_object_get_string_member (p, "person_key"), ==, "name:王申请");
  g_assert_true (json_object_get_null_member (p, "member_id"));
  p = json_array_get_object_element (json_object_get_array_member (t, "actions"), 0);
  g_assert_cmpstr (json_object_get_string_member (p, "text"), ==, "再谈一次");
  /* Listing opened nothing. */
  g_assert_cmpint (audit_rows (&w), ==, audit_before);

  opened
      = cli_workspace_run (&w, "talks", "list", "--year", year, "--with-contents", "--json", NULL);
  cli_assert_status (opened, 0);
  with_contents = cli_test_parse_json (opened->out);
  t = json_array_get_object_element (json_node_get_array (with_contents), 0);
  p = json_object_get_object_member (t, "contents");
  g_assert_cmpstr (json_object_get_string_member (p, "said_by_talker"), ==, SECRET);
  g_assert_cmpstr (json_object_get_string_member (p, "response"), ==, "没有意见");
  g_assert_cmpint (audit_rows (&w), ==, audit_before + 1);

  coverage = cli_workspace_run (&w, "talks", "coverage", "--year", year, "--json", NULL);
  cli_assert_status (coverage, 0);
  g_assert_null (strstr (coverage->out, SECRET));
  covered = cli_test_parse_json (coverage->out);
  cover = json_node_get_array (covered);
  g_assert_cmpuint (json_array_get_length (cover), ==, 8);
  /* The committee first; both talked with each other. */
  p = json_array_get_object_element (cover, 0);
  g_assert_true (json_object_get_boolean_member (p, "committee"));
  for (guint i = 0; i < 3; i++)
    {
      p = find_person (cover, uuid[i]);
      g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "covered");
      g_assert_cmpint (json_object_get_boolean_member (p, "committee"), ==, i < 2);
    }
  p = find_person (cover, uuid[2]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "talked_with")), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (p, "talked_with"), 0),
          "uuid"),
      ==, uuid[0]);
  p = find_person (cover, uuid[3]);
  g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "due");
  g_assert_cmpstr (json_object_get_string_member (p, "code"), ==, "talks-due");

  /* Every write and every opening is in the audit chain. */
  verify = cli_workspace_run (&w, "verify", NULL);
  cli_assert_status (verify, 0);
  cli_workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli-talks/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli-talks/add-list-coverage", test_add_list_coverage);

  return g_test_run ();
}
