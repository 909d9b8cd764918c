/* zb-talk-contents-dialog.h — the protected contents of one talk, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-talk-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_TALK_CONTENTS_DIALOG (zb_talk_contents_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ZbTalkContentsDialog, zb_talk_contents_dialog, ZB, TALK_CONTENTS_DIALOG,
                      AdwWindow)

/* Shows @contents (taken; wiped when the window goes) of the talk @record —
 * 谈话人所谈, 谈话对象所谈, 对象表态及意见建议 — read-only, with 编辑, which
 * emits "edit" (no arguments) and closes the window. The caller has passed
 * the re-check and opened the contents through zb_talk_repo_load_contents(). */
ZbTalkContentsDialog *zb_talk_contents_dialog_new (GtkWindow *parent, const ZbTalkRecord *record,
                                                   ZbTalkContents *contents);

/* The talk's uuid, and a copy of the contents shown (for the editor). */
const char *zb_talk_contents_dialog_get_uuid (ZbTalkContentsDialog *self);
ZbTalkContents *zb_talk_contents_dialog_dup_contents (ZbTalkContentsDialog *self);

G_END_DECLS
