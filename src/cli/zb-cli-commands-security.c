/* zb-cli-commands-security.c — `zhibu-cli verify` and `zhibu-cli passwd`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "zb-audit.h"
#include "zb-cli-commands.h"
#include "zb-cli-passphrase.h"

int
zb_cli_command_verify (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) integrity_error = NULL;
  g_autoptr (GError) audit_error = NULL;
  g_autofree char *integrity_summary = NULL;
  g_autofree char *audit_summary = NULL;
  g_autoptr (GString) reasons = g_string_new (NULL);
  gint64 n_rows = 0;
  gint64 first_broken = 0;
  gboolean damaged = FALSE;
  gboolean failed = FALSE;
  int status;

  if (!zb_cli_context_parse (ctx, command, NULL, &argc, &argv, &status))
    return status;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  if (zb_database_check_integrity (db, &integrity_error))
    integrity_summary = g_strdup (C_ ("check result", "OK"));
  else
    {
      if (g_error_matches (integrity_error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_CORRUPT))
        {
          damaged = TRUE;
          integrity_summary = g_strdup (C_ ("check result", "damaged"));
        }
      else
        {
          failed = TRUE;
          integrity_summary = g_strdup (C_ ("check result", "could not be checked"));
        }
      g_string_append (reasons, integrity_error->message);
    }

  /* The audit chain is walked even on a damaged file: which rows still verify
   * tells the user how much of the history can be trusted. */
  if (zb_audit_verify (db, &n_rows, &first_broken, &audit_error))
    {
      /* numbers are formatted apart: xgettext cannot read G_GINT64_FORMAT */
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_rows);

      audit_summary = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "OK, %s row", "OK, %s rows", (gulong)n_rows), count);
    }
  else
    {
      if (reasons->len > 0)
        g_string_append_c (reasons, ' ');

      if (g_error_matches (audit_error, ZB_AUDIT_ERROR, ZB_AUDIT_ERROR_BROKEN_CHAIN))
        {
          g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, first_broken);

          damaged = TRUE;
          /* TRANSLATORS: %s is the sequence number of an audit log row */
          audit_summary = g_strdup_printf (_ ("broken at row %s"), row);
          /* The row number is given here whatever the core's message says: it is
           * what the user needs to look up. */
          g_string_append_printf (
              reasons,
              /* TRANSLATORS: %s is the sequence number of an audit log row */
              _ ("The audit log is broken at row %s: a record of changes was altered, removed or "
                 "inserted."),
              row);
        }
      else
        {
          failed = TRUE;
          audit_summary = g_strdup (C_ ("check result", "could not be checked"));
          g_string_append (reasons, audit_error->message);
        }
    }

  {
    const char *pairs[] = {
      _ ("Database file:"), integrity_summary, _ ("Audit log:"), audit_summary, NULL,
    };

    zb_cli_print_aligned (pairs);
  }

  zb_database_close (db);

  if (damaged || failed)
    {
      g_set_error_literal (&error, ZB_CLI_ERROR,
                           damaged ? ZB_CLI_ERROR_DAMAGED : ZB_CLI_ERROR_FAILED, reasons->str);
      return zb_cli_context_fail (ctx, error);
    }

  return ZB_CLI_EXIT_OK;
}

/* Keyring → passphrase, or passphrase → passphrase. */
static int
move_to_passphrase (ZbCliContext *ctx, ZbDatabase *db, ZbProtection from, ZbSecret *passphrase)
{
  g_autoptr (GError) error = NULL;

  if (!zb_database_rekey (db, passphrase, ZB_PROTECTION_PASSPHRASE, &error))
    return zb_cli_context_fail (ctx, error);

  if (from == ZB_PROTECTION_KEYRING)
    {
      /* The workspace is safe now: the passphrase opens it. A key left in the
       * keyring opens nothing, so failing to remove it only merits a warning. */
      if (!zb_key_store_forget_sync (zb_cli_context_get_key_store (ctx), zb_database_get_uuid (db),
                                     NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (
              /* TRANSLATORS: %s is the keyring's own message */
              _ ("The old key could not be removed from the keyring: %s"), error->message);

          zb_cli_warning (message);
        }

      g_print ("%s\n", _ ("The workspace is now protected by a passphrase. Keep it safe: without "
                          "it the workspace cannot be opened."));
    }
  else
    g_print ("%s\n", _ ("The passphrase was changed."));

  return ZB_CLI_EXIT_OK;
}

/* Passphrase → keyring. The new key goes into the keyring before the file is
 * rekeyed, and out again if the rekey fails: at no moment is the workspace
 * locked with a key that nobody has. */
static int
move_to_keyring (ZbCliContext *ctx, ZbDatabase *db)
{
  ZbKeyStore *store = zb_cli_context_get_key_store (ctx);
  const char *uuid = zb_database_get_uuid (db);
  g_autoptr (ZbSecret) key = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *org_name = NULL;

  key = zb_secret_new_random_key (&error);
  if (key == NULL)
    return zb_cli_context_fail (ctx, error);

  org_name = zb_database_dup_org_name (db);
  if (!zb_key_store_store_sync (store, uuid, zb_database_get_path (db), org_name, key, NULL,
                                &error))
    {
      g_autoptr (GError) store_error = g_steal_pointer (&error);

      g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   /* TRANSLATORS: %s is the keyring's own message, a full sentence */
                   _ ("%s The workspace was not changed and its passphrase still opens it."),
                   store_error->message);
      return zb_cli_context_fail (ctx, error);
    }

  if (!zb_database_rekey (db, key, ZB_PROTECTION_KEYRING, &error))
    {
      g_autoptr (GError) forget_error = NULL;

      if (!zb_key_store_forget_sync (store, uuid, NULL, &forget_error))
        {
          g_autofree char *message
              = g_strdup_printf (_ ("The unused key could not be removed from the keyring: %s"),
                                 forget_error->message);

          zb_cli_warning (message);
        }

      return zb_cli_context_fail (ctx, error);
    }

  g_print ("%s\n", _ ("The workspace is now protected by a key in the desktop keyring."));

  return ZB_CLI_EXIT_OK;
}

int
zb_cli_command_passwd (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autofree char *to_arg = NULL;
  g_autofree char *new_file = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (ZbSecret) passphrase = NULL;
  g_autoptr (GError) error = NULL;
  ZbProtection from;
  ZbProtection to = ZB_PROTECTION_PASSPHRASE;
  gboolean to_given = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &to_arg,
      N_ ("Protect the workspace from now on with a key in the keyring or with a passphrase "
          "(default: keep the kind it has)"),
      "keyring|passphrase" },
    { "new-passphrase-file", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &new_file,
      N_ ("Read the new passphrase from the first line of FILE (else it is asked for twice on the "
          "terminal)"),
      N_ ("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  if (to_arg != NULL)
    {
      to_given = TRUE;
      if (g_str_equal (to_arg, "keyring"))
        to = ZB_PROTECTION_KEYRING;
      else if (g_str_equal (to_arg, "passphrase"))
        to = ZB_PROTECTION_PASSPHRASE;
      else
        {
          g_autofree char *message = g_strdup_printf (
              _ ("Unknown protection “%s”: use “keyring” or “passphrase”."), to_arg);

          return zb_cli_context_usage_error (ctx, command, message);
        }

      if (to == ZB_PROTECTION_KEYRING && new_file != NULL)
        return zb_cli_context_usage_error (
            ctx, command, _ ("--new-passphrase-file cannot be used with --to keyring."));
    }

  /* A new passphrase from a file is checked before the (slow) unlocking, so that
   * a too short one is refused at once. */
  if (new_file != NULL)
    {
      passphrase = zb_cli_read_new_passphrase (new_file, "--new-passphrase-file", &error);
      if (passphrase == NULL)
        return zb_cli_context_fail (ctx, error);
    }

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  from = zb_database_get_protection (db);
  if (!to_given)
    to = from;

  if (to == ZB_PROTECTION_KEYRING)
    {
      if (from == ZB_PROTECTION_KEYRING)
        {
          g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                       _ ("The workspace is already protected by a key in the keyring. To protect "
                          "it with a passphrase instead, use “--to passphrase”."));
          return zb_cli_context_fail (ctx, error);
        }

      status = move_to_keyring (ctx, db);
    }
  else
    {
      if (passphrase == NULL)
        {
          passphrase = zb_cli_read_new_passphrase (NULL, "--new-passphrase-file", &error);
          if (passphrase == NULL)
            return zb_cli_context_fail (ctx, error);
        }

      status = move_to_passphrase (ctx, db, from, passphrase);
    }

  zb_database_close (db);

  return status;
}
