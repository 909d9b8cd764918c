/* test-export.c — exporting the roster to CSV and XLSX, and reading it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <zip.h>

#include "exchange-test-util.h"
#include "zb-database-private.h"
#include "zb-exchange-error.h"
#include "zb-exporter.h"

typedef struct
{
  const char *name;
  const char *id17;
  const char *work_unit;
  const char *phone;
  const char *address;
  const char *remarks;
  gboolean probationary;
  gboolean in_group;
} Sample;

/* Values a CSV or a spreadsheet could mangle: separators, quotes, line
 * breaks, text that looks like a formula, landline numbers with a leading 0,
 * an ID number ending in X. */
static const Sample samples[] = {
  { "张三", "11010519491231002", "示例局办公室,主任", "13800138000", "北京市\"幸福\"里1号", NULL,
    FALSE, TRUE },
  { "欧阳娜娜", "44052419850315002", NULL, "02112345678", "上海市\n浦东新区", "=1+1", FALSE,
    FALSE },
  { "Ａｌｉｍ·买买提", "65010219900101003", "-", NULL, NULL, "@备注 +1", TRUE, TRUE },
  { "李四", "32010219800101005", " 前后有空格 ", "075512345678", NULL, "多行\n备注", FALSE, FALSE },
  /* the standard's sample: born 1880, before any spreadsheet date */
  { "王老", "44052418800101001", NULL, NULL, NULL, NULL, FALSE, FALSE },
};

static void
fill (ExFixture *f, gint64 *branch_out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) branch
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "第一党支部", &error);
  g_autoptr (ZbOrgUnit) group = NULL;

  g_assert_no_error (error);
  group = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (ZbMemberRecord) r = zb_member_record_new ();

      r->name = g_strdup (samples[i].name);
      r->id_number = ex_id_number (samples[i].id17);
      r->ethnicity = i + 1;
      r->native_place = g_strdup ("河北省保定市");
      r->education = i % 2 ? 30 : 20;
      r->work_start_date = g_strdup ("2010-09-01");
      r->category = samples[i].probationary ? ZB_CATEGORY_PROBATIONARY : ZB_CATEGORY_FULL;
      r->joined_date = g_strdup (samples[i].probationary ? "2026-06-01" : "2012-07-01");
      r->full_date = samples[i].probationary ? NULL : g_strdup ("2013-07-01");
      r->branch_id = branch->id;
      r->group_id = samples[i].in_group ? group->id : 0;
      r->work_unit = g_strdup (samples[i].work_unit);
      r->phone = g_strdup (samples[i].phone);
      r->address = g_strdup (samples[i].address);
      r->remarks = g_strdup (samples[i].remarks);
      g_assert_true (zb_member_repo_insert (f->repo, r, &error));
      g_assert_no_error (error);
    }
  if (branch_out != NULL)
    *branch_out = branch->id;
}

/* Every exported field of every member of @a is the same in @b. */
static void
assert_same_members (ExFixture *a, ExFixture *b)
{
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = zb_member_repo_fetch (a->repo, &query, 0, 1000, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ex_count_members (b), ==, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      const ZbMemberRecord *x = zb_member_get_record (list->pdata[i]);
      g_autoptr (ZbMemberRecord) y = ex_member_by_id (b, x->id_number);

      g_test_message ("%s", x->name);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpint (x->gender, ==, y->gender);
      g_assert_cmpint (x->ethnicity, ==, y->ethnicity);
      g_assert_cmpstr (x->birth_date, ==, y->birth_date);
      g_assert_cmpstr (x->native_place, ==, y->native_place);
      g_assert_cmpint (x->education, ==, y->education);
      g_assert_cmpstr (x->work_start_date, ==, y->work_start_date);
      g_assert_cmpint (x->category, ==, y->category);
      g_assert_cmpstr (x->joined_date, ==, y->joined_date);
      g_assert_cmpstr (x->full_date, ==, y->full_date);
      g_assert_cmpint (x->branch_id != 0, ==, y->branch_id != 0);
      g_assert_cmpint (x->group_id != 0, ==, y->group_id != 0);
      g_assert_cmpstr (x->phone, ==, y->phone);
      g_assert_cmpstr (x->address, ==, y->address);
      g_assert_cmpstr (x->remarks, ==, y->remarks);
      /* import trims the spaces around a cell, as people expect */
      if (x->work_unit != NULL)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (x->work_unit));

          g_assert_cmpstr (trimmed, ==, y->work_unit);
        }
      else
        g_assert_null (y->work_unit);
    }
}

static void
round_trip (ZbExportFormat format, const char *file_name)
{
  ExFixture a = { 0 }, b = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path (file_name);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  g_autoptr (GDir) listing = NULL;
  guint n = 0;
  gint64 branch_b;
  const char *entry;

  ex_fixture_set_up (&a, NULL);
  ex_fixture_set_up (&b, NULL);
  fill (&a, NULL);

  g_assert_true (zb_export_members (a.repo, NULL, format, path, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (samples));
  /* audited, and no temporary file left beside it */
  g_assert_cmpint (ex_query_int (&a, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==,
                   1);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (entry, "."));

  /* a fresh workspace with the same units */
  {
    g_autoptr (ZbOrgUnit) branch
        = zb_org_repo_create_unit (b.org, ZB_ORG_UNIT_BRANCH, 0, "第一党支部", &error);
    g_autoptr (ZbOrgUnit) group = NULL;

    g_assert_no_error (error);
    group = zb_org_repo_create_unit (b.org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
    g_assert_no_error (error);
    branch_b = branch->id;
  }

  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  importer = zb_importer_new (b.repo, sheet, file_name);
  zb_importer_set_branch (importer, branch_b);
  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < report->problems->len; i++)
    g_test_message ("%s", ((ZbImportProblem *)report->problems->pdata[i])->message);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_written, ==, G_N_ELEMENTS (samples));

  assert_same_members (&a, &b);

  ex_fixture_tear_down (&a, NULL);
  ex_fixture_tear_down (&b, NULL);
}

static void
test_round_trip_csv (void)
{
  round_trip (ZB_EXPORT_CSV, "roster.csv");
}

static void
test_round_trip_xlsx (void)
{
  round_trip (ZB_EXPORT_XLSX, "roster.xlsx");
}

static void
test_csv_form (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path ("form.csv");
  g_autofree char *contents = NULL;
  g_autofree char *id = ex_id_number (samples[0].id17);
  g_autofree char *id_field = g_strdup_printf (",\"=\"\"%s\"\"\",", id);
  gsize length = 0;

  fill (f, NULL);
  g_assert_true (
      zb_export_members (f->repo, NULL, ZB_EXPORT_CSV, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* a BOM, Chinese headers, CRLF */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF姓名,性别,民族,公民身份号码,"));
  g_assert_nonnull (strstr (contents, "\r\n"));
  /* ID and phone numbers as ="…" text, so that Excel keeps every digit */
  g_assert_nonnull (strstr (contents, id_field));
  g_assert_nonnull (strstr (contents, "\"=\"\"02112345678\"\"\""));
  /* text that would run as a formula is written as text too */
  g_assert_nonnull (strstr (contents, "\"=\"\"=1+1\"\"\""));
  g_assert_nonnull (strstr (contents, "\"=\"\"@备注 +1\"\"\""));
  /* quotes and separators quoted */
  g_assert_nonnull (strstr (contents, "\"示例局办公室,主任\""));
  /* Chinese values whatever the language of the UI */
  g_assert_nonnull (strstr (contents, ",男,"));
  g_assert_nonnull (strstr (contents, "预备党员"));
  g_assert_nonnull (strstr (contents, "第一党支部"));
}

static char *
read_zip_part (const char *path, const char *name)
{
  int zerr = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY, &zerr);
  zip_stat_t st;
  zip_file_t *file;
  char *data;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  data = g_malloc0 (st.size + 1);
  file = zip_fopen (zip, name, 0);
  g_assert_cmpint (zip_fread (file, data, st.size), ==, (zip_int64_t)st.size);
  zip_fclose (file);
  zip_discard (zip);
  return data;
}

static void
test_xlsx_form (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path ("form.xlsx");
  g_autofree char *sheet_xml = NULL;
  g_autofree char *styles_xml = NULL;
  g_autoptr (ZbSheet) sheet = NULL;

  fill (f, NULL);
  g_assert_true (
      zb_export_members (f->repo, NULL, ZB_EXPORT_XLSX, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, G_N_ELEMENTS (samples) + 1);
  g_assert_cmpstr (ex_cell (sheet, 0, 3), ==, "公民身份号码");
  for (guint row = 1; row <= G_N_ELEMENTS (samples); row++)
    {
      gboolean old = g_str_equal (ex_cell (sheet, row, 0), "王老");

      /* ID numbers are text cells; dates are date cells, except those before
       * 1900, which no spreadsheet has */
      g_assert_cmpint (ex_cell_kind (sheet, row, 3), ==, ZB_CELL_TEXT);
      g_assert_cmpuint (strlen (ex_cell (sheet, row, 3)), ==, 18);
      g_assert_cmpint (ex_cell_kind (sheet, row, 4), ==, old ? ZB_CELL_TEXT : ZB_CELL_DATE);
      if (old)
        g_assert_cmpstr (ex_cell (sheet, row, 4), ==, "1880-01-01");
      g_assert_cmpint (ex_cell_kind (sheet, row, 9), ==, ZB_CELL_DATE);
    }

  /* the header stays in view, and is bold; ID numbers sit in a text column */
  sheet_xml = read_zip_part (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet_xml, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet_xml, "<cols>"));
  styles_xml = read_zip_part (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles_xml, "<b/>"));
  g_assert_nonnull (strstr (styles_xml, "numFmtId=\"49\""));
}

static void
test_search (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path ("search.csv");
  g_autoptr (ZbSheet) sheet = NULL;
  ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
  guint n = 0;

  fill (f, NULL);
  query.search = "欧阳";
  g_assert_true (
      zb_export_members (f->repo, &query, ZB_EXPORT_CSV, path, NULL, NULL, NULL, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zb_sheet_get_n_rows (sheet), ==, 2);
  g_assert_cmpstr (ex_cell (sheet, 1, 0), ==, "欧阳娜娜");
}

static void
test_replace_and_fail (ExFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_write_file ("old.csv", "old contents", -1);
  g_autofree char *contents = NULL;
  g_autofree char *missing = ex_path ("no-such-folder/roster.csv");

  fill (f, NULL);
  /* an existing file is replaced whole */
  g_assert_true (
      zb_export_members (f->repo, NULL, ZB_EXPORT_CSV, path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));

  /* a folder that is not there: an error, no audit row */
  g_assert_false (
      zb_export_members (f->repo, NULL, ZB_EXPORT_XLSX, missing, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_FAILED);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_cmpint (ex_query_int (f, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==,
                   1);
}

typedef struct
{
  GMainLoop *loop;
  GThread *main_thread;
  guint n_progress;
  guint n_members;
  gboolean ok;
  GError *error;
} AsyncState;

static void
on_progress (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->n_progress++;
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  state->ok = zb_export_members_finish (result, &state->n_members, &state->error);
  g_main_loop_quit (state->loop);
}

static void
test_async (ExFixture *f, gconstpointer data)
{
  g_autofree char *path = ex_path ("async.xlsx");
  AsyncState state = { 0 };

  fill (f, NULL);
  state.loop = g_main_loop_new (NULL, FALSE);
  state.main_thread = g_thread_self ();
  zb_export_members_async (f->repo, NULL, ZB_EXPORT_XLSX, path, NULL, on_progress, &state, NULL,
                           on_exported, &state);
  g_main_loop_run (state.loop);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_members, ==, G_N_ELEMENTS (samples));
  g_assert_cmpuint (state.n_progress, >=, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_main_loop_unref (state.loop);
}

typedef struct
{
  AsyncState async;
  ZbDatabase *window;
  gboolean committed;
} BusyState;

static void
on_progress_commit (double fraction, gpointer user_data)
{
  BusyState *state = user_data;
  g_autoptr (GError) error = NULL;

  state->async.n_progress++;
  if (!state->committed)
    {
      g_assert_true (_zb_database_commit (state->window, &error));
      g_assert_no_error (error);
      state->committed = TRUE;
    }
}

/* The export runs on a connection of its own (ARCHITECTURE.md, Threads): it
 * reads the roster while the window's connection is in the middle of a write
 * transaction, which on a shared connection fails at once ("cannot start a
 * transaction within a transaction"), and writes its audit row once the window
 * has committed. */
static void
test_async_own_connection (ExFixture *f, gconstpointer data)
{
  g_autofree char *path = ex_path ("busy.csv");
  g_autoptr (GError) error = NULL;
  ZbDatabase *window = zb_member_repo_get_database (f->repo);
  BusyState state = { { 0 } };

  fill (f, NULL);
  state.window = window;
  state.async.loop = g_main_loop_new (NULL, FALSE);
  state.async.main_thread = g_thread_self ();

  g_assert_true (_zb_database_begin (window, &error));
  g_assert_no_error (error);
  zb_export_members_async (f->repo, NULL, ZB_EXPORT_CSV, path, NULL, on_progress_commit, &state,
                           NULL, on_exported, &state.async);
  g_main_loop_run (state.async.loop);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_no_error (state.async.error);
  g_assert_true (state.async.ok);
  g_assert_true (state.committed);
  g_assert_cmpuint (state.async.n_members, ==, G_N_ELEMENTS (samples));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_main_loop_unref (state.async.loop);
}

static void
test_formats (void)
{
  ZbExportFormat format;

  g_assert_true (zb_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, ZB_EXPORT_CSV);
  g_assert_true (zb_export_format_from_string ("xlsx", &format));
  g_assert_cmpint (format, ==, ZB_EXPORT_XLSX);
  g_assert_false (zb_export_format_from_string ("xls", &format));
  g_assert_cmpstr (zb_export_format_to_string (ZB_EXPORT_XLSX), ==, "xlsx");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exchange/export/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/exchange/export/round-trip-xlsx", test_round_trip_xlsx);
  g_test_add ("/exchange/export/csv-form", ExFixture, NULL, ex_fixture_set_up, test_csv_form,
              ex_fixture_tear_down);
  g_test_add ("/exchange/export/xlsx-form", ExFixture, NULL, ex_fixture_set_up, test_xlsx_form,
              ex_fixture_tear_down);
  g_test_add ("/exchange/export/search", ExFixture, NULL, ex_fixture_set_up, test_search,
              ex_fixture_tear_down);
  g_test_add ("/exchange/export/replace-and-fail", ExFixture, NULL, ex_fixture_set_up,
              test_replace_and_fail, ex_fixture_tear_down);
  g_test_add ("/exchange/export/async", ExFixture, NULL, ex_fixture_set_up, test_async,
              ex_fixture_tear_down);
  g_test_add ("/exchange/export/async-own-connection", ExFixture, NULL, ex_fixture_set_up,
              test_async_own_connection, ex_fixture_tear_down);
  g_test_add_func ("/exchange/export/formats", test_formats);

  return g_test_run ();
}
