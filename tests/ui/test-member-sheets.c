/* test-member-sheets.c — the 党员基本信息表 from the roster: one member's from
 * the detail pane, and a batch for the list shown; in a real window, in zh_CN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests share one window and run in order. Each step writes a screenshot
 * into <build>/tests/ui/screenshots/ and the PDFs into <build>/tests/ui/, to
 * be looked at.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-id-number.h"
#include "zb-member-demo.h"
#include "zb-print-dialog-private.h"
#include "zb-print-log.h"
#include "zb-roster-view-private.h"
#include "zb-window-private.h"

#define PASSPHRASE "member sheets test passphrase"
#define KNOWN_NAME "欧阳修远"
#define BRANCH_NAME "第九党支部"
#define N_IN_BRANCH 6
#define N_DEMO 120

static ZbApplication *app;
static ZbWindow *window;
static char *tmpdir;
static char *workspace_path;
static char *known_id;
static gint64 branch_id;

/* Helpers */

static ZbDatabase *
open_database (void)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  ZbDatabase *db = zb_database_open (workspace_path, secret, &error);

  g_assert_no_error (error);
  return db;
}

static ZbRosterView *
roster (void)
{
  return _zb_window_get_roster_view (window);
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (_zb_roster_view_get_model (roster ())));
}

static gboolean
rows_are (gpointer data)
{
  return n_rows () == GPOINTER_TO_UINT (data);
}

static ZbPrintDialog *
find_print_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ZB_IS_PRINT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
has_print_dialog (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
dialog_ready (gpointer data)
{
  return !zb_print_dialog_get_busy (data) && _zb_print_dialog_page_is_ready (data);
}

static gboolean
dialog_idle (gpointer data)
{
  return !zb_print_dialog_get_busy (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static gboolean
progress_up (gpointer data)
{
  ZbPrintDialog *dialog = data;

  return gtk_revealer_get_reveal_child (dialog->progress_revealer)
         && gtk_widget_get_mapped (GTK_WIDGET (dialog->progress_bar));
}

static char *
build_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ZB_BUILD_ROOT"), "tests", "ui", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
}

/* The text of each page of a PDF file, white space removed. */
static GPtrArray *
pdf_pages (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);
      GString *compact = g_string_new (NULL);

      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000)
          g_string_append_unichar (compact, g_utf8_get_char (p));
      g_ptr_array_add (pages, g_string_free (compact, FALSE));
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return pages;
}

/* The member sheets in the print log, newest first. */
static GPtrArray *
sheet_records (void)
{
  g_autoptr (ZbDatabase) db = open_database ();
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
  g_autoptr (GPtrArray) all = zb_print_log_list (log, 0, NULL);
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_print_record_free);

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (((ZbPrintRecord *)all->pdata[i])->kind, "member_sheet"))
      g_ptr_array_add (sheets, g_steal_pointer (&all->pdata[i]));
  zb_database_close (db);
  return sheets;
}

static char *
next_number (void)
{
  g_autoptr (ZbDatabase) db = open_database ();
  g_autoptr (ZbPrintLog) log = zb_print_log_new (db);
  char *number = zb_print_log_dup_next_number (log, NULL, NULL);

  zb_database_close (db);
  return number;
}

/* Exports what @dialog previews to @path, as accepting the file chooser does. */
static void
export_to (ZbPrintDialog *dialog, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  _zb_print_dialog_export_to_file (dialog, file);
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 120));
}

static void
close_dialog (ZbPrintDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));
}

static GtkWidget *
find_more_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child)
          && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)),
                        "view-more-symbolic")
                 == 0)
        return child;
      if ((found = find_more_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Tests */

static void
test_open (void)
{
  g_autoptr (ZbDatabase) db = open_database ();

  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  zb_window_open_workspace (window, workspace_path);
  g_signal_emit_by_name (_zb_window_get_unlock_page (window), "unlocked", db);
  ui_test_iterate_until_idle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "roster");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_iterate_until_idle ();

  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (N_DEMO + N_IN_BRANCH), 10));
  /* Nobody chosen yet: no sheet to print; the list's sheets can be. */
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_button (
      GTK_WIDGET (_zb_roster_view_get_detail (roster ())), _ ("_Print Sheet"), NULL)));
  gtk_widget_activate_action (GTK_WIDGET (roster ()), "roster.print-sheet", NULL);
  ui_test_iterate_until_idle ();
  g_assert_null (find_print_dialog ());

  /* The roster's menu offers the list's sheets. */
  {
    GtkWidget *more = find_more_button (GTK_WIDGET (roster ()));
    GtkPopover *popover;

    g_assert_nonnull (more);
    gtk_menu_button_popup (GTK_MENU_BUTTON (more));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (more));
    g_assert_true (ui_test_wait_for (ui_test_widget_mapped, popover, 10));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
    ui_test_save_screenshot (GTK_WIDGET (popover), "member-sheets-menu");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (more));
    ui_test_iterate_until_idle ();
  }
}

/* 打印信息表 in the detail pane: one member's sheet, with the number in full,
 * exported through the print dialog and recorded in the print log. */
static void
test_print_one (void)
{
  ZbMemberDetail *detail = _zb_roster_view_get_detail (roster ());
  g_autofree char *path = build_path ("member-sheet.pdf");
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autofree char *number = NULL;
  GtkWidget *button;
  ZbPrintDialog *dialog;
  guint position = G_MAXUINT;

  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr (ZbMember) member
          = g_list_model_get_item (G_LIST_MODEL (_zb_roster_view_get_model (roster ())), i);

      if (g_strcmp0 (zb_member_get_name (member), KNOWN_NAME) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  _zb_roster_view_select (roster (), position);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (zb_member_detail_get_record (detail)->name, ==, KNOWN_NAME);

  button = ui_test_find_button (GTK_WIDGET (detail), _ ("_Print Sheet"), NULL);
  g_assert_nonnull (button);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_save_screenshot (GTK_WIDGET (window), "member-sheet-detail");

  number = next_number ();
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ui_test_wait_for (has_print_dialog, NULL, 10));
  dialog = find_print_dialog ();
  g_assert_true (ui_test_wait_for (dialog_ready, dialog, 60));
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), ==, 1);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "member-sheet-preview");

  export_to (dialog, path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages->len, ==, 1);
  {
    const char *text = pages->pdata[0];

    g_assert_nonnull (strstr (text, "党员基本信息表"));
    g_assert_nonnull (strstr (text, KNOWN_NAME));
    g_assert_nonnull (strstr (text, known_id));
    g_assert_nonnull (strstr (text, "党组织：" BRANCH_NAME));
    g_assert_nonnull (strstr (text, "示例市第二人民医院护士长"));
    g_assert_nonnull (strstr (text, "转为正式党员"));
    g_assert_nonnull (strstr (text, "流动去向：广东省深圳市"));
    g_assert_nonnull (strstr (text, number));
  }

  records = sheet_records ();
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((ZbPrintRecord *)records->pdata[0])->number, ==, number);
  g_assert_cmpuint (((ZbPrintRecord *)records->pdata[0])->pages, ==, 1);

  close_dialog (dialog);
}

/* 打印党员信息表… for a filtered list: one sheet for each member shown, in
 * the list's order, each numbered and recorded. */
static void
test_print_filtered (void)
{
  ZbRosterView *view = roster ();
  g_autofree char *path = build_path ("member-sheets-branch.pdf");
  g_autofree char *first = next_number ();
  g_autoptr (GPtrArray) pages = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  ZbPrintDialog *dialog;
  guint sheet = 0;

  for (guint i = 0; i < view->branch_ids->len; i++)
    if (g_array_index (view->branch_ids, gint64, i) == branch_id)
      gtk_drop_down_set_selected (view->branch_filter, i);
  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (N_IN_BRANCH), 10));
  for (guint i = 0; i < n_rows (); i++)
    {
      g_autoptr (ZbMember) member
          = g_list_model_get_item (G_LIST_MODEL (_zb_roster_view_get_model (view)), i);

      g_ptr_array_add (names, g_strdup (zb_member_get_name (member)));
    }

  /* Six: no question asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "roster.print-sheets", NULL));
  g_assert_true (ui_test_wait_for (has_print_dialog, NULL, 10));
  g_assert_null (find_message_dialog ());
  dialog = find_print_dialog ();
  g_assert_true (ui_test_wait_for (dialog_ready, dialog, 60));
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), ==, N_IN_BRANCH);
  g_assert_cmpstr (zb_document_get_number (g_ptr_array_index (dialog->documents, 0)), ==, first);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "member-sheets-batch-preview");

  /* After the export the dialog numbers them again, for the next copy. */
  for (guint i = 0; i < N_IN_BRANCH; i++)
    g_ptr_array_add (numbers,
                     g_strdup (zb_document_get_number (g_ptr_array_index (dialog->documents, i))));
  export_to (dialog, path);
  pages = pdf_pages (path);
  g_assert_cmpuint (pages->len, ==, N_IN_BRANCH);
  /* A sheet a page, in the list's order, each with its own number. */
  for (guint p = 0; p < pages->len; p++)
    {
      const char *text = pages->pdata[p];
      const char *number = numbers->pdata[sheet];

      if (strstr (text, "填表日期") == NULL)
        continue;
      g_assert_nonnull (strstr (text, names->pdata[sheet]));
      g_assert_nonnull (strstr (text, "党组织：" BRANCH_NAME));
      g_assert_nonnull (strstr (text, number));
      sheet++;
    }
  g_assert_cmpuint (sheet, ==, N_IN_BRANCH);

  records = sheet_records ();
  g_assert_cmpuint (records->len, ==, 1 + N_IN_BRANCH);
  for (guint i = 0; i < N_IN_BRANCH; i++)
    g_assert_cmpuint (((ZbPrintRecord *)records->pdata[i])->pages, ==, 1);

  close_dialog (dialog);
  _zb_roster_view_clear_filters (view);
  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (N_DEMO + N_IN_BRANCH), 10));
}

/* A long list is confirmed first (with the count); 取消 there prints
 * nothing; once begun, the batch can be cancelled, and no number is used. */
static void
test_confirm_and_cancel (void)
{
  ZbRosterView *view = roster ();
  g_autofree char *before = next_number ();
  g_autofree char *after = NULL;
  g_autofree char *count = g_strdup_printf ("%u", N_DEMO + N_IN_BRANCH);
  AdwMessageDialog *question;
  ZbPrintDialog *dialog;
  gpointer weak;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "roster.print-sheets", NULL));
  ui_test_iterate_until_idle ();
  question = find_message_dialog ();
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (question), count));
  g_assert_null (find_print_dialog ());
  gtk_test_widget_wait_for_draw (GTK_WIDGET (question));
  ui_test_save_screenshot (GTK_WIDGET (question), "member-sheets-confirm");

  adw_message_dialog_response (question, "cancel");
  ui_test_iterate_until_idle ();
  g_assert_null (find_print_dialog ());

  /* Again, and go ahead: the batch starts, with its progress and 取消. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "roster.print-sheets", NULL));
  ui_test_iterate_until_idle ();
  question = find_message_dialog ();
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "print");
  g_assert_true (ui_test_wait_for (has_print_dialog, NULL, 30));
  dialog = find_print_dialog ();
  g_assert_cmpuint (dialog->documents->len, ==, N_DEMO + N_IN_BRANCH);
  g_assert_true (ui_test_wait_for (progress_up, dialog, 60));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "member-sheets-progress");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.cancel", NULL);
  g_assert_true (ui_test_wait_for (is_null, &weak, 60));
  after = next_number ();
  g_assert_cmpstr (before, ==, after);
}

/* Setup */

static ZbMemberRecord *
new_record (const char *name, const char *birth, int seq, gint64 branch)
{
  ZbMemberRecord *r = zb_member_record_new ();
  char digits[19];

  g_snprintf (digits, sizeof digits, "%s%s%03d", "110105", birth, seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  r->name = g_strdup (name);
  r->id_number = g_strdup (digits);
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("2001-07-01");
  r->full_date = g_strdup ("2002-07-01");
  r->branch_id = branch;
  r->phone = g_strdup ("13912345678");
  return r;
}

static void
create_workspace (void)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (ZbOrgUnit) branch = NULL;
  g_autoptr (ZbMemberRecord) known = NULL;
  g_autoptr (ZbMemberEvent) full = NULL;
  g_autoptr (ZbMemberEvent) flow = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const others[] = { "王建国", "李秀兰", "赵志刚", "钱玉珍", "孙立新" };
  ZbWorkspaceSetup setup = {
    .org_name = "中共示例社区委员会",
    .superior_name = "中共示例街道工作委员会",
    .protection = ZB_PROTECTION_PASSPHRASE,
  };

  workspace_path = g_build_filename (tmpdir, "sheets.db", NULL);
  db = zb_database_create (workspace_path, secret, &setup, &error);
  g_assert_no_error (error);
  g_assert_true (zb_member_demo_fill (db, N_DEMO, 2, 7, &error));
  g_assert_no_error (error);

  repo = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  branch = zb_org_repo_create_unit (org, ZB_ORG_UNIT_BRANCH, 0, BRANCH_NAME, &error);
  g_assert_no_error (error);
  branch_id = branch->id;
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr (ZbMemberRecord) r = new_record (others[i], "19700101", i * 2 + 1, branch->id);

      g_assert_true (zb_member_repo_insert (repo, r, &error));
      g_assert_no_error (error);
    }

  /* Probationary, then full, then away: a history to show. */
  known = new_record (KNOWN_NAME, "19750315", 24, branch->id);
  known->ethnicity = 3;
  known->gender = ZB_GENDER_FEMALE;
  known->category = ZB_CATEGORY_PROBATIONARY;
  g_clear_pointer (&known->full_date, g_free);
  known->work_unit = g_strdup ("示例市第二人民医院护士长");
  g_assert_true (zb_member_repo_insert (repo, known, &error));
  g_assert_no_error (error);
  known_id = g_strdup (known->id_number);
  full = zb_member_event_new (ZB_EVENT_FULL_MEMBERSHIP, "2002-07-01");
  g_assert_true (zb_member_repo_record_event (repo, known->uuid, full, &error));
  g_assert_no_error (error);
  flow = zb_member_event_new (ZB_EVENT_FLOW_START, "2026-03-01");
  flow->counterpart = g_strdup ("广东省深圳市");
  flow->letter_number = g_strdup ("LD2026031");
  g_assert_true (zb_member_repo_record_event (repo, known->uuid, flow, &error));
  g_assert_no_error (error);

  zb_database_close (db);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("test-member-sheets-XXXXXX", &error);
  g_assert_no_error (error);
  create_workspace ();

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/member-sheets/open", test_open);
  g_test_add_func ("/member-sheets/print-one", test_print_one);
  g_test_add_func ("/member-sheets/print-filtered", test_print_filtered);
  g_test_add_func ("/member-sheets/confirm-and-cancel", test_confirm_and_cancel);

  ret = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_free (workspace_path);
  g_free (known_id);
  g_free (tmpdir);

  return ret;
}
