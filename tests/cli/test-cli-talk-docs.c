/* test-cli-talk-docs.c — `zhibu-cli print talk|talk-stats` and `export
 * talks`, run as a user or a script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <poppler.h>

#include "cli-test-util.h"
#include "zb-database-private.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"
#include "zb-print-log.h"
#include "zb-talk-document.h"

#define PASSPHRASE "talk docs 测试 passphrase"
/* Said in the talk: only the record and an export with contents hold it. */
#define SECRET "只有打开内容才看得到的谈话原话"

/* The text of a PDF file, white space removed. */
static char *
pdf_file_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
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
      g_test_message ("not in the text: %s\ntext: %s", needle, text);
      g_assert_not_reached ();
    }
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return memmem (data, size, needle, strlen (needle)) != NULL;
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

/* Audit rows of @action on talks. */
static gint64
talk_audits (CliWorkspace *w, const char *action)
{
  g_autoptr (ZbDatabase) db = open_db (w);
  sqlite3_stmt *stmt = _zb_database_prepare (
      db, "SELECT count(*) FROM audit_log WHERE entity = 'talk' AND action = ?1", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  zb_database_close (db);
  return n;
}

/* The kinds in the print log, oldest first, joined with spaces. */
static char *
printed_kinds (CliWorkspace *w)
{
  g_autoptr (ZbDatabase) db = open_db (w);
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) records = zb_print_log_list (log, 0, &error);
  g_autoptr (GString) kinds = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = records->len; i > 0; i--)
    {
      const ZbPrintRecord *r = g_ptr_array_index (records, i - 1);

      g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? " " : "", r->kind);
    }
  zb_database_close (db);
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

/* The first two members of the roster on the committee (no CLI command for
 * posts yet). */
static void
appoint (CliWorkspace *w, const char *const *uuids)
{
  g_autoptr (ZbDatabase) db = open_db (w);
  g_autoptr (ZbMemberRepo) members = zb_member_repo_new (db);
  g_autoptr (ZbOrgRepo) org = zb_org_repo_new (db);
  g_autoptr (GError) error = NULL;

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

typedef struct
{
  CliWorkspace w;
  char *talk_uuid;
  char *names[3];
} Setup;

/* 8 members, 2 on the committee; one talk in June 2025 of the 书记 with a
 * member and 王申请, who is not on the roster. */
static void
setup_init (Setup *s)
{
  g_autoptr (CliResult) demo = NULL;
  g_autoptr (CliResult) members = NULL;
  g_autoptr (CliResult) add = NULL;
  g_autoptr (JsonNode) roster = NULL;
  const char *uuid[3], *id_number[3];
  JsonArray *people;

  cli_workspace_init (&s->w, "talk-docs", "中共测试支部委员会", PASSPHRASE);
  demo = cli_workspace_run (&s->w, "demo", "--members", "8", "--branches", "1", NULL);
  cli_assert_status (demo, 0);
  members = cli_workspace_run (&s->w, "members", "list", "--json", NULL);
  cli_assert_status (members, 0);
  roster = cli_test_parse_json (members->out);
  people = json_node_get_array (roster);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *p = json_array_get_object_element (people, i);

      uuid[i] = json_object_get_string_member (p, "uuid");
      id_number[i] = json_object_get_string_member (p, "id_number");
      s->names[i] = g_strdup (json_object_get_string_member (p, "name"));
    }
  appoint (&s->w, (const char *const[]){ uuid[0], uuid[1], NULL });

  add = cli_workspace_run (&s->w, "talks", "add", "--date", "2025-06-01", "--time", "09:30",
                           "--place", "支部办公室", "--kind", "before_life_meeting", "--talker",
                           id_number[0], "--with", id_number[2], "--with", "name:王申请", "--topic",
                           "思想情况", "--said-talker", SECRET, "--said-other", "对方所谈的话",
                           "--response", "没有意见", "--action", "再谈一次:2025-12-31",
                           "--recorder", id_number[1], NULL);
  cli_assert_status (add, 0);
  s->talk_uuid = g_strdup (g_strstrip (add->out));
}

static void
setup_clear (Setup *s)
{
  cli_workspace_clear (&s->w);
  g_free (s->talk_uuid);
  for (guint i = 0; i < G_N_ELEMENTS (s->names); i++)
    g_free (s->names[i]);
}

static void
test_print_talk (void)
{
  Setup s;
  g_autoptr (CliResult) print = NULL;
  g_autoptr (CliResult) again = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *kinds = NULL;

  setup_init (&s);
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 0);

  /* By the first 8 characters of its uuid, as for minutes. */
  prefix = g_strndup (s.talk_uuid, 8);
  pdf = g_build_filename (s.w.dir, "talk.pdf", NULL);
  print = cli_workspace_run (&s.w, "print", "talk", prefix, "-o", pdf, NULL);
  cli_assert_status (print, 0);
  g_assert_nonnull (strstr (print->out, "ZB-"));
  text = pdf_file_text (pdf);
  for (const char *const *n
       = (const char *const[]){ "中共测试支部委员会", "谈心谈话记录表", "2025年6月1日09:30",
                                "支部办公室", "组织生活会前谈心", "思想情况", SECRET,
                                "对方所谈的话", "没有意见", "再谈一次", "2025.12.31", "王申请",
                                "非党员", "谈话人（签字）", "谈话对象（签字）", NULL };
       *n != NULL; n++)
    assert_has (text, *n);
  for (guint i = 0; i < 3; i++)
    assert_has (text, s.names[i]);

  /* Printing opened the contents: audited once; the print is in the log. */
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 1);
  kinds = printed_kinds (&s.w);
  g_assert_cmpstr (kinds, ==, ZB_TALK_RECORD_KIND);

  again = cli_workspace_run (&s.w, "print", "talk", s.talk_uuid, "-o", pdf, NULL);
  cli_assert_status (again, 0);
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 2);
  setup_clear (&s);
}

static void
test_print_talk_stats (void)
{
  Setup s;
  g_autoptr (CliResult) print = NULL;
  g_autoptr (CliResult) verify = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kinds = NULL;

  setup_init (&s);
  pdf = g_build_filename (s.w.dir, "stats.pdf", NULL);
  print = cli_workspace_run (&s.w, "print", "talk-stats", "--year", "2025", "-o", pdf, NULL);
  cli_assert_status (print, 0);
  text = pdf_file_text (pdf);
  for (const char *const *n
       = (const char *const[]){ "谈心谈话情况统计表", "2025年度", "统计截至2025年12月31日",
                                "支委—支委", "支委—党员", "未完成", "已完成",
                                /* the demo's members joined on various days, some after
                                 * 2025: only the one talked with is covered */
                                "2025年度应开展谈心谈话的党员", "已完成1人", "支委之间尚缺谈话1对",
                                "支部书记（签字）", NULL };
       *n != NULL; n++)
    assert_has (text, *n);
  for (guint i = 0; i < 3; i++)
    assert_has (text, s.names[i]);
  /* No contents in it, and none opened. */
  g_assert_null (strstr (text, SECRET));
  g_assert_null (strstr (text, "王申请"));
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 0);
  kinds = printed_kinds (&s.w);
  g_assert_cmpstr (kinds, ==, ZB_TALK_STATS_KIND);

  verify = cli_workspace_run (&s.w, "verify", NULL);
  cli_assert_status (verify, 0);
  setup_clear (&s);
}

/* Contents in no export unless asked for: not in `export talks`, not in
 * `export members`, not in `talks list --json`; with --with-contents they
 * are, and the opening is audited. */
static void
test_export_talks (void)
{
  Setup s;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *full = NULL;
  g_autofree char *roster = NULL;

  setup_init (&s);
  csv = g_build_filename (s.w.dir, "talks.csv", NULL);
  xlsx = g_build_filename (s.w.dir, "talks.xlsx", NULL);
  full = g_build_filename (s.w.dir, "talks-full.csv", NULL);
  roster = g_build_filename (s.w.dir, "roster.csv", NULL);

  {
    g_autoptr (CliResult) r
        = cli_workspace_run (&s.w, "export", "talks", "--format", "csv", "-o", csv, NULL);

    cli_assert_status (r, 0);
    g_assert_true (file_contains (csv, "思想情况"));
    g_assert_true (file_contains (csv, "王申请（非党员）"));
    g_assert_false (file_contains (csv, SECRET));
    g_assert_false (file_contains (csv, "对方所谈的话"));
  }
  {
    g_autoptr (CliResult) r
        = cli_workspace_run (&s.w, "export", "talks", "-o", xlsx, "--year", "2025", NULL);

    cli_assert_status (r, 0);
    g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_autoptr (CliResult) r = cli_workspace_run (&s.w, "export", "members", "-o", roster, NULL);
    g_autoptr (CliResult) list = cli_workspace_run (&s.w, "talks", "list", "--json", NULL);

    cli_assert_status (r, 0);
    g_assert_false (file_contains (roster, SECRET));
    cli_assert_status (list, 0);
    g_assert_null (strstr (list->out, SECRET));
  }
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 0);
  g_assert_cmpint (talk_audits (&s.w, "export"), ==, 2);

  {
    g_autoptr (CliResult) r
        = cli_workspace_run (&s.w, "export", "talks", "-o", full, "--with-contents", NULL);

    cli_assert_status (r, 0);
    g_assert_true (file_contains (full, SECRET));
    g_assert_true (file_contains (full, "对方所谈的话"));
    g_assert_true (file_contains (full, "没有意见"));
  }
  g_assert_cmpint (talk_audits (&s.w, "open-contents"), ==, 1);
  g_assert_cmpint (talk_audits (&s.w, "export"), ==, 3);
  setup_clear (&s);
}

/* Refused with a usage error, or (an unknown talk) in one line; nothing
 * written. */
static void
test_errors (void)
{
  CliWorkspace w;
  g_autofree char *pdf = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *csv = NULL;

  cli_workspace_init (&w, "talk-docs-errors", "中共测试支部委员会", PASSPHRASE);
  pdf = g_build_filename (w.dir, "x.pdf", NULL);
  txt = g_build_filename (w.dir, "x.txt", NULL);
  csv = g_build_filename (w.dir, "x.csv", NULL);

  for (const char *const *const *c
       = (const char *const *const[]){ (const char *const[]){ "print", "talk", "-o", pdf, NULL },
                                       (const char *const[]){ "print", "talk-stats", "extra", "-o",
                                                              pdf, NULL },
                                       (const char *const[]){ "print", "talk-stats", "--year", "-5",
                                                              "-o", pdf, NULL },
                                       (const char *const[]){ "export", "talks", "-o", txt, NULL },
                                       (const char *const[]){ "export", "talks", "--format", "xlsx",
                                                              "-o", csv, NULL },
                                       (const char *const[]){ "export", "talks", "--format",
                                                              "ods", "-o", csv, NULL },
                                       (const char *const[]){ "export", "talks", NULL }, NULL };
       *c != NULL; c++)
    {
      g_autoptr (CliResult) r = cli_workspace_run_args (&w, *c);

      cli_assert_status (r, 2);
      g_assert_true (g_str_has_prefix (r->err, "zhibu-cli: "));
    }
  {
    g_autoptr (CliResult) r
        = cli_workspace_run (&w, "print", "talk", "0123456789abcdef", "-o", pdf, NULL);

    cli_assert_status (r, 1);
    cli_assert_one_error_line (r);
  }
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  cli_workspace_clear (&w);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_init ();

  g_test_add_func ("/cli-talk-docs/print-talk", test_print_talk);
  g_test_add_func ("/cli-talk-docs/print-talk-stats", test_print_talk_stats);
  g_test_add_func ("/cli-talk-docs/export-talks", test_export_talks);
  g_test_add_func ("/cli-talk-docs/errors", test_errors);

  return g_test_run ();
}
