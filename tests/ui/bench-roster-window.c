/* bench-roster-window.c — the roster window at 100,000 members: first screen and memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills a workspace with 100,000 demo members (ZB_BENCH_MEMBERS to change it),
 * opens the window on the roster and prints: the time from the unlocked
 * workspace to the first drawn screen of the roster, the time to the first
 * screen of a search and of a jump to the middle, the pages the list read,
 * and the resident memory of the process with the roster open. Figures only:
 * nothing here asserts on time (issue 3, "Speed and memory").
 */
#include "config.h"

#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-member-demo.h"
#include "zb-roster-view-private.h"
#include "zb-window-private.h"

#define PASSPHRASE "zhibu bench passphrase"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Processor time of this thread, in ms: on a machine shared with other work
 * it says more than the wall clock. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* VmRSS of this process, in MiB. */
static double
rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return g_ascii_strtod (line + 6, NULL) / 1024.0;
}

static gboolean
searched (gpointer data)
{
  ZbRosterView *view = data;

  return zb_member_list_model_get_query (_zb_roster_view_get_model (view))->search != NULL;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  const char *env = g_getenv ("ZB_BENCH_MEMBERS");
  guint n_members = env ? (guint)g_ascii_strtoull (env, NULL, 10) : 100000;
  ZbWorkspaceSetup setup = { "中共示例委员会", NULL, ZB_PROTECTION_PASSPHRASE };
  ZbApplication *app;
  ZbWindow *window;
  ZbRosterView *view;
  ZbMemberListModel *model;
  double c0, c1, t0, t1, rss_before, rss_open, rss_scrolled;
  guint fetches;

  /* The workspace is filled by a child process, so that the memory the fill
   * used is not counted as the window's. */
  if (argc == 3 && g_str_equal (argv[1], "--fill"))
    {
      secret = zb_secret_new_passphrase (PASSPHRASE);
      db = zb_database_create (argv[2], secret, &setup, &error);
      g_assert_no_error (error);
      t0 = now_ms ();
      g_assert_true (zb_member_demo_fill (db, n_members, 20, 7, &error));
      g_assert_no_error (error);
      printf ("# demo members: %u written in %.0f ms\n", n_members, now_ms () - t0);
      zb_database_close (db);
      return 0;
    }

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("bench-roster-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "bench.db", NULL);
  secret = zb_secret_new_passphrase (PASSPHRASE);
  {
    const char *fill_argv[] = { argv[0], "--fill", path, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)fill_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL,
                                 NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  zb_window_open_workspace (window, path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "roster");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_iterate_until_idle ();
  rss_before = rss_mib ();

  /* Unlocked (the key derivation is the unlock page's and not counted):
   * from the open workspace to the roster drawn on screen. */
  db = zb_database_open (path, secret, &error);
  g_assert_no_error (error);
  t0 = now_ms ();
  c0 = cpu_ms ();
  g_signal_emit_by_name (_zb_window_get_unlock_page (window), "unlocked", db);
  printf ("#   the window took the workspace: %.1f ms\n", now_ms () - t0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "roster");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  t1 = now_ms ();
  c1 = cpu_ms ();
  view = _zb_window_get_roster_view (window);
  model = _zb_roster_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_members);
  ui_test_iterate_until_idle ();
  rss_open = rss_mib ();
  printf ("# first screen of the roster after unlock: %.1f ms, %.1f ms of processor time (%u "
          "members, %u page reads)\n",
          t1 - t0, c1 - c0, n_members, zb_member_list_model_get_n_fetches (model));
  ui_test_save_screenshot (GTK_WIDGET (window), "bench-roster-100000");

  /* A jump to the middle, as dragging the scrollbar does. */
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
        gtk_widget_get_parent (GTK_WIDGET (_zb_roster_view_get_column_view (view))));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    fetches = zb_member_list_model_get_n_fetches (model);
    t0 = now_ms ();
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    t1 = now_ms ();
    printf ("# jump to the middle drawn: %.1f ms (%u page reads)\n", t1 - t0,
            zb_member_list_model_get_n_fetches (model) - fetches);
    ui_test_iterate_until_idle ();
    rss_scrolled = rss_mib ();
  }

  /* A search typed in the field (its own short delay before it runs is not
   * counted: the time from the query to the drawn result). */
  {
    GtkSearchEntry *entry = _zb_roster_view_get_search_entry (view);

    gtk_editable_set_text (GTK_EDITABLE (entry), "zhang");
    t0 = now_ms ();
    g_assert_true (ui_test_wait_for (searched, view, 10));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    t1 = now_ms ();
    printf ("# search “zhang” drawn (including the entry's %u ms delay): %.1f ms, %u found\n",
            gtk_search_entry_get_search_delay (entry), t1 - t0,
            g_list_model_get_n_items (G_LIST_MODEL (model)));
  }

  /* The organisation area counts each branch's and group's members. */
  t0 = now_ms ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "organisation");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  printf ("# organisation area drawn: %.1f ms\n", now_ms () - t0);

  printf ("# resident memory: %.1f MiB before unlocking, %.1f MiB with the roster open, "
          "%.1f MiB after the jump\n",
          rss_before, rss_open, rss_scrolled);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  zb_database_close (db);

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (tmpdir);
  }

  return 0;
}
