/* test-print-dialog.c — print preview, export, print, batch, the recovery
 * sheet in the window, checking a printed copy, and opening with the
 * recovery key; in a real window, in zh_CN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-audit.h"
#include "zb-database-private.h"
#include "zb-print-dialog-private.h"
#include "zb-recovery-key-dialog.h"
#include "zb-recovery-sheet.h"
#include "zb-unlock-page.h"
#include "zb-verify-print-dialog.h"
#include "zb-window-private.h"

#define PASSPHRASE "print dialog test 2026"
#define ORG_NAME "中共测试街道第一社区支部委员会"

static char *tmpdir;
static ZbApplication *app;
static ZbDatabase *db; /* a passphrase workspace, open for the whole run */

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static ZbDatabase *
create_workspace (const char *name, const ZbSecret *secret)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = {
    .org_name = ORG_NAME,
    .superior_name = "中共测试街道工作委员会",
    .protection = zb_secret_get_kind (secret) == ZB_SECRET_PASSPHRASE ? ZB_PROTECTION_PASSPHRASE
                                                                      : ZB_PROTECTION_KEYRING,
  };
  ZbDatabase *database = zb_database_create (path, secret, &setup, &error);

  g_assert_no_error (error);
  return database;
}

/* A three-page 公文: a title, then one paragraph on each page. */
static ZbDocument *
three_pages (const char *title)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);

  zb_document_set_title (doc, title);
  zb_document_set_org_name (doc, ORG_NAME);
  zb_document_add_title (doc, title);
  zb_document_add_paragraph (doc, "第一页：支部委员会研究了本季度的组织生活安排。");
  zb_document_add_page_break (doc);
  zb_document_add_paragraph (doc, "第二页：全体党员按时参加了主题党日活动。");
  zb_document_add_page_break (doc);
  zb_document_add_paragraph (doc, "第三页：会议决定下月召开支部党员大会。");
  return doc;
}

/* One sheet per member, for batches. */
static ZbDocument *
member_sheet (guint i)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autofree char *name = g_strdup_printf ("党员%u号", i + 1);

  zb_document_set_title (doc, "党员信息表");
  zb_document_add_title (doc, "党员信息表");
  zb_document_add_field (doc, "姓名：", name);
  zb_document_add_qr_code (doc, name, 25);
  return doc;
}

static gboolean
dialog_idle (gpointer data)
{
  return !zb_print_dialog_get_busy (data);
}

static gboolean
dialog_ready (gpointer data)
{
  return !zb_print_dialog_get_busy (data) && _zb_print_dialog_page_is_ready (data);
}

static void
wait_ready (ZbPrintDialog *dialog)
{
  g_assert_true (ui_test_wait_for (dialog_ready, dialog, 60));
}

static ZbPrintDialog *
open_dialog (ZbDocument *doc)
{
  ZbPrintDialog *dialog = zb_print_dialog_new (NULL, db, "test", doc);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_ready (dialog);
  return dialog;
}

static const char *
page_label (ZbPrintDialog *dialog)
{
  return gtk_label_get_label (dialog->page_label);
}

/* How much of the texture is not white: a drawn page has text on it. */
static double
ink_fraction (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize)width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  guint64 ink = 0;

  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200)
      ink++;
  return (double)ink / ((double)width * height);
}

static PopplerDocument *
load_pdf_file (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

static char *
pdf_text (PopplerDocument *pdf)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      for (const char *p = page_text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (text, g_utf8_get_char (p));
      g_object_unref (page);
    }
  return g_string_free (text, FALSE);
}

static void
assert_recorded (ZbDocument *doc, const char *number, ZbPrintDestination destination)
{
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
  g_autoptr (ZbPrintRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = zb_document_dup_content_hash (doc);
  ZbPrintVerifyResult result;

  g_assert_true (zb_print_log_verify (log, number, hash, &result, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, ZB_PRINT_VERIFY_MATCHES);
  g_assert_cmpint (record->destination, ==, destination);
}

static char *
next_number (void)
{
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);

  return zb_print_log_dup_next_number (log, NULL, NULL);
}

/* Preview */

static void
test_preview (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("支部委员会会议记录");
  g_autofree char *number = next_number ();
  g_autofree char *label = g_strdup_printf (_ ("Page %u of %u"), 1, 3);
  ZbPrintDialog *dialog = open_dialog (doc);
  GdkTexture *texture = zb_page_view_get_texture (dialog->page_view);

  /* The first page, drawn, as a texture. */
  g_assert_true (GDK_IS_TEXTURE (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), >, 300);
  g_assert_cmpfloat (ink_fraction (texture), >, 0.002);
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), ==, 3);
  g_assert_cmpstr (page_label (dialog), ==, label);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "preview");

  /* It carries the next number of the print log, shown in the title. */
  g_assert_cmpstr (zb_document_get_number (doc), ==, number);
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (dialog->window_title), number));

  /* 打印 and 导出 PDF are ready; nothing is recorded yet. */
  g_assert_true (gtk_widget_is_sensitive (dialog->print_button));
  g_assert_true (gtk_widget_is_sensitive (dialog->export_button));
  {
    g_autofree char *still = next_number ();

    g_assert_cmpstr (still, ==, number);
  }

  ui_test_save_screenshot (GTK_WIDGET (dialog), "print-preview");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_shortcut (GtkWidget *widget, guint keyval, GdkModifierType mods, const char *action)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods
              && GTK_IS_NAMED_ACTION (named)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_page_through (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("支部党员大会记录");
  ZbPrintDialog *dialog = open_dialog (doc);
  GtkWidget *widget = GTK_WIDGET (dialog);
  g_autoptr (GdkTexture) first = g_object_ref (zb_page_view_get_texture (dialog->page_view));
  g_autofree char *second_label = g_strdup_printf (_ ("Page %u of %u"), 2, 3);
  g_autofree char *third_label = g_strdup_printf (_ ("Page %u of %u"), 3, 3);

  /* The first page: nothing before it. */
  gtk_widget_activate_action (widget, "preview.previous-page", NULL);
  g_assert_cmpuint (dialog->page, ==, 0);

  gtk_widget_activate_action (widget, "preview.next-page", NULL);
  wait_ready (dialog);
  g_assert_cmpuint (dialog->page, ==, 1);
  g_assert_cmpstr (page_label (dialog), ==, second_label);
  g_assert_true (zb_page_view_get_texture (dialog->page_view) != first);
  g_assert_cmpfloat (ink_fraction (zb_page_view_get_texture (dialog->page_view)), >, 0.001);
  ui_test_save_screenshot (widget, "print-preview-page-2");

  gtk_widget_activate_action (widget, "preview.next-page", NULL);
  wait_ready (dialog);
  g_assert_cmpuint (dialog->page, ==, 2);
  g_assert_cmpstr (page_label (dialog), ==, third_label);

  /* The last page: no further. */
  gtk_widget_activate_action (widget, "preview.next-page", NULL);
  ui_test_iterate_until_idle ();
  g_assert_cmpuint (dialog->page, ==, 2);

  gtk_widget_activate_action (widget, "preview.first-page", NULL);
  wait_ready (dialog);
  g_assert_cmpuint (dialog->page, ==, 0);

  /* The keys: Page Down / Page Up even while the pages have the focus,
   * Ctrl+plus / Ctrl+minus / Ctrl+0 to zoom. */
  g_assert_true (has_shortcut (widget, GDK_KEY_Page_Down, 0, "preview.next-page"));
  g_assert_true (has_shortcut (widget, GDK_KEY_Page_Up, 0, "preview.previous-page"));
  g_assert_true (has_shortcut (widget, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in"));
  g_assert_true (has_shortcut (widget, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out"));
  g_assert_true (has_shortcut (widget, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-actual"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_zoom (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("组织生活会记录");
  ZbPrintDialog *dialog = open_dialog (doc);
  GtkWidget *widget = GTK_WIDGET (dialog);
  double fitted = dialog->zoom;
  int width, height;

  /* Fit width at first: the page fills the width of the view, less its
   * margins and room for a scroll bar. */
  g_assert_true (dialog->fit_width);
  zb_page_view_get_page_size (dialog->page_view, &width, NULL);
  g_assert_cmpint (abs (width - (gtk_widget_get_width (GTK_WIDGET (dialog->scroller)) - 64)), <=,
                   1);

  /* 100 %: A4 at 96 dpi. */
  gtk_widget_activate_action (widget, "preview.zoom-actual", NULL);
  wait_ready (dialog);
  zb_page_view_get_page_size (dialog->page_view, &width, &height);
  g_assert_cmpint (width, ==, 794);
  g_assert_cmpint (height, ==, 1123);
  g_assert_cmpint (gdk_texture_get_width (zb_page_view_get_texture (dialog->page_view)), ==, 794);
  g_assert_cmpstr (gtk_label_get_label (dialog->zoom_label), ==, "100%");

  gtk_widget_activate_action (widget, "preview.zoom-in", NULL);
  wait_ready (dialog);
  g_assert_cmpfloat_with_epsilon (dialog->zoom, 1.25, 1e-9);
  g_assert_cmpint (gdk_texture_get_width (zb_page_view_get_texture (dialog->page_view)), ==, 992);

  gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  gtk_widget_activate_action (widget, "preview.zoom-out", NULL);
  wait_ready (dialog);
  g_assert_cmpfloat_with_epsilon (dialog->zoom, 0.75, 1e-9);
  ui_test_save_screenshot (widget, "print-preview-75");

  gtk_widget_activate_action (widget, "preview.zoom-fit", NULL);
  wait_ready (dialog);
  g_assert_true (dialog->fit_width);
  g_assert_cmpfloat_with_epsilon (dialog->zoom, fitted, 0.01);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Export */

static void
test_export (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("支部工作计划");
  g_autofree char *path = tmp_path ("支部工作计划.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ZbPrintDialog *dialog = open_dialog (doc);
  g_autofree char *number = g_strdup (zb_document_get_number (doc));
  g_autofree char *hash = zb_document_dup_content_hash (doc);
  g_autofree char *text = NULL;
  g_autofree char *name = _zb_print_dialog_dup_file_name (dialog);
  g_autofree char *expected_name = g_strdup_printf ("支部工作计划 %s.pdf", number);
  PopplerDocument *pdf;
  GStatBuf st;

  g_assert_cmpstr (name, ==, expected_name);

  _zb_print_dialog_export_to_file (dialog, file);
  g_assert_true (zb_print_dialog_get_busy (dialog));
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));

  /* The file: private, three pages, with its number. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);
  pdf = load_pdf_file (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "第二页"));
  g_object_unref (pdf);

  /* The print log has it, with the hash of what was exported. */
  {
    g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
    g_autoptr (ZbPrintRecord) record = NULL;
    ZbPrintVerifyResult result;

    g_assert_true (zb_print_log_verify (log, number, hash, &result, &record, NULL));
    g_assert_cmpint (result, ==, ZB_PRINT_VERIFY_MATCHES);
    g_assert_cmpint (record->destination, ==, ZB_PRINT_DESTINATION_PDF);
    g_assert_cmpuint (record->pages, ==, 3);
    g_assert_cmpstr (record->kind, ==, "test");
  }

  /* The next copy gets the next number, and the preview shows it. */
  wait_ready (dialog);
  g_assert_cmpstr (zb_document_get_number (doc), !=, number);
  {
    g_autofree char *next = next_number ();

    g_assert_cmpstr (zb_document_get_number (doc), ==, next);
    g_assert_nonnull (strstr (adw_window_title_get_subtitle (dialog->window_title), next));
  }

  ui_test_save_screenshot (GTK_WIDGET (dialog), "print-preview-exported");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Print: through GtkPrintOperation, drawn page by page by the renderer; here
 * into a file instead of a printer. */
static void
test_print (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("党课记录");
  g_autofree char *path = tmp_path ("printed.pdf");
  ZbPrintDialog *dialog = open_dialog (doc);
  g_autofree char *number = g_strdup (zb_document_get_number (doc));
  g_autofree char *text = NULL;
  PopplerDocument *pdf;

  _zb_print_dialog_set_print_to_file (dialog, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.print", NULL);
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));
  ui_test_iterate_until_idle ();

  pdf = load_pdf_file (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, number));
  g_assert_nonnull (strstr (text, "党课记录"));
  g_object_unref (pdf);

  /* Recorded as printed; the document is renumbered afterwards, so its
   * content hash is what is compared. */
  {
    g_autoptr (ZbDocument) same = three_pages ("党课记录");

    assert_recorded (same, number, ZB_PRINT_DESTINATION_PRINTER);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Batch */

static void
count_reveals (guint *reveals, GParamSpec *pspec, GtkRevealer *revealer)
{
  if (gtk_revealer_get_reveal_child (revealer))
    (*reveals)++;
}

static void
test_batch (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first = next_number ();
  g_autofree char *path = tmp_path ("batch.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  ZbPrintDialog *dialog;
  PopplerDocument *pdf;
  guint reveals = 0;

  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (docs, member_sheet (i));

  dialog = zb_print_dialog_new_for_batch (NULL, db, "member_sheet", docs);
  g_signal_connect_swapped (dialog->progress_revealer, "notify::reveal-child",
                            G_CALLBACK (count_reveals), &reveals);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 700);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The progress showed while the PDF was made, and went. */
  wait_ready (dialog);
  g_assert_cmpuint (reveals, >=, 1);
  g_assert_false (gtk_revealer_get_reveal_child (dialog->progress_revealer));

  /* Consecutive numbers, one page each. */
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), ==, 5);
  g_assert_cmpstr (zb_document_get_number (g_ptr_array_index (docs, 0)), ==, first);
  for (guint i = 1; i < 5; i++)
    {
      const char *a = zb_document_get_number (g_ptr_array_index (docs, i - 1));
      const char *b = zb_document_get_number (g_ptr_array_index (docs, i));

      g_assert_cmpint (g_ascii_strtoll (strrchr (b, '-') + 1, NULL, 10), ==,
                       g_ascii_strtoll (strrchr (a, '-') + 1, NULL, 10) + 1);
    }
  ui_test_save_screenshot (GTK_WIDGET (dialog), "print-preview-batch");

  _zb_print_dialog_export_to_file (dialog, file);
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));
  pdf = load_pdf_file (path);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 5);
  g_object_unref (pdf);

  /* Every sheet is in the print log. */
  {
    g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
    g_autoptr (GPtrArray) records = zb_print_log_list (log, 5, NULL);

    g_assert_cmpuint (records->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpstr (((ZbPrintRecord *)records->pdata[i])->kind, ==, "member_sheet");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A window that keeps changing (progress) may be between a change and its
 * layout, when GTK has nothing to draw of it: wait for a moment it is laid
 * out before the picture is taken. */
static void
save_screenshot_laid_out (GtkWidget *widget, const char *name)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr (GskRenderNode) node = NULL;

      gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL)
        break;
    }
  ui_test_save_screenshot (widget, name);
}

static gboolean
progress_up (gpointer data)
{
  ZbPrintDialog *dialog = data;

  return gtk_revealer_get_reveal_child (dialog->progress_revealer)
         && gtk_widget_get_mapped (GTK_WIDGET (dialog->progress_bar))
         && gtk_widget_get_height (GTK_WIDGET (dialog->progress_bar)) > 0;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static void
test_batch_cancel (void)
{
  g_autoptr (GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = next_number ();
  g_autofree char *after = NULL;
  ZbPrintDialog *dialog;
  gpointer weak;

  for (guint i = 0; i < 400; i++)
    g_ptr_array_add (docs, member_sheet (i));

  dialog = zb_print_dialog_new_for_batch (NULL, db, "member_sheet", docs);
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 700);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The progress with its 取消 button; pressed, as a user would. */
  g_assert_true (ui_test_wait_for (progress_up, dialog, 60));
  save_screenshot_laid_out (GTK_WIDGET (dialog), "print-preview-batch-progress");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.cancel", NULL);

  /* Cancelled: the dialog goes, nothing was recorded. */
  g_assert_true (ui_test_wait_for (is_null, &weak, 60));
  after = next_number ();
  g_assert_cmpstr (before, ==, after);
}

/* Check a printed copy */

static void
set_row (ZbVerifyPrintDialog *dialog, const char *name, const char *text)
{
  GObject *row
      = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_VERIFY_PRINT_DIALOG, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
verify_answer (ZbVerifyPrintDialog *dialog, const char *number, const char *hash)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_VERIFY_PRINT_DIALOG,
                                                   "verify_button");
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_VERIFY_PRINT_DIALOG,
                                                  "result_label");

  set_row (dialog, "number_row", number);
  set_row (dialog, "hash_row", hash);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_verify_dialog (void)
{
  g_autoptr (ZbDocument) doc = three_pages ("支部大会决议");
  g_autoptr (ZbDocument) changed = three_pages ("支部大会决议（改）");
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
  g_autofree char *hash = NULL;
  g_autofree char *changed_hash = zb_document_dup_content_hash (changed);
  g_autofree char *qr = NULL;
  g_autofree char *expected_unknown = NULL;
  g_autoptr (GError) error = NULL;
  ZbVerifyPrintDialog *dialog;
  const char *answer;

  g_assert_true (zb_print_log_number_document (log, doc, &error));
  g_assert_true (
      zb_print_log_record (log, doc, "resolution", 3, ZB_PRINT_DESTINATION_PRINTER, &error));
  g_assert_no_error (error);
  hash = zb_document_dup_content_hash (doc);
  qr = zb_document_dup_verification_text (doc);

  dialog = zb_verify_print_dialog_new (NULL, db);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

  /* 与打印时一致 */
  answer = verify_answer (dialog, zb_document_get_number (doc), hash);
  g_assert_cmpint (zb_verify_print_dialog_get_result (dialog), ==, ZB_PRINT_VERIFY_MATCHES);
  g_assert_nonnull (strstr (answer, "支部大会决议"));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "verify-print-matches");

  /* 内容已被改动 */
  answer = verify_answer (dialog, zb_document_get_number (doc), changed_hash);
  g_assert_cmpint (zb_verify_print_dialog_get_result (dialog), ==, ZB_PRINT_VERIFY_HASH_DIFFERS);
  g_assert_cmpstr (answer, ==,
                   _ ("The content has been changed: it differs from what was printed under "
                      "this number."));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "verify-print-changed");

  /* 没有这个编号 */
  answer = verify_answer (dialog, "ZB-2026-999999", hash);
  g_assert_cmpint (zb_verify_print_dialog_get_result (dialog), ==, ZB_PRINT_VERIFY_UNKNOWN_NUMBER);
  expected_unknown = g_strdup_printf (
      _ ("There is no such number: this workspace never printed a document numbered %s."),
      "ZB-2026-999999");
  g_assert_cmpstr (answer, ==, expected_unknown);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "verify-print-unknown");

  /* What a phone's QR scanner gives, pasted into one field, is split and
   * checked at once. */
  set_row (dialog, "number_row", "");
  set_row (dialog, "hash_row", "");
  g_assert_cmpint (zb_verify_print_dialog_get_result (dialog), ==, -1);
  set_row (dialog, "number_row", qr);
  g_assert_cmpint (zb_verify_print_dialog_get_result (dialog), ==, ZB_PRINT_VERIFY_MATCHES);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The recovery sheet in the window */

static GtkWindow *
find_toplevel (gboolean (*match) (GtkWindow *))
{
  /* Owned by GTK. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && match (window))
        return window;
    }
  return NULL;
}

static gboolean
is_offer (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "zb-recovery-sheet-offer") != NULL;
}

static gboolean
is_print_dialog (GtkWindow *window)
{
  return ZB_IS_PRINT_DIALOG (window);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
/* Without a portal, GtkFileChooserNative shows GTK's own dialog. */
static gboolean
is_file_chooser (GtkWindow *window)
{
  return GTK_IS_FILE_CHOOSER_DIALOG (window);
}
G_GNUC_END_IGNORE_DEPRECATIONS

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

static gboolean
chooser_shown (gpointer data)
{
  return find_toplevel (is_file_chooser) != NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  GtkWindow *window = find_toplevel (is_print_dialog);

  return window != NULL && dialog_ready (window);
}

static void
test_recovery_sheet_offer (void)
{
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) created = create_workspace ("keyring.db", key);
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (GError) error = NULL;
  char *grouped = zb_secret_dup_grouped_hex (key);
  g_autofree char *path = tmp_path ("恢复密钥单.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  ZbWindow *window;
  GtkWindow *offer;
  ZbPrintDialog *dialog;
  PopplerDocument *pdf;

  /* As the setup assistant leaves it: the key in the keyring. */
  g_assert_true (zb_key_store_store_sync (store, zb_database_get_uuid (created),
                                          zb_database_get_path (created), ORG_NAME, key, NULL,
                                          &error));
  g_assert_no_error (error);

  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_emit_by_name (_zb_window_get_setup_assistant (window), "created", created);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (zb_window_get_mode (window), ==, "main");

  /* Offered at once, calmly; 以后再说 does nothing. */
  offer = find_toplevel (is_offer);
  g_assert_nonnull (offer);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (offer)), ==,
                   _ ("Print the Recovery Sheet?"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (offer), "print"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (offer), "export"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (offer), "later"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (offer));
  ui_test_save_screenshot (GTK_WIDGET (offer), "recovery-sheet-offer");
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "later");
  gtk_window_close (offer);
  ui_test_iterate_until_idle ();
  g_assert_null (find_toplevel (is_offer));
  g_assert_null (find_toplevel (is_print_dialog));

  /* And from the menu: the key comes from the keyring, the sheet is shown. */
  g_assert_true (
      g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print-recovery-sheet"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "print-recovery-sheet", NULL);
  g_assert_true (ui_test_wait_for (print_dialog_shown, NULL, 60));
  dialog = ZB_PRINT_DIALOG (find_toplevel (is_print_dialog));
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), ==, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "recovery-sheet-preview");

  /* Exported only when asked: the PDF holds the key's groups. */
  _zb_print_dialog_export_to_file (dialog, file);
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));
  pdf = load_pdf_file (path);
  text = pdf_text (pdf);
  {
    g_auto (GStrv) groups = g_strsplit (grouped, " ", -1);

    g_assert_cmpuint (g_strv_length (groups), ==, 16);
    for (guint i = 0; groups[i] != NULL; i++)
      g_assert_nonnull (strstr (text, groups[i]));
  }
  g_object_unref (pdf);

  /* The export is in the audit log, and the sheet keeps its own number. */
  {
    sqlite3_stmt *stmt = _zb_database_prepare (
        created,
        "SELECT count(*) FROM audit_log WHERE entity = 'recovery_sheet' AND action = 'export'",
        NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_reset (stmt);
  }
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (dialog->window_title), "ZB-KEY-"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate_until_idle ();

  /* The offer's 导出 PDF: the preview, then the file chooser, then the file. */
  _zb_window_offer_recovery_sheet (window);
  offer = find_toplevel (is_offer);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (offer), "export");
  gtk_window_close (offer);
  g_assert_true (ui_test_wait_for (chooser_shown, NULL, 60));
  {
    GtkWindow *chooser = find_toplevel (is_file_chooser);
    g_autoptr (GFile) folder = g_file_new_for_path (tmpdir);
    g_autofree char *chosen = tmp_path ("导出的恢复密钥单.pdf");
    g_autofree char *suggested = NULL;

    suggested = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
    g_assert_true (g_str_has_prefix (suggested, "恢复密钥单 ZB-KEY-"));
    g_assert_true (g_str_has_suffix (suggested, ".pdf"));
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "导出的恢复密钥单.pdf");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    dialog = ZB_PRINT_DIALOG (find_toplevel (is_print_dialog));
    g_assert_nonnull (dialog);
    g_assert_true (ui_test_wait_for (file_exists, chosen, 60));
    g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));
  }
  {
    sqlite3_stmt *stmt = _zb_database_prepare (
        created,
        "SELECT count(*) FROM audit_log WHERE entity = 'recovery_sheet' AND action = 'export'",
        NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_reset (stmt);
  }

  /* Locking closes what showed the key. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "lock", NULL);
  ui_test_iterate_until_idle ();
  g_assert_null (find_toplevel (is_print_dialog));

  zb_secret_wipe_string (grouped);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A passphrase workspace: no offer, and no recovery sheet in the menu. */
static void
test_no_offer_for_passphrase (void)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) created = create_workspace ("passphrase.db", secret);
  ZbWindow *window = zb_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_signal_emit_by_name (_zb_window_get_setup_assistant (window), "created", created);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (zb_window_get_mode (window), ==, "main");
  g_assert_null (find_toplevel (is_offer));
  g_assert_false (
      g_action_group_get_action_enabled (G_ACTION_GROUP (window), "print-recovery-sheet"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "verify-print"));

  gtk_window_destroy (GTK_WINDOW (window));
  zb_database_close (created);
}

/* Opening with the recovery key on the unlock page */

static gboolean
is_recovery_key_dialog (GtkWindow *window)
{
  return ZB_IS_RECOVERY_KEY_DIALOG (window);
}

static gboolean
recovery_idle (gpointer data)
{
  return !zb_recovery_key_dialog_get_busy (data);
}

static void
on_unlocked (ZbUnlockPage *page, ZbDatabase *database, ZbDatabase **out)
{
  g_set_object (out, database);
}

static gboolean
passphrase_page_shown (gpointer page)
{
  GObject *stack = gtk_widget_get_template_child (page, ZB_TYPE_UNLOCK_PAGE, "stack");

  return !zb_unlock_page_get_busy (page)
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "passphrase") == 0;
}

static void
test_recover_with_key (void)
{
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) created = create_workspace ("lost-keyring.db", key);
  g_autofree char *path = g_strdup (zb_database_get_path (created));
  g_autofree char *uuid = g_strdup (zb_database_get_uuid (created));
  char *hex = zb_secret_dup_hex (key);
  g_autofree char *typed = NULL;
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbDatabase) unlocked = NULL;
  g_autoptr (ZbSecret) stored = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  ZbUnlockPage *page = zb_unlock_page_new ();
  ZbRecoveryKeyDialog *dialog;
  GObject *entry, *open_button, *message;
  GString *grouped = g_string_new (NULL);

  zb_database_close (created);

  /* The key as printed: lower case here, in groups of four. */
  for (guint i = 0; hex[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (grouped, ' ');
      g_string_append_c (grouped, hex[i]);
    }
  typed = g_string_free (grouped, FALSE);

  /* A keyring that never had this key: a new computer. */
  zb_unlock_page_set_key_store (page, store);
  g_signal_connect (page, "unlocked", G_CALLBACK (on_unlocked), &unlocked);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  zb_unlock_page_unlock (page, path, FALSE);
  g_assert_true (ui_test_wait_for (passphrase_page_shown, page, 30));
  ui_test_save_screenshot (window, "unlock-with-recovery-key-button");

  g_signal_emit_by_name (
      gtk_widget_get_template_child (GTK_WIDGET (page), ZB_TYPE_UNLOCK_PAGE, "recovery_key_button"),
      "clicked");
  dialog = ZB_RECOVERY_KEY_DIALOG (find_toplevel (is_recovery_key_dialog));
  g_assert_nonnull (dialog);
  entry = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_RECOVERY_KEY_DIALOG,
                                         "key_entry");
  open_button = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_RECOVERY_KEY_DIALOG,
                                               "open_button");
  message = gtk_widget_get_template_child (GTK_WIDGET (dialog), ZB_TYPE_RECOVERY_KEY_DIALOG,
                                           "message_label");

  /* Half a key cannot be tried. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "3F9A 2C7E 51B0");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (open_button)));

  /* A wrong key is refused, and said so; the file stays shut. */
  gtk_editable_set_text (GTK_EDITABLE (entry),
                         "0011 2233 4455 6677 8899 AABB CCDD EEFF 0011 2233 4455 6677 8899 AABB "
                         "CCDD EEFF");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (open_button)));
  g_signal_emit_by_name (open_button, "clicked");
  g_assert_true (ui_test_wait_for (recovery_idle, dialog, 30));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_null (unlocked);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "recovery-key-wrong");

  /* The printed key opens it, and goes back into the keyring. */
  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "recovery-key-typed");
  g_signal_emit_by_name (open_button, "clicked");
  while (unlocked == NULL && find_toplevel (is_recovery_key_dialog) != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (unlocked);
  g_assert_true (zb_database_is_open (unlocked));
  g_assert_cmpstr (zb_database_get_uuid (unlocked), ==, uuid);
  g_assert_null (find_toplevel (is_recovery_key_dialog));

  stored = zb_key_store_lookup_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (zb_secret_equal (stored, key));

  zb_database_close (unlocked);
  zb_secret_wipe_string (hex);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *keyring = NULL;
  int ret;

  /* libsecret's file backend, before any thread starts. */
  keyring = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "zhibu test", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("test-print-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  secret = zb_secret_new_passphrase (PASSPHRASE);
  db = create_workspace ("branch.db", secret);

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/print-dialog/preview", test_preview);
  g_test_add_func ("/print-dialog/page-through", test_page_through);
  g_test_add_func ("/print-dialog/zoom", test_zoom);
  g_test_add_func ("/print-dialog/export", test_export);
  g_test_add_func ("/print-dialog/print", test_print);
  g_test_add_func ("/print-dialog/batch", test_batch);
  g_test_add_func ("/print-dialog/batch-cancel", test_batch_cancel);
  g_test_add_func ("/print-dialog/verify", test_verify_dialog);
  g_test_add_func ("/print-dialog/recovery-sheet-offer", test_recovery_sheet_offer);
  g_test_add_func ("/print-dialog/no-offer-for-passphrase", test_no_offer_for_passphrase);
  g_test_add_func ("/print-dialog/recover-with-key", test_recover_with_key);

  ret = g_test_run ();

  zb_database_close (db);
  g_clear_object (&db);
  g_clear_object (&app);
  return ret;
}
