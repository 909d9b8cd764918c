/* zb-talk-document.h — 谈心谈话记录表 and 谈心谈话情况统计表 (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-org-repo.h"
#include "zb-talk-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of these documents. */
#define ZB_TALK_RECORD_KIND "talk_record" /* 谈心谈话记录表 */
#define ZB_TALK_STATS_KIND "talk_stats"   /* 谈心谈话情况统计表 */

/* The 谈心谈话记录表 of the talk with @talk_uuid (DOMAIN.md §5 row 4),
 * portrait A4, in official Chinese: 谈话时间, 地点, 谈话人 and 谈话对象 (姓名,
 * 职务; a person not on the roster shown as such), 谈话类型, 主题, 主要内容
 * (what each side said), 对象表态及意见建议, 后续措施 with due dates, 记录人,
 * and the signature lines of both sides with their dates.
 *
 * Loads the contents through zb_talk_repo_load_contents() (so the opening is
 * audited). @org_name heads the form; @print_date (NULL: now). */
ZbDocument *zb_talk_record_document_new_for_uuid (ZbTalkRepo *talks, const char *talk_uuid,
                                                  const char *org_name, GDateTime *print_date,
                                                  GError **error);

/* The 谈心谈话情况统计表 of @year for @branch_id (0: all), landscape A4: per
 * member 序号, 姓名, 身份 (支委/党员), how often and when last the committee
 * talked with them, with whom, the 支委-支委 and 支委-党员 pairs still missing,
 * and a mark for who joined or left in the year; a summary line and the
 * 支部书记's signature. From zb_talk_repo_coverage_for_year() as of @today
 * (NULL: the date of @print_date). No contents are read. @org (NULL: not
 * looked up) names the branch. */
ZbDocument *zb_talk_stats_document_new (ZbTalkRepo *talks, ZbOrgRepo *org, gint64 branch_id,
                                        guint year, const GDate *today, const char *org_name,
                                        GDateTime *print_date, GError **error);

G_END_DECLS
