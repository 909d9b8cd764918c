/* zb-import-mapping.c — which column of a file holds which field of a member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-exchange-error.h"
#include "zb-import-mapping.h"

/* How far down a title, a date line or an empty line may push the header. */
#define HEADER_SEARCH_ROWS 20

typedef struct
{
  const char *key;
  const char *header; /* Chinese, what export writes */
  const char *label;  /* N_() for the UI */
} FieldInfo;

static const FieldInfo fields[ZB_IMPORT_N_FIELDS] = {
  [ZB_IMPORT_FIELD_NONE] = { "", "", N_ ("Not imported") },
  [ZB_IMPORT_FIELD_NAME] = { "name", "姓名", N_ ("Name") },
  [ZB_IMPORT_FIELD_GENDER] = { "gender", "性别", N_ ("Gender") },
  [ZB_IMPORT_FIELD_ETHNICITY] = { "ethnicity", "民族", N_ ("Ethnic group") },
  [ZB_IMPORT_FIELD_ID_NUMBER] = { "id_number", "公民身份号码", N_ ("ID number") },
  [ZB_IMPORT_FIELD_BIRTH_DATE] = { "birth_date", "出生日期", N_ ("Date of birth") },
  [ZB_IMPORT_FIELD_NATIVE_PLACE] = { "native_place", "籍贯", N_ ("Native place") },
  [ZB_IMPORT_FIELD_EDUCATION] = { "education", "学历", N_ ("Education") },
  [ZB_IMPORT_FIELD_WORK_START_DATE] = { "work_start_date", "参加工作时间", N_ ("Started work") },
  [ZB_IMPORT_FIELD_CATEGORY] = { "category", "人员类别", N_ ("Category") },
  [ZB_IMPORT_FIELD_JOINED_DATE] = { "joined_date", "入党时间", N_ ("Joined the Party") },
  [ZB_IMPORT_FIELD_FULL_DATE] = { "full_date", "转正时间", N_ ("Full membership") },
  [ZB_IMPORT_FIELD_BRANCH] = { "branch", "所在党支部", N_ ("Branch") },
  [ZB_IMPORT_FIELD_GROUP] = { "group", "党小组", N_ ("Party group") },
  [ZB_IMPORT_FIELD_WORK_UNIT] = { "work_unit", "工作单位及职务", N_ ("Work unit and post") },
  [ZB_IMPORT_FIELD_PHONE] = { "phone", "联系电话", N_ ("Phone") },
  [ZB_IMPORT_FIELD_ADDRESS] = { "address", "家庭住址", N_ ("Home address") },
  [ZB_IMPORT_FIELD_REMARKS] = { "remarks", "备注", N_ ("Remarks") },
};

/* Headers as offices write them (常见写法), after normalisation (see
 * normalize_header). Matched whole first, then as a part of a longer header. */
static const struct
{
  const char *alias;
  ZbImportField field;
} aliases[] = {
  { "姓名", ZB_IMPORT_FIELD_NAME },
  { "党员姓名", ZB_IMPORT_FIELD_NAME },
  { "名字", ZB_IMPORT_FIELD_NAME },
  { "性别", ZB_IMPORT_FIELD_GENDER },
  { "民族", ZB_IMPORT_FIELD_ETHNICITY },
  { "公民身份号码", ZB_IMPORT_FIELD_ID_NUMBER },
  { "公民身份证号码", ZB_IMPORT_FIELD_ID_NUMBER },
  { "公民身份证号", ZB_IMPORT_FIELD_ID_NUMBER },
  { "身份证号码", ZB_IMPORT_FIELD_ID_NUMBER },
  { "身份证号", ZB_IMPORT_FIELD_ID_NUMBER },
  { "身份证", ZB_IMPORT_FIELD_ID_NUMBER },
  { "身份证件号码", ZB_IMPORT_FIELD_ID_NUMBER },
  { "证件号码", ZB_IMPORT_FIELD_ID_NUMBER },
  { "出生日期", ZB_IMPORT_FIELD_BIRTH_DATE },
  { "出生年月", ZB_IMPORT_FIELD_BIRTH_DATE },
  { "出生年月日", ZB_IMPORT_FIELD_BIRTH_DATE },
  { "出生时间", ZB_IMPORT_FIELD_BIRTH_DATE },
  { "生日", ZB_IMPORT_FIELD_BIRTH_DATE },
  { "籍贯", ZB_IMPORT_FIELD_NATIVE_PLACE },
  { "学历", ZB_IMPORT_FIELD_EDUCATION },
  { "文化程度", ZB_IMPORT_FIELD_EDUCATION },
  { "最高学历", ZB_IMPORT_FIELD_EDUCATION },
  { "全日制学历", ZB_IMPORT_FIELD_EDUCATION },
  { "参加工作时间", ZB_IMPORT_FIELD_WORK_START_DATE },
  { "参加工作日期", ZB_IMPORT_FIELD_WORK_START_DATE },
  { "参加工作年月", ZB_IMPORT_FIELD_WORK_START_DATE },
  { "工作时间", ZB_IMPORT_FIELD_WORK_START_DATE },
  { "参工时间", ZB_IMPORT_FIELD_WORK_START_DATE },
  { "人员类别", ZB_IMPORT_FIELD_CATEGORY },
  { "党员类别", ZB_IMPORT_FIELD_CATEGORY },
  { "党员类型", ZB_IMPORT_FIELD_CATEGORY },
  { "类别", ZB_IMPORT_FIELD_CATEGORY },
  { "正式或预备", ZB_IMPORT_FIELD_CATEGORY },
  { "正式/预备", ZB_IMPORT_FIELD_CATEGORY },
  { "入党时间", ZB_IMPORT_FIELD_JOINED_DATE },
  { "入党日期", ZB_IMPORT_FIELD_JOINED_DATE },
  { "入党年月", ZB_IMPORT_FIELD_JOINED_DATE },
  { "转正时间", ZB_IMPORT_FIELD_FULL_DATE },
  { "转正日期", ZB_IMPORT_FIELD_FULL_DATE },
  { "转正年月", ZB_IMPORT_FIELD_FULL_DATE },
  { "所在党支部", ZB_IMPORT_FIELD_BRANCH },
  { "所在支部", ZB_IMPORT_FIELD_BRANCH },
  { "党支部", ZB_IMPORT_FIELD_BRANCH },
  { "支部", ZB_IMPORT_FIELD_BRANCH },
  { "所在党小组", ZB_IMPORT_FIELD_GROUP },
  { "党小组", ZB_IMPORT_FIELD_GROUP },
  { "工作单位及职务", ZB_IMPORT_FIELD_WORK_UNIT },
  { "工作单位和职务", ZB_IMPORT_FIELD_WORK_UNIT },
  { "单位及职务", ZB_IMPORT_FIELD_WORK_UNIT },
  { "工作岗位", ZB_IMPORT_FIELD_WORK_UNIT },
  { "工作单位", ZB_IMPORT_FIELD_WORK_UNIT },
  { "单位职务", ZB_IMPORT_FIELD_WORK_UNIT },
  { "职务", ZB_IMPORT_FIELD_WORK_UNIT },
  { "联系电话", ZB_IMPORT_FIELD_PHONE },
  { "联系方式", ZB_IMPORT_FIELD_PHONE },
  { "手机号码", ZB_IMPORT_FIELD_PHONE },
  { "手机号", ZB_IMPORT_FIELD_PHONE },
  { "手机", ZB_IMPORT_FIELD_PHONE },
  { "电话号码", ZB_IMPORT_FIELD_PHONE },
  { "电话", ZB_IMPORT_FIELD_PHONE },
  { "家庭住址", ZB_IMPORT_FIELD_ADDRESS },
  { "家庭地址", ZB_IMPORT_FIELD_ADDRESS },
  { "现住址", ZB_IMPORT_FIELD_ADDRESS },
  { "现居住地", ZB_IMPORT_FIELD_ADDRESS },
  { "居住地址", ZB_IMPORT_FIELD_ADDRESS },
  { "住址", ZB_IMPORT_FIELD_ADDRESS },
  { "备注", ZB_IMPORT_FIELD_REMARKS },
  /* Columns a roster often has that hold no field of ours, listed so that a
   * shorter alias inside them does not claim them (党内职务 is not 职务). */
  { "序号", ZB_IMPORT_FIELD_NONE },
  { "党内职务", ZB_IMPORT_FIELD_NONE },
  { "党小组长", ZB_IMPORT_FIELD_NONE },
  { "支部书记", ZB_IMPORT_FIELD_NONE },
  { "入党介绍人", ZB_IMPORT_FIELD_NONE },
  { "党龄", ZB_IMPORT_FIELD_NONE },
  { "年龄", ZB_IMPORT_FIELD_NONE },
};

const char *
zb_import_field_to_string (ZbImportField field)
{
  g_return_val_if_fail (field < ZB_IMPORT_N_FIELDS, "");

  return fields[field].key;
}

gboolean
zb_import_field_from_string (const char *text, ZbImportField *field)
{
  for (guint i = 0; text != NULL && i < ZB_IMPORT_N_FIELDS; i++)
    if (strcmp (fields[i].key, text) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

const char *
zb_import_field_get_label (ZbImportField field)
{
  g_return_val_if_fail (field < ZB_IMPORT_N_FIELDS, "");

  return _ (fields[field].label);
}

const char *
zb_import_field_get_header (ZbImportField field)
{
  g_return_val_if_fail (field < ZB_IMPORT_N_FIELDS, "");

  return fields[field].header;
}

/* Drops what differs between ways of writing the same header: spaces (ASCII,
 * full-width, line breaks in a wrapped header cell), notes in brackets of any
 * kind, and marks (* for required, colons, dots). NFKC folds full-width
 * letters and brackets into ASCII first. */
static char *
normalize_header (const char *header)
{
  g_autofree char *folded = NULL;
  GString *out;
  int depth = 0;

  if (header == NULL || !g_utf8_validate (header, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_normalize (header, -1, G_NORMALIZE_ALL_COMPOSE);
  if (folded == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */ || c == 0x3014 /* 〔 */
          || c == 0x300A /* 《 */)
        {
          depth++;
          continue;
        }
      if (c == ')' || c == ']' || c == 0x3011 || c == 0x3015 || c == 0x300B)
        {
          depth = MAX (depth - 1, 0);
          continue;
        }
      if (depth > 0 || g_unichar_isspace (c) || c == '*' || c == ':' || c == '.' || c == 0x3001
          || c == 0x00B7 || c == 0x3002)
        continue;
      g_string_append_unichar (out, c);
    }

  /* "（备注）": the note was all there was */
  if (out->len == 0 && depth == 0)
    {
      g_string_free (out, TRUE);
      out = g_string_new (NULL);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
            g_string_append_unichar (out, c);
        }
    }

  return g_string_free (out, FALSE);
}

ZbImportField
zb_import_field_from_header (const char *header)
{
  g_autofree char *text = normalize_header (header);
  ZbImportField best = ZB_IMPORT_FIELD_NONE;
  gsize best_len = 0;

  if (*text == '\0')
    return ZB_IMPORT_FIELD_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (text, aliases[i].alias) == 0)
      return aliases[i].field;

  /* "本人联系电话", "党员身份证号码": the longest alias inside wins (and may be
   * one that stands for no field). */
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      gsize len = strlen (aliases[i].alias);

      if (len > best_len && strstr (text, aliases[i].alias) != NULL)
        {
          best = aliases[i].field;
          best_len = len;
        }
    }

  return best;
}

/* The mapping object -------------------------------------------------------- */

struct _ZbImportMapping
{
  GObject parent_instance;
  ZbSheet *sheet;
  int header_row;
  GArray *columns; /* ZbImportField per column */
};

G_DEFINE_FINAL_TYPE (ZbImportMapping, zb_import_mapping, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
zb_import_mapping_finalize (GObject *object)
{
  ZbImportMapping *self = ZB_IMPORT_MAPPING (object);

  g_clear_pointer (&self->sheet, zb_sheet_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (zb_import_mapping_parent_class)->finalize (object);
}

static void
zb_import_mapping_class_init (ZbImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = zb_import_mapping_finalize;

  /**
   * ZbImportMapping::changed:
   *
   * The header row or a column's field changed: previews are out of date.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
zb_import_mapping_init (ZbImportMapping *self)
{
  self->header_row = -1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (ZbImportField));
}

/* Maps the columns of @row; returns how many distinct fields were found and
 * whether the name is among them. */
static guint
map_row (ZbSheet *sheet, guint row, GArray *columns, gboolean *has_name)
{
  gboolean seen[ZB_IMPORT_N_FIELDS] = { FALSE };
  guint n_cells = 0, found = 0;
  const ZbCell *cells = zb_sheet_get_cells (sheet, row, &n_cells);

  for (guint i = 0; i < columns->len; i++)
    g_array_index (columns, ZbImportField, i) = ZB_IMPORT_FIELD_NONE;

  for (guint i = 0; i < n_cells; i++)
    {
      ZbImportField field;

      if (cells[i].kind != ZB_CELL_TEXT || cells[i].column >= columns->len)
        continue;
      field = zb_import_field_from_header (cells[i].text);
      if (field == ZB_IMPORT_FIELD_NONE || seen[field])
        continue;
      seen[field] = TRUE;
      found++;
      g_array_index (columns, ZbImportField, cells[i].column) = field;
    }

  *has_name = seen[ZB_IMPORT_FIELD_NAME];
  return found;
}

ZbImportMapping *
zb_import_mapping_new (ZbSheet *sheet)
{
  ZbImportMapping *self;
  g_autoptr (GArray) scratch = NULL;
  guint best_found = 0;
  int best_row = -1;
  guint n_rows;

  g_return_val_if_fail (sheet != NULL, NULL);

  self = g_object_new (ZB_TYPE_IMPORT_MAPPING, NULL);
  self->sheet = zb_sheet_ref (sheet);
  g_array_set_size (self->columns, zb_sheet_get_n_columns (sheet));

  scratch = g_array_new (FALSE, TRUE, sizeof (ZbImportField));
  g_array_set_size (scratch, self->columns->len);

  n_rows = MIN (zb_sheet_get_n_rows (sheet), HEADER_SEARCH_ROWS);
  for (guint row = 0; row < n_rows; row++)
    {
      gboolean has_name = FALSE;
      guint found = map_row (sheet, row, scratch, &has_name);

      if (has_name && found >= 2 && found > best_found)
        {
          best_found = found;
          best_row = (int)row;
        }
    }

  if (best_row >= 0)
    {
      gboolean has_name;

      self->header_row = best_row;
      map_row (sheet, (guint)best_row, self->columns, &has_name);
    }

  return self;
}

ZbSheet *
zb_import_mapping_get_sheet (ZbImportMapping *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), NULL);

  return self->sheet;
}

int
zb_import_mapping_get_header_row (ZbImportMapping *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), -1);

  return self->header_row;
}

void
zb_import_mapping_set_header_row (ZbImportMapping *self, int row)
{
  gboolean has_name;

  g_return_if_fail (ZB_IS_IMPORT_MAPPING (self));
  g_return_if_fail (row >= -1 && row < (int)zb_sheet_get_n_rows (self->sheet));

  self->header_row = row;
  if (row >= 0)
    map_row (self->sheet, (guint)row, self->columns, &has_name);
  else
    for (guint i = 0; i < self->columns->len; i++)
      g_array_index (self->columns, ZbImportField, i) = ZB_IMPORT_FIELD_NONE;

  g_signal_emit (self, signals[CHANGED], 0);
}

guint
zb_import_mapping_get_first_data_row (ZbImportMapping *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), 0);

  return (guint)(self->header_row + 1);
}

guint
zb_import_mapping_get_n_columns (ZbImportMapping *self)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), 0);

  return self->columns->len;
}

char *
zb_import_mapping_dup_column_title (ZbImportMapping *self, guint column)
{
  const ZbCell *cell = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), NULL);

  if (self->header_row >= 0)
    cell = zb_sheet_get_cell (self->sheet, (guint)self->header_row, column);
  if (cell != NULL && *cell->text != '\0')
    return g_strdup (cell->text);

  name = zb_sheet_column_name (column);
  /* TRANSLATORS: a spreadsheet column without a header, %s is its letter (A, B …) */
  return g_strdup_printf (_ ("Column %s"), name);
}

ZbImportField
zb_import_mapping_get_field (ZbImportMapping *self, guint column)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), ZB_IMPORT_FIELD_NONE);

  if (column >= self->columns->len)
    return ZB_IMPORT_FIELD_NONE;
  return g_array_index (self->columns, ZbImportField, column);
}

void
zb_import_mapping_set_field (ZbImportMapping *self, guint column, ZbImportField field)
{
  g_return_if_fail (ZB_IS_IMPORT_MAPPING (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (field < ZB_IMPORT_N_FIELDS);

  if (g_array_index (self->columns, ZbImportField, column) == field)
    return;

  if (field != ZB_IMPORT_FIELD_NONE)
    for (guint i = 0; i < self->columns->len; i++)
      if (g_array_index (self->columns, ZbImportField, i) == field)
        g_array_index (self->columns, ZbImportField, i) = ZB_IMPORT_FIELD_NONE;

  g_array_index (self->columns, ZbImportField, column) = field;
  g_signal_emit (self, signals[CHANGED], 0);
}

int
zb_import_mapping_get_column (ZbImportMapping *self, ZbImportField field)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), -1);

  if (field == ZB_IMPORT_FIELD_NONE)
    return -1;
  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, ZbImportField, i) == field)
      return (int)i;
  return -1;
}

gboolean
zb_import_mapping_check (ZbImportMapping *self, GError **error)
{
  g_return_val_if_fail (ZB_IS_IMPORT_MAPPING (self), FALSE);

  if (zb_import_mapping_get_column (self, ZB_IMPORT_FIELD_NAME) >= 0)
    return TRUE;

  if (self->header_row < 0)
    g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NO_HEADER,
                 _ ("No header row was found at the top of the table (a row with titles such as "
                    "“姓名” and “公民身份号码”). Add one, or choose which column holds what."));
  else
    g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NO_HEADER,
                 _ ("No column holds the members’ names. Choose the column with the names."));
  return FALSE;
}
