/* zb-cli-commands-export-talks.h — `zhibu-cli export talks`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

/* `export talks --format csv|xlsx -o FILE [--year Y] [--with-contents]`:
 * @argv[0] is "talks". */
int zb_cli_export_talks (ZbCliContext *ctx, int argc, char **argv);

G_END_DECLS
