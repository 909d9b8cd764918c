/* zb-cli-roster.c — helpers shared by the roster commands (members, org, demo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "zb-cli-roster.h"

const char *
zb_cli_roster_subcommand (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv,
                          const char *const *names, int *status)
{
  g_autofree char *list = g_strjoinv ("”, “", (char **)names);
  g_autofree char *message = NULL;

  if (argc >= 2 && g_strv_contains (names, argv[1]))
    return argv[1];

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n\n", _ (command->summary));
      for (guint i = 0; names[i] != NULL; i++)
        g_print ("  zhibu-cli %s %s …\n", command->name, names[i]);
      g_print ("\n");
      /* TRANSLATORS: %s is a command line */
      g_print (_ ("Run “%s” for the options of each."), "zhibu-cli COMMAND SUBCOMMAND --help");
      g_print ("\n");
      *status = ZB_CLI_EXIT_OK;
      return NULL;
    }

  if (argc < 2)
    message = g_strdup_printf (_ ("Say what to do: “%s”."), list);
  else
    {
      g_autofree char *display = g_filename_display_name (argv[1]);

      message = g_strdup_printf (_ ("Unknown subcommand “%s”: use “%s”."), display, list);
    }
  *status = zb_cli_context_usage_error (ctx, command, message);
  return NULL;
}

void
zb_cli_roster_print_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  /* not g_print(): JSON is UTF-8 whatever the locale's charset */
  fwrite (text, 1, length, stdout);
  fputc ('\n', stdout);
}

void
zb_cli_roster_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
zb_cli_roster_add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

guint
zb_cli_roster_display_width (const char *text)
{
  guint width = 0;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text != NULL ? strlen (text) : 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
zb_cli_roster_print_table (GPtrArray *rows)
{
  g_autoptr (GArray) widths = g_array_new (FALSE, TRUE, sizeof (guint));

  for (guint r = 0; r < rows->len; r++)
    {
      const char *const *cells = rows->pdata[r];

      for (guint c = 0; cells[c] != NULL; c++)
        {
          guint w = zb_cli_roster_display_width (cells[c]);

          if (widths->len <= c)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, guint, c) = MAX (g_array_index (widths, guint, c), w);
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      const char *const *cells = rows->pdata[r];
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_string_append (line, cells[c]);
          if (cells[c + 1] != NULL)
            for (guint pad = zb_cli_roster_display_width (cells[c]);
                 pad < g_array_index (widths, guint, c) + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

char *
zb_cli_roster_arg (const char *arg, const char *option, GError **error)
{
  char *text = zb_cli_arg_to_utf8 (arg, option, error);

  if (text != NULL)
    g_strstrip (text);
  return text;
}

ZbMemberRecord *
zb_cli_roster_find_member (ZbMemberRepo *repo, const char *text, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  ZbMemberRecord *found = NULL;
  ZbMemberRecord *record = zb_member_repo_get (repo, text, &local_error);

  if (record != NULL)
    return record;
  if (!g_error_matches (local_error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  for (int archive = 0; archive < 2 && found == NULL; archive++)
    {
      ZbMemberQuery query = ZB_MEMBER_QUERY_INIT;
      g_autoptr (GPtrArray) rows = NULL;

      query.search = text;
      query.archive = archive;
      rows = zb_member_repo_fetch (repo, &query, 0, 200, error);
      if (rows == NULL)
        return NULL;
      for (guint i = 0; i < rows->len; i++)
        {
          const ZbMemberRecord *r = zb_member_get_record (g_ptr_array_index (rows, i));

          if (g_ascii_strcasecmp (r->id_number != NULL ? r->id_number : "", text) != 0
              && g_strcmp0 (r->name, text) != 0)
            continue;
          if (found != NULL)
            {
              zb_member_record_free (found);
              g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                           _ ("Several members are called “%s”: give the ID number instead."),
                           text);
              return NULL;
            }
          found = zb_member_record_copy (r);
        }
    }
  return found;
}
