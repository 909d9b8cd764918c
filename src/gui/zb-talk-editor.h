/* zb-talk-editor.h — recording a heart-to-heart talk, or correcting one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-contents-guard.h"
#include "zb-member-repo.h"
#include "zb-org-repo.h"
#include "zb-talk-repo.h"

G_BEGIN_DECLS

#define ZB_TYPE_TALK_EDITOR (zb_talk_editor_get_type ())

G_DECLARE_FINAL_TYPE (ZbTalkEditor, zb_talk_editor, ZB, TALK_EDITOR, AdwWindow)

/* A window over @parent for a new talk (@uuid NULL) or the talk @uuid: date
 * and time, place, kind, topic, the 谈话人 and 谈话对象 (members from the
 * roster, or people typed by name and post), the three protected texts, the
 * follow-ups and the recorder. The contents of an existing talk are shown
 * only when given (@contents, copied: the caller opened them after the
 * re-check) or opened from the editor through @guard; otherwise saving keeps
 * them as stored. 保存 (Ctrl+S) writes through zb_talk_repo_create/update; a
 * refusal is shown as the repository's sentence and nothing typed is lost.
 * Signals: "saved" (const char *uuid, gboolean created). NULL (after a
 * warning) when the talk cannot be read. */
ZbTalkEditor *zb_talk_editor_new (GtkWindow *parent, ZbTalkRepo *talks, ZbMemberRepo *members,
                                  ZbOrgRepo *org, ZbContentsGuard *guard, const char *uuid,
                                  const ZbTalkContents *contents);

/* For tests: a field or button by name — "date", "time", "place", "kind",
 * "topic", "recorder", "said_by_talker", "said_by_other", "response"
 * (GtkTextView), "talker-pick" / "talked_with-pick" (the roster GtkDropDown),
 * "talker-add-member", "talker-name", "talker-post", "talker-add-person" (and
 * the same for "talked_with-"), "action-text", "action-due", "action-owner",
 * "action-add", "open-contents" — and the sentence shown above the form. */
GtkWidget *zb_talk_editor_get_field (ZbTalkEditor *self, const char *name);
const char *zb_talk_editor_get_message (ZbTalkEditor *self);
/* The roster position of the member @member_id in the pickers, or 0. */
guint zb_talk_editor_find_member (ZbTalkEditor *self, gint64 member_id);

G_END_DECLS
