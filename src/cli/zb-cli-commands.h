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

/* zb-cli-commands-print.c */
int zb_cli_command_print (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_verify_print (ZbCliContext *ctx, const ZbCliCommand *command, int argc,
                                 char **argv);
int zb_cli_command_recover (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

/* zb-cli-commands-exchange.c */
int zb_cli_command_import (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_export (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

/* zb-cli-commands-members.c, zb-cli-commands-org.c */
int zb_cli_command_members (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_org (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);
int zb_cli_command_demo (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

G_END_DECLS
