/* zb-cli-commands-print.h — what the documents of `zhibu-cli print` share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-cli-context.h"
#include "zb-meeting-repo.h"
#include "zb-org-repo.h"
#include "zb-print-log.h"

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
  const char *target;     /* the argument after the document's name (minutes: UUID) */
  guint year;             /* --year (talk-stats, meeting-register), 0 when not given */
  const char *vote;       /* --vote (ballot, vote-report) */
  const char *resolution; /* --resolution (resolution) */
} ZbCliPrintOptions;

/* Shared by the documents (zb-cli-commands-print.c) */

/* A uuid may be shortened to its first characters, as `git` takes a commit,
 * as long as they are enough to name one record. */
#define ZB_CLI_UUID_MIN_PREFIX 8

/* Which of @uuids (char *; NULL ones are skipped) @prefix names: the one
 * equal to it, else the one that starts with it when it has
 * ZB_CLI_UUID_MIN_PREFIX characters at least. NULL when none does, or, with
 * *ambiguous set, when several do. */
const char *zb_cli_match_uuid (GPtrArray *uuids, const char *prefix, gboolean *ambiguous);

/* Numbers @doc in @log, writes it as a PDF to @output and records it in
 * @log as @kind. A PDF whose record could not be written still exists: that
 * is said as a warning, not as a failure. */
gboolean zb_cli_write_document (ZbPrintLog *log, ZbDocument *doc, const char *kind,
                                const char *output, GError **error);
/* Warns that the export of a written file could not be recorded (@error). */
void zb_cli_warn_not_recorded (const GError *error);

/* zb-cli-commands-print-member.c: the 党员基本信息表 of one member
 * (--id-number or --uuid), and of every active member (or of --branch) in
 * 姓氏笔画 order, one sheet each, into one PDF. */
int zb_cli_print_member_sheet (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_member_sheets (ZbCliContext *ctx, const ZbCliPrintOptions *options);

/* zb-cli-commands-print-minutes.c: the 会议记录 of the meeting options->target
 * names (its uuid, or the first 8 or more characters of it). */
int zb_cli_print_minutes (ZbCliContext *ctx, const ZbCliPrintOptions *options);
/* The full uuid of the meeting @given names: itself when a meeting has it,
 * else the one meeting (archived ones included) whose uuid starts with it (8
 * characters at least). */
char *zb_cli_find_meeting_uuid (ZbMeetingRepo *repo, const char *given, GError **error);
/* The branch --branch names (@arg as given on the command line), in
 * *branch_id; 0 without the option. */
gboolean zb_cli_find_branch (ZbOrgRepo *org, const char *arg, gint64 *branch_id, GError **error);

/* zb-cli-commands-print-meetings.c: the 表决票 and the 票决结果报告单 of the
 * vote --vote of the meeting options->target, the 支部大会决议 of that meeting
 * (of its resolution --resolution only), and the 年度三会一课台账 of --year
 * (this year without it) for --branch (all without it). */
int zb_cli_print_ballot (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_vote_report (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_resolution (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_meeting_register (ZbCliContext *ctx, const ZbCliPrintOptions *options);

/* zb-cli-commands-meetings-review.c: the 民主评议党员测评结果汇总表 of the
 * meeting options->target names (its uuid, or the first 8 or more characters). */
int zb_cli_print_review (ZbCliContext *ctx, const ZbCliPrintOptions *options);

/* zb-cli-commands-print-talks.c: the 谈心谈话记录表 of the talk
 * options->target names (its uuid, or the first 8 or more characters; an
 * audited opening of its contents), and the 谈心谈话情况统计表 of --year
 * (this year without it) for --branch (all without it). */
int zb_cli_print_talk (ZbCliContext *ctx, const ZbCliPrintOptions *options);
int zb_cli_print_talk_stats (ZbCliContext *ctx, const ZbCliPrintOptions *options);

G_END_DECLS
