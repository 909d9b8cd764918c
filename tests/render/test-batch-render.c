/* test-batch-render.c — many documents into one PDF on a worker thread, with
 * progress and cancellation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "render-samples.h"
#include "zb-batch-render.h"

#define A4_SHORT 595.28
#define A4_LONG 841.89

/* One sheet per member, like the recovery sheet: a title, the member's
 * fields, a QR code; numbered ZB-2026-000101 … */
static ZbDocument *
member_sheet (guint i)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autofree char *number = g_strdup_printf ("ZB-2026-%06u", 101 + i);
  g_autofree char *id = sample_id_number (i);
  g_autofree char *name = g_strdup_printf ("党员%u号", i + 1);

  zb_document_set_number (doc, number);
  zb_document_set_title (doc, "党员信息表");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_print_date (doc, date);
  zb_document_add_title (doc, "党员信息表");
  zb_document_add_field (doc, "姓名：", name);
  zb_document_add_field (doc, "公民身份号码：", id);
  zb_document_add_qr_code (doc, number, 30);
  return g_steal_pointer (&doc);
}

static GPtrArray *
member_sheets (guint n)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (docs, member_sheet (i));
  return docs;
}

typedef struct
{
  GArray *progress; /* guint done, in the order reported */
  guint total;
  gboolean finished;
  gboolean ok;
  GBytes *pdf;
  GArray *page_counts;
  GError *error;
  GCancellable *cancel_after_first;
  GThread *main_thread;
} Run;

static void
on_progress (guint done, guint total, gpointer user_data)
{
  Run *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  g_assert_false (run->finished);
  run->total = total;
  g_array_append_val (run->progress, done);
  if (run->cancel_after_first != NULL)
    g_cancellable_cancel (run->cancel_after_first);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;

  run->ok = zb_batch_render_finish (result, &run->pdf, &run->page_counts, &run->error);
  run->finished = TRUE;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->progress, g_array_unref);
  g_clear_pointer (&run->pdf, g_bytes_unref);
  g_clear_pointer (&run->page_counts, g_array_unref);
  g_clear_error (&run->error);
  g_clear_object (&run->cancel_after_first);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_batch (Run *run, GPtrArray *docs, GFile *file, GCancellable *cancellable)
{
  run->progress = g_array_new (FALSE, FALSE, sizeof (guint));
  run->main_thread = g_thread_self ();
  zb_batch_render_async (docs, file, on_progress, run, NULL, cancellable, on_done, run);
  while (!run->finished)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_many_into_memory (void)
{
  g_autoptr (GPtrArray) docs = member_sheets (12);
  g_autoptr (TestPdf) pdf = NULL;
  g_auto (Run) run = { 0 };
  guint last = 0;

  run_batch (&run, docs, NULL, NULL);
  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  g_assert_nonnull (run.pdf);

  /* Progress climbs to the end, and the end is reported before the
   * callback. */
  g_assert_cmpuint (run.progress->len, >=, 1);
  for (guint i = 0; i < run.progress->len; i++)
    {
      guint done = g_array_index (run.progress, guint, i);

      g_assert_cmpuint (done, >=, last);
      last = done;
    }
  g_assert_cmpuint (last, ==, 12);
  g_assert_cmpuint (run.total, ==, 12);

  pdf = load_pdf (run.pdf);
  g_assert_cmpuint (run.page_counts->len, ==, 12);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *text = pdf_text_compact (pdf, i);
      g_autofree char *number = g_strdup_printf ("编号：ZB-2026-%06u", 101 + i);
      g_autofree char *name = g_strdup_printf ("姓名：党员%u号", i + 1);

      g_assert_cmpuint (g_array_index (run.page_counts, guint, i), ==, 1);
      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, name));
    }
}

/* A landscape register and a portrait form in one PDF keep their paper. */
static void
test_mixed_paper (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GArray) counts = NULL;
  g_autoptr (TestPdf) pdf = NULL;
  g_autoptr (GError) error = NULL;
  ZbDocument *reg = sample_register (60, NULL);
  guint reg_pages;

  zb_document_set_number (reg, "ZB-2026-000001");
  g_ptr_array_add (docs, member_sheet (0));
  g_ptr_array_add (docs, reg);
  g_ptr_array_add (docs, member_sheet (1));

  g_assert_true (zb_batch_render_sync (docs, NULL, &bytes, &counts, NULL, &error));
  g_assert_no_error (error);
  pdf = load_pdf (bytes);
  reg_pages = g_array_index (counts, guint, 1);
  g_assert_cmpuint (reg_pages, >, 1);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2 + reg_pages);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr (TestPdfPage) page = poppler_document_get_page (pdf, i);
      gboolean landscape = i >= 1 && i <= (int)reg_pages;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, landscape ? A4_LONG : A4_SHORT, 0.5);
      g_assert_cmpfloat_with_epsilon (h, landscape ? A4_SHORT : A4_LONG, 0.5);
    }
}

/* Into a file; one document goes through zb_renderer_render_to_pdf_file(). */
static void
test_into_file (void)
{
  const char *tmp = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *many_path = g_build_filename (tmp ? tmp : g_get_tmp_dir (), "batch.pdf", NULL);
  g_autofree char *one_path = g_build_filename (tmp ? tmp : g_get_tmp_dir (), "one.pdf", NULL);
  g_autoptr (GFile) many_file = g_file_new_for_path (many_path);
  g_autoptr (GFile) one_file = g_file_new_for_path (one_path);
  g_autoptr (GPtrArray) docs = member_sheets (3);
  g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (TestPdf) pdf = NULL;
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };
  g_auto (Run) run_one = { 0 };
  GStatBuf st;

  run_batch (&run, docs, many_file, NULL);
  g_assert_no_error (run.error);
  g_assert_null (run.pdf);
  uri = g_file_get_uri (many_file);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  /* Personal data: readable by its owner only. */
  g_assert_cmpint (g_stat (many_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  g_ptr_array_add (one, member_sheet (7));
  run_batch (&run_one, one, one_file, NULL);
  g_assert_no_error (run_one.error);
  g_assert_cmpuint (g_array_index (run_one.page_counts, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (run_one.progress, guint, run_one.progress->len - 1), ==, 1);
  g_assert_true (g_file_test (one_path, G_FILE_TEST_IS_REGULAR));
}

/* Cancelled after the first document: an error, and the file that was there
 * before is left as it was. */
static void
test_cancel (void)
{
  const char *tmp = g_getenv ("ZB_TEST_TMPDIR");
  g_autofree char *path = g_build_filename (tmp ? tmp : g_get_tmp_dir (), "cancel.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) docs = member_sheets (200);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };
  GDir *dir;
  const char *name;

  g_file_set_contents (path, "before", -1, &error);
  g_assert_no_error (error);

  run.cancel_after_first = g_object_ref (cancellable);
  run_batch (&run, docs, file, cancellable);
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.progress->len, >=, 1);
  g_assert_cmpuint (g_array_index (run.progress, guint, run.progress->len - 1), <, 200);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "before");

  /* And no temporary file left beside it. */
  dir = g_dir_open (tmp ? tmp : g_get_tmp_dir (), 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".goutputstream"));
  g_dir_close (dir);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/batch-render/many-into-memory", test_many_into_memory);
  g_test_add_func ("/batch-render/mixed-paper", test_mixed_paper);
  g_test_add_func ("/batch-render/into-file", test_into_file);
  g_test_add_func ("/batch-render/cancel", test_cancel);

  return g_test_run ();
}
