/* zb-render-fonts.c — choosing the faces of official documents from what is installed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include <pango/pangocairo.h>

#include "zb-render-private.h"

typedef struct
{
  /* Families in order of preference, English and Chinese names alike: fontconfig
   * reports whichever name the font lists first. */
  const char *const *families;
  /* The fonts-noto-cjk face that stands in when none is installed. */
  const char *fallback;
  /* Weight with the fallback: 小标宋 is a heavy face, Noto Serif Regular is not. */
  PangoWeight fallback_weight;
} ZbFontPreference;

static const char *const title_families[] = { "方正小标宋简体",
                                              "FZXiaoBiaoSong-B05S",
                                              "FZXiaoBiaoSong-B05",
                                              "方正小标宋_GBK",
                                              "华文中宋",
                                              "STZhongsong",
                                              NULL };
static const char *const body_families[]
    = { "仿宋_GB2312",     "FangSong_GB2312", "仿宋",     "FangSong", "方正仿宋简体",
        "FZFangSong-Z02S", "STFangsong",      "华文仿宋", NULL };
static const char *const heading_families[]
    = { "黑体", "SimHei", "方正黑体简体", "FZHei-B01S", "Source Han Sans SC", NULL };
static const char *const kai_families[]
    = { "楷体_GB2312", "KaiTi_GB2312", "楷体",     "KaiTi",         "方正楷体简体",
        "FZKai-Z03S",  "STKaiti",      "华文楷体", "AR PL UKai CN", NULL };
static const char *const song_families[]
    = { "宋体", "SimSun", "方正书宋简体", "Source Han Serif SC", NULL };
static const char *const mono_families[] = { "Noto Sans Mono CJK SC", "DejaVu Sans Mono", NULL };

static const ZbFontPreference preferences[ZB_N_FONTS] = {
  [ZB_FONT_TITLE] = { title_families, "Noto Serif CJK SC", PANGO_WEIGHT_BOLD },
  [ZB_FONT_BODY] = { body_families, "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL },
  [ZB_FONT_HEADING] = { heading_families, "Noto Sans CJK SC", PANGO_WEIGHT_BOLD },
  [ZB_FONT_KAI] = { kai_families, "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL },
  [ZB_FONT_SONG] = { song_families, "Noto Serif CJK SC", PANGO_WEIGHT_NORMAL },
  [ZB_FONT_MONO] = { mono_families, "Noto Sans Mono CJK SC", PANGO_WEIGHT_NORMAL },
};

typedef struct
{
  char *family;
  PangoWeight weight;
} ZbFontChoice;

static ZbFontChoice choices[ZB_N_FONTS];

/* Listing the families asks fontconfig for every installed font, which takes a
 * while on a full desktop: do it once per process. */
static gpointer
choose_fonts (gpointer data)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  g_autofree PangoFontFamily **families = NULL;
  g_autoptr (GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int n_families = 0;

  pango_font_map_list_families (font_map, &families, &n_families);
  for (int i = 0; i < n_families; i++)
    g_hash_table_add (installed, g_utf8_casefold (pango_font_family_get_name (families[i]), -1));

  for (guint role = 0; role < ZB_N_FONTS; role++)
    {
      const ZbFontPreference *pref = &preferences[role];

      choices[role].family = NULL;
      for (guint i = 0; pref->families[i] != NULL; i++)
        {
          g_autofree char *key = g_utf8_casefold (pref->families[i], -1);

          if (g_hash_table_contains (installed, key))
            {
              /* The fallback after it supplies any character the face lacks
               * (a rare name, say), in Simplified Chinese forms. */
              choices[role].family
                  = g_str_equal (pref->families[i], pref->fallback)
                        ? g_strdup (pref->fallback)
                        : g_strdup_printf ("%s,%s", pref->families[i], pref->fallback);
              choices[role].weight = PANGO_WEIGHT_NORMAL;
              break;
            }
        }
      if (choices[role].family == NULL)
        {
          choices[role].family = g_strdup (pref->fallback);
          choices[role].weight = pref->fallback_weight;
        }
      g_debug ("Font for role %u: %s", role, choices[role].family);
    }

  return NULL;
}

static const ZbFontChoice *
get_choice (ZbFontRole role)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, choose_fonts, NULL);
  return &choices[role];
}

PangoFontDescription *
_zb_render_font_for_role (ZbFontRole role, double size)
{
  const ZbFontChoice *choice;
  PangoFontDescription *desc;

  g_return_val_if_fail (role < ZB_N_FONTS, NULL);

  choice = get_choice (role);
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, choice->family);
  pango_font_description_set_weight (desc, choice->weight);
  pango_font_description_set_size (desc, (int)(size * PANGO_SCALE + 0.5));
  return desc;
}

const char *
_zb_render_font_family (ZbFontRole role)
{
  g_return_val_if_fail (role < ZB_N_FONTS, NULL);

  return get_choice (role)->family;
}
