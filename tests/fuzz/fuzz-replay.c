/* fuzz-replay.c — runs the committed seed corpus through a fuzz target, as an
 * ordinary test (and a plain debugger session for a crash found by fuzzing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-TARGET-replay DIR|FILE…  Each file is one input.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static guint
replay (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      for (guint i = 0; i < names->len; i++)
        count += replay (names->pdata[i]);
      return count;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* a copy of exactly the input's size, so that ASan sees reads past its end */
  {
    g_autofree guint8 *input = g_memdup2 (contents, length);

    LLVMFuzzerTestOneInput (input, length);
  }
  return 1;
}

int
main (int argc, char *argv[])
{
  guint count = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s DIR|FILE…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    count += replay (argv[i]);

  printf ("%u inputs replayed\n", count);
  return count > 0 ? 0 : 1;
}
