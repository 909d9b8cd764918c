/* test-cli-meeting-docs.c — `zhibu-cli print ballot|vote-report|resolution|
 * meeting-register`, and the votes `meetings list --json` shows, run as a
 * user or a script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cli-test-util.h"
#include "zb-ballot-document.h"
#include "zb-branch-resolution-document.h"
#include "zb-meeting-register-document.h"
#include "zb-meeting-repo.h"
#include "zb-org-repo.h"
#include "zb-print-log.h"

#define ORG_NAME "中共示例街道第三社区支部委员会"
#define PASSPHRASE "meeting docs 测试 passphrase"

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
      g_test_message ("not in the PDF: %s", needle);
      g_assert_not_reached ();
    }
}

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static ZbDatabase *
open_db (CliWorkspace *w)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  ZbDatabase *db = zb_database_open (w->db, secret, &error);

  g_assert_no_error (error);
  return db;
}

/* The one meeting `meetings list --json` shows. */
static JsonObject *
listed_meeting (CliWorkspace *w, JsonNode **root)
{
  g_autoptr (CliResult) list = cli_workspace_run (w, "meetings", "list", "--json", NULL);
  JsonArray *array;

  cli_assert_status (list, 0);
  *root = cli_test_parse_json (list->out);
  array = json_node_get_array (*root);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  return json_array_get_object_element (array, 0);
}

typedef struct
{
  CliWorkspace w;
  char *meeting; /* uuid */
  char *year;
  guint voting_expected;
  guint voting_present;
} Fixture;

/* A demo roster of 20, a 支部党员大会 today that the first 12 full members
 * attend (`meetings add`), and two votes and a resolution recorded on it
 * through the repository (the command line does not record votes). */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (JsonNode) roster = NULL;
  g_autoptr (JsonNode) listed = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  JsonArray *people;
  JsonObject *meeting;
  guint n_present = 0;

  cli_workspace_init (&f->w, "meeting-docs", ORG_NAME, PASSPHRASE);
  f->year = g_date_time_format (now, "%Y");
  demo = cli_workspace_run (&f->w, "demo", "--members", "20", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&f->w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);

  for (const char *const *a
       = (const char *const[]){ "meetings", "add", "--kind", "general_meeting", "--date", today,
                                "--title", "支部党员大会（发展党员）", NULL };
       *a != NULL; a++)
    g_ptr_array_add (args, g_strdup (*a));
  for (guint i = 0; i < json_array_get_length (people) && n_present < 12; i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      if (g_strcmp0 (json_object_get_string_member (p, "category"), "full") != 0)
        continue;
      if (n_present == 0)
        {
          g_ptr_array_add (args, g_strdup ("--chair"));
          g_ptr_array_add (args, g_strdup (json_object_get_string_member (p, "id_number")));
        }
      g_ptr_array_add (args, g_strdup ("--present"));
      g_ptr_array_add (args, g_strdup (json_object_get_string_member (p, "id_number")));
      n_present++;
    }
  g_ptr_array_add (args, NULL);
  add = cli_workspace_run_args (&f->w, (const char *const *)args->pdata);
  cli_assert_status (add, 0);

  meeting = listed_meeting (&f->w, &listed);
  f->meeting = g_strdup (json_object_get_string_member (meeting, "uuid"));
  f->voting_expected = json_object_get_int_member (meeting, "voting_expected");
  f->voting_present = json_object_get_int_member (meeting, "voting_present");
  g_assert_cmpuint (f->voting_present, ==, 12);
  g_assert_cmpuint (f->voting_expected, >, 12);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "votes")), ==, 0);

  {
    g_autoptr (ZbDatabase) db = open_db (&f->w);
    g_autoptr (ZbMeetingRepo) repo = zb_meeting_repo_new (db);
    g_autoptr (GError) error = NULL;
    g_autoptr (ZbMeetingRecord) m = zb_meeting_repo_get (repo, f->meeting, &error);
    ZbMeetingVote *v;

    g_assert_no_error (error);
    /* Exactly half of those expected in favour fails; one more passes. */
    v = zb_meeting_vote_new ("接收赵明同志为中共预备党员", ZB_VOTE_FORM_SECRET_BALLOT);
    v->yes = f->voting_expected / 2 + 1;
    g_ptr_array_add (m->votes, v);
    v = zb_meeting_vote_new ("接收孙敏同志为中共预备党员", ZB_VOTE_FORM_SECRET_BALLOT);
    v->yes = f->voting_expected / 2;
    g_ptr_array_add (m->votes, v);
    g_ptr_array_add (m->resolutions,
                     zb_meeting_resolution_new ("同意接收赵明同志为中共预备党员", 0, NULL));
    g_assert_true (zb_meeting_repo_update (repo, m, &error));
    g_assert_no_error (error);
    zb_database_close (db);
  }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->meeting, g_free);
  g_clear_pointer (&f->year, g_free);
  cli_workspace_clear (&f->w);
}

/* The votes and resolutions `meetings list --json` shows, by index. */
static char *
child_uuid (Fixture *f, const char *member, guint index)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *meeting = listed_meeting (&f->w, &root);
  JsonArray *children = json_object_get_array_member (meeting, member);

  g_assert_cmpuint (json_array_get_length (children), >, index);
  return g_strdup (
      json_object_get_string_member (json_array_get_object_element (children, index), "uuid"));
}

static void
test_list_votes (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *meeting = listed_meeting (&f->w, &root);
  JsonArray *votes = json_object_get_array_member (meeting, "votes");
  JsonArray *resolutions = json_object_get_array_member (meeting, "resolutions");
  JsonObject *first;

  g_assert_cmpuint (json_array_get_length (votes), ==, 2);
  g_assert_cmpuint (json_array_get_length (resolutions), ==, 1);
  first = json_array_get_object_element (votes, 0);
  g_assert_cmpuint (strlen (json_object_get_string_member (first, "uuid")), ==, 36);
  g_assert_cmpstr (json_object_get_string_member (first, "subject"), ==,
                   "接收赵明同志为中共预备党员");
  g_assert_cmpstr (json_object_get_string_member (first, "form"), ==, "secret_ballot");
  g_assert_cmpint (json_object_get_int_member (first, "yes"), ==, f->voting_expected / 2 + 1);
  g_assert_cmpuint (strlen (json_object_get_string_member (
                        json_array_get_object_element (resolutions, 0), "uuid")),
                    ==, 36);
}

/* Each document by the command line: written, numbered in the print log
 * under its kind, and holding its facts. */
static void
test_print_documents (Fixture *f, gconstpointer data)
{
  g_autofree char *vote = child_uuid (f, "votes", 0);
  g_autofree char *failed_vote = child_uuid (f, "votes", 1);
  g_autofree char *vote_prefix = g_strndup (vote, 8);
  g_autofree char *meeting_prefix = g_strndup (f->meeting, 8);
  g_autofree char *ballots = g_build_filename (f->w.dir, "ballots.pdf", NULL);
  g_autofree char *report = g_build_filename (f->w.dir, "report.pdf", NULL);
  g_autofree char *failed = g_build_filename (f->w.dir, "failed.pdf", NULL);
  g_autofree char *resolution = g_build_filename (f->w.dir, "resolution.pdf", NULL);
  g_autofree char *register_pdf = g_build_filename (f->w.dir, "register.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = g_strdup_printf ("应到有表决权人数%u人", f->voting_expected);
  g_autofree char *passed = g_strdup_printf ("通过（赞成%u票，超过应到会有表决权党员%u人的半数）",
                                             f->voting_expected / 2 + 1, f->voting_expected);
  g_autofree char *not_passed
      = g_strdup_printf ("未通过（赞成%u票，未超过应到会有表决权党员%u人的半数",
                         f->voting_expected / 2, f->voting_expected);
  g_autofree char *title = g_strdup_printf ("%s年度三会一课台账", f->year);
  g_autofree char *number = NULL;
  g_autofree char *hash = NULL;
  CliResult *r;
  int n_pages = 0;

  /* 表决票: one for each full member expected; uuids shortened. */
  r = cli_workspace_run (&f->w, "print", "ballot", meeting_prefix, "--vote", vote_prefix, "-o",
                         ballots, NULL);
  cli_assert_status (r, 0);
  g_assert_nonnull (strstr (r->out, ballots));
  cli_result_free (r);
  text = pdf_file_text (ballots, &n_pages);
  /* The running header on each page names the document too. */
  g_assert_cmpuint (count (text, "接收预备党员表决票") - n_pages, ==, f->voting_expected);
  g_assert_cmpuint (count (text, "多划或不划的无效"), ==, f->voting_expected);
  g_assert_cmpint (n_pages, ==, (f->voting_expected + 2) / 3);
  g_clear_pointer (&text, g_free);

  /* 票决结果报告单: passed with one more than half of those expected … */
  r = cli_workspace_run (&f->w, "print", "vote-report", f->meeting, "--vote", vote, "-o", report,
                         NULL);
  cli_assert_status (r, 0);
  cli_result_free (r);
  text = pdf_file_text (report, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  for (const char *const *s
       = (const char *const[]){ "票决结果报告单", "接收赵明同志为中共预备党员", expected,
                                "实到有表决权人数12人", "计票人（签字）", "监票人（签字）",
                                "支部书记（签字）", passed, NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  g_clear_pointer (&text, g_free);

  /* … and not with exactly half. */
  r = cli_workspace_run (&f->w, "print", "vote-report", f->meeting, "--vote", failed_vote, "-o",
                         failed, NULL);
  cli_assert_status (r, 0);
  cli_result_free (r);
  text = pdf_file_text (failed, &n_pages);
  assert_has (text, not_passed);
  g_clear_pointer (&text, g_free);

  /* 支部大会决议 */
  r = cli_workspace_run (&f->w, "print", "resolution", meeting_prefix, "-o", resolution, NULL);
  cli_assert_status (r, 0);
  cli_result_free (r);
  text = pdf_file_text (resolution, &n_pages);
  for (const char *const *s
       = (const char *const[]){ "支部大会决议", "实到会12名", "同意接收赵明同志为中共预备党员。",
                                "表决通过", "表决未通过", "党支部（盖章）", "支部书记（签字）",
                                NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  g_clear_pointer (&text, g_free);

  /* 年度三会一课台账 of this year */
  r = cli_workspace_run (&f->w, "print", "meeting-register", "--year", f->year, "-o", register_pdf,
                         NULL);
  cli_assert_status (r, 0);
  cli_result_free (r);
  text = pdf_file_text (register_pdf, &n_pages);
  for (const char *const *s
       = (const char *const[]){ title, "支部党员大会（发展党员）", "支部党员大会小计：1次",
                                "合计：1次", "全年应开与已开情况", NULL };
       *s != NULL; s++)
    assert_has (text, *s);
  g_clear_pointer (&text, g_free);

  /* Each is in the print log under its kind; verify-print knows it. */
  {
    g_autoptr (ZbDatabase) db = open_db (&f->w);
    g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) records = zb_print_log_list (log, 0, &error);
    const char *const kinds[] = { ZB_MEETING_REGISTER_KIND, ZB_BRANCH_RESOLUTION_KIND,
                                  ZB_VOTE_REPORT_KIND, ZB_VOTE_REPORT_KIND, ZB_BALLOT_KIND };
    const ZbPrintRecord *ballot_record;

    g_assert_no_error (error);
    g_assert_cmpuint (records->len, ==, G_N_ELEMENTS (kinds));
    for (guint i = 0; i < records->len; i++)
      g_assert_cmpstr (((ZbPrintRecord *)g_ptr_array_index (records, i))->kind, ==, kinds[i]);
    ballot_record = g_ptr_array_index (records, records->len - 1);
    number = g_strdup (ballot_record->number);
    hash = g_strdup (ballot_record->content_hash);
    zb_database_close (db);
  }
  r = cli_workspace_run (&f->w, "verify-print", number, hash, NULL);
  cli_assert_status (r, 0);
  assert_has (r->out, "接收预备党员表决票");
  cli_result_free (r);
}

/* Wrong command lines are said in one line, and nothing is written. */
static void
test_print_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->w.dir, "x.pdf", NULL);
  CliResult *r;

  /* No --vote, no meeting. */
  r = cli_workspace_run (&f->w, "print", "ballot", f->meeting, "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);
  r = cli_workspace_run (&f->w, "print", "vote-report", "--vote", "0123456789", "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);
  r = cli_workspace_run (&f->w, "print", "resolution", "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);

  /* A vote the meeting does not have. */
  r = cli_workspace_run (&f->w, "print", "ballot", f->meeting, "--vote", "0123456789abcdef", "-o",
                         pdf, NULL);
  cli_assert_status (r, 1);
  cli_assert_one_error_line (r);
  cli_result_free (r);

  /* A resolution the meeting does not have. */
  r = cli_workspace_run (&f->w, "print", "resolution", f->meeting, "--resolution",
                         "00000000-0000-4000-8000-000000000000", "-o", pdf, NULL);
  cli_assert_status (r, 1);
  cli_assert_one_error_line (r);
  cli_result_free (r);

  /* The register takes no meeting, a real year, a known branch. */
  r = cli_workspace_run (&f->w, "print", "meeting-register", f->meeting, "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);
  r = cli_workspace_run (&f->w, "print", "meeting-register", "--year", "-3", "-o", pdf, NULL);
  cli_assert_status (r, 2);
  cli_result_free (r);
  r = cli_workspace_run (&f->w, "print", "meeting-register", "--branch", "没有这个支部", "-o", pdf,
                         NULL);
  cli_assert_status (r, 1);
  cli_assert_one_error_line (r);
  cli_result_free (r);

  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add ("/cli/meeting-docs/list-votes", Fixture, NULL, fixture_set_up, test_list_votes,
              fixture_tear_down);
  g_test_add ("/cli/meeting-docs/print", Fixture, NULL, fixture_set_up, test_print_documents,
              fixture_tear_down);
  g_test_add ("/cli/meeting-docs/errors", Fixture, NULL, fixture_set_up, test_print_errors,
              fixture_tear_down);

  return g_test_run ();
}
