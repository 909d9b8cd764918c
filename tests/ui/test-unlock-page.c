/* test-unlock-page.c — unlocking a workspace, in a real window, in zh_CN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "zb-database-private.h"
#include "zb-unlock-page.h"

#define PASSPHRASE "长江黄河2026"

typedef struct
{
  GtkWidget *window;
  ZbUnlockPage *page;
  ZbKeyStore *store;
  ZbDatabase *unlocked;
  guint n_unlocked;
  guint n_open_workspace;
  guint n_new_workspace;
  gboolean asked_passphrase;
  char *path;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), ZB_TYPE_UNLOCK_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
label_text (Fixture *f, const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (f, name)));
}

static gboolean
shows (Fixture *f, const char *name)
{
  return gtk_widget_get_visible (child (f, name));
}

static const char *
current_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
}

static void
wait_idle (Fixture *f)
{
  while (zb_unlock_page_get_busy (f->page))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
passphrase_has_focus (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, child (f, "passphrase_entry"));
}

static void
on_unlocked (ZbUnlockPage *page, ZbDatabase *db, Fixture *f)
{
  g_assert_true (ZB_IS_DATABASE (db));
  g_set_object (&f->unlocked, db);
  f->n_unlocked++;
}

static void
on_page_changed (GtkStack *stack, GParamSpec *pspec, Fixture *f)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "passphrase") == 0)
    f->asked_passphrase = TRUE;
}

static void
on_open_workspace (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ((Fixture *)user_data)->n_open_workspace++;
}

static void
on_new_workspace (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ((Fixture *)user_data)->n_new_workspace++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static const GActionEntry win_actions[] = {
    { "open-workspace", on_open_workspace },
    { "new-workspace", on_new_workspace },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *folder = g_strdelimit (g_strdup (g_test_get_path () + 1), "/", '-');
  g_autofree char *dir = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  double scale = 0;

  dir = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), folder, NULL);
  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  f->path = g_build_filename (dir, "zhibu.db", NULL);

  f->store = zb_key_store_new ();
  f->page = zb_unlock_page_new ();
  zb_unlock_page_set_key_store (f->page, f->store);
  /* Waits after wrong passphrases pass twenty times faster (main () set
   * ZB_UNLOCK_DELAY_SCALE). */
  g_object_get (f->page, "delay-scale", &scale, NULL);
  g_assert_cmpfloat_with_epsilon (scale, 0.05, 1e-9);
  g_signal_connect (f->page, "unlocked", G_CALLBACK (on_unlocked), f);
  g_signal_connect (child (f, "stack"), "notify::visible-child", G_CALLBACK (on_page_changed), f);

  f->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), "支部党务");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  g_action_map_add_action_entries (G_ACTION_MAP (group), win_actions, G_N_ELEMENTS (win_actions),
                                   f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->page), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->page));
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->unlocked != NULL)
    zb_database_close (f->unlocked);
  g_clear_object (&f->unlocked);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  g_free (f->path);
}

static void
screenshot (Fixture *f, const char *name)
{
  ui_test_save_screenshot (f->window, name);
}

/* Every control under @widget that a screen reader announces has a name: its
 * own label, an accessible label, or a labelling widget. */
static void
assert_controls_named (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAccessible *accessible = GTK_ACCESSIBLE (child);
      gboolean named
          = gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL)
            || gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      switch ((int)gtk_accessible_get_accessible_role (accessible))
        {
        case GTK_ACCESSIBLE_ROLE_BUTTON:
          named = named || (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)));
          break;
        case GTK_ACCESSIBLE_ROLE_CHECKBOX:
        case GTK_ACCESSIBLE_ROLE_RADIO:
          named = named
                  || (GTK_IS_CHECK_BUTTON (child)
                      && gtk_check_button_get_label (GTK_CHECK_BUTTON (child)));
          break;
        case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
        case GTK_ACCESSIBLE_ROLE_PROGRESS_BAR:
          break;
        default:
          named = TRUE;
        }

      if (!named)
        g_test_message ("unnamed control: %s", G_OBJECT_TYPE_NAME (child));
      g_assert_true (named);
      assert_controls_named (child);
    }
}

static void
create_passphrase_workspace (Fixture *f)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_PASSPHRASE };

  db = zb_database_create (f->path, secret, &setup, &error);
  g_assert_no_error (error);
  zb_database_close (db);
}

static void
type_passphrase (Fixture *f, const char *text)
{
  GtkWidget *entry = child (f, "passphrase_entry");

  g_assert_true (gtk_widget_is_sensitive (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter in the field unlocks. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (zb_unlock_page_get_busy (f->page));
  /* The passphrase left the field as soon as it was taken. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  wait_idle (f);
}

static void
assert_error_page (Fixture *f, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  g_assert_cmpstr (current_page (f), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (child (f, "error_page"))), ==,
                   escaped);
  /* No passphrase field that could only ever fail. */
  g_assert_false (gtk_widget_get_mapped (child (f, "passphrase_entry")));
  g_assert_cmpuint (f->n_unlocked, ==, 0);
}

static void
test_delay_schedule (void)
{
  static const guint expected[] = { 0, 0, 0, 2, 4, 8, 16, 30, 30, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (zb_unlock_delay_seconds (i), ==, expected[i]);

  g_assert_cmpuint (zb_unlock_delay_seconds (1000), ==, 30);
  g_assert_cmpuint (zb_unlock_delay_seconds (G_MAXUINT), ==, 30);
}

static void
test_passphrase (Fixture *f, gconstpointer data)
{
  const char *wrong = _ ("The passphrase is not correct. Please try again.");
  g_autofree char *wait_2 = NULL;
  GtkWidget *entry;

  create_passphrase_workspace (f);

  /* The keyring has no key for it: the page says so and asks. */
  zb_unlock_page_unlock (f->page, f->path, FALSE);
  wait_idle (f);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  g_assert_cmpstr (label_text (f, "reason_label"), ==,
                   _ ("The keyring holds no key for this workspace; enter its passphrase."));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (f, "passphrase_page"))), ==,
                   _ ("Unlock the Workspace"));
  g_assert_nonnull (
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (child (f, "passphrase_page"))),
              "zhibu.db"));
  entry = child (f, "passphrase_entry");
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (entry),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  g_assert_true (passphrase_has_focus (f));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->window))
                 == child (f, "unlock_button"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "unlock_button")));
  g_assert_true (shows (f, "retry_keyring_button"));
  g_assert_false (shows (f, "message_label"));
  screenshot (f, "unlock-passphrase");
  assert_controls_named (GTK_WIDGET (f->page));

  /* Asking the keyring again (say, after unlocking it) gives the same answer. */
  gtk_widget_grab_focus (child (f, "retry_keyring_button"));
  g_signal_emit_by_name (child (f, "retry_keyring_button"), "clicked");
  g_assert_cmpstr (current_page (f), ==, "working");
  wait_idle (f);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  g_assert_true (passphrase_has_focus (f));

  /* Wrong once: a sentence, the field cleared and focused for the next try. */
  type_passphrase (f, "长江黄河2025");
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 1);
  g_assert_true (shows (f, "message_label"));
  g_assert_cmpstr (label_text (f, "message_label"), ==, wrong);
  g_assert_true (gtk_widget_is_sensitive (entry));
  g_assert_true (passphrase_has_focus (f));
  g_assert_false (shows (f, "countdown_label"));
  g_assert_cmpuint (f->n_unlocked, ==, 0);
  screenshot (f, "unlock-wrong-passphrase");

  /* Twice: still no wait. */
  type_passphrase (f, "长江黄河2024");
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 2);
  g_assert_false (shows (f, "countdown_label"));
  g_assert_true (gtk_widget_is_sensitive (entry));

  /* The third time (through the button) costs a wait, counted down. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "长江黄河2023");
  g_assert_true (gtk_widget_is_sensitive (child (f, "unlock_button")));
  g_signal_emit_by_name (child (f, "unlock_button"), "clicked");
  wait_idle (f);
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 3);
  g_assert_true (shows (f, "message_label"));
  g_assert_true (shows (f, "countdown_label"));
  wait_2 = g_strdup_printf (ngettext ("Please wait %u second before trying again",
                                      "Please wait %u seconds before trying again", 2),
                            2);
  g_assert_cmpstr (label_text (f, "countdown_label"), ==, wait_2);
  g_assert_false (gtk_widget_is_sensitive (entry));
  g_assert_false (gtk_widget_is_sensitive (child (f, "unlock_button")));
  screenshot (f, "unlock-countdown");

  /* Pressing Enter meanwhile does nothing. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (zb_unlock_page_get_busy (f->page));

  /* The countdown runs down (to 1 second) and ends. */
  while (g_strcmp0 (label_text (f, "countdown_label"), wait_2) == 0 && shows (f, "countdown_label"))
    g_main_context_iteration (NULL, TRUE);
  while (!gtk_widget_is_sensitive (entry))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (shows (f, "countdown_label"));
  g_assert_true (passphrase_has_focus (f));

  /* The fourth wrong one waits again. */
  type_passphrase (f, "长江黄河2022");
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 4);
  g_assert_false (gtk_widget_is_sensitive (entry));
  while (!gtk_widget_is_sensitive (entry))
    g_main_context_iteration (NULL, TRUE);

  /* The right passphrase opens it, and the count starts again. */
  type_passphrase (f, PASSPHRASE);
  g_assert_cmpuint (f->n_unlocked, ==, 1);
  g_assert_true (zb_database_is_open (f->unlocked));
  g_assert_cmpint (zb_database_get_protection (f->unlocked), ==, ZB_PROTECTION_PASSPHRASE);
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_locked (Fixture *f, gconstpointer data)
{
  create_passphrase_workspace (f);

  zb_unlock_page_unlock (f->page, f->path, TRUE);
  wait_idle (f);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (child (f, "passphrase_page"))), ==,
                   _ ("Locked"));
  g_assert_nonnull (
      strstr (adw_status_page_get_description (ADW_STATUS_PAGE (child (f, "passphrase_page"))),
              "zhibu.db"));
  g_assert_cmpstr (label_text (f, "reason_label"), ==,
                   _ ("Enter the passphrase to continue, or unlock with the system keyring if the "
                      "key is kept there."));
  /* The lock screen never tries anything by itself. */
  g_assert_false (zb_unlock_page_get_busy (f->page));
  screenshot (f, "unlock-locked");

  /* A reset (the window leaving the page) takes the typed passphrase away. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "passphrase_entry")), "长江");
  zb_unlock_page_reset (f->page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "passphrase_entry"))), ==, "");
  g_assert_false (gtk_widget_is_sensitive (child (f, "unlock_button")));

  /* Through the button, as from the keyboard (a button activated by a key
   * clicks after showing itself pressed for a moment). */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "passphrase_entry")), PASSPHRASE);
  g_assert_true (gtk_widget_activate (child (f, "unlock_button")));
  while (f->n_unlocked == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (zb_database_is_open (f->unlocked));
}

static void
test_missing_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (zb_database_probe (f->path, &error));
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND);

  zb_unlock_page_unlock (f->page, f->path, FALSE);
  assert_error_page (f, error->message);
  g_assert_false (zb_unlock_page_get_busy (f->page));
  g_assert_false (f->asked_passphrase);
  screenshot (f, "unlock-error-missing");

  /* Its buttons lead to the window's actions. */
  g_assert_true (gtk_widget_activate (child (f, "error_open_button")));
  while (f->n_open_workspace == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (f->n_new_workspace, ==, 0);
}

static void
test_not_a_database (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (f->path, "姓名,性别,民族\n张三,男,汉族\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (zb_database_probe (f->path, &error));
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE);

  zb_unlock_page_unlock (f->page, f->path, FALSE);
  assert_error_page (f, error->message);
  g_assert_false (f->asked_passphrase);
  screenshot (f, "unlock-error-not-a-database");
}

static void
test_too_new (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbSecret) secret = zb_secret_new_passphrase (PASSPHRASE);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pragma = NULL;

  create_passphrase_workspace (f);
  db = zb_database_open (f->path, secret, &error);
  g_assert_no_error (error);
  pragma = g_strdup_printf ("PRAGMA user_version = %d", zb_database_get_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (_zb_database_get_handle (db), pragma, NULL, NULL, NULL), ==,
                   SQLITE_OK);
  zb_database_close (db);
  g_clear_object (&db);

  db = zb_database_open (f->path, secret, &error);
  g_assert_null (db);
  g_assert_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_TOO_NEW);

  zb_unlock_page_unlock (f->page, f->path, FALSE);
  wait_idle (f);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  type_passphrase (f, PASSPHRASE);
  assert_error_page (f, error->message);
  /* Not a wrong passphrase: nothing counts against the user. */
  g_assert_cmpuint (zb_unlock_page_get_failed_attempts (f->page), ==, 0);
  screenshot (f, "unlock-error-too-new");
}

static void
test_keyring (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbSecret) key = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  ZbWorkspaceSetup setup = { "中共测试支部委员会", NULL, ZB_PROTECTION_KEYRING };
  GtkWidget *spinner;

  db = zb_database_create (f->path, key, &setup, &error);
  g_assert_no_error (error);
  uuid = g_strdup (zb_database_get_uuid (db));
  zb_key_store_store_sync (f->store, uuid, f->path, setup.org_name, key, NULL, &error);
  g_assert_no_error (error);
  zb_database_close (db);

  /* Silently, with only a spinner while the keyring answers. */
  zb_unlock_page_unlock (f->page, f->path, FALSE);
  g_assert_true (zb_unlock_page_get_busy (f->page));
  g_assert_cmpstr (current_page (f), ==, "working");
  spinner = gtk_widget_get_first_child (
      gtk_stack_get_child_by_name (GTK_STACK (child (f, "stack")), "working"));
  g_assert_true (GTK_IS_SPINNER (spinner));
  g_assert_true (gtk_widget_get_mapped (spinner));
  wait_idle (f);

  g_assert_cmpuint (f->n_unlocked, ==, 1);
  g_assert_false (f->asked_passphrase);
  g_assert_cmpstr (zb_database_get_uuid (f->unlocked), ==, uuid);
  zb_database_close (f->unlocked);
  g_clear_object (&f->unlocked);

  /* The lock screen of a keyring workspace stays locked until the user asks
   * for the keyring; then it unlocks without a passphrase. */
  zb_unlock_page_unlock (f->page, f->path, TRUE);
  wait_idle (f);
  g_assert_cmpuint (f->n_unlocked, ==, 1);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (f, "retry_keyring_button"))), ==,
                   _ ("Unlock with the Keyring"));
  g_signal_emit_by_name (child (f, "retry_keyring_button"), "clicked");
  while (f->n_unlocked < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (zb_database_is_open (f->unlocked));
}

/* On a desktop where no Secret Service answers at all, a passphrase workspace
 * still opens: the page says the keyring is not answering and asks for the
 * passphrase, and nothing crashes or hangs. Runs in a subprocess whose session
 * bus has no services (see main ()). */
static GSubprocess *bus_daemon;

static void
test_no_keyring_service (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_nonnull (bus_daemon);
  fixture_set_up (f, NULL);
  create_passphrase_workspace (f);

  zb_unlock_page_unlock (f->page, f->path, FALSE);
  wait_idle (f);
  g_assert_cmpstr (current_page (f), ==, "passphrase");
  g_assert_true (shows (f, "reason_label"));
  g_assert_cmpstr (label_text (f, "reason_label"), ==,
                   _ ("The system keyring is not answering or is locked; enter the passphrase to "
                      "unlock."));
  screenshot (f, "unlock-no-keyring-service");

  gtk_editable_set_text (GTK_EDITABLE (child (f, "passphrase_entry")), PASSPHRASE);
  g_signal_emit_by_name (child (f, "unlock_button"), "clicked");
  while (f->n_unlocked == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (zb_database_is_open (f->unlocked));

  fixture_tear_down (f, NULL);
}

int
main (int argc, char **argv)
{
  g_autofree char *keyring = NULL;
  int status;

  /* libsecret's file backend, before any thread starts. */
  keyring = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), "keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", keyring, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "zhibu test", TRUE);
  g_setenv ("ZB_UNLOCK_DELAY_SCALE", "0.05", TRUE);

  /* In zh_CN (also when run by hand), without animations. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  ui_test_init (&argc, &argv);
  /* Before libadwaita connects to the session bus: the keyring-less test's bus
   * must be the one everybody uses. */
  if (g_test_subprocess ())
    bus_daemon = ui_test_start_bus_without_keyring ();
  adw_init ();

  g_test_add_func ("/unlock-page/delay-schedule", test_delay_schedule);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/unlock-page/passphrase", test_passphrase);
  ADD ("/unlock-page/locked", test_locked);
  ADD ("/unlock-page/missing-file", test_missing_file);
  ADD ("/unlock-page/not-a-database", test_not_a_database);
  ADD ("/unlock-page/too-new", test_too_new);
  ADD ("/unlock-page/keyring", test_keyring);
#undef ADD
  g_test_add_func ("/unlock-page/no-keyring-service", test_no_keyring_service);

  status = g_test_run ();

  if (bus_daemon != NULL)
    g_subprocess_force_exit (bus_daemon);
  g_clear_object (&bus_daemon);

  return status;
}
