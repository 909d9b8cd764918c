/* zb-cli-context.h — what every zhibu-cli command shares: global options,
 * option parsing, opening the workspace, and turning errors into exit statuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "zb-database.h"
#include "zb-key-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in `zhibu-cli --help`. Scripts rely on them: never
 * renumber, only add. */
typedef enum
{
  ZB_CLI_EXIT_OK = 0,
  ZB_CLI_EXIT_FAILED = 1,   /* anything else */
  ZB_CLI_EXIT_USAGE = 2,    /* wrong command line */
  ZB_CLI_EXIT_LOCKED = 3,   /* wrong passphrase, or no usable key in the keyring */
  ZB_CLI_EXIT_BAD_FILE = 4, /* the file is missing, not a workspace, too new, … */
  ZB_CLI_EXIT_DAMAGED = 5,  /* verify found damage or a broken audit chain */
} ZbCliExit;

#define ZB_CLI_ERROR (zb_cli_error_quark ())

/* Errors raised by zhibu-cli itself; each maps to one exit status. */
typedef enum
{
  ZB_CLI_ERROR_FAILED,
  ZB_CLI_ERROR_USAGE,
  ZB_CLI_ERROR_DAMAGED,
} ZbCliError;

GQuark zb_cli_error_quark (void);

typedef struct _ZbCliContext ZbCliContext;

/* One command: `name` on the command line, `synopsis` (untranslated option
 * syntax) for short usage lines, `summary` (marked with N_()) for help, and the
 * function that runs it with its own argv (argv[0] is the command name). */
typedef struct _ZbCliCommand
{
  const char *name;
  const char *synopsis;
  const char *summary;
  int (*run) (ZbCliContext *ctx, const struct _ZbCliCommand *command, int argc, char **argv);
} ZbCliCommand;

ZbCliContext *zb_cli_context_new (void);
void zb_cli_context_free (ZbCliContext *self);

/* A fresh group of @entries (may be NULL) followed by the global options (--db,
 * --passphrase-file) writing into @self; each GOptionContext takes ownership of
 * its own group. */
GOptionGroup *zb_cli_context_new_global_group (ZbCliContext *self, const GOptionEntry *entries);

/* The text explaining global options and exit statuses, shared by every --help. */
char *zb_cli_dup_help_description (void);

/* Parses a command's own argv with @entries plus the global options. Returns
 * FALSE with *exit_status set when the command must stop: after --help (0), or on
 * a usage error (2, already reported). Leftover arguments are a usage error. */
gboolean zb_cli_context_parse (ZbCliContext *self, const ZbCliCommand *command,
                               const GOptionEntry *entries, int *argc, char ***argv,
                               int *exit_status);

/* The workspace path: --db, or the default one, made absolute. */
const char *zb_cli_context_get_path (ZbCliContext *self);
const char *zb_cli_context_get_passphrase_file (ZbCliContext *self);
ZbKeyStore *zb_cli_context_get_key_store (ZbCliContext *self);

/* Opens the workspace with the passphrase from --passphrase-file, or else with
 * its key from the keyring. */
ZbDatabase *zb_cli_context_open (ZbCliContext *self, GError **error);

/* Prints "zhibu-cli: <message>" as one line on standard error and returns the
 * exit status for @error. */
int zb_cli_context_fail (ZbCliContext *self, const GError *error);

/* Prints "zhibu-cli: <message>" and the short usage of @command (or of
 * zhibu-cli itself when NULL) on standard error; returns ZB_CLI_EXIT_USAGE. */
int zb_cli_context_usage_error (ZbCliContext *self, const ZbCliCommand *command,
                                const char *message);

/* "zhibu-cli: warning: <message>" on standard error; the command goes on. */
void zb_cli_warning (const char *message);

/* Prints lines of "label: value" with the values aligned, measuring labels by
 * their width on a terminal (a Chinese character takes two columns). @pairs is
 * label, value, label, value, …, NULL. */
void zb_cli_print_aligned (const char *const *pairs);

/* A command-line argument as UTF-8: taken as it is when it is valid UTF-8 (what
 * scripts pass even under LC_ALL=C), else converted from the locale's charset. */
char *zb_cli_arg_to_utf8 (const char *arg, const char *option, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbCliContext, zb_cli_context_free)

G_END_DECLS
