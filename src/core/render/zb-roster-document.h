/* zb-roster-document.h — the 党员名册, a landscape register of the members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-document.h"
#include "zb-member-repo.h"

G_BEGIN_DECLS

/* The 党员名册 (DOMAIN.md §5 row 5) of the members @query matches (NULL: the
 * active roster, in 姓氏笔画 order), in the query's order: title, @org_name and
 * 统计截至 @date (NULL: now) in the heading, one row per member with the full
 * 公民身份号码, the header repeated on every page, and the totals at the end.
 * The document carries no number yet: the print log gives it one. */
ZbDocument *zb_roster_document_new (ZbMemberRepo *repo, const ZbMemberQuery *query,
                                    const char *org_name, GDateTime *date, GError **error);

G_END_DECLS
