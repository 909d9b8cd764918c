/* zb-talks-view.h — the 谈心谈话 area: the year's coverage, talks and follow-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"
#include "zb-org-repo.h"
#include "zb-talk-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_TALKS_VIEW (zb_talks_view_get_type ())

G_DECLARE_FINAL_TYPE (ZbTalksView, zb_talks_view, ZB, TALKS_VIEW, AdwBin)

/* Actions (group "talks"): new; edit (s: talk uuid); open-contents (s);
 * print-record (s); print-stats; export; action-done (s: follow-up uuid). */

ZbTalksView *zb_talks_view_new (void);
/* Shows the talks of @talks (NULL: nothing, as when the window locks, which
 * also closes the editor, the contents and any prompt). */
void zb_talks_view_set_repos (ZbTalksView *self, ZbTalkRepo *talks, ZbMemberRepo *members,
                              ZbOrgRepo *org);
/* When the workspace was unlocked (g_get_monotonic_time()): opening contents
 * asks again once contents-recheck-minutes have passed since. */
void zb_talks_view_set_unlocked_time (ZbTalksView *self, gint64 unlocked_us);

G_END_DECLS
