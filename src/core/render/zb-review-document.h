/* zb-review-document.h — the 民主评议党员测评结果汇总表 of one meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-meeting-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of the result sheet. */
#define ZB_REVIEW_KIND "review" /* 民主评议党员测评结果汇总表 */

/* The result sheet of the 民主评议党员 held at the meeting @meeting_uuid
 * (DOMAIN.md §2.2, §5 row 12), portrait A4, in official Chinese whatever the
 * language of the interface: the branch (from @org, else @org_name) and the
 * meeting's date; the table 序号 / 姓名 / 评议等次 / 备注 of the graded
 * members (zb_meeting_repo_list_review_grades()); the count of each grade
 * with the number rated; the one-third check on 优秀 with its rule
 * (zb_meeting_grades_check()), stated calmly when over; the 支部书记's
 * signature line and the date. @print_date (NULL: now). A meeting without
 * grades gives ZB_MEETING_ERROR_INVALID: there is nothing to sum up. */
ZbDocument *zb_review_document_new_for_uuid (ZbMeetingRepo *meetings, ZbOrgRepo *org,
                                             const char *meeting_uuid, const char *org_name,
                                             GDateTime *print_date, GError **error);

G_END_DECLS
