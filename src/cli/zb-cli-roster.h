/* zb-cli-roster.h — helpers shared by the roster commands (members, org, demo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "zb-cli-context.h"
#include "zb-member-repo.h"

G_BEGIN_DECLS

/* The subcommand in argv[1] if it is one of @names; otherwise prints the
 * subcommands (for --help, status 0) or a usage error (status 2) and returns
 * NULL. */
const char *zb_cli_roster_subcommand (ZbCliContext *ctx, const ZbCliCommand *command, int argc,
                                      char **argv, const char *const *names, int *status);

/* Prints @builder's root as pretty JSON on standard output (UTF-8 always). */
void zb_cli_roster_print_json (JsonBuilder *builder);

void zb_cli_roster_add_string (JsonBuilder *builder, const char *name, const char *value);
void zb_cli_roster_add_int (JsonBuilder *builder, const char *name, gint64 value);

/* Columns on a terminal: a Chinese character takes two. */
guint zb_cli_roster_display_width (const char *text);
/* Prints rows (GPtrArray of NULL-terminated string arrays, the first the header)
 * with columns padded to the widest cell. */
void zb_cli_roster_print_table (GPtrArray *rows);

/* A command-line argument as UTF-8, trimmed; sets a usage error on NULL. */
char *zb_cli_roster_arg (const char *arg, const char *option, GError **error);

/* A member given by UUID, ID number (any case) or exact name, on the roster
 * or in its archive (a meeting or talk may predate a transfer). NULL without
 * an error when there is none; a usage error when a name is not unique. */
ZbMemberRecord *zb_cli_roster_find_member (ZbMemberRepo *repo, const char *text, GError **error);

G_END_DECLS
