/* test-member-keys.c — keys made by another ICU are made again on opening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace records the version of the Chinese sort and search keys
 * (zb_chinese_key_version()); a file whose keys carry another version, as after
 * an upgrade of ICU, gets every member's keys made again when the roster is
 * opened, so that order and search are right again, with one audit row.
 */
#include "config.h"

#include "roster-test-util.h"
#include "zb-chinese.h"
#include "zb-member-demo.h"

static const char *const names[] = { "马六", "王五", "上官婉儿", "于谦", "张三", "单雄信", "万里" };

static void
exec_sql (ZbDatabase *db, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (_zb_database_get_handle (db), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static char *
stored_version (ZbDatabase *db)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (db, "SELECT chinese_key_version FROM workspace WHERE id = 1", NULL);
  char *version;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return version;
}

static gint64
count_audit (ZbDatabase *db, const char *action)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (db, "SELECT count(*) FROM audit_log WHERE action = ?1", NULL);
  gint64 n;

  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The names of the whole roster in @order, or those @search finds. */
static char *
listed (ZbMemberRepo *repo, const char *search, ZbMemberOrder order)
{
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  q.search = search;
  q.order = order;
  found = zb_member_repo_fetch (repo, &q, 0, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (text, "%s%s", i ? " " : "", zb_member_get_name (found->pdata[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Keys and version as an older ICU might have left them: wrong orders and
 * readings that searches do not find. */
static void
spoil_keys (ZbDatabase *db)
{
  exec_sql (db, "UPDATE member SET stroke_key = CAST (printf ('%08d', 1000000 - id) AS BLOB),"
                " pinyin_key = CAST (printf ('%08d', id) AS BLOB), name_pinyin = 'x' || id,"
                " name_initials = 'q' || id;"
                "UPDATE workspace SET chinese_key_version = '0-old-icu1.0'");
}

static void
reopen (RosterFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->repo);
  g_clear_object (&f->org);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  f->db = zb_database_open (f->path, f->secret, &error);
  g_assert_no_error (error);
  f->repo = zb_member_repo_new (f->db);
  f->org = zb_org_repo_new (f->db);
}

/* A new workspace records the version of the keys it will hold. */
static void
test_new_workspace (RosterFixture *f, gconstpointer data)
{
  g_autofree char *version = stored_version (f->db);

  g_assert_cmpstr (version, ==, zb_chinese_key_version ());
  /* nothing was made again: no audit row */
  g_assert_cmpint (count_audit (f->db, "rebuild-keys"), ==, 0);
}

static void
test_rebuilt_on_open (RosterFixture *f, gconstpointer data)
{
  g_autofree char *strokes = NULL;
  g_autofree char *pinyin = NULL;
  g_autofree char *version = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = roster_record (names[i], "19800101", 11 + 2 * (int)i);

      roster_insert (f, r);
    }
  strokes = listed (f->repo, NULL, ZB_MEMBER_ORDER_STROKES);
  pinyin = listed (f->repo, NULL, ZB_MEMBER_ORDER_PINYIN);
  /* the official order: 于 万 上 马 (same count, then the strokes) */
  g_assert_cmpstr (strokes, ==, "于谦 万里 上官婉儿 马六 王五 张三 单雄信");

  spoil_keys (f->db);
  {
    g_autofree char *spoiled = listed (f->repo, NULL, ZB_MEMBER_ORDER_STROKES);
    g_autofree char *found = listed (f->repo, "zs", ZB_MEMBER_ORDER_STROKES);

    /* the keys do decide the order, and the search does read the initials */
    g_assert_cmpstr (spoiled, !=, strokes);
    g_assert_cmpstr (found, ==, "");
  }

  reopen (f);

  {
    g_autofree char *now_strokes = listed (f->repo, NULL, ZB_MEMBER_ORDER_STROKES);
    g_autofree char *now_pinyin = listed (f->repo, NULL, ZB_MEMBER_ORDER_PINYIN);
    g_autofree char *initials = listed (f->repo, "zs", ZB_MEMBER_ORDER_STROKES);
    g_autofree char *reading = listed (f->repo, "shanx", ZB_MEMBER_ORDER_STROKES);
    g_autofree char *one_letter = listed (f->repo, "w", ZB_MEMBER_ORDER_PINYIN);

    g_assert_cmpstr (now_strokes, ==, strokes);
    g_assert_cmpstr (now_pinyin, ==, pinyin);
    g_assert_cmpstr (initials, ==, "张三");
    /* 单 as a surname reads Shàn */
    g_assert_cmpstr (reading, ==, "单雄信");
    g_assert_cmpstr (one_letter, ==, "万里 王五");
  }

  version = stored_version (f->db);
  g_assert_cmpstr (version, ==, zb_chinese_key_version ());
  /* one audit row for the roster, and the chain holds */
  g_assert_cmpint (count_audit (f->db, "rebuild-keys"), ==, 1);
  g_assert_true (zb_audit_verify (f->db, NULL, NULL, &error));
  g_assert_no_error (error);

  /* once: the next opening finds the keys current */
  reopen (f);
  g_assert_cmpint (count_audit (f->db, "rebuild-keys"), ==, 1);
}

/* The version, not the keys, says when to make them again: keys that do not
 * fit the names but carry the current version are left alone. */
static void
test_same_version_left_alone (RosterFixture *f, gconstpointer data)
{
  g_autofree char *found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = roster_record (names[i], "19800101", 11 + 2 * (int)i);

      roster_insert (f, r);
    }
  spoil_keys (f->db);
  {
    g_autoptr (GError) error = NULL;
    sqlite3_stmt *stmt
        = _zb_database_prepare (f->db, "UPDATE workspace SET chinese_key_version = ?1", &error);

    g_assert_no_error (error);
    sqlite3_bind_text (stmt, 1, zb_chinese_key_version (), -1, SQLITE_STATIC);
    g_assert_true (_zb_database_step_done (f->db, stmt, &error));
    g_assert_no_error (error);
  }

  reopen (f);
  found = listed (f->repo, "zs", ZB_MEMBER_ORDER_STROKES);
  g_assert_cmpstr (found, ==, "");
  g_assert_cmpint (count_audit (f->db, "rebuild-keys"), ==, 0);
}

/* A large roster goes the bulk way (indexes built once); the result is the
 * same as the keys made member by member. */
static void
test_rebuilt_large (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  guint n = ZB_MEMBER_BULK_THRESHOLD + 100;

  g_assert_true (zb_member_demo_fill (f->db, n, 4, 11, &error));
  g_assert_no_error (error);
  before = zb_member_repo_fetch (f->repo, &q, 0, n, &error);
  g_assert_cmpuint (before->len, ==, n);

  spoil_keys (f->db);
  reopen (f);

  after = zb_member_repo_fetch (f->repo, &q, 0, n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (zb_member_get_uuid (after->pdata[i]), ==,
                     zb_member_get_uuid (before->pdata[i]));
  q.search = "z";
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), >, 0);
  g_assert_cmpint (count_audit (f->db, "rebuild-keys"), ==, 1);
  g_assert_true (zb_database_check_integrity (f->db, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, RosterFixture, NULL, roster_fixture_set_up, func, roster_fixture_tear_down)

  ADD ("/member-keys/new-workspace", test_new_workspace);
  ADD ("/member-keys/rebuilt-on-open", test_rebuilt_on_open);
  ADD ("/member-keys/same-version-left-alone", test_same_version_left_alone);
  ADD ("/member-keys/rebuilt-large", test_rebuilt_large);

  return g_test_run ();
}
