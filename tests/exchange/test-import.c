/* test-import.c — importing rosters: every rejection code, all or nothing,
 * accepting the valid records, undo, XLSX files, previews, async runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "exchange-test-util.h"
#include "zb-database-private.h"
#include "zb-exchange-error.h"
#include "zb-import-private.h"

#define HEADER                                                                                                                       \
  "姓名,性别,民族,公民身份号码,出生日期,学历,入党时间,转正时间,人员类别,联系电话,所在党支部," \
  "党小组\n"

/* An ID number born 1970-01-01 (or on @birth) with sequence @seq: odd for
 * men, even for women. */
static char *
id_of (const char *birth, guint seq)
{
  g_autofree char *first17 = g_strdup_printf ("110105%s%03u", birth ? birth : "19700101", seq);

  return ex_id_number (first17);
}

static void
make_units (ExFixture *f, gint64 *branch_id, gint64 *group_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) branch
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "第一党支部", &error);
  g_autoptr (ZbOrgUnit) group = NULL;

  g_assert_no_error (error);
  group = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
  g_assert_no_error (error);
  if (branch_id != NULL)
    *branch_id = branch->id;
  if (group_id != NULL)
    *group_id = group->id;
}

static void
insert_member (ExFixture *f, const char *name, const char *id_number)
{
  g_autoptr (ZbMemberRecord) record = zb_member_record_new ();
  g_autoptr (GError) error = NULL;

  record->name = g_strdup (name);
  record->id_number = g_strdup (id_number);
  record->joined_date = g_strdup ("2000-07-01");
  record->full_date = g_strdup ("2001-07-01");
  g_assert_true (zb_member_repo_insert (f->repo, record, &error));
  g_assert_no_error (error);
}

static void
test_valid_csv (ExFixture *f, gconstpointer data)
{
  g_autofree char *id1 = id_of ("19491231", 3);
  g_autofree char *id2 = id_of ("19800701", 2);
  g_autofree char *id3 = id_of ("19900315", 5);
  g_autofree char *csv = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (ZbMemberRecord) m1 = NULL;
  g_autoptr (ZbMemberRecord) m2 = NULL;
  g_autoptr (ZbMemberRecord) m3 = NULL;
  g_autoptr (GPtrArray) batches = NULL;
  g_autoptr (GError) error = NULL;
  gint64 branch_id, group_id;

  make_units (f, &branch_id, &group_id);

  /* as offices type: 汉 for 汉族, 本科, dates in several forms, a lower-case x,
   * spaces around, year-month birth dates, a blank line and a numbered empty
   * row (not records) */
  csv = g_strdup_printf (
      "党员花名册\n序号,姓 "
      "名,性别,民族,身份证号码,出生年月,文化程度,入党时间,转正时间,手机,党小组\n"
      "1, 张 三 ,男,汉,%s,1949.12,本科,1980年7月1日,1981/7/1,138-0013-8000,第一党小组\n"
      "\n"
      "2,李四,女,回族,%s,,大专,2005.07.01,20060701,,\n"
      "3,王五,,蒙古族,%s,1990-03,硕士研究生,2015-07,2016-07,02112345678,\n"
      "4,,,,,,,,,,\n",
      id1, id2, id3);
  id3[17] = g_ascii_tolower (id3[17]);

  report = ex_import_csv (f, csv, ZB_IMPORT_DEFAULT, branch_id);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_records, ==, 3);
  g_assert_cmpuint (report->n_valid, ==, 3);
  g_assert_cmpuint (report->n_written, ==, 3);
  g_assert_nonnull (report->batch_uuid);
  g_assert_cmpint (ex_count_members (f), ==, 3);

  m1 = ex_member_by_id (f, id1);
  g_assert_cmpstr (m1->name, ==, "张三");
  g_assert_cmpint (m1->gender, ==, ZB_GENDER_MALE);
  g_assert_cmpint (m1->ethnicity, ==, 1);
  /* 出生年月 1949.12 agrees with the ID number: its day is kept */
  g_assert_cmpstr (m1->birth_date, ==, "1949-12-31");
  g_assert_cmpint (m1->education, ==, 20);
  g_assert_cmpstr (m1->joined_date, ==, "1980-07-01");
  g_assert_cmpstr (m1->full_date, ==, "1981-07-01");
  g_assert_cmpstr (m1->phone, ==, "13800138000");
  g_assert_cmpint (m1->branch_id, ==, branch_id);
  g_assert_cmpint (m1->group_id, ==, group_id);
  g_assert_cmpint (m1->category, ==, ZB_CATEGORY_FULL);

  m2 = ex_member_by_id (f, id2);
  /* gender and birth date from the ID number */
  g_assert_cmpint (m2->gender, ==, ZB_GENDER_FEMALE);
  g_assert_cmpstr (m2->birth_date, ==, "1980-07-01");
  g_assert_cmpstr (m2->joined_date, ==, "2005-07-01");
  g_assert_cmpstr (m2->full_date, ==, "2006-07-01");
  g_assert_cmpint (m2->group_id, ==, 0);

  /* stored with an upper-case X whatever was typed; year-month dates are the
   * first of the month */
  id3[17] = g_ascii_toupper (id3[17]);
  m3 = ex_member_by_id (f, id3);
  g_assert_cmpstr (m3->joined_date, ==, "2015-07-01");
  g_assert_cmpstr (m3->full_date, ==, "2016-07-01");
  g_assert_cmpint (m3->ethnicity, ==, 2);
  g_assert_cmpint (m3->education, ==, 14);

  /* one batch, one audit row for it, and the chain still verifies */
  batches = zb_import_batch_list (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  g_assert_cmpstr (((ZbImportBatch *)batches->pdata[0])->uuid, ==, report->batch_uuid);
  g_assert_cmpuint (((ZbImportBatch *)batches->pdata[0])->n_records, ==, 3);
  g_assert_cmpstr (((ZbImportBatch *)batches->pdata[0])->file_name, ==, "test.csv");
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                                    " AND entity = 'import_batch'"),
                   ==, 1);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM member WHERE import_batch_id IS NULL"),
                   ==, 0);
  g_assert_true (zb_audit_verify (f->db, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  guint record;
  const char *code;
} Expected;

static void
test_rejection_codes (ExFixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (HEADER);
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (ZbImportReport) accepted = NULL;
  g_autofree char *valid = id_of (NULL, 1);
  g_autofree char *dup = id_of (NULL, 5);
  g_autofree char *roster = id_of (NULL, 7);
  g_autofree char *bad_checksum = id_of (NULL, 3);
  g_autofree char *bad_birth = NULL;
  const Expected expected[] = {
    { 2, "id-length" },
    { 3, "id-format" },
    { 4, "id-format" },
    { 5, "id-checksum" },
    { 6, "id-birthdate" },
    { 7, "duplicate-id" },
    { 8, "duplicate-id" },
    { 9, "duplicate-id" },
    { 10, "name-missing" },
    { 11, "gender-contradicts-id" },
    { 12, "birthdate-contradicts-id" },
    { 13, "date-format" },
    { 14, "date-in-future" },
    { 15, "date-order" },
    { 16, "date-order" },
    { 17, "ethnicity-invalid" },
    { 18, "education-invalid" },
    { 19, "phone-format" },
    { 20, "gender-invalid" },
    { 21, "category-invalid" },
    { 22, "branch-unknown" },
    { 23, "group-unknown" },
  };
  guint seq = 11;
  gint64 branch_id;

  make_units (f, &branch_id, NULL);
  insert_member (f, "在册党员", roster);
  bad_checksum[17] = bad_checksum[17] == '0' ? '1' : '0';
  {
    g_autofree char *first17 = g_strdup ("11010519701332001");
    char check = zb_id_number_check_char (first17);

    bad_birth = g_strdup_printf ("%s%c", first17, check != 0 ? check : '0');
  }

#define ROW(...) g_string_append_printf (csv, __VA_ARGS__)
#define NEXT_ID() id_of (NULL, seq += 2)
  {
    g_autofree char *i11 = NEXT_ID (), *i12 = NEXT_ID (), *i13 = NEXT_ID (), *i14 = NEXT_ID ();
    g_autofree char *i15 = NEXT_ID (), *i16 = id_of ("19900101", 1), *i17 = NEXT_ID ();
    g_autofree char *i18 = NEXT_ID (), *i19 = NEXT_ID (), *i20 = NEXT_ID (), *i21 = NEXT_ID ();
    g_autofree char *i22 = NEXT_ID (), *i23 = NEXT_ID (), *i10 = NEXT_ID ();

    ROW ("张一,男,汉族,%s,1970-01-01,大学本科,2000-07-01,2001-07-01,正式党员,13800138000,"
         "第一党支部,第一党小组\n",
         valid);
    ROW ("张二,男,,12345,,,,,,,,\n");
    ROW ("张三,男,,11010519700101A01X,,,,,,,,\n");
    ROW ("张四,男,,1.10105197001E+17,,,,,,,,\n");
    ROW ("张五,男,,%s,,,,,,,,\n", bad_checksum);
    ROW ("张六,男,,%s,,,,,,,,\n", bad_birth);
    ROW ("张七,男,,%s,,,,,,,,\n", dup);
    ROW ("张八,男,,%s,,,,,,,,\n", dup);
    ROW ("张九,男,,%s,,,,,,,,\n", roster);
    ROW (",男,,%s,,,,,,,,\n", i10);
    ROW ("李一,女,,%s,,,,,,,,\n", i11);
    ROW ("李二,,,%s,1971-01-01,,,,,,,\n", i12);
    ROW ("李三,,,%s,,,2010/13/45,,,,,\n", i13);
    ROW ("李四,,,%s,,,2099-01-01,,,,,\n", i14);
    ROW ("李五,,,%s,,,2001-07-01,2000-07-01,,,,\n", i15);
    ROW ("李六,,,%s,,,2005-01-01,,,,,\n", i16);
    ROW ("李七,,火星族,%s,,,,,,,,\n", i17);
    ROW ("李八,,,%s,,幼儿园,,,,,,\n", i18);
    ROW ("李九,,,%s,,,,,,12345,,\n", i19);
    ROW ("王一,未知,,%s,,,,,,,,\n", i20);
    ROW ("王二,,,%s,,,,,入党积极分子,,,\n", i21);
    ROW ("王三,,,%s,,,,,,,第九党支部,\n", i22);
    ROW ("王四,,,%s,,,,,,,第一党支部,第九党小组\n", i23);
  }
#undef ROW
#undef NEXT_ID

  report = ex_import_csv (f, csv->str, ZB_IMPORT_DEFAULT, 0);
  g_assert_cmpuint (report->n_records, ==, 23);
  g_assert_cmpuint (report->n_valid, ==, 1);
  g_assert_cmpuint (report->n_rejected, ==, 22);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("record %u: %s", expected[i].record, expected[i].code);
      g_assert_true (ex_has_problem (report, expected[i].record, expected[i].code));
    }
  g_assert_false (ex_has_problem (report, 1, "duplicate-id"));

  /* positions: record from 1 without the header, row as in the file */
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      g_assert_cmpuint (p->row, ==, p->record + 1);
      g_assert_nonnull (p->message);
      if (i > 0)
        g_assert_cmpuint (p->record, >=,
                          ((ZbImportProblem *)report->problems->pdata[i - 1])->record);
    }
  /* the damaged ID number says what happened to it */
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      if (p->record == 4)
        {
          g_assert_cmpstr (p->field, ==, "id_number");
          g_assert_cmpint (p->column, ==, 3);
          g_assert_nonnull (strstr (p->message, "Excel"));
          g_assert_nonnull (strstr (p->message, "rounded"));
        }
    }

  /* nothing written: only the member that was there */
  g_assert_cmpuint (report->n_written, ==, 0);
  g_assert_null (report->batch_uuid);
  g_assert_cmpint (ex_count_members (f), ==, 1);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM import_batch"), ==, 0);

  accepted = ex_import_csv (f, csv->str, ZB_IMPORT_ACCEPT_VALID, 0);
  g_assert_cmpuint (accepted->n_written, ==, 1);
  g_assert_cmpint (ex_count_members (f), ==, 2);
  {
    g_autoptr (ZbMemberRecord) m = ex_member_by_id (f, valid);

    g_assert_cmpint (m->branch_id, ==, branch_id);
    g_assert_cmpint (m->group_id, !=, 0);
  }
}

static char *
three_good_one_bad (void)
{
  g_autofree char *a = id_of (NULL, 21), *b = id_of (NULL, 23), *c = id_of (NULL, 25);
  g_autofree char *d = id_of (NULL, 27);

  return g_strdup_printf ("姓名,公民身份号码,入党时间\n甲,%s,2000-01-01\n乙,%s,2000-01-01\n"
                          "丙,%s,2000-13-01\n丁,%s,2000-01-01\n",
                          a, b, c, d);
}

static void
test_all_or_nothing (ExFixture *f, gconstpointer data)
{
  g_autofree char *csv = three_good_one_bad ();
  g_autofree char *bad = NULL;
  g_autoptr (ZbImportReport) refused = NULL;
  g_autoptr (ZbImportReport) dry = NULL;
  g_autoptr (ZbImportReport) accepted = NULL;
  g_autoptr (GError) error = NULL;
  gint64 audit_rows = ex_query_int (f, "SELECT count(*) FROM audit_log");

  /* record 3 has a bad date; record 4 is fine */
  refused = ex_import_csv (f, csv, ZB_IMPORT_DEFAULT, 0);
  g_assert_cmpuint (refused->n_records, ==, 4);
  g_assert_cmpuint (refused->n_valid, ==, 3);
  g_assert_cmpuint (refused->n_rejected, ==, 1);
  g_assert_true (ex_has_problem (refused, 3, "date-format"));
  g_assert_cmpuint (refused->n_written, ==, 0);
  g_assert_cmpint (ex_count_members (f), ==, 0);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM audit_log"), ==, audit_rows);

  dry = ex_import_csv (f, csv, ZB_IMPORT_DRY_RUN | ZB_IMPORT_ACCEPT_VALID, 0);
  g_assert_cmpuint (dry->n_valid, ==, 3);
  g_assert_cmpuint (dry->n_written, ==, 0);
  g_assert_cmpint (ex_count_members (f), ==, 0);

  accepted = ex_import_csv (f, csv, ZB_IMPORT_ACCEPT_VALID, 0);
  g_assert_cmpuint (accepted->n_written, ==, 3);
  g_assert_cmpint (ex_count_members (f), ==, 3);
  g_assert_cmpint (ex_query_int (f, "SELECT n_records FROM import_batch"), ==, 3);

  /* the same file again: every ID number is on the roster now, except the
   * rejected record's */
  bad = g_strdup (csv);
  {
    g_autoptr (ZbImportReport) again = ex_import_csv (f, bad, ZB_IMPORT_ACCEPT_VALID, 0);

    g_assert_cmpuint (again->n_written, ==, 0);
    g_assert_true (ex_has_problem (again, 1, "duplicate-id"));
    g_assert_true (ex_has_problem (again, 4, "duplicate-id"));
    g_assert_cmpint (ex_count_members (f), ==, 3);
  }
  g_assert_true (zb_audit_verify (f->db, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_undo (ExFixture *f, gconstpointer data)
{
  g_autofree char *a1 = id_of (NULL, 31), *a2 = id_of (NULL, 33), *b1 = id_of (NULL, 35);
  g_autofree char *b2 = id_of (NULL, 37), *manual = id_of (NULL, 39);
  g_autofree char *csv_a = g_strdup_printf ("姓名,公民身份号码\n甲一,%s\n甲二,%s\n", a1, a2);
  g_autofree char *csv_b = g_strdup_printf ("姓名,公民身份号码\n乙一,%s\n乙二,%s\n", b1, b2);
  g_autoptr (ZbImportReport) ra = NULL;
  g_autoptr (ZbImportReport) rb = NULL;
  g_autoptr (ZbImportBatch) undone = NULL;
  g_autoptr (ZbImportBatch) undone_a = NULL;
  g_autoptr (ZbImportBatch) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *uuid = NULL;
  guint removed = 0;

  ra = ex_import_csv (f, csv_a, ZB_IMPORT_DEFAULT, 0);
  insert_member (f, "手工录入", manual);
  rb = ex_import_csv (f, csv_b, ZB_IMPORT_DEFAULT, 0);
  g_assert_cmpint (ex_count_members (f), ==, 5);

  /* an event recorded after the import goes with its member */
  {
    g_autoptr (ZbMemberRecord) m = ex_member_by_id (f, b1);
    g_autoptr (ZbMemberEvent) event = zb_member_event_new (ZB_EVENT_FLOW_START, "2020-01-01");

    event->counterpart = g_strdup ("上海");
    g_assert_true (zb_member_repo_record_event (f->repo, m->uuid, event, &error));
    g_assert_no_error (error);
  }

  /* without a number: the last import */
  undone = zb_import_batch_undo (f->repo, NULL, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->uuid, ==, rb->batch_uuid);
  g_assert_nonnull (undone->undone_at);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpint (ex_count_members (f), ==, 3);
  g_assert_true (zb_member_repo_lookup_id_number (f->repo, b1, &uuid, &error));
  g_assert_null (uuid);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM member_event"), ==, 0);
  g_assert_cmpint (
      ex_query_int (f, "SELECT count(*) FROM import_batch WHERE undone_at IS NOT NULL"), ==, 1);

  /* twice is refused */
  g_assert_null (zb_import_batch_undo (f->repo, rb->batch_uuid, NULL, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNDONE);
  g_clear_error (&error);

  /* by the first 8 characters of its number */
  prefix = g_strndup (ra->batch_uuid, 8);
  found = zb_import_batch_find (f->db, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->uuid, ==, ra->batch_uuid);
  g_assert_null (zb_import_batch_find (f->db, "1234", &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* one of them has left the roster (and the search indexes) since */
  {
    g_autoptr (ZbMemberRecord) m = ex_member_by_id (f, a2);
    g_autoptr (ZbMemberEvent) event = zb_member_event_new (ZB_EVENT_DEATH, "2026-01-01");

    g_assert_true (zb_member_repo_record_event (f->repo, m->uuid, event, &error));
    g_assert_no_error (error);
  }

  undone_a = zb_import_batch_undo (f->repo, prefix, &removed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);

  /* nothing of theirs is left in the search indexes */
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM member_name_fts"
                                    " WHERE member_name_fts MATCH '甲 OR 乙'"),
                   ==, 0);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM member_digits_fts"
                                    " WHERE member_digits_fts MATCH '\"110\"'"),
                   ==, 1);

  /* exactly what the imports added is gone: the member typed in stays */
  g_assert_cmpint (ex_count_members (f), ==, 1);
  {
    g_autoptr (ZbMemberRecord) m = ex_member_by_id (f, manual);

    g_assert_cmpstr (m->name, ==, "手工录入");
  }

  g_assert_null (zb_import_batch_undo (f->repo, NULL, NULL, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'undo-import'"),
                   ==, 2);
  g_assert_true (zb_audit_verify (f->db, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_xlsx_import (ExFixture *f, gconstpointer data)
{
  g_autofree char *path = ex_fixture ("cells.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_sheet_read_file (path, NULL, &error);
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  g_autofree char *id_wang = ex_id_number ("32010219800101005");
  g_autofree char *id_zhao = ex_id_number ("44052419850315002");
  g_autofree char *id_zhang = ex_id_number ("11010519491231003");

  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, "cells.xlsx");
  report = zb_importer_run (importer, ZB_IMPORT_ACCEPT_VALID, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (report->n_records, ==, 5);
  /* 李四: the ID number Excel rounded, and #N/A for 民族 */
  g_assert_true (ex_has_problem (report, 2, "id-format"));
  g_assert_true (ex_has_problem (report, 2, "cell-error"));
  /* the footer line "制表人" is a record without a name, at row 7 */
  g_assert_true (ex_has_problem (report, 5, "name-missing"));
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      g_test_message ("%u %s %s", p->record, p->code, p->message);
      if (p->record == 5)
        g_assert_cmpuint (p->row, ==, 7);
      if (p->record == 2 && g_str_equal (p->code, "id-format"))
        g_assert_nonnull (strstr (p->message, "1.10105194912312E+17"));
    }
  g_assert_cmpuint (report->n_written, ==, 3);

  {
    g_autoptr (ZbMemberRecord) zhang = ex_member_by_id (f, id_zhang);
    g_autoptr (ZbMemberRecord) wang = ex_member_by_id (f, id_wang);
    g_autoptr (ZbMemberRecord) zhao = ex_member_by_id (f, id_zhao);

    g_assert_cmpstr (zhang->name, ==, "张三");
    g_assert_cmpstr (zhang->birth_date, ==, "1949-12-31");
    g_assert_cmpstr (zhang->joined_date, ==, "1980-07-01");
    g_assert_cmpstr (zhang->full_date, ==, "1981-07-01");
    /* a number cell read as the digits a person sees */
    g_assert_cmpstr (zhang->phone, ==, "13800138000");
    g_assert_cmpstr (zhang->remarks, ==, "第一行\r第二行，_x000D_照写");
    g_assert_cmpint (zhang->ethnicity, ==, 1);
    /* a date serial in a General cell, and 2011.7 as text */
    g_assert_cmpstr (wang->joined_date, ==, "2010-07-01");
    g_assert_cmpstr (wang->full_date, ==, "2011-07-01");
    g_assert_cmpstr (zhao->name, ==, "赵六");
    g_assert_cmpint (zhao->gender, ==, ZB_GENDER_FEMALE);
  }
}

static void
test_libreoffice_fixture (ExFixture *f, gconstpointer data)
{
  g_autofree char *path = ex_fixture ("roster-libreoffice.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_sheet_read_file (path, NULL, &error);
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  g_autofree char *id_liu = ex_id_number ("44030519950505001");

  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, "roster-libreoffice.xlsx");
  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 5);
  {
    g_autoptr (ZbMemberRecord) liu = ex_member_by_id (f, id_liu);

    g_assert_cmpint (liu->category, ==, ZB_CATEGORY_PROBATIONARY);
    g_assert_cmpstr (liu->joined_date, ==, "2024-12-01");
    g_assert_null (liu->full_date);
    g_assert_cmpstr (liu->remarks, ==, "发展对象转入");
  }
}

static void
test_category_guess (ExFixture *f, gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) recent_dt = g_date_time_add_months (now, -3);
  g_autofree char *recent = g_date_time_format (recent_dt, "%Y-%m-%d");
  g_autofree char *a = id_of (NULL, 41), *b = id_of (NULL, 43);
  g_autofree char *csv
      = g_strdup_printf ("姓名,公民身份号码,入党时间\n新,%s,%s\n老,%s,2000-01-01\n", a, recent, b);
  g_autoptr (ZbImportReport) report = ex_import_csv (f, csv, ZB_IMPORT_DEFAULT, 0);
  g_autoptr (ZbMemberRecord) new_member = ex_member_by_id (f, a);
  g_autoptr (ZbMemberRecord) old_member = ex_member_by_id (f, b);

  g_assert_cmpuint (report->n_written, ==, 2);
  /* joined less than a year ago: can only be probationary */
  g_assert_cmpint (new_member->category, ==, ZB_CATEGORY_PROBATIONARY);
  g_assert_cmpint (old_member->category, ==, ZB_CATEGORY_FULL);
}

static void
test_preview (ExFixture *f, gconstpointer data)
{
  g_autofree char *csv = three_good_one_bad ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_csv_read_data (csv, strlen (csv), NULL, &error);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "p.csv");
  g_autoptr (GPtrArray) rows = NULL;
  ZbImportPreviewRow *row;

  rows = zb_importer_preview (importer, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = rows->pdata[0];
  g_assert_cmpuint (row->record, ==, 1);
  g_assert_cmpuint (row->row, ==, 2);
  g_assert_cmpuint (row->sheet_row, ==, 1);
  g_assert_cmpstr (row->values[ZB_IMPORT_FIELD_NAME], ==, "甲");
  /* derived from the ID number, as it will be stored */
  g_assert_nonnull (row->values[ZB_IMPORT_FIELD_GENDER]);
  g_assert_cmpstr (row->values[ZB_IMPORT_FIELD_BIRTH_DATE], ==, "1970-01-01");
  g_assert_cmpstr (row->values[ZB_IMPORT_FIELD_JOINED_DATE], ==, "2000-01-01");
  g_assert_cmpuint (row->problems->len, ==, 0);
  row = rows->pdata[2];
  g_assert_cmpuint (row->problems->len, ==, 1);
  g_assert_null (row->values[ZB_IMPORT_FIELD_JOINED_DATE]);

  /* a changed mapping changes the preview */
  zb_import_mapping_set_field (zb_importer_get_mapping (importer), 2, ZB_IMPORT_FIELD_FULL_DATE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = zb_importer_preview (importer, 1, &error);
  g_assert_no_error (error);
  row = rows->pdata[0];
  g_assert_null (row->values[ZB_IMPORT_FIELD_JOINED_DATE]);
  g_assert_cmpstr (row->values[ZB_IMPORT_FIELD_FULL_DATE], ==, "2000-01-01");

  /* nothing was written */
  g_assert_cmpint (ex_count_members (f), ==, 0);
}

typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  GArray *fractions;
  guint changed;
  guint changed_before_done;
  ZbImportReport *report;
  GError *error;
} AsyncState;

static void
on_progress (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_array_append_val (state->fractions, fraction);
}

static void
on_repo_changed (ZbMemberRepo *repo, AsyncState *state)
{
  g_assert_true (g_thread_self () == state->main_thread);
  state->changed++;
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->changed_before_done = state->changed;
  state->report = zb_importer_run_finish (ZB_IMPORTER (source), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (ExFixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("姓名,公民身份号码\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  AsyncState state = { 0 };

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *first17 = g_strdup_printf ("11010519700101%03u", i % 1000);
      g_autofree char *id = NULL;

      /* distinct numbers: vary the birth year with the thousands */
      first17[9] = (char)('0' + i / 1000);
      id = ex_id_number (first17);
      g_string_append_printf (csv, "党员%u,%s\n", i, id);
    }
  sheet = zb_csv_read_data (csv->str, csv->len, NULL, &error);
  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, "big.csv");

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_signal_connect (f->repo, "changed", G_CALLBACK (on_repo_changed), &state);

  /* cancelled: an error, and nothing written */
  g_cancellable_cancel (cancelled);
  zb_importer_run_async (importer, ZB_IMPORT_DEFAULT, cancelled, on_progress, &state, NULL, on_done,
                         &state);
  g_main_loop_run (state.loop);
  g_assert_null (state.report);
  g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&state.error);
  g_assert_cmpint (ex_count_members (f), ==, 0);
  g_assert_cmpuint (state.changed, ==, 0);

  g_array_set_size (state.fractions, 0);
  zb_importer_run_async (importer, ZB_IMPORT_DEFAULT, NULL, on_progress, &state, NULL, on_done,
                         &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpuint (state.report->n_written, ==, 3000);
  g_assert_cmpint (ex_count_members (f), ==, 3000);
  /* list models hear of it before the caller */
  g_assert_cmpuint (state.changed_before_done, ==, 1);

  /* progress reached the main thread, in order, up to the end; what is still
   * queued arrives while the loop runs a little longer */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (state.fractions->len, >, 10);
  for (guint i = 1; i < state.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (state.fractions, double, i), >=,
                       g_array_index (state.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (state.fractions, double, state.fractions->len - 1), ==, 1.0);

  zb_import_report_free (state.report);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

typedef struct
{
  GArray *fractions;
  ZbDatabase *other; /* a second connection to the workspace */
  gint64 members_at_indexes;
  gint64 members_at_end;
} ProgressState;

/* @n members with distinct valid ID numbers. */
static ZbSheet *
big_sheet (guint n)
{
  g_autoptr (GString) csv = g_string_new ("姓名,公民身份号码\n");
  g_autoptr (GError) error = NULL;
  ZbSheet *sheet;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *first17
          = g_strdup_printf ("1101051970%02u%02u%03u", 1 + i / 28 % 12, 1 + i % 28, i / 336);
      g_autofree char *id = ex_id_number (first17);

      g_string_append_printf (csv, "党员%u,%s\n", i, id);
    }
  sheet = zb_csv_read_data (csv->str, csv->len, NULL, &error);
  g_assert_no_error (error);
  return sheet;
}

static void
record_progress (double fraction, gpointer user_data)
{
  ProgressState *state = user_data;

  g_array_append_val (state->fractions, fraction);
  if (fraction == ZB_IMPORT_PROGRESS_INDEXES)
    state->members_at_indexes = ex_db_query_int (state->other, "SELECT count(*) FROM member");
  if (fraction == 1.0)
    state->members_at_end = ex_db_query_int (state->other, "SELECT count(*) FROM member");
}

/* The bar of a big import moves on while the indexes are built again and
 * the import commits, and is full only once the members are there for
 * every other connection. */
static void
test_progress_until_committed (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase ("exchange test 口令");
  guint n = ZB_MEMBER_BULK_THRESHOLD + 100;
  g_autoptr (ZbSheet) sheet = big_sheet (n);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "big.csv");
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  ProgressState state = { fractions, NULL, -1, -1 };

  state.other = zb_database_open (f->path, secret, &error);
  g_assert_no_error (error);

  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, record_progress, &state, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_written, ==, n);

  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                       g_array_index (fractions, double, i - 1));
  /* the rows up to ZB_IMPORT_PROGRESS_ROWS, then the indexes, then the end */
  g_assert_cmpuint (fractions->len, >, 3);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 3), <=,
                     ZB_IMPORT_PROGRESS_ROWS);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 3), >,
                     ZB_IMPORT_PROGRESS_ROWS - 0.02);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 2), ==,
                     ZB_IMPORT_PROGRESS_INDEXES);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_assert_cmpint (state.members_at_indexes, ==, 0);
  g_assert_cmpint (state.members_at_end, ==, n);

  zb_database_close (state.other);
  g_object_unref (state.other);
}

/* A big import on a connection that has the file to itself goes through a
 * rollback journal (_zb_database_begin_large()): its pages are written into
 * the file once, and no WAL of its size is left beside it (through the WAL,
 * some 5 MB for these members). The connection is in WAL mode after it. */
static void
test_large_through_journal (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint n = ZB_MEMBER_BULK_THRESHOLD + 100;
  g_autoptr (ZbSheet) sheet = big_sheet (n);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "big.csv");
  g_autoptr (ZbImportReport) report = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (f->path, "-journal", NULL);
  GStatBuf st;

  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_written, ==, n);
  g_assert_cmpint (ex_count_members (f), ==, n);

  g_assert_true (g_stat (wal, &st) != 0 || st.st_size < 1000000);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  {
    sqlite3_stmt *stmt = _zb_database_prepare (f->db, "PRAGMA journal_mode", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_reset (stmt);
  }
}

static void
cancel_when_writing (double fraction, gpointer user_data)
{
  /* past one half of the rows' share, records are being written */
  if (fraction > ZB_IMPORT_PROGRESS_ROWS * 0.6)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_while_writing (ExFixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("姓名,公民身份号码\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (ZbImportReport) report = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *first17 = g_strdup_printf ("11010519700101%03u", i % 1000);
      g_autofree char *id = NULL;

      first17[9] = (char)('0' + i / 1000);
      id = ex_id_number (first17);
      g_string_append_printf (csv, "党员%u,%s\n", i, id);
    }
  sheet = zb_csv_read_data (csv->str, csv->len, NULL, &error);
  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, "big.csv");

  /* the progress of the synchronous run comes in this thread, so the
   * cancellation lands while records are being written */
  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, cancellable, cancel_when_writing,
                            cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* all or nothing: not one member, no batch */
  g_assert_cmpint (ex_count_members (f), ==, 0);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM member"), ==, 0);
}

/* The import writes on a connection of its own (ARCHITECTURE.md, Threads):
 * the window's connection may be in the middle of reading the roster (here a
 * read transaction held across the whole import), which on a shared
 * connection makes the import fail at once ("cannot start a transaction
 * within a transaction"). The window sees the members once it reads again. */
static void
test_async_own_connection (ExFixture *f, gconstpointer data)
{
  static const char csv[] = "姓名,公民身份号码\n张三,11010519491231002X\n李四,440524188001010014\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_csv_read_data (csv, sizeof csv - 1, NULL, &error);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "read.csv");
  ZbDatabase *window = zb_member_repo_get_database (f->repo);
  AsyncState state = { 0 };

  g_assert_no_error (error);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (_zb_database_exec (window, "BEGIN DEFERRED", &error));
  g_assert_cmpint (ex_count_members (f), ==, 0);
  zb_importer_run_async (importer, ZB_IMPORT_DEFAULT, NULL, on_progress, &state, NULL, on_done,
                         &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_nonnull (state.report);
  g_assert_cmpuint (state.report->n_written, ==, 2);
  /* the window's snapshot is the roster before the import */
  g_assert_cmpint (ex_count_members (f), ==, 0);
  g_assert_true (_zb_database_commit (window, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ex_count_members (f), ==, 2);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  zb_import_report_free (state.report);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_size : 0;
}

/* A big import from the window, on a connection of its own: the window's
 * connection holds the file, so the import stays in the WAL, and the
 * checkpoint that copies it into the file is left to a thread after the
 * window has its answer. The copying is done all the same, without the
 * window writing anything (the file takes the members' pages), and the
 * window's next save goes through. */
static void
test_large_on_worker (ExFixture *f, gconstpointer data)
{
  guint n = ZB_MEMBER_BULK_THRESHOLD + 100;
  g_autoptr (ZbSheet) sheet = big_sheet (n);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "big.csv");
  g_autoptr (GError) error = NULL;
  gint64 size_before = file_size (f->path);
  gint64 deadline;
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  state.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  zb_importer_run_async (importer, ZB_IMPORT_DEFAULT, NULL, on_progress, &state, NULL, on_done,
                         &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_cmpuint (state.report->n_written, ==, n);
  g_assert_cmpint (ex_count_members (f), ==, n);

  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (file_size (f->path) < size_before + 2000000 && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_cmpint (file_size (f->path), >=, size_before + 2000000);

  insert_member (f, "张三", "11010519491231002X");
  g_assert_cmpint (ex_count_members (f), ==, n + 1);

  while (g_main_context_iteration (NULL, FALSE))
    ;
  zb_import_report_free (state.report);
  g_array_unref (state.fractions);
  g_main_loop_unref (state.loop);
}

static void
test_no_name_column (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet
      = zb_csv_read_data ("甲,乙\n丙,丁\n", strlen ("甲,乙\n丙,丁\n"), NULL, &error);
  g_autoptr (ZbImporter) importer = zb_importer_new (f->repo, sheet, "x.csv");
  g_autoptr (ZbImportReport) report = NULL;

  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_NO_HEADER);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                                            \
  g_test_add (path, ExFixture, NULL, ex_fixture_set_up, func, ex_fixture_tear_down)
  ADD ("/exchange/import/valid-csv", test_valid_csv);
  ADD ("/exchange/import/rejection-codes", test_rejection_codes);
  ADD ("/exchange/import/all-or-nothing", test_all_or_nothing);
  ADD ("/exchange/import/undo", test_undo);
  ADD ("/exchange/import/xlsx", test_xlsx_import);
  ADD ("/exchange/import/libreoffice-fixture", test_libreoffice_fixture);
  ADD ("/exchange/import/category-guess", test_category_guess);
  ADD ("/exchange/import/preview", test_preview);
  ADD ("/exchange/import/async", test_async);
  ADD ("/exchange/import/async-own-connection", test_async_own_connection);
  ADD ("/exchange/import/cancel-while-writing", test_cancel_while_writing);
  ADD ("/exchange/import/progress-until-committed", test_progress_until_committed);
  ADD ("/exchange/import/large-through-journal", test_large_through_journal);
  ADD ("/exchange/import/large-on-worker", test_large_on_worker);
  ADD ("/exchange/import/no-name-column", test_no_name_column);
#undef ADD

  return g_test_run ();
}
