/* test-dates-headers.c — dates as offices type them, spreadsheet date serials,
 * and finding the header row and its columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "exchange-test-util.h"
#include "zb-exchange-error.h"
#include "zb-import-mapping.h"
#include "zb-office-date.h"

static ZbSheet *
read_csv (const char *data)
{
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet = zb_csv_read_data (data, strlen (data), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  return sheet;
}

/* Dates ----------------------------------------------------------------------- */

static void
assert_date (const char *text, ZbOfficeDate expected, const char *iso)
{
  GDate date;
  ZbOfficeDate result = zb_office_date_parse (text, &date);

  g_test_message ("%s", text);
  g_assert_cmpint (result, ==, expected);
  if (iso != NULL)
    {
      g_autofree char *got = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                              g_date_get_month (&date), g_date_get_day (&date));

      g_assert_cmpstr (got, ==, iso);
    }
}

static void
test_office_dates (void)
{
  assert_date ("2010-07-01", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010/7/1", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010.07.01", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010.7.1.", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010年7月1日", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010 年 07 月 01 日", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010年7月1号", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("20100701", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("  2010-07-01 00:00:00 ", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2010-07-01T08:30", ZB_OFFICE_DATE_DAY, "2010-07-01");
  /* full-width digits and punctuation */
  assert_date ("２０１０／７／１", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_date ("2000-02-29", ZB_OFFICE_DATE_DAY, "2000-02-29");
  /* year and month: the first of the month */
  assert_date ("2010.7", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("2010.07", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("2010-07", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("2010/7", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("2010年7月", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("2010年07月份", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_date ("201007", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  /* not dates */
  assert_date ("", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010-13-01", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010-02-30", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2011-02-29", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010-7/1", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("7/1/2010", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("01.07.2010", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010年7月1日前", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("20101301", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010070", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("不详", ZB_OFFICE_DATE_INVALID, NULL);
  assert_date ("2010-07-01 上午", ZB_OFFICE_DATE_INVALID, NULL);
}

static void
assert_serial (double serial, gboolean date1904, const char *iso)
{
  GDate date;
  gboolean ok = zb_office_date_from_serial (serial, date1904, &date);

  if (iso == NULL)
    {
      g_assert_false (ok);
      return;
    }
  g_assert_true (ok);
  {
    g_autofree char *got = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                            g_date_get_month (&date), g_date_get_day (&date));

    g_assert_cmpstr (got, ==, iso);
  }
}

static void
test_serial_dates (void)
{
  assert_serial (1, FALSE, "1900-01-01");
  assert_serial (59, FALSE, "1900-02-28");
  /* Lotus 1-2-3's 1900-02-29 does not exist */
  assert_serial (60, FALSE, NULL);
  assert_serial (61, FALSE, "1900-03-01");
  assert_serial (18263, FALSE, "1949-12-31");
  assert_serial (40360, FALSE, "2010-07-01");
  assert_serial (40360.75, FALSE, "2010-07-01");
  assert_serial (2958465, FALSE, "9999-12-31");
  assert_serial (0, FALSE, NULL);
  /* LibreOffice's dates before 1900 */
  assert_serial (-1, FALSE, "1899-12-29");
  assert_serial (-7303, FALSE, "1880-01-01");
  assert_serial (-400000, FALSE, NULL);
  assert_serial (2958466, FALSE, NULL);
  assert_serial (0, TRUE, "1904-01-01");
  assert_serial (38898, TRUE, "2010-07-01");
}

static void
assert_number_date (double number, const char *text, ZbOfficeDate expected, const char *iso)
{
  GDate date;
  ZbOfficeDate result = zb_office_date_from_number (number, text, FALSE, &date);

  g_test_message ("%g", number);
  g_assert_cmpint (result, ==, expected);
  if (iso != NULL)
    {
      g_autofree char *got = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                              g_date_get_month (&date), g_date_get_day (&date));

      g_assert_cmpstr (got, ==, iso);
    }
}

static void
test_number_dates (void)
{
  assert_number_date (20100701, "20100701", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_number_date (201007, "201007", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_number_date (2010.07, "2010.07", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_number_date (2010.7, "2010.7", ZB_OFFICE_DATE_MONTH, "2010-07-01");
  assert_number_date (2010.12, "2010.12", ZB_OFFICE_DATE_MONTH, "2010-12-01");
  /* 2010.10 typed into a cell is stored as 2010.1 */
  assert_number_date (2010.1, "2010.1", ZB_OFFICE_DATE_AMBIGUOUS, NULL);
  assert_number_date (2010.13, "2010.13", ZB_OFFICE_DATE_INVALID, NULL);
  assert_number_date (40360, "40360", ZB_OFFICE_DATE_DAY, "2010-07-01");
  assert_number_date (40360, NULL, ZB_OFFICE_DATE_DAY, "2010-07-01");
  /* a year alone is not a date */
  assert_number_date (2010, "2010", ZB_OFFICE_DATE_INVALID, NULL);
  assert_number_date (-5, "-5", ZB_OFFICE_DATE_INVALID, NULL);
}

/* Headers --------------------------------------------------------------------- */

static void
test_header_variants (void)
{
  const struct
  {
    const char *header;
    ZbImportField field;
  } cases[] = {
    { "姓名", ZB_IMPORT_FIELD_NAME },
    { "姓 名", ZB_IMPORT_FIELD_NAME },
    { "姓　名", ZB_IMPORT_FIELD_NAME },
    { "*姓名", ZB_IMPORT_FIELD_NAME },
    { "姓名：", ZB_IMPORT_FIELD_NAME },
    { "性别", ZB_IMPORT_FIELD_GENDER },
    { "民族", ZB_IMPORT_FIELD_ETHNICITY },
    { "公民身份号码", ZB_IMPORT_FIELD_ID_NUMBER },
    { "身份证号", ZB_IMPORT_FIELD_ID_NUMBER },
    { "身份证号码", ZB_IMPORT_FIELD_ID_NUMBER },
    { "身份证号码（18位）", ZB_IMPORT_FIELD_ID_NUMBER },
    { "公民身份号码\n(必填)", ZB_IMPORT_FIELD_ID_NUMBER },
    { "出生日期", ZB_IMPORT_FIELD_BIRTH_DATE },
    { "出生年月", ZB_IMPORT_FIELD_BIRTH_DATE },
    { "籍贯", ZB_IMPORT_FIELD_NATIVE_PLACE },
    { "学历", ZB_IMPORT_FIELD_EDUCATION },
    { "文化程度", ZB_IMPORT_FIELD_EDUCATION },
    { "参加工作时间", ZB_IMPORT_FIELD_WORK_START_DATE },
    { "入党时间", ZB_IMPORT_FIELD_JOINED_DATE },
    { "入党日期", ZB_IMPORT_FIELD_JOINED_DATE },
    { "入党时间（年月日）", ZB_IMPORT_FIELD_JOINED_DATE },
    { "【入党时间】", ZB_IMPORT_FIELD_JOINED_DATE },
    { "转正时间", ZB_IMPORT_FIELD_FULL_DATE },
    { "转正日期", ZB_IMPORT_FIELD_FULL_DATE },
    { "人员类别", ZB_IMPORT_FIELD_CATEGORY },
    { "工作岗位", ZB_IMPORT_FIELD_WORK_UNIT },
    { "工作单位及职务", ZB_IMPORT_FIELD_WORK_UNIT },
    { "联系电话", ZB_IMPORT_FIELD_PHONE },
    { "手机", ZB_IMPORT_FIELD_PHONE },
    { "手机号码", ZB_IMPORT_FIELD_PHONE },
    { "本人联系电话", ZB_IMPORT_FIELD_PHONE },
    { "家庭住址", ZB_IMPORT_FIELD_ADDRESS },
    { "党小组", ZB_IMPORT_FIELD_GROUP },
    { "所在党支部", ZB_IMPORT_FIELD_BRANCH },
    { "备注", ZB_IMPORT_FIELD_REMARKS },
    { "（备注）", ZB_IMPORT_FIELD_REMARKS },
    /* not ours, even with an alias inside */
    { "序号", ZB_IMPORT_FIELD_NONE },
    { "党内职务", ZB_IMPORT_FIELD_NONE },
    { "党龄", ZB_IMPORT_FIELD_NONE },
    { "照片", ZB_IMPORT_FIELD_NONE },
    { "", ZB_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (zb_import_field_from_header (cases[i].header), ==, cases[i].field);
    }

  /* every field's own export header is recognised */
  for (guint f = 1; f < ZB_IMPORT_N_FIELDS; f++)
    g_assert_cmpint (zb_import_field_from_header (zb_import_field_get_header (f)), ==, f);
}

static void
on_changed (ZbImportMapping *mapping, guint *count)
{
  (*count)++;
}

static void
test_mapping (void)
{
  g_autoptr (ZbSheet) sheet = read_csv ("某某支部党员花名册,,,\n"
                                        "填报日期：2026年1月,,,\n"
                                        "序号,姓 名,身份证号,手机,手机号码\n"
                                        "1,张三,11010519491231002X,13800138000,\n");
  g_autoptr (ZbSheet) no_header = read_csv ("张三,男\n李四,女\n");
  g_autoptr (ZbImportMapping) mapping = zb_import_mapping_new (sheet);
  g_autoptr (ZbImportMapping) manual = zb_import_mapping_new (no_header);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *untitled = NULL;
  guint changed = 0;

  g_signal_connect (mapping, "changed", G_CALLBACK (on_changed), &changed);

  /* the title and date lines above the header are skipped */
  g_assert_cmpint (zb_import_mapping_get_header_row (mapping), ==, 2);
  g_assert_cmpuint (zb_import_mapping_get_first_data_row (mapping), ==, 3);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 0), ==, ZB_IMPORT_FIELD_NONE);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 1), ==, ZB_IMPORT_FIELD_NAME);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 2), ==, ZB_IMPORT_FIELD_ID_NUMBER);
  /* the first of two phone columns takes the field */
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 3), ==, ZB_IMPORT_FIELD_PHONE);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 4), ==, ZB_IMPORT_FIELD_NONE);
  g_assert_cmpint (zb_import_mapping_get_column (mapping, ZB_IMPORT_FIELD_PHONE), ==, 3);
  g_assert_true (zb_import_mapping_check (mapping, &error));
  g_assert_no_error (error);

  title = zb_import_mapping_dup_column_title (mapping, 1);
  g_assert_cmpstr (title, ==, "姓 名");

  /* moving a field to another column takes it from the first */
  zb_import_mapping_set_field (mapping, 4, ZB_IMPORT_FIELD_PHONE);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 3), ==, ZB_IMPORT_FIELD_NONE);
  g_assert_cmpint (zb_import_mapping_get_column (mapping, ZB_IMPORT_FIELD_PHONE), ==, 4);
  zb_import_mapping_set_field (mapping, 4, ZB_IMPORT_FIELD_PHONE);
  g_assert_cmpuint (changed, ==, 1);

  zb_import_mapping_set_field (mapping, 1, ZB_IMPORT_FIELD_NONE);
  g_assert_false (zb_import_mapping_check (mapping, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NO_HEADER);
  g_clear_error (&error);

  zb_import_mapping_set_header_row (mapping, 2);
  g_assert_cmpint (zb_import_mapping_get_field (mapping, 1), ==, ZB_IMPORT_FIELD_NAME);

  /* no header at all: every row is data, the columns are chosen by hand */
  g_assert_cmpint (zb_import_mapping_get_header_row (manual), ==, -1);
  g_assert_cmpuint (zb_import_mapping_get_first_data_row (manual), ==, 0);
  g_assert_false (zb_import_mapping_check (manual, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NO_HEADER);
  g_clear_error (&error);
  untitled = zb_import_mapping_dup_column_title (manual, 1);
  g_assert_cmpstr (untitled, ==, "Column B");
  zb_import_mapping_set_field (manual, 0, ZB_IMPORT_FIELD_NAME);
  g_assert_true (zb_import_mapping_check (manual, NULL));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/dates/text", test_office_dates);
  g_test_add_func ("/exchange/dates/serial", test_serial_dates);
  g_test_add_func ("/exchange/dates/number", test_number_dates);
  g_test_add_func ("/exchange/header/variants", test_header_variants);
  g_test_add_func ("/exchange/header/mapping", test_mapping);

  return g_test_run ();
}
