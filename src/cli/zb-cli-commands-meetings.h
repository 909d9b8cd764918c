/* zb-cli-commands-meetings.h — `zhibu-cli meetings`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

int zb_cli_command_meetings (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

G_END_DECLS
