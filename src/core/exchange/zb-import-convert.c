/* zb-import-convert.c — reading one record of an import: cells → a member
 * record with its problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-codes.h"
#include "zb-id-number.h"
#include "zb-import-private.h"
#include "zb-member-rules.h"
#include "zb-office-date.h"
#include "zb-rule-code.h"
#include "zb-sheet-private.h"

ZbImportContext *
_zb_import_context_new (ZbImportMapping *mapping, ZbOrgRepo *org, gint64 default_branch)
{
  ZbImportContext *ctx = g_new0 (ZbImportContext, 1);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  ctx->sheet = zb_sheet_ref (zb_import_mapping_get_sheet (mapping));
  for (guint f = 0; f < ZB_IMPORT_N_FIELDS; f++)
    {
      ctx->columns[f] = f == ZB_IMPORT_FIELD_NONE ? -1 : zb_import_mapping_get_column (mapping, f);
      if (ctx->columns[f] >= 0)
        ctx->titles[f] = zb_import_mapping_dup_column_title (mapping, (guint)ctx->columns[f]);
    }
  ctx->first_data_row = zb_import_mapping_get_first_data_row (mapping);
  ctx->date1904 = _zb_sheet_get_date1904 (ctx->sheet);
  g_date_clear (&ctx->today, 1);
  g_date_set_dmy (&ctx->today, (GDateDay)g_date_time_get_day_of_month (now),
                  (GDateMonth)g_date_time_get_month (now), (GDateYear)g_date_time_get_year (now));
  ctx->default_branch = default_branch;
  ctx->org = org != NULL ? g_object_ref (org) : NULL;
  ctx->branches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  return ctx;
}

void
_zb_import_context_free (ZbImportContext *ctx)
{
  if (ctx == NULL)
    return;

  zb_sheet_unref (ctx->sheet);
  for (guint f = 0; f < ZB_IMPORT_N_FIELDS; f++)
    g_free (ctx->titles[f]);
  g_clear_object (&ctx->org);
  g_hash_table_unref (ctx->branches);
  g_hash_table_unref (ctx->groups);
  g_hash_table_unref (ctx->unit_names);
  g_free (ctx);
}

const char *
_zb_import_context_unit_name (ZbImportContext *ctx, gint64 id)
{
  return g_hash_table_lookup (ctx->unit_names, &id);
}

ZbImportProblem *
_zb_import_problem_new (ZbImportContext *ctx, guint record, guint row, ZbImportField field,
                        const char *code, const char *sentence)
{
  ZbImportProblem *problem = g_new0 (ZbImportProblem, 1);

  problem->record = record;
  problem->row = row;
  problem->column = field != ZB_IMPORT_FIELD_NONE ? ctx->columns[field] : -1;
  problem->field
      = field != ZB_IMPORT_FIELD_NONE ? g_strdup (zb_import_field_to_string (field)) : NULL;
  problem->code = g_strdup (code);
  if (problem->column >= 0)
    /* TRANSLATORS: a column of the file, then what is wrong with it */
    problem->message = g_strdup_printf (_ ("“%s”: %s"), ctx->titles[field], sentence);
  else
    problem->message = g_strdup (sentence);

  return problem;
}

gboolean
_zb_import_row_is_blank (ZbImportContext *ctx, guint row)
{
  for (guint f = 1; f < ZB_IMPORT_N_FIELDS; f++)
    if (ctx->columns[f] >= 0 && zb_sheet_get_cell (ctx->sheet, row, (guint)ctx->columns[f]) != NULL)
      {
        const ZbCell *cell = zb_sheet_get_cell (ctx->sheet, row, (guint)ctx->columns[f]);

        for (const char *p = cell->text; *p != '\0'; p = g_utf8_next_char (p))
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            return FALSE;
      }
  return TRUE;
}

/* Reading one record ---------------------------------------------------------- */

typedef struct
{
  ZbImportContext *ctx;
  guint record;
  guint index; /* of the row in the sheet */
  guint row;   /* in the file, for the user */
  GPtrArray *problems;
} Reader;

static void
add_problem (Reader *r, ZbImportField field, const char *code, const char *sentence)
{
  g_ptr_array_add (r->problems,
                   _zb_import_problem_new (r->ctx, r->record, r->row, field, code, sentence));
}

/* Spaces of every kind at both ends: ASCII, no-break, full-width. */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

static const ZbCell *
cell_of (Reader *r, ZbImportField field)
{
  int column = r->ctx->columns[field];

  if (column < 0)
    return NULL;
  return zb_sheet_get_cell (r->ctx->sheet, r->index, (guint)column);
}

/* The cell's text as a person sees it, trimmed; NULL when empty. A formula
 * error is reported and read as empty. */
static char *
cell_text (Reader *r, ZbImportField field, const ZbCell *cell)
{
  g_autofree char *text = NULL;

  if (cell == NULL)
    return NULL;

  switch ((ZbCellKind)cell->kind)
    {
    case ZB_CELL_NUMBER:
      /* 13800138000 rather than 1.3800138E+10 */
      if (floor (cell->number) == cell->number && fabs (cell->number) < 1e15)
        text = g_strdup_printf ("%.0f", cell->number);
      else
        text = trim (cell->text);
      break;
    case ZB_CELL_ERROR:
      {
        g_autofree char *sentence = g_strdup_printf (
            _ ("The cell holds the formula error “%s” instead of a value."), cell->text);

        add_problem (r, field, "cell-error", sentence);
        return NULL;
      }
    case ZB_CELL_TEXT:
    case ZB_CELL_DATE:
    case ZB_CELL_BOOLEAN:
    default:
      text = trim (cell->text);
      break;
    }

  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static char *
field_text (Reader *r, ZbImportField field)
{
  return cell_text (r, field, cell_of (r, field));
}

/* 1.10105194912312E+17 or 4.4052418800101E+017: what is left of an ID number
 * after Excel or LibreOffice turned it into a number. */
static gboolean
looks_scientific (const char *text)
{
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p) || *p == '.')
    p++;
  if (*p != 'e' && *p != 'E')
    return FALSE;
  p++;
  if (*p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static void
report_rounded_id (Reader *r, const char *shown)
{
  g_autofree char *sentence = g_strdup_printf (
      _ ("The ID number was turned into a number by Excel and rounded (%s): its last digits are "
         "lost. Set the column’s format to Text and type the ID number again."),
      shown);

  add_problem (r, ZB_IMPORT_FIELD_ID_NUMBER, zb_rule_code_to_string (ZB_RULE_ID_FORMAT), sentence);
}

static char *
read_id_number (Reader *r)
{
  const ZbCell *cell = cell_of (r, ZB_IMPORT_FIELD_ID_NUMBER);
  g_autofree char *text = NULL;
  GString *compact;

  if (cell == NULL)
    return NULL;

  /* Doubles hold 15–17 significant digits and Excel keeps 15: an 18-digit
   * number has lost its last ones, so any number that long is damaged. */
  if (cell->kind == ZB_CELL_NUMBER
      && (fabs (cell->number) >= 1e14 || strpbrk (cell->text, "eE") != NULL))
    {
      report_rounded_id (r, cell->text);
      return NULL;
    }

  text = cell_text (r, ZB_IMPORT_FIELD_ID_NUMBER, cell);
  if (text == NULL)
    return NULL;

  /* spaces typed inside, and the apostrophe that tells Excel "this is text" */
  compact = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !(p == text && c == '\''))
        g_string_append_unichar (compact, c);
    }

  if (looks_scientific (compact->str))
    {
      report_rounded_id (r, compact->str);
      g_string_free (compact, TRUE);
      return NULL;
    }

  return g_string_free (compact, FALSE);
}

/* A date field as "YYYY-MM-DD"; NULL when empty or unreadable (reported). */
static char *
read_date (Reader *r, ZbImportField field, gboolean *month_only)
{
  const ZbCell *cell = cell_of (r, field);
  g_autofree char *text = NULL;
  ZbOfficeDate result = ZB_OFFICE_DATE_INVALID;
  GDate date;

  *month_only = FALSE;
  if (cell == NULL)
    return NULL;

  if (cell->kind == ZB_CELL_NUMBER)
    result = zb_office_date_from_number (cell->number, cell->text, r->ctx->date1904, &date);
  else
    {
      text = cell_text (r, field, cell);
      if (text == NULL)
        return NULL;
      result = zb_office_date_parse (text, &date);
    }

  switch (result)
    {
    case ZB_OFFICE_DATE_DAY:
    case ZB_OFFICE_DATE_MONTH:
      {
        char iso[11];

        *month_only = result == ZB_OFFICE_DATE_MONTH;
        zb_office_date_to_iso (&date, iso);
        return g_strdup (iso);
      }

    case ZB_OFFICE_DATE_AMBIGUOUS:
      {
        g_autofree char *sentence = g_strdup_printf (
            _ ("“%s” could be January or October: spreadsheets drop the final 0 of 2010.10. "
               "Write the date as 2010-10 or 2010-01."),
            cell->text);

        add_problem (r, field, zb_rule_code_to_string (ZB_RULE_DATE_FORMAT), sentence);
        return NULL;
      }

    case ZB_OFFICE_DATE_INVALID:
    default:
      {
        g_autofree char *sentence = g_strdup_printf (
            _ ("“%s” is not a date that can be read. Write it like 2010-07-01, 2010/7/1, "
               "2010.07.01, 2010年7月1日 or 20100701."),
            text != NULL ? text : cell->text);

        add_problem (r, field, zb_rule_code_to_string (ZB_RULE_DATE_FORMAT), sentence);
        return NULL;
      }
    }
}

static void
read_gender (Reader *r, ZbMemberRecord *record)
{
  g_autofree char *text = field_text (r, ZB_IMPORT_FIELD_GENDER);
  g_autofree char *lower = NULL;

  if (text == NULL)
    return;

  lower = g_utf8_strdown (text, -1);
  if (strcmp (text, "男") == 0 || strcmp (text, "男性") == 0 || strcmp (lower, "m") == 0
      || strcmp (lower, "male") == 0)
    record->gender = ZB_GENDER_MALE;
  else if (strcmp (text, "女") == 0 || strcmp (text, "女性") == 0 || strcmp (lower, "f") == 0
           || strcmp (lower, "female") == 0)
    record->gender = ZB_GENDER_FEMALE;
  else
    {
      g_autofree char *sentence
          = g_strdup_printf (_ ("“%s” is not a gender: write 男 or 女."), text);

      add_problem (r, ZB_IMPORT_FIELD_GENDER, "gender-invalid", sentence);
    }
}

/* Returns FALSE when the column is empty. */
static gboolean
read_category (Reader *r, ZbMemberRecord *record)
{
  g_autofree char *text = field_text (r, ZB_IMPORT_FIELD_CATEGORY);
  ZbMemberCategory category;

  if (text == NULL)
    return FALSE;

  if (strcmp (text, "正式党员") == 0 || strcmp (text, "正式") == 0 || strcmp (text, "中共党员") == 0
      || strcmp (text, "党员") == 0)
    record->category = ZB_CATEGORY_FULL;
  else if (strcmp (text, "预备党员") == 0 || strcmp (text, "预备") == 0
           || strcmp (text, "中共预备党员") == 0)
    record->category = ZB_CATEGORY_PROBATIONARY;
  else if (zb_member_category_from_string (text, &category))
    record->category = category;
  else
    {
      g_autofree char *sentence
          = g_strdup_printf (_ ("“%s” is not a category: write 正式党员 or 预备党员."), text);

      add_problem (r, ZB_IMPORT_FIELD_CATEGORY, "category-invalid", sentence);
    }
  return TRUE;
}

static gboolean
lookup_unit (Reader *r, ZbOrgUnitKind kind, gint64 parent, const char *name, gint64 *id,
             GError **error)
{
  GHashTable *cache = kind == ZB_ORG_UNIT_BRANCH ? r->ctx->branches : r->ctx->groups;
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", parent, name);
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (GError) local_error = NULL;
  gint64 *cached = g_hash_table_lookup (cache, key);

  if (cached != NULL)
    {
      *id = *cached;
      return TRUE;
    }

  *id = 0;
  if (r->ctx->org != NULL)
    {
      /* the writes of the import may be using the connection (see
       * zb-import-pipeline.c) */
      if (r->ctx->db_lock != NULL)
        g_mutex_lock (r->ctx->db_lock);
      unit = zb_org_repo_find_unit (r->ctx->org, kind, parent, name, &local_error);
      if (r->ctx->db_lock != NULL)
        g_mutex_unlock (r->ctx->db_lock);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (unit != NULL)
    {
      *id = unit->id;
      g_hash_table_insert (r->ctx->unit_names, g_memdup2 (id, sizeof *id), g_strdup (unit->name));
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (id, sizeof *id));
  return TRUE;
}

static gboolean
read_units (Reader *r, ZbMemberRecord *record, GError **error)
{
  g_autofree char *branch = field_text (r, ZB_IMPORT_FIELD_BRANCH);
  g_autofree char *group = field_text (r, ZB_IMPORT_FIELD_GROUP);

  record->branch_id = r->ctx->default_branch;
  if (branch != NULL)
    {
      gint64 id;

      if (!lookup_unit (r, ZB_ORG_UNIT_BRANCH, -1, branch, &id, error))
        return FALSE;
      if (id != 0)
        record->branch_id = id;
      else
        {
          g_autofree char *sentence = g_strdup_printf (
              _ ("There is no branch “%s” in this workspace. Add it under Organisation first, or "
                 "do not import this column."),
              branch);

          add_problem (r, ZB_IMPORT_FIELD_BRANCH, "branch-unknown", sentence);
        }
    }

  if (group != NULL)
    {
      gint64 id;

      if (!lookup_unit (r, ZB_ORG_UNIT_GROUP, record->branch_id != 0 ? record->branch_id : -1,
                        group, &id, error))
        return FALSE;
      if (id != 0)
        record->group_id = id;
      else
        {
          g_autofree char *sentence = g_strdup_printf (
              _ ("There is no Party group “%s” in the member’s branch. Add it under Organisation "
                 "first, or do not import this column."),
              group);

          add_problem (r, ZB_IMPORT_FIELD_GROUP, "group-unknown", sentence);
        }
    }

  return TRUE;
}

static ZbImportField
field_of_rule (const char *name)
{
  ZbImportField field = ZB_IMPORT_FIELD_NONE;

  if (name != NULL && zb_import_field_from_string (name, &field))
    return field;
  return ZB_IMPORT_FIELD_NONE;
}

/* Fields the file does not have, or that were read already with a problem, are
 * not reported again by the rules. */
static gboolean
already_reported (Reader *r, guint first, ZbImportField field)
{
  for (guint i = first; i < r->problems->len; i++)
    {
      const ZbImportProblem *p = r->problems->pdata[i];

      if (field != ZB_IMPORT_FIELD_NONE
          && g_strcmp0 (p->field, zb_import_field_to_string (field)) == 0)
        return TRUE;
    }
  return FALSE;
}

ZbMemberRecord *
_zb_import_read_record (ZbImportContext *ctx, guint row, guint record_number, GPtrArray *problems,
                        GError **error)
{
  g_autoptr (ZbMemberRecord) record = zb_member_record_new ();
  g_autoptr (GPtrArray) rule_problems = NULL;
  Reader r = { ctx, record_number, row, zb_sheet_get_row_number (ctx->sheet, row), problems };
  guint first = problems->len;
  gboolean birth_month_only = FALSE, unused;
  gboolean has_category;
  g_autofree char *ethnicity = NULL;
  g_autofree char *education = NULL;

  record->name = field_text (&r, ZB_IMPORT_FIELD_NAME);
  read_gender (&r, record);

  ethnicity = field_text (&r, ZB_IMPORT_FIELD_ETHNICITY);
  if (ethnicity != NULL && (record->ethnicity = zb_ethnicity_from_name (ethnicity)) == 0)
    {
      g_autofree char *sentence = g_strdup_printf (
          _ ("“%s” is not one of the 56 ethnic groups. Write the full name, such as 汉族 or "
             "蒙古族."),
          ethnicity);

      add_problem (&r, ZB_IMPORT_FIELD_ETHNICITY,
                   zb_rule_code_to_string (ZB_RULE_ETHNICITY_INVALID), sentence);
    }

  record->id_number = read_id_number (&r);
  record->birth_date = read_date (&r, ZB_IMPORT_FIELD_BIRTH_DATE, &birth_month_only);
  record->native_place = field_text (&r, ZB_IMPORT_FIELD_NATIVE_PLACE);

  education = field_text (&r, ZB_IMPORT_FIELD_EDUCATION);
  if (education != NULL && (record->education = zb_education_from_name (education)) == 0)
    {
      g_autofree char *sentence = g_strdup_printf (
          _ ("“%s” is not an education level that is known, such as 大学本科, 大专, 中专, 高中 "
             "or 初中."),
          education);

      add_problem (&r, ZB_IMPORT_FIELD_EDUCATION,
                   zb_rule_code_to_string (ZB_RULE_EDUCATION_INVALID), sentence);
    }

  record->work_start_date = read_date (&r, ZB_IMPORT_FIELD_WORK_START_DATE, &unused);
  has_category = read_category (&r, record);
  record->joined_date = read_date (&r, ZB_IMPORT_FIELD_JOINED_DATE, &unused);
  record->full_date = read_date (&r, ZB_IMPORT_FIELD_FULL_DATE, &unused);
  record->work_unit = field_text (&r, ZB_IMPORT_FIELD_WORK_UNIT);
  record->phone = field_text (&r, ZB_IMPORT_FIELD_PHONE);
  record->address = field_text (&r, ZB_IMPORT_FIELD_ADDRESS);
  record->remarks = field_text (&r, ZB_IMPORT_FIELD_REMARKS);

  if (!read_units (&r, record, error))
    return NULL;

  /* 出生年月 "1949.12" and an ID number born 1949-12-31 agree: keep the day the
   * ID number gives rather than report a contradiction. */
  if (birth_month_only && record->id_number != NULL)
    {
      ZbIdNumberInfo info;

      if (zb_id_number_parse (record->id_number, &ctx->today, &info) == ZB_RULE_OK
          && strncmp (record->birth_date, info.number + 6, 4) == 0
          && strncmp (record->birth_date + 5, info.number + 10, 2) == 0)
        g_clear_pointer (&record->birth_date, g_free);
    }

  /* Without a 人员类别, a member who joined less than a year ago can only be a
   * probationary member (预备期 is one year). */
  if (!has_category && record->full_date == NULL && record->joined_date != NULL)
    {
      GDate joined, year_after;

      if (zb_parse_iso_date (record->joined_date, &joined))
        {
          year_after = joined;
          g_date_add_years (&year_after, 1);
          if (g_date_compare (&year_after, &ctx->today) > 0)
            record->category = ZB_CATEGORY_PROBATIONARY;
        }
    }

  zb_member_normalize (record, &ctx->today);
  rule_problems = zb_member_validate (record, &ctx->today);
  for (guint i = 0; i < rule_problems->len; i++)
    {
      const ZbRuleProblem *p = rule_problems->pdata[i];
      ZbImportField field = field_of_rule (p->field);

      if (already_reported (&r, first, field))
        continue;
      add_problem (&r, field, zb_rule_code_to_string (p->code),
                   p->message != NULL ? p->message : zb_rule_code_get_message (p->code));
    }

  return g_steal_pointer (&record);
}
