/* bench-roster.c — figures for the roster at scale (issue 3, "Speed and memory")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creates a workspace with 100,000 demo members (ZB_BENCH_MEMBERS to change it,
 * e.g. 1000000) and prints: the insert time, the first page of the roster in
 * each order, counts, and the first page of a search after each keystroke of a
 * few searches (a name, initials, pinyin, ID digits, phone digits) in stroke
 * order, and the slowest keystroke of each in the other orders. Figures only:
 * nothing here asserts on time.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "zb-member-demo.h"
#include "zb-member-repo.h"

#define PAGE 50

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The best of three runs, so that one cold cache does not decide. */
static double
time_page (ZbMemberRepo *repo, const ZbMemberQuery *q, gint64 *count_out, double *count_ms,
           guint *n_rows)
{
  double best = G_MAXDOUBLE, best_count = G_MAXDOUBLE;

  for (int run = 0; run < 3; run++)
    {
      g_autoptr (GPtrArray) page = NULL;
      double t0 = now_ms (), t1, t2;

      page = zb_member_repo_fetch (repo, q, 0, PAGE, NULL);
      t1 = now_ms ();
      *count_out = zb_member_repo_count (repo, q, NULL);
      t2 = now_ms ();
      best = MIN (best, t1 - t0);
      best_count = MIN (best_count, t2 - t1);
      *n_rows = page != NULL ? page->len : 0;
    }
  *count_ms = best_count;
  return best;
}

/* Each keystroke's search is new to the repository (it keeps the candidates
 * of the last search only), so every first page here is a fresh search; the
 * count after it is what a list model asks next. Best of three rounds. In
 * @order; @brief prints only the slowest keystroke. */
static void
keystrokes (ZbMemberRepo *repo, ZbMemberOrder order, gboolean brief, const char *label,
            const char *text)
{
  g_autoptr (GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) count_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) counts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; *p != '\0';)
    {
      p = g_utf8_next_char (p);
      g_ptr_array_add (prefixes, g_strndup (text, p - text));
    }
  g_array_set_size (page_ms, prefixes->len);
  g_array_set_size (count_ms, prefixes->len);
  g_array_set_size (counts, prefixes->len);
  g_array_set_size (rows, prefixes->len);

  for (int round = 0; round < 3; round++)
    {
      ZbMemberQuery other = ZB_MEMBER_QUERY_INIT;
      g_autoptr (GPtrArray) none = NULL;

      /* another search in between, so that the first keystroke is new too */
      other.search = "没有这个人";
      none = zb_member_repo_fetch (repo, &other, 0, PAGE, NULL);

      for (guint i = 0; i < prefixes->len; i++)
        {
          ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
          g_autoptr (GPtrArray) page = NULL;
          double t0, t1, t2;

          q.search = prefixes->pdata[i];
          q.order = order;
          t0 = now_ms ();
          page = zb_member_repo_fetch (repo, &q, 0, PAGE, NULL);
          t1 = now_ms ();
          g_array_index (counts, gint64, i) = zb_member_repo_count (repo, &q, NULL);
          t2 = now_ms ();
          g_array_index (rows, guint, i) = page != NULL ? page->len : 0;
          if (round == 0 || t1 - t0 < g_array_index (page_ms, double, i))
            g_array_index (page_ms, double, i) = t1 - t0;
          if (round == 0 || t2 - t1 < g_array_index (count_ms, double, i))
            g_array_index (count_ms, double, i) = t2 - t1;
        }
    }

  if (brief)
    {
      guint slowest = 0;

      for (guint i = 1; i < prefixes->len; i++)
        if (g_array_index (page_ms, double, i) > g_array_index (page_ms, double, slowest))
          slowest = i;
      printf ("  %-30s slowest first page %7.2f ms (“%s”)\n", label,
              g_array_index (page_ms, double, slowest), (char *)prefixes->pdata[slowest]);
      return;
    }
  printf ("  %s\n", label);
  for (guint i = 0; i < prefixes->len; i++)
    printf ("    %-22s first page %7.2f ms (%2u rows)   then count %7.2f ms (%" G_GINT64_FORMAT
            " matches)\n",
            (char *)prefixes->pdata[i], g_array_index (page_ms, double, i),
            g_array_index (rows, guint, i), g_array_index (count_ms, double, i),
            g_array_index (counts, gint64, i));
}

int
main (int argc, char **argv)
{
  const char *env = g_getenv ("ZB_BENCH_MEMBERS");
  guint n_members = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 100000;
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };
  const char *order_names[] = { "strokes", "pinyin", "joined" };
  char id_prefix[19];
  char phone_tail[12];
  double t0;

  setlocale (LC_ALL, "C.UTF-8");
  /* figures appear as they are measured, also into a file */
  setvbuf (stdout, NULL, _IOLBF, 0);
  path = g_build_filename (tmpdir ? tmpdir : g_get_tmp_dir (), "bench-roster.db", NULL);
  g_unlink (path);
  key = zb_secret_new_random_key (&error);
  db = zb_database_create (path, key, &setup, &error);
  g_assert_no_error (error);
  repo = zb_member_repo_new (db);

  printf ("bench-roster: %u members\n", n_members);
  t0 = now_ms ();
  if (!zb_member_demo_fill (db, n_members, MAX (n_members / 40, 1), 2026, &error))
    g_error ("demo: %s", error->message);
  printf ("  insert (one transaction, demo generator)   %8.0f ms  (%.1f µs per member)\n",
          now_ms () - t0, (now_ms () - t0) * 1000.0 / MAX (n_members, 1));

  /* reopen, as after unlocking: a cold page cache */
  zb_database_close (db);
  g_clear_object (&db);
  g_clear_object (&repo);
  t0 = now_ms ();
  db = zb_database_open (path, key, &error);
  g_assert_no_error (error);
  repo = zb_member_repo_new (db);
  {
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
    g_autoptr (GPtrArray) page = zb_member_repo_fetch (repo, &q, 0, 100, NULL);
    gint64 count = zb_member_repo_count (repo, &q, NULL);

    printf ("  open + first 100 rows + count, cold          %8.1f ms  (%" G_GINT64_FORMAT
            " members)\n",
            now_ms () - t0, count);
  }

  for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
    {
      ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
      gint64 count;
      double count_ms, ms;
      guint n_rows;

      q.order = (ZbMemberOrder)order;
      ms = time_page (repo, &q, &count, &count_ms, &n_rows);
      printf ("  first page by %-8s %7.2f ms   count %7.2f ms\n", order_names[order], ms, count_ms);
      q.descending = TRUE;
      ms = time_page (repo, &q, &count, &count_ms, &n_rows);
      printf ("  last page by %-8s  %7.2f ms (descending)\n", order_names[order], ms);
    }
  {
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
    double t = now_ms ();
    g_autoptr (GPtrArray) page = zb_member_repo_fetch (repo, &q, n_members / 2, 100, NULL);

    printf ("  a page of 100 in the middle (offset %u)   %7.2f ms\n", n_members / 2, now_ms () - t);
  }

  {
    /* an ID number that exists: the first member's */
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;
    g_autoptr (GPtrArray) page = zb_member_repo_fetch (repo, &q, 0, 1, NULL);
    const ZbMemberRecord *r = zb_member_get_record (page->pdata[0]);

    g_strlcpy (id_prefix, r->id_number, sizeof id_prefix);
    g_strlcpy (phone_tail, r->phone + 3, sizeof phone_tail);
  }
  for (int order = ZB_MEMBER_ORDER_STROKES; order <= ZB_MEMBER_ORDER_JOINED; order++)
    {
      gboolean brief = order != ZB_MEMBER_ORDER_STROKES;

      printf ("per keystroke (search, active roster, by %s%s):\n", order_names[order],
              brief ? ", the slowest keystroke of each" : "");
      keystrokes (repo, order, brief, "a common surname, then a name", "张建国");
      keystrokes (repo, order, brief, "a rare character", "谭");
      keystrokes (repo, order, brief, "pinyin initials", "zjg");
      keystrokes (repo, order, brief, "full pinyin", "zhangjianguo");
      keystrokes (repo, order, brief, "ID number digits", id_prefix);
      keystrokes (repo, order, brief, "phone digits (the tail)", phone_tail);
    }

  zb_database_close (db);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  return 0;
}
