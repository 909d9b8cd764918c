/* zb-branch-resolution-document.h — the 支部大会决议 of a meeting
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

/* What print_record.kind says of a 支部大会决议. */
#define ZB_BRANCH_RESOLUTION_KIND "branch_resolution"

/* The 支部大会决议 of the meeting @meeting_uuid (DOMAIN.md §5 row 3) in the
 * GB/T 9704 layout: the branch (from @org, else @org_name) and the date, the
 * text of the resolution @resolution_uuid (NULL: every resolution of the
 * meeting), 应到 and 实到有表决权党员, 赞成 / 不赞成 / 弃权 from the meeting's
 * vote (passed or not by DOMAIN.md §1.5), the 党支部（盖章） and 支部书记
 * signature lines and the date. @members (NULL: not looked up) names the
 * chair when the meeting's attendance list does not. @print_date (NULL: now).
 * A meeting without votes and resolutions has nothing to resolve:
 * ZB_MEETING_ERROR_INVALID; an unknown @resolution_uuid:
 * ZB_MEETING_ERROR_NOT_FOUND. */
ZbDocument *zb_branch_resolution_document_new_for_uuid (
    ZbMeetingRepo *meetings, ZbMemberRepo *members, ZbOrgRepo *org, const char *meeting_uuid,
    const char *resolution_uuid, const char *org_name, GDateTime *print_date, GError **error);

G_END_DECLS
