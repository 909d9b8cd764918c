/* zb-cli-commands-workspace.c — `zhibu-cli init` and `zhibu-cli info`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "zb-cli-commands.h"
#include "zb-cli-passphrase.h"

static const char *
protection_to_string (ZbProtection protection)
{
  /* stable names for scripts and JSON; never translated */
  switch (protection)
    {
    case ZB_PROTECTION_KEYRING:
      return "keyring";
    case ZB_PROTECTION_PASSPHRASE:
      return "passphrase";
    default:
      return "unknown";
    }
}

static const char *
protection_to_label (ZbProtection protection)
{
  switch (protection)
    {
    case ZB_PROTECTION_KEYRING:
      return C_ ("protection", "key in the desktop keyring");
    case ZB_PROTECTION_PASSPHRASE:
      return C_ ("protection", "passphrase");
    default:
      return C_ ("protection", "unknown");
    }
}

static gboolean
parse_protection (const char *text, ZbProtection *protection)
{
  if (g_strcmp0 (text, "keyring") == 0)
    *protection = ZB_PROTECTION_KEYRING;
  else if (g_strcmp0 (text, "passphrase") == 0)
    *protection = ZB_PROTECTION_PASSPHRASE;
  else
    return FALSE;

  return TRUE;
}

/* Removes a workspace that was just created and could not be finished, with the
 * files SQLite keeps beside it. Only ever called on a file this process created. */
static void
remove_new_workspace (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *display = g_filename_display_name (file);
          g_autofree char *message = g_strdup_printf (_ ("The file “%s” could not be removed: %s"),
                                                      display, g_strerror (saved_errno));

          zb_cli_warning (message);
        }
    }
}

int
zb_cli_command_init (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autofree char *org_arg = NULL;
  g_autofree char *superior_arg = NULL;
  g_autofree char *protect_arg = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *superior_name = NULL;
  g_autoptr (ZbSecret) secret = NULL;
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *display_path = NULL;
  const char *passphrase_file;
  ZbWorkspaceSetup setup = { 0 };
  ZbProtection protection;
  const char *path;
  int status;
  const GOptionEntry entries[] = {
    /* FILENAME, not STRING: GOption would refuse UTF-8 names under LC_ALL=C;
     * zb_cli_arg_to_utf8() decides how to read them. */
    { "org-name", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &org_arg,
      N_ ("The name of the Party organisation (required)"), N_ ("NAME") },
    { "superior", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, &superior_arg,
      N_ ("The name of the Party committee above it"), N_ ("NAME") },
    { "protect", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, &protect_arg,
      N_ ("How the key is protected: “keyring” (the default; “passphrase” when --passphrase-file "
          "is given) or “passphrase”"),
      "keyring|passphrase" },
    G_OPTION_ENTRY_NULL
  };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  passphrase_file = zb_cli_context_get_passphrase_file (ctx);

  if (org_arg == NULL)
    return zb_cli_context_usage_error (
        ctx, command, _ ("The name of the organisation is missing: give it with --org-name."));

  org_name = zb_cli_arg_to_utf8 (org_arg, "--org-name", &error);
  if (org_name == NULL)
    return zb_cli_context_fail (ctx, error);
  g_strstrip (org_name);
  if (*org_name == '\0')
    return zb_cli_context_usage_error (ctx, command,
                                       _ ("The name of the organisation must not be empty."));

  if (superior_arg != NULL)
    {
      superior_name = zb_cli_arg_to_utf8 (superior_arg, "--superior", &error);
      if (superior_name == NULL)
        return zb_cli_context_fail (ctx, error);
      g_strstrip (superior_name);
    }

  if (protect_arg == NULL)
    protection = passphrase_file != NULL ? ZB_PROTECTION_PASSPHRASE : ZB_PROTECTION_KEYRING;
  else if (!parse_protection (protect_arg, &protection))
    {
      g_autofree char *message = g_strdup_printf (
          _ ("Unknown protection “%s”: use “keyring” or “passphrase”."), protect_arg);

      return zb_cli_context_usage_error (ctx, command, message);
    }

  if (protection == ZB_PROTECTION_KEYRING && passphrase_file != NULL)
    return zb_cli_context_usage_error (
        ctx, command, _ ("--passphrase-file cannot be used with --protect keyring."));

  if (protection == ZB_PROTECTION_PASSPHRASE)
    secret = zb_cli_read_new_passphrase (passphrase_file, "--passphrase-file", &error);
  else
    secret = zb_secret_new_random_key (&error);
  if (secret == NULL)
    return zb_cli_context_fail (ctx, error);

  path = zb_cli_context_get_path (ctx);
  setup.org_name = org_name;
  setup.superior_name = superior_name;
  setup.protection = protection;

  /* The core refuses an existing file; its message says so. */
  db = zb_database_create (path, secret, &setup, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  if (protection == ZB_PROTECTION_KEYRING
      && !zb_key_store_store_sync (zb_cli_context_get_key_store (ctx), zb_database_get_uuid (db),
                                   path, org_name, secret, NULL, &error))
    {
      g_autoptr (GError) store_error = g_steal_pointer (&error);

      /* A workspace whose key is nowhere could never be opened: remove it. */
      zb_database_close (db);
      g_clear_object (&db);
      remove_new_workspace (path);

      g_set_error (&error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   /* TRANSLATORS: %s is the keyring's own message, a full sentence */
                   _ ("%s The new workspace was removed again. To protect it with a passphrase "
                      "instead, use “--protect passphrase --passphrase-file FILE”."),
                   store_error->message);
      return zb_cli_context_fail (ctx, error);
    }

  display_path = g_filename_display_name (path);
  {
    const char *pairs[] = {
      _ ("Path:"), display_path, _ ("UUID:"), zb_database_get_uuid (db), NULL,
    };

    zb_cli_print_aligned (pairs);
  }

  zb_database_close (db);

  return ZB_CLI_EXIT_OK;
}

/* "2026年11月27日 09:23" in zh_CN, in local time; the stored text when it cannot
 * be read. */
static char *
format_timestamp (const char *iso8601)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);

  /* TRANSLATORS: a date and time for g_date_time_format(); zh_CN uses
   * "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (local, _ ("%Y-%m-%d %H:%M"));
}

static void
add_string_member (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_info_json (ZbDatabase *db, const char *cipher_version, const char *org_name,
                 const char *superior_name, const char *created_at, GArray *counts)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_filename_display_name (zb_database_get_path (db));
  gsize length = 0;

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, zb_database_get_schema_version (db));
  add_string_member (builder, "sqlcipher_version", cipher_version);
  add_string_member (builder, "uuid", zb_database_get_uuid (db));
  add_string_member (builder, "org_name", org_name);
  add_string_member (builder, "superior_name", superior_name);
  add_string_member (builder, "protection", protection_to_string (zb_database_get_protection (db)));
  add_string_member (builder, "created_at", created_at);
  add_string_member (builder, "path", path);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      const ZbTableCount *count = &g_array_index (counts, ZbTableCount, i);

      json_builder_set_member_name (builder, count->table);
      json_builder_add_int_value (builder, count->rows);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  /* Not g_print(): JSON is UTF-8 whatever the locale's charset is. */
  fwrite (text, 1, length, stdout);
  fputc ('\n', stdout);
}

static void
print_info_plain (ZbDatabase *db, const char *cipher_version, const char *org_name,
                  const char *superior_name, const char *created_at, GArray *counts)
{
  g_autofree char *schema = g_strdup_printf ("%d", zb_database_get_schema_version (db));
  g_autofree char *created = format_timestamp (created_at);
  g_autofree char *display_path = g_filename_display_name (zb_database_get_path (db));
  g_autoptr (GPtrArray) table_pairs = g_ptr_array_new_with_free_func (g_free);
  const char *pairs[] = {
    _ ("Organisation:"),
    org_name != NULL ? org_name : "",
    _ ("Superior organisation:"),
    superior_name != NULL && *superior_name != '\0' ? superior_name : _ ("(none)"),
    _ ("Path:"),
    display_path,
    _ ("UUID:"),
    zb_database_get_uuid (db),
    _ ("Protection:"),
    protection_to_label (zb_database_get_protection (db)),
    _ ("Created:"),
    created,
    _ ("Schema version:"),
    schema,
    _ ("SQLCipher version:"),
    cipher_version != NULL ? cipher_version : "",
    NULL,
  };

  zb_cli_print_aligned (pairs);

  g_print ("%s\n", _ ("Rows per table:"));
  for (guint i = 0; i < counts->len; i++)
    {
      const ZbTableCount *count = &g_array_index (counts, ZbTableCount, i);

      g_ptr_array_add (table_pairs, g_strdup_printf ("  %s:", count->table));
      g_ptr_array_add (table_pairs, g_strdup_printf ("%" G_GINT64_FORMAT, count->rows));
    }
  g_ptr_array_add (table_pairs, NULL);
  zb_cli_print_aligned ((const char *const *)table_pairs->pdata);
}

int
zb_cli_command_info (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv)
{
  g_autoptr (ZbDatabase) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) counts = NULL;
  g_autofree char *cipher_version = NULL;
  g_autofree char *org_name = NULL;
  g_autofree char *superior_name = NULL;
  g_autofree char *created_at = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[]
      = { { "json", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, &json,
            N_ ("Print JSON for scripts instead of text for people"), NULL },
          G_OPTION_ENTRY_NULL };

  if (!zb_cli_context_parse (ctx, command, entries, &argc, &argv, &status))
    return status;

  db = zb_cli_context_open (ctx, &error);
  if (db == NULL)
    return zb_cli_context_fail (ctx, error);

  counts = zb_database_count_rows (db, &error);
  if (counts == NULL)
    return zb_cli_context_fail (ctx, error);

  cipher_version = zb_database_dup_cipher_version (db);
  org_name = zb_database_dup_org_name (db);
  superior_name = zb_database_dup_superior_name (db);
  created_at = zb_database_dup_created_at (db);

  if (json)
    print_info_json (db, cipher_version, org_name, superior_name, created_at, counts);
  else
    print_info_plain (db, cipher_version, org_name, superior_name, created_at, counts);

  zb_database_close (db);

  return ZB_CLI_EXIT_OK;
}
