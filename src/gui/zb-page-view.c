/* zb-page-view.c — one page of a print preview, drawn as a sheet of paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-page-view.h"

/* Room around the sheet for its shadow, in pixels. */
#define MARGIN 24

struct _ZbPageView
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  int page_width;
  int page_height;
};

G_DEFINE_FINAL_TYPE (ZbPageView, zb_page_view, GTK_TYPE_WIDGET)

static void
zb_page_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                      int *natural, int *minimum_baseline, int *natural_baseline)
{
  ZbPageView *self = ZB_PAGE_VIEW (widget);
  int size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->page_width : self->page_height;

  *minimum = *natural = size + 2 * MARGIN;
}

static void
zb_page_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ZbPageView *self = ZB_PAGE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t sheet;
  GskRoundedRect outline;
  const GdkRGBA shadow = { 0, 0, 0, 0.3 };
  const GdkRGBA white = { 1, 1, 1, 1 };

  if (self->page_width <= 0 || self->page_height <= 0)
    return;

  /* Centred when the view is wider than the sheet. */
  graphene_rect_init (&sheet, MAX (MARGIN, (width - self->page_width) / 2),
                      MAX (MARGIN, (height - self->page_height) / 2), self->page_width,
                      self->page_height);
  gsk_rounded_rect_init_from_rect (&outline, &sheet, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 1, 6);
  gtk_snapshot_append_color (snapshot, &white, &sheet);

  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &sheet);
}

static void
zb_page_view_dispose (GObject *object)
{
  ZbPageView *self = ZB_PAGE_VIEW (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (zb_page_view_parent_class)->dispose (object);
}

static void
zb_page_view_class_init (ZbPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = zb_page_view_dispose;
  widget_class->measure = zb_page_view_measure;
  widget_class->snapshot = zb_page_view_snapshot;

  gtk_widget_class_set_css_name (widget_class, "zb-page-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
zb_page_view_init (ZbPageView *self)
{
}

GtkWidget *
zb_page_view_new (void)
{
  return g_object_new (ZB_TYPE_PAGE_VIEW, NULL);
}

void
zb_page_view_set_page_size (ZbPageView *self, int width, int height)
{
  g_return_if_fail (ZB_IS_PAGE_VIEW (self));

  if (self->page_width == width && self->page_height == height)
    return;

  self->page_width = width;
  self->page_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
zb_page_view_get_page_size (ZbPageView *self, int *width, int *height)
{
  g_return_if_fail (ZB_IS_PAGE_VIEW (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

void
zb_page_view_set_texture (ZbPageView *self, GdkTexture *texture)
{
  g_return_if_fail (ZB_IS_PAGE_VIEW (self));

  if (g_set_object (&self->texture, texture))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
zb_page_view_get_texture (ZbPageView *self)
{
  g_return_val_if_fail (ZB_IS_PAGE_VIEW (self), NULL);

  return self->texture;
}
