/* test-member-search.c — the roster as pages: search kinds, orders, filters,
 * paging, and the two search plans agreeing with a plain reading of the rules
 * (issue 3: "find anyone in a keystroke"; DOMAIN.md §4.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roster-test-util.h"
#include "zb-chinese.h"
#include "zb-member-demo.h"
#include "zb-roster-private.h"

typedef struct
{
  const char *name;
  const char *birth;
  int seq;
  const char *phone;
  const char *joined;
} Person;

static const Person people[] = {
  { "张三", "19800101", 11, "13800138000", "2005-07-01" },
  { "张三丰", "19750315", 13, "139-1234-5678", "2001-07-01" },
  { "李四", "19820202", 22, "010-65528888", "2008-07-01" },
  { "王五", "19700707", 15, NULL, "1995-07-01" },
  { "赵六", "19660606", 24, "13700001111", "1990-07-01" },
  { "欧阳修", "19901010", 17, NULL, "2015-07-01" },
};

static void
add_people (RosterFixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (ZbMemberRecord) r = roster_record (people[i].name, people[i].birth, people[i].seq);

      r->phone = g_strdup (people[i].phone);
      g_free (r->joined_date);
      r->joined_date = g_strdup (people[i].joined);
      g_clear_pointer (&r->full_date, g_free);
      roster_insert (f, r);
    }
}

/* The names found by @search, in the query's order, joined with spaces. */
static char *
search_names (RosterFixture *f, const char *search, ZbMemberOrder order)
{
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  gint64 count;

  q.search = search;
  q.order = order;
  found = zb_member_repo_fetch (f->repo, &q, 0, 100, &error);
  g_assert_no_error (error);
  count = zb_member_repo_count (f->repo, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, found->len);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (names, "%s%s", i ? " " : "", zb_member_get_name (found->pdata[i]));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_search(f, text, expected)                                                           \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *_got = search_names (f, text, ZB_MEMBER_ORDER_JOINED);                        \
    g_test_message ("search “%s” → %s", text, _got);                                               \
    g_assert_cmpstr (_got, ==, expected);                                                          \
  }                                                                                                \
  G_STMT_END

static void
test_search_kinds (RosterFixture *f, gconstpointer data)
{
  g_autofree char *id_tail = NULL;

  add_people (f);

  /* a name, or any run of characters in it */
  assert_search (f, "张", "张三丰 张三");
  assert_search (f, "三", "张三丰 张三");
  assert_search (f, "三丰", "张三丰");
  assert_search (f, " 三丰　", "张三丰");
  assert_search (f, "阳修", "欧阳修");
  assert_search (f, "丰三", "");

  /* pinyin initials: zs finds 张三 (issue 3) */
  assert_search (f, "zs", "张三丰 张三");
  assert_search (f, "zsf", "张三丰");
  assert_search (f, "ZS", "张三丰 张三");
  assert_search (f, "oyx", "欧阳修");
  /* full pinyin, as a prefix */
  assert_search (f, "zhangs", "张三丰 张三");
  assert_search (f, "zhangsanf", "张三丰");
  assert_search (f, "zhang san", "张三丰 张三");
  assert_search (f, "ouyang", "欧阳修");
  assert_search (f, "sanfeng", "");

  /* ID number digits, anywhere in the number; a final x in either case */
  id_tail = roster_id_number ("110105", "19820202", 22);
  assert_search (f, id_tail + 10, "李四");
  assert_search (f, "19660606", "赵六");
  assert_search (f, "110105", "赵六 王五 张三丰 张三 李四 欧阳修");

  /* phone digits, typed with spaces or dashes */
  assert_search (f, "6552", "李四");
  assert_search (f, "138-0013", "张三");
  assert_search (f, "139 1234 5678", "张三丰");
  assert_search (f, "0000111", "赵六");

  /* nothing, or only spaces: everyone */
  assert_search (f, "", "赵六 王五 张三丰 张三 李四 欧阳修");
  assert_search (f, "　", "赵六 王五 张三丰 张三 李四 欧阳修");
}

/* The official order for name lists (issue 3): stroke count, then the strokes
 * 横 竖 撇 点 折 — 于 万 上 马 — and pinyin order. */
static void
test_orders (RosterFixture *f, gconstpointer data)
{
  const char *names[] = { "马丽", "上官云", "万芳", "于强" };
  g_autofree char *strokes = NULL;
  g_autofree char *strokes_desc = NULL;
  g_autofree char *pinyin = NULL;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = roster_record (names[i], "19800101", 11 + 2 * i);

      roster_insert (f, r);
    }

  strokes = search_names (f, NULL, ZB_MEMBER_ORDER_STROKES);
  g_assert_cmpstr (strokes, ==, "于强 万芳 上官云 马丽");
  pinyin = search_names (f, NULL, ZB_MEMBER_ORDER_PINYIN);
  g_assert_cmpstr (pinyin, ==, "马丽 上官云 万芳 于强");

  q.descending = TRUE;
  page = zb_member_repo_fetch (f->repo, &q, 0, 10, NULL);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpstr (zb_member_get_name (page->pdata[0]), ==, "马丽");
  g_assert_cmpstr (zb_member_get_name (page->pdata[3]), ==, "于强");
  (void)strokes_desc;
}

/* The same people, whatever the plan (read the matches through the search
 * index, or walk the order index), equal to the rules applied one by one. */

static gboolean
alnum_run (const char *name, const char *search)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (a, g_unichar_tolower (g_utf8_get_char (p)));
  for (const char *p = search; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (b, g_unichar_tolower (g_utf8_get_char (p)));
  return b->len > 0 && strstr (a->str, b->str) != NULL;
}

static gboolean
matches (const ZbMemberRecord *r, const char *search)
{
  gboolean digits = TRUE, letters = TRUE;
  gsize len = strlen (search);

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (search[i]) && !((search[i] == 'x' || search[i] == 'X') && i == len - 1))
        digits = FALSE;
      if (!g_ascii_isalpha (search[i]))
        letters = FALSE;
    }

  /* one or two digits filter nothing yet */
  if (digits && len < 3)
    return TRUE;
  if (digits)
    {
      g_autofree char *up = g_ascii_strup (search, -1);

      return (r->id_number && strstr (r->id_number, up)) || (r->phone && strstr (r->phone, up));
    }
  if (letters)
    {
      g_autofree char *initials = zb_chinese_initials (r->name);
      g_autofree char *pinyin = zb_chinese_pinyin (r->name);
      g_autofree char *low = g_ascii_strdown (search, -1);

      return g_str_has_prefix (initials, low) || g_str_has_prefix (pinyin, low);
    }
  return alnum_run (r->name, search);
}

static GPtrArray *
fetch_all (RosterFixture *f, const ZbMemberQuery *q)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *all = zb_member_repo_fetch (f->repo, q, 0, G_MAXINT, &error);

  g_assert_no_error (error);
  return all;
}

static void
check_query (RosterFixture *f, ZbMemberQuery *q, guint *n_nonempty)
{
  g_autoptr (GPtrArray) everyone = NULL;
  g_autoptr (GPtrArray) expected = g_ptr_array_new ();
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  const char *search = q->search;
  gint64 count;

  q->search = NULL;
  everyone = fetch_all (f, q);
  q->search = search;
  for (guint i = 0; i < everyone->len; i++)
    if (matches (zb_member_get_record (everyone->pdata[i]), search))
      g_ptr_array_add (expected, everyone->pdata[i]);

  found = fetch_all (f, q);
  count = zb_member_repo_count (f->repo, q, &error);
  g_assert_no_error (error);

  if (found->len != expected->len)
    g_test_message ("“%s” order %d branch %" G_GINT64_FORMAT " category %d: %u found, %u expected",
                    search, q->order, q->branch_id, q->category, found->len, expected->len);
  g_assert_cmpuint (found->len, ==, expected->len);
  g_assert_cmpint (count, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (zb_member_get_uuid (found->pdata[i]), ==,
                     zb_member_get_uuid (expected->pdata[i]));
  if (expected->len > 0)
    (*n_nonempty)++;

  /* a page from the middle is the same slice */
  if (expected->len > 10)
    {
      g_autoptr (GPtrArray) page = zb_member_repo_fetch (f->repo, q, 5, 4, &error);

      g_assert_cmpuint (page->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpstr (zb_member_get_uuid (page->pdata[i]), ==,
                         zb_member_get_uuid (expected->pdata[5 + i]));
    }
}

static void
test_plans_agree (RosterFixture *f, gconstpointer data)
{
  const char *searches[]
      = { "张",        "王", "三",  "丽",   "建国", "z",    "zh",  "zhang", "w",  "wa",
          "l",         "li", "xy",  "zz",   "1",    "13",   "110", "0105",  "2X", "1101051",
          "110105198", "19", "138", "欧阳", "阿",   "上官", "sg",  "shangg" };
  /* walk always, the defaults, sort unless a digit search's walk finds the
   * page, then sort always: with a digit search's walk first on its usual
   * budget (within which this small roster's pages are found), without it, and
   * always over its budget (so sorted after the walk gave up) */
  const guint limits[][3] = {
    { 0, 0, ZB_MEMBER_WALK_BUDGET_DEFAULT },
    { ZB_MEMBER_SPARSE_LIMIT_DEFAULT, ZB_MEMBER_DENSE_MIN_DEFAULT, ZB_MEMBER_WALK_BUDGET_DEFAULT },
    { 1000000, 0, ZB_MEMBER_WALK_BUDGET_DEFAULT },
    { G_MAXUINT - 1, 0, ZB_MEMBER_WALK_BUDGET_DEFAULT },
    { G_MAXUINT - 1, 0, 0 },
    { G_MAXUINT - 1, 0, 1 },
  };
  g_autoptr (GPtrArray) branches = NULL;
  g_autoptr (GError) error = NULL;
  guint n_nonempty = 0;

  g_assert_true (zb_member_demo_fill (f->db, 700, 3, 42, &error));
  g_assert_no_error (error);
  branches = zb_org_repo_list_units (f->org, FALSE, &error);

  for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
    {
      _zb_member_repo_set_plan_limits (limits[l][0], limits[l][1]);
      _zb_member_repo_set_walk_budget (limits[l][2]);
      for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
        for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
          {
            ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;

            q.search = searches[s];
            q.order = (ZbMemberOrder)order;
            q.descending = s % 2 == 1;
            check_query (f, &q, &n_nonempty);

            /* with filters */
            q.branch_id = ((ZbOrgUnit *)g_ptr_array_index (branches, 0))->id;
            check_query (f, &q, &n_nonempty);
            q.branch_id = 0;
            q.category = ZB_CATEGORY_PROBATIONARY;
            check_query (f, &q, &n_nonempty);
            q.category = -1;
            q.flowing = 1;
            check_query (f, &q, &n_nonempty);
          }
    }
  _zb_member_repo_set_plan_limits (ZB_MEMBER_SPARSE_LIMIT_DEFAULT, ZB_MEMBER_DENSE_MIN_DEFAULT);
  _zb_member_repo_set_walk_budget (ZB_MEMBER_WALK_BUDGET_DEFAULT);

  /* the searches do find people (else this test proves nothing) */
  g_assert_cmpuint (n_nonempty, >, 100);
}

/* Filters: branch, group, category, flowing, lost contact. */
static void
test_filters (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) b1
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "一支部", NULL);
  g_autoptr (ZbOrgUnit) b2
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "二支部", NULL);
  g_autoptr (ZbOrgUnit) g1
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, b1->id, "第一党小组", NULL);
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GPtrArray) page = NULL;

  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("成员%d", i);
      g_autoptr (ZbMemberRecord) r = roster_record (name, "19800101", 11 + 2 * i);

      r->branch_id = i < 4 ? b1->id : b2->id;
      r->group_id = i < 2 ? g1->id : 0;
      r->flowing = i == 1;
      r->lost_contact = i == 4;
      if (i == 5)
        {
          r->category = ZB_CATEGORY_PROBATIONARY;
          g_free (r->joined_date);
          r->joined_date = g_strdup ("2026-01-01");
          g_clear_pointer (&r->full_date, g_free);
        }
      roster_insert (f, r);
    }

  q.branch_id = b1->id;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 4);
  q.group_id = g1->id;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 2);
  q.branch_id = 0;
  q.group_id = 0;
  q.flowing = 1;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 1);
  q.flowing = 0;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 5);
  q.flowing = -1;
  q.lost_contact = 1;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 1);
  q.lost_contact = -1;
  q.category = ZB_CATEGORY_PROBATIONARY;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 1);
  q.category = ZB_CATEGORY_FULL;
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 5);

  /* the list items carry their unit names */
  q.category = -1;
  q.group_id = g1->id;
  page = zb_member_repo_fetch (f->repo, &q, 0, 10, &error);
  g_assert_cmpuint (page->len, ==, 2);
  g_assert_cmpstr (zb_member_get_branch_name (page->pdata[0]), ==, "一支部");
  g_assert_cmpstr (zb_member_get_group_name (page->pdata[0]), ==, "第一党小组");
}

/* A page costs what is on it, not what is in the roster (ARCHITECTURE.md: "a
 * list of 100,000 rows costs what is on screen"): the work for the first page,
 * a page far down, and searches both rare and common, stays far below reading
 * every member. Counted in SQLite's steps, not in time. */
static void
test_page_cost (RosterFixture *f, gconstpointer data)
{
  const char *searches[] = { NULL, "王", "张建", "z", "zh", "138", "13800", "11010519" };
  g_autoptr (GError) error = NULL;
  guint n = 4000;
  guint full_scan;

  g_assert_true (zb_member_demo_fill (f->db, n, 10, 7, &error));
  g_assert_no_error (error);

  /* what reading everyone costs, for comparison */
  {
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
    g_autoptr (GPtrArray) all = zb_member_repo_fetch (f->repo, &q, 0, n, &error);

    g_assert_cmpuint (all->len, ==, n);
    full_scan = _zb_member_repo_get_last_fetch_steps ();
  }

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
      {
        ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
        g_autoptr (GPtrArray) page = NULL;
        guint steps;

        q.search = searches[i];
        q.order = (ZbMemberOrder)order;
        page = zb_member_repo_fetch (f->repo, &q, 0, 50, &error);
        g_assert_no_error (error);
        steps = _zb_member_repo_get_last_fetch_steps ();
        g_test_message ("“%s” order %d: %u rows, %u steps (everyone: %u)",
                        searches[i] ? searches[i] : "", order, page->len, steps, full_scan);
        g_assert_cmpuint (steps, <, full_scan / 4);
      }

  /* a page far down the list, in every order and both directions, skips the
   * rows above it in the index alone */
  for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
    for (int descending = 0; descending <= 1; descending++)
      {
        ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
        g_autoptr (GPtrArray) page = NULL;
        guint steps;

        q.order = (ZbMemberOrder)order;
        q.descending = descending;
        page = zb_member_repo_fetch (f->repo, &q, n - 100, 50, &error);
        g_assert_no_error (error);
        steps = _zb_member_repo_get_last_fetch_steps ();
        g_assert_cmpuint (page->len, ==, 50);
        g_test_message ("offset %u, order %d%s: %u steps (everyone: %u)", n - 100, order,
                        descending ? " descending" : "", steps, full_scan);
        g_assert_cmpuint (steps, <, full_scan / 8);
      }
}

/* A digit search with many candidates spread over the order finds its page by
 * walking the order index within its budget, at a fraction of the steps of
 * sorting every candidate, and the page is the same. */
static void
test_digits_walk_first (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint n = 4000;

  g_assert_true (zb_member_demo_fill (f->db, n, 10, 7, &error));
  g_assert_no_error (error);

  for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
    {
      ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
      g_autoptr (GPtrArray) walked = NULL;
      g_autoptr (GPtrArray) sorted = NULL;
      gint64 count;
      guint walk_steps, sort_steps;

      /* "010" is in most ID numbers (dates of 2010, of October, of the
       * 10th): far more candidates than ZB_MEMBER_DENSE_MIN_DEFAULT, all of
       * them sorted otherwise */
      q.search = "010";
      q.order = (ZbMemberOrder)order;
      count = zb_member_repo_count (f->repo, &q, &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, >, ZB_MEMBER_DENSE_MIN_DEFAULT);
      g_assert_cmpint (count, <=, ZB_MEMBER_SPARSE_LIMIT_DEFAULT);

      walked = zb_member_repo_fetch (f->repo, &q, 0, 50, &error);
      g_assert_no_error (error);
      walk_steps = _zb_member_repo_get_last_fetch_steps ();
      _zb_member_repo_set_walk_budget (0);
      sorted = zb_member_repo_fetch (f->repo, &q, 0, 50, &error);
      g_assert_no_error (error);
      sort_steps = _zb_member_repo_get_last_fetch_steps ();
      _zb_member_repo_set_walk_budget (ZB_MEMBER_WALK_BUDGET_DEFAULT);

      g_test_message ("order %d: %u steps walking, %u sorting", order, walk_steps, sort_steps);
      g_assert_cmpuint (walked->len, ==, 50);
      g_assert_cmpuint (sorted->len, ==, 50);
      for (guint i = 0; i < 50; i++)
        g_assert_cmpstr (zb_member_get_uuid (walked->pdata[i]), ==,
                         zb_member_get_uuid (sorted->pdata[i]));
      g_assert_cmpuint (walk_steps, <, sort_steps / 4);
    }
}

/* A file from before the search indexes (schema 4) gets its members indexed
 * when it is migrated. */
static void
test_migration_indexes_old_members (void)
{
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *path = g_build_filename (tmpdir, "v4.db", NULL);
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) old = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
  sqlite3_stmt *stmt;

  /* schema 4 is the last one without member_name_fts */
  old = _zb_database_create_at_version (path, key, &setup, 4, &error);
  g_assert_no_error (error);
  stmt = _zb_database_prepare (old,
                               "INSERT INTO member (uuid, name, id_number, phone, status,"
                               " created_at, updated_at) VALUES ('u-1', '阿依古丽·买买提',"
                               " '11010519491231002X', '13800138000', 'active', 'x', 'x'),"
                               " ('u-2', '张三', NULL, NULL, 'left', 'x', 'x')",
                               &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  zb_database_close (old);

  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  repo = zb_member_repo_new (db);

  q.search = "古丽买";
  g_assert_cmpint (zb_member_repo_count (repo, &q, &error), ==, 1);
  q.search = "1231002x";
  g_assert_cmpint (zb_member_repo_count (repo, &q, &error), ==, 1);
  q.search = "0013800";
  g_assert_cmpint (zb_member_repo_count (repo, &q, &error), ==, 1);
  /* only the active roster is indexed */
  q.search = "张三";
  g_assert_cmpint (zb_member_repo_count (repo, &q, &error), ==, 0);
  q.archive = TRUE;
  g_assert_cmpint (zb_member_repo_count (repo, &q, &error), ==, 1);
  zb_database_close (db);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, RosterFixture, NULL, roster_fixture_set_up, func, roster_fixture_tear_down)

  ADD ("/member-search/kinds", test_search_kinds);
  ADD ("/member-search/orders", test_orders);
  ADD ("/member-search/filters", test_filters);
  ADD ("/member-search/plans-agree", test_plans_agree);
  ADD ("/member-search/page-cost", test_page_cost);
  ADD ("/member-search/digits-walk-first", test_digits_walk_first);
  g_test_add_func ("/member-search/migration-indexes-old-members",
                   test_migration_indexes_old_members);

  return g_test_run ();
}
