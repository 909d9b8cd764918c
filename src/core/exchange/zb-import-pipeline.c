/* zb-import-pipeline.c — checking the records of an import while writing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import reads and checks every record, then writes those without problems
 * as one batch, in one transaction. The two halves take about the same time
 * for a big roster, and the writes need only the records checked before them:
 * so the checks run on a thread of their own and hand the writer the records
 * in runs, while the writer (the calling thread, which owns the transaction)
 * writes the runs it has.
 *
 * The writes run ahead of the last word on each record. A record is written
 * when its own checks found nothing; two things can still reject it later:
 *  - a later record with the same ID number (both are reported), and
 *  - any problem at all, when the file is all or nothing (no "import the valid
 *    records").
 * In the second case nothing is kept anyway (the caller rolls back) and the
 * writer stops writing at the first problem. In the first, the writes go back
 * to a savepoint taken before them, and the valid records are written again
 * in order, as if the checks had come first. Either way the workspace ends up
 * exactly as with checks first and writes after: the same rows with the same
 * row ids, the same batch, the same audit row.
 *
 * Both threads use the one database connection (it holds the transaction):
 * the writer holds ctx->db_lock while it writes a run, and the checks take it
 * for their few look-ups (branches and groups by name, ID numbers already on
 * the roster).
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-import-batch-private.h"
#include "zb-import-private.h"

/* The checks hand over records in runs of this many (one record at a time at
 * first, so that small files go through the same paths as big ones). */
#define RUN_LENGTH 256
#define FIRST_SINGLE_RECORDS 32

/* From this many rows on, the ID numbers of the roster are read at once
 * rather than looked up record by record under the lock the writes hold. */
#define LOAD_ROSTER_RECORDS 2000

/* The message that says the checks are over, and the one that says the
 * writes beside them are. */
#define END_OF_CHECKS G_MAXUINT
#define END_OF_WRITES G_MAXUINT

static const char SQL_SAVEPOINT[] = "SAVEPOINT zb_import_writes";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO zb_import_writes";
static const char SQL_RELEASE[] = "RELEASE zb_import_writes";

typedef struct
{
  ZbImportContext *ctx;
  ZbImportDuplicates check;
  GCancellable *cancellable;
  GPtrArray *problems; /* the report's */

  /* One slot per possible record (every row of the sheet after the header),
   * made before the checks start so that the arrays never move while the
   * writer reads them. */
  guint n_slots;
  ZbMemberRecord **records;
  /* the keys of each clean record's name, made here for the writer (some
   * microseconds of ICU a name, a fifth of the writer's time otherwise) */
  ZbMemberNameKeys **keys;
  guint8 *clean; /* no problem was found when the record was checked */

  /* NULL when the checks run alone (a dry run): progress is reported then. */
  GAsyncQueue *queue;
  ZbImportProgress *progress;

  /* What the writer is done with comes back here to be freed, by the thread
   * that made it: freeing it on the writer, where everything waits, cost the
   * writer a twentieth of its time, most of it in the allocator's lock of
   * the checks' arena. The writer sends how many slots it has passed, and
   * END_OF_WRITES; NULL without a thread of the checks. All or nothing, the
   * records go with their keys (a record once written is never written
   * again, see write_after_checks()). */
  GAsyncQueue *written;
  gboolean free_records;
  guint n_freed;        /* the checks thread's */
  gboolean writes_over; /* the checks thread's: END_OF_WRITES came */

  gint stop;        /* atomic: the writer gave up, the checks may stop */
  gint any_problem; /* atomic: some record has a problem */

  /* Read by the writer only after the checks ended. */
  guint n_records;
  gboolean late; /* a record handed over was rejected afterwards */
  GError *error;
} Checks;

static void
checks_clear (Checks *c)
{
  for (guint i = 0; i < c->n_slots; i++)
    {
      g_clear_pointer (&c->records[i], zb_member_record_free);
      g_clear_pointer (&c->keys[i], zb_member_name_keys_free);
    }
  g_clear_pointer (&c->records, g_free);
  g_clear_pointer (&c->keys, g_free);
  g_clear_pointer (&c->clean, g_free);
  g_clear_pointer (&c->queue, g_async_queue_unref);
  g_clear_pointer (&c->written, g_async_queue_unref);
  g_clear_error (&c->error);
  _zb_import_duplicates_clear (&c->check);
}

static void
hand_over (Checks *c, guint n_checked)
{
  g_async_queue_push (c->queue, GUINT_TO_POINTER (n_checked));
}

/* Frees what the writer has passed, as far as it said (@wait: until it says
 * it is done). On the checks' thread. */
static void
free_written (Checks *c, gboolean wait)
{
  /* (the writer gives up early on an error or a cancellation) */
  while (!c->writes_over)
    {
      gpointer message = wait ? g_async_queue_pop (c->written) : g_async_queue_try_pop (c->written);
      guint upto;

      if (message == NULL)
        return;
      upto = GPOINTER_TO_UINT (message) == END_OF_WRITES ? c->n_slots : GPOINTER_TO_UINT (message);
      for (; c->n_freed < upto; c->n_freed++)
        {
          g_clear_pointer (&c->keys[c->n_freed], zb_member_name_keys_free);
          if (c->free_records)
            g_clear_pointer (&c->records[c->n_freed], zb_member_record_free);
        }
      c->writes_over = GPOINTER_TO_UINT (message) == END_OF_WRITES;
    }
}

/* Reads and checks every record: on the checks' thread, or in the calling
 * thread for a dry run. Sets c->n_records, or c->error. */
static void
run_checks (Checks *c)
{
  ZbImportContext *ctx = c->ctx;
  guint n_rows = zb_sheet_get_n_rows (ctx->sheet);
  guint record_number = 0, handed = 0;
  ZbImportClock clock;

  _zb_import_clock_start (&clock);
  for (guint row = ctx->first_data_row; row < n_rows; row++)
    {
      ZbMemberRecord *record;
      guint first_problem = c->problems->len;
      gboolean clean = TRUE;
      guint file_row;

      if (_zb_import_row_is_blank (ctx, row))
        continue;
      record_number++;

      if ((record_number & 0x3FF) == 0
          && (g_atomic_int_get (&c->stop)
              || g_cancellable_set_error_if_cancelled (c->cancellable, &c->error)))
        break;

      file_row = zb_sheet_get_row_number (ctx->sheet, row);
      record = _zb_import_read_record (ctx, row, record_number, c->problems, &c->error);
      if (record == NULL)
        break;
      c->records[record_number - 1] = record;
      if (!_zb_import_check_duplicates (ctx, &c->check, record, record_number, file_row,
                                        c->problems, &c->error))
        break;

      /* the problems of this record, and those of an earlier one that it
       * turns out to duplicate */
      for (guint i = first_problem; i < c->problems->len; i++)
        {
          const ZbImportProblem *problem = c->problems->pdata[i];

          if (problem->record == record_number)
            clean = FALSE;
          else
            c->late = TRUE;
        }
      c->clean[record_number - 1] = clean;
      if (!clean)
        g_atomic_int_set (&c->any_problem, 1);
      else if (c->queue != NULL)
        {
          /* things less for the writer, which waits for nothing else */
          if (record->uuid == NULL)
            record->uuid = _zb_new_uuid ();
          c->keys[record_number - 1] = zb_member_name_keys_new (record->name);
        }

      if (c->queue == NULL)
        _zb_import_progress_report (c->progress, 0.5 * row / MAX (n_rows, 1));
      else if (record_number <= FIRST_SINGLE_RECORDS || record_number - handed >= RUN_LENGTH)
        {
          hand_over (c, record_number);
          handed = record_number;
          if (c->written != NULL)
            free_written (c, FALSE);
        }
    }

  c->n_records = record_number;
  _zb_import_clock_lap (&clock, "records read and checked");
  if (c->queue != NULL)
    hand_over (c, END_OF_CHECKS);
  if (c->written != NULL)
    free_written (c, TRUE);
}

static gpointer
checks_thread (gpointer data)
{
  run_checks (data);
  return NULL;
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const ZbImportProblem *pa = *(ZbImportProblem *const *)a;
  const ZbImportProblem *pb = *(ZbImportProblem *const *)b;

  if (pa->record != pb->record)
    return pa->record < pb->record ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

/* The counts of @report from its problems; @rejected (n_records bytes) is set
 * for each record with one. */
static void
count_rejected (ZbImportReport *report, guint n_records, guint8 *rejected)
{
  report->n_records = n_records;
  memset (rejected, 0, n_records);
  /* stable: the problems of one cell stay in the order they were found */
  g_ptr_array_sort (report->problems, compare_problems);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *problem = report->problems->pdata[i];

      if (!rejected[problem->record - 1])
        report->n_rejected++;
      rejected[problem->record - 1] = TRUE;
    }
  report->n_valid = report->n_records - report->n_rejected;
}

/* Writing ---------------------------------------------------------------------- */

typedef struct
{
  ZbMemberRepo *repo;
  ZbDatabase *db;
  gint64 batch_id;
  char *batch_uuid;
  guint written;
} Writer;

static gboolean
writer_begin (Writer *w, const char *file_name, guint n_records, guint expected, GError **error)
{
  if (!_zb_import_batch_insert (w->db, "members", file_name, n_records, &w->batch_id,
                                &w->batch_uuid, error))
    return FALSE;
  /* Thousands of rows: the roster's order and search indexes are set aside and
   * built once at the end, several times faster than row by row. */
  return zb_member_repo_bulk_begin (w->repo, expected, error);
}

/* Writes record @i of the checks. */
static gboolean
writer_insert (Writer *w, Checks *c, guint i, GError **error)
{
  /* checked already, with the rules of the same day */
  if (!zb_member_repo_insert_keyed_in_transaction (
          w->repo, c->records[i], c->keys[i], w->batch_id,
          ZB_MEMBER_WRITE_NO_AUDIT | ZB_MEMBER_WRITE_NO_VALIDATE | ZB_MEMBER_WRITE_NORMALIZED,
          error))
    return FALSE;
  w->written++;
  return TRUE;
}

/* Builds the indexes set aside and appends the batch's audit row. */
static gboolean
writer_end (Writer *w, const char *file_name, ZbImportReport *report, ZbImportProgress *progress,
            GError **error)
{
  g_autofree char *audit = NULL;
  ZbImportClock clock;

  _zb_import_progress_report (progress, ZB_IMPORT_PROGRESS_ROWS);
  _zb_import_clock_start (&clock);
  if (!zb_member_repo_bulk_end (w->repo, error))
    return FALSE;
  _zb_import_clock_lap (&clock, "indexes built");
  _zb_import_progress_report (progress, ZB_IMPORT_PROGRESS_INDEXES);

  audit = _zb_import_audit_json (file_name, w->batch_uuid, report);
  if (!zb_audit_append (w->db, "import", "import_batch", w->batch_uuid, NULL, audit, error))
    return FALSE;

  report->n_written = w->written;
  report->batch_uuid = g_steal_pointer (&w->batch_uuid);
  return TRUE;
}

/* Writes the records without problems one after the other, after the checks:
 * for the rare import where the writes beside the checks had to be undone. */
static gboolean
write_after_checks (ZbMemberRepo *repo, const char *file_name, Checks *c, const guint8 *rejected,
                    ZbImportReport *report, GCancellable *cancellable, ZbImportProgress *progress,
                    GError **error)
{
  Writer w = { repo, zb_member_repo_get_database (repo), 0, NULL, 0 };
  gboolean ok = writer_begin (&w, file_name, report->n_valid, report->n_valid, error);

  for (guint i = 0; ok && i < c->n_records; i++)
    {
      if (rejected[i])
        continue;
      if ((w.written & 0x3FF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = writer_insert (&w, c, i, error);
      _zb_import_progress_report (
          progress, ZB_IMPORT_PROGRESS_ROWS * (0.5 + 0.5 * w.written / MAX (report->n_valid, 1)));
    }
  ok = ok && writer_end (&w, file_name, report, progress, error);
  if (!ok)
    zb_member_repo_bulk_abandon (repo);
  g_free (w.batch_uuid);
  return ok;
}

/* Writes the records as the checks hand them over. Returns FALSE on a
 * database error or cancellation; the checks are over when it returns. */
static gboolean
write_beside_checks (Writer *w, Checks *c, GThread *thread, gboolean all_or_nothing,
                     GCancellable *cancellable, ZbImportProgress *progress, GError **error)
{
  GMutex *lock = c->ctx->db_lock;
  gboolean writing = TRUE;
  gboolean ok = TRUE;
  guint next = 0;

  while (ok)
    {
      guint upto = GPOINTER_TO_UINT (g_async_queue_pop (c->queue));
      gboolean end = upto == END_OF_CHECKS;

      if (end)
        upto = c->n_records;
      /* a file with a problem writes nothing unless told to */
      if (all_or_nothing && g_atomic_int_get (&c->any_problem))
        writing = FALSE;

      g_mutex_lock (lock);
      for (; ok && next < upto; next++)
        {
          if (!writing || !c->clean[next])
            continue;
          if ((w->written & 0x3FF) == 0
              && g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else
            ok = writer_insert (w, c, next, error);
          _zb_import_progress_report (progress, ZB_IMPORT_PROGRESS_ROWS * 0.5 * (upto + w->written)
                                                    / MAX (c->n_slots, 1));
        }
      g_mutex_unlock (lock);
      if (c->written != NULL && !end)
        g_async_queue_push (c->written, GUINT_TO_POINTER (MAX (next, 1)));

      if (end)
        break;
    }

  if (!ok)
    g_atomic_int_set (&c->stop, 1);
  if (c->written != NULL)
    g_async_queue_push (c->written, GUINT_TO_POINTER (END_OF_WRITES));
  if (thread != NULL)
    g_thread_join (thread);
  return ok;
}

/* Whether the records written beside the checks are exactly the valid ones. */
static gboolean
wrote_the_valid (const Checks *c, const guint8 *rejected)
{
  if (!c->late)
    return TRUE;
  for (guint i = 0; i < c->n_records; i++)
    if (c->clean[i] && rejected[i])
      return FALSE;
  return TRUE;
}

ZbImportReport *
_zb_import_check_and_write (ZbImportContext *ctx, ZbMemberRepo *repo, const char *file_name,
                            ZbImportFlags flags, GCancellable *cancellable,
                            ZbImportProgress *progress, gboolean *write, GError **error)
{
  g_autoptr (ZbImportReport) report = _zb_import_report_new ();
  g_autofree guint8 *rejected = NULL;
  ZbDatabase *db = zb_member_repo_get_database (repo);
  guint n_rows = zb_sheet_get_n_rows (ctx->sheet);
  gboolean dry_run = (flags & ZB_IMPORT_DRY_RUN) != 0;
  gboolean accept_valid = (flags & ZB_IMPORT_ACCEPT_VALID) != 0;
  Checks c = { 0 };
  Writer w = { repo, db, 0, NULL, 0 };
  GMutex lock;
  GThread *thread = NULL;
  ZbImportReport *result = NULL;
  ZbImportClock clock;

  *write = FALSE;
  c.ctx = ctx;
  c.cancellable = cancellable;
  c.problems = report->problems;
  c.progress = progress;
  c.n_slots = n_rows > ctx->first_data_row ? n_rows - ctx->first_data_row : 0;
  c.records = g_new0 (ZbMemberRecord *, MAX (c.n_slots, 1));
  c.keys = g_new0 (ZbMemberNameKeys *, MAX (c.n_slots, 1));
  c.clean = g_new0 (guint8, MAX (c.n_slots, 1));
  g_mutex_init (&lock);
  _zb_import_clock_start (&clock);
  if (!_zb_import_duplicates_init (repo, &c.check, error))
    goto out;
  if (c.n_slots >= LOAD_ROSTER_RECORDS && c.check.roster_has_ids)
    {
      if (!_zb_import_duplicates_load_roster (&c.check, error))
        goto out;
      _zb_import_clock_lap (&clock, "ID numbers of the roster read");
    }

  _zb_import_clock_start (&clock);
  if (dry_run)
    run_checks (&c);
  else
    {
      /* the batch's count of records is known at the end */
      if (!_zb_database_exec (db, SQL_SAVEPOINT, error)
          || !writer_begin (&w, file_name, c.n_slots, c.n_slots, error))
        {
          zb_member_repo_bulk_abandon (repo);
          goto out;
        }
      ctx->db_lock = &lock;
      c.queue = g_async_queue_new ();
      c.written = g_async_queue_new ();
      c.free_records = !accept_valid;
      thread = g_thread_try_new ("zb-import-checks", checks_thread, &c, NULL);
      /* without a second thread, the checks first and the writes after */
      if (thread == NULL)
        {
          g_clear_pointer (&c.written, g_async_queue_unref);
          run_checks (&c);
        }
      if (!write_beside_checks (&w, &c, thread, !accept_valid, cancellable, progress, error))
        {
          zb_member_repo_bulk_abandon (repo);
          goto out;
        }
      _zb_import_clock_lap (&clock, "records checked and written");
    }

  if (c.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&c.error));
      if (!dry_run)
        zb_member_repo_bulk_abandon (repo);
      goto out;
    }

  rejected = g_new0 (guint8, MAX (c.n_records, 1));
  count_rejected (report, c.n_records, rejected);
  *write = !dry_run && report->n_valid > 0 && (report->n_rejected == 0 || accept_valid);

  if (!*write)
    {
      /* nothing of it stays: the caller rolls the transaction back */
      if (!dry_run)
        zb_member_repo_bulk_abandon (repo);
    }
  else if (wrote_the_valid (&c, rejected))
    {
      if (!_zb_import_batch_set_n_records (db, w.batch_id, report->n_valid, error)
          || !writer_end (&w, file_name, report, progress, error)
          || !_zb_database_exec (db, SQL_RELEASE, error))
        {
          zb_member_repo_bulk_abandon (repo);
          goto out;
        }
    }
  else
    {
      g_debug ("import: a record written was rejected later: writing again");
      zb_member_repo_bulk_abandon (repo);
      if (!_zb_database_exec (db, SQL_ROLLBACK_TO, error)
          || !_zb_database_exec (db, SQL_RELEASE, error)
          || !write_after_checks (repo, file_name, &c, rejected, report, cancellable, progress,
                                  error))
        goto out;
    }

  /* written: the caller's commit ends the run */
  if (!*write)
    _zb_import_progress_report (progress, 1.0);
  result = g_steal_pointer (&report);

out:
  ctx->db_lock = NULL;
  g_mutex_clear (&lock);
  g_free (w.batch_uuid);
  checks_clear (&c);
  return result;
}
