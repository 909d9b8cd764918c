/* test-roster-import.c — an empty roster, importing a CSV with a bad row, undo, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests share one window and run in order, as a secretary starting out:
 * the empty roster offers to add or import; the import dialog shows the
 * columns, the first records and the bad one with its row and reason; 导入 is
 * off while a record is bad, 只导入有效记录 writes the rest; the toast undoes
 * the whole import; the roster is then exported and read back.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-id-number.h"
#include "zb-import-dialog.h"
#include "zb-roster-export.h"
#include "zb-roster-view-private.h"
#include "zb-window-private.h"

#define PASSPHRASE "zhibu import test passphrase"

static ZbApplication *app;
static ZbWindow *window;
static char *tmpdir;
static char *workspace_path;
static ZbImportDialog *dialog;

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

static gboolean
dialog_idle (gpointer data)
{
  return !zb_import_dialog_get_busy (dialog);
}

static gboolean
dialog_gone (gpointer data)
{
  return dialog == NULL;
}

static char *
id_number (const char *birth, int seq)
{
  char digits[19];

  g_snprintf (digits, sizeof digits, "320102%s%03d", birth, seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  return g_strdup (digits);
}

/* A roster as an office keeps it: a title row, Chinese headers, dates as
 * typed, and one record whose ID number has a wrong check digit. */
static char *
write_csv (void)
{
  g_autoptr (GString) csv = g_string_new ("示例社区党支部党员名册\r\n");
  g_autofree char *path = g_build_filename (tmpdir, "名册.csv", NULL);
  g_autoptr (GError) error = NULL;
  static const char *const names[] = { "王建国", "李秀兰", "张伟", "刘洋", "陈静", "杨帆" };

  g_string_append (csv, "姓名,性别,民族,身份证号,入党时间,转正时间,人员类别,联系电话\r\n");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* An odd sequence number is a man (GB 11643). */
      g_autofree char *id = id_number ("19700101", 10 + i * 2 + (i % 2 ? 0 : 1));

      if (i == 3)
        id[17] = id[17] == '1' ? '2' : '1';
      g_string_append_printf (csv, "%s,%s,汉族,%s,2000年7月%u日,2001/7/%u,正式党员,1391234%04u\r\n",
                              names[i], i % 2 ? "女" : "男", id, i + 1, i + 1, i);
    }

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Tests */

static void
test_empty (void)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *import_button;

  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  zb_window_open_workspace (window, workspace_path);
  db = zb_database_open (workspace_path, secret, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (_zb_window_get_unlock_page (window), "unlocked", db);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "roster");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpuint (n_rows (), ==, 0);
  g_assert_cmpstr (_zb_roster_view_get_state (roster ()), ==, "empty");
  import_button = ui_test_find_button (GTK_WIDGET (roster ()), _ ("_Import Roster…"), NULL);
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_get_mapped (import_button));
  g_assert_nonnull (ui_test_find_button (GTK_WIDGET (roster ()), _ ("_Add Member"), NULL));
  ui_test_save_screenshot (GTK_WIDGET (window), "roster-empty");
}

static void
test_import_dialog (void)
{
  g_autofree char *path = write_csv ();
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (GError) error = NULL;
  const char *summary;

  sheet = zb_sheet_read_file (path, NULL, &error);
  g_assert_no_error (error);

  dialog = zb_import_dialog_new (
      GTK_WINDOW (window), zb_member_list_model_get_repo (_zb_roster_view_get_model (roster ())),
      NULL,
      ADW_TOAST_OVERLAY (ui_test_find_descendant (GTK_WIDGET (roster ()), ADW_TYPE_TOAST_OVERLAY)),
      sheet, "名册.csv");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (dialog_idle, NULL, 30));

  /* The headers found the fields; the title row was skipped. */
  g_assert_cmpint (zb_import_mapping_get_column (zb_import_dialog_get_mapping (dialog),
                                                 ZB_IMPORT_FIELD_ID_NUMBER),
                   ==, 3);
  summary = zb_import_dialog_get_summary (dialog);
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "6"));
  g_assert_nonnull (strstr (summary, "5"));
  g_assert_false (zb_import_dialog_get_can_import (dialog, FALSE));
  g_assert_true (zb_import_dialog_get_can_import (dialog, TRUE));
  /* Nothing written by the check. */
  g_assert_cmpuint (n_rows (), ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "import-dialog");
}

static void
test_import_valid (void)
{
  AdwToastOverlay *toasts;
  GtkWidget *undo;

  zb_import_dialog_start (dialog, TRUE);
  g_assert_true (ui_test_wait_for (dialog_gone, NULL, 30));
  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (5), 10));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_save_screenshot (GTK_WIDGET (window), "roster-imported");

  /* 撤销本次导入 takes exactly those five away. */
  toasts = ADW_TOAST_OVERLAY (
      ui_test_find_descendant (GTK_WIDGET (roster ()), ADW_TYPE_TOAST_OVERLAY));
  undo = ui_test_find_button (GTK_WIDGET (toasts), _ ("_Undo This Import"), NULL);
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (0), 10));
  g_assert_cmpstr (_zb_roster_view_get_state (roster ()), ==, "empty");
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) && !g_file_test (data, G_FILE_TEST_IS_DIR)
         && _zb_roster_view_get_model (roster ()) != NULL;
}

static void
test_export (void)
{
  g_autofree char *csv_path = write_csv ();
  g_autofree char *out = g_build_filename (tmpdir, "导出.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (out);
  g_autoptr (ZbSheet) sheet = NULL;
  g_autoptr (ZbSheet) back = NULL;
  g_autoptr (GError) error = NULL;

  /* Import all but the bad one again, then export the roster. */
  sheet = zb_sheet_read_file (csv_path, NULL, &error);
  g_assert_no_error (error);
  dialog = zb_import_dialog_new (
      GTK_WINDOW (window), zb_member_list_model_get_repo (_zb_roster_view_get_model (roster ())),
      NULL, NULL, sheet, "名册.csv");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_assert_true (ui_test_wait_for (dialog_idle, NULL, 30));
  zb_import_dialog_start (dialog, TRUE);
  g_assert_true (ui_test_wait_for (dialog_gone, NULL, 30));
  g_assert_true (ui_test_wait_for (rows_are, GUINT_TO_POINTER (5), 10));

  zb_roster_export_to_file (_zb_roster_view_get_model (roster ()), file, FALSE, NULL);
  g_assert_true (ui_test_wait_for (file_written, out, 30));
  /* The worker is done when the model reads again. */
  ui_test_iterate_until_idle ();
  back = zb_sheet_read_file (out, NULL, &error);
  g_assert_no_error (error);
  /* The header and five members. */
  g_assert_cmpuint (zb_sheet_get_n_rows (back), ==, 6);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  ZbWorkspaceSetup setup = {
    .org_name = "中共示例社区支部委员会",
    .protection = ZB_PROTECTION_PASSPHRASE,
  };
  int ret;

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("test-roster-import-XXXXXX", &error);
  g_assert_no_error (error);
  workspace_path = g_build_filename (tmpdir, "import.db", NULL);
  secret = zb_secret_new_passphrase (PASSPHRASE);
  db = zb_database_create (workspace_path, secret, &setup, &error);
  g_assert_no_error (error);
  zb_database_close (db);

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/roster-import/empty", test_empty);
  g_test_add_func ("/roster-import/dialog", test_import_dialog);
  g_test_add_func ("/roster-import/valid-only-and-undo", test_import_valid);
  g_test_add_func ("/roster-import/export", test_export);

  ret = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_free (workspace_path);
  g_free (tmpdir);

  return ret;
}
