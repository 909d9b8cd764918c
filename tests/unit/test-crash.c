/* test-crash.c — a writer killed with SIGKILL at random moments loses nothing it
 * reported as committed, and leaves a sound file and an unbroken audit chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-test-util.h"

#ifndef CRASH_WRITER
#error "CRASH_WRITER must name the crash-writer helper"
#endif

#define N_KILLS 100
/* the longest the writer runs, in milliseconds, after the chosen starting point */
#define MAX_RUN_MS 40

typedef struct
{
  guint kills;
  guint kills_before_first_commit;
  guint kills_after_first_commit;
  guint kills_leaving_journal; /* killed inside a large write */
  gint64 reported_rows;
  gint64 max_rows_in_run;
} Figures;

/* Complete lines only: a line without its newline was never fully reported. */
static GArray *
parse_reported (const char *out, gsize len)
{
  GArray *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  gsize start = 0;

  for (gsize i = 0; i < len; i++)
    {
      g_autofree char *line = NULL;
      gint64 seq;
      char *end = NULL;

      if (out[i] != '\n')
        continue;
      line = g_strndup (out + start, i - start);
      start = i + 1;
      seq = g_ascii_strtoll (line, &end, 10);
      g_assert_true (end != line && *end == '\0');
      g_array_append_val (seqs, seq);
    }
  return seqs;
}

static gboolean
row_exists (ZbDatabase *db, gint64 seq)
{
  sqlite3_stmt *stmt = NULL;
  gboolean exists;

  g_assert_cmpint (sqlite3_prepare_v2 (_zb_database_get_handle (db),
                                       "SELECT 1 FROM audit_log WHERE seq = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, seq);
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  return exists;
}

/* Whether @path is a journal SQLite would roll back: one whose header has
 * been completed. */
static gboolean
journal_is_hot (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 0 && contents[0] != 0;
}

/* Starts the writer, kills it, and returns what it printed before it died. When
 * @after_first_commit, the random delay starts once the writer has reported its
 * first row (so the kill lands in the middle of the writing however slow the
 * machine); otherwise it starts at once and the writer may not even have opened
 * the file. */
static GBytes *
run_and_kill (const char *path, const char *key_file, gboolean after_first_commit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) writer = NULL;
  g_autoptr (GByteArray) out = g_byte_array_new ();
  GInputStream *stdout_pipe;
  guint delay_ms = g_test_rand_int_range (0, MAX_RUN_MS + 1);
  guint8 buffer[4096];
  gssize n;

  writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, CRASH_WRITER, path, key_file,
                             NULL);
  g_assert_no_error (error);
  stdout_pipe = g_subprocess_get_stdout_pipe (writer);

  if (after_first_commit)
    {
      gboolean have_line = FALSE;

      /* blocks until the first line (or EOF, if the writer failed) */
      while (!have_line
             && (n = g_input_stream_read (stdout_pipe, buffer, sizeof buffer, NULL, &error)) > 0)
        {
          g_byte_array_append (out, buffer, n);
          have_line = memchr (buffer, '\n', n) != NULL;
        }
      g_assert_no_error (error);
    }

  g_usleep (delay_ms * G_TIME_SPAN_MILLISECOND);
  g_subprocess_send_signal (writer, SIGKILL);

  while ((n = g_input_stream_read (stdout_pipe, buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (out, buffer, n);
  g_assert_no_error (error);

  g_subprocess_wait (writer, NULL, &error);
  g_assert_no_error (error);
  /* it must die of our signal, not stop on an error of its own */
  g_assert_true (g_subprocess_get_if_signaled (writer));
  g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
test_crash_kill_writer (void)
{
  const char *tmpdir = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *key_file = NULL;
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };
  Figures figures = { 0 };
  gint64 rows = 0; /* rows known to be in the file after the last check */

  g_assert_nonnull (tmpdir);
  path = g_build_filename (tmpdir, "crash.db", NULL);
  journal = g_strconcat (path, "-journal", NULL);
  key_file = g_build_filename (tmpdir, "crash.key", NULL);

  secret = zb_secret_new_random_key (&error);
  g_assert_no_error (error);
  {
    char *hex = zb_secret_dup_hex (secret);

    g_file_set_contents_full (key_file, hex, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
    zb_secret_wipe_string (hex);
    g_assert_no_error (error);
  }

  {
    g_autoptr (ZbDatabase) db = zb_database_create (path, secret, &setup, &error);

    g_assert_no_error (error);
    g_assert_true (zb_audit_verify (db, &rows, NULL, &error));
    g_assert_no_error (error);
    zb_database_close (db);
  }

  for (guint run = 0; run < N_KILLS; run++)
    {
      gboolean after_first_commit = run % 2 == 1;
      g_autoptr (GBytes) out = run_and_kill (path, key_file, after_first_commit);
      gsize out_len = 0;
      const char *out_data = g_bytes_get_data (out, &out_len);
      g_autoptr (GArray) reported = parse_reported (out_data, out_len);
      g_autoptr (ZbDatabase) db = NULL;
      g_autofree char *mode = NULL;
      gint64 last_reported = rows;
      gint64 n_rows = -1;
      gint64 first_broken = -1;

      figures.kills++;
      if (reported->len == 0)
        figures.kills_before_first_commit++;
      else
        figures.kills_after_first_commit++;
      figures.reported_rows += reported->len;
      figures.max_rows_in_run = MAX (figures.max_rows_in_run, (gint64)reported->len);

      /* each run continues the numbering exactly where the file stood */
      for (guint i = 0; i < reported->len; i++)
        {
          gint64 seq = g_array_index (reported, gint64, i);

          g_assert_cmpint (seq, ==, last_reported + 1);
          last_reported = seq;
        }

      if (journal_is_hot (journal))
        figures.kills_leaving_journal++;
      db = zb_database_open (path, secret, &error);
      g_assert_no_error (error);
      /* a journal left by a large write was rolled back, or was never
       * completed (its header is written last, after the old pages, and begins
       * with a zero until then) and is ignored; the file is in WAL mode again */
      g_assert_false (journal_is_hot (journal));
      mode = zb_test_query_text (db, "PRAGMA journal_mode");
      g_assert_cmpstr (mode, ==, "wal");
      g_assert_true (zb_database_check_integrity (db, &error));
      g_assert_no_error (error);
      g_assert_true (zb_audit_verify (db, &n_rows, &first_broken, &error));
      g_assert_no_error (error);
      g_assert_cmpint (first_broken, ==, 0);

      /* every row reported as committed survived, and so did every earlier row;
       * at most the one row committed but not yet reported is extra */
      g_assert_cmpint (n_rows, >=, last_reported);
      g_assert_cmpint (n_rows, >=, rows);
      g_assert_cmpint (n_rows, <=, last_reported + 1);
      for (guint i = 0; i < reported->len; i++)
        g_assert_true (row_exists (db, g_array_index (reported, gint64, i)));

      rows = n_rows;
      zb_database_close (db);
    }

  g_test_message ("%u kills (%u before the first commit of their run, %u after, %u left a large "
                  "write to roll back), %" G_GINT64_FORMAT " rows reported, at most "
                  "%" G_GINT64_FORMAT " in one run, %" G_GINT64_FORMAT " rows in the end",
                  figures.kills, figures.kills_before_first_commit,
                  figures.kills_after_first_commit, figures.kills_leaving_journal,
                  figures.reported_rows, figures.max_rows_in_run, rows);

  /* the runs that waited for a first commit prove that the kills hit a writer
   * that was writing */
  g_assert_cmpuint (figures.kills_after_first_commit, >=, N_KILLS / 2);
  g_assert_cmpint (figures.reported_rows, >=, N_KILLS / 2);
  /* and some of them (a fifth, as a rule) inside a large write, with its
   * journal on the disk */
  g_assert_cmpuint (figures.kills_leaving_journal, >=, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash/kill-writer", test_crash_kill_writer);

  return g_test_run ();
}
