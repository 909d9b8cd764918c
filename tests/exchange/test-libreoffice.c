/* test-libreoffice.c — files written by a real spreadsheet program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs LibreOffice (soffice); without it the test is skipped (exit status 77),
 * and test-readers/test-import still read the roster LibreOffice wrote into
 * fixtures/roster-libreoffice.xlsx. Here LibreOffice converts, while the test
 * runs:
 *  - a roster typed into a CSV, its ID numbers in a Standard column, so that
 *    digits-only numbers become (rounded) numbers and those ending in X stay
 *    text — the damage import must report;
 *  - our own CSV export, whose ID numbers are written as ="…": LibreOffice must
 *    read them back as the exact text (the reason for that choice);
 *  - our own XLSX export, opened and saved again by LibreOffice.
 */
#include "config.h"

#include "exchange-test-util.h"
#include "zb-exporter.h"

static char *soffice;
static char *profile;

/* Converts @path to XLSX with LibreOffice; @filter_options for CSV input
 * (NULL: none). Returns the new file's path. */
static char *
convert (const char *path, const char *filter_options)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *outdir = g_build_filename (dir, "converted", NULL);
  g_autofree char *env = g_strdup_printf ("-env:UserInstallation=file://%s", profile);
  g_autofree char *infilter
      = filter_options != NULL ? g_strdup_printf ("--infilter=CSV:%s", filter_options) : NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  char *out = g_strdup_printf ("%s/%s.xlsx", outdir, stem);

  g_ptr_array_add (argv, soffice);
  g_ptr_array_add (argv, env);
  g_ptr_array_add (argv, (gpointer) "--headless");
  if (infilter != NULL)
    g_ptr_array_add (argv, infilter);
  g_ptr_array_add (argv, (gpointer) "--convert-to");
  g_ptr_array_add (argv, (gpointer) "xlsx:Calc MS Excel 2007 XML");
  g_ptr_array_add (argv, (gpointer) "--outdir");
  g_ptr_array_add (argv, outdir);
  g_ptr_array_add (argv, (gpointer)path);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv (
      (const char *const *)argv->pdata,
      G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (process, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  return out;
}

static ZbImportReport *
import_file (ExFixture *f, const char *path, ZbImportFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSheet) sheet = zb_sheet_read_file (path, NULL, &error);
  g_autoptr (ZbImporter) importer = NULL;
  ZbImportReport *report;

  g_assert_no_error (error);
  importer = zb_importer_new (f->repo, sheet, path);
  report = zb_importer_run (importer, flags, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      g_test_message ("record %u: %s %s", p->record, p->code, p->message);
    }
  return report;
}

static void
test_typed_roster (ExFixture *f, gconstpointer data)
{
  g_autofree char *with_x = ex_id_number ("11010519491231002");
  g_autofree char *digits = ex_id_number ("44052418800101001");
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xlsx = NULL;
  g_autoptr (ZbImportReport) report = NULL;

  g_assert_cmpint (with_x[17], ==, 'X');
  g_assert_cmpint (digits[17], !=, 'X');
  csv = g_strdup_printf ("姓名,性别,公民身份号码,入党时间,转正时间\r\n"
                         "张三,女,%s,1980-07-01,1981-07-01\r\n"
                         "李四,男,%s,2010/7/1,2011/7/1\r\n",
                         with_x, digits);
  path = ex_write_file ("typed.csv", csv, -1);

  /* comma, quote, UTF-8, from line 1; every column Standard, as a person
   * opening the file would leave it */
  xlsx = convert (path, "44,34,76,1");
  report = import_file (f, xlsx, ZB_IMPORT_DRY_RUN);

  g_assert_cmpuint (report->n_records, ==, 2);
  g_assert_false (ex_has_problem (report, 1, "id-format"));
  /* LibreOffice made the digits-only number a number: rounded, reported */
  g_assert_true (ex_has_problem (report, 2, "id-format"));
  for (guint i = 0; i < report->problems->len; i++)
    {
      const ZbImportProblem *p = report->problems->pdata[i];

      if (p->record == 2 && g_str_equal (p->code, "id-format"))
        g_assert_nonnull (strstr (p->message, "E+"));
    }
  /* the dates LibreOffice recognised are date cells, read as dates */
  g_assert_false (ex_has_problem (report, 1, "date-format"));
  g_assert_false (ex_has_problem (report, 2, "date-format"));
}

static void
fill (ExFixture *f)
{
  const char *const names[] = { "张三", "欧阳娜娜", "李四" };
  const char *const ids[] = { "11010519491231002", "44052418800101001", "32010219800101005" };
  const char *const phones[] = { "02112345678", "13800138000", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = zb_member_record_new ();
      g_autoptr (GError) error = NULL;

      r->name = g_strdup (names[i]);
      r->id_number = ex_id_number (ids[i]);
      r->joined_date = g_strdup (i == 1 ? "1920-07-01" : "2000-07-01");
      r->full_date = g_strdup (i == 1 ? "1921-07-01" : "2001-07-01");
      r->phone = g_strdup (phones[i]);
      r->remarks = g_strdup (i == 0 ? "=1+1" : NULL);
      g_assert_true (zb_member_repo_insert (f->repo, r, &error));
      g_assert_no_error (error);
    }
}

static void
assert_same (ExFixture *a, ExFixture *b)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = zb_member_repo_fetch (a->repo, &query, 0, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ex_count_members (b), ==, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      const ZbMemberRecord *x = zb_member_get_record (list->pdata[i]);
      g_autoptr (ZbMemberRecord) y = ex_member_by_id (b, x->id_number);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->birth_date, ==, y->birth_date);
      g_assert_cmpstr (x->joined_date, ==, y->joined_date);
      g_assert_cmpstr (x->full_date, ==, y->full_date);
      /* the landline keeps its leading 0; the formula-like text stays text */
      g_assert_cmpstr (x->phone, ==, y->phone);
      g_assert_cmpstr (x->remarks, ==, y->remarks);
    }
}

static void
through_libreoffice (ZbExportFormat format, const char *name, const char *filter_options)
{
  ExFixture a = { 0 }, b = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path (name);
  g_autofree char *xlsx = NULL;
  g_autoptr (ZbImportReport) report = NULL;

  ex_fixture_set_up (&a, NULL);
  ex_fixture_set_up (&b, NULL);
  fill (&a);
  g_assert_true (zb_export_members (a.repo, NULL, format, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  xlsx = convert (path, filter_options);
  report = import_file (&b, xlsx, ZB_IMPORT_DEFAULT);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_written, ==, 3);
  assert_same (&a, &b);

  ex_fixture_tear_down (&a, NULL);
  ex_fixture_tear_down (&b, NULL);
}

static void
test_csv_export_in_libreoffice (void)
{
  through_libreoffice (ZB_EXPORT_CSV, "export.csv", "44,34,76,1");
}

static void
test_xlsx_export_in_libreoffice (void)
{
  through_libreoffice (ZB_EXPORT_XLSX, "export.xlsx", NULL);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  soffice = g_find_program_in_path ("soffice");
  if (soffice == NULL)
    {
      g_printerr ("LibreOffice (soffice) is not installed: skipped\n");
      return 77;
    }
  profile = ex_path ("libreoffice-profile");

  g_test_add ("/exchange/libreoffice/typed-roster", ExFixture, NULL, ex_fixture_set_up,
              test_typed_roster, ex_fixture_tear_down);
  g_test_add_func ("/exchange/libreoffice/csv-export", test_csv_export_in_libreoffice);
  g_test_add_func ("/exchange/libreoffice/xlsx-export", test_xlsx_export_in_libreoffice);

  return g_test_run ();
}
