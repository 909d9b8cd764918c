/* test-setup-assistant.c — the first-start assistant, in a real window, in zh_CN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ui-test-util.h"
#include "zb-keyring-unlock.h"
#include "zb-setup-assistant.h"

#define PASSPHRASE "长江黄河2026"

typedef struct
{
  GtkWidget *window;
  ZbSetupAssistant *assistant;
  ZbDatabase *created;
  guint n_created;
  guint n_cancelled;
  char *path;
} Fixture;

static GtkWidget *
child (Fixture *f, const char *name)
{
  GObject *object
      = gtk_widget_get_template_child (GTK_WIDGET (f->assistant), ZB_TYPE_SETUP_ASSISTANT, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static const char *
label_text (Fixture *f, const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (f, name)));
}

static void
set_text (Fixture *f, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (f, name)), text);
}

static void
click (Fixture *f, const char *name)
{
  GtkWidget *button = child (f, name);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
shows (Fixture *f, const char *name)
{
  return gtk_widget_get_visible (child (f, name));
}

static gboolean
on_page (Fixture *f, const char *page)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack"))), page) == 0;
}

static void
wait_idle (Fixture *f)
{
  while (zb_setup_assistant_get_busy (f->assistant))
    g_main_context_iteration (NULL, TRUE);
}

static void
on_created (ZbSetupAssistant *assistant, ZbDatabase *db, Fixture *f)
{
  g_assert_true (ZB_IS_DATABASE (db));
  g_set_object (&f->created, db);
  f->n_created++;
}

static void
on_cancelled (ZbSetupAssistant *assistant, Fixture *f)
{
  f->n_cancelled++;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autofree char *folder = g_strdelimit (g_strdup (g_test_get_path () + 1), "/", '-');

  /* A folder per test, which the assistant creates. */
  f->path = g_build_filename (g_getenv ("ZB_TEST_TMPDIR"), folder, "zhibu.db", NULL);
  f->assistant = zb_setup_assistant_new ();
  zb_setup_assistant_set_path (f->assistant, f->path);
  zb_setup_assistant_set_key_store (f->assistant, store);
  g_signal_connect (f->assistant, "created", G_CALLBACK (on_created), f);
  g_signal_connect (f->assistant, "cancelled", G_CALLBACK (on_cancelled), f);

  /* As the application shows it: a header bar above, 1366×768 (a common
   * office screen). */
  f->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (f->window), "支部党务");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1366, 768);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (f->assistant), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->assistant));
  adw_window_set_content (ADW_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->created != NULL)
    zb_database_close (f->created);
  g_clear_object (&f->created);
  gtk_window_destroy (GTK_WINDOW (f->window));
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

/* Page 1 filled, Next taken, page 2 showing. */
static void
fill_first_page (Fixture *f, const char *org, const char *superior)
{
  set_text (f, "org_entry", org);
  set_text (f, "superior_entry", superior);
  click (f, "next_button");
  g_assert_true (on_page (f, "protection"));
}

static void
choose_passphrase (Fixture *f, const char *passphrase, const char *confirm)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "passphrase_check")), TRUE);
  set_text (f, "passphrase_entry", passphrase);
  set_text (f, "confirm_entry", confirm);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  const char *org_error = _ ("Enter the name of the Party organisation.");

  /* A fresh assistant: nothing to complain about yet, but no way on. */
  g_assert_true (on_page (f, "organisation"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "next_button")));
  g_assert_false (shows (f, "org_message"));
  g_assert_false (shows (f, "cancel_button"));
  g_assert_false (shows (f, "back_button"));
  g_assert_false (shows (f, "create_button"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (child (f, "org_entry")),
                                   GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (child (f, "org_entry")),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
  screenshot (f, "setup-organisation");

  /* Only spaces, ASCII and full-width, is no name. */
  set_text (f, "org_entry", "  \u3000 ");
  g_assert_false (gtk_widget_is_sensitive (child (f, "next_button")));
  g_assert_true (shows (f, "org_message"));
  g_assert_cmpstr (label_text (f, "org_message"), ==, org_error);
  g_assert_true (gtk_widget_has_css_class (child (f, "org_entry"), "error"));
  screenshot (f, "setup-organisation-empty");

  set_text (f, "org_entry", "中共测试支部委员会");
  g_assert_true (gtk_widget_is_sensitive (child (f, "next_button")));
  g_assert_false (shows (f, "org_message"));

  click (f, "next_button");
  g_assert_true (on_page (f, "protection"));
  g_assert_true (shows (f, "back_button"));
  g_assert_true (shows (f, "create_button"));
  g_assert_false (shows (f, "next_button"));

  /* The keyring is the default, and needs nothing more. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "keyring_check"))));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "passphrase_revealer"))));
  g_assert_true (gtk_widget_is_sensitive (child (f, "create_button")));
  screenshot (f, "setup-protection");
  assert_controls_named (GTK_WIDGET (f->assistant));

  /* A passphrase: off until it is long enough and typed twice alike. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (f, "passphrase_check")), TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "passphrase_revealer"))));
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));

  set_text (f, "passphrase_entry", "abc1234");
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));
  g_assert_true (gtk_widget_has_css_class (child (f, "passphrase_message"), "error"));
  g_assert_nonnull (strstr (label_text (f, "passphrase_message"), "8"));

  set_text (f, "passphrase_entry", PASSPHRASE);
  g_assert_false (gtk_widget_has_css_class (child (f, "passphrase_message"), "error"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));

  set_text (f, "confirm_entry", "长江黄河2025");
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));
  g_assert_true (shows (f, "confirm_message"));
  g_assert_cmpstr (label_text (f, "confirm_message"), ==,
                   _ ("The two passphrases are not the same."));
  screenshot (f, "setup-passphrase-mismatch");

  set_text (f, "passphrase_entry", "short");
  g_assert_true (gtk_widget_has_css_class (child (f, "passphrase_message"), "error"));
  screenshot (f, "setup-passphrase-short");

  set_text (f, "passphrase_entry", PASSPHRASE);
  set_text (f, "confirm_entry", PASSPHRASE);
  g_assert_false (shows (f, "confirm_message"));
  g_assert_true (gtk_widget_is_sensitive (child (f, "create_button")));

  /* Going back keeps what was typed; an emptied name turns Create off too. */
  click (f, "back_button");
  g_assert_true (on_page (f, "organisation"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "org_entry"))), ==,
                   "中共测试支部委员会");
  set_text (f, "org_entry", "");
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));
  g_assert_false (gtk_widget_is_sensitive (child (f, "next_button")));

  /* Nothing was created by any of this. */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (f->n_created, ==, 0);

  /* Reset empties everything. */
  zb_setup_assistant_reset (f->assistant);
  g_assert_true (on_page (f, "organisation"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "passphrase_entry"))), ==, "");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "keyring_check"))));
  g_assert_false (shows (f, "org_message"));
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_assert_false (shows (f, "cancel_button"));

  zb_setup_assistant_set_can_cancel (f->assistant, TRUE);
  g_assert_true (shows (f, "cancel_button"));
  click (f, "cancel_button");
  g_assert_cmpuint (f->n_cancelled, ==, 1);

  /* On the second page too. */
  fill_first_page (f, "中共测试支部委员会", "");
  click (f, "cancel_button");
  g_assert_cmpuint (f->n_cancelled, ==, 2);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));

  zb_setup_assistant_set_can_cancel (f->assistant, FALSE);
  g_assert_false (shows (f, "cancel_button"));
}

static void
test_create_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org = NULL;
  g_autofree char *superior = NULL;

  /* Pasted with surrounding ASCII and full-width spaces: stored trimmed. */
  fill_first_page (f, " \u3000中共测试支部委员会\u3000 ", "\u3000中共测试委员会 ");
  choose_passphrase (f, PASSPHRASE, PASSPHRASE);

  click (f, "create_button");
  /* Key derivation takes a moment: the assistant says it is working meanwhile. */
  g_assert_true (zb_setup_assistant_get_busy (f->assistant));
  g_assert_true (shows (f, "busy_box"));
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));
  g_assert_false (gtk_widget_is_sensitive (child (f, "passphrase_revealer")));
  g_assert_cmpuint (f->n_created, ==, 0);
  /* (Likely, not certainly, still at work when drawn.) */
  screenshot (f, "setup-creating");
  wait_idle (f);

  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_nonnull (f->created);
  g_assert_cmpint (zb_database_get_protection (f->created), ==, ZB_PROTECTION_PASSPHRASE);
  g_assert_false (shows (f, "busy_box"));
  /* The passphrase does not stay in the fields. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "passphrase_entry"))), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "confirm_entry"))), ==, "");

  zb_database_close (f->created);
  g_clear_object (&f->created);

  secret = zb_secret_new_passphrase (PASSPHRASE);
  db = zb_database_open (f->path, secret, &error);
  g_assert_no_error (error);
  org = zb_database_dup_org_name (db);
  superior = zb_database_dup_superior_name (db);
  g_assert_cmpstr (org, ==, "中共测试支部委员会");
  g_assert_cmpstr (superior, ==, "中共测试委员会");
  g_assert_cmpint (zb_database_get_protection (db), ==, ZB_PROTECTION_PASSPHRASE);
  zb_database_close (db);
}

static void
test_create_keyring (Fixture *f, gconstpointer data)
{
  g_autoptr (ZbKeyStore) store = zb_key_store_new ();
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;

  fill_first_page (f, "中共测试第二支部委员会", "");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "keyring_check"))));
  click (f, "create_button");
  wait_idle (f);

  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpint (zb_database_get_protection (f->created), ==, ZB_PROTECTION_KEYRING);
  uuid = g_strdup (zb_database_get_uuid (f->created));
  zb_database_close (f->created);
  g_clear_object (&f->created);

  /* The key is in the keyring: the workspace opens without a passphrase. */
  db = zb_open_with_keyring_sync (store, f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (zb_database_get_uuid (db), ==, uuid);
  zb_database_close (db);
}

static void
test_never_overwrite (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (f->path, "precious", -1, &error);
  g_assert_no_error (error);

  fill_first_page (f, "中共测试支部委员会", "");
  click (f, "create_button");
  wait_idle (f);

  g_assert_cmpuint (f->n_created, ==, 0);
  g_assert_true (shows (f, "create_message"));
  g_assert_cmpstr (label_text (f, "create_message"), !=, "");
  g_file_get_contents (f->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "precious");
  screenshot (f, "setup-exists");
}

/* The keyring-less test runs in a subprocess with a session bus of its own on
 * which no Secret Service can be activated, as on a desktop without a keyring. */
static GSubprocess *bus_daemon;

static void
test_keyring_fails (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_nonnull (bus_daemon);
  fixture_set_up (f, NULL);

  fill_first_page (f, "中共测试支部委员会", "");
  click (f, "create_button");
  wait_idle (f);

  /* The key could not be kept: the new, empty file is gone again … */
  g_assert_cmpuint (f->n_created, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);

      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }

  /* … the user is told why, and the passphrase is chosen instead. */
  g_assert_true (shows (f, "create_message"));
  g_assert_cmpstr (label_text (f, "create_message"), ==,
                   _ ("The system keyring is not available or is locked, so please protect the "
                      "workspace with a passphrase instead."));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (f, "passphrase_check"))));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "passphrase_revealer"))));
  g_assert_false (gtk_widget_is_sensitive (child (f, "create_button")));
  screenshot (f, "setup-keyring-failed");

  /* … and can go on with a passphrase. */
  set_text (f, "passphrase_entry", PASSPHRASE);
  set_text (f, "confirm_entry", PASSPHRASE);
  click (f, "create_button");
  wait_idle (f);
  g_assert_cmpuint (f->n_created, ==, 1);
  g_assert_cmpint (zb_database_get_protection (f->created), ==, ZB_PROTECTION_PASSPHRASE);

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

  /* In zh_CN (also when run by hand), without animations. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  ui_test_init (&argc, &argv);
  /* Before libadwaita connects to the session bus (to look for the settings
   * portal): the keyring-less test's bus must be the one everybody uses. */
  if (g_test_subprocess ())
    bus_daemon = ui_test_start_bus_without_keyring ();
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/setup-assistant/validation", test_validation);
  ADD ("/setup-assistant/cancel", test_cancel);
  ADD ("/setup-assistant/create-passphrase", test_create_passphrase);
  ADD ("/setup-assistant/create-keyring", test_create_keyring);
  ADD ("/setup-assistant/never-overwrite", test_never_overwrite);
#undef ADD
  g_test_add_func ("/setup-assistant/keyring-fails", test_keyring_fails);

  status = g_test_run ();

  if (bus_daemon != NULL)
    g_subprocess_force_exit (bus_daemon);
  g_clear_object (&bus_daemon);

  return status;
}
