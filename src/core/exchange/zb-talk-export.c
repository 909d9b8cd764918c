/* zb-talk-export.c — 谈心谈话 as a CSV or XLSX file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's writers (zb-export-csv.c, zb-export-xlsx.c) know the roster's
 * columns only; the talks have their own short ones, so their writer lives
 * here, made of the pieces both share (zb-export-private.h). The contents of a talk are the most
 * sensitive text of the workspace: they are read (through zb_talk_repo_load_contents(), one audited
 * opening per talk) only when the caller asks for them, and the memory that held them is wiped.
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "zb-exchange-error.h"
#include "zb-export-private.h"
#include "zb-org-repo.h"
#include "zb-talk-export.h"

/* Excel holds at most this many characters in a cell. */
#define XLSX_MAX_CELL 32767

typedef enum
{
  COL_DATE,
  COL_TIME,
  COL_PLACE,
  COL_KIND,
  COL_TALKERS,
  COL_TALKED_WITH,
  COL_TOPIC,
  COL_ACTIONS,
  COL_SAID_BY_TALKER, /* the contents: only with_contents */
  COL_SAID_BY_OTHER,
  COL_RESPONSE,
  N_COLUMNS
} Column;

#define N_PLAIN_COLUMNS COL_SAID_BY_TALKER

/* The file is an official record: its headers are Chinese whatever the
 * language of the interface. */
static const struct
{
  const char *header;
  double width; /* characters, for XLSX */
} columns[N_COLUMNS] = {
  { "日期", 12 },
  { "时间", 7 },
  { "地点", 16 },
  { "谈话类型", 14 },
  { "谈话人", 20 },
  { "谈话对象", 24 },
  { "主题", 24 },
  { "后续措施", 36 },
  { "谈话人所谈", 50 },
  { "谈话对象所谈", 50 },
  { "对象表态及意见建议", 40 },
};

/* "张建国（支部书记）、赵明（非党员）": the people of @side with their posts; a
 * person talked with who is not on the roster is marked as such. */
static char *
side_text (const ZbTalkRecord *r, ZbTalkSide side)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);
      gboolean has_post = p->post != NULL && *p->post != '\0';

      if (p->side != side)
        continue;
      if (out->len > 0)
        g_string_append (out, "、");
      g_string_append (out, p->name != NULL ? p->name : "");
      if (p->member_id == 0 && side == ZB_TALK_SIDE_TALKED_WITH)
        g_string_append_printf (out, "（%s%s非党员）", has_post ? p->post : "",
                                has_post ? "，" : "");
      else if (has_post)
        g_string_append_printf (out, "（%s）", p->post);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "写出整改计划（李秀英，2026-12-31前，2026-12-20已完成）；…". */
static char *
actions_text (const ZbTalkRecord *r)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < r->actions->len; i++)
    {
      const ZbTalkAction *a = g_ptr_array_index (r->actions, i);
      g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

      if (out->len > 0)
        g_string_append (out, "；");
      g_string_append (out, a->text != NULL ? a->text : "");
      if (a->owner_name != NULL && *a->owner_name != '\0')
        g_ptr_array_add (notes, g_strdup (a->owner_name));
      if (a->due_date != NULL)
        g_ptr_array_add (notes, g_strdup_printf ("%s前", a->due_date));
      if (a->done_date != NULL)
        g_ptr_array_add (notes, g_strdup_printf ("%s已完成", a->done_date));
      if (notes->len > 0)
        {
          g_autofree char *joined = NULL;

          g_ptr_array_add (notes, NULL);
          joined = g_strjoinv ("，", (char **)notes->pdata);
          g_string_append_printf (out, "（%s）", joined);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------- */
/* Writers                                                                   */

typedef struct
{
  const char *path; /* the temporary file */
  guint n_columns;
  /* CSV */
  FILE *file;
  GString *line;
  /* XLSX */
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *header;
  lxw_format *wrap;
  lxw_format *date;
  lxw_row_t row;
} Writer;

static gboolean
lxw_failed (const Writer *w, lxw_error rc, GError **error)
{
  g_debug ("libxlsxwriter: %s", lxw_strerror (rc));
  _zb_export_set_io_error (error, w->path, lxw_strerror (rc));
  return FALSE;
}

static gboolean
write_row (Writer *w, const char *const *values, gboolean header, GError **error)
{
  if (w->file != NULL)
    {
      gsize written;

      g_string_truncate (w->line, 0);
      for (guint i = 0; i < w->n_columns; i++)
        {
          if (i > 0)
            g_string_append_c (w->line, ',');
          _zb_export_csv_append_field (w->line, values[i], ZB_EXPORT_CELL_TEXT, header);
        }
      g_string_append (w->line, "\r\n");
      written = fwrite (w->line->str, 1, w->line->len, w->file);
      explicit_bzero (w->line->str, w->line->len);
      if (written != w->line->len)
        {
          _zb_export_set_io_error (error, w->path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < w->n_columns; i++)
    {
      lxw_col_t col = (lxw_col_t)i;
      lxw_datetime dt;
      lxw_error rc;

      if (values[i] == NULL || *values[i] == '\0')
        continue;
      if (header)
        rc = worksheet_write_string (w->sheet, w->row, col, values[i], w->header);
      /* Excel has no dates before 1900 (and its 1900-02-29 never was). */
      else if (i == COL_DATE && _zb_export_xlsx_parse_date (values[i], &dt) && dt.year >= 1901)
        rc = worksheet_write_datetime (w->sheet, w->row, col, &dt, w->date);
      else
        /* Strings, never formulas: a text starting with = stays text. */
        rc = worksheet_write_string (w->sheet, w->row, col, values[i], w->wrap);
      if (rc != LXW_NO_ERROR)
        return lxw_failed (w, rc, error);
    }
  w->row++;
  return TRUE;
}

static gboolean
writer_open (Writer *w, ZbExportFormat format, const char *path, guint n_columns, GError **error)
{
  w->path = path;
  w->n_columns = n_columns;
  if (format == ZB_EXPORT_CSV)
    {
      w->file = _zb_export_csv_open (path, error);
      if (w->file == NULL)
        return FALSE;
      w->line = g_string_sized_new (1024);
      return TRUE;
    }

  {
    /* Constant memory: rows go to disk as they are written, and text is
     * written inline in the sheet, not into a shared table. libxlsxwriter
     * keeps the rows in temporary files meanwhile: in the folder the export
     * goes to, not in /tmp, so that the talks land nowhere the user did not
     * choose. */
    g_autofree char *dir = g_path_get_dirname (path);
    lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = dir };

    w->workbook = workbook_new_opt (path, &options);
  }
  if (w->workbook == NULL)
    {
      _zb_export_set_io_error (error, path, g_strerror (errno));
      return FALSE;
    }
  w->sheet = workbook_add_worksheet (w->workbook, "谈心谈话");
  w->header = workbook_add_format (w->workbook);
  format_set_bold (w->header);
  format_set_bg_color (w->header, 0xEDEDED);
  format_set_border (w->header, LXW_BORDER_THIN);
  w->wrap = workbook_add_format (w->workbook);
  format_set_text_wrap (w->wrap);
  format_set_align (w->wrap, LXW_ALIGN_VERTICAL_TOP);
  w->date = workbook_add_format (w->workbook);
  format_set_num_format (w->date, "yyyy-mm-dd");
  format_set_align (w->date, LXW_ALIGN_VERTICAL_TOP);
  for (guint i = 0; i < n_columns; i++)
    worksheet_set_column (w->sheet, (lxw_col_t)i, (lxw_col_t)i, columns[i].width, NULL);
  worksheet_freeze_panes (w->sheet, 1, 0);
  return TRUE;
}

/* Completes the file and flushes it to disk. */
static gboolean
writer_finish (Writer *w, GError **error)
{
  if (w->file != NULL)
    return _zb_export_csv_close (&w->file, w->path, error);

  {
    lxw_error rc = workbook_close (w->workbook);

    w->workbook = NULL;
    if (rc != LXW_NO_ERROR)
      return lxw_failed (w, rc, error);
  }
  return _zb_export_sync_file (w->path, error);
}

static void
writer_clear (Writer *w)
{
  if (w->file != NULL)
    fclose (w->file);
  if (w->line != NULL)
    {
      explicit_bzero (w->line->str, w->line->allocated_len);
      g_string_free (w->line, TRUE);
    }
  /* A workbook never closed leaves an incomplete temporary file, which the
   * caller removes. */
  if (w->workbook != NULL)
    workbook_close (w->workbook);
}

/* ------------------------------------------------------------------------- */

static gboolean
format_of_path (const char *path, ZbExportFormat *format, GError **error)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = ZB_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = ZB_EXPORT_XLSX;
  else
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                   /* TRANSLATORS: %s is a file name */
                   _ ("Talks can be exported to a .csv or an .xlsx file only; “%s” is neither."),
                   name);
      return FALSE;
    }
  return TRUE;
}

static char *
audit_json (ZbExportFormat format, const char *path, const ZbTalkQuery *query,
            gboolean with_contents, guint n_talks)
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
  json_builder_set_member_name (builder, "n_talks");
  json_builder_add_int_value (builder, n_talks);
  json_builder_set_member_name (builder, "with_contents");
  json_builder_add_boolean_value (builder, with_contents);
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, query->year);
  json_builder_set_member_name (builder, "kind");
  if (query->kind >= 0 && query->kind < ZB_TALK_N_KINDS)
    json_builder_add_string_value (builder, zb_talk_kind_to_string ((ZbTalkKind)query->kind));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "branch_id");
  json_builder_add_int_value (builder, query->branch_id);
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, query->archived);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* A contents text for a cell: Excel's cell holds no more than XLSX_MAX_CELL
 * characters; a longer text is refused rather than cut. */
static gboolean
check_cell_length (ZbExportFormat format, const ZbTalkRecord *r, const char *text, GError **error)
{
  if (format != ZB_EXPORT_XLSX || text == NULL || g_utf8_strlen (text, -1) <= XLSX_MAX_CELL)
    return TRUE;
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
               /* TRANSLATORS: %s is a date (YYYY-MM-DD) */
               _ ("The contents of the talk of %s are too long for a spreadsheet cell. Export "
                  "to a .csv file instead."),
               r->date);
  return FALSE;
}

static gboolean
write_talks (ZbTalkRepo *talks, GPtrArray *records, ZbExportFormat format, gboolean with_contents,
             Writer *w, GError **error)
{
  const char *values[N_COLUMNS];

  for (guint i = 0; i < N_COLUMNS; i++)
    values[i] = columns[i].header;
  if (!write_row (w, values, TRUE, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (records, i);
      g_autofree char *talkers = side_text (r, ZB_TALK_SIDE_TALKER);
      g_autofree char *talked_with = side_text (r, ZB_TALK_SIDE_TALKED_WITH);
      g_autofree char *actions = actions_text (r);
      g_autoptr (ZbTalkContents) contents = NULL;
      gboolean ok;

      values[COL_DATE] = r->date;
      values[COL_TIME] = r->start_time;
      values[COL_PLACE] = r->place;
      values[COL_KIND] = zb_talk_kind_get_official_name (r->kind);
      values[COL_TALKERS] = talkers;
      values[COL_TALKED_WITH] = talked_with;
      values[COL_TOPIC] = r->topic;
      values[COL_ACTIONS] = actions;
      values[COL_SAID_BY_TALKER] = values[COL_SAID_BY_OTHER] = values[COL_RESPONSE] = NULL;
      if (with_contents)
        {
          /* The one way to the contents: an audited opening per talk. */
          contents = zb_talk_repo_load_contents (talks, r->uuid, error);
          if (contents == NULL)
            return FALSE;
          if (!check_cell_length (format, r, contents->said_by_talker, error)
              || !check_cell_length (format, r, contents->said_by_other, error)
              || !check_cell_length (format, r, contents->response, error))
            return FALSE;
          values[COL_SAID_BY_TALKER] = contents->said_by_talker;
          values[COL_SAID_BY_OTHER] = contents->said_by_other;
          values[COL_RESPONSE] = contents->response;
        }
      ok = write_row (w, values, FALSE, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

gboolean
zb_talk_export_to_file (ZbTalkRepo *talks, const ZbTalkQuery *query, gboolean with_contents,
                        const char *path, GError **error)
{
  ZbTalkQuery all = ZB_TALK_QUERY_INIT;
  ZbExportFormat format;
  Writer w = { 0 };
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *audit = NULL;
  ZbDatabase *db;
  gboolean ok = FALSE;

  g_return_val_if_fail (ZB_IS_TALK_REPO (talks), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (query == NULL)
    query = &all;
  if (!format_of_path (path, &format, error))
    return FALSE;
  db = zb_talk_repo_get_database (talks);

  /* The list never carries contents (ZbTalkRepo reads them only one by
   * one, audited). */
  records = zb_talk_repo_list (talks, query, error);
  if (records == NULL)
    return FALSE;

  temp = _zb_export_create_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;
  if (!writer_open (&w, format, temp, with_contents ? N_COLUMNS : N_PLAIN_COLUMNS, error)
      || !write_talks (talks, records, format, with_contents, &w, error)
      || !writer_finish (&w, error))
    goto out;

  audit = audit_json (format, path, query, with_contents, records->len);
  if (!_zb_export_record_and_rename (db, "talk", audit, temp, path, error))
    goto out;
  g_clear_pointer (&temp, g_free);
  ok = TRUE;

out:
  writer_clear (&w);
  if (temp != NULL)
    g_unlink (temp);
  return ok;
}
