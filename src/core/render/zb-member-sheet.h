/* zb-member-sheet.h — the 党员基本信息表, one member's record on an A4 form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "zb-document.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

/* What print_record.kind says of a member sheet. */
#define ZB_MEMBER_SHEET_KIND "member_sheet"

/* The 党员基本信息表 of @member (with its branch and group names, as
 * zb_member_repo_fetch() gives them): the branch (or, without one, @org_name)
 * in the heading, a form of every field of DOMAIN.md §4.2 with the full
 * 公民身份号码, the member's status history from @events (a GPtrArray of
 * ZbMemberEvent in date order; NULL: none) as a table, and the lines for the
 * signatures and the date. @posts (a GPtrArray of ZbPartyPost; NULL: none)
 * gives the 党内职务 held on @date (NULL: now), which also counts 党龄. The
 * document carries no number yet: the print log gives it one. */
ZbDocument *zb_member_sheet_new (ZbMember *member, GPtrArray *events, GPtrArray *posts,
                                 const char *org_name, GDateTime *date);

/* The same for the member with @uuid, read with its branch, group, events
 * and posts from @members and @org. */
ZbDocument *zb_member_sheet_new_for_uuid (ZbMemberRepo *members, ZbOrgRepo *org, const char *uuid,
                                          const char *org_name, GDateTime *date, GError **error);

/* One sheet for each member @query matches (NULL: the active roster in
 * 姓氏笔画 order), in the query's order: a GPtrArray of ZbDocument, empty
 * when nobody matches. */
GPtrArray *zb_member_sheets_new_for_query (ZbMemberRepo *members, ZbOrgRepo *org,
                                           const ZbMemberQuery *query, const char *org_name,
                                           GDateTime *date, GCancellable *cancellable,
                                           GError **error);

G_END_DECLS
