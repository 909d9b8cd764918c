/* test-font-subsets.c — PDFs drawn from font subsets look and read as Pango's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <cairo-pdf.h>

#include "render-samples.h"

/* The same document as cairo makes it from the installed fonts: drawn page by
 * page with zb_renderer_draw_page() onto a PDF surface of our own. */
static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
render_pdf_plain (ZbDocument *doc)
{
  g_autoptr (ZbRenderer) renderer = zb_renderer_new (doc);
  GByteArray *bytes = g_byte_array_new ();
  guint n_pages = zb_renderer_paginate (renderer, 0, 0);
  ZbPageGeometry geo;
  cairo_surface_t *surface;
  cairo_t *cr;

  zb_page_setup_get_geometry (zb_document_get_page_setup (doc), &geo);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, geo.paper_width,
                                                 geo.paper_height);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      zb_renderer_draw_page (renderer, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* Share of pixels that differ noticeably between page @page of two PDFs. */
static double
pixel_difference (PopplerDocument *a, PopplerDocument *b, int page)
{
  cairo_surface_t *ia = render_page_image (a, page, 100);
  cairo_surface_t *ib = render_page_image (b, page, 100);
  int width = cairo_image_surface_get_width (ia);
  int height = cairo_image_surface_get_height (ia);
  int stride = cairo_image_surface_get_stride (ia);
  const guchar *da, *db;
  guint differ = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (ib));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (ib));
  cairo_surface_flush (ia);
  cairo_surface_flush (ib);
  da = cairo_image_surface_get_data (ia);
  db = cairo_image_surface_get_data (ib);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      if (ABS ((int)da[y * stride + x] - (int)db[y * stride + x]) > 64)
        differ++;
  cairo_surface_destroy (ia);
  cairo_surface_destroy (ib);
  return (double)differ / ((double)width * height * 4);
}

/* Every page reads and looks the same both ways. */
static void
assert_same_as_plain (ZbDocument *doc, GBytes *subset_pdf, GBytes *plain_pdf)
{
  g_autoptr (TestPdf) subset = load_pdf (subset_pdf);
  g_autoptr (TestPdf) plain = load_pdf (plain_pdf);
  int n_pages = poppler_document_get_n_pages (plain);

  g_assert_cmpint (poppler_document_get_n_pages (subset), ==, n_pages);
  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr (TestPdfPage) a = poppler_document_get_page (subset, p);
      g_autoptr (TestPdfPage) b = poppler_document_get_page (plain, p);
      g_autofree char *text_a = poppler_page_get_text (a);
      g_autofree char *text_b = poppler_page_get_text (b);
      double diff = pixel_difference (subset, plain, p);

      g_assert_cmpstr (text_a, ==, text_b);
      g_test_message ("page %d: %.5f%% of pixels differ", p + 1, diff * 100);
      g_assert_cmpfloat (diff, <, 0.0005);
    }
}

static ZbDocument *
text_document (const char *number, const char *text)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (GDateTime) date = sample_date ();

  zb_document_set_number (doc, number);
  zb_document_set_print_date (doc, date);
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_set_title (doc, "字形测试");
  zb_document_add_title (doc, "字形子集测试");
  zb_document_add_paragraph (doc, text);
  return doc;
}

static void
test_form (void)
{
  g_autoptr (ZbDocument) doc = sample_meeting_form ();
  g_autoptr (GBytes) subset = render_pdf (doc);
  g_autoptr (GBytes) plain = render_pdf_plain (doc);

  assert_same_as_plain (doc, subset, plain);
  /* What the subsets are for: cairo embeds far smaller font programs. */
  g_test_message ("PDF %zu bytes from subsets, %zu as cairo embeds the fonts",
                  g_bytes_get_size (subset), g_bytes_get_size (plain));
  g_assert_cmpuint (g_bytes_get_size (subset), <, g_bytes_get_size (plain) * 6 / 10);
}

/* The kept subsets grow: a document with characters no earlier one used, then
 * one with characters seen before, then one with both. */
static void
test_new_characters (void)
{
  const char *texts[] = {
    "鑫淼焱垚犇骉麤", /* rare, in no other test's document */
    "会议记录时间地点",
    "鑫淼焱垚犇骉麤会议 Zhibu 2026，（测试）。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *number = g_strdup_printf ("ZB-2026-%06u", 900 + i);
      g_autoptr (ZbDocument) doc = text_document (number, texts[i]);
      g_autoptr (GBytes) subset = render_pdf (doc);
      g_autoptr (GBytes) plain = render_pdf_plain (doc);
      g_autoptr (TestPdf) pdf = load_pdf (subset);
      g_autofree char *body = pdf_text_compact (pdf, 0);
      g_autofree char *expected = compact (texts[i]);

      g_assert_nonnull (strstr (body, expected));
      assert_same_as_plain (doc, subset, plain);
    }
}

/* A character no installed font has is drawn as Pango draws it (a box), and
 * the rest of the line from the subsets. */
static void
test_missing_glyph (void)
{
  g_autoptr (ZbDocument) doc = text_document ("ZB-2026-000950", "前\U000E01EF\U0010FFFD后党员");
  g_autoptr (GBytes) subset = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (subset);
  g_autofree char *body = pdf_text_compact (pdf, 0);

  g_assert_nonnull (strstr (body, "党员"));
  g_assert_nonnull (strstr (body, "前"));
}

typedef struct
{
  guint index;
  char *text;
  GBytes *pdf;
} ThreadJob;

static gpointer
render_in_thread (gpointer data)
{
  ThreadJob *job = data;
  g_autofree char *number = g_strdup_printf ("ZB-2026-%06u", 960 + job->index);
  g_autoptr (ZbDocument) doc = text_document (number, job->text);

  job->pdf = render_pdf (doc);
  return NULL;
}

/* Documents rendered at once on several threads share the kept subsets. */
static void
test_threads (void)
{
  ThreadJob jobs[6];
  GThread *threads[G_N_ELEMENTS (jobs)];

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      GString *text = g_string_new (NULL);

      /* Each with characters of its own and some in common. */
      for (guint c = 0; c < 40; c++)
        g_string_append_unichar (text, 0x4E00 + 0x300 * i + c * 7);
      g_string_append (text, "支部委员会");
      jobs[i].index = i;
      jobs[i].text = g_string_free (text, FALSE);
      jobs[i].pdf = NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    threads[i] = g_thread_new ("render", render_in_thread, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autoptr (TestPdf) pdf = load_pdf (jobs[i].pdf);
      g_autofree char *body = pdf_text_compact (pdf, 0);
      g_autofree char *number = g_strdup_printf ("ZB-2026-%06u", 960 + i);
      g_autoptr (ZbDocument) doc = text_document (number, jobs[i].text);
      g_autoptr (GBytes) plain = render_pdf_plain (doc);

      g_assert_nonnull (strstr (body, jobs[i].text));
      assert_same_as_plain (doc, jobs[i].pdf, plain);
      g_bytes_unref (jobs[i].pdf);
      g_free (jobs[i].text);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/font-subsets/form", test_form);
  g_test_add_func ("/font-subsets/new-characters", test_new_characters);
  g_test_add_func ("/font-subsets/missing-glyph", test_missing_glyph);
  g_test_add_func ("/font-subsets/threads", test_threads);
  return g_test_run ();
}
