/* zb-importer.c — importing a roster from a file as one undoable batch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-chinese.h"
#include "zb-codes.h"
#include "zb-database-private.h"
#include "zb-id-number.h"
#include "zb-import-batch-private.h"
#include "zb-import-private.h"
#include "zb-rule-code.h"

/* Progress is reported at most this often (fractions), so that a big import
 * does not flood the main loop. */
#define PROGRESS_STEP 0.01

struct _ZbImporter
{
  GObject parent_instance;
  ZbMemberRepo *repo;
  ZbImportMapping *mapping;
  char *file_name;
  gint64 branch_id;
};

G_DEFINE_FINAL_TYPE (ZbImporter, zb_importer, G_TYPE_OBJECT)

/* Problems and reports -------------------------------------------------------- */

void
zb_import_problem_free (ZbImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->code);
  g_free (problem->message);
  g_free (problem);
}

static ZbImportProblem *
problem_copy (const ZbImportProblem *problem)
{
  ZbImportProblem *copy = g_memdup2 (problem, sizeof *problem);

  copy->field = g_strdup (problem->field);
  copy->code = g_strdup (problem->code);
  copy->message = g_strdup (problem->message);
  return copy;
}

ZbImportReport *
_zb_import_report_new (void)
{
  ZbImportReport *report = g_new0 (ZbImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_import_problem_free);
  return report;
}

ZbImportReport *
zb_import_report_copy (const ZbImportReport *report)
{
  ZbImportReport *copy = g_memdup2 (report, sizeof *report);

  copy->problems
      = g_ptr_array_new_full (report->problems->len, (GDestroyNotify)zb_import_problem_free);
  for (guint i = 0; i < report->problems->len; i++)
    g_ptr_array_add (copy->problems, problem_copy (report->problems->pdata[i]));
  copy->batch_uuid = g_strdup (report->batch_uuid);
  return copy;
}

void
zb_import_report_free (ZbImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report->batch_uuid);
  g_free (report);
}

G_DEFINE_BOXED_TYPE (ZbImportReport, zb_import_report, zb_import_report_copy, zb_import_report_free)

void
zb_import_preview_row_free (ZbImportPreviewRow *row)
{
  if (row == NULL)
    return;
  for (guint f = 0; f < ZB_IMPORT_N_FIELDS; f++)
    g_free (row->values[f]);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

/* The object ------------------------------------------------------------------ */

static void
zb_importer_finalize (GObject *object)
{
  ZbImporter *self = ZB_IMPORTER (object);

  g_clear_object (&self->repo);
  g_clear_object (&self->mapping);
  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (zb_importer_parent_class)->finalize (object);
}

static void
zb_importer_class_init (ZbImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = zb_importer_finalize;
}

static void
zb_importer_init (ZbImporter *self)
{
}

ZbImporter *
zb_importer_new (ZbMemberRepo *repo, ZbSheet *sheet, const char *file_name)
{
  ZbImporter *self;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), NULL);
  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_object_new (ZB_TYPE_IMPORTER, NULL);
  self->repo = g_object_ref (repo);
  self->mapping = zb_import_mapping_new (sheet);
  self->file_name = g_strdup (file_name != NULL ? file_name : "");
  return self;
}

ZbImportMapping *
zb_importer_get_mapping (ZbImporter *self)
{
  g_return_val_if_fail (ZB_IS_IMPORTER (self), NULL);

  return self->mapping;
}

void
zb_importer_set_branch (ZbImporter *self, gint64 branch_id)
{
  g_return_if_fail (ZB_IS_IMPORTER (self));

  self->branch_id = branch_id;
}

gint64
zb_importer_get_branch (ZbImporter *self)
{
  g_return_val_if_fail (ZB_IS_IMPORTER (self), 0);

  return self->branch_id;
}

static ZbImportContext *
context_new (ZbImporter *self, ZbMemberRepo *repo)
{
  g_autoptr (ZbOrgRepo) org = zb_org_repo_new (zb_member_repo_get_database (repo));

  return _zb_import_context_new (self->mapping, org, self->branch_id);
}

/* Duplicate ID numbers ---------------------------------------------------------- */

/* Whether any active member has an ID number: into an empty roster (the first
 * import) no record needs looking up. */
static gboolean
roster_has_ids (ZbMemberRepo *repo, gboolean *has, GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (repo);
  sqlite3_stmt *stmt
      = _zb_database_prepare (db,
                              "SELECT EXISTS (SELECT 1 FROM member WHERE id_number IS NOT NULL"
                              " AND status = 'active')",
                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  *has = rc != SQLITE_ROW || sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (db, error);
  return TRUE;
}

gboolean
_zb_import_duplicates_init (ZbMemberRepo *repo, ZbImportDuplicates *check, GError **error)
{
  check->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  check->flagged = g_hash_table_new (NULL, NULL);
  check->rows = g_hash_table_new (NULL, NULL);
  check->repo = repo;
  return roster_has_ids (repo, &check->roster_has_ids, error);
}

/* The active members' ID numbers, read at once (from their index alone): a
 * big file checked beside its writes then looks up only the numbers that are
 * on the roster, in the database the writes hold most of the time. */
gboolean
_zb_import_duplicates_load_roster (ZbImportDuplicates *check, GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (check->repo);
  sqlite3_stmt *stmt;
  int rc;

  if (!check->roster_has_ids || check->roster != NULL)
    return TRUE;
  /* The members zb_member_repo_lookup_id_number() finds, all in the unique
   * index of active ID numbers: some 20 ms for 100,000 members, where the
   * planner's own choice (reading the rows through another index) takes
   * 0.35 s. Without that index (another schema), every record is looked up
   * instead. */
  stmt = _zb_database_prepare (db,
                               "SELECT id_number FROM member INDEXED BY member_id_number_active"
                               " WHERE id_number IS NOT NULL AND status = 'active'",
                               NULL);
  if (stmt == NULL)
    return TRUE;
  check->roster = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (check->roster, _zb_column_dup_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (&check->roster, g_hash_table_unref);
      return _zb_database_set_error (db, error);
    }
  return TRUE;
}

void
_zb_import_duplicates_clear (ZbImportDuplicates *check)
{
  g_clear_pointer (&check->roster, g_hash_table_unref);
  g_clear_pointer (&check->seen, g_hash_table_unref);
  g_clear_pointer (&check->flagged, g_hash_table_unref);
  g_clear_pointer (&check->rows, g_hash_table_unref);
}

static void
add_duplicate_in_file (ZbImportContext *ctx, GPtrArray *problems, guint record, guint row,
                       guint other_record, guint other_row)
{
  /* TRANSLATORS: record and row numbers of another record of the same file */
  g_autofree char *sentence
      = g_strdup_printf (_ ("The same ID number is also in record %u (row %u) of this file."),
                         other_record, other_row);

  g_ptr_array_add (problems, _zb_import_problem_new (ctx, record, row, ZB_IMPORT_FIELD_ID_NUMBER,
                                                     zb_rule_code_to_string (ZB_RULE_DUPLICATE_ID),
                                                     sentence));
}

/* The active member with @id_number: the name of a member already on the
 * roster with the same number in *@name ("?" when unknown), or NULL. */
static gboolean
lookup_roster (ZbMemberRepo *repo, const char *id_number, char **name, GError **error)
{
  g_autofree char *uuid = NULL;

  *name = NULL;
  if (!zb_member_repo_lookup_id_number (repo, id_number, &uuid, error))
    return FALSE;
  if (uuid != NULL)
    {
      g_autoptr (ZbMemberRecord) other = zb_member_repo_get (repo, uuid, NULL);

      *name = g_strdup (other != NULL && other->name != NULL ? other->name : "?");
    }
  return TRUE;
}

/* Reports @record when its ID number is in the file already (both records are
 * reported: which of them is right, only the user can tell) or on the roster. */
gboolean
_zb_import_check_duplicates (ZbImportContext *ctx, ZbImportDuplicates *check,
                             const ZbMemberRecord *record, guint record_number, guint row,
                             GPtrArray *problems, GError **error)
{
  g_autofree char *name = NULL;
  gpointer first;
  gboolean ok;

  if (record->id_number == NULL
      || zb_id_number_parse (record->id_number, &ctx->today, NULL) != ZB_RULE_OK)
    return TRUE;

  g_hash_table_insert (check->rows, GUINT_TO_POINTER (record_number), GUINT_TO_POINTER (row));

  if (g_hash_table_lookup_extended (check->seen, record->id_number, NULL, &first))
    {
      guint first_record = GPOINTER_TO_UINT (first);
      guint first_row = GPOINTER_TO_UINT (g_hash_table_lookup (check->rows, first));

      add_duplicate_in_file (ctx, problems, record_number, row, first_record, first_row);
      if (!g_hash_table_contains (check->flagged, first))
        {
          g_hash_table_add (check->flagged, first);
          add_duplicate_in_file (ctx, problems, first_record, first_row, record_number, row);
        }
      return TRUE;
    }
  g_hash_table_insert (check->seen, g_strdup (record->id_number), GUINT_TO_POINTER (record_number));

  if (!check->roster_has_ids)
    return TRUE;
  if (check->roster != NULL && !g_hash_table_contains (check->roster, record->id_number))
    return TRUE;
  /* The writes of this import do not hide anything here: each of its rows has
   * an ID number seen above already. */
  if (ctx->db_lock != NULL)
    g_mutex_lock (ctx->db_lock);
  ok = lookup_roster (check->repo, record->id_number, &name, error);
  if (ctx->db_lock != NULL)
    g_mutex_unlock (ctx->db_lock);
  if (!ok)
    return FALSE;
  if (name != NULL)
    {
      g_autofree char *sentence
          = g_strdup_printf (_ ("%s, already on the roster, has the same ID number."), name);

      g_ptr_array_add (problems, _zb_import_problem_new (
                                     ctx, record_number, row, ZB_IMPORT_FIELD_ID_NUMBER,
                                     zb_rule_code_to_string (ZB_RULE_DUPLICATE_ID), sentence));
    }
  return TRUE;
}

/* Preview ------------------------------------------------------------------------ */

static char *
date_display (const char *iso)
{
  return g_strdup (iso);
}

static void
fill_preview_values (ZbImportContext *ctx, const ZbMemberRecord *record,
                     ZbImportPreviewRow *preview)
{
  char **v = preview->values;
  const char *ethnicity = zb_ethnicity_get_name (record->ethnicity);
  const char *education = zb_education_get_name (record->education);

  v[ZB_IMPORT_FIELD_NAME] = g_strdup (record->name);
  if (record->gender != ZB_GENDER_UNKNOWN)
    v[ZB_IMPORT_FIELD_GENDER] = g_strdup (zb_gender_get_label (record->gender));
  v[ZB_IMPORT_FIELD_ETHNICITY] = g_strdup (ethnicity);
  v[ZB_IMPORT_FIELD_ID_NUMBER] = g_strdup (record->id_number);
  v[ZB_IMPORT_FIELD_BIRTH_DATE] = date_display (record->birth_date);
  v[ZB_IMPORT_FIELD_NATIVE_PLACE] = g_strdup (record->native_place);
  v[ZB_IMPORT_FIELD_EDUCATION] = g_strdup (education);
  v[ZB_IMPORT_FIELD_WORK_START_DATE] = date_display (record->work_start_date);
  v[ZB_IMPORT_FIELD_CATEGORY] = g_strdup (zb_member_category_get_label (record->category));
  v[ZB_IMPORT_FIELD_JOINED_DATE] = date_display (record->joined_date);
  v[ZB_IMPORT_FIELD_FULL_DATE] = date_display (record->full_date);
  v[ZB_IMPORT_FIELD_BRANCH] = g_strdup (_zb_import_context_unit_name (ctx, record->branch_id));
  v[ZB_IMPORT_FIELD_GROUP] = g_strdup (_zb_import_context_unit_name (ctx, record->group_id));
  v[ZB_IMPORT_FIELD_WORK_UNIT] = g_strdup (record->work_unit);
  v[ZB_IMPORT_FIELD_PHONE] = g_strdup (record->phone);
  v[ZB_IMPORT_FIELD_ADDRESS] = g_strdup (record->address);
  v[ZB_IMPORT_FIELD_REMARKS] = g_strdup (record->remarks);
}

GPtrArray *
zb_importer_preview (ZbImporter *self, guint max_records, GError **error)
{
  g_autoptr (ZbImportContext) ctx = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_auto (ZbImportDuplicates) check = { 0 };
  ZbSheet *sheet;
  guint record_number = 0;

  g_return_val_if_fail (ZB_IS_IMPORTER (self), NULL);

  ctx = context_new (self, self->repo);
  sheet = ctx->sheet;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_import_preview_row_free);
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_import_problem_free);
  if (!_zb_import_duplicates_init (self->repo, &check, error))
    return NULL;

  for (guint row = ctx->first_data_row;
       row < zb_sheet_get_n_rows (sheet) && record_number < max_records; row++)
    {
      g_autoptr (ZbMemberRecord) record = NULL;
      ZbImportPreviewRow *preview;

      if (_zb_import_row_is_blank (ctx, row))
        continue;
      record_number++;

      record = _zb_import_read_record (ctx, row, record_number, problems, error);
      if (record == NULL
          || !_zb_import_check_duplicates (ctx, &check, record, record_number,
                                           zb_sheet_get_row_number (sheet, row), problems, error))
        return NULL;

      preview = g_new0 (ZbImportPreviewRow, 1);
      preview->record = record_number;
      preview->row = zb_sheet_get_row_number (sheet, row);
      preview->sheet_row = row;
      preview->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_import_problem_free);
      fill_preview_values (ctx, record, preview);
      g_ptr_array_add (rows, preview);
    }

  /* problems of a record may come later (a duplicate found further down) */
  for (guint i = 0; i < problems->len; i++)
    {
      ZbImportProblem *problem = problems->pdata[i];
      ZbImportPreviewRow *preview = rows->pdata[problem->record - 1];

      g_ptr_array_add (preview->problems, problem_copy (problem));
    }

  return g_steal_pointer (&rows);
}

/* Running --------------------------------------------------------------------- */

void
_zb_import_progress_report (ZbImportProgress *progress, double fraction)
{
  if (progress->func == NULL || (fraction - progress->last < PROGRESS_STEP && fraction < 1.0))
    return;
  progress->last = fraction;
  progress->func (fraction, progress->data);
}

char *
_zb_import_audit_json (const char *file_name, const char *uuid, const ZbImportReport *report)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, uuid);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "members");
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, file_name);
  json_builder_set_member_name (builder, "n_records");
  json_builder_add_int_value (builder, report->n_valid);
  json_builder_set_member_name (builder, "n_rejected");
  json_builder_add_int_value (builder, report->n_rejected);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* From this many rows on, an import is a large write (see
 * _zb_database_begin_large()): a member takes about 1 KB with its indexes, so
 * this many fill more than the WAL's usual 4 MB. */
#define LARGE_IMPORT_ROWS 5000

/* One transaction around the checks and the writes: the duplicates found are
 * the roster's at the moment of writing, every lookup runs without taking the
 * file's locks again, and a failure or cancellation anywhere leaves nothing. */
static ZbImportReport *
run_in_transaction (ZbImportContext *ctx, ZbMemberRepo *repo, const char *file_name,
                    ZbImportFlags flags, GCancellable *cancellable, ZbImportProgress *progress,
                    GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (repo);
  g_autoptr (ZbImportReport) report = NULL;
  gboolean write = FALSE;
  ZbImportClock clock;

  report = _zb_import_check_and_write (ctx, repo, file_name, flags, cancellable, progress, &write,
                                       error);
  if (report == NULL || !write)
    {
      _zb_database_rollback (db);
      return g_steal_pointer (&report);
    }

  _zb_import_clock_start (&clock);
  if (!_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      return NULL;
    }
  _zb_import_clock_lap (&clock, "committed");
  _zb_import_progress_report (progress, 1.0);
  return g_steal_pointer (&report);
}

/* @on_worker: @repo is a worker's connection of its own, whose report the
 * window waits for (the WAL of a large import is copied into the file after). */
static ZbImportReport *
run_import (ZbImporter *self, ZbMemberRepo *repo, ZbImportContext *ctx, ZbImportFlags flags,
            gboolean on_worker, GCancellable *cancellable, ZbImportProgress *progress,
            GError **error)
{
  ZbDatabase *db = zb_member_repo_get_database (repo);
  gboolean large
      = (flags & ZB_IMPORT_DRY_RUN) == 0 && zb_sheet_get_n_rows (ctx->sheet) >= LARGE_IMPORT_ROWS;
  ZbImportReport *report;

  /* Writing the names needs ICU's data: it loads while the first records are
   * checked. */
  zb_chinese_preload ();

  if (!(large ? _zb_database_begin_large (db, error) : _zb_database_begin (db, error)))
    return NULL;
  report = run_in_transaction (ctx, repo, self->file_name, flags, cancellable, progress, error);
  if (large)
    _zb_database_end_large (db, on_worker);
  return report;
}

ZbImportReport *
zb_importer_run (ZbImporter *self, ZbImportFlags flags, GCancellable *cancellable,
                 ZbImportProgressFunc progress_func, gpointer progress_data, GError **error)
{
  g_autoptr (ZbImportContext) ctx = NULL;
  ZbImportProgress progress = { progress_func, progress_data, -1.0 };
  ZbImportReport *report;

  g_return_val_if_fail (ZB_IS_IMPORTER (self), NULL);

  if (!zb_import_mapping_check (self->mapping, error))
    return NULL;

  ctx = context_new (self, self->repo);
  report = run_import (self, self->repo, ctx, flags, FALSE, cancellable, &progress, error);
  if (report != NULL && report->n_written > 0)
    zb_member_repo_emit_changed (self->repo);
  return report;
}

/* Async ----------------------------------------------------------------------- */

typedef struct
{
  ZbImportFlags flags;
  GMainContext *main_context;
  ZbImportProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
} RunData;

static void
run_data_free (RunData *data)
{
  g_main_context_unref (data->main_context);
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_free (data);
}

typedef struct
{
  GTask *task; /* keeps the RunData alive */
  double fraction;
} ProgressEvent;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressEvent *event = user_data;
  RunData *data = g_task_get_task_data (event->task);

  data->progress (event->fraction, data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_event_free (gpointer user_data)
{
  ProgressEvent *event = user_data;

  g_object_unref (event->task);
  g_free (event);
}

/* Runs on the worker: hands the fraction to the caller's main context. */
static void
marshal_progress (double fraction, gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);
  ProgressEvent *event = g_new0 (ProgressEvent, 1);
  GSource *source;

  event->task = g_object_ref (task);
  event->fraction = fraction;
  /* Not g_main_context_invoke(): when the worker has no thread-default context
   * of its own and the main thread is between iterations, that would run the
   * callback right here, on the worker. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress, event, progress_event_free);
  g_source_attach (source, data->main_context);
  g_source_unref (source);
}

static void
run_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  RunData *data = task_data;
  ZbImportProgress progress = { data->progress != NULL ? marshal_progress : NULL, task, -1.0 };
  ZbImporter *self = source;
  g_autoptr (ZbDatabase) own = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbImportContext) ctx = NULL;
  GError *error = NULL;
  ZbImportReport *report;

  /* A connection of its own (ARCHITECTURE.md, Threads): the window goes on
   * reading the roster while the import writes; it sees the new members when
   * the import has committed and "changed" is emitted on its repository. */
  own = zb_database_open_sibling (zb_member_repo_get_database (self->repo), &error);
  if (own == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  repo = zb_member_repo_new (own);
  ctx = context_new (self, repo);
  report = run_import (self, repo, ctx, data->flags, TRUE, cancellable, &progress, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify)zb_import_report_free);

  /* done with the connection: a big import's WAL is copied into the file on
   * a thread of its own, while the window already has its answer */
  g_clear_pointer (&ctx, _zb_import_context_free);
  g_clear_object (&repo);
  _zb_database_checkpoint_in_background (own);
}

/* Back on the caller's context: tell list models before the caller hears of it. */
static void
run_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;
  ZbImporter *self = ZB_IMPORTER (source);
  GError *error = NULL;
  ZbImportReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (report == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }
  if (report->n_written > 0)
    zb_member_repo_emit_changed (self->repo);
  g_task_return_pointer (outer, report, (GDestroyNotify)zb_import_report_free);
}

void
zb_importer_run_async (ZbImporter *self, ZbImportFlags flags, GCancellable *cancellable,
                       ZbImportProgressFunc progress, gpointer progress_data,
                       GDestroyNotify progress_destroy, GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (GTask) outer = NULL;
  g_autoptr (GTask) inner = NULL;
  GError *error = NULL;
  RunData *data;

  g_return_if_fail (ZB_IS_IMPORTER (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, zb_importer_run_async);

  if (!zb_import_mapping_check (self->mapping, &error))
    {
      if (progress_destroy != NULL)
        progress_destroy (progress_data);
      g_task_return_error (outer, error);
      return;
    }

  data = g_new0 (RunData, 1);
  data->flags = flags;
  data->main_context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;

  inner = g_task_new (self, cancellable, run_done, g_steal_pointer (&outer));
  g_task_set_task_data (inner, data, (GDestroyNotify)run_data_free);
  /* all-or-nothing: a cancelled import returns an error, never a half report */
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_run_in_thread (inner, run_thread);
}

ZbImportReport *
zb_importer_run_finish (ZbImporter *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
