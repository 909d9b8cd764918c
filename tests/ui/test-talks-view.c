/* test-talks-view.c — the 谈心谈话 area in Chinese, driven as a secretary would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window, tests in order: a passphrase workspace with a small roster and
 * committee; record a talk with a member and one with an applicant through
 * the editor and see the coverage change; open the contents (a wrong
 * passphrase opens nothing and records nothing, the right one shows them and
 * records exactly one opening); the list never shows the contents; a
 * follow-up marked done; locking clears the area. Screenshots of the area,
 * the editor, the prompt and the contents.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "zb-application.h"
#include "zb-contents-guard.h"
#include "zb-database-private.h"
#include "zb-gui-format.h"
#include "zb-id-number.h"
#include "zb-print-dialog.h"
#include "zb-talk-contents-dialog.h"
#include "zb-talk-editor.h"
#include "zb-talks-view-private.h"
#include "zb-window-private.h"

#define PASSPHRASE "zhibu talks test passphrase"
#define SAID_BY_TALKER "书记谈到的保密内容甲"
#define SAID_BY_OTHER "党员谈到的保密内容乙"
#define RESPONSE "对象表态的保密内容丙"

static ZbApplication *app;
static ZbWindow *window;
static GSettings *settings;
static char *tmpdir;
static char *workspace_path;
static gint64 secretary_id, committee_id, member_id;

/* Helpers */

static ZbTalksView *
view (void)
{
  return _zb_window_get_talks_view (window);
}

static void
show_area (const char *area)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", area);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  ui_test_iterate_until_idle ();
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_iterate_until_idle ();
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

static gint64
count_audit (const char *entity, const char *action)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      zb_window_get_database (window),
      "SELECT count(*) FROM audit_log WHERE entity = ?1 AND action = ?2", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The stored talks of this year, by date. */
static GPtrArray *
list_talks (void)
{
  g_autoptr (ZbTalkRepo) repo = zb_talk_repo_new (zb_window_get_database (window));
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autoptr (GError) error = NULL;
  GPtrArray *talks;

  query.year = _zb_talks_view_get_year (view ());
  talks = zb_talk_repo_list (repo, &query, &error);
  g_assert_no_error (error);
  return talks;
}

/* Every text the widgets under @widget show: labels, entries, text views. */
static void
collect_text (GtkWidget *widget, GString *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      else if (GTK_IS_EDITABLE (child))
        g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (child)));
      else if (GTK_IS_TEXT_VIEW (child))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child));
          GtkTextIter start, end;
          g_autofree char *text = NULL;

          gtk_text_buffer_get_bounds (buffer, &start, &end);
          text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
          g_string_append_printf (out, "%s\n", text);
        }
      collect_text (child, out);
    }
}

static char *
widget_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

static gboolean
strv_has (const char *const *strv, const char *name)
{
  return strv != NULL && g_strv_contains (strv, name);
}

static ZbTalkEditor *
open_new_editor (void)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.new", NULL);
  ui_test_iterate_until_idle ();
  dialog = _zb_talks_view_get_dialog (view ());
  g_assert_true (ZB_IS_TALK_EDITOR (dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  return ZB_TALK_EDITOR (dialog);
}

static void
set_text (ZbTalkEditor *editor, const char *field, const char *text)
{
  GtkWidget *widget = zb_talk_editor_get_field (editor, field);

  g_assert_nonnull (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  ui_test_iterate_until_idle ();
}

static void
add_member (ZbTalkEditor *editor, const char *side, gint64 id)
{
  g_autofree char *pick = g_strconcat (side, "-pick", NULL);
  g_autofree char *add = g_strconcat (side, "-add-member", NULL);
  guint position = zb_talk_editor_find_member (editor, id);

  g_assert_cmpuint (position, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zb_talk_editor_get_field (editor, pick)), position);
  click (zb_talk_editor_get_field (editor, add));
}

static gboolean
editor_gone (gpointer data)
{
  return _zb_talks_view_get_dialog (view ()) == NULL;
}

static void
save_editor (ZbTalkEditor *editor)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_true (ui_test_wait_for (editor_gone, NULL, 10));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Tests */

static void
test_open (void)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (GError) error = NULL;
  const char *const *missing;

  window = zb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  zb_window_open_workspace (window, workspace_path);
  db = zb_database_open (workspace_path, secret, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (_zb_window_get_unlock_page (window), "unlocked", db);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (zb_window_get_mode (window), ==, "main");

  show_area ("talks");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view ())));
  g_assert_cmpstr (_zb_talks_view_get_state (view ()), ==, "content");
  g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 0);
  /* Nobody talked with yet: everyone is listed as missing. */
  missing = _zb_talks_view_get_missing (view ());
  g_assert_true (strv_has (missing, "张书记"));
  g_assert_true (strv_has (missing, "王委员"));
  g_assert_true (strv_has (missing, "李党员"));
  g_assert_true (strv_has (missing, "赵党员"));
  ui_test_save_screenshot (GTK_WIDGET (window), "talks-area-start");

  /* Any year can be looked at; it starts at this one. */
  {
    guint year = _zb_talks_view_get_year (view ());
    GDate today;

    zb_format_today (&today);
    g_assert_cmpuint (year, ==, g_date_get_year (&today));
    gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.previous-year", NULL);
    ui_test_iterate_until_idle ();
    g_assert_cmpuint (_zb_talks_view_get_year (view ()), ==, year - 1);
    gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.next-year", NULL);
    ui_test_iterate_until_idle ();
    g_assert_cmpuint (_zb_talks_view_get_year (view ()), ==, year);
  }
}

/* A talk of the secretary with a member: a refusal from the repository is
 * shown and loses nothing typed; saved, the member leaves the missing list. */
static void
test_record_member (void)
{
  ZbTalkEditor *editor = open_new_editor ();
  g_autofree char *today = zb_format_today_iso ();
  GtkWidget *said;
  GtkTextIter start, end;
  g_autofree char *kept = NULL;
  const char *const *missing;

  g_assert_false (gtk_widget_is_sensitive (zb_talk_editor_get_field (editor, "talker-add-member")));
  set_text (editor, "date", today);
  set_text (editor, "time", "25:99");
  set_text (editor, "place", "支部办公室");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zb_talk_editor_get_field (editor, "kind")),
                              ZB_TALK_KIND_BEFORE_LIFE_MEETING);
  set_text (editor, "topic", "组织生活会前征求意见");
  add_member (editor, "talker", secretary_id);
  add_member (editor, "talked_with", member_id);
  set_text (editor, "said_by_talker", SAID_BY_TALKER);
  set_text (editor, "said_by_other", SAID_BY_OTHER);
  set_text (editor, "response", RESPONSE);
  set_text (editor, "action-text", "学习党章第一章");
  set_text (editor, "action-due", "2099-12-31");
  set_text (editor, "action-owner", "李党员");
  click (zb_talk_editor_get_field (editor, "action-add"));
  set_text (editor, "recorder", "王委员");
  ui_test_save_screenshot (GTK_WIDGET (editor), "talks-editor");
  {
    GtkWidget *scrolled = ui_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment
        = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_test_save_screenshot (GTK_WIDGET (editor), "talks-editor-lower");
  }

  /* The time is refused with the repository's sentence; all stays. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  ui_test_iterate_until_idle ();
  g_assert_true (_zb_talks_view_get_dialog (view ()) == GTK_WINDOW (editor));
  g_assert_nonnull (zb_talk_editor_get_message (editor));
  said = zb_talk_editor_get_field (editor, "said_by_talker");
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (said)), &start, &end);
  kept = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (said)), &start, &end,
                                   FALSE);
  g_assert_cmpstr (kept, ==, SAID_BY_TALKER);
  g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (editor), "talks-editor-refused");

  set_text (editor, "time", "09:30");
  save_editor (editor);

  g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 1);
  missing = _zb_talks_view_get_missing (view ());
  g_assert_false (strv_has (missing, "李党员"));
  g_assert_true (strv_has (missing, "赵党员"));
  g_assert_cmpuint (_zb_talks_view_get_n_open_actions (view ()), ==, 1);
  g_assert_cmpint (count_audit ("talk", "create"), ==, 1);
}

/* A talk with an applicant who is not on the roster, typed by name. */
static void
test_record_applicant (void)
{
  ZbTalkEditor *editor = open_new_editor ();
  g_autofree char *today = zb_format_today_iso ();
  g_autoptr (GPtrArray) talks = NULL;
  g_autofree char *text = NULL;
  gboolean found = FALSE;

  set_text (editor, "date", today);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (zb_talk_editor_get_field (editor, "kind")),
                              ZB_TALK_KIND_ADMISSION);
  add_member (editor, "talker", committee_id);
  set_text (editor, "talked_with-name", "陈申请");
  set_text (editor, "talked_with-post", "入党申请人");
  click (zb_talk_editor_get_field (editor, "talked_with-add-person"));

  /* Closed with the talk not saved: asked, and 保存 saves it. */
  gtk_window_close (GTK_WINDOW (editor));
  ui_test_iterate_until_idle ();
  {
    GtkWindow *ask = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_assert_nonnull (ask);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (ask)), ==,
                     _ ("Save the Talk?"));
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (ask), "save"));
    g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 1);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (ask), "save");
  }
  g_assert_true (ui_test_wait_for (editor_gone, NULL, 10));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 2);
  talks = list_talks ();
  for (guint i = 0; i < talks->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (talks, i);

      for (guint j = 0; j < r->participants->len; j++)
        {
          const ZbTalkParticipant *p = g_ptr_array_index (r->participants, j);

          if (g_strcmp0 (p->name, "陈申请") == 0)
            {
              found = TRUE;
              g_assert_cmpint (p->member_id, ==, 0);
              g_assert_cmpint (r->kind, ==, ZB_TALK_KIND_ADMISSION);
            }
        }
    }
  g_assert_true (found);
  /* The applicant is in the list; the committee member still owes the
   * talks with the committee. */
  text = widget_text (GTK_WIDGET (view ()));
  g_assert_nonnull (strstr (text, "陈申请"));
  g_assert_true (strv_has (_zb_talks_view_get_missing (view ()), "赵党员"));
  ui_test_save_screenshot (GTK_WIDGET (window), "talks-area-recorded");
  {
    GtkWidget *scrolled
        = gtk_widget_get_ancestor (GTK_WIDGET (view ()->talks_group), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment
        = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ui_test_save_screenshot (GTK_WIDGET (window), "talks-area-list");
    gtk_adjustment_set_value (adjustment, 0);
  }
}

/* The list shows date, people and kind: none of the protected texts. */
static void
test_list_without_contents (void)
{
  g_autofree char *text = widget_text (GTK_WIDGET (window));

  g_assert_null (strstr (text, SAID_BY_TALKER));
  g_assert_null (strstr (text, SAID_BY_OTHER));
  g_assert_null (strstr (text, RESPONSE));
  g_assert_nonnull (strstr (text, "李党员"));
}

static const char *
first_talk_uuid (void)
{
  static char *uuid;
  g_autoptr (GPtrArray) talks = NULL;

  if (uuid == NULL)
    {
      talks = list_talks ();
      for (guint i = 0; i < talks->len && uuid == NULL; i++)
        {
          const ZbTalkRecord *r = g_ptr_array_index (talks, i);

          if (r->kind == ZB_TALK_KIND_BEFORE_LIFE_MEETING)
            uuid = g_strdup (r->uuid);
        }
    }
  g_assert_nonnull (uuid);
  return uuid;
}

static GtkWindow *
open_contents_prompt (void)
{
  ZbContentsGuard *guard = _zb_talks_view_get_guard (view ());
  GtkWindow *prompt;

  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.open-contents", "s", first_talk_uuid ());
  ui_test_iterate_until_idle ();
  prompt = zb_contents_guard_get_prompt (guard);
  g_assert_nonnull (prompt);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prompt));
  return prompt;
}

static void
type_into_prompt (GtkWindow *prompt, const char *passphrase)
{
  GtkWidget *entry = ui_test_find_descendant (GTK_WIDGET (prompt), GTK_TYPE_PASSWORD_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), passphrase);
  g_signal_emit_by_name (entry, "activate");
  ui_test_iterate_until_idle ();
}

/* contents-recheck-minutes 0: a wrong passphrase opens nothing and records
 * nothing; the prompt says so calmly and stays. */
static void
test_contents_wrong_passphrase (void)
{
  GtkWindow *prompt = open_contents_prompt ();
  g_autofree char *text = NULL;

  ui_test_save_screenshot (GTK_WIDGET (prompt), "talks-passphrase-prompt");
  type_into_prompt (prompt, PASSPHRASE " wrong");

  g_assert_true (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())) == prompt);
  g_assert_null (find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG));
  g_assert_null (_zb_talks_view_get_dialog (view ()));
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 0);
  text = widget_text (GTK_WIDGET (prompt));
  g_assert_null (strstr (text, SAID_BY_TALKER));
  /* The field was wiped. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                       ui_test_find_descendant (GTK_WIDGET (prompt), GTK_TYPE_PASSWORD_ENTRY))),
                   ==, "");
  ui_test_save_screenshot (GTK_WIDGET (prompt), "talks-passphrase-wrong");
}

/* The right one: the contents, and exactly one audited opening. */
static void
test_contents_right_passphrase (void)
{
  GtkWindow *prompt = zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ()));
  GtkWindow *dialog;
  g_autofree char *text = NULL;

  g_assert_nonnull (prompt);
  type_into_prompt (prompt, PASSPHRASE);

  g_assert_null (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())));
  dialog = find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 1);
  text = widget_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, SAID_BY_TALKER));
  g_assert_nonnull (strstr (text, SAID_BY_OTHER));
  g_assert_nonnull (strstr (text, RESPONSE));
  ui_test_save_screenshot (GTK_WIDGET (dialog), "talks-contents");

  gtk_window_close (dialog);
  ui_test_iterate_until_idle ();
  g_assert_null (find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG));
}

/* Giving up at the prompt opens nothing. */
static void
test_contents_cancel (void)
{
  GtkWindow *prompt = open_contents_prompt ();

  gtk_window_close (prompt);
  ui_test_iterate_until_idle ();
  g_assert_null (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())));
  g_assert_null (find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG));
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 1);
}

/* From the contents, 编辑 opens the editor with them (no second opening);
 * what is changed there is saved. */
static void
test_contents_edit (void)
{
  g_autoptr (ZbTalkRepo) repo = zb_talk_repo_new (zb_window_get_database (window));
  g_autoptr (ZbTalkContents) contents = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *dialog;
  ZbTalkEditor *editor;

  type_into_prompt (open_contents_prompt (), PASSPHRASE);
  dialog = find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 2);
  click (ui_test_find_button (GTK_WIDGET (dialog), _ ("_Edit…"), NULL));
  g_assert_null (find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG));
  editor = ZB_TALK_EDITOR (_zb_talks_view_get_dialog (view ()));
  g_assert_true (ZB_IS_TALK_EDITOR (editor));
  g_assert_true (gtk_widget_is_visible (zb_talk_editor_get_field (editor, "said_by_other")));
  set_text (editor, "said_by_other", SAID_BY_OTHER "（补充）");
  save_editor (editor);

  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 2);
  contents = zb_talk_repo_load_contents (repo, first_talk_uuid (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents->said_by_other, ==, SAID_BY_OTHER "（补充）");
  g_assert_cmpstr (contents->said_by_talker, ==, SAID_BY_TALKER);
}

/* Editing a stored talk keeps its contents closed until opened; saving
 * other fields keeps them as stored. */
static void
test_edit_keeps_contents (void)
{
  g_autoptr (ZbTalkRepo) repo = zb_talk_repo_new (zb_window_get_database (window));
  g_autoptr (ZbTalkContents) contents = NULL;
  g_autoptr (GError) error = NULL;
  ZbTalkEditor *editor;

  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.edit", "s", first_talk_uuid ());
  ui_test_iterate_until_idle ();
  editor = ZB_TALK_EDITOR (_zb_talks_view_get_dialog (view ()));
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (zb_talk_editor_get_field (editor, "open-contents")));
  g_assert_false (gtk_widget_is_visible (zb_talk_editor_get_field (editor, "said_by_talker")));
  set_text (editor, "place", "党员活动室");
  save_editor (editor);

  g_assert_cmpint (count_audit ("talk", "update"), ==, 2);
  contents = zb_talk_repo_load_contents (repo, first_talk_uuid (), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents->said_by_talker, ==, SAID_BY_TALKER);
  g_assert_cmpstr (contents->response, ==, RESPONSE);
}

/* A follow-up marked done leaves the list, with its audit row. */
static void
test_action_done (void)
{
  g_autoptr (ZbTalkRepo) repo = zb_talk_repo_new (zb_window_get_database (window));
  g_autoptr (GPtrArray) open = zb_talk_repo_list_open_actions (repo, 0, NULL);
  GtkWidget *button;

  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpuint (_zb_talks_view_get_n_open_actions (view ()), ==, 1);
  button = ui_test_find_button (GTK_WIDGET (view ()), _ ("Mark _Done"), NULL);
  g_assert_nonnull (button);
  click (button);

  g_assert_cmpuint (_zb_talks_view_get_n_open_actions (view ()), ==, 0);
  g_assert_cmpint (count_audit ("talk_action", "done"), ==, 1);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = zb_talk_repo_list_open_actions (repo, 0, NULL);
  g_assert_cmpuint (open->len, ==, 0);
}

/* Recently checked, with the default of 10 minutes: no prompt, still
 * audited. */
static void
test_recently_checked (void)
{
  GtkWindow *dialog;

  g_settings_set_uint (settings, "contents-recheck-minutes", 10);
  g_assert_false (zb_contents_guard_needs_check (_zb_talks_view_get_guard (view ())));
  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.open-contents", "s", first_talk_uuid ());
  ui_test_iterate_until_idle ();
  g_assert_null (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())));
  dialog = find_toplevel (ZB_TYPE_TALK_CONTENTS_DIALOG);
  g_assert_nonnull (dialog);
  /* Four before (two through the window, two read by the tests), one now. */
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, 5);
  gtk_window_close (dialog);
  ui_test_iterate_until_idle ();
  g_settings_set_uint (settings, "contents-recheck-minutes", 0);
}

static gboolean
print_dialog_idle (gpointer data)
{
  GtkWindow *dialog = find_toplevel (ZB_TYPE_PRINT_DIALOG);

  return dialog != NULL && !zb_print_dialog_get_busy (ZB_PRINT_DIALOG (dialog));
}

/* The 谈心谈话记录表 holds the contents: asked for again, refused when given
 * up, and its making is an audited opening. */
static void
test_print_record (void)
{
  gint64 opened = count_audit ("talk", "open-contents");
  GtkWindow *prompt;
  GtkWindow *dialog;

  prompt = zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ()));
  g_assert_null (prompt);
  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.print-record", "s", first_talk_uuid ());
  ui_test_iterate_until_idle ();
  prompt = zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ()));
  g_assert_nonnull (prompt);
  gtk_window_close (prompt);
  ui_test_iterate_until_idle ();
  g_assert_null (find_toplevel (ZB_TYPE_PRINT_DIALOG));
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, opened);

  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.print-record", "s", first_talk_uuid ());
  ui_test_iterate_until_idle ();
  type_into_prompt (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())), PASSPHRASE);
  g_assert_true (ui_test_wait_for (print_dialog_idle, NULL, 60));
  dialog = find_toplevel (ZB_TYPE_PRINT_DIALOG);
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, opened + 1);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "talks-print-record");
  gtk_window_destroy (dialog);
  ui_test_iterate_until_idle ();

  /* The 统计表 holds no contents: no question, no opening. */
  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.print-stats", NULL);
  ui_test_iterate_until_idle ();
  g_assert_null (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())));
  g_assert_true (ui_test_wait_for (print_dialog_idle, NULL, 60));
  dialog = find_toplevel (ZB_TYPE_PRINT_DIALOG);
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, opened + 1);
  ui_test_save_screenshot (GTK_WIDGET (dialog), "talks-print-stats");
  gtk_window_destroy (dialog);
  ui_test_iterate_until_idle ();
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* Exported without contents unless chosen; with them only after the
 * re-check. */
static void
test_export (void)
{
  g_autofree char *plain = g_build_filename (tmpdir, "talks.csv", NULL);
  g_autofree char *full = g_build_filename (tmpdir, "talks-full.csv", NULL);
  g_autofree char *text = NULL;
  gint64 opened = count_audit ("talk", "open-contents");
  GtkWindow *prompt;

  _zb_talks_view_export_to (view (), plain, FALSE);
  ui_test_iterate_until_idle ();
  g_assert_null (zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ())));
  text = read_file (plain);
  g_assert_nonnull (strstr (text, "李党员"));
  g_assert_nonnull (strstr (text, "陈申请"));
  g_assert_null (strstr (text, SAID_BY_TALKER));
  g_assert_null (strstr (text, RESPONSE));
  g_assert_cmpint (count_audit ("talk", "open-contents"), ==, opened);
  g_clear_pointer (&text, g_free);

  _zb_talks_view_export_to (view (), full, TRUE);
  ui_test_iterate_until_idle ();
  prompt = zb_contents_guard_get_prompt (_zb_talks_view_get_guard (view ()));
  g_assert_nonnull (prompt);
  g_assert_false (g_file_test (full, G_FILE_TEST_EXISTS));
  type_into_prompt (prompt, PASSPHRASE);
  text = read_file (full);
  g_assert_nonnull (strstr (text, SAID_BY_TALKER));
  g_assert_cmpint (count_audit ("talk", "open-contents"), >, opened);
}

/* Locking leaves nothing of the talks on screen. */
static void
test_lock (void)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL);
  ui_test_iterate_until_idle ();
  g_assert_cmpstr (_zb_talks_view_get_state (view ()), ==, "empty");
  g_assert_cmpuint (_zb_talks_view_get_n_talks (view ()), ==, 0);
  /* Nothing opens on a locked workspace. */
  gtk_widget_activate_action (GTK_WIDGET (view ()), "talks.new", NULL);
  ui_test_iterate_until_idle ();
  g_assert_null (_zb_talks_view_get_dialog (view ()));
  g_assert_null (find_toplevel (ZB_TYPE_TALK_EDITOR));
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} CheckResult;

static void
on_checked (GObject *source, GAsyncResult *result, gpointer data)
{
  CheckResult *r = data;

  r->ok = zb_contents_guard_check_finish (ZB_CONTENTS_GUARD (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
check_done (gpointer data)
{
  return ((CheckResult *)data)->done;
}

static gboolean
run_check (ZbContentsGuard *guard, GError **error)
{
  CheckResult r = { 0 };

  zb_contents_guard_check_async (guard, NULL, on_checked, &r);
  g_assert_true (ui_test_wait_for (check_done, &r, 30));
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

/* A keyring workspace: the key is read again from the keyring and compared;
 * a missing key or another key opens nothing, with a sentence. */
static void
test_keyring_recheck (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "keyring.db", NULL);
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbSecret) other = zb_secret_new_random_key (NULL);
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbContentsGuard) guard = zb_contents_guard_new ();
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共示例支部委员会", NULL, ZB_PROTECTION_KEYRING };
  const char *uuid;

  db = zb_database_create (path, key, &setup, &error);
  g_assert_no_error (error);
  uuid = zb_database_get_uuid (db);
  zb_contents_guard_set_key_store (guard, store);
  zb_contents_guard_set_database (guard, db, g_get_monotonic_time ());
  g_assert_true (zb_contents_guard_needs_check (guard));

  /* No key stored: nothing opens. */
  g_assert_false (run_check (guard, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
  g_clear_error (&error);

  /* Another key under this workspace: nothing opens. */
  g_assert_true (zb_key_store_store_sync (store, uuid, path, setup.org_name, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (run_check (guard, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The right key: it opens, with no prompt. */
  g_assert_true (zb_key_store_store_sync (store, uuid, path, setup.org_name, key, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (run_check (guard, &error));
  g_assert_no_error (error);
  g_assert_null (zb_contents_guard_get_prompt (guard));

  /* Locked: nothing opens. */
  zb_contents_guard_set_database (guard, NULL, 0);
  g_assert_false (run_check (guard, &error));
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CLOSED);
  zb_database_close (db);
}

/* A workspace with nobody on the roster and no talks: the area says what to
 * do instead of showing empty lists. */
static void
test_empty_state (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "empty.db", NULL);
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbTalkRepo) talks = NULL;
  g_autoptr (ZbMemberRepo) members = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共示例支部委员会", NULL, ZB_PROTECTION_PASSPHRASE };
  GtkWidget *toplevel = gtk_window_new ();
  ZbTalksView *empty = zb_talks_view_new ();

  db = zb_database_create (path, secret, &setup, &error);
  g_assert_no_error (error);
  talks = zb_talk_repo_new (db);
  members = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  gtk_window_set_default_size (GTK_WINDOW (toplevel), 1000, 640);
  gtk_window_set_child (GTK_WINDOW (toplevel), GTK_WIDGET (empty));
  zb_talks_view_set_repos (empty, talks, members, org);
  gtk_window_present (GTK_WINDOW (toplevel));
  g_assert_true (ui_test_wait_for (ui_test_widget_mapped, empty, 10));
  gtk_test_widget_wait_for_draw (toplevel);

  g_assert_cmpstr (_zb_talks_view_get_state (empty), ==, "empty");
  g_assert_nonnull (ui_test_find_descendant (GTK_WIDGET (empty), ADW_TYPE_STATUS_PAGE));
  ui_test_save_screenshot (toplevel, "talks-area-empty");

  zb_talks_view_set_repos (empty, NULL, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (toplevel));
  ui_test_iterate_until_idle ();
  zb_database_close (db);
}

static ZbMemberRecord *
new_record (const char *name, int seq, gint64 branch_id)
{
  ZbMemberRecord *r = zb_member_record_new ();
  char digits[19];

  g_snprintf (digits, sizeof digits, "%s%s%03d", "110105", "19750101", seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  r->name = g_strdup (name);
  r->id_number = g_strdup (digits);
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("2001-07-01");
  r->full_date = g_strdup ("2002-07-01");
  r->branch_id = branch_id;
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
  g_autoptr (GError) error = NULL;
  const char *names[] = { "张书记", "王委员", "李党员", "赵党员", "孙党员" };
  ZbWorkspaceSetup setup = {
    .org_name = "中共示例社区第一支部委员会",
    .superior_name = NULL,
    .protection = ZB_PROTECTION_PASSPHRASE,
  };

  workspace_path = g_build_filename (tmpdir, "talks.db", NULL);
  db = zb_database_create (workspace_path, secret, &setup, &error);
  g_assert_no_error (error);
  repo = zb_member_repo_new (db);
  org = zb_org_repo_new (db);
  branch = zb_org_repo_create_unit (org, ZB_ORG_UNIT_BRANCH, 0, "第一党支部", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (ZbMemberRecord) r = new_record (names[i], (int)i * 2 + 1, branch->id);

      g_assert_true (zb_member_repo_insert (repo, r, &error));
      g_assert_no_error (error);
      if (i == 0)
        secretary_id = r->id;
      else if (i == 1)
        committee_id = r->id;
      else if (i == 2)
        member_id = r->id;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (ZbPartyPost) post = zb_org_repo_add_post (
          org, i == 0 ? secretary_id : committee_id, branch->id, 0,
          i == 0 ? ZB_POST_SECRETARY : ZB_POST_ORGANISATION, "2020-01-01", NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (post);
    }
  zb_database_close (db);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  ui_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("test-talks-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *keyring = g_build_filename (tmpdir, "keyring", NULL);

    g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
    g_setenv ("SECRET_FILE_TEST_PASSWORD", "zhibu talks test", TRUE);
  }
  create_workspace ();

  /* Every opening asks, so that the prompt can be tested headless. */
  settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_set_uint (settings, "contents-recheck-minutes", 0);

  app = zb_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/talks/open", test_open);
  g_test_add_func ("/talks/record-member", test_record_member);
  g_test_add_func ("/talks/record-applicant", test_record_applicant);
  g_test_add_func ("/talks/list-without-contents", test_list_without_contents);
  g_test_add_func ("/talks/contents-wrong-passphrase", test_contents_wrong_passphrase);
  g_test_add_func ("/talks/contents-right-passphrase", test_contents_right_passphrase);
  g_test_add_func ("/talks/contents-cancel", test_contents_cancel);
  g_test_add_func ("/talks/contents-edit", test_contents_edit);
  g_test_add_func ("/talks/edit-keeps-contents", test_edit_keeps_contents);
  g_test_add_func ("/talks/action-done", test_action_done);
  g_test_add_func ("/talks/recently-checked", test_recently_checked);
  g_test_add_func ("/talks/print-record", test_print_record);
  g_test_add_func ("/talks/export", test_export);
  g_test_add_func ("/talks/lock", test_lock);
  g_test_add_func ("/talks/keyring-recheck", test_keyring_recheck);
  g_test_add_func ("/talks/empty-state", test_empty_state);

  ret = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_clear_object (&settings);
  g_free (workspace_path);
  g_free (tmpdir);
  return ret;
}
