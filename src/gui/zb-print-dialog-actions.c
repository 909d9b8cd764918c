/* zb-print-dialog-actions.c — preview, print and export of documents: the
 * preview.* actions, the one function that enables them, and the keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-print"

#include "config.h"

#include "zb-print-dialog-private.h"

static const double zoom_steps[] = { 0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0 };

void
_zb_print_dialog_update_actions (ZbPrintDialog *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_pages = _zb_print_dialog_get_n_pages (self);
  gboolean ready = self->pages != NULL && !zb_print_dialog_get_busy (self);
  gboolean shown = zb_page_view_get_texture (self->page_view) != NULL || self->pages != NULL;
  int step_down = -1, step_up = -1;

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    {
      if (zoom_steps[i] < self->zoom - 0.005)
        step_down = i;
      if (step_up < 0 && zoom_steps[i] > self->zoom + 0.005)
        step_up = i;
    }

  gtk_widget_action_set_enabled (widget, "preview.previous-page", n_pages > 0 && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.next-page",
                                 n_pages > 0 && self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "preview.first-page", n_pages > 0 && self->page > 0);
  gtk_widget_action_set_enabled (widget, "preview.last-page",
                                 n_pages > 0 && self->page + 1 < n_pages);
  gtk_widget_action_set_enabled (widget, "preview.zoom-in", shown && step_up >= 0);
  gtk_widget_action_set_enabled (widget, "preview.zoom-out", shown && step_down >= 0);
  gtk_widget_action_set_enabled (widget, "preview.zoom-fit", shown);
  gtk_widget_action_set_enabled (widget, "preview.zoom-actual", shown);
  gtk_widget_action_set_enabled (widget, "preview.print", ready);
  gtk_widget_action_set_enabled (widget, "preview.export", ready);
  gtk_widget_action_set_enabled (widget, "preview.cancel",
                                 self->output_cancellable != NULL
                                     || (self->making_preview && self->documents->len > 1));
}

static void
action_page_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (widget);
  guint n_pages = _zb_print_dialog_get_n_pages (self);

  if (n_pages == 0)
    return;

  if (g_str_equal (action_name, "preview.previous-page") && self->page > 0)
    _zb_print_dialog_set_page (self, self->page - 1);
  else if (g_str_equal (action_name, "preview.next-page"))
    _zb_print_dialog_set_page (self, self->page + 1);
  else if (g_str_equal (action_name, "preview.first-page"))
    _zb_print_dialog_set_page (self, 0);
  else if (g_str_equal (action_name, "preview.last-page"))
    _zb_print_dialog_set_page (self, n_pages - 1);
}

static void
action_zoom_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (widget);

  if (g_str_equal (action_name, "preview.zoom-fit"))
    _zb_print_dialog_set_zoom (self, _zb_print_dialog_fit_zoom (self), TRUE);
  else if (g_str_equal (action_name, "preview.zoom-actual"))
    _zb_print_dialog_set_zoom (self, 1.0, FALSE);
  else if (g_str_equal (action_name, "preview.zoom-in"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > self->zoom + 0.005)
          {
            _zb_print_dialog_set_zoom (self, zoom_steps[i], FALSE);
            break;
          }
    }
  else if (g_str_equal (action_name, "preview.zoom-out"))
    {
      for (int i = G_N_ELEMENTS (zoom_steps) - 1; i >= 0; i--)
        if (zoom_steps[i] < self->zoom - 0.005)
          {
            _zb_print_dialog_set_zoom (self, zoom_steps[i], FALSE);
            break;
          }
    }
}

static void
action_output_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (widget);

  if (g_str_equal (action_name, "preview.print"))
    _zb_print_dialog_print (self);
  else
    _zb_print_dialog_choose_export_file (self);
}

static void
action_cancel_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ZbPrintDialog *self = ZB_PRINT_DIALOG (widget);

  if (self->output_cancellable != NULL)
    {
      g_cancellable_cancel (self->output_cancellable);
      return;
    }

  /* Stopping the preview of many documents leaves nothing to print. */
  if (self->making_preview)
    {
      self->closing_after_cancel = TRUE;
      g_cancellable_cancel (self->preview_cancellable);
    }
}

/* Page keys page through the document even while the pages have the focus
 * (a scrolled window would take them to scroll), so they are caught on the
 * way down; the others are ordinary shortcuts of the window. */
void
_zb_print_dialog_add_shortcuts (ZbPrintDialog *self)
{
  static const struct
  {
    guint key;
    GdkModifierType mods;
    const char *action;
    gboolean capture;
  } keys[] = {
    { GDK_KEY_Page_Up, 0, "preview.previous-page", TRUE },
    { GDK_KEY_Page_Down, 0, "preview.next-page", TRUE },
    { GDK_KEY_KP_Page_Up, 0, "preview.previous-page", TRUE },
    { GDK_KEY_KP_Page_Down, 0, "preview.next-page", TRUE },
    { GDK_KEY_Home, GDK_CONTROL_MASK, "preview.first-page", TRUE },
    { GDK_KEY_End, GDK_CONTROL_MASK, "preview.last-page", TRUE },
    { GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", FALSE },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", FALSE },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", FALSE },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", FALSE },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", FALSE },
    { GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-actual", FALSE },
    { GDK_KEY_9, GDK_CONTROL_MASK, "preview.zoom-fit", FALSE },
    { GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", FALSE },
    { GDK_KEY_Escape, 0, "window.close", FALSE },
  };
  GtkEventController *capture = gtk_shortcut_controller_new ();
  GtkEventController *bubble = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (capture, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (capture, "zb-preview-page-keys");
  gtk_event_controller_set_name (bubble, "zb-preview-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (keys[i].capture ? capture : bubble),
        gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, keys[i].mods),
                          gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), capture);
  gtk_widget_add_controller (GTK_WIDGET (self), bubble);
}

void
_zb_print_dialog_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, action_page_cb);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, action_page_cb);
  gtk_widget_class_install_action (widget_class, "preview.first-page", NULL, action_page_cb);
  gtk_widget_class_install_action (widget_class, "preview.last-page", NULL, action_page_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.zoom-actual", NULL, action_zoom_cb);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, action_output_cb);
  gtk_widget_class_install_action (widget_class, "preview.export", NULL, action_output_cb);
  gtk_widget_class_install_action (widget_class, "preview.cancel", NULL, action_cancel_cb);
}
