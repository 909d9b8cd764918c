/* test-review-dialog.c — grading the members at a 民主评议党员 in a real
 * window, in zh_CN: the grades chosen, the counts and the one-third note,
 * saving, reopening, printing the result sheet, and the refusals shown as
 * sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"
#include "zb-print-dialog.h"
#include "zb-review-dialog-private.h"

#define PASSPHRASE "review dialog test 2026"
#define ORG_NAME "中共测试街道第一社区支部委员会"

static const char *const names[]
    = { "张建国", "李秀英", "王海燕", "赵德明", "陈丽华", "刘志强", "杨帆", "黄文斌", "周敏" };

typedef struct
{
  char *tmpdir;
  ZbDatabase *db;
  ZbOrgRepo *org;
  ZbMemberRepo *members;
  ZbMeetingRepo *meetings;
  ZbOrgUnit *branch;
} Fixture;

static ZbApplication *app;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autofree char *path = NULL;
  ZbWorkspaceSetup setup = { .org_name = ORG_NAME, .protection = ZB_PROTECTION_PASSPHRASE };

  f->tmpdir = g_dir_make_tmp ("test-review-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->tmpdir, "branch.db", NULL);
  f->db = zb_database_create (path, secret, &setup, &error);
  g_assert_no_error (error);
  f->org = zb_org_repo_new (f->db);
  f->members = zb_member_repo_new (f->db);
  f->meetings = zb_meeting_repo_new (f->db);
  f->branch = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "第一社区党支部", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) m = zb_member_record_new ();

      m->name = g_strdup (names[i]);
      m->joined_date = g_strdup ("2000-07-01");
      m->full_date = g_strdup ("2001-07-01");
      m->category = ZB_CATEGORY_FULL;
      m->branch_id = f->branch->id;
      g_assert_true (zb_member_repo_insert (f->members, m, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->branch, zb_org_unit_free);
  g_clear_object (&f->meetings);
  g_clear_object (&f->members);
  g_clear_object (&f->org);
  zb_database_close (f->db);
  g_clear_object (&f->db);
  g_free (f->tmpdir);
}

static char *
create_meeting (Fixture *f, ZbMeetingKind kind)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (kind, "2026-11-20");
  g_autoptr (GError) error = NULL;

  m->branch_id = f->branch->id;
  m->title = g_strdup ("2026年度民主评议党员大会");
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
  return g_strdup (m->uuid);
}

static ZbReviewDialog *
open_dialog (Fixture *f, const char *uuid)
{
  GtkWindow *window = zb_review_dialog_new (NULL, f->meetings, f->org, uuid);

  g_assert_true (ZB_IS_REVIEW_DIALOG (window));
  gtk_window_set_default_size (window, 640, 760);
  gtk_window_present (window);
  g_assert_true (ui_test_wait_for (ui_test_widget_mapped, window, 20));
  ui_test_iterate_until_idle ();
  return ZB_REVIEW_DIALOG (window);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static ZbPrintDialog *
find_print_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ZB_IS_PRINT_DIALOG (l->data))
      return l->data;
  return NULL;
}

static gboolean
print_dialog_idle (gpointer data)
{
  ZbPrintDialog *dialog = find_print_dialog ();

  return dialog != NULL && !zb_print_dialog_get_busy (dialog);
}

/* Four 优秀 of nine: the counts follow, the one-third note appears (DOMAIN.md
 * §2.2), saving is not refused; the grades come back when the dialog opens
 * again, and the print button previews the result sheet. */
static void
test_grade_save_reopen_print (Fixture *f, gconstpointer data)
{
  g_autofree char *uuid = create_meeting (f, ZB_MEETING_APPRAISAL);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  ZbReviewDialog *dialog = open_dialog (f, uuid);
  ZbPrintDialog *print;
  gpointer weak;
  guint n_excellent = 0;

  g_assert_true (_zb_review_dialog_is_available (dialog));
  g_assert_cmpuint (_zb_review_dialog_get_n_rows (dialog), ==, G_N_ELEMENTS (names));
  g_assert_false (_zb_review_dialog_get_cap_shown (dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "review-dialog-empty");

  /* Three 优秀 of nine: within the third. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    gtk_drop_down_set_selected (_zb_review_dialog_get_grade (dialog, i),
                                i < 3 ? ZB_REVIEW_GRADE_EXCELLENT : ZB_REVIEW_GRADE_QUALIFIED);
  g_assert_false (_zb_review_dialog_get_cap_shown (dialog));
  /* A fourth: over it, said calmly. */
  gtk_drop_down_set_selected (_zb_review_dialog_get_grade (dialog, 3), ZB_REVIEW_GRADE_EXCELLENT);
  gtk_drop_down_set_selected (_zb_review_dialog_get_grade (dialog, 8),
                              ZB_REVIEW_GRADE_BASICALLY_QUALIFIED);
  gtk_editable_set_text (_zb_review_dialog_get_remark (dialog, 8), "学习不够主动");
  g_assert_true (_zb_review_dialog_get_cap_shown (dialog));
  g_assert_nonnull (strstr (_zb_review_dialog_get_counts_text (dialog), "4"));
  ui_test_iterate_until_idle ();
  ui_test_save_screenshot (GTK_WIDGET (dialog), "review-dialog-over-cap");

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  g_assert_true (ui_test_wait_for (window_gone, &weak, 10));

  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < stored->len; i++)
    n_excellent
        += ((ZbMeetingGrade *)g_ptr_array_index (stored, i))->grade == ZB_REVIEW_GRADE_EXCELLENT;
  g_assert_cmpuint (n_excellent, ==, 4);

  /* Opened again: what was saved. */
  dialog = open_dialog (f, uuid);
  g_assert_cmpuint (gtk_drop_down_get_selected (_zb_review_dialog_get_grade (dialog, 3)), ==,
                    ZB_REVIEW_GRADE_EXCELLENT);
  g_assert_cmpuint (gtk_drop_down_get_selected (_zb_review_dialog_get_grade (dialog, 8)), ==,
                    ZB_REVIEW_GRADE_BASICALLY_QUALIFIED);
  g_assert_cmpstr (gtk_editable_get_text (_zb_review_dialog_get_remark (dialog, 8)), ==,
                   "学习不够主动");
  g_assert_true (_zb_review_dialog_get_cap_shown (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.print", NULL));
  g_assert_true (ui_test_wait_for (print_dialog_idle, NULL, 60));
  print = find_print_dialog ();
  g_assert_null (_zb_review_dialog_get_error_text (dialog));
  ui_test_iterate_until_idle ();
  ui_test_save_screenshot (GTK_WIDGET (print), "review-dialog-print");
  gtk_window_destroy (GTK_WINDOW (print));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate_until_idle ();
}

/* A meeting whose kind holds no appraisal shows why, not a list; a refusal
 * on saving (here: the meeting changed kind meanwhile) is shown as the
 * repository's sentence and nothing is written. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *theme = create_meeting (f, ZB_MEETING_THEME_DAY);
  g_autofree char *uuid = create_meeting (f, ZB_MEETING_GENERAL);
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  ZbReviewDialog *dialog = open_dialog (f, theme);

  g_assert_false (_zb_review_dialog_is_available (dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "review-dialog-unavailable");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_dialog (f, uuid);
  g_assert_true (_zb_review_dialog_is_available (dialog));
  gtk_drop_down_set_selected (_zb_review_dialog_get_grade (dialog, 0), ZB_REVIEW_GRADE_QUALIFIED);

  m = zb_meeting_repo_get (f->meetings, uuid, &error);
  g_assert_no_error (error);
  m->kind = ZB_MEETING_THEME_DAY;
  g_assert_true (zb_meeting_repo_update (f->meetings, m, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "review.save", NULL));
  ui_test_iterate_until_idle ();
  g_assert_nonnull (_zb_review_dialog_get_error_text (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "review-dialog-refused");
  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate_until_idle ();
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *keyring = NULL;

  keyring = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "zhibu test", TRUE);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  ui_test_init (&argc, &argv);

  /* The application's style sheet and icons, as in the real window. */
  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/review-dialog/grade-save-reopen-print", Fixture, NULL, fixture_set_up,
              test_grade_save_reopen_print, fixture_tear_down);
  g_test_add ("/review-dialog/refusals", Fixture, NULL, fixture_set_up, test_refusals,
              fixture_tear_down);

  return g_test_run ();
}
