/* zb-cli-commands-talks.h — `zhibu-cli talks`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

int zb_cli_command_talks (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

G_END_DECLS
