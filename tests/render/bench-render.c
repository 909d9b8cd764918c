/* bench-render.c — how long documents take to render to PDF; prints figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "render-samples.h"

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
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

/* Milliseconds to build, lay out and write @make()'s document as PDF in memory. */
static double
time_once (ZbDocument *(*make) (void), gsize *pdf_size, guint *n_pages, double *layout_ms,
           double *cpu_ms)
{
  gint64 cpu_start = cpu_time_us ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr (ZbDocument) doc = make ();
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  gint64 laid_out;

  *n_pages = zb_renderer_paginate (renderer, 0, 0);
  laid_out = g_get_monotonic_time ();
  if (!zb_renderer_render_to_pdf (renderer, out, NULL, NULL))
    g_error ("render failed");
  g_output_stream_close (out, NULL, NULL);
  *pdf_size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
  *layout_ms = (laid_out - start) / 1000.0;
  *cpu_ms = (cpu_time_us () - cpu_start) / 1000.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static ZbDocument *
make_form (void)
{
  return sample_meeting_form ();
}

/* The same form with three characters no earlier form had: the kept font
 * subsets must be cut again each time, as for a member whose name has a
 * character the documents printed so far did not. */
static ZbDocument *
make_form_new_characters (void)
{
  static gunichar next = 0x5000;
  ZbDocument *doc = sample_meeting_form ();
  GString *text = g_string_new ("列席人员：");

  for (guint i = 0; i < 3; i++)
    g_string_append_unichar (text, next++);
  zb_document_add_paragraph (doc, text->str);
  g_string_free (text, TRUE);
  return doc;
}

static ZbDocument *
make_register (void)
{
  return sample_register (1000, NULL);
}

static ZbDocument *
make_sheet (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();

  return zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
}

static void
run (const char *name, ZbDocument *(*make) (void), guint n_runs)
{
  g_autofree double *ms = g_new0 (double, n_runs);
  g_autofree double *cpu = g_new0 (double, n_runs);
  double layout_ms = 0, layout_total = 0;
  gsize size = 0;
  guint pages = 0;

  for (guint i = 0; i < n_runs; i++)
    {
      ms[i] = time_once (make, &size, &pages, &layout_ms, &cpu[i]);
      layout_total += layout_ms;
    }
  qsort (ms, n_runs, sizeof (double), compare_doubles);
  qsort (cpu, n_runs, sizeof (double), compare_doubles);
  g_print ("%-22s %3u page(s) %8zu bytes | wall median %7.1f ms, min %7.1f | CPU median %7.1f ms"
           " | layout %6.1f ms\n",
           name, pages, size, ms[n_runs / 2], ms[0], cpu[n_runs / 2], layout_total / n_runs);
}

int
main (int argc, char *argv[])
{
  gsize size;
  guint pages;
  double layout_ms, cold, cpu;

  /* The first render also finds the fonts (fontconfig) and loads them. */
  cold = time_once (make_form, &size, &pages, &layout_ms, &cpu);
  g_print ("%-22s %3u page(s) %8zu bytes | wall %7.1f ms (first in the process), CPU %.1f ms\n",
           "form, cold", pages, size, cold, cpu);

  run ("one-page form", make_form, 30);
  run ("form, new characters", make_form_new_characters, 30);
  run ("recovery sheet", make_sheet, 30);
  run ("register, 1,000 rows", make_register, 5);
  return 0;
}
