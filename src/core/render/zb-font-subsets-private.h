/* zb-font-subsets-private.h — drawing a document's text from small subsets of its fonts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Used in two passes over the same pages: first every line is shown to it to
 * collect the glyphs of each face (nothing is drawn), then
 * _zb_font_subsets_prepare() cuts the big faces down to those glyphs, and the
 * same calls draw. Text that a subset cannot draw is drawn by Pango. */
typedef struct _ZbFontSubsets ZbFontSubsets;

ZbFontSubsets *_zb_font_subsets_new (void);
void _zb_font_subsets_free (ZbFontSubsets *self);
void _zb_font_subsets_prepare (ZbFontSubsets *self);
/* As pango_cairo_show_layout_line(): the current point is the left end of the
 * baseline. */
void _zb_font_subsets_show_line (ZbFontSubsets *self, cairo_t *cr, PangoLayoutLine *line);
/* As pango_cairo_show_layout(): the current point is the layout's top left. */
void _zb_font_subsets_show_layout (ZbFontSubsets *self, cairo_t *cr, PangoLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbFontSubsets, _zb_font_subsets_free)

G_END_DECLS
