/* zb-cli-commands.h — the commands of zhibu-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

/* zb-cli-commands-workspace.c */
int zb_cli_command_init (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_info (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

/* zb-cli-commands-security.c */
int zb_cli_command_verify (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_passwd (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

G_END_DECLS
