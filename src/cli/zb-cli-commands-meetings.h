/* zb-cli-commands-meetings.h — `zhibu-cli meetings`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

int zb_cli_command_meetings (ZbCliContext *ctx, const ZbCliCommand *command, int argc, char **argv);

/* zb-cli-commands-meetings-review.c: `meetings grades MEETING_UUID [--set WHO=GRADE]…
 * [--remark WHO=TEXT]… [--json]`, the grades of 民主评议党员 at a meeting. */
int zb_cli_meetings_grades (ZbCliContext *ctx, int argc, char **argv);

G_END_DECLS
