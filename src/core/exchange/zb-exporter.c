/* zb-exporter.c — the roster as a CSV or XLSX file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-codes.h"
#include "zb-database-private.h"
#include "zb-exchange-error.h"
#include "zb-export-private.h"

/* Members fetched per query: paging keeps memory flat for any roster size. */
#define PAGE_SIZE 2000

static const ZbExportColumn columns[] = {
  { ZB_IMPORT_FIELD_NAME, ZB_EXPORT_CELL_TEXT, 10 },
  { ZB_IMPORT_FIELD_GENDER, ZB_EXPORT_CELL_TEXT, 6 },
  { ZB_IMPORT_FIELD_ETHNICITY, ZB_EXPORT_CELL_TEXT, 8 },
  { ZB_IMPORT_FIELD_ID_NUMBER, ZB_EXPORT_CELL_DIGITS, 21 },
  { ZB_IMPORT_FIELD_BIRTH_DATE, ZB_EXPORT_CELL_DATE, 12 },
  { ZB_IMPORT_FIELD_NATIVE_PLACE, ZB_EXPORT_CELL_TEXT, 14 },
  { ZB_IMPORT_FIELD_EDUCATION, ZB_EXPORT_CELL_TEXT, 10 },
  { ZB_IMPORT_FIELD_WORK_START_DATE, ZB_EXPORT_CELL_DATE, 13 },
  { ZB_IMPORT_FIELD_CATEGORY, ZB_EXPORT_CELL_TEXT, 10 },
  { ZB_IMPORT_FIELD_JOINED_DATE, ZB_EXPORT_CELL_DATE, 12 },
  { ZB_IMPORT_FIELD_FULL_DATE, ZB_EXPORT_CELL_DATE, 12 },
  { ZB_IMPORT_FIELD_BRANCH, ZB_EXPORT_CELL_TEXT, 22 },
  { ZB_IMPORT_FIELD_GROUP, ZB_EXPORT_CELL_TEXT, 12 },
  { ZB_IMPORT_FIELD_WORK_UNIT, ZB_EXPORT_CELL_TEXT, 26 },
  { ZB_IMPORT_FIELD_PHONE, ZB_EXPORT_CELL_DIGITS, 14 },
  { ZB_IMPORT_FIELD_ADDRESS, ZB_EXPORT_CELL_TEXT, 30 },
  { ZB_IMPORT_FIELD_REMARKS, ZB_EXPORT_CELL_TEXT, 20 },
};

const ZbExportColumn *
_zb_export_get_columns (guint *n_columns)
{
  *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

const char *
zb_export_format_to_string (ZbExportFormat format)
{
  return format == ZB_EXPORT_XLSX ? "xlsx" : "csv";
}

gboolean
zb_export_format_from_string (const char *text, ZbExportFormat *format)
{
  if (g_strcmp0 (text, "csv") == 0)
    *format = ZB_EXPORT_CSV;
  else if (g_strcmp0 (text, "xlsx") == 0)
    *format = ZB_EXPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

void
_zb_export_set_io_error (GError **error, const char *path, const char *reason)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_FAILED,
               /* TRANSLATORS: %s: a file name, then the system's reason */
               _ ("The file “%s” could not be written: %s"), name, reason);
}

/* The texts of one member, in column order. Gender and category are written
 * in Chinese whatever the UI language: the file is an official roster. */
static void
member_values (ZbMember *member, const char **values, char **owned)
{
  const ZbMemberRecord *r = zb_member_get_record (member);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *v = NULL;

      switch (columns[i].field)
        {
        case ZB_IMPORT_FIELD_NAME:
          v = r->name;
          break;
        case ZB_IMPORT_FIELD_GENDER:
          v = r->gender == ZB_GENDER_MALE ? "男" : r->gender == ZB_GENDER_FEMALE ? "女" : NULL;
          break;
        case ZB_IMPORT_FIELD_ETHNICITY:
          v = zb_ethnicity_get_name (r->ethnicity);
          break;
        case ZB_IMPORT_FIELD_ID_NUMBER:
          v = r->id_number;
          break;
        case ZB_IMPORT_FIELD_BIRTH_DATE:
          v = r->birth_date;
          break;
        case ZB_IMPORT_FIELD_NATIVE_PLACE:
          v = r->native_place;
          break;
        case ZB_IMPORT_FIELD_EDUCATION:
          v = zb_education_get_name (r->education);
          break;
        case ZB_IMPORT_FIELD_WORK_START_DATE:
          v = r->work_start_date;
          break;
        case ZB_IMPORT_FIELD_CATEGORY:
          v = r->category == ZB_CATEGORY_PROBATIONARY ? "预备党员" : "正式党员";
          break;
        case ZB_IMPORT_FIELD_JOINED_DATE:
          v = r->joined_date;
          break;
        case ZB_IMPORT_FIELD_FULL_DATE:
          v = r->full_date;
          break;
        case ZB_IMPORT_FIELD_BRANCH:
          v = zb_member_get_branch_name (member);
          break;
        case ZB_IMPORT_FIELD_GROUP:
          v = zb_member_get_group_name (member);
          break;
        case ZB_IMPORT_FIELD_WORK_UNIT:
          v = r->work_unit;
          break;
        case ZB_IMPORT_FIELD_PHONE:
          v = r->phone;
          break;
        case ZB_IMPORT_FIELD_ADDRESS:
          v = r->address;
          break;
        case ZB_IMPORT_FIELD_REMARKS:
          v = r->remarks;
          break;
        case ZB_IMPORT_FIELD_NONE:
        case ZB_IMPORT_N_FIELDS:
        default:
          break;
        }
      values[i] = v;
      owned[i] = NULL;
    }
}

static char *
export_audit_json (ZbExportFormat format, const char *path, const ZbMemberQuery *query,
                   guint n_members)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *name = g_filename_display_basename (path);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, zb_export_format_to_string (format));
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "n_members");
  json_builder_add_int_value (builder, n_members);
  json_builder_set_member_name (builder, "search");
  if (query->search != NULL)
    json_builder_add_string_value (builder, query->search);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "archive");
  json_builder_add_boolean_value (builder, query->archive);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
write_members (ZbMemberRepo *repo, const ZbMemberQuery *query, ZbExportWriter *writer,
               GCancellable *cancellable, ZbImportProgressFunc progress, gpointer progress_data,
               guint *n_written, GError **error)
{
  const char *values[G_N_ELEMENTS (columns)];
  char *owned[G_N_ELEMENTS (columns)];
  gint64 total;
  guint done = 0;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    values[i] = zb_import_field_get_header (columns[i].field);
  if (!writer->klass->write_row (writer, values, error))
    return FALSE;

  total = zb_member_repo_count (repo, query, error);
  if (total < 0)
    return FALSE;

  for (guint offset = 0;; offset += PAGE_SIZE)
    {
      g_autoptr (GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      page = zb_member_repo_fetch (repo, query, offset, PAGE_SIZE, error);
      if (page == NULL)
        return FALSE;

      for (guint i = 0; i < page->len; i++)
        {
          gboolean ok;

          member_values (page->pdata[i], values, owned);
          ok = writer->klass->write_row (writer, values, error);
          for (guint j = 0; j < G_N_ELEMENTS (columns); j++)
            g_free (owned[j]);
          if (!ok)
            return FALSE;
        }
      done += page->len;
      if (progress != NULL)
        progress (total > 0 ? MIN (1.0, (double)done / (double)total) : 1.0, progress_data);
      if (page->len < PAGE_SIZE)
        break;
    }

  *n_written = done;
  return TRUE;
}

char *
_zb_export_create_temp_beside (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&template);
}

gboolean
_zb_export_record_and_rename (ZbDatabase *db, const char *entity, const char *audit_json,
                              const char *temp, const char *path, GError **error)
{
  if (!_zb_database_begin (db, error))
    return FALSE;
  if (!zb_audit_append (db, "export", entity, NULL, NULL, audit_json, error)
      || !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      /* Rare (the folder went away): the audit row records an export that did
       * not land, which is the safe side. */
      _zb_export_set_io_error (error, path, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
zb_export_members (ZbMemberRepo *repo, const ZbMemberQuery *query, ZbExportFormat format,
                   const char *path, GCancellable *cancellable, ZbImportProgressFunc progress,
                   gpointer progress_data, guint *n_members, GError **error)
{
  ZbMemberQuery all = ZB_MEMBER_QUERY_INIT;
  ZbExportWriter *writer = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *audit = NULL;
  ZbDatabase *db;
  guint written = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (repo), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (query == NULL)
    query = &all;
  db = zb_member_repo_get_database (repo);

  temp = _zb_export_create_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;

  writer = format == ZB_EXPORT_XLSX ? _zb_export_xlsx_writer_new (temp, error)
                                    : _zb_export_csv_writer_new (temp, error);
  if (writer == NULL)
    goto out;

  /* One read transaction: every page comes from the same snapshot, even if the
   * roster changes meanwhile. Deferred, so that it locks nothing: the window
   * may save an edit while a long export runs on its own connection. */
  if (!_zb_database_exec (db, "BEGIN DEFERRED", error))
    goto out;
  if (!write_members (repo, query, writer, cancellable, progress, progress_data, &written, error)
      || !writer->klass->finish (writer, error))
    {
      _zb_database_rollback (db);
      goto out;
    }
  _zb_database_rollback (db); /* the reads are done; nothing was written */

  audit = export_audit_json (format, path, query, written);
  if (!_zb_export_record_and_rename (db, "member", audit, temp, path, error))
    goto out;
  g_clear_pointer (&temp, g_free);

  if (n_members != NULL)
    *n_members = written;
  ok = TRUE;

out:
  if (writer != NULL)
    writer->klass->free (writer);
  if (temp != NULL)
    g_unlink (temp);
  return ok;
}

/* Async ----------------------------------------------------------------------- */

typedef struct
{
  ZbMemberRepo *repo;
  ZbMemberQuery query;
  char *search;
  ZbExportFormat format;
  char *path;
  GMainContext *main_context;
  ZbImportProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  guint n_members;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->repo);
  g_free (data->search);
  g_free (data->path);
  g_main_context_unref (data->main_context);
  if (data->progress_destroy != NULL)
    data->progress_destroy (data->progress_data);
  g_free (data);
}

typedef struct
{
  GTask *task;
  double fraction;
} ProgressEvent;

static gboolean
deliver_progress (gpointer user_data)
{
  ProgressEvent *event = user_data;
  ExportData *data = g_task_get_task_data (event->task);

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

static void
marshal_progress (double fraction, gpointer user_data)
{
  GTask *task = user_data;
  ExportData *data = g_task_get_task_data (task);
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
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr (ZbDatabase) own = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  GError *error = NULL;

  /* A connection of its own (ARCHITECTURE.md, Threads): the window goes on
   * reading the roster meanwhile. */
  own = zb_database_open_sibling (zb_member_repo_get_database (data->repo), &error);
  if (own == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  repo = zb_member_repo_new (own);

  if (!zb_export_members (repo, &data->query, data->format, data->path, cancellable,
                          data->progress != NULL ? marshal_progress : NULL, task, &data->n_members,
                          &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
zb_export_members_async (ZbMemberRepo *repo, const ZbMemberQuery *query, ZbExportFormat format,
                         const char *path, GCancellable *cancellable, ZbImportProgressFunc progress,
                         gpointer progress_data, GDestroyNotify progress_destroy,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  ZbMemberQuery all = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (ZB_IS_MEMBER_REPO (repo));
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->repo = g_object_ref (repo);
  data->query = query != NULL ? *query : all;
  data->search = g_strdup (data->query.search);
  data->query.search = data->search;
  data->format = format;
  data->path = g_strdup (path);
  data->main_context = g_main_context_ref_thread_default ();
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_destroy = progress_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, zb_export_members_async);
  g_task_set_task_data (task, data, (GDestroyNotify)export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
zb_export_members_finish (GAsyncResult *result, guint *n_members, GError **error)
{
  GTask *task = G_TASK (result);
  ExportData *data = g_task_get_task_data (task);

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (n_members != NULL)
    *n_members = data->n_members;
  return TRUE;
}
