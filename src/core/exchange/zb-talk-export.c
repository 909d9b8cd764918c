/* zb-talk-export.c — 谈心谈话 as a CSV or XLSX file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's writers (zb-export-csv.c, zb-export-xlsx.c) know the roster's
 * columns only; the talks have their own short ones, so the few lines of
 * each format live here. The contents of a talk are the most sensitive text
 * of the workspace: they are read (through zb_talk_repo_load_contents(), one
 * audited opening per talk) only when the caller asks for them, and the
 * memory that held them is wiped.
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <xlsxwriter.h>

#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-exchange-error.h"
#include "zb-export-private.h"
#include "zb-org-repo.h"
#include "zb-talk-export.h"

/* Excel holds at most this many characters in a cell. */
#define XLSX_MAX_CELL 32767
/* Excel refuses formulas longer than this (see zb-export-csv.c). */
#define MAX_FORMULA_TEXT 255

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

static const char *
kind_name (ZbTalkKind kind)
{
  switch (kind)
    {
    case ZB_TALK_KIND_DAILY:
      return "日常谈心";
    case ZB_TALK_KIND_BEFORE_LIFE_MEETING:
      return "组织生活会前谈心";
    case ZB_TALK_KIND_ADMISSION:
      return "入党谈话";
    case ZB_TALK_KIND_FULL_MEMBERSHIP:
      return "转正谈话";
    case ZB_TALK_KIND_REMINDER:
      return "提醒谈话";
    case ZB_TALK_KIND_OTHER:
    default:
      return "其他";
    }
}

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
starts_like_formula (const char *text)
{
  return text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@';
}

static void
append_quoted (GString *line, const char *text)
{
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

/* As the roster's CSV does: text a spreadsheet would run as a formula (CSV
 * injection) is written as ="…", or, when too long for a formula, after a
 * space. */
static void
append_field (GString *line, const char *text, gboolean header)
{
  if (text == NULL || *text == '\0')
    return;
  if (!header && starts_like_formula (text))
    {
      g_autoptr (GString) formula = g_string_new (NULL);

      if (strlen (text) <= MAX_FORMULA_TEXT)
        {
          g_string_append_c (formula, '=');
          append_quoted (formula, text);
        }
      else
        g_string_append_printf (formula, " %s", text);
      append_quoted (line, formula->str);
      explicit_bzero (formula->str, formula->len);
      return;
    }
  if (strpbrk (text, ",\"\r\n") != NULL || g_ascii_isspace (text[0])
      || g_ascii_isspace (text[strlen (text) - 1]))
    append_quoted (line, text);
  else
    g_string_append (line, text);
}

static gboolean
parse_iso (const char *text, lxw_datetime *dt)
{
  unsigned y, m, d;
  char end;

  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy ((GDateDay)d, (GDateMonth)m, (GDateYear)y) || y < 1901)
    return FALSE;
  memset (dt, 0, sizeof *dt);
  dt->year = (int)y;
  dt->month = (int)m;
  dt->day = (int)d;
  return TRUE;
}

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
          append_field (w->line, values[i], header);
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
      else if (i == COL_DATE && parse_iso (values[i], &dt))
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
      w->file = fopen (path, "wb");
      /* the BOM: without it Excel on Chinese Windows reads the file as GBK */
      if (w->file == NULL || fwrite ("\xEF\xBB\xBF", 1, 3, w->file) != 3)
        {
          _zb_export_set_io_error (error, path, g_strerror (errno));
          return FALSE;
        }
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
  int fd;

  if (w->file != NULL)
    {
      int rc;

      if (fflush (w->file) != 0 || fsync (fileno (w->file)) != 0)
        {
          _zb_export_set_io_error (error, w->path, g_strerror (errno));
          return FALSE;
        }
      rc = fclose (w->file);
      w->file = NULL;
      if (rc != 0)
        {
          _zb_export_set_io_error (error, w->path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  {
    lxw_error rc = workbook_close (w->workbook);

    w->workbook = NULL;
    if (rc != LXW_NO_ERROR)
      return lxw_failed (w, rc, error);
  }
  /* libxlsxwriter closes without fsync: a rename after a crash could leave
   * an empty file under the final name. */
  fd = g_open (w->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      _zb_export_set_io_error (error, w->path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
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

/* A new empty file beside @path, so that the final rename stays within one
 * filesystem. Created 0600: talks are personal data. */
static char *
create_temp_beside (const char *path, GError **error)
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
      values[COL_KIND] = kind_name (r->kind);
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

  temp = create_temp_beside (path, error);
  if (temp == NULL)
    return FALSE;
  if (!writer_open (&w, format, temp, with_contents ? N_COLUMNS : N_PLAIN_COLUMNS, error)
      || !write_talks (talks, records, format, with_contents, &w, error)
      || !writer_finish (&w, error))
    goto out;

  /* The audit row before the file takes its name: no export without its
   * row. */
  audit = audit_json (format, path, query, with_contents, records->len);
  if (!_zb_database_begin (db, error))
    goto out;
  if (!zb_audit_append (db, "export", "talk", NULL, NULL, audit, error)
      || !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      goto out;
    }

  if (g_rename (temp, path) != 0)
    {
      /* Rare (the folder went away): the audit row records an export that
       * did not land, which is the safe side. */
      _zb_export_set_io_error (error, path, g_strerror (errno));
      goto out;
    }
  g_clear_pointer (&temp, g_free);
  ok = TRUE;

out:
  writer_clear (&w);
  if (temp != NULL)
    g_unlink (temp);
  return ok;
}
