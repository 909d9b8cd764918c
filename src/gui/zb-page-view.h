/* zb-page-view.h — one page of a print preview, drawn as a sheet of paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ZB_TYPE_PAGE_VIEW (zb_page_view_get_type ())

G_DECLARE_FINAL_TYPE (ZbPageView, zb_page_view, ZB, PAGE_VIEW, GtkWidget)

GtkWidget *zb_page_view_new (void);

/* The size of the sheet on screen, in application pixels. The texture (which
 * may have more pixels, for a scaled display, or fewer, while a sharper one
 * is being made) is stretched to fill it. */
void zb_page_view_set_page_size (ZbPageView *self, int width, int height);
void zb_page_view_get_page_size (ZbPageView *self, int *width, int *height);
void zb_page_view_set_texture (ZbPageView *self, GdkTexture *texture);
GdkTexture *zb_page_view_get_texture (ZbPageView *self);

G_END_DECLS
