/* test-readers.c — reading CSV and XLSX files as spreadsheet programs write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <zip.h>

#include "exchange-test-util.h"
#include "zb-csv-reader.h"
#include "zb-exchange-error.h"
#include "zb-xlsx-reader.h"

#define HEADER "姓名,性别,公民身份号码,入党时间\n"

static ZbSheet *
read_csv (const char *data, gssize length)
{
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet;

  sheet = zb_csv_read_data (data, length < 0 ? strlen (data) : (gsize)length, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

/* CSV ------------------------------------------------------------------------- */

static void
test_csv_utf8 (void)
{
  g_autoptr (ZbSheet) sheet
      = read_csv (HEADER "张三,男,11010519491231002X,2010-07-01\n李四,女,,\n", -1);

  g_assert_cmpstr (zb_sheet_get_format (sheet), ==, "csv");
  g_assert_cmpstr (zb_sheet_get_encoding (sheet), ==, "UTF-8");
  g_assert_cmpuint (zb_sheet_get_separator (sheet), ==, ',');
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 3);
  g_assert_cmpuint (zb_sheet_get_n_columns (sheet), ==, 4);
  g_assert_cmpstr (ex_cell (sheet, 0, 2), ==, "公民身份号码");
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张三");
  g_assert_cmpstr (ex_cell (sheet, 1, 2), ==, "11010519491231002X");
  g_assert_cmpint (ex_cell_kind (sheet, 1, 2), ==, ZB_CELL_TEXT);
  /* empty fields are no cells */
  g_assert_null (ex_cell (sheet, 2, 2));
  g_assert_null (ex_cell (sheet, 2, 3));
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 2), ==, 3);
}

static void
test_csv_utf8_bom (void)
{
  g_autoptr (ZbSheet) sheet = read_csv ("\xEF\xBB\xBF"
                                        "姓名,性别\r\n张三,男\r\n",
                                        -1);

  g_assert_cmpstr (zb_sheet_get_encoding (sheet), ==, "UTF-8");
  /* the BOM is not part of the first header */
  g_assert_cmpstr (ex_cell (sheet, 0, 0), ==, "姓名");
  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "男");
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 2);
}

static void
test_csv_gb18030 (void)
{
  /* 䶮 (U+4DAE) is in GB18030 but not in GBK: the file must be read as GB18030 */
  const char *utf8 = HEADER "张三,男,11010519491231002X,2010年7月1日\r\n刘䶮,男,,\r\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *gb = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  gsize length = 0;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (gb, length, NULL));

  sheet = read_csv (gb, (gssize)length);
  g_assert_cmpstr (zb_sheet_get_encoding (sheet), ==, "GB18030");
  g_assert_cmpstr (ex_cell (sheet, 0, 0), ==, "姓名");
  g_assert_cmpstr (ex_cell (sheet, 1, 3), ==, "2010年7月1日");
  g_assert_cmpstr (ex_cell (sheet, 2, 0), ==, "刘䶮");
}

static void
test_csv_gbk_from_file (void)
{
  /* as Excel on Chinese Windows saves "CSV (逗号分隔)": GBK, CRLF */
  const char *utf8 = "序号,姓名,民族\r\n1,欧阳修,汉族\r\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *gbk = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  gsize length = 0;

  gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  path = ex_write_file ("gbk.csv", gbk, (gssize)length);

  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_sheet_get_encoding (sheet), ==, "GB18030");
  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "欧阳修");
}

static void
test_csv_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated */
  const char *utf8 = "姓名\t性别\r\n张三\t男\r\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *utf16 = NULL;
  g_autofree char *data = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  gsize length = 0;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  data = g_malloc (length + 2);
  data[0] = (char)0xFF;
  data[1] = (char)0xFE;
  memcpy (data + 2, utf16, length);

  sheet = read_csv (data, (gssize)length + 2);
  g_assert_cmpstr (zb_sheet_get_encoding (sheet), ==, "UTF-16");
  g_assert_cmpuint (zb_sheet_get_separator (sheet), ==, '\t');
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张三");
  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "男");
}

static void
test_csv_quoting (void)
{
  const char *data = "姓名,备注,地址\r\n"
                     "\"张三\",\"他说：\"\"好\"\"\",\"北京,海淀\"\r\n"
                     "李四,\"两行\r\n的备注\",\r\n"
                     "\"\",\"\"\"\",\"x\"y\r"
                     "王五,\"a\nb\nc\",末行";
  g_autoptr (ZbSheet) sheet = read_csv (data, -1);

  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 5);
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张三");
  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "他说：\"好\"");
  g_assert_cmpstr (ex_cell (sheet, 1, 2), ==, "北京,海淀");
  /* a line break inside quotes is part of the field (as \n) */
  g_assert_cmpstr (ex_cell (sheet, 2, 1), ==, "两行\n的备注");
  g_assert_null (ex_cell (sheet, 2, 2));
  /* a record starts on the line of its first field */
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 2), ==, 3);
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 3), ==, 5);
  /* "" is empty, """" one quote, text after a closing quote is kept */
  g_assert_null (ex_cell (sheet, 3, 0));
  g_assert_cmpstr (ex_cell (sheet, 3, 1), ==, "\"");
  g_assert_cmpstr (ex_cell (sheet, 3, 2), ==, "xy");
  /* CR alone ends a line too; no final line break */
  g_assert_cmpstr (ex_cell (sheet, 4, 1), ==, "a\nb\nc");
  g_assert_cmpstr (ex_cell (sheet, 4, 2), ==, "末行");
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 4), ==, 6);
}

static void
test_csv_separators (void)
{
  g_autoptr (ZbSheet) semicolon = read_csv ("党员名册\n姓名;性别;备注\n张三;男;\"a;b\"\n", -1);
  g_autoptr (ZbSheet) tab = read_csv ("姓名\t性别\t备注\n张三\t男\ta,b\n", -1);
  g_autoptr (ZbSheet) sep_line = read_csv ("sep=;\r\n姓名;备注\r\n张三;a,b\r\n", -1);
  g_autoptr (ZbSheet) one_column = read_csv ("姓名\n张三\n", -1);

  /* the title line above has no separator: the header decides */
  g_assert_cmpuint (zb_sheet_get_separator (semicolon), ==, ';');
  g_assert_cmpstr (ex_cell (semicolon, 2, 2), ==, "a;b");
  g_assert_cmpuint (zb_sheet_get_separator (tab), ==, '\t');
  g_assert_cmpstr (ex_cell (tab, 1, 2), ==, "a,b");
  /* Excel's sep= line names the separator and is not a row */
  g_assert_cmpuint (zb_sheet_get_separator (sep_line), ==, ';');
  g_assert_cmpuint (zb_sheet_get_n_rows (sep_line), ==, 2);
  g_assert_cmpstr (ex_cell (sep_line, 0, 0), ==, "姓名");
  g_assert_cmpstr (ex_cell (sep_line, 1, 1), ==, "a,b");
  g_assert_cmpuint (zb_sheet_get_row_number (sep_line, 0), ==, 2);
  g_assert_cmpuint (zb_sheet_get_separator (one_column), ==, ',');
  g_assert_cmpstr (ex_cell (one_column, 1, 0), ==, "张三");
}

static void
test_csv_formula_text (void)
{
  g_autoptr (ZbSheet) sheet = read_csv (
      "姓名,身份证号,电话,备注\n张三,=\"11010519491231002X\",\"=\"\"01012345678\"\"\",=SUM(A1)\n"
      "李四,\"=\"\"a\"\"\"\"b\"\"\",=\"\",\n",
      -1);

  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "11010519491231002X");
  g_assert_cmpstr (ex_cell (sheet, 1, 2), ==, "01012345678");
  /* a real formula stays as it was written */
  g_assert_cmpstr (ex_cell (sheet, 1, 3), ==, "=SUM(A1)");
  g_assert_cmpstr (ex_cell (sheet, 2, 1), ==, "a\"b");
  g_assert_null (ex_cell (sheet, 2, 2));
}

static void
test_csv_errors (void)
{
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet;

  sheet = zb_csv_read_data (HEADER "张三,男,\"1101,\n李四,女,,\n", strlen (HEADER) + 24, NULL,
                            &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED);
  /* says where: the quote opened on line 2 */
  g_assert_nonnull (strstr (error->message, "2"));
  g_clear_error (&error);

  sheet = zb_csv_read_data ("a,b\n\0\0\0", 7, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  sheet = zb_csv_read_data ("\xEF\xBB\xBF"
                            "姓名\n\xFF\xFE\xFF\n",
                            12, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING);
  g_clear_error (&error);

  /* neither UTF-8 nor GB18030 */
  sheet = zb_csv_read_data ("a,b\n\x81\x30\xFF\xFF\n", 9, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING);
  g_clear_error (&error);

  /* the size is checked before anything is read */
  sheet = zb_csv_read_data ("", ZB_CSV_MAX_BYTES + 1, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE);
}

/* XLSX ------------------------------------------------------------------------ */

static ZbSheet *
read_fixture (const char *name)
{
  g_autofree char *path = ex_fixture (name);
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet = zb_sheet_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

static void
test_xlsx_cells (void)
{
  g_autoptr (ZbSheet) sheet = read_fixture ("cells.xlsx");
  g_autofree char *id_zhang = ex_id_number ("11010519491231003");
  g_autofree char *id_wang = ex_id_number ("32010219800101005");
  g_autofree char *id_zhao = ex_id_number ("44052419850315002");
  g_autofree char *id_zhao_spaced = g_strdup_printf (" %s ", id_zhao);
  const guint rows[] = { 1, 2, 3, 4, 5, 7 };

  g_assert_cmpstr (zb_sheet_get_format (sheet), ==, "xlsx");
  g_assert_null (zb_sheet_get_encoding (sheet));

  /* the hidden first sheet is skipped; the empty row 6 is dropped */
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (zb_sheet_get_row_number (sheet, i), ==, rows[i]);
  g_assert_cmpstr (ex_cell (sheet, 0, 0), ==, "姓名");
  g_assert_cmpstr (ex_cell (sheet, 0, 9), ==, "民族");

  /* shared strings: runs joined, phonetic runs left out, escapes decoded */
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张三");
  g_assert_cmpstr (ex_cell (sheet, 2, 0), ==, "李四");
  g_assert_cmpstr (ex_cell (sheet, 1, 7), ==, "第一行\r第二行，_x000D_照写");
  /* inline strings, also with runs */
  g_assert_cmpstr (ex_cell (sheet, 1, 1), ==, "男");
  g_assert_cmpstr (ex_cell (sheet, 3, 0), ==, "王五");
  /* text-formatted ID numbers stay text, whichever way they are stored */
  g_assert_cmpint (ex_cell_kind (sheet, 1, 2), ==, ZB_CELL_TEXT);
  g_assert_cmpstr (ex_cell (sheet, 1, 2), ==, id_zhang);
  g_assert_cmpstr (ex_cell (sheet, 3, 2), ==, id_wang);
  /* an ID number Excel turned into a number: kept as the file wrote it */
  g_assert_cmpint (ex_cell_kind (sheet, 2, 2), ==, ZB_CELL_NUMBER);
  g_assert_cmpstr (ex_cell (sheet, 2, 2), ==, "1.10105194912312E+17");
  g_assert_cmpfloat (zb_sheet_get_cell (sheet, 2, 2)->number, ==, 1.10105194912312E+17);
  /* date cells: built-in 14, custom 年月日, custom with ;@, built-in 57 */
  g_assert_cmpint (ex_cell_kind (sheet, 1, 3), ==, ZB_CELL_DATE);
  g_assert_cmpstr (ex_cell (sheet, 1, 3), ==, "1949-12-31");
  g_assert_cmpstr (ex_cell (sheet, 1, 4), ==, "1980-07-01");
  g_assert_cmpint (ex_cell_kind (sheet, 1, 4), ==, ZB_CELL_DATE);
  g_assert_cmpstr (ex_cell (sheet, 1, 5), ==, "1981-07-01");
  g_assert_cmpint (ex_cell_kind (sheet, 2, 4), ==, ZB_CELL_DATE);
  /* a "d" inside quotes does not make a date; nor does General */
  g_assert_cmpint (ex_cell_kind (sheet, 2, 5), ==, ZB_CELL_NUMBER);
  g_assert_cmpint (ex_cell_kind (sheet, 3, 4), ==, ZB_CELL_NUMBER);
  g_assert_cmpstr (ex_cell (sheet, 3, 4), ==, "40360");
  /* numbers */
  g_assert_cmpint (ex_cell_kind (sheet, 1, 6), ==, ZB_CELL_NUMBER);
  g_assert_cmpfloat (zb_sheet_get_cell (sheet, 1, 6)->number, ==, 13800138000.0);
  /* booleans, errors, formula results */
  g_assert_cmpint (ex_cell_kind (sheet, 1, 8), ==, ZB_CELL_BOOLEAN);
  g_assert_cmpstr (ex_cell (sheet, 1, 8), ==, "FALSE");
  g_assert_cmpstr (ex_cell (sheet, 3, 8), ==, "TRUE");
  g_assert_cmpint (ex_cell_kind (sheet, 2, 9), ==, ZB_CELL_ERROR);
  g_assert_cmpstr (ex_cell (sheet, 2, 9), ==, "#N/A");
  g_assert_cmpstr (ex_cell (sheet, 3, 1), ==, "男");
  g_assert_cmpstr (ex_cell (sheet, 3, 3), ==, "1980-01-01");
  /* cells without a reference follow each other */
  g_assert_cmpstr (ex_cell (sheet, 4, 0), ==, "赵六");
  g_assert_cmpstr (ex_cell (sheet, 4, 1), ==, "女");
  g_assert_cmpstr (ex_cell (sheet, 4, 2), ==, id_zhao_spaced);
  g_assert_cmpstr (ex_cell (sheet, 4, 3), ==, "1985-03-15");
  g_assert_cmpstr (ex_cell (sheet, 5, 7), ==, "制表人：李华");
}

static void
test_xlsx_libreoffice (void)
{
  g_autoptr (ZbSheet) sheet = read_fixture ("roster-libreoffice.xlsx");
  g_autofree char *id = ex_id_number ("11010519650312001");

  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 6);
  g_assert_cmpstr (ex_cell (sheet, 0, 3), ==, "公民身份号码");
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张建国");
  g_assert_cmpint (ex_cell_kind (sheet, 1, 3), ==, ZB_CELL_TEXT);
  g_assert_cmpstr (ex_cell (sheet, 1, 3), ==, id);
  g_assert_cmpint (ex_cell_kind (sheet, 1, 4), ==, ZB_CELL_DATE);
  g_assert_cmpstr (ex_cell (sheet, 1, 4), ==, "1965-03-12");
  g_assert_cmpstr (ex_cell (sheet, 4, 9), ==, "02112345678");
}

typedef struct
{
  const char *name;
  const char *data;
  gsize length; /* 0: strlen */
} Part;

static char *
write_zip (const char *file_name, const Part *parts, guint n_parts)
{
  g_autofree char *path = ex_path (file_name);
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

  g_assert_nonnull (zip);
  for (guint i = 0; i < n_parts; i++)
    {
      gsize length = parts[i].length != 0 ? parts[i].length : strlen (parts[i].data);
      zip_source_t *source = zip_source_buffer (zip, parts[i].data, length, 0);

      g_assert_nonnull (source);
      g_assert_cmpint (zip_file_add (zip, parts[i].name, source, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  g_assert_cmpint (zip_close (zip), ==, 0);
  return g_steal_pointer (&path);
}

#define MAIN_NS "xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
#define REL_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

static ZbSheet *
read_zip (const Part *parts, guint n_parts, GError **error)
{
  g_autofree char *path = write_zip ("built.xlsx", parts, n_parts);

  return zb_sheet_read_file (path, NULL, error);
}

static void
test_xlsx_prefixed (void)
{
  /* .NET writers use a prefix on every element; no package rels here, and the
   * 1904 date system of old Mac workbooks */
  const Part parts[] = {
    { "xl/workbook.xml", "<x:workbook " MAIN_NS " " REL_NS "><x:workbookPr date1904=\"1\"/>"
                         "<x:sheets><x:sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets>"
                         "</x:workbook>" },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId1\" Type=\"http://x/worksheet\" "
      "Target=\"worksheets/../worksheets/./data.xml\"/></Relationships>" },
    { "xl/styles.xml", "<x:styleSheet " MAIN_NS "><x:cellXfs count=\"2\"><x:xf numFmtId=\"0\"/>"
                       "<x:xf numFmtId=\"14\"/></x:cellXfs></x:styleSheet>" },
    { "xl/worksheets/data.xml",
      "<x:worksheet " MAIN_NS "><x:sheetData><x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\">"
      "<x:is><x:t>姓名</x:t></x:is></x:c><x:c r=\"C3\" s=\"1\"><x:v>0</x:v></x:c></x:row>"
      "</x:sheetData></x:worksheet>" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = read_zip (parts, G_N_ELEMENTS (parts), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 1);
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 0), ==, 3);
  g_assert_cmpstr (ex_cell (sheet, 0, 1), ==, "姓名");
  g_assert_cmpint (ex_cell_kind (sheet, 0, 2), ==, ZB_CELL_DATE);
  g_assert_cmpstr (ex_cell (sheet, 0, 2), ==, "1904-01-01");
}

static void
test_xlsx_all_hidden (void)
{
  /* every sheet hidden: the first one is read */
  const Part parts[] = {
    { "xl/workbook.xml", "<workbook " REL_NS "><sheets><sheet name=\"A\" sheetId=\"1\" "
                         "state=\"hidden\" r:id=\"rId1\"/><sheet name=\"B\" sheetId=\"2\" "
                         "state=\"veryHidden\" r:id=\"rId2\"/></sheets></workbook>" },
    { "xl/_rels/workbook.xml.rels",
      "<Relationships><Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"b.xml\"/>"
      "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"a.xml\"/></Relationships>" },
    { "xl/a.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>甲</t></is></c></row>"
                  "</sheetData></worksheet>" },
    { "xl/b.xml", "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>乙</t></is></c></row>"
                  "</sheetData></worksheet>" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = read_zip (parts, G_N_ELEMENTS (parts), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ex_cell (sheet, 0, 0), ==, "甲");
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 0), ==, 1);
}

static void
assert_zip_error (const Part *parts, guint n_parts, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = read_zip (parts, n_parts, &error);

  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, code);
  g_test_message ("%s", error->message);
}

#define WORKBOOK                                                                                   \
  {                                                                                                \
    "xl/workbook.xml", "<workbook " REL_NS "><sheets><sheet name=\"S\" sheetId=\"1\" "             \
                       "r:id=\"rId1\"/></sheets></workbook>"                                       \
  }
#define WORKBOOK_RELS                                                                              \
  {                                                                                                \
    "xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" " \
                                  "Target=\"worksheets/sheet1.xml\"/></Relationships>"             \
  }

static void
test_xlsx_errors (void)
{
  const Part ods[] = { { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
                       { "content.xml", "<office:document-content/>" } };
  const Part docx[] = { { "word/document.xml", "<w:document/>" } };
  const Part broken_xml[]
      = { WORKBOOK,
          WORKBOOK_RELS,
          { "xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c><v>1</c></row>" } };
  const Part bad_index[] = { WORKBOOK,
                             WORKBOOK_RELS,
                             { "xl/worksheets/sheet1.xml",
                               "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v>"
                               "</c></row></sheetData></worksheet>" } };
  const Part bad_row[]
      = { WORKBOOK,
          WORKBOOK_RELS,
          { "xl/worksheets/sheet1.xml",
            "<worksheet><sheetData><row r=\"99999999\"/></sheetData></worksheet>" } };
  const Part bad_ref[] = { WORKBOOK,
                           WORKBOOK_RELS,
                           { "xl/worksheets/sheet1.xml",
                             "<worksheet><sheetData><row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c>"
                             "</row></sheetData></worksheet>" } };
  const Part no_sheet[] = { { "xl/workbook.xml", "<workbook><sheets/></workbook>" } };

  assert_zip_error (ods, G_N_ELEMENTS (ods), ZB_EXCHANGE_ERROR_UNSUPPORTED);
  assert_zip_error (docx, G_N_ELEMENTS (docx), ZB_EXCHANGE_ERROR_UNSUPPORTED);
  assert_zip_error (broken_xml, G_N_ELEMENTS (broken_xml), ZB_EXCHANGE_ERROR_DAMAGED);
  assert_zip_error (bad_index, G_N_ELEMENTS (bad_index), ZB_EXCHANGE_ERROR_DAMAGED);
  assert_zip_error (bad_row, G_N_ELEMENTS (bad_row), ZB_EXCHANGE_ERROR_DAMAGED);
  assert_zip_error (bad_ref, G_N_ELEMENTS (bad_ref), ZB_EXCHANGE_ERROR_DAMAGED);
  assert_zip_error (no_sheet, G_N_ELEMENTS (no_sheet), ZB_EXCHANGE_ERROR_DAMAGED);
}

static void
test_xlsx_truncated (void)
{
  g_autofree char *path = ex_fixture ("cells.xlsx");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* cut anywhere: an error, never a crash or a half sheet */
  for (gsize cut = 0; cut < length; cut += 97)
    {
      ZbSheet *sheet = zb_xlsx_read_data (contents, cut, NULL, &error);

      g_assert_null (sheet);
      g_assert_true (error->domain == ZB_EXCHANGE_ERROR);
      g_clear_error (&error);
    }
}

static void
test_xlsx_zip_bomb (void)
{
  /* 80 MB of blanks packs into less than 100 KB: refused before it is read */
  gsize size = 80 * 1024 * 1024;
  g_autofree char *blanks = g_malloc (size);
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  Part parts[] = { WORKBOOK, WORKBOOK_RELS, { "xl/worksheets/sheet1.xml", NULL, 0 } };

  memset (blanks, ' ', size);
  memcpy (blanks, "<worksheet>", 11);
  parts[2].data = blanks;
  parts[2].length = size;

  sheet = read_zip (parts, G_N_ELEMENTS (parts), &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE);
}

/* .xls as LibreOffice writes it (tests/exchange/fixtures/make-fixtures.py):
 * the same cells as its .xlsx. */
static void
test_xls_libreoffice (void)
{
  g_autoptr (ZbSheet) sheet = read_fixture ("roster-libreoffice.xls");
  g_autofree char *id = ex_id_number ("11010519650312001");

  g_assert_cmpstr (zb_sheet_get_format (sheet), ==, "xls");
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 6);
  g_assert_cmpuint (zb_sheet_get_row_number (sheet, 5), ==, 6);
  g_assert_cmpstr (ex_cell (sheet, 0, 3), ==, "公民身份号码");
  g_assert_cmpstr (ex_cell (sheet, 0, 10), ==, "备注");
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "张建国");
  g_assert_cmpint (ex_cell_kind (sheet, 1, 3), ==, ZB_CELL_TEXT);
  g_assert_cmpstr (ex_cell (sheet, 1, 3), ==, id);
  g_assert_cmpint (ex_cell_kind (sheet, 1, 4), ==, ZB_CELL_DATE);
  g_assert_cmpstr (ex_cell (sheet, 1, 4), ==, "1965-03-12");
  g_assert_cmpstr (ex_cell (sheet, 2, 10), ==, "退休返聘");
  g_assert_cmpstr (ex_cell (sheet, 4, 9), ==, "02112345678");
  /* an empty 转正时间 is no cell */
  g_assert_null (zb_sheet_get_cell (sheet, 5, 7));
}

/* ID numbers typed into a General column: Excel and LibreOffice keep 15
 * significant digits, and the text is what Excel shows, so the importer can
 * tell the number was rounded. */
static void
test_xls_numeric_id (void)
{
  g_autoptr (ZbSheet) sheet = read_fixture ("roster-numeric-id.xls");
  const ZbCell *cell = zb_sheet_get_cell (sheet, 1, 3);

  g_assert_nonnull (cell);
  g_assert_cmpint (cell->kind, ==, ZB_CELL_NUMBER);
  g_assert_cmpfloat (cell->number, >, 1e17);
  g_assert_true (g_str_has_prefix (cell->text, "1.1010519650312"));
  g_assert_true (g_str_has_suffix (cell->text, "E+17"));
}

static void
test_old_formats (void)
{
  static const char ole2[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of a BIFF file";
  static const char html[] = "<html><body><table><tr><td>姓名</td></tr></table></body></html>";
  g_autofree char *xls = ex_write_file ("roster.xls", ole2, sizeof ole2 - 1);
  g_autofree char *et = ex_write_file ("roster.et", ole2, sizeof ole2 - 1);
  g_autofree char *web = ex_write_file ("export.xls", html, sizeof html - 1);
  g_autofree char *fake = ex_write_file ("roster.xlsx", "姓名\n张三\n", -1);
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet;

  /* a compound file that is no workbook (damaged, or an encrypted .xlsx) */
  sheet = zb_sheet_read_file (xls, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED);
  /* says what to do: save as .xlsx or .csv */
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_assert_nonnull (strstr (error->message, ".csv"));
  g_clear_error (&error);

  sheet = zb_sheet_read_file (et, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED);
  g_clear_error (&error);

  /* web systems export HTML tables named .xls */
  sheet = zb_sheet_read_file (web, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_clear_error (&error);

  sheet = zb_sheet_read_file (fake, NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED);
  g_clear_error (&error);

  sheet = zb_sheet_read_file ("/nonexistent/roster.csv", NULL, &error);
  g_assert_null (sheet);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_FAILED);
}

static void
test_column_names (void)
{
  const struct
  {
    guint column;
    const char *name;
  } cases[]
      = { { 0, "A" }, { 25, "Z" }, { 26, "AA" }, { 701, "ZZ" }, { 702, "AAA" }, { 16383, "XFD" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = zb_sheet_column_name (cases[i].column);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/csv/utf8", test_csv_utf8);
  g_test_add_func ("/exchange/csv/utf8-bom", test_csv_utf8_bom);
  g_test_add_func ("/exchange/csv/gb18030", test_csv_gb18030);
  g_test_add_func ("/exchange/csv/gbk-file", test_csv_gbk_from_file);
  g_test_add_func ("/exchange/csv/utf16", test_csv_utf16);
  g_test_add_func ("/exchange/csv/quoting", test_csv_quoting);
  g_test_add_func ("/exchange/csv/separators", test_csv_separators);
  g_test_add_func ("/exchange/csv/formula-text", test_csv_formula_text);
  g_test_add_func ("/exchange/csv/errors", test_csv_errors);
  g_test_add_func ("/exchange/xlsx/cells", test_xlsx_cells);
  g_test_add_func ("/exchange/xlsx/libreoffice", test_xlsx_libreoffice);
  g_test_add_func ("/exchange/xls/libreoffice", test_xls_libreoffice);
  g_test_add_func ("/exchange/xls/numeric-id", test_xls_numeric_id);
  g_test_add_func ("/exchange/xlsx/prefixed", test_xlsx_prefixed);
  g_test_add_func ("/exchange/xlsx/all-hidden", test_xlsx_all_hidden);
  g_test_add_func ("/exchange/xlsx/errors", test_xlsx_errors);
  g_test_add_func ("/exchange/xlsx/truncated", test_xlsx_truncated);
  g_test_add_func ("/exchange/xlsx/zip-bomb", test_xlsx_zip_bomb);
  g_test_add_func ("/exchange/old-formats", test_old_formats);
  g_test_add_func ("/exchange/column-names", test_column_names);

  return g_test_run ();
}
