/* crash-writer.c — appends audit rows until it is killed (helper of test-crash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: crash-writer WORKSPACE KEY-FILE
 *
 * KEY-FILE holds the raw key as 64 hex digits. (A test helper only: the real
 * programs never take a key from a file or the command line.) After each COMMIT
 * the committed sequence number is written to stdout as one line, so the parent
 * knows which rows the database has promised to keep.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>

#include "zb-audit.h"
#include "zb-database-private.h"

/* Enough to keep writing for far longer than any run lasts, but a bound in case
 * the parent cannot kill us. */
#define MAX_ROWS 100000

static ZbSecret *
read_key (const char *key_file, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  ZbSecret *secret;

  if (!g_file_get_contents (key_file, &contents, &length, error))
    return NULL;
  g_strstrip (contents);
  secret = zb_secret_new_from_hex (contents, error);
  explicit_bzero (contents, length);
  return secret;
}

static gint64
committed_seq (ZbDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, "SELECT last_seq FROM audit_head", error);
  gint64 seq = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    seq = sqlite3_column_int64 (stmt, 0);
  else
    _zb_database_set_error (db, error);
  sqlite3_reset (stmt);
  return seq;
}

/* A JSON document of a random size, so that some commits touch several pages. */
static char *
make_payload (guint i)
{
  gsize pad = g_random_int_range (0, 6000);
  g_autofree char *filler = g_strnfill (pad, 'x');

  return g_strdup_printf ("{\"i\":%u,\"note\":\"支部%s\"}", i, filler);
}

/* One row in a transaction opened here: the path the app takes when a change and
 * its audit row are written together. */
static gboolean
append_in_caller_transaction (ZbDatabase *db, guint i, gint64 *seq, GError **error)
{
  g_autofree char *after = make_payload (i);
  g_autofree char *uuid = _zb_new_uuid ();

  if (!_zb_database_begin (db, error))
    return FALSE;
  if (!zb_audit_append (db, "update", "member", uuid, "{\"i\":0}", after, error)
      || (*seq = committed_seq (db, error)) < 0)
    {
      _zb_database_rollback (db);
      return FALSE;
    }
  return _zb_database_commit (db, error);
}

/* One row in a large write (_zb_database_begin_large()), as an import of
 * thousands of members makes: the connection leaves WAL for a rollback
 * journal and comes back after, so a kill can land before, inside or after
 * either switch, or with a journal on the disk. */
static gboolean
append_in_large_write (ZbDatabase *db, guint i, gint64 *seq, GError **error)
{
  g_autofree char *after = make_payload (i);
  g_autofree char *uuid = _zb_new_uuid ();
  gboolean ok;

  if (!_zb_database_begin_large (db, error))
    return FALSE;
  ok = zb_audit_append (db, "update", "member", uuid, "{\"i\":0}", after, error)
       && (*seq = committed_seq (db, error)) >= 0 && _zb_database_commit (db, error);
  if (!ok)
    _zb_database_rollback (db);
  _zb_database_end_large (db, FALSE);
  return ok;
}

/* One row in the transaction zb_audit_append opens itself. */
static gboolean
append_on_its_own (ZbDatabase *db, guint i, gint64 *seq, GError **error)
{
  g_autofree char *after = make_payload (i);

  if (!zb_audit_append (db, "print", "roster", NULL, NULL, after, error))
    return FALSE;
  *seq = committed_seq (db, error);
  return *seq >= 0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;

  /* never outlive the test that started us */
  prctl (PR_SET_PDEATHSIG, SIGKILL);

  if (argc != 3)
    {
      g_printerr ("usage: %s WORKSPACE KEY-FILE\n", argv[0]);
      return 2;
    }

  setvbuf (stdout, NULL, _IOLBF, 0);

  secret = read_key (argv[2], &error);
  if (secret == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  db = zb_database_open (argv[1], secret, &error);
  if (db == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < MAX_ROWS; i++)
    {
      gint64 seq = -1;
      gboolean ok;

      if (i % 3 == 0)
        ok = append_in_caller_transaction (db, i, &seq, &error);
      else if (i % 3 == 1)
        ok = append_on_its_own (db, i, &seq, &error);
      else
        ok = append_in_large_write (db, i, &seq, &error);

      if (!ok)
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }

      /* only now is the row durable: report it */
      printf ("%" G_GINT64_FORMAT "\n", seq);
      fflush (stdout);
    }

  zb_database_close (db);
  return 0;
}
