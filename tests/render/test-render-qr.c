/* test-render-qr.c — the QR codes of printed documents decode to what they hold
 *
 * Needs zbarimg (Debian: zbar-tools); exits 77 (skipped) without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <string.h>

#include <glib/gstdio.h>

#include "render-samples.h"

static char *zbarimg;

/* The texts of every QR code zbarimg finds on @page at @dpi. */
static char **
decode_page (PopplerDocument *pdf, int page, double dpi)
{
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "qr-XXXXXX", NULL);
  g_autofree char *png = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  int status;
  const char *argv[] = { zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", NULL, NULL };

  g_assert_nonnull (g_mkdtemp (dir));
  png = g_build_filename (dir, "page.png", NULL);
  surface = render_page_image (pdf, page, dpi);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  argv[5] = png;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no QR code: %s", err);
  g_unlink (png);
  g_rmdir (dir);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

static void
assert_verification (ZbDocument *doc, const char *decoded)
{
  g_autofree char *hash = zb_document_dup_content_hash (doc);
  g_auto (GStrv) parts = g_strsplit (decoded, "|", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_cmpstr (parts[0], ==, "ZB1");
  g_assert_cmpstr (parts[1], ==, zb_document_get_number (doc));
  g_assert_cmpstr (parts[2], ==, hash);
}

static void
test_recovery_sheet (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();
  g_autoptr (ZbDocument) doc = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_auto (GStrv) codes = decode_page (pdf, 0, 300);
  g_autofree char *upper = g_ascii_strup (SAMPLE_KEY_HEX, -1);
  g_autoptr (ZbSecret) scanned = NULL;
  gboolean found_key = FALSE, found_footer = FALSE;

  g_assert_cmpuint (g_strv_length (codes), ==, 2);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (g_str_has_prefix (codes[i], "ZB1|"))
        {
          assert_verification (doc, codes[i]);
          found_footer = TRUE;
        }
      else
        {
          /* The big code is the key, as a key file may hold it. */
          g_assert_cmpstr (codes[i], ==, upper);
          scanned = zb_secret_new_from_hex (codes[i], NULL);
          g_assert_true (zb_secret_equal (scanned, key));
          found_key = TRUE;
        }
    }
  g_assert_true (found_key && found_footer);
}

/* The small footer code of a landscape page, at a scan's 200 dpi. */
static void
test_register (void)
{
  g_autoptr (ZbDocument) doc = sample_register (60, NULL);
  g_autoptr (GBytes) bytes = render_pdf (doc);
  g_autoptr (TestPdf) pdf = load_pdf (bytes);
  g_auto (GStrv) codes = NULL;

  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 2);
  codes = decode_page (pdf, 1, 200);
  g_assert_cmpuint (g_strv_length (codes), ==, 1);
  assert_verification (doc, codes[0]);
}

int
main (int argc, char *argv[])
{
  zbarimg = g_find_program_in_path ("zbarimg");
  if (zbarimg == NULL)
    {
      g_printerr ("zbarimg (zbar-tools) is not installed; skipping\n");
      return 77;
    }

  /* Messages with Chinese text must not come out as question marks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render-qr/recovery-sheet", test_recovery_sheet);
  g_test_add_func ("/render-qr/register", test_register);

  return g_test_run ();
}
