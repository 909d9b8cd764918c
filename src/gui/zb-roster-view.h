/* zb-roster-view.h — the 党员名册 area: the list of members and the chosen one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_ROSTER_VIEW (zb_roster_view_get_type ())

G_DECLARE_FINAL_TYPE (ZbRosterView, zb_roster_view, ZB, ROSTER_VIEW, AdwBin)

/* Actions (group "roster"): search (Ctrl+F), new-member (Ctrl+N), edit-member,
 * status (s: a ZbMemberEventKind nick such as "transfer-out"), import, export,
 * print (the 党员名册, Ctrl+P), print-sheet (the shown member's 党员基本信息表),
 * print-sheets (one for each member the list shows, confirmed over 50),
 * clear-filters, and the stateful reveal (b), archive (b), sort-order (s:
 * "strokes", "pinyin", "joined") and descending (b). */

ZbRosterView *zb_roster_view_new (void);

/* Shows the members of @members (NULL: nothing, as when the window locks; the
 * numbers are masked again and any open editor is closed). */
void zb_roster_view_set_repos (ZbRosterView *self, ZbMemberRepo *members, ZbOrgRepo *org);

G_END_DECLS
