/* zb-meetings-view.h — the 三会一课 area: the year's calendar, meetings and open resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting-repo.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETINGS_VIEW (zb_meetings_view_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingsView, zb_meetings_view, ZB, MEETINGS_VIEW, AdwBin)

/* Shows the meetings of the open workspace (NULL repositories: none; the
 * view lets go of everything it shows and closes its dialogs). Follows the
 * repositories' "changed" signals. */
void zb_meetings_view_set_repos (ZbMeetingsView *self, ZbMeetingRepo *meetings,
                                 ZbMemberRepo *members, ZbOrgRepo *org);

G_END_DECLS
