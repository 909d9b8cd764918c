/* test-meetings-view.c — the 三会一课 area in Chinese, driven as a secretary would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests share one window and run in order: open a workspace with a small
 * branch, see the year's calendar with the general meeting still due, record
 * a 支部党员大会 through the editor (attendance with one member on leave, a
 * topic with a speech, a vote, a resolution, an attachment — and one over the
 * size limit refused), see it listed and its calendar cell turn held, mark
 * the resolution done, and print the minutes through the print dialog. Each
 * step writes a screenshot into <build>/tests/ui/screenshots/ and the PDF
 * into <build>/tests/ui/, to be looked at.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <unistd.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-form.h"
#include "zb-gui-format.h"
#include "zb-id-number.h"
#include "zb-meeting-editor.h"
#include "zb-meetings-view-private.h"
#include "zb-print-dialog-private.h"
#include "zb-print-dialog.h"
#include "zb-review-dialog.h"
#include "zb-window-private.h"

#define PASSPHRASE "meetings view test passphrase"
#define BRANCH_NAME "第一党支部"
#define GROUP_NAME "第一党小组"
#define MEETING_TITLE "第四季度支部党员大会"
#define ON_LEAVE "赵志刚"
#define LEAVE_REASON "外出学习"
#define CHAIR "王建国"
#define RECORDER "李秀兰"
#define TOPIC "讨论确定发展对象"
#define SPEECH "同意将孙立新同志列为发展对象"
#define VOTE_SUBJECT "确定孙立新同志为发展对象"
#define RESOLUTION "报党委预审"

static ZbApplication *app;
static ZbWindow *window;
static char *tmpdir;
static char *workspace_path;
static char *today;
static char *meeting_uuid;
static char *vote_uuid;
static guint this_month;

/* Helpers */

static ZbMeetingsView *
view (void)
{
  return _zb_window_get_meetings_view (window);
}

static ZbDatabase *
open_database (void)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  ZbDatabase *db = zb_database_open (workspace_path, secret, &error);

  g_assert_no_error (error);
  return db;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *)data == NULL;
}

static char *
build_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("ZB_BUILD_ROOT"), "tests", "ui", NULL);

  g_mkdir_with_parents (dir, 0755);
  return g_build_filename (dir, name, NULL);
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

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* All the text of a PDF file, white space removed. */
static char *
pdf_text (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr (GString) all = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append (all, text);
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return squeeze (all->str);
}

static void
select_name (GtkWidget *drop_down, const char *name)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
          return;
        }
    }
  g_error ("%s is not offered", name);
}

static ZbPeriodStatus
general_status (void)
{
  const ZbMeetingPeriod *period = zb_meetings_calendar_get_period (
      _zb_meetings_view_get_calendar (view ()), ZB_MEETING_GENERAL, 0, this_month);

  g_assert_nonnull (period);
  return period->status;
}

/* The print dialog opened by an action shows its first page; closes it. */
static void
preview_and_close (const char *screenshot)
{
  ZbPrintDialog *dialog;
  gpointer weak;

  g_assert_true (ui_test_wait_for (has_print_dialog, NULL, 10));
  dialog = find_print_dialog ();
  g_assert_true (ui_test_wait_for (dialog_ready, dialog, 60));
  g_assert_cmpuint (_zb_print_dialog_get_n_pages (dialog), >=, 1);
  if (screenshot != NULL)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
      ui_test_save_screenshot (GTK_WIDGET (dialog), screenshot);
    }
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));
}

static gboolean
has_label_with (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
has_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error")
      && gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_error_label (child))
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_open (void)
{
  g_autoptr (ZbDatabase) db = NULL;
  GtkWidget *cell;

  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  zb_window_open_workspace (window, workspace_path);

  db = open_database ();
  g_signal_emit_by_name (_zb_window_get_unlock_page (window), "unlocked", db);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (zb_window_get_mode (window), ==, "main");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", "meetings");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_iterate_until_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view ())));

  /* Nothing held yet: the general meeting of this quarter is due, and the
   * cell says so in words with the rule's reason. */
  g_assert_cmpuint (_zb_meetings_view_get_meetings (view ())->len, ==, 0);
  g_assert_cmpint (general_status (), ==, ZB_PERIOD_DUE);
  cell = zb_meetings_calendar_get_cell (_zb_meetings_view_get_calendar (view ()),
                                        ZB_MEETING_GENERAL, 0, this_month);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (cell)), !=, "");
  g_assert_nonnull (gtk_widget_get_tooltip_text (cell));
  g_assert_cmpstr (_zb_meetings_view_get_summary (view ()), !=, "");

  ui_test_save_screenshot (GTK_WIDGET (window), "meetings-empty");

  /* Another year, and back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.previous-year", NULL));
  g_assert_cmpuint (_zb_meetings_view_get_year (view ()), ==,
                    g_ascii_strtoull (today, NULL, 10) - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.this-year", NULL));
  g_assert_cmpuint (_zb_meetings_view_get_year (view ()), ==, g_ascii_strtoull (today, NULL, 10));
}

static void
test_record (void)
{
  g_autofree char *big_path = g_build_filename (tmpdir, "扫描件-过大.pdf", NULL);
  g_autofree char *small_path = g_build_filename (tmpdir, "签到表.png", NULL);
  g_autoptr (GFile) big = g_file_new_for_path (big_path);
  g_autoptr (GFile) small = g_file_new_for_path (small_path);
  g_autofree char *due = g_strdup_printf ("%u-12-31", (guint)g_ascii_strtoull (today, NULL, 10));
  ZbMeetingAttendance *attendance;
  ZbMeetingMinutes *minutes;
  ZbMeetingEditor *editor;
  ZbAttendanceCounts counts;
  gpointer weak;
  FILE *f;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.new", NULL));
  ui_test_iterate_until_idle ();
  editor = ZB_MEETING_EDITOR (_zb_meetings_view_get_dialog (view ()));
  g_assert_nonnull (editor);
  g_assert_true (ZB_IS_MEETING_EDITOR (editor));

  /* A new meeting is of today, and the roster of today is expected at once:
   * six members of the branch, the probationary one without a vote. */
  attendance = zb_meeting_editor_get_attendance (editor);
  zb_meeting_attendance_get_counts (attendance, &counts);
  g_assert_cmpuint (counts.expected, ==, 6);
  g_assert_cmpuint (counts.voting_expected, ==, 5);
  g_assert_false (counts.taken);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (zb_meeting_editor_get_field (editor, "kind")),
                              ZB_MEETING_GENERAL);
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "title")),
                         MEETING_TITLE);
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "date")), today);
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "start_time")), "9:00");
  /* A wrong time is caught where it is typed, and saving waits for it. */
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "end_time")), "11点");
  g_assert_nonnull (zb_form_get_error (zb_meeting_editor_get_field (editor, "end_time")));
  g_assert_false (zb_meeting_editor_get_can_save (editor));
  /* An end before the start is the repository's rule: saving is refused
   * with its sentence shown in the editor, and what was typed stays. */
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "end_time")), "8:30");
  g_assert_true (zb_meeting_editor_get_can_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  ui_test_iterate_until_idle ();
  g_assert_true (_zb_meetings_view_get_dialog (view ()) == GTK_WINDOW (editor));
  g_assert_nonnull (zb_meeting_editor_get_error (editor));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "title"))), ==,
      MEETING_TITLE);
  g_assert_cmpuint (_zb_meetings_view_get_meetings (view ())->len, ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor-refused");
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "end_time")), "11：00");
  g_assert_null (zb_form_get_error (zb_meeting_editor_get_field (editor, "end_time")));
  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "place")),
                         "社区党员活动室");
  select_name (zb_meeting_editor_get_field (editor, "chair"), CHAIR);
  select_name (zb_meeting_editor_get_field (editor, "recorder"), RECORDER);

  /* Everyone present, then one on leave with the reason. */
  zb_meeting_attendance_mark_all_present (attendance);
  g_assert_true (
      zb_meeting_attendance_set_role (attendance, ON_LEAVE, ZB_ATTENDANCE_LEAVE, LEAVE_REASON));
  zb_meeting_attendance_add_guest (attendance, "街道党工委 周明");
  zb_meeting_attendance_get_counts (attendance, &counts);
  g_assert_cmpuint (counts.present, ==, 5);
  g_assert_cmpuint (counts.leave, ==, 1);
  g_assert_cmpuint (counts.observers, ==, 1);
  g_assert_cmpuint (counts.voting_present, ==, 4);
  /* The quorum as the rules judge it, with the article. */
  g_assert_cmpstr (zb_meeting_attendance_get_quorum_text (attendance), !=, "");

  minutes = zb_meeting_editor_get_minutes (editor);
  zb_meeting_minutes_add_topic (minutes, TOPIC, "支部书记介绍了入党积极分子的培养考察情况。");
  zb_meeting_minutes_add_speech (minutes, 0, CHAIR, SPEECH);
  zb_meeting_minutes_add_vote (minutes, VOTE_SUBJECT, ZB_VOTE_FORM_SHOW_OF_HANDS, 4, 0, 0,
                               ZB_VOTE_RESULT_PASSED);
  zb_meeting_minutes_add_resolution (minutes, RESOLUTION, RECORDER, due);

  /* Over the size limit: a clear message, nothing kept. A small file is
   * listed and stored with the meeting. */
  f = g_fopen (big_path, "wb");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), ZB_MEETING_ATTACHMENT_MAX_SIZE + 1), ==, 0);
  fclose (f);
  g_assert_false (zb_meeting_editor_add_attachment_file (editor, big));
  g_assert_nonnull (strstr (zb_meeting_editor_get_attachment_message (editor), "20"));
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
        ui_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor-too-large");
    gtk_adjustment_set_value (adjustment, 0);
  }
  g_assert_true (g_file_set_contents (small_path, "\x89PNG\r\n\x1a\n signed", -1, NULL));
  g_assert_true (zb_meeting_editor_add_attachment_file (editor, small));
  g_assert_cmpstr (zb_meeting_editor_get_attachment_message (editor), ==, "");

  g_assert_true (zb_meeting_editor_get_can_save (editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor");
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (
        ui_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.2);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor-attendance");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.45);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor-minutes");
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
    ui_test_save_screenshot (GTK_WIDGET (editor), "meeting-editor-end");
  }

  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_null (zb_meeting_editor_get_error (editor));
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));
}

static void
test_listed (void)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) repo = NULL;
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *shown = _zb_meetings_view_get_meetings (view ());
  const ZbMeetingAttendee *leave = NULL;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_iterate_until_idle ();

  /* Listed, its row there, and the quarter held. */
  g_assert_cmpuint (shown->len, ==, 1);
  meeting_uuid = g_strdup (zb_meeting_get_uuid (g_ptr_array_index (shown, 0)));
  g_assert_cmpstr (zb_meeting_get_title (g_ptr_array_index (shown, 0)), ==, MEETING_TITLE);
  g_assert_nonnull (_zb_meetings_view_get_meeting_row (view (), meeting_uuid));
  g_assert_cmpint (general_status (), ==, ZB_PERIOD_HELD);
  g_assert_cmpuint (_zb_meetings_view_get_resolutions (view ())->len, ==, 1);

  /* Stored as entered. */
  db = open_database ();
  repo = zb_meeting_repo_new (db);
  record = zb_meeting_repo_get (repo, meeting_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->date, ==, today);
  g_assert_cmpstr (record->start_time, ==, "09:00");
  g_assert_cmpstr (record->end_time, ==, "11:00");
  g_assert_cmpuint (record->attendees->len, ==, 7);
  for (guint i = 0; i < record->attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index (record->attendees, i);

      if (g_strcmp0 (a->name, ON_LEAVE) == 0)
        leave = a;
    }
  g_assert_nonnull (leave);
  g_assert_cmpint (leave->role, ==, ZB_ATTENDANCE_LEAVE);
  g_assert_cmpstr (leave->leave_reason, ==, LEAVE_REASON);
  g_assert_cmpuint (record->topics->len, ==, 1);
  g_assert_cmpuint (((ZbMeetingTopic *)g_ptr_array_index (record->topics, 0))->speeches->len, ==,
                    1);
  g_assert_cmpuint (record->votes->len, ==, 1);
  g_assert_cmpuint (((ZbMeetingVote *)g_ptr_array_index (record->votes, 0))->yes, ==, 4);
  g_assert_cmpuint (record->resolutions->len, ==, 1);
  g_assert_cmpuint (record->attachments->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingAttachment *)g_ptr_array_index (record->attachments, 0))->name, ==,
                   "签到表.png");
  g_assert_cmpint (record->chair_id, !=, 0);
  vote_uuid = g_strdup (((ZbMeetingVote *)g_ptr_array_index (record->votes, 0))->uuid);

  /* A meeting below quorum is marked so, with the rule. */
  {
    g_autoptr (ZbMeetingRecord) thin = zb_meeting_record_new (ZB_MEETING_GENERAL, today);
    GtkWidget *row;

    thin->branch_id = record->branch_id;
    /* Without a name of its own, the row shows its topics. */
    g_ptr_array_add (thin->topics, zb_meeting_topic_new ("研究党费收缴工作"));
    g_assert_true (zb_meeting_repo_fill_expected (repo, thin, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < thin->attendees->len; i++)
      ((ZbMeetingAttendee *)g_ptr_array_index (thin->attendees, i))->role
          = i < 2 ? ZB_ATTENDANCE_PRESENT : ZB_ATTENDANCE_ABSENT;
    g_assert_true (zb_meeting_repo_create (repo, thin, &error));
    g_assert_no_error (error);

    /* Written through another connection: the view is told by hand. */
    _zb_meetings_view_reload (view ());
    g_assert_cmpuint (_zb_meetings_view_get_meetings (view ())->len, ==, 2);
    row = _zb_meetings_view_get_meeting_row (view (), thin->uuid);
    g_assert_nonnull (row);
    g_assert_true (has_error_label (row));
    g_assert_true (has_label_with (row, "研究党费收缴工作"));
    g_assert_false (has_error_label (_zb_meetings_view_get_meeting_row (view (), meeting_uuid)));
  }
  zb_database_close (db);

  ui_test_save_screenshot (GTK_WIDGET (window), "meetings-held");
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
        ui_test_find_descendant (GTK_WIDGET (view ()), GTK_TYPE_SCROLLED_WINDOW)));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    ui_test_save_screenshot (GTK_WIDGET (window), "meetings-list");
  }
}

/* Editing a stored meeting shows it as recorded (the attendance as taken,
 * not the roster of today), and saving keeps its children. */
static void
test_edit (void)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbMeetingRepo) repo = NULL;
  g_autoptr (ZbMeetingRecord) record = NULL;
  g_autoptr (GError) error = NULL;
  ZbMeetingEditor *editor;
  ZbAttendanceCounts counts;
  gpointer weak;

  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.edit", "s", meeting_uuid));
  ui_test_iterate_until_idle ();
  editor = ZB_MEETING_EDITOR (_zb_meetings_view_get_dialog (view ()));
  g_assert_nonnull (editor);
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "title"))), ==,
      MEETING_TITLE);
  zb_meeting_attendance_get_counts (zb_meeting_editor_get_attendance (editor), &counts);
  g_assert_cmpuint (counts.leave, ==, 1);
  g_assert_cmpuint (counts.observers, ==, 1);
  /* Nothing changed yet: nothing to save. */
  g_assert_false (zb_meeting_editor_get_can_save (editor));

  gtk_editable_set_text (GTK_EDITABLE (zb_meeting_editor_get_field (editor, "place")),
                         "社区党群服务中心");
  g_assert_true (zb_meeting_editor_get_can_save (editor));
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));

  db = open_database ();
  repo = zb_meeting_repo_new (db);
  record = zb_meeting_repo_get (repo, meeting_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (record->place, ==, "社区党群服务中心");
  g_assert_cmpuint (record->attendees->len, ==, 7);
  g_assert_cmpuint (record->topics->len, ==, 1);
  g_assert_cmpuint (record->votes->len, ==, 1);
  g_assert_cmpstr (((ZbMeetingVote *)g_ptr_array_index (record->votes, 0))->uuid, ==, vote_uuid);
  g_assert_cmpuint (record->resolutions->len, ==, 1);
  g_assert_cmpint (((ZbMeetingResolution *)g_ptr_array_index (record->resolutions, 0))->owner_id,
                   !=, 0);
  g_assert_cmpuint (record->attachments->len, ==, 1);
  zb_database_close (db);
}

/* The 打印 menu of a meeting offers its minutes and, for each vote, the
 * ballot and the result report; the ballot opens in the print dialog. */
static void
test_print_menu (void)
{
  GtkWidget *row = _zb_meetings_view_get_meeting_row (view (), meeting_uuid);
  GtkMenuButton *button = GTK_MENU_BUTTON (ui_test_find_descendant (row, GTK_TYPE_MENU_BUTTON));
  GMenuModel *menu;

  gtk_menu_button_popup (button);
  ui_test_iterate_until_idle ();
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  /* The minutes (and the resolution of the general meeting), then the vote. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_assert_cmpint (
      g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION)), ==, 2);
  g_assert_cmpint (
      g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION)), ==, 2);
  gtk_menu_button_popdown (button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.print-ballot", "(ss)",
                                             meeting_uuid, vote_uuid));
  preview_and_close ("meeting-ballot-preview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.print-vote-report",
                                             "(ss)", meeting_uuid, vote_uuid));
  preview_and_close (NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.print-resolution", "s",
                                             meeting_uuid));
  preview_and_close (NULL);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.print-register", NULL));
  preview_and_close ("meeting-register-preview");
}

static void
test_resolution_done (void)
{
  const ZbMeetingResolution *open_res
      = g_ptr_array_index (_zb_meetings_view_get_resolutions (view ()), 0);
  g_autofree char *uuid = g_strdup (open_res->uuid);

  g_assert_cmpstr (open_res->text, ==, RESOLUTION);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.resolution-done", "s", uuid));
  ui_test_iterate_until_idle ();
  g_assert_cmpuint (_zb_meetings_view_get_resolutions (view ())->len, ==, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_save_screenshot (GTK_WIDGET (window), "meetings-resolution-done");

  /* The toast's 撤销 opens it again. */
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.resolution-reopen", "s", uuid));
  ui_test_iterate_until_idle ();
  g_assert_cmpuint (_zb_meetings_view_get_resolutions (view ())->len, ==, 1);
  g_assert_true (
      gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.resolution-done", "s", uuid));
  ui_test_iterate_until_idle ();
  g_assert_cmpuint (_zb_meetings_view_get_resolutions (view ())->len, ==, 0);
}

static void
test_print_minutes (void)
{
  g_autofree char *path = build_path ("meeting-minutes.pdf");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  ZbPrintDialog *dialog;
  gpointer weak;
  const char *expected[]
      = { "会议记录", MEETING_TITLE, CHAIR,        RECORDER,   ON_LEAVE,           LEAVE_REASON,
          TOPIC,      SPEECH,        VOTE_SUBJECT, RESOLUTION, "社区党群服务中心", "周明" };

  g_unlink (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.print-minutes", "s",
                                             meeting_uuid));
  g_assert_true (ui_test_wait_for (has_print_dialog, NULL, 10));
  dialog = find_print_dialog ();
  g_assert_true (ui_test_wait_for (dialog_ready, dialog, 60));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "meeting-minutes-preview");

  _zb_print_dialog_export_to_file (dialog, file);
  g_assert_true (ui_test_wait_for (dialog_idle, dialog, 60));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  text = pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *want = squeeze (expected[i]);

      if (strstr (text, want) == NULL)
        g_error ("the minutes lack “%s”:\n%s", expected[i], text);
    }

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));
}

/* A 民主评议党员 meeting has a button that opens the grading window. */
static void
test_review (void)
{
  g_autoptr (ZbDatabase) db = open_database ();
  g_autoptr (ZbMeetingRepo) repo = zb_meeting_repo_new (db);
  g_autoptr (ZbMeetingRecord) appraisal = zb_meeting_record_new (ZB_MEETING_APPRAISAL, today);
  g_autoptr (GError) error = NULL;
  GtkWidget *button = NULL;
  GtkWidget *row;
  GtkWindow *dialog;
  gpointer weak;

  appraisal->branch_id
      = zb_meeting_get_record (g_ptr_array_index (_zb_meetings_view_get_meetings (view ()), 0))
            ->branch_id;
  g_assert_true (zb_meeting_repo_fill_expected (repo, appraisal, &error));
  g_assert_true (zb_meeting_repo_create (repo, appraisal, &error));
  g_assert_no_error (error);
  zb_database_close (db);
  _zb_meetings_view_reload (view ());

  row = _zb_meetings_view_get_meeting_row (view (), appraisal->uuid);
  g_assert_nonnull (row);
  for (GtkWidget *w = ui_test_find_descendant (row, GTK_TYPE_BUTTON); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_ACTIONABLE (w)
        && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "meetings.review") == 0)
      button = w;
  g_assert_nonnull (button);
  /* The other meetings have none. */
  g_assert_null (ui_test_find_button (_zb_meetings_view_get_meeting_row (view (), meeting_uuid),
                                      _ ("_Grades…"), NULL));

  g_signal_emit_by_name (button, "clicked");
  ui_test_iterate_until_idle ();
  dialog = _zb_meetings_view_get_dialog (view ());
  g_assert_true (ZB_IS_REVIEW_DIALOG (dialog));
  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (dialog);
  g_assert_true (ui_test_wait_for (is_null, &weak, 10));
}

/* Locking lets go of everything and closes what is open over the area. */
static void
test_lock (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view ()), "meetings.new", NULL));
  ui_test_iterate_until_idle ();
  g_assert_nonnull (_zb_meetings_view_get_dialog (view ()));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  ui_test_iterate_until_idle ();
  g_assert_null (_zb_meetings_view_get_dialog (view ()));
  g_assert_cmpuint (_zb_meetings_view_get_meetings (view ())->len, ==, 0);
  g_assert_cmpuint (_zb_meetings_view_get_resolutions (view ())->len, ==, 0);
}

/* Setup */

static ZbMemberRecord *
new_record (const char *name, int seq, gint64 branch, gint64 group, gboolean full)
{
  ZbMemberRecord *r = zb_member_record_new ();
  char digits[19];

  g_snprintf (digits, sizeof digits, "110105197001%02d%03d", 1 + seq, seq * 2 + 1);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  r->name = g_strdup (name);
  r->id_number = g_strdup (digits);
  r->category = full ? ZB_CATEGORY_FULL : ZB_CATEGORY_PROBATIONARY;
  r->joined_date = g_strdup (full ? "2001-07-01" : "2020-01-01");
  r->full_date = full ? g_strdup ("2002-07-01") : NULL;
  r->branch_id = branch;
  r->group_id = group;
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
  g_autoptr (ZbOrgUnit) group = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const names[] = { CHAIR, RECORDER, ON_LEAVE, "钱玉珍", "孙立新" };
  ZbWorkspaceSetup setup = {
    .org_name = "中共示例社区委员会",
    .superior_name = "中共示例街道工作委员会",
    .protection = ZB_PROTECTION_PASSPHRASE,
  };

  workspace_path = g_build_filename (tmpdir, "meetings.db", NULL);
  db = zb_database_create (workspace_path, secret, &setup, &error);
  g_assert_no_error (error);

  repo = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  branch = zb_org_repo_create_unit (org, ZB_ORG_UNIT_BRANCH, 0, BRANCH_NAME, &error);
  g_assert_no_error (error);
  group = zb_org_repo_create_unit (org, ZB_ORG_UNIT_GROUP, branch->id, GROUP_NAME, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = new_record (names[i], (int)i, branch->id, group->id, TRUE);

      g_assert_true (zb_member_repo_insert (repo, r, &error));
      g_assert_no_error (error);
      /* The first is the branch's secretary: the branch has a committee. */
      if (i == 0)
        {
          g_autoptr (ZbPartyPost) post = zb_org_repo_add_post (
              org, r->id, branch->id, 0, ZB_POST_SECRETARY, "2020-01-01", NULL, &error);

          g_assert_no_error (error);
        }
    }
  {
    g_autoptr (ZbMemberRecord) r = new_record ("周晓燕", 9, branch->id, group->id, FALSE);

    g_assert_true (zb_member_repo_insert (repo, r, &error));
    g_assert_no_error (error);
  }

  zb_database_close (db);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  GDate date;
  int ret;

  ui_test_init (&argc, &argv);

  today = zb_format_today_iso ();
  zb_format_today (&date);
  this_month = g_date_get_month (&date);

  tmpdir = g_dir_make_tmp ("test-meetings-view-XXXXXX", &error);
  g_assert_no_error (error);
  create_workspace ();

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/meetings-view/open", test_open);
  g_test_add_func ("/meetings-view/record", test_record);
  g_test_add_func ("/meetings-view/listed", test_listed);
  g_test_add_func ("/meetings-view/edit", test_edit);
  g_test_add_func ("/meetings-view/print-menu", test_print_menu);
  g_test_add_func ("/meetings-view/resolution-done", test_resolution_done);
  g_test_add_func ("/meetings-view/print-minutes", test_print_minutes);
  g_test_add_func ("/meetings-view/review", test_review);
  g_test_add_func ("/meetings-view/lock", test_lock);

  ret = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_free (workspace_path);
  g_free (meeting_uuid);
  g_free (vote_uuid);
  g_free (today);
  g_free (tmpdir);

  return ret;
}
