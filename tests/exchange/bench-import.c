/* bench-import.c — figures for importing and exporting a big roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints, for ZB_BENCH_MEMBERS members (100,000 by default): reading and
 * importing a CSV and the same roster as XLSX into fresh encrypted workspaces,
 * exporting them again, and — as the floor to compare with — the time the
 * sqlcipher shell's own .import takes for the same CSV into an encrypted file.
 * ZB_BENCH_FORMATS=csv leaves out the XLSX import, and G_MESSAGES_DEBUG=
 * zhibu-exchange prints the phases of each import. No assertions on time: the
 * targets (CSV < 3 s, XLSX < 8 s) are for people to read beside the figures.
 */
#include "config.h"

#include <sys/resource.h>

#include <glib/gstdio.h>

#include <xlsxwriter.h>

#include "exchange-test-util.h"
#include "zb-exporter.h"

/* Names as a real roster has them: a hundred common surnames (two of them
 * double), given names of one or two characters from some hundred and twenty,
 * so that nearly every member's name is different — the sort and search keys
 * of each name are computed, not taken from a cache. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",   "周",   "徐", "孙", "马", "朱", "胡",
  "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",   "唐",   "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋",   "蔡",   "余", "杜", "叶", "程", "苏",
  "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔",   "钟",   "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹",   "孟",   "熊", "秦", "邱", "江", "尹",
  "薛", "闫", "段", "雷", "侯", "龙", "史", "陶", "黎",   "贺",   "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "单", "欧阳", "司马",
};
static const char given_chars[]
    = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉玉萍红燕鹏飞宇波斌宁亮志新海"
      "峰云林东梅琳雪晨凯浩然俊婷晓丹博思佳欣怡雨嘉子涵睿哲瑞航德福永庆春秋冬松柏竹兴旺利安"
      "康立成振光耀荣富贵长发家和顺昌盛泽洪涌清澄智慧淑贤良善珍珠翠凤莲菊蓉蕾薇颖蕊琪璐瑶";
static const char *const nations[] = { "汉族", "汉族", "汉族", "回族", "满族", "蒙古族", "壮族" };
static const char *const schools[] = { "大学本科", "大专", "硕士研究生", "高中", "中专", "初中" };

typedef struct
{
  char name[32];
  char gender[4];
  const char *ethnicity;
  char id[19];
  char birth[11];
  const char *education;
  char joined[11];
  char full[11];
  char phone[12];
  char address[64];
} Person;

/* The same people every time: member @i of the benchmark roster. */
static void
person (guint i, Person *p)
{
  guint year = 1950 + i % 50, month = 1 + i / 50 % 12, day = 1 + i / 600 % 28;
  guint seq = i / 16800 % 1000;
  char first17[18];

  {
    /* a multiplicative hash spreads the combinations over the roster */
    guint32 h = i * 2654435761u;
    const char *given = given_chars;
    guint n_given = g_utf8_strlen (given_chars, -1);
    const char *g1 = g_utf8_offset_to_pointer (given, h / 7 % n_given);
    const char *g2 = g_utf8_offset_to_pointer (given, h / 911 % n_given);

    g_snprintf (p->name, sizeof p->name, "%s%.*s%.*s", surnames[h % G_N_ELEMENTS (surnames)],
                (int)(g_utf8_next_char (g1) - g1), g1,
                h / 104729 % 4 == 0 ? 0 : (int)(g_utf8_next_char (g2) - g2), g2);
  }
  /* the area code keeps every number distinct */
  g_snprintf (first17, sizeof first17, "%06u%04u%02u%02u%03u", 110000 + i % 17 * 1000 + i / 16800,
              year, month, day, seq);
  p->id[17] = '\0';
  memcpy (p->id, first17, 17);
  p->id[17] = zb_id_number_check_char (first17);
  p->id[18] = '\0';
  g_strlcpy (p->gender, (first17[16] - '0') % 2 ? "男" : "女", sizeof p->gender);
  p->ethnicity = nations[i % G_N_ELEMENTS (nations)];
  g_snprintf (p->birth, sizeof p->birth, "%04u-%02u-%02u", year, month, day);
  p->education = schools[i % G_N_ELEMENTS (schools)];
  g_snprintf (p->joined, sizeof p->joined, "%04u-07-01", year + 25);
  g_snprintf (p->full, sizeof p->full, "%04u-07-01", year + 26);
  g_snprintf (p->phone, sizeof p->phone, "138%08u", i);
  g_snprintf (p->address, sizeof p->address, "示例市示例区幸福路%u号", i % 999 + 1);
}

#define HEADER                                                                                     \
  "序号,姓名,性别,民族,公民身份号码,出生日期,学历,入党时间,转正时间,联系电话,家庭住址\n"

static char *
write_csv (guint n)
{
  g_autoptr (GString) text = g_string_sized_new (n * 128);
  g_autoptr (GError) error = NULL;
  g_autofree char *path = ex_path ("bench.csv");

  g_string_append (text, HEADER);
  for (guint i = 0; i < n; i++)
    {
      Person p;

      person (i, &p);
      g_string_append_printf (text, "%u,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i + 1, p.name, p.gender,
                              p.ethnicity, p.id, p.birth, p.education, p.joined, p.full, p.phone,
                              p.address);
    }
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
write_date (lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const char *iso, lxw_format *fmt)
{
  lxw_datetime dt = { 0 };

  sscanf (iso, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
  worksheet_write_datetime (sheet, row, col, &dt, fmt);
}

/* As Excel saves it: shared strings, date cells, ID numbers as text. */
static char *
write_xlsx (guint n)
{
  g_autofree char *path = ex_path ("bench.xlsx");
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, "Sheet1");
  lxw_format *date = workbook_add_format (workbook);
  const char *headers[] = { "序号", "姓名",     "性别",     "民族",     "公民身份号码", "出生日期",
                            "学历", "入党时间", "转正时间", "联系电话", "家庭住址" };

  format_set_num_format (date, "yyyy/m/d");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    worksheet_write_string (sheet, 0, (lxw_col_t)c, headers[c], NULL);
  for (guint i = 0; i < n; i++)
    {
      lxw_row_t r = i + 1;
      Person p;

      person (i, &p);
      worksheet_write_number (sheet, r, 0, i + 1, NULL);
      worksheet_write_string (sheet, r, 1, p.name, NULL);
      worksheet_write_string (sheet, r, 2, p.gender, NULL);
      worksheet_write_string (sheet, r, 3, p.ethnicity, NULL);
      worksheet_write_string (sheet, r, 4, p.id, NULL);
      write_date (sheet, r, 5, p.birth, date);
      worksheet_write_string (sheet, r, 6, p.education, NULL);
      write_date (sheet, r, 7, p.joined, date);
      write_date (sheet, r, 8, p.full, date);
      worksheet_write_string (sheet, r, 9, p.phone, NULL);
      worksheet_write_string (sheet, r, 10, p.address, NULL);
    }
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  return g_steal_pointer (&path);
}

static double
seconds_since (gint64 start)
{
  return (double)(g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

/* Processor time of this process (user + system): on a machine shared with
 * other work it says more than the wall clock. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (double)usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec
         + usage.ru_stime.tv_usec / 1e6;
}

/* The load average of the machine over the last minute, as uptime prints it. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1.0;
  return g_ascii_strtod (text, NULL);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* One import of @path into a fresh encrypted workspace: the wall and processor
 * time from reading the file to the commit. */
static void
import_once (const char *label, const char *path, guint n, double *wall, double *cpu,
             ZbDatabase **db_out, ZbMemberRepo **repo_out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr (ZbDatabase) db = ex_create_workspace (&db_path);
  g_autoptr (ZbMemberRepo) repo = zb_member_repo_new (db);
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autoptr (ZbImportReport) report = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_seconds ();

  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  importer = zb_importer_new (repo, sheet, label);
  report = zb_importer_run (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  *wall = seconds_since (start);
  *cpu = cpu_seconds () - cpu_start;
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_written, ==, n);

  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    GStatBuf st;
    double mb = g_stat (db_path, &st) == 0 ? st.st_size / 1e6 : 0;

    if (g_stat (wal, &st) == 0)
      mb += st.st_size / 1e6;
    g_print ("      one run: %.2f s, %.2f s of processor time (workspace file and WAL: %.0f MB)\n",
             *wall, *cpu, mb);
  }

  *db_out = g_steal_pointer (&db);
  *repo_out = g_steal_pointer (&repo);
}

typedef struct
{
  GMainLoop *loop;
  ZbImportReport *report;
  GError *error;
} WindowRun;

static void
on_window_import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  WindowRun *run = user_data;

  run->report = zb_importer_run_finish (ZB_IMPORTER (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

/* One import as the window makes it: a workspace protected by the keyring
 * (a raw key, as most are), the window's connection open, the import on a
 * connection of its own; the time until the window hears that the members
 * are there. */
static double
import_in_window_once (const char *label, const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = ex_path ("window.db");
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (&error);
  ZbWorkspaceSetup setup = { "中共测试支部委员会", "中共测试党委", ZB_PROTECTION_KEYRING };
  g_autoptr (ZbDatabase) db = zb_database_create (db_path, key, &setup, &error);
  g_autoptr (ZbMemberRepo) repo = zb_member_repo_new (db);
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  WindowRun run = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  gint64 start;
  double wall;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);
  importer = zb_importer_new (repo, sheet, label);
  zb_importer_run_async (importer, ZB_IMPORT_DEFAULT, NULL, NULL, NULL, NULL, on_window_import_done,
                         &run);
  g_main_loop_run (run.loop);
  wall = seconds_since (start);
  g_assert_no_error (run.error);
  g_assert_cmpuint (run.report->n_written, ==, n);
  zb_import_report_free (run.report);
  g_main_loop_unref (run.loop);
  zb_database_close (db);
  return wall;
}

static void
bench_import (const char *label, const char *path, guint n, guint runs, gboolean with_window,
              gboolean with_export)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbImporter) importer = NULL;
  g_autofree char *export_csv = ex_path ("export.csv");
  g_autofree char *export_xlsx = ex_path ("export.xlsx");
  g_autofree double *walls = g_new0 (double, runs);
  g_autofree double *cpus = g_new0 (double, runs);
  gint64 start = g_get_monotonic_time ();
  double t_read, t_check, load_before, wall;
  guint n_exported = 0;

  {
    g_autoptr (ZbDatabase) check_db = ex_create_workspace (NULL);
    g_autoptr (ZbMemberRepo) check_repo = zb_member_repo_new (check_db);
    g_autoptr (ZbImportReport) dry = NULL;
    gint64 check_start;

    sheet = zb_sheet_read_file (path, NULL, &error);
    g_assert_no_error (error);
    t_read = seconds_since (start);
    importer = zb_importer_new (check_repo, sheet, label);
    check_start = g_get_monotonic_time ();
    dry = zb_importer_run (importer, ZB_IMPORT_DRY_RUN, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    t_check = seconds_since (check_start);
    zb_database_close (check_db);
  }

  load_before = load_average ();
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr (ZbDatabase) run_db = NULL;
      g_autoptr (ZbMemberRepo) run_repo = NULL;

      import_once (label, path, n, &walls[i], &cpus[i], &run_db, &run_repo);
      /* the last workspace stays for the exports */
      g_set_object (&db, run_db);
      g_set_object (&repo, run_repo);
      if (i + 1 < runs)
        zb_database_close (run_db);
    }

  /* median() sorts: the fastest run comes first after it */
  wall = median (walls, runs);
  g_print ("%-5s import of %u members: %.2f s, %.2f s of processor time (median of %u, fastest "
           "%.2f s; load %.2f before, %.2f after; reading the file %.2f s; checking alone "
           "%.2f s)\n",
           label, n, wall, median (cpus, runs), runs, walls[0], load_before, load_average (),
           t_read, t_check);

  if (with_window)
    {
      for (guint i = 0; i < runs; i++)
        walls[i] = import_in_window_once (label, path, n);
      wall = median (walls, runs);
      g_print ("      in the window (keyring workspace, the import on its own connection): %.2f s "
               "until the window has the members (median of %u, fastest %.2f s)\n",
               wall, runs, walls[0]);
    }

  if (!with_export)
    {
      zb_database_close (db);
      return;
    }
  start = g_get_monotonic_time ();
  g_assert_true (zb_export_members (repo, NULL, ZB_EXPORT_CSV, export_csv, NULL, NULL, NULL,
                                    &n_exported, &error));
  g_assert_no_error (error);
  g_print ("      export to CSV:  %.2f s\n", seconds_since (start));
  start = g_get_monotonic_time ();
  g_assert_true (zb_export_members (repo, NULL, ZB_EXPORT_XLSX, export_xlsx, NULL, NULL, NULL,
                                    &n_exported, &error));
  g_assert_no_error (error);
  g_print ("      export to XLSX: %.2f s\n", seconds_since (start));
  g_assert_cmpuint (n_exported, ==, n);

  zb_database_close (db);
}

/* The floor: the sqlcipher shell's .import of the same CSV into a new
 * encrypted file (no checks, no indexes, one table of text). */
static void
bench_sqlcipher_floor (const char *csv_path)
{
  g_autofree char *shell = g_find_program_in_path ("sqlcipher");
  g_autofree char *db_path = ex_path ("floor.db");
  g_autofree char *script = g_strdup_printf ("PRAGMA key = 'benchmark floor';\n"
                                             ".mode csv\n"
                                             ".import '%s' roster\n"
                                             "SELECT count(*) FROM roster;\n",
                                             csv_path);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GBytes) in = NULL;
  g_autoptr (GBytes) out = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  if (shell == NULL)
    {
      g_print ("floor: the sqlcipher shell is not installed\n");
      return;
    }

  in = g_bytes_new (script, strlen (script));
  start = g_get_monotonic_time ();
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                              &error, shell, db_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  {
    double elapsed = seconds_since (start);
    g_autofree char *text = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
    g_auto (GStrv) lines = g_strsplit (g_strstrip (text), "\n", -1);
    guint n_lines = g_strv_length (lines);

    /* the last line is the count; PRAGMA key may print "ok" before it */
    g_print ("floor: sqlcipher .import of the same CSV into an encrypted file: %.2f s (%s rows)\n",
             elapsed, n_lines > 0 ? lines[n_lines - 1] : "?");
  }
}

int
main (int argc, char *argv[])
{
  const char *env = g_getenv ("ZB_BENCH_MEMBERS");
  guint n = env != NULL ? (guint)g_ascii_strtoull (env, NULL, 10) : 100000;
  /* ZB_BENCH_FORMATS=csv leaves out the XLSX figures (quicker while profiling) */
  gboolean with_xlsx = g_strcmp0 (g_getenv ("ZB_BENCH_FORMATS"), "csv") != 0;
  /* ZB_BENCH_RUNS=3 imports each file three times and prints the medians;
   * ZB_BENCH_EXPORT=0 leaves out the exports */
  const char *runs_env = g_getenv ("ZB_BENCH_RUNS");
  guint runs = runs_env != NULL ? MAX ((guint)g_ascii_strtoull (runs_env, NULL, 10), 1) : 1;
  gboolean with_export = g_strcmp0 (g_getenv ("ZB_BENCH_EXPORT"), "0") != 0;
  /* ZB_BENCH_WINDOW=0 leaves out the imports as the window makes them */
  gboolean with_window = g_strcmp0 (g_getenv ("ZB_BENCH_WINDOW"), "0") != 0;
  g_autofree char *csv = NULL;
  g_autofree char *xlsx = NULL;
  gint64 start;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  start = g_get_monotonic_time ();
  csv = write_csv (n);
  if (with_xlsx)
    xlsx = write_xlsx (n);
  g_print ("(writing the test files: %.2f s)\n", seconds_since (start));

  bench_import ("CSV", csv, n, runs, with_window, with_export);
  if (with_xlsx)
    bench_import ("XLSX", xlsx, n, runs, with_window, with_export);
  bench_sqlcipher_floor (csv);

  return 0;
}
