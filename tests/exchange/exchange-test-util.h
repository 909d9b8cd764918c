/* exchange-test-util.h — helpers shared by the exchange tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "zb-database.h"
#include "zb-id-number.h"
#include "zb-csv-reader.h"
#include "zb-sheet.h"

/* A valid ID number from its first 17 digits. */
static inline char *
ex_id_number (const char *first17)
{
  char check = zb_id_number_check_char (first17);

  g_assert_cmpint (check, !=, 0);
  return g_strdup_printf ("%s%c", first17, check);
}

/* A path in the test's private temporary folder. */
static inline char *
ex_path (const char *name)
{
  static guint counter;
  const char *tmp = g_getenv ("ZB_TEST_TMPDIR");

  g_assert_nonnull (tmp);
  return g_strdup_printf ("%s/%u-%s", tmp, ++counter, name);
}

static inline char *
ex_write_file (const char *name, const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;
  char *path = ex_path (name);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  return path;
}

static inline char *
ex_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "exchange", "fixtures", name, NULL);
}

/* The text of the cell, or NULL when empty. */
static inline const char *
ex_cell (ZbSheet *sheet, guint row, guint column)
{
  const ZbCell *cell = zb_sheet_get_cell (sheet, row, column);

  return cell != NULL ? cell->text : NULL;
}

static inline ZbCellKind
ex_cell_kind (ZbSheet *sheet, guint row, guint column)
{
  const ZbCell *cell = zb_sheet_get_cell (sheet, row, column);

  g_assert_nonnull (cell);
  return (ZbCellKind)cell->kind;
}

/* A new passphrase-protected workspace. */
static inline ZbDatabase *
ex_create_workspace (char **path_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path ("workspace.db");
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase ("exchange test 口令");
  ZbWorkspaceSetup setup = { "中共测试支部委员会", "中共测试党委", ZB_PROTECTION_PASSPHRASE };
  ZbDatabase *db = zb_database_create (path, secret, &setup, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return db;
}

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-import-batch.h"
#include "zb-importer.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

typedef struct
{
  char *path;
  ZbDatabase *db;
  ZbMemberRepo *repo;
  ZbOrgRepo *org;
} ExFixture;

static inline void
ex_fixture_set_up (ExFixture *f, gconstpointer data)
{
  f->db = ex_create_workspace (&f->path);
  f->repo = zb_member_repo_new (f->db);
  f->org = zb_org_repo_new (f->db);
}

static inline void
ex_fixture_tear_down (ExFixture *f, gconstpointer data)
{
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&f->repo);
  g_clear_object (&f->org);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_clear_pointer (&f->path, g_free);
}

static inline gint64
ex_count_members (ExFixture *f)
{
  g_autoptr (GError) error = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  gint64 n = zb_member_repo_count (f->repo, &query, &error);

  g_assert_no_error (error);
  return n;
}

/* One integer from SQL without parameters on @db (tests only). */
static inline gint64
ex_db_query_int (ZbDatabase *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt = _zb_database_prepare (db, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The same on the fixture's workspace. */
static inline gint64
ex_query_int (ExFixture *f, const char *sql)
{
  return ex_db_query_int (f->db, sql);
}

/* The active member with @id_number. */
static inline ZbMemberRecord *
ex_member_by_id (ExFixture *f, const char *id_number)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  ZbMemberRecord *record;

  g_assert_true (zb_member_repo_lookup_id_number (f->repo, id_number, &uuid, &error));
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  record = zb_member_repo_get (f->repo, uuid, &error);
  g_assert_no_error (error);
  return record;
}

/* Runs an import of CSV @text. */
static inline ZbImportReport *
ex_import_csv (ExFixture *f, const char *text, ZbImportFlags flags, gint64 branch_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_csv_read_data (text, strlen (text), NULL, &error);
  g_autoptr (ZbImporter) importer = NULL;
  ZbImportReport *report;

  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, "test.csv");
  zb_importer_set_branch (importer, branch_id);
  report = zb_importer_run (importer, flags, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      g_test_message ("record %u row %u %s: %s", p->record, p->row, p->code, p->message);
    }
  return report;
}

/* Whether the report holds @code for @record. */
static inline gboolean
ex_has_problem (const ZbImportReport *report, guint record, const char *code)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      if (p->record == record && g_strcmp0 (p->code, code) == 0)
        return TRUE;
    }
  return FALSE;
}
