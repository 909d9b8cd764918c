/* zb-member-detail.h — one member's record and history, beside the roster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEMBER_DETAIL (zb_member_detail_get_type ())

G_DECLARE_FINAL_TYPE (ZbMemberDetail, zb_member_detail, ZB, MEMBER_DETAIL, AdwBin)

/* Signals: "close" — the user closed the pane.
 * Its buttons use the actions roster.edit-member, roster.status(s) and
 * roster.print-sheet. */

void zb_member_detail_set_repos (ZbMemberDetail *self, ZbMemberRepo *members, ZbOrgRepo *org);
/* Shows the member with @uuid (NULL: nobody), read fresh from the repository;
 * it follows the repository's changes by itself. */
void zb_member_detail_show (ZbMemberDetail *self, const char *uuid);
void zb_member_detail_reload (ZbMemberDetail *self);
const char *zb_member_detail_get_uuid (ZbMemberDetail *self);
/* The record shown, or NULL. */
const ZbMemberRecord *zb_member_detail_get_record (ZbMemberDetail *self);
/* Turns to the history page (after a change was recorded). */
void zb_member_detail_show_history (ZbMemberDetail *self);
/* Whether the ID and phone numbers show in full. */
void zb_member_detail_set_reveal (ZbMemberDetail *self, gboolean reveal);

/* For tests: the value shown for a field (its column name, e.g. "id_number"),
 * and the titles of the history rows, oldest first. */
const char *zb_member_detail_get_value (ZbMemberDetail *self, const char *field);
GStrv zb_member_detail_dup_history (ZbMemberDetail *self);

G_END_DECLS
