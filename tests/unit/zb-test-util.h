/* zb-test-util.h — small helpers shared by the core's unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "zb-database-private.h"

/* A path for a new file in the test's private temporary folder. */
static inline char *
zb_test_path (const char *name)
{
  const char *tmp = g_getenv ("ZB_TEST_TMPDIR");
  static guint counter;

  return g_strdup_printf ("%s/%u-%s", tmp ? tmp : g_get_tmp_dir (), ++counter, name);
}

static inline ZbDatabase *
zb_test_create_workspace (const char *path, const ZbSecret *secret, const char *org_name)
{
  ZbWorkspaceSetup setup = {
    .org_name = org_name ? org_name : "中共测试支部委员会",
    .superior_name = "中共测试党委",
    .protection = zb_secret_get_kind (secret) == ZB_SECRET_PASSPHRASE ? ZB_PROTECTION_PASSPHRASE
                                                                      : ZB_PROTECTION_KEYRING,
  };
  GError *error = NULL;
  ZbDatabase *db = zb_database_create (path, secret, &setup, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

/* SHA-256 of a file's bytes, or NULL when it does not exist. */
static inline char *
zb_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)contents, length);
}

static inline gboolean
zb_test_file_exists (const char *path, const char *suffix)
{
  g_autofree char *file = g_strconcat (path, suffix, NULL);

  return g_file_test (file, G_FILE_TEST_EXISTS);
}

/* The first column of the first row of @sql (a query or a pragma) on @db. */
static inline gint64
zb_test_query_int (ZbDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static inline char *
zb_test_query_text (ZbDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}
