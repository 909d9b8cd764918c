/* zb-talks-private.h — shared between the files of ZbTalkRepo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "zb-database-private.h"
#include "zb-talk-repo.h"

G_BEGIN_DECLS

/* The talk columns every read of the list selects, in this order (alias t);
 * the contents are not among them. */
#define ZB_TALK_COLUMNS                                                                            \
  "t.id, t.uuid, t.kind, t.date, t.start_time, t.place, t.topic, t.branch_id, t.recorder_id,"      \
  " t.recorder_name, t.archived, t.created_at, t.updated_at"

gboolean _zb_talk_set_error (GError **error, ZbTalkError code, const char *message);

/* zb-talk-repo-read.c: the talk with @uuid and its children, no contents;
 * NULL with ZB_TALK_ERROR_NOT_FOUND when there is none. */
ZbTalkRecord *_zb_talk_repo_load (ZbTalkRepo *self, const char *uuid, GError **error);

/* zb-talk-repo-check.c: normalises and checks @record (see
 * zb_talk_repo_create()). */
gboolean _zb_talk_repo_check_record (ZbTalkRepo *self, ZbTalkRecord *record, GError **error);

G_END_DECLS
