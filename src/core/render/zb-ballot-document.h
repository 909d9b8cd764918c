/* zb-ballot-document.h — the 表决票 and the 票决结果报告单 of a vote of a 支部党员大会
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-meeting-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of these documents. */
#define ZB_BALLOT_KIND "ballot"           /* 表决票 */
#define ZB_VOTE_REPORT_KIND "vote_report" /* 票决结果报告单 */

/* The paper ballots of the vote @vote_uuid of the meeting @meeting_uuid
 * (DOMAIN.md §5 row 2): one ballot for each member expected with a vote
 * (应到有表决权, from the meeting's attendance list), several to an A4 page
 * with cut lines between them. Each carries the branch (from @org, else
 * @org_name), the title by the subject (接收预备党员表决票, 预备党员转正表决票,
 * else 表决票), the subject, the 赞成 / 不赞成 / 弃权 boxes with the
 * instruction line, and the meeting's date. @print_date (NULL: now). */
ZbDocument *zb_ballot_document_new_for_vote (ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                             const char *meeting_uuid, const char *vote_uuid,
                                             const char *org_name, GDateTime *print_date,
                                             GError **error);

/* The 票决结果报告单 of the same vote: branch, meeting date, subject, 应到 and
 * 实到有表决权人数, 书面意见数, 赞成 / 不赞成 / 弃权, the result by the rule of
 * DOMAIN.md §1.5 (zb_meeting_check_vote()), 计票人 and 监票人 lines, the
 * 支部书记's signature and the date. */
ZbDocument *zb_vote_report_document_new_for_vote (ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                                  const char *meeting_uuid, const char *vote_uuid,
                                                  const char *org_name, GDateTime *print_date,
                                                  GError **error);

G_END_DECLS
