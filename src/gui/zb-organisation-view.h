/* zb-organisation-view.h — the 组织 area: branches, Party groups, committees, posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_ORGANISATION_VIEW (zb_organisation_view_get_type ())

G_DECLARE_FINAL_TYPE (ZbOrganisationView, zb_organisation_view, ZB, ORGANISATION_VIEW, AdwBin)

/* Actions (group "org"): add-branch; add-group (x: branch id); rename (x: unit
 * id); archive (x: unit id); set-term (x: unit id); appoint (x: unit id);
 * end-post (x: post id). */

ZbOrganisationView *zb_organisation_view_new (void);
/* Shows the organisation of @org (NULL: nothing, as when the window locks).
 * @members gives the members to appoint and follows their changes. */
void zb_organisation_view_set_repos (ZbOrganisationView *self, ZbOrgRepo *org,
                                     ZbMemberRepo *members);

/* For tests: the warnings shown for the unit @unit_id, as "message|source"
 * strings. */
GStrv zb_organisation_view_dup_warnings (ZbOrganisationView *self, gint64 unit_id);

G_END_DECLS
