/* test-cli-review.c — `zhibu-cli meetings grades` and `print review`: the
 * grades of 民主评议党员 set and listed by a script, and the result sheet
 * read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from tests/meetings/meson.build.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cli-test-util.h"

#define ORG_NAME "中共示例街道第三社区支部委员会"
#define PASSPHRASE "review 测试 passphrase"

/* The text of a PDF file with all white space removed. */
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
      g_test_message ("not found: %s\nin: %s", needle, text);
      g_assert_not_reached ();
    }
}

static JsonObject *
grades_json (CliWorkspace *w, const char *uuid, JsonNode **root)
{
  g_autoptr (CliResult) r = cli_workspace_run (w, "meetings", "grades", uuid, "--json", NULL);

  cli_assert_status (r, 0);
  *root = cli_test_parse_json (r->out);
  return json_node_get_object (*root);
}

/* Nine members graded at an appraisal meeting: 3 优秀 of 9 is within the
 * third, a fourth is over it and warned but stored (DOMAIN.md §2.2); a
 * person not on the meeting's list and an unknown grade are refused; the
 * result sheet names every member, the counts and the check. */
static void
test_grades_and_sheet (void)
{
  CliWorkspace w = { 0 };
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (CliResult) list = NULL;
  g_autoptr (CliResult) set = NULL;
  g_autoptr (CliResult) over = NULL;
  g_autoptr (CliResult) stranger = NULL;
  g_autoptr (CliResult) bad = NULL;
  g_autoptr (CliResult) text_list = NULL;
  g_autoptr (CliResult) print = NULL;
  g_autoptr (CliResult) wrong_kind = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) before = NULL;
  g_autoptr (JsonNode) after = NULL;
  g_autoptr (JsonNode) warned = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *long_today = g_date_time_format (now, "%Y年%-m月%-d日");
  g_autofree char *uuid = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fourth = NULL;
  JsonArray *people;
  JsonObject *o;
  JsonObject *cap;
  int n_pages = 0;

  cli_workspace_init (&w, "review", ORG_NAME, PASSPHRASE);
  demo = cli_workspace_run (&w, "demo", "--members", "9", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  g_assert_cmpuint (json_array_get_length (people), ==, 9);

  add = cli_workspace_run (&w, "meetings", "add", "--kind", "appraisal", "--date", today, "--title",
                           "年度民主评议党员大会", NULL);
  cli_assert_status (add, 0);
  uuid = g_strstrip (g_strdup (add->out));
  g_assert_cmpuint (strlen (uuid), ==, 36);
  prefix = g_strndup (uuid, 8);

  o = grades_json (&w, prefix, &before);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "grades")), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "rated"), ==, 0);

  /* By ID number (names in a demo roster may repeat); the first three 优秀,
   * the rest 合格 — one typed in Chinese — and a remark on the last. */
  g_ptr_array_add (args, g_strdup ("meetings"));
  g_ptr_array_add (args, g_strdup ("grades"));
  g_ptr_array_add (args, g_strdup (prefix));
  for (guint i = 0; i < 9; i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);
      const char *id = json_object_get_string_member (p, "id_number");

      g_ptr_array_add (args, g_strdup ("--set"));
      g_ptr_array_add (args, g_strdup_printf ("%s=%s", id,
                                              i < 3    ? "excellent"
                                              : i == 4 ? "合格"
                                                       : "qualified"));
    }
  g_ptr_array_add (args, g_strdup ("--remark"));
  g_ptr_array_add (args,
                   g_strdup_printf ("%s=学习不够主动",
                                    json_object_get_string_member (
                                        json_array_get_object_element (people, 8), "id_number")));
  g_ptr_array_add (args, g_strdup ("--json"));
  g_ptr_array_add (args, NULL);
  set = cli_workspace_run_args (&w, (const char *const *)args->pdata);
  cli_assert_status (set, 0);
  g_assert_cmpstr (set->err, ==, "");
  after = cli_test_parse_json (set->out);
  o = json_node_get_object (after);
  g_assert_cmpstr (json_object_get_string_member (o, "meeting_uuid"), ==, uuid);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "grades")), ==, 9);
  g_assert_cmpint (json_object_get_int_member (o, "rated"), ==, 9);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (o, "counts"), "excellent"), ==, 3);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (o, "counts"), "qualified"), ==, 6);
  cap = json_object_get_object_member (o, "excellent_cap");
  g_assert_true (json_object_get_boolean_member (cap, "ok"));
  g_assert_cmpint (json_object_get_int_member (cap, "max"), ==, 3);

  /* A fourth 优秀: stored, with a warning on standard error. */
  fourth = g_strdup_printf (
      "%s=excellent",
      json_object_get_string_member (json_array_get_object_element (people, 3), "id_number"));
  over = cli_workspace_run (&w, "meetings", "grades", prefix, "--set", fourth, "--json", NULL);
  cli_assert_status (over, 0);
  assert_has (over->err, "at most 3");
  warned = cli_test_parse_json (over->out);
  cap = json_object_get_object_member (json_node_get_object (warned), "excellent_cap");
  g_assert_false (json_object_get_boolean_member (cap, "ok"));
  g_assert_cmpstr (json_object_get_string_member (cap, "code"), ==, "excellent-over-third");
  g_assert_cmpint (json_object_get_int_member (cap, "excellent"), ==, 4);

  /* Someone not on the roster, and a grade that does not exist. */
  stranger
      = cli_workspace_run (&w, "meetings", "grades", prefix, "--set", "无名氏=excellent", NULL);
  g_assert_cmpint (stranger->status, !=, 0);
  cli_assert_one_error_line (stranger);
  bad = cli_workspace_run (&w, "meetings", "grades", prefix, "--set", "无名氏=good", NULL);
  cli_assert_status (bad, 2);

  text_list = cli_workspace_run (&w, "meetings", "grades", prefix, NULL);
  cli_assert_status (text_list, 0);
  assert_has (text_list->out, "Excellent");
  assert_has (text_list->out, "学习不够主动");

  /* A theme day holds no appraisal. */
  {
    g_autoptr (CliResult) theme
        = cli_workspace_run (&w, "meetings", "add", "--kind", "theme_day", "--date", today, NULL);
    g_autofree char *theme_uuid = NULL;

    cli_assert_status (theme, 0);
    theme_uuid = g_strstrip (g_strdup (theme->out));
    wrong_kind = cli_workspace_run (&w, "meetings", "grades", theme_uuid, "--set", fourth, NULL);
    g_assert_cmpint (wrong_kind->status, !=, 0);
    cli_assert_one_error_line (wrong_kind);
  }

  pdf = g_build_filename (w.dir, "review.pdf", NULL);
  print = cli_workspace_run (&w, "print", "review", prefix, "-o", pdf, NULL);
  cli_assert_status (print, 0);
  text = pdf_file_text (pdf, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  for (const char *const *s
       = (const char *const[]){ "民主评议党员测评结果汇总表", long_today, "序号", "姓名",
                                "评议等次", "备注", "学习不够主动", "参评人数", "9人", "4人", "5人",
                                "超过参评党员9人的三分之一", "一般不超过3人", "支部书记（签字）",
                                NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  for (guint i = 0; i < 9; i++)
    assert_has (text,
                json_object_get_string_member (json_array_get_object_element (people, i), "name"));

  list = cli_workspace_run (&w, "verify", NULL);
  cli_assert_status (list, 0);
  cli_workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli/review/grades-and-sheet", test_grades_and_sheet);

  return g_test_run ();
}
