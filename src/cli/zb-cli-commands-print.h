/* zb-cli-commands-print.h — what the documents of `zhibu-cli print` share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"

G_BEGIN_DECLS

/* The options of `zhibu-cli print` (NULL when not given); the arguments as
 * given on the command line. */
typedef struct
{
  const ZbCliCommand *command;
  const char *output;
  const char *search;
  const char *id_number;
  const char *uuid;
  const char *branch;
  const char *target; /* the argument after the document's name (minutes: UUID) */
} ZbCliPrintOptions;

/* zb-cli-commands-print-member.c: the 党员基本信息表 of one member
 * (--id-number or --uuid), and of every active member (or of --branch) in
 * 姓氏笔画 order, one sheet each, into one PDF. */
int zb_cli_print_member_sheet (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_member_sheets (ZbCliContext *ctx, const ZbCliPrintOptions *options);

/* zb-cli-commands-print-minutes.c: the 会议记录 of the meeting options->target
 * names (its uuid, or the first 8 or more characters of it). */
int zb_cli_print_minutes (ZbCliContext *ctx, const ZbCliPrintOptions *options);

G_END_DECLS
