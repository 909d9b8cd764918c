/* zb-member-editor.h — adding a member or correcting one's record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-member-repo.h"
#include "zb-org-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEMBER_EDITOR (zb_member_editor_get_type ())

G_DECLARE_FINAL_TYPE (ZbMemberEditor, zb_member_editor, ZB, MEMBER_EDITOR, AdwWindow)

/* A window over @parent editing the member with @uuid, or a new member (@uuid
 * NULL). Each field checks itself as it is typed; 保存 (Ctrl+S) stays off
 * until the record is valid; closing with unsaved changes asks 保存/放弃/取消.
 * Signals: "saved" (const char *uuid, gboolean created). Returns NULL (after
 * a warning) when the member cannot be read. */
ZbMemberEditor *zb_member_editor_new (GtkWindow *parent, ZbMemberRepo *members, ZbOrgRepo *org,
                                      const char *uuid);

/* For tests: a field by the record's column name ("name", "id_number",
 * "gender", "birth_date", …), whether 保存 is on, and whether anything changed. */
GtkWidget *zb_member_editor_get_field (ZbMemberEditor *self, const char *name);
gboolean zb_member_editor_get_can_save (ZbMemberEditor *self);
gboolean zb_member_editor_get_modified (ZbMemberEditor *self);

G_END_DECLS
