/* zb-chinese.c — what the stroke and pinyin parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unicode/uversion.h>

#include "zb-chinese.h"
#include "zb-chinese-private.h"

/* Bump when the layout of a key or the surname table changes (the stroke data
 * and its mapping to classes carry their own version). */
#define KEY_LAYOUT 1

const char *
zb_chinese_key_version (void)
{
  static char *version;

  /* The keys also hold readings and positions taken from ICU's data, so a new
   * ICU may order a few characters differently, and the stroke data can be
   * regenerated: stored keys are then rebuilt. */
  if (g_once_init_enter (&version))
    g_once_init_leave (&version, g_strdup_printf ("%d-%s-icu%s", KEY_LAYOUT, zb_stroke_data_version,
                                                  U_ICU_VERSION));
  return version;
}

char *
_zb_chinese_normalize (const char *name)
{
  g_autofree char *valid = NULL;
  char *normal;

  if (name == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);

  /* Most names are ASCII and unified ideographs, which NFKC leaves as they are
   * (the compatibility ideographs are elsewhere): skip the costly part. */
  for (const char *p = name;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0)
        return g_strdup (name);
      if (!(c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)))
        break;
    }
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  return normal ? normal : g_strdup ("");
}

gboolean
_zb_chinese_is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static gpointer
preload_thread (gpointer data)
{
  /* a name that needs the transliterator, the collator and the stroke counts */
  g_autoptr (GBytes) pinyin = zb_chinese_pinyin_key ("张䶮");
  g_autoptr (GBytes) strokes = zb_chinese_stroke_key ("张䶮");

  return NULL;
}

void
zb_chinese_preload (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      GThread *thread = g_thread_try_new ("zb-chinese-load", preload_thread, NULL, NULL);

      if (thread != NULL)
        g_thread_unref (thread);
      g_once_init_leave (&started, 1);
    }
}
