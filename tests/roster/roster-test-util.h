/* roster-test-util.h — workspaces and members for the roster tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-id-number.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

typedef struct
{
  char *path;
  ZbSecret *secret;
  ZbDatabase *db;
  ZbMemberRepo *repo;
  ZbOrgRepo *org;
} RosterFixture;

static inline void
roster_fixture_set_up (RosterFixture *f, gconstpointer data)
{
  static guint counter;
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };

  g_assert_nonnull (tmpdir);
  name = g_strdup_printf ("roster-%u.db", counter++);
  f->path = g_build_filename (tmpdir, name, NULL);
  f->secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  f->db = zb_database_create (f->path, f->secret, &setup, &error);
  g_assert_no_error (error);
  f->repo = zb_member_repo_new (f->db);
  f->org = zb_org_repo_new (f->db);
}

static inline void
roster_fixture_tear_down (RosterFixture *f, gconstpointer data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->repo);
  g_clear_object (&f->org);
  if (f->db != NULL)
    zb_database_close (f->db);
  g_clear_object (&f->db);
  g_clear_pointer (&f->secret, zb_secret_free);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_clear_pointer (&f->path, g_free);
}

/* A valid ID number for @birth ("YYYYMMDD") with sequence @seq (its parity is
 * the gender: odd male). */
static inline char *
roster_id_number (const char *area, const char *birth, int seq)
{
  char digits[19];

  g_snprintf (digits, sizeof digits, "%s%s%03d", area, birth, seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  return g_strdup (digits);
}

/* A full member with a valid ID number and plausible dates. */
static inline ZbMemberRecord *
roster_record (const char *name, const char *birth_yyyymmdd, int seq)
{
  ZbMemberRecord *r = zb_member_record_new ();
  int year = atoi (birth_yyyymmdd) / 10000;

  r->name = g_strdup (name);
  r->id_number = roster_id_number ("110105", birth_yyyymmdd, seq);
  r->joined_date = g_strdup_printf ("%04d-07-01", year + 25);
  r->full_date = g_strdup_printf ("%04d-07-01", year + 26);
  r->category = ZB_CATEGORY_FULL;
  return r;
}

static inline ZbMemberRecord *
roster_insert (RosterFixture *f, ZbMemberRecord *record)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_member_repo_insert (f->repo, record, &error));
  g_assert_no_error (error);
  return record;
}

static inline gint64
roster_count_rows (RosterFixture *f, const char *sql)
{
  sqlite3_stmt *stmt = _zb_database_prepare (f->db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static inline void
roster_test_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
}
