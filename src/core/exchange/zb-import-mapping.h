/* zb-import-mapping.h — which column of a file holds which field of a member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "zb-sheet.h"

G_BEGIN_DECLS

/* The fields an import fills. The string forms are the member table's column
 * names (and the @field of ZbRuleProblem); stable. */
typedef enum
{
  ZB_IMPORT_FIELD_NONE, /* "": the column is not imported */
  ZB_IMPORT_FIELD_NAME,
  ZB_IMPORT_FIELD_GENDER,
  ZB_IMPORT_FIELD_ETHNICITY,
  ZB_IMPORT_FIELD_ID_NUMBER,
  ZB_IMPORT_FIELD_BIRTH_DATE,
  ZB_IMPORT_FIELD_NATIVE_PLACE,
  ZB_IMPORT_FIELD_EDUCATION,
  ZB_IMPORT_FIELD_WORK_START_DATE,
  ZB_IMPORT_FIELD_CATEGORY,
  ZB_IMPORT_FIELD_JOINED_DATE,
  ZB_IMPORT_FIELD_FULL_DATE,
  ZB_IMPORT_FIELD_BRANCH,
  ZB_IMPORT_FIELD_GROUP,
  ZB_IMPORT_FIELD_WORK_UNIT,
  ZB_IMPORT_FIELD_PHONE,
  ZB_IMPORT_FIELD_ADDRESS,
  ZB_IMPORT_FIELD_REMARKS,
  ZB_IMPORT_N_FIELDS
} ZbImportField;

/* "name", "gender", …, "branch", "group" ("" for NONE). */
const char *zb_import_field_to_string (ZbImportField field);
gboolean zb_import_field_from_string (const char *text, ZbImportField *field);
/* The translated name of the field for the UI; "Not imported" for NONE. */
const char *zb_import_field_get_label (ZbImportField field);
/* The Chinese column title export writes and import recognises, whatever the
 * language of the UI (rosters are official documents): 姓名, 性别, 公民身份号码 … */
const char *zb_import_field_get_header (ZbImportField field);

/* The field a header names, as offices write headers: 姓名; 公民身份号码,
 * 身份证号, 身份证号码; 出生日期, 出生年月; 学历, 文化程度; 入党时间, 入党日期;
 * 转正时间, 转正日期; 工作岗位, 工作单位及职务; 联系电话, 手机 … Full-width
 * letters, spaces anywhere, parenthesised notes ("入党时间（年月日）") and marks
 * such as * or ： are ignored. NONE when no field matches. */
ZbImportField zb_import_field_from_header (const char *header);

#define ZB_TYPE_IMPORT_MAPPING (zb_import_mapping_get_type ())

G_DECLARE_FINAL_TYPE (ZbImportMapping, zb_import_mapping, ZB, IMPORT_MAPPING, GObject)

/* Finds the header row among the first 20 rows (the row naming the most
 * fields, with 姓名 among them: title rows above it are skipped) and maps its
 * columns. Each field comes from at most one column: the first that names
 * it. Emits "changed" whenever the mapping changes. */
ZbImportMapping *zb_import_mapping_new (ZbSheet *sheet);
ZbSheet *zb_import_mapping_get_sheet (ZbImportMapping *self);

/* The header row's index in the sheet (zb_sheet_get_*), or -1 when none was
 * found: then every row is data and the columns must be mapped by hand. */
int zb_import_mapping_get_header_row (ZbImportMapping *self);
/* Takes @row as the header row (-1: none) and maps its columns afresh. */
void zb_import_mapping_set_header_row (ZbImportMapping *self, int row);
/* The sheet's index of the first row after the header. */
guint zb_import_mapping_get_first_data_row (ZbImportMapping *self);

guint zb_import_mapping_get_n_columns (ZbImportMapping *self);
/* The header's text in @column, or "Column C" when it has none. */
char *zb_import_mapping_dup_column_title (ZbImportMapping *self, guint column);
ZbImportField zb_import_mapping_get_field (ZbImportMapping *self, guint column);
/* Maps @column to @field; a column that had @field before loses it. */
void zb_import_mapping_set_field (ZbImportMapping *self, guint column, ZbImportField field);
/* The column of @field, or -1. */
int zb_import_mapping_get_column (ZbImportMapping *self, ZbImportField field);

/* FALSE with ZB_EXCHANGE_ERROR_NO_HEADER and a sentence for the user when the
 * mapping cannot be imported: no column holds the name. */
gboolean zb_import_mapping_check (ZbImportMapping *self, GError **error);

G_END_DECLS
