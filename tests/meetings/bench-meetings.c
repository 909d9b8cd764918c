/* bench-meetings.c — figures for 三会一课 at the size of a 党委
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Creates a workspace with ZB_BENCH_BRANCHES branches (default 20) of about 45
 * demo members each, a committee of five per branch, and a year of the
 * required meetings per branch (12 支委会, 12 党小组会 per group, 4 党员大会,
 * 12 主题党日, 4 党课, 1 组织生活会, 1 民主评议: about 100), each with
 * attendance frozen from the roster, two topics and a resolution. Prints the
 * time per meeting written, and of the reads the UI and the warnings will
 * make: a branch's year, the whole year, one meeting in full, the roster on
 * a date, the open resolutions. Figures only: nothing here asserts on time.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-meeting-repo.h"
#include "zb-member-demo.h"
#include "zb-org-repo.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The best of three runs of @stmt, in @ms. */
#define BEST_OF_3(ms, stmt)                                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    ms = G_MAXDOUBLE;                                                                              \
    for (int run_ = 0; run_ < 3; run_++)                                                           \
      {                                                                                            \
        double t0_ = now_ms ();                                                                    \
        stmt;                                                                                      \
        ms = MIN (ms, now_ms () - t0_);                                                            \
      }                                                                                            \
  }                                                                                                \
  G_STMT_END

static ZbMeetingRecord *
meeting_of (ZbMeetingRepo *repo, ZbMeetingKind kind, gint64 branch_id, gint64 group_id, guint month,
            guint day, guint serial)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", month, day);
  ZbMeetingRecord *m = zb_meeting_record_new (kind, date);

  m->branch_id = branch_id;
  m->group_id = group_id;
  m->start_time = g_strdup ("14:30");
  m->end_time = g_strdup ("16:00");
  m->place = g_strdup ("党员活动室");
  m->title = g_strdup_printf ("%s（%u）", zb_meeting_kind_get_label (kind), serial);
  if (!zb_meeting_repo_fill_expected (repo, m, &error))
    g_error ("%s", error->message);
  /* most came, one in seven on leave */
  for (guint i = 0; i < m->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (m->attendees, i);

      if ((i + serial) % 7 == 0)
        {
          a->role = ZB_ATTENDANCE_LEAVE;
          a->leave_reason = g_strdup ("出差");
        }
      else
        a->role = ZB_ATTENDANCE_PRESENT;
    }
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("传达学习上级会议精神"));
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("研究本月工作"));
  ((ZbMeetingTopic *)g_ptr_array_index (m->topics, 0))->minutes
      = g_strdup ("书记传达了上级会议精神，与会党员结合实际进行了讨论。");
  g_ptr_array_add (m->resolutions, zb_meeting_resolution_new ("按时报送工作总结", 0, NULL));
  return m;
}

int
main (int argc, char **argv)
{
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  const char *branches_env = g_getenv ("ZB_BENCH_BRANCHES");
  guint n_branches = branches_env != NULL ? (guint)atoi (branches_env) : 20;
  g_autofree char *path = NULL;
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbMeetingRepo) repo = NULL;
  g_autoptr (GPtrArray) units = NULL;
  g_autoptr (GArray) branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autofree char *some_uuid = NULL;
  ZbWorkspaceSetup setup = { "中共测试委员会", NULL, ZB_PROTECTION_KEYRING };
  guint n_meetings = 0, n_attendees = 0;
  double t0, write_ms, ms;
  gint64 n_members;

  setlocale (LC_ALL, "C.UTF-8");
  if (tmpdir == NULL)
    tmpdir = g_get_tmp_dir ();
  n_branches = CLAMP (n_branches, 1, 1000);
  path = g_build_filename (tmpdir, "bench-meetings.db", NULL);
  g_unlink (path);
  key = zb_secret_new_random_key (&error);
  db = zb_database_create (path, key, &setup, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  if (!zb_member_demo_fill (db, n_branches * 45, n_branches, 2025, &error))
    g_error ("%s", error->message);
  org = zb_org_repo_new (db);
  repo = zb_meeting_repo_new (db);

  units = zb_org_repo_list_units (org, FALSE, &error);
  for (guint i = 0; i < units->len; i++)
    {
      const ZbOrgUnit *unit = g_ptr_array_index (units, i);

      if (unit->kind == ZB_ORG_UNIT_BRANCH)
        g_array_append_val (branch_ids, unit->id);
    }

  /* A committee of five per branch, in office all year. */
  for (guint b = 0; b < branch_ids->len; b++)
    {
      gint64 branch_id = g_array_index (branch_ids, gint64, b);
      g_autoptr (GPtrArray) roster
          = zb_meeting_repo_roster_on (repo, ZB_MEETING_GENERAL, branch_id, 0, "2025-01-01", NULL);
      g_autoptr (ZbCommitteeTerm) term
          = zb_org_repo_add_term (org, branch_id, "2023-06-01", "2026-06-01", &error);

      for (guint i = 0; i < MIN (5, roster->len); i++)
        {
          g_autoptr (ZbPartyPost) post = zb_org_repo_add_post (
              org, ((ZbMeetingAttendee *)g_ptr_array_index (roster, i))->member_id, branch_id,
              term->id, i == 0 ? ZB_POST_SECRETARY : ZB_POST_COMMITTEE_MEMBER, "2023-06-01", NULL,
              &error);

          if (post == NULL)
            g_error ("%s", error->message);
        }
    }

  t0 = now_ms ();
  for (guint b = 0; b < branch_ids->len; b++)
    {
      gint64 branch_id = g_array_index (branch_ids, gint64, b);
      g_autoptr (GPtrArray) groups = zb_org_repo_list_children (org, branch_id, &error);
      guint serial = 0;

      for (guint month = 1; month <= 12; month++)
        {
          g_autoptr (GPtrArray) of_month
              = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_record_free);

          g_ptr_array_add (
              of_month, meeting_of (repo, ZB_MEETING_COMMITTEE, branch_id, 0, month, 5, ++serial));
          g_ptr_array_add (
              of_month, meeting_of (repo, ZB_MEETING_THEME_DAY, branch_id, 0, month, 15, ++serial));
          for (guint g = 0; g < groups->len; g++)
            g_ptr_array_add (of_month, meeting_of (repo, ZB_MEETING_GROUP, branch_id,
                                                   ((ZbOrgUnit *)g_ptr_array_index (groups, g))->id,
                                                   month, 10 + g, ++serial));
          if (month % 3 == 0)
            {
              g_ptr_array_add (of_month, meeting_of (repo, ZB_MEETING_GENERAL, branch_id, 0, month,
                                                     20, ++serial));
              g_ptr_array_add (of_month, meeting_of (repo, ZB_MEETING_LESSON, branch_id, 0, month,
                                                     20, ++serial));
            }
          if (month == 12)
            {
              g_ptr_array_add (
                  of_month, meeting_of (repo, ZB_MEETING_LIFE, branch_id, 0, month, 25, ++serial));
              g_ptr_array_add (of_month, meeting_of (repo, ZB_MEETING_APPRAISAL, branch_id, 0,
                                                     month, 26, ++serial));
            }
          for (guint i = 0; i < of_month->len; i++)
            {
              ZbMeetingRecord *m = g_ptr_array_index (of_month, i);

              if (!zb_meeting_repo_create (repo, m, &error))
                g_error ("%s", error->message);
              n_meetings++;
              n_attendees += m->attendees->len;
              if (some_uuid == NULL && m->kind == ZB_MEETING_GENERAL)
                some_uuid = g_strdup (m->uuid);
            }
        }
    }
  write_ms = now_ms () - t0;
  {
    sqlite3_stmt *stmt = _zb_database_prepare (db, "SELECT count(*) FROM member", NULL);

    sqlite3_step (stmt);
    n_members = sqlite3_column_int64 (stmt, 0);
    sqlite3_reset (stmt);
  }

  g_print ("# %u branches, %" G_GINT64_FORMAT " members, %u meetings, %u attendance rows\n",
           branch_ids->len, n_members, n_meetings, n_attendees);
  g_print ("# write: %.0f ms in all, %.2f ms a meeting (roster on the date, attendance, "
           "2 topics, 1 resolution, audit row, one transaction each)\n",
           write_ms, write_ms / MAX (n_meetings, 1));

  {
    ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
    guint n = 0;

    query.year = 2025;
    query.branch_id = g_array_index (branch_ids, gint64, 0);
    BEST_OF_3 (ms, {
      g_autoptr (GPtrArray) list = zb_meeting_repo_list (repo, &query, NULL);
      n = list->len;
    });
    g_print ("# list a branch's year (%u meetings, with figures): %.2f ms\n", n, ms);

    query.branch_id = 0;
    BEST_OF_3 (ms, {
      g_autoptr (GPtrArray) list = zb_meeting_repo_list (repo, &query, NULL);
      n = list->len;
    });
    g_print ("# list the whole year (%u meetings): %.2f ms\n", n, ms);
  }
  {
    guint n = 0;

    BEST_OF_3 (ms, {
      g_autoptr (ZbMeetingRecord) m = zb_meeting_repo_get (repo, some_uuid, NULL);
      n = m->attendees->len;
    });
    g_print ("# load one 党员大会 in full (%u attendees): %.2f ms\n", n, ms);
  }
  BEST_OF_3 (ms, {
    g_autoptr (GPtrArray) roster = zb_meeting_repo_roster_on (
        repo, ZB_MEETING_GENERAL, g_array_index (branch_ids, gint64, 0), 0, "2025-06-30", NULL);
  });
  g_print ("# the roster of a branch on a date: %.2f ms\n", ms);
  {
    guint n = 0;

    BEST_OF_3 (ms, {
      g_autoptr (GPtrArray) open = zb_meeting_repo_list_open_resolutions (repo, 0, NULL);
      n = open->len;
    });
    g_print ("# open resolutions of every branch (%u): %.2f ms\n", n, ms);
  }
  t0 = now_ms ();
  if (!zb_audit_verify (db, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_print ("# verify the audit chain: %.0f ms\n", now_ms () - t0);

  zb_database_close (db);
  g_unlink (path);
  return 0;
}
