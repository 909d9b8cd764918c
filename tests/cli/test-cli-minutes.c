/* test-cli-minutes.c — `zhibu-cli print minutes UUID`, run as a user or a
 * script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cli-test-util.h"
#include "zb-meeting-repo.h"
#include "zb-minutes-document.h"
#include "zb-print-log.h"

#define ORG_NAME "中共示例街道第二社区支部委员会"
#define PASSPHRASE "minutes 测试 passphrase"

/* The text of a PDF file, white space removed, and its pages. */
static char *
pdf_file_text (const char *path, int *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  *n_pages = poppler_document_get_n_pages (pdf);
  for (int i = 0; i < *n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
          g_string_append_unichar (text, g_utf8_get_char (p));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return g_string_free (text, FALSE);
}

static void
assert_has (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    {
      g_test_message ("not in the minutes: %s", needle);
      g_assert_not_reached ();
    }
}

/* Adds @args (NULL-terminated) to @all. */
static void
add_args (GPtrArray *all, const char *const *args)
{
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (all, g_strdup (args[i]));
}

/* A 支部党员大会 recorded with `meetings add` on a demo roster of 30, printed
 * with `print minutes` (by the uuid's first 8 characters): its facts are in
 * the PDF, the print log knows its number, and `verify-print` accepts it. */
static void
test_print_minutes (void)
{
  CliWorkspace w = { 0 };
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) print = NULL;
  g_autoptr (CliResult) verify = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *leave_name = NULL;
  g_autofree char *chair_name = NULL;
  g_autofree char *recorder_name = NULL;
  g_autofree char *number = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  /* Today, so that every member of the demo roster had joined by then. */
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *when = g_date_time_format (now, "%Y年%-m月%-d日14:30—16:00");
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *uuid;
  JsonArray *people;
  int n_pages = 0;

  cli_workspace_init (&w, "minutes", ORG_NAME, PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "30", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  g_assert_cmpuint (json_array_get_length (people), ==, 30);

  add_args (args, (const char *const[]){ "meetings",   "add",
                                         "--kind",     "general_meeting",
                                         "--date",     today,
                                         "--start",    "14:30",
                                         "--end",      "16:00",
                                         "--place",    "社区党员活动室",
                                         "--title",    "2026年第四季度支部党员大会",
                                         "--topic",    "学习党章",
                                         "--topic",    "讨论发展党员",
                                         "--observer", "街道党工委组织员林伟",
                                         NULL });
  /* Twenty of the thirty come, one is on leave, the rest are absent. */
  for (int full = 1; full >= 0; full--)
    for (guint i = 0; i < json_array_get_length (people); i++)
      if ((g_strcmp0 (json_object_get_string_member (json_array_get_object_element (people, i),
                                                     "category"),
                      "full")
           == 0)
          == full)
        g_array_append_val (order, i);
  /* Full members first: more than half of those with a vote are present. */
  for (guint k = 0; k < 21; k++)
    {
      guint i = g_array_index (order, guint, k);
      JsonObject *p = json_array_get_object_element (people, i);
      const char *id_number = json_object_get_string_member (p, "id_number");
      const char *name = json_object_get_string_member (p, "name");

      if (k == 20)
        {
          g_ptr_array_add (args, g_strdup ("--leave"));
          g_ptr_array_add (args, g_strdup_printf ("%s:外出学习", id_number));
          leave_name = g_strdup (name);
          continue;
        }
      if (k < 2)
        {
          g_ptr_array_add (args, g_strdup (k == 0 ? "--chair" : "--recorder"));
          g_ptr_array_add (args, g_strdup (id_number));
          if (k == 0)
            chair_name = g_strdup (name);
          else
            recorder_name = g_strdup (name);
        }
      g_ptr_array_add (args, g_strdup ("--present"));
      g_ptr_array_add (args, g_strdup (id_number));
      g_ptr_array_add (present, g_strdup (name));
    }
  g_ptr_array_add (args, NULL);
  add = cli_workspace_run_args (&w, (const char *const *)args->pdata);
  cli_assert_status (add, 0);

  list = cli_workspace_run (&w, "meetings", "list", "--json", NULL);
  cli_assert_status (list, 0);
  listed = cli_test_parse_json (list->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 1);
  uuid = json_object_get_string_member (
      json_array_get_object_element (json_node_get_array (listed), 0), "uuid");
  g_assert_cmpuint (strlen (uuid), ==, 36);
  prefix = g_strndup (uuid, 8);

  pdf = g_build_filename (w.dir, "minutes.pdf", NULL);
  print = cli_workspace_run (&w, "print", "minutes", prefix, "-o", pdf, NULL);
  cli_assert_status (print, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  text = pdf_file_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, >=, 1);
  for (const char *const *s = (const char *const[]){ "支部党员大会会议记录",
                                                     "2026年第四季度支部党员大会",
                                                     when,
                                                     "社区党员活动室",
                                                     "应到人数",
                                                     "30人",
                                                     "实到人数",
                                                     "20人",
                                                     "请假人员及原因",
                                                     "（外出学习）",
                                                     "列席人员",
                                                     "街道党工委组织员林伟",
                                                     "到会情况",
                                                     "超过半数，符合规定",
                                                     "1．学习党章",
                                                     "2．讨论发展党员",
                                                     "一、会议内容",
                                                     "（一）学习党章",
                                                     "（二）讨论发展党员",
                                                     "二、表决形式及结果",
                                                     "三、决议/决定事项",
                                                     "散会",
                                                     "主持人（签字）",
                                                     "记录人（签字）",
                                                     NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  assert_has (text, leave_name);
  assert_has (text, chair_name);
  assert_has (text, recorder_name);
  for (guint i = 0; i < present->len; i++)
    assert_has (text, g_ptr_array_index (present, i));

  /* The print log has the minutes under the number the command said. */
  {
    g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
    g_autoptr (GError) error = NULL;
    g_autoptr (ZbDatabase) db = zb_database_open (w.db, secret, &error);
    g_autoptr (ZbPrintLog) log = NULL;
    g_autoptr (GPtrArray) records = NULL;
    g_autoptr (ZbMeetingRepo) meetings = NULL;
    g_autoptr (ZbMemberRepo) members_repo = NULL;
    g_autoptr (ZbOrgRepo) org = NULL;
    g_autoptr (ZbDocument) again = NULL;
    g_autofree char *again_hash = NULL;
    const ZbPrintRecord *r;

    g_assert_no_error (error);
    log = zb_print_log_new (db);
    records = zb_print_log_list (log, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, 1);
    r = g_ptr_array_index (records, 0);
    g_assert_cmpstr (r->kind, ==, ZB_MINUTES_DOCUMENT_KIND);
    g_assert_cmpuint (r->pages, ==, (guint)n_pages);
    g_assert_nonnull (strstr (print->out, r->number));
    g_assert_nonnull (strstr (text, r->number));
    number = g_strdup (r->number);
    hash = g_strdup (r->content_hash);

    /* What was printed is the minutes of that meeting. */
    meetings = zb_meeting_repo_new (db);
    members_repo = zb_member_repo_new (db);
    org = zb_org_repo_new (db);
    again = zb_minutes_document_new_for_uuid (meetings, members_repo, org, uuid, ORG_NAME, NULL,
                                              &error);
    g_assert_no_error (error);
    again_hash = zb_document_dup_content_hash (again);
    g_assert_cmpstr (again_hash, ==, hash);
    zb_database_close (db);
  }

  verify = cli_workspace_run (&w, "verify-print", number, hash, NULL);
  cli_assert_status (verify, 0);
  g_assert_nonnull (strstr (verify->out, number));
  g_assert_nonnull (strstr (verify->out, "支部党员大会会议记录"));

  cli_workspace_clear (&w);
}

/* Without a uuid, with an unknown one, or a uuid given to another document:
 * said in one line, nothing written. */
static void
test_print_minutes_errors (void)
{
  CliWorkspace w = { 0 };
  g_autofree char *pdf = NULL;
  CliResult *r;

  cli_workspace_init (&w, "minutes-errors", ORG_NAME, PASSPHRASE);
  pdf = g_build_filename (w.dir, "x.pdf", NULL);

  r = cli_workspace_run (&w, "print", "minutes", "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);

  r = cli_workspace_run (&w, "print", "minutes", "0123456789abcdef", "-o", pdf, NULL);
  cli_assert_status (r, 1);
  cli_assert_one_error_line (r);
  cli_result_free (r);

  r = cli_workspace_run (&w, "print", "roster", "0123456789abcdef", "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  cli_workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/print-minutes", test_print_minutes);
  g_test_add_func ("/cli/print-minutes/errors", test_print_minutes_errors);

  return g_test_run ();
}
