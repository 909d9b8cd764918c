/* zb-cli-passphrase.h — reading passphrases from files and from the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "zb-secret.h"

G_BEGIN_DECLS

/* The passphrase of an existing workspace: the first line of @path, without its
 * line ending. Never checked for length: it is whatever the workspace has. */
ZbSecret *zb_cli_read_passphrase_file (const char *path, GError **error);

/* A new passphrase from the first line of @path when it is given, else typed twice
 * on the terminal when standard input is one (@option names the missing option in
 * the error otherwise). Refused when shorter than ZB_PASSPHRASE_MIN_CHARS
 * characters or not UTF-8, so that it can be typed again in the window. */
ZbSecret *zb_cli_read_new_passphrase (const char *path, const char *option, GError **error);

/* Asks once for the passphrase of an existing workspace, without echo. */
ZbSecret *zb_cli_prompt_passphrase (const char *prompt, GError **error);

gboolean zb_cli_stdin_is_terminal (void);

G_END_DECLS
