/* test-member-list-model.c — the roster's paged list model, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ZbMemberListModel reads pages from SQL on demand and keeps a few of them; on
 * every write it tells its lists exactly which rows changed. A "mirror" here
 * plays the list: it applies each items-changed and reads the rows it is told
 * are new, and must then agree with the repository row for row.
 */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "zb-id-number.h"
#include "zb-member-demo.h"
#include "zb-member-list-model.h"
#include "zb-org-repo.h"

typedef struct
{
  char *path;
  ZbSecret *secret;
  ZbDatabase *db;
  ZbMemberRepo *repo;
  ZbOrgRepo *org;
  ZbMemberListModel *model;

  /* What a list that read every row would show, by uuid. */
  GPtrArray *mirror;
  guint n_changes;
  guint last_position, last_removed, last_added;
  guint first_position, total_removed, total_added;
} Fixture;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  if (f->n_changes++ == 0)
    f->first_position = position;
  f->total_removed += removed;
  f->total_added += added;
  f->last_position = position;
  f->last_removed = removed;
  f->last_added = added;

  if (f->mirror == NULL)
    return;

  g_assert_cmpuint (position + removed, <=, f->mirror->len);
  g_ptr_array_remove_range (f->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_autoptr (ZbMember) member = g_list_model_get_item (model, position + i);

      g_assert_nonnull (member);
      g_ptr_array_insert (f->mirror, position + i, g_strdup (zb_member_get_uuid (member)));
    }
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static guint counter;
  g_autofree char *name = g_strdup_printf ("model-%u.db", counter++);
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };
  guint n_members = GPOINTER_TO_UINT (data);

  f->path = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), name, NULL);
  f->secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  f->db = zb_database_create (f->path, f->secret, &setup, &error);
  g_assert_no_error (error);
  f->repo = zb_member_repo_new (f->db);
  f->org = zb_org_repo_new (f->db);

  if (n_members > 0)
    {
      g_assert_true (zb_member_demo_fill (f->db, n_members, 2, 20241127, &error));
      g_assert_no_error (error);
    }

  f->model = zb_member_list_model_new (f->repo);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->model);
  g_clear_object (&f->repo);
  g_clear_object (&f->org);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  g_clear_pointer (&f->secret, zb_secret_free);
  g_clear_pointer (&f->mirror, g_ptr_array_unref);
  g_unlink (f->path);
  g_clear_pointer (&f->path, g_free);
}

/* Reads every row, as a list showing them all would. */
static void
fill_mirror (Fixture *f)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  f->mirror = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ZbMember) member = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_ptr_array_add (f->mirror, g_strdup (zb_member_get_uuid (member)));
    }
}

/* The mirror holds exactly the rows of the query, in order. */
static void
assert_mirror_matches (Fixture *f)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  rows = zb_member_repo_fetch (f->repo, zb_member_list_model_get_query (f->model), 0, n + 10,
                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n);
  g_assert_cmpuint (f->mirror->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_ptr_array_index (f->mirror, i), ==,
                     zb_member_get_uuid (g_ptr_array_index (rows, i)));
}

static int
position_of (Fixture *f, const char *uuid)
{
  g_autoptr (GPtrArray) rows = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  rows = zb_member_repo_fetch (f->repo, zb_member_list_model_get_query (f->model), 0, n, NULL);
  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (zb_member_get_uuid (g_ptr_array_index (rows, i)), uuid))
      return (int)i;
  return -1;
}

static ZbMemberRecord *
new_member (const char *name, const char *birth, int seq)
{
  ZbMemberRecord *r = zb_member_record_new ();
  char digits[19];

  g_snprintf (digits, sizeof digits, "110105%s%03d", birth, seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';

  r->name = g_strdup (name);
  r->id_number = g_strdup (digits);
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("2000-07-01");
  r->full_date = g_strdup ("2001-07-01");
  return r;
}

static ZbMemberRecord *
insert (Fixture *f, const char *name, const char *birth, int seq)
{
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *r = new_member (name, birth, seq);

  zb_member_repo_insert (f->repo, r, &error);
  g_assert_no_error (error);
  return r;
}

/* Tests */

/* A workspace of 10,000: the model counts, and reads only the pages a list
 * asks for, keeping no more than a few. */
static void
test_paging (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  guint fetches;

  zb_member_list_model_refresh (f->model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 10000);
  g_assert_cmpint (zb_member_repo_count (f->repo, &query, &error), ==, 10000);
  /* Counting reads no rows. */
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), ==, 0);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (f->model)), ==, ZB_TYPE_MEMBER);

  /* The first screen: one page. */
  for (guint i = 0; i < 30; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->model), i));
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), ==, 1);
  g_assert_true (zb_member_list_model_is_page_cached (f->model, 0));
  g_assert_false (zb_member_list_model_is_page_cached (f->model, 1));

  /* A jump to the middle reads that page only, and its rows are those of
   * the repository at those positions. */
  page = zb_member_repo_fetch (f->repo, &query, 5000, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr (ZbMember) member = g_list_model_get_item (G_LIST_MODEL (f->model), 5000 + i);

      g_assert_cmpstr (zb_member_get_uuid (member), ==,
                       zb_member_get_uuid (g_ptr_array_index (page, i)));
    }
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), ==, 2);
  g_assert_true (zb_member_list_model_is_page_cached (f->model, 50));

  /* The same row twice is the same object, read once. */
  {
    g_autoptr (ZbMember) a = g_list_model_get_item (G_LIST_MODEL (f->model), 5042);
    g_autoptr (ZbMember) b = g_list_model_get_item (G_LIST_MODEL (f->model), 5042);

    g_assert_true (a == b);
  }
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), ==, 2);

  /* The last row, and nothing beyond. */
  {
    g_autoptr (ZbMember) last = g_list_model_get_item (G_LIST_MODEL (f->model), 9999);

    g_assert_nonnull (last);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 10000));
  }

  /* Scrolling through everything keeps only a few pages. */
  fetches = zb_member_list_model_get_n_fetches (f->model);
  for (guint i = 0; i < 10000; i += 100)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->model), i));
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), <=, fetches + 100);
  {
    guint cached = 0;

    for (guint p = 0; p < 100; p++)
      cached += zb_member_list_model_is_page_cached (f->model, p);
    g_assert_cmpuint (cached, <=, ZB_MEMBER_LIST_MODEL_MAX_PAGES);
    g_assert_cmpuint (cached, >, 0);
  }
}

/* A new member appears where the order puts them: one items-changed adding
 * exactly one row there; the rows that stayed keep their objects. */
static void
test_insert (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = NULL;
  g_autoptr (ZbMember) first = NULL;
  g_autoptr (ZbMember) first_after = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  int position;

  g_assert_cmpuint (before, ==, 150);
  fill_mirror (f);
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

  f->n_changes = 0;
  /* 乙 has one stroke: it sorts first, or near it. */
  r = insert (f, "乙一", "19800101", 11);
  position = position_of (f, r->uuid);
  g_assert_cmpint (position, >=, 0);

  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, (guint)position);
  g_assert_cmpuint (f->last_removed, ==, 0);
  g_assert_cmpuint (f->last_added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, before + 1);
  assert_mirror_matches (f);

  if (position > 0)
    {
      first_after = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
      g_assert_true (first == first_after);
    }
}

/* Editing a member in place replaces that one row. */
static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMember) member = NULL;
  g_autoptr (ZbMember) changed = NULL;
  g_autoptr (ZbMemberRecord) r = NULL;
  g_autoptr (GError) error = NULL;

  fill_mirror (f);
  member = g_list_model_get_item (G_LIST_MODEL (f->model), 42);
  r = zb_member_record_copy (zb_member_get_record (member));
  g_free (r->remarks);
  r->remarks = g_strdup ("调整了备注");

  f->n_changes = 0;
  g_assert_true (zb_member_repo_update (f->repo, r, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 42);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 1);
  changed = g_list_model_get_item (G_LIST_MODEL (f->model), 42);
  g_assert_cmpstr (zb_member_get_record (changed)->remarks, ==, "调整了备注");
  assert_mirror_matches (f);

  /* A write that changes nothing the list shows tells nothing. */
  f->n_changes = 0;
  zb_member_list_model_refresh (f->model);
  g_assert_cmpuint (f->n_changes, ==, 0);
}

/* A renamed member moves: one items-changed covering both places. */
static void
test_move (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMember) member = NULL;
  g_autoptr (ZbMemberRecord) r = NULL;
  g_autoptr (GError) error = NULL;
  int after;

  fill_mirror (f);
  member = g_list_model_get_item (G_LIST_MODEL (f->model), 120);
  r = zb_member_record_copy (zb_member_get_record (member));
  g_free (r->name);
  r->name = g_strdup ("乙二");

  f->n_changes = f->total_removed = f->total_added = 0;
  g_assert_true (zb_member_repo_update (f->repo, r, &error));
  g_assert_no_error (error);
  after = position_of (f, r->uuid);
  g_assert_cmpint (after, <, 120);

  /* The rows between the two places, as one change — told as a removal and
   * an addition when it spans more than a page (see the model). */
  g_assert_cmpuint (f->n_changes, ==, 120 - after + 1 > ZB_MEMBER_LIST_MODEL_PAGE_SIZE ? 2 : 1);
  g_assert_cmpuint (f->first_position, ==, (guint)after);
  g_assert_cmpuint (f->last_position, ==, (guint)after);
  g_assert_cmpuint (f->total_removed, ==, 120 - after + 1);
  g_assert_cmpuint (f->total_added, ==, 120 - after + 1);
  assert_mirror_matches (f);
}

/* A member who transfers out leaves the active roster: that row goes. */
static void
test_event (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMember) member = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberEvent event = { .kind = ZB_EVENT_TRANSFER_OUT,
                          .date = (char *)"2024-03-01",
                          .counterpart = (char *)"中共某某街道工委",
                          .letter_number = (char *)"第012号",
                          .dues_paid_until = (char *)"2024-02" };
  guint before = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  fill_mirror (f);
  member = g_list_model_get_item (G_LIST_MODEL (f->model), 77);

  f->n_changes = 0;
  g_assert_true (
      zb_member_repo_record_event (f->repo, zb_member_get_uuid (member), &event, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 77);
  g_assert_cmpuint (f->last_removed, ==, 1);
  g_assert_cmpuint (f->last_added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, before - 1);
  assert_mirror_matches (f);
  g_assert_cmpint (zb_member_list_model_find_cached (f->model, zb_member_get_uuid (member)), ==,
                   -1);

  /* In the archive, the member is there. */
  {
    ZbMemberQuery archive = ZB_MEMBER_QUERY_INIT;

    archive.archive = TRUE;
    zb_member_list_model_set_query (f->model, &archive);
    g_assert_cmpuint (f->last_position, ==, 0);
    g_assert_cmpuint (f->last_removed, ==, before - 1);
    g_assert_cmpuint (f->last_added, ==, 1);
  }
}

/* In a large roster with only the first page read, writes elsewhere still
 * come out right for a list that reads what it is told. */
static void
test_large_writes (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = NULL;
  g_autoptr (ZbMember) far = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberEvent death = { .kind = ZB_EVENT_DEATH, .date = (char *)"2024-05-01" };
  guint fetches;

  zb_member_list_model_refresh (f->model);
  fill_mirror (f);
  g_assert_cmpuint (f->mirror->len, ==, 10000);

  r = insert (f, "张新来", "19700505", 21);
  assert_mirror_matches (f);

  far = g_list_model_get_item (G_LIST_MODEL (f->model), 8000);
  g_assert_true (zb_member_repo_record_event (f->repo, zb_member_get_uuid (far), &death, &error));
  g_assert_no_error (error);
  assert_mirror_matches (f);

  /* A refresh re-reads the pages in use, not the roster. */
  fetches = zb_member_list_model_get_n_fetches (f->model);
  zb_member_list_model_refresh (f->model);
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model) - fetches, <=,
                    ZB_MEMBER_LIST_MODEL_MAX_PAGES);
}

/* A search is a new question: all rows replaced. */
static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = insert (f, "欧阳修远", "19700303", 31);
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (f->model));
  g_autoptr (ZbMember) found = NULL;

  query.search = "欧阳修远";
  f->n_changes = 0;
  zb_member_list_model_set_query (f->model, &query);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->last_position, ==, 0);
  g_assert_cmpuint (f->last_removed, ==, before);
  g_assert_cmpuint (f->last_added, ==, 1);

  g_assert_cmpstr (zb_member_list_model_get_query (f->model)->search, ==, "欧阳修远");

  found = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_cmpstr (zb_member_get_uuid (found), ==, r->uuid);

  /* Back to everyone: the rows go, then the new ones come, so that no list
   * looks for its old rows among 150 new ones. */
  f->n_changes = f->total_removed = f->total_added = 0;
  query.search = NULL;
  zb_member_list_model_set_query (f->model, &query);
  g_assert_cmpuint (f->n_changes, ==, 2);
  g_assert_cmpuint (f->total_removed, ==, 1);
  g_assert_cmpuint (f->total_added, ==, before);
  g_assert_cmpuint (f->last_removed, ==, 0);
}

/* While held, nothing is read; the refresh waits for the release. */
static void
test_hold (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbMember) held = NULL;
  g_autoptr (ZbMemberRecord) r = NULL;
  guint fetches;

  g_object_unref (g_list_model_get_item (G_LIST_MODEL (f->model), 0));
  fetches = zb_member_list_model_get_n_fetches (f->model);

  zb_member_list_model_hold (f->model);
  held = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_nonnull (held);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), 140));

  f->n_changes = 0;
  r = insert (f, "乙三", "19810202", 41);
  g_assert_cmpuint (f->n_changes, ==, 0);
  g_assert_cmpuint (zb_member_list_model_get_n_fetches (f->model), ==, fetches);

  zb_member_list_model_release (f->model);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 151);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, n, func)                                                                         \
  g_test_add ("/member-list-model/" path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func,     \
              fixture_tear_down)

  ADD ("paging", 10000, test_paging);
  ADD ("insert", 150, test_insert);
  ADD ("update", 150, test_update);
  ADD ("move", 150, test_move);
  ADD ("event", 150, test_event);
  ADD ("large-writes", 10000, test_large_writes);
  ADD ("search", 150, test_search);
  ADD ("hold", 150, test_hold);

#undef ADD

  return g_test_run ();
}
