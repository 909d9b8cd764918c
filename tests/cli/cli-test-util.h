/* cli-test-util.h — running zhibu-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  int status; /* exit status, or -1 when killed by a signal */
  char *out;
  char *err;
} CliResult;

/* Sets up the keyring file backend in the private temporary folder and checks
 * that the program under test is there. Call after g_test_init(). */
void cli_test_init (void);

/* Runs zhibu-cli with the NULL-terminated @args. @env is NULL or a NULL-terminated
 * list of "NAME=VALUE" ("NAME" alone unsets it) applied on top of the test
 * environment, in which LC_ALL=C.UTF-8 and LANGUAGE is unset, so that messages
 * are English and UTF-8 arguments pass. Standard input is an empty pipe, never a
 * terminal. */
CliResult *cli_run (const char *const *env, const char *const *args);
CliResult *cli_runv (const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
void cli_result_free (CliResult *result);

/* A new empty folder in the test's private temporary folder. */
char *cli_test_new_dir (const char *name);
/* Writes @contents into @dir/@name and returns the path. */
char *cli_test_write_file (const char *dir, const char *name, const char *contents);
/* SHA-256 of a file's bytes. */
char *cli_test_checksum_file (const char *path);
/* The names in a folder, sorted and joined with spaces. */
char *cli_test_list_dir (const char *dir);

/* Standard error holds exactly one line starting with "zhibu-cli: ". */
void cli_assert_one_error_line (const CliResult *result);

/* Creates a passphrase-protected workspace @dir/zhibu.db with `zhibu-cli init`;
 * returns its path and sets *passphrase_file. */
char *cli_test_init_workspace (const char *dir, const char *org_name, const char *passphrase,
                               char **passphrase_file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* A passphrase-protected workspace in a folder of its own, and zhibu-cli run
 * on it (--db … --passphrase-file … before the arguments). */
typedef struct
{
  char *dir;
  char *db;
  char *pw;
} CliWorkspace;

void cli_workspace_init (CliWorkspace *w, const char *name, const char *org_name,
                         const char *passphrase);
void cli_workspace_clear (CliWorkspace *w);
CliResult *cli_workspace_run_args (CliWorkspace *w, const char *const *args);
CliResult *cli_workspace_run (CliWorkspace *w, const char *first, ...) G_GNUC_NULL_TERMINATED;
/* The root of JSON @text (a copy to free); the test fails on bad JSON. */
JsonNode *cli_test_parse_json (const char *text);

#define cli_assert_status(result, expected)                                                        \
  G_STMT_START                                                                                     \
  {                                                                                                \
    const CliResult *_r = (result);                                                                \
    if (_r->status != (expected))                                                                  \
      g_test_message ("stdout: %s\nstderr: %s", _r->out, _r->err);                                 \
    g_assert_cmpint (_r->status, ==, (expected));                                                  \
  }                                                                                                \
  G_STMT_END

G_END_DECLS
