/* zb-font-subsets.c — drawing a document's text from small subsets of its fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-render"

#include "config.h"

#include <cairo-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "zb-font-subsets-private.h"

/* Why: cairo 1.16 makes the PDF subset of a font by copying and parsing its
 * whole CFF table, twice per font and document. The Noto CJK faces that
 * documents fall back to carry 65,535 glyphs in a 20 MB table, so a one-page
 * form spent most of its time there. HarfBuzz cuts each face down to the
 * glyphs the documents use first (5–10 ms a face), and cairo then subsets a
 * font of a few dozen kilobytes. Faces with small tables, TrueType outlines or
 * variations are drawn as Pango draws them. */
#define ZB_SUBSET_MIN_CFF_BYTES (1024 * 1024)

/* The subset of each face is kept for the next document and grows with the
 * glyphs documents use (the labels of forms, the names of the roster), so most
 * documents find every glyph already cut; past this many glyphs it starts
 * again from what one document needs. */
#define ZB_SUBSET_CACHE_GLYPHS 6000

/* One FreeType library for the process: cairo keeps faces in its caches after
 * a document is done, so the library must outlive every renderer. FreeType
 * asks for a lock around creating and freeing faces of a shared library. */
static FT_Library ft_library;
static GMutex ft_lock;

/* A subset of a face as cairo draws it (reference counted: the cache and the
 * documents drawing with it share it). */
typedef struct
{
  hb_set_t *glyphs;   /* the glyphs of the source face it holds */
  hb_set_t *unicodes; /* the characters its cmap maps */
  cairo_font_face_t *face;
  hb_subset_plan_t *plan;
  const hb_map_t *old_to_new; /* the plan's: source glyph → subset glyph */
} SubsetFont;

/* hb_face_t * (ref) → SubsetFont (ref), shared by every thread. */
static GHashTable *subset_cache;
static GMutex subset_lock;

typedef struct
{
  hb_face_t *source;
  hb_set_t *glyphs; /* what this document draws with the face */
  hb_set_t *unicodes;
  SubsetFont *font; /* after _zb_font_subsets_prepare(); NULL: drawn as is */
} FaceSubset;

struct _ZbFontSubsets
{
  GHashTable *faces;  /* hb_face_t * → FaceSubset */
  GHashTable *scaled; /* PangoFont * (ref) → cairo_scaled_font_t */
  gboolean prepared;
  /* The last surface drawn on, referenced so that its address cannot come
   * back as another surface's. */
  cairo_surface_t *kept_with;
};

typedef struct
{
  FT_Face face;
  hb_blob_t *blob;
} FtFaceData;

static const cairo_user_data_key_t ft_face_key;
static const cairo_user_data_key_t kept_fonts_key;

static void
subset_font_clear (gpointer data)
{
  SubsetFont *font = data;

  hb_set_destroy (font->glyphs);
  hb_set_destroy (font->unicodes);
  cairo_font_face_destroy (font->face);
  hb_subset_plan_destroy (font->plan);
}

static void
subset_font_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, subset_font_clear);
}

static void
face_subset_free (gpointer data)
{
  FaceSubset *fs = data;

  hb_face_destroy (fs->source);
  hb_set_destroy (fs->glyphs);
  hb_set_destroy (fs->unicodes);
  g_clear_pointer (&fs->font, subset_font_unref);
  g_free (fs);
}

ZbFontSubsets *
_zb_font_subsets_new (void)
{
  ZbFontSubsets *self = g_new0 (ZbFontSubsets, 1);

  self->faces = g_hash_table_new_full (NULL, NULL, NULL, face_subset_free);
  self->scaled = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                        (GDestroyNotify)cairo_scaled_font_destroy);
  return self;
}

void
_zb_font_subsets_free (ZbFontSubsets *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->kept_with, cairo_surface_destroy);
  g_hash_table_destroy (self->scaled);
  g_hash_table_destroy (self->faces);
  g_free (self);
}

static hb_face_t *
source_face (PangoFont *font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (font);

  return hb_font != NULL ? hb_font_get_face (hb_font) : NULL;
}

/* Only what pays off: big CFF tables, no variations. */
static gboolean
worth_subsetting (hb_face_t *face)
{
  hb_blob_t *cff = hb_face_reference_table (face, HB_TAG ('C', 'F', 'F', ' '));
  unsigned int length = hb_blob_get_length (cff);

  hb_blob_destroy (cff);
  return length >= ZB_SUBSET_MIN_CFF_BYTES && !hb_ot_var_has_data (face);
}

static void
collect_line (ZbFontSubsets *self, PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (line->layout);

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      hb_face_t *face = source_face (run->item->analysis.font);
      FaceSubset *fs;

      if (face == NULL)
        continue;
      fs = g_hash_table_lookup (self->faces, face);
      if (fs == NULL)
        {
          fs = g_new0 (FaceSubset, 1);
          fs->source = hb_face_reference (face);
          fs->glyphs = hb_set_create ();
          fs->unicodes = hb_set_create ();
          g_hash_table_insert (self->faces, face, fs);
        }
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;

          if (glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            hb_set_add (fs->glyphs, glyph);
        }
      for (const char *p = text + run->item->offset;
           p < text + run->item->offset + run->item->length; p = g_utf8_next_char (p))
        hb_set_add (fs->unicodes, g_utf8_get_char (p));
    }
}

static void
ft_face_data_free (void *data)
{
  FtFaceData *fd = data;

  g_mutex_lock (&ft_lock);
  FT_Done_Face (fd->face);
  g_mutex_unlock (&ft_lock);
  hb_blob_destroy (fd->blob);
  g_free (fd);
}

/* A cairo face for the subset, which owns the FreeType face and its bytes. */
static cairo_font_face_t *
cairo_face_for_blob (hb_blob_t *blob)
{
  unsigned int length;
  const char *data = hb_blob_get_data (blob, &length);
  cairo_font_face_t *cairo_face;
  FtFaceData *fd;
  FT_Face face;
  FT_Error error;

  g_mutex_lock (&ft_lock);
  if (ft_library == NULL && FT_Init_FreeType (&ft_library) != 0)
    ft_library = NULL;
  error = ft_library != NULL
              ? FT_New_Memory_Face (ft_library, (const FT_Byte *)data, length, 0, &face)
              : 1;
  g_mutex_unlock (&ft_lock);
  if (error != 0)
    return NULL;

  fd = g_new0 (FtFaceData, 1);
  fd->face = face;
  fd->blob = hb_blob_reference (blob);
  cairo_face = cairo_ft_font_face_create_for_ft_face (face, 0);
  if (cairo_font_face_set_user_data (cairo_face, &ft_face_key, fd, ft_face_data_free)
      != CAIRO_STATUS_SUCCESS)
    {
      cairo_font_face_destroy (cairo_face);
      ft_face_data_free (fd);
      return NULL;
    }
  return cairo_face;
}

static SubsetFont *
make_subset_font (hb_face_t *source, hb_set_t *glyphs, hb_set_t *unicodes)
{
  static const char *const dropped[] = { "GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx",
                                         "VORG", "DSIG", "name", "post", "kern", "JSTF" };
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_subset_plan_t *plan = NULL;
  hb_face_t *result = NULL;
  SubsetFont *font = NULL;
  hb_set_t *drop;

  if (input == NULL)
    return NULL;
  hb_set_union (hb_subset_input_glyph_set (input), glyphs);
  hb_set_union (hb_subset_input_unicode_set (input), unicodes);
  /* Pango has shaped the text already: the layout tables are not needed. */
  drop = hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (drop, hb_tag_from_string (dropped[i], -1));

  plan = hb_subset_plan_create_or_fail (source, input);
  if (plan != NULL)
    result = hb_subset_plan_execute_or_fail (plan);
  if (result != NULL)
    {
      hb_blob_t *blob = hb_face_reference_blob (result);
      cairo_font_face_t *face = cairo_face_for_blob (blob);

      if (face != NULL)
        {
          font = g_atomic_rc_box_new0 (SubsetFont);
          font->glyphs = hb_set_reference (glyphs);
          font->unicodes = hb_set_reference (unicodes);
          font->face = face;
          font->plan = g_steal_pointer (&plan);
          font->old_to_new = hb_subset_plan_old_to_new_glyph_mapping (font->plan);
        }
      hb_blob_destroy (blob);
      hb_face_destroy (result);
    }
  if (font == NULL)
    g_debug ("A font could not be subset; it is embedded as cairo does it");
  g_clear_pointer (&plan, hb_subset_plan_destroy);
  hb_subset_input_destroy (input);
  return font;
}

/* The kept subset when it holds every glyph @fs needs, else a new one holding
 * them and, while it stays small, the kept one's too — which it replaces. */
static void
make_subset (FaceSubset *fs)
{
  SubsetFont *cached;
  hb_set_t *glyphs, *unicodes;

  if (hb_set_is_empty (fs->glyphs) || !worth_subsetting (fs->source))
    return;

  g_mutex_lock (&subset_lock);
  if (subset_cache == NULL)
    subset_cache
        = g_hash_table_new_full (NULL, NULL, (GDestroyNotify)hb_face_destroy, subset_font_unref);
  cached = g_hash_table_lookup (subset_cache, fs->source);
  if (cached != NULL && hb_set_is_subset (fs->glyphs, cached->glyphs))
    {
      fs->font = g_atomic_rc_box_acquire (cached);
      g_mutex_unlock (&subset_lock);
      return;
    }
  glyphs = hb_set_copy (fs->glyphs);
  unicodes = hb_set_copy (fs->unicodes);
  if (cached != NULL
      && hb_set_get_population (cached->glyphs) + hb_set_get_population (glyphs)
             <= ZB_SUBSET_CACHE_GLYPHS)
    {
      hb_set_union (glyphs, cached->glyphs);
      hb_set_union (unicodes, cached->unicodes);
    }
  g_mutex_unlock (&subset_lock);

  fs->font = make_subset_font (fs->source, glyphs, unicodes);
  if (fs->font != NULL)
    {
      g_mutex_lock (&subset_lock);
      g_hash_table_replace (subset_cache, hb_face_reference (fs->source),
                            g_atomic_rc_box_acquire (fs->font));
      g_mutex_unlock (&subset_lock);
    }
  hb_set_destroy (glyphs);
  hb_set_destroy (unicodes);
}

void
_zb_font_subsets_prepare (ZbFontSubsets *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (!self->prepared);

  g_hash_table_iter_init (&iter, self->faces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    make_subset (value);
  self->prepared = TRUE;
}

/* The subset's cairo font at the size, matrix and options Pango chose for @font,
 * with the same synthetic emboldening or slant; NULL to draw @font as is. */
static cairo_scaled_font_t *
scaled_subset (ZbFontSubsets *self, PangoFont *font, FaceSubset **out_fs)
{
  cairo_scaled_font_t *scaled = g_hash_table_lookup (self->scaled, font);
  hb_face_t *face = source_face (font);
  FaceSubset *fs = face != NULL ? g_hash_table_lookup (self->faces, face) : NULL;

  *out_fs = fs;
  if (fs == NULL || fs->font == NULL)
    return NULL;
  if (scaled == NULL)
    {
      cairo_scaled_font_t *original = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
      cairo_font_options_t *options = cairo_font_options_create ();
      cairo_matrix_t font_matrix, ctm;

      if (original == NULL || cairo_scaled_font_status (original) != CAIRO_STATUS_SUCCESS)
        {
          cairo_font_options_destroy (options);
          return NULL;
        }
      /* Synthetic bold or slant belongs to the font, not the face a subset
       * shares with other sizes and styles: such text is drawn by Pango. */
      if (cairo_font_face_get_type (cairo_scaled_font_get_font_face (original))
              != CAIRO_FONT_TYPE_FT
          || cairo_ft_font_face_get_synthesize (cairo_scaled_font_get_font_face (original)) != 0)
        {
          cairo_font_options_destroy (options);
          return NULL;
        }
      cairo_scaled_font_get_font_matrix (original, &font_matrix);
      cairo_scaled_font_get_ctm (original, &ctm);
      cairo_scaled_font_get_font_options (original, options);
      scaled = cairo_scaled_font_create (fs->font->face, &font_matrix, &ctm, options);
      cairo_font_options_destroy (options);
      g_hash_table_insert (self->scaled, g_object_ref (font), scaled);
    }
  return scaled;
}

/* Draws @run with its baseline origin at (x, y) from the subset: every glyph
 * with the text it stands for (clusters), so the PDF's text can be copied and
 * searched as with Pango's own drawing. FALSE when the run needs Pango. */
static gboolean
show_run (ZbFontSubsets *self, cairo_t *cr, const char *text, PangoGlyphItem *run, double x,
          double y)
{
  PangoGlyphString *glyphs = run->glyphs;
  g_autofree cairo_glyph_t *out = NULL;
  g_autofree cairo_text_cluster_t *clusters = NULL;
  g_autofree double *xs = NULL;
  PangoGlyphItemIter iter;
  cairo_scaled_font_t *scaled;
  FaceSubset *fs;
  int n_out = 0, n_clusters = 0;
  double pos = x;

  if (run->item->analysis.level % 2 != 0)
    return FALSE; /* right-to-left: Pango knows how */
  scaled = scaled_subset (self, run->item->analysis.font, &fs);
  if (scaled == NULL)
    return FALSE;

  xs = g_new (double, glyphs->num_glyphs);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyph glyph = glyphs->glyphs[i].glyph;

      if (glyph != PANGO_GLYPH_EMPTY
          && ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) || !hb_map_has (fs->font->old_to_new, glyph)))
        return FALSE;
      xs[i] = pos;
      pos += (double)glyphs->glyphs[i].geometry.width / PANGO_SCALE;
    }

  out = g_new (cairo_glyph_t, MAX (glyphs->num_glyphs, 1));
  clusters = g_new (cairo_text_cluster_t, MAX (glyphs->num_glyphs, 1));
  if (pango_glyph_item_iter_init_start (&iter, run, text))
    do
      {
        int n_glyphs = 0;

        for (int i = iter.start_glyph; i < iter.end_glyph; i++)
          {
            const PangoGlyphInfo *info = &glyphs->glyphs[i];

            if (info->glyph == PANGO_GLYPH_EMPTY)
              continue;
            out[n_out].index = hb_map_get (fs->font->old_to_new, info->glyph);
            out[n_out].x = xs[i] + (double)info->geometry.x_offset / PANGO_SCALE;
            out[n_out].y = y + (double)info->geometry.y_offset / PANGO_SCALE;
            n_out++;
            n_glyphs++;
          }
        clusters[n_clusters].num_bytes = iter.end_index - iter.start_index;
        clusters[n_clusters].num_glyphs = n_glyphs;
        n_clusters++;
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  cairo_set_scaled_font (cr, scaled);
  cairo_show_text_glyphs (cr, text + run->item->offset, run->item->length, out, n_out, clusters,
                          n_clusters, 0);
  return TRUE;
}

/* A PDF surface embeds its fonts when it is finished, after a batch has
 * freed the documents drawn on it (and cairo's caches may have let their
 * scaled fonts go): the surface keeps the subsets it drew with until then. */
static void
keep_fonts_with (ZbFontSubsets *self, cairo_surface_t *surface)
{
  GPtrArray *kept;
  GHashTableIter iter;
  gpointer value;

  if (self->kept_with == surface)
    return;
  g_clear_pointer (&self->kept_with, cairo_surface_destroy);
  self->kept_with = cairo_surface_reference (surface);

  kept = cairo_surface_get_user_data (surface, &kept_fonts_key);
  if (kept == NULL)
    {
      kept = g_ptr_array_new_with_free_func (subset_font_unref);
      if (cairo_surface_set_user_data (surface, &kept_fonts_key, kept,
                                       (cairo_destroy_func_t)g_ptr_array_unref)
          != CAIRO_STATUS_SUCCESS)
        {
          g_ptr_array_unref (kept);
          return;
        }
    }
  g_hash_table_iter_init (&iter, self->faces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      FaceSubset *fs = value;

      if (fs->font != NULL && !g_ptr_array_find (kept, fs->font, NULL))
        g_ptr_array_add (kept, g_atomic_rc_box_acquire (fs->font));
    }
}

void
_zb_font_subsets_show_line (ZbFontSubsets *self, cairo_t *cr, PangoLayoutLine *line)
{
  const char *text;
  double x, y;

  if (!self->prepared)
    {
      collect_line (self, line);
      return;
    }

  keep_fonts_with (self, cairo_get_target (cr));
  text = pango_layout_get_text (line->layout);
  cairo_get_current_point (cr, &x, &y);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      double baseline = y - (double)run->y_offset / PANGO_SCALE;

      if (!show_run (self, cr, text, run, x + (double)run->start_x_offset / PANGO_SCALE, baseline))
        {
          cairo_move_to (cr, x + (double)run->start_x_offset / PANGO_SCALE, baseline);
          pango_cairo_show_glyph_item (cr, text, run);
        }
      x += (double)(run->start_x_offset + pango_glyph_string_get_width (run->glyphs)
                    + run->end_x_offset)
           / PANGO_SCALE;
    }
  cairo_new_path (cr);
}

void
_zb_font_subsets_show_layout (ZbFontSubsets *self, cairo_t *cr, PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double x, y;

  cairo_get_current_point (cr, &x, &y);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, x + (double)logical.x / PANGO_SCALE,
                     y + (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      _zb_font_subsets_show_line (self, cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}
