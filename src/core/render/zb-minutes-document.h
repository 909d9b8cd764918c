/* zb-minutes-document.h — the 会议记录 of one meeting of 三会一课
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of minutes. */
#define ZB_MINUTES_DOCUMENT_KIND "minutes"

/* The 会议记录 of @meeting in the layout of DOMAIN.md §5 row 1, portrait A4,
 * in official Chinese whatever the language of the interface: @org_name (the
 * branch, or the workspace's organisation) and the kind's official name in
 * the heading; a form of the meeting's facts (名称, 类型, 时间, 地点, 主持人,
 * 记录人, 应到/实到, 请假, 缺席, 列席, 预备党员, the quorum with its rule when
 * the kind has one, the numbered 议题); then the 会议内容 per topic (its
 * minutes, each speech as "姓名：…"), the 表决 table, the 决议 table, "散会"
 * and the signature lines of 主持人 and 记录人 with the meeting date.
 *
 * @chair_name and @recorder_name (NULL: blank, to be written in) may carry a
 * post ("张建国（支部书记）"). @print_date (NULL: now) is the print's date. The
 * document carries no number yet: the print log gives it one. */
ZbDocument *zb_minutes_document_new (const ZbMeetingRecord *meeting, const char *org_name,
                                     const char *chair_name, const char *recorder_name,
                                     GDateTime *print_date);

/* The same for the meeting with @uuid in @meetings. The chair and recorder are
 * named as on the meeting's attendance list (their names on the meeting
 * date), else from @members (NULL: not looked up); @org (NULL: not looked up)
 * gives the branch's name for the heading (else @org_name), the 党小组 of a
 * 党小组会, and the posts the chair and recorder held on the meeting date. */
ZbDocument *zb_minutes_document_new_for_uuid (ZbMeetingRepo *meetings, ZbMemberRepo *members,
                                              ZbOrgRepo *org, const char *uuid,
                                              const char *org_name, GDateTime *print_date,
                                              GError **error);

G_END_DECLS
