/* bench-preview.c — how soon the print preview shows its first page; prints
 * figures, and for scale how long LibreOffice takes for a table of the same
 * size where it is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "../render/render-samples.h"
#include "ui-test-util.h"
#include "zb-print-dialog-private.h"

static ZbDatabase *db;

typedef struct
{
  double first;     /* the first page on screen (drawn by the renderer) */
  double first_cpu; /* CPU time of the process (all threads) until then */
  double pdf;       /* the whole PDF made */
  double sharp;     /* the page drawn again from the PDF at the final size */
  guint n_pages;
} Timing;

static gboolean
has_texture (gpointer data)
{
  return zb_page_view_get_texture (ZB_PRINT_DIALOG (data)->page_view) != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !zb_print_dialog_get_busy (data);
}

static gboolean
ready (gpointer data)
{
  return !zb_print_dialog_get_busy (data) && _zb_print_dialog_page_is_ready (data);
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the process: the machine may be busy with other work, which
 * wall-clock figures include. */
static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
wait_for (gboolean (*done) (gpointer), gpointer data)
{
  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
}

static Timing
time_preview (ZbDocument *(*make) (void))
{
  ZbDocument *doc = make ();
  Timing t = { 0 };
  gint64 cpu_start = cpu_time_us ();
  gint64 start = g_get_monotonic_time ();
  ZbPrintDialog *dialog = zb_print_dialog_new (NULL, db, "bench", doc);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_for (has_texture, dialog);
  t.first = since (start);
  t.first_cpu = (cpu_time_us () - cpu_start) / 1000.0;
  wait_for (not_busy, dialog);
  t.pdf = since (start);
  wait_for (ready, dialog);
  t.sharp = since (start);
  t.n_pages = _zb_print_dialog_get_n_pages (dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (doc);
  ui_test_iterate_until_idle ();
  return t;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
run (const char *name, ZbDocument *(*make) (void), guint n_runs)
{
  g_autofree double *first = g_new0 (double, n_runs);
  g_autofree double *first_cpu = g_new0 (double, n_runs);
  g_autofree double *pdf = g_new0 (double, n_runs);
  g_autofree double *sharp = g_new0 (double, n_runs);
  guint n_pages = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      Timing t = time_preview (make);

      first[i] = t.first;
      first_cpu[i] = t.first_cpu;
      pdf[i] = t.pdf;
      sharp[i] = t.sharp;
      n_pages = t.n_pages;
    }
  qsort (first, n_runs, sizeof (double), compare_doubles);
  qsort (first_cpu, n_runs, sizeof (double), compare_doubles);
  qsort (pdf, n_runs, sizeof (double), compare_doubles);
  qsort (sharp, n_runs, sizeof (double), compare_doubles);
  g_print ("%-22s %3u page(s) | first page on screen: median %6.1f ms, max %6.1f"
           " (CPU %6.1f ms) | whole PDF %7.1f ms | page from PDF %7.1f ms\n",
           name, n_pages, first[n_runs / 2], first[n_runs - 1], first_cpu[n_runs / 2],
           pdf[n_runs / 2], sharp[n_runs / 2]);
}

static ZbDocument *
make_form (void)
{
  return sample_meeting_form ();
}

static ZbDocument *
make_sheet (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();

  return zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
}

static ZbDocument *
make_register (void)
{
  return sample_register (1000, NULL);
}

/* The same register as a CSV table, converted by LibreOffice Calc: for
 * scale only. */
static void
time_libreoffice (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *profile = NULL;
  g_autoptr (GString) text
      = g_string_new ("序号,姓名,性别,民族,出生年月,籍贯,学历,入党时间,转正时间,"
                      "人员类别,工作单位及职务,公民身份号码,联系电话,党小组,"
                      "备注\n");
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (ZbDocument) unused = sample_register (1000, &names);

  if (soffice == NULL)
    {
      g_print ("LibreOffice: not installed, no comparison\n");
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *id = sample_id_number (i);
      g_autofree char *remark = sample_remark (i);

      g_string_append_printf (text,
                              "%u,%s,男,汉族,1975.03,山东济南,大学,2001.07,2002.07,正式党员,"
                              "某某街道办事处科员,%s,13800000000,第一党小组,%s\n",
                              i + 1, (const char *)names->pdata[i], id, remark ? remark : "");
    }

  dir = g_build_filename (g_getenv ("ZB_TEST_TMPDIR") ?: g_get_tmp_dir (), "libreoffice", NULL);
  g_mkdir_with_parents (dir, 0700);
  csv = g_build_filename (dir, "register.csv", NULL);
  g_file_set_contents (csv, text->str, -1, NULL);
  profile = g_strdup_printf ("-env:UserInstallation=file://%s/profile", dir);

  for (int run = 0; run < 2; run++)
    {
      const char *argv[]
          = { soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", dir, csv, NULL };
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status = 0;

      if (!g_spawn_sync (NULL, (char **)argv, NULL,
                         G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                         NULL, &status, &error))
        {
          g_print ("LibreOffice: could not run: %s\n", error->message);
          return;
        }
      g_print ("LibreOffice %s: 1,000-row table, CSV → PDF: %7.1f ms (exit %d)\n",
               run == 0 ? "first run (makes its profile)" : "second run", since (start), status);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *path = NULL;
  ZbWorkspaceSetup setup = { .org_name = SAMPLE_ORG, .protection = ZB_PROTECTION_PASSPHRASE };

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("bench-preview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmpdir, "bench.db", NULL);
  secret = zb_secret_new_passphrase ("benchmark passphrase");
  db = zb_database_create (path, secret, &setup, &error);
  g_assert_no_error (error);

  /* The first preview in the process also finds and loads the fonts. */
  {
    Timing cold = time_preview (make_form);

    g_print ("%-22s %3u page(s) | first page on screen: %6.1f ms (first in the process)"
             " | whole PDF %7.1f ms\n",
             "form, cold", cold.n_pages, cold.first, cold.pdf);
  }
  run ("one-page form", make_form, 9);
  run ("recovery sheet", make_sheet, 9);
  run ("register, 1,000 rows", make_register, 3);

  time_libreoffice ();

  zb_database_close (db);
  g_clear_object (&db);
  return 0;
}
