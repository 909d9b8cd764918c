/* test-talk-export.c — 谈心谈话 to CSV and XLSX: contents only when asked
 * for, each opening and the export audited, never a half-written file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <zip.h>

#include "../talks/talks-test-util.h"
#include "zb-exchange-error.h"
#include "zb-talk-export.h"

/* Phrases that occur only in the contents of the talks. */
#define SAID_TALKER "谈话人独有语句甲乙丙"
#define SAID_OTHER "对象独有语句丁戊己"
#define RESPONSE "表态独有语句庚辛壬"

typedef struct
{
  ZbMemberRecord *secretary, *member;
  char *dir;
} People;

static void
people_set_up (TalkFixture *f, People *p)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("talk-export-%u", counter++);
  g_autoptr (GError) error = NULL;

  p->secretary = talk_member (f, "张建国", 1, "2000-07-01");
  p->member = talk_member (f, "王海燕", 3, "2010-07-01");
  talk_post (f, p->secretary, ZB_POST_SECRETARY);
  p->dir = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), name, NULL);
  g_assert_cmpint (g_mkdir_with_parents (p->dir, 0700), ==, 0);
}

static void
people_clear (People *p)
{
  zb_member_record_free (p->secretary);
  zb_member_record_free (p->member);
  g_free (p->dir);
}

/* A talk on @date between the 书记 and 王海燕 and 赵明 (not a member), with
 * contents (@n_repeat times the talker's phrase) and an action. */
static void
add_talk (TalkFixture *f, People *p, const char *date, const char *topic, guint n_repeat)
{
  g_autoptr (ZbTalkRecord) t = zb_talk_record_new (ZB_TALK_KIND_DAILY, date);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) said = g_string_new (NULL);
  ZbTalkAction *a;

  t->start_time = g_strdup ("09:30");
  t->place = g_strdup ("支部办公室");
  t->topic = g_strdup (topic);
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, p->secretary->id));
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, p->member->id));
  zb_talk_record_add_participant (
      t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "赵明", NULL));
  a = zb_talk_action_new ("按月交流思想", "2026-12-31");
  a->owner_name = g_strdup ("王海燕");
  g_ptr_array_add (t->actions, a);
  for (guint i = 0; i < n_repeat; i++)
    g_string_append (said, SAID_TALKER);
  t->contents = zb_talk_contents_new (said->str, SAID_OTHER, RESPONSE);
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
}

/* All bytes of @path; for an XLSX, every part unzipped, one after another. */
static GBytes *
file_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    {
      GByteArray *all = g_byte_array_new ();
      int zerr = 0;
      zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);

      g_assert_nonnull (zip);
      for (zip_int64_t i = 0; i < zip_get_num_entries (zip, 0); i++)
        {
          zip_stat_t st;
          zip_file_t *file;
          g_autofree guint8 *part = NULL;

          g_assert_cmpint (zip_stat_index (zip, (zip_uint64_t)i, 0, &st), ==, 0);
          part = g_malloc (st.size + 1);
          file = zip_fopen_index (zip, (zip_uint64_t)i, 0);
          g_assert_nonnull (file);
          g_assert_cmpint (zip_fread (file, part, st.size), ==, (zip_int64_t)st.size);
          zip_fclose (file);
          g_byte_array_append (all, part, (guint)st.size);
        }
      zip_discard (zip);
      return g_byte_array_free_to_bytes (all);
    }
  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size > 0 && memmem (data, size, needle, strlen (needle)) != NULL;
}

static char *
export_audit (TalkFixture *f, guint n)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      f->roster.db,
      "SELECT after_json FROM audit_log WHERE entity = 'talk' AND action = 'export'"
      " ORDER BY seq LIMIT 1 OFFSET ?1",
      NULL);
  char *json = NULL;

  g_assert_nonnull (stmt);
  sqlite3_bind_int (stmt, 1, (int)n);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return json;
}

static void
check_export (TalkFixture *f, People *p, const char *name, gboolean with_contents)
{
  g_autofree char *path = g_build_filename (p->dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *audit = NULL;
  gint64 opened = talk_count_audit (f, "open-contents");
  gint64 exports = talk_count_audit (f, "export");

  g_assert_true (zb_talk_export_to_file (f->talks, NULL, with_contents, path, &error));
  g_assert_no_error (error);
  bytes = file_text (path);

  /* What the list shows is there in both cases. */
  g_assert_true (bytes_contain (bytes, "日期"));
  g_assert_true (bytes_contain (bytes, "谈话对象"));
  g_assert_true (bytes_contain (bytes, "后续措施"));
  g_assert_true (bytes_contain (bytes, "党员思想交流"));
  /* The post in official Chinese, whatever the language it was stored in. */
  g_assert_true (bytes_contain (bytes, "张建国（支部书记）"));
  g_assert_true (bytes_contain (bytes, "赵明（非党员）"));
  g_assert_true (bytes_contain (bytes, "按月交流思想（王海燕，2026-12-31前）"));
  g_assert_true (bytes_contain (bytes, "支部办公室"));

  /* The contents only when asked for, and then each talk's opening audited. */
  g_assert_cmpint (bytes_contain (bytes, SAID_TALKER), ==, with_contents);
  g_assert_cmpint (bytes_contain (bytes, SAID_OTHER), ==, with_contents);
  g_assert_cmpint (bytes_contain (bytes, RESPONSE), ==, with_contents);
  g_assert_cmpint (bytes_contain (bytes, "谈话人所谈"), ==, with_contents);
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, opened + (with_contents ? 2 : 0));

  /* One audit row for the export itself, saying what it held. */
  g_assert_cmpint (talk_count_audit (f, "export"), ==, exports + 1);
  audit = export_audit (f, (guint)exports);
  g_assert_nonnull (audit);
  g_assert_nonnull (strstr (audit, name));
  g_assert_nonnull (
      strstr (audit, with_contents ? "\"with_contents\":true" : "\"with_contents\":false"));
  g_assert_nonnull (strstr (audit, "\"n_talks\":2"));
  g_assert_null (strstr (audit, SAID_TALKER));
  talk_assert_audit_ok (f);
}

static void
test_csv (TalkFixture *f, gconstpointer data)
{
  People p;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *head;

  people_set_up (f, &p);
  add_talk (f, &p, "2026-03-01", "党员思想交流", 1);
  add_talk (f, &p, "2026-09-01", "党员思想交流（二）", 1);

  check_export (f, &p, "talks.csv", FALSE);
  path = g_build_filename (p.dir, "talks.csv", NULL);
  bytes = file_text (path);
  head = g_bytes_get_data (bytes, NULL);
  /* UTF-8 with a BOM (Excel on Chinese Windows), the header in Chinese. */
  g_assert_true (g_str_has_prefix (head,
                                   "\xEF\xBB\xBF"
                                   "日期,时间,地点,谈话类型,谈话人,谈话对象,主题,后续措施\r\n"));
  g_assert_nonnull (strstr (head, "2026-03-01,09:30,支部办公室,日常谈心,"));

  check_export (f, &p, "talks-with-contents.csv", TRUE);
  people_clear (&p);
}

static void
test_xlsx (TalkFixture *f, gconstpointer data)
{
  People p;

  people_set_up (f, &p);
  add_talk (f, &p, "2026-03-01", "党员思想交流", 1);
  add_talk (f, &p, "2026-09-01", "党员思想交流（二）", 1);
  check_export (f, &p, "talks.xlsx", FALSE);
  check_export (f, &p, "talks-with-contents.XLSX", TRUE);
  people_clear (&p);
}

/* The query chooses the talks: a year. */
static void
test_query (TalkFixture *f, gconstpointer data)
{
  People p;
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  people_set_up (f, &p);
  add_talk (f, &p, "2025-03-01", "去年的谈话", 1);
  add_talk (f, &p, "2026-09-01", "今年的谈话", 1);
  query.year = 2026;
  path = g_build_filename (p.dir, "2026.csv", NULL);
  g_assert_true (zb_talk_export_to_file (f->talks, &query, TRUE, path, &error));
  g_assert_no_error (error);
  bytes = file_text (path);
  g_assert_true (bytes_contain (bytes, "今年的谈话"));
  g_assert_false (bytes_contain (bytes, "去年的谈话"));
  /* Only the exported talk's contents were opened. */
  g_assert_cmpint (talk_count_audit (f, "open-contents"), ==, 1);
  people_clear (&p);
}

/* Refused before anything is written: an unknown extension; and a failure
 * half-way (contents too long for an Excel cell) leaves the file that was
 * there as it was, and no temporary file behind. */
static void
test_nothing_half_written (TalkFixture *f, gconstpointer data)
{
  People p;
  g_autofree char *odt = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *entry;
  guint n_entries = 0;

  people_set_up (f, &p);
  add_talk (f, &p, "2026-03-01", "党员思想交流", 1);
  /* 10 characters × 3300: longer than the 32,767 of a cell. */
  add_talk (f, &p, "2026-04-01", "很长的谈话", 3300);

  odt = g_build_filename (p.dir, "talks.odt", NULL);
  g_assert_false (zb_talk_export_to_file (f->talks, NULL, FALSE, odt, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED);
  g_clear_error (&error);
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));

  xlsx = g_build_filename (p.dir, "talks.xlsx", NULL);
  g_assert_true (g_file_set_contents (xlsx, "the file that was there", -1, NULL));
  g_assert_false (zb_talk_export_to_file (f->talks, NULL, TRUE, xlsx, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (xlsx, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "the file that was there");
  g_assert_cmpint (talk_count_audit (f, "export"), ==, 0);

  dir = g_dir_open (p.dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_test_message ("left: %s", entry);
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 1);

  /* The same talks go to CSV, which has no such limit. */
  {
    g_autofree char *csv = g_build_filename (p.dir, "talks.csv", NULL);

    g_assert_true (zb_talk_export_to_file (f->talks, NULL, TRUE, csv, &error));
    g_assert_no_error (error);
  }
  people_clear (&p);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talk-export/csv", test_csv);
  TALK_TEST ("/talk-export/xlsx", test_xlsx);
  TALK_TEST ("/talk-export/query", test_query);
  TALK_TEST ("/talk-export/nothing-half-written", test_nothing_half_written);

  return g_test_run ();
}
