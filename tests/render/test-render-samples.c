/* test-render-samples.c — writes the sample documents as PDF and PNG into the
 * build directory (tests/render/), for people to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gstdio.h>

#include "render-samples.h"

static char *
output_dir (void)
{
  const char *root = g_getenv ("ZB_BUILD_ROOT");
  char *dir;

  if (root == NULL)
    return NULL;
  dir = g_build_filename (root, "tests", "render", NULL);
  g_mkdir_with_parents (dir, 0755);
  return dir;
}

static void
write_sample (ZbDocument *doc, const char *name, const int *pages, guint n_pages)
{
  g_autofree char *dir = output_dir ();
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_autofree char *pdf_name = g_strdup_printf ("%s.pdf", name);
  g_autofree char *pdf_path = NULL;
  int total = poppler_document_get_n_pages (pdf);

  if (dir == NULL)
    {
      g_test_skip ("ZB_BUILD_ROOT is not set");
      return;
    }
  /* Pages of an earlier, longer run would be misleading. */
  {
    g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
    g_autofree char *prefix = g_strdup_printf ("%s-", name);
    const char *entry;

    while (listing != NULL && (entry = g_dir_read_name (listing)) != NULL)
      if (g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, ".png"))
        {
          g_autofree char *stale = g_build_filename (dir, entry, NULL);

          g_unlink (stale);
        }
  }
  pdf_path = g_build_filename (dir, pdf_name, NULL);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));

  for (guint i = 0; i < n_pages; i++)
    {
      int page = pages[i] < 0 ? total + pages[i] : pages[i];
      g_autofree char *png_name = g_strdup_printf ("%s-%d.png", name, page + 1);
      g_autofree char *png = g_build_filename (dir, png_name, NULL);
      cairo_surface_t *surface;

      g_assert_cmpint (page, <, total);
      surface = render_page_image (pdf, page, 100);
      g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
      g_test_message ("wrote %s", png);
    }
}

static void
test_recovery_sheet (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();
  g_autoptr (ZbDocument) doc = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
  const int pages[] = { 0 };

  write_sample (doc, "sample-recovery-sheet", pages, G_N_ELEMENTS (pages));
}

static void
test_meeting_form (void)
{
  g_autoptr (ZbDocument) doc = sample_meeting_form ();
  const int pages[] = { 0 };

  write_sample (doc, "sample-meeting-form", pages, G_N_ELEMENTS (pages));
}

static void
test_resolution (void)
{
  g_autoptr (ZbDocument) doc = sample_resolution (40);
  const int pages[] = { 0, 1, -1 };

  write_sample (doc, "sample-resolution", pages, G_N_ELEMENTS (pages));
}

static void
test_register (void)
{
  g_autoptr (ZbDocument) doc = sample_register (1000, NULL);
  const int pages[] = { 0, 1, -1 };

  write_sample (doc, "sample-register", pages, G_N_ELEMENTS (pages));
}

int
main (int argc, char *argv[])
{
  /* Messages with Chinese text must not come out as question marks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-samples/recovery-sheet", test_recovery_sheet);
  g_test_add_func ("/render-samples/meeting-form", test_meeting_form);
  g_test_add_func ("/render-samples/resolution", test_resolution);
  g_test_add_func ("/render-samples/register", test_register);

  return g_test_run ();
}
