/* zb-meetings-private.h — shared between the files of ZbMeetingRepo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "zb-database-private.h"
#include "zb-meeting-repo.h"

G_BEGIN_DECLS

/* The meeting columns every read selects, in this order (table alias m). */
#define ZB_MEETING_COLUMNS                                                                         \
  "m.id, m.uuid, m.kind, m.title, m.date, m.start_time, m.end_time, m.place, m.branch_id,"         \
  " m.group_id, m.chair_id, m.recorder_id, m.archived, m.created_at, m.updated_at"
#define ZB_MEETING_N_COLUMNS 15

/* zb-meeting-repo.c --------------------------------------------------------- */

/* NULL for a NULL string; bound without a copy: step before the value goes. */
/* 0 (none) is bound as NULL. */
gboolean _zb_meeting_set_error (GError **error, ZbMeetingError code, const char *message);
/* Runs a write statement to its end and resets it. */
/* Commits when @ok (and emits "changed"), else rolls back; returns whether it
 * committed. */
gboolean _zb_meeting_repo_finish (ZbMeetingRepo *self, gboolean ok, GError **error);
/* Reads the ZB_MEETING_COLUMNS from column @first of the current row, without
 * children. */
ZbMeetingRecord *_zb_meeting_record_from_row (sqlite3_stmt *stmt, int first);

/* zb-meeting-repo-check.c -------------------------------------------------- */

/* Normalises (trims texts, fills names of members from the roster, assigns
 * topic uuids) and checks @record against the rules of
 * zb_meeting_repo_create(); ZB_MEETING_ERROR_INVALID names the first problem. */
gboolean _zb_meeting_repo_check_record (ZbMeetingRepo *self, ZbMeetingRecord *record,
                                        GError **error);

/* zb-meeting-repo-read.c ---------------------------------------------------- */

/* The meeting with @uuid and all its children, inside the current
 * transaction or not; NULL with ZB_MEETING_ERROR_NOT_FOUND when there is none. */
ZbMeetingRecord *_zb_meeting_repo_load (ZbMeetingRepo *self, const char *uuid, GError **error);

G_END_DECLS
