/* zb-meeting-minutes.h — the body of a meeting's minutes: topics with speeches,
 * votes and resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETING_MINUTES (zb_meeting_minutes_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingMinutes, zb_meeting_minutes, ZB, MEETING_MINUTES, AdwBin)

/* Part of the meeting editor: 议题 (each with its minutes — reports,
 * discussion — and the speeches with their speaker), 表决 (subject, form,
 * 赞成/不赞成/弃权, result, and what the vote rule makes of the counts at a
 * 党员大会) and 决议 (text, owner, due date). Children keep their uuids.
 * Signal "changed" (no arguments) after every edit made in it. */
GtkWidget *zb_meeting_minutes_new (void);

/* The members an owner is chosen from and a speaker's name is matched with:
 * @names (a GListModel of GtkStringObject, the first "not chosen") and
 * @ids (gint64 row ids by position, 0 first). References are taken. */
void zb_meeting_minutes_set_members (ZbMeetingMinutes *self, GListModel *names, GArray *ids);
/* At a 支部党员大会 each vote shows whether it passes (zb_meeting_check_vote())
 * against the @voting_expected full members. */
void zb_meeting_minutes_set_voting (ZbMeetingMinutes *self, ZbMeetingKind kind,
                                    guint voting_expected);

/* Shows the topics, votes and resolutions of @record; emits nothing. */
void zb_meeting_minutes_set_record (ZbMeetingMinutes *self, const ZbMeetingRecord *record);
/* Replaces the topics, votes and resolutions of @record by those entered. */
void zb_meeting_minutes_read (ZbMeetingMinutes *self, ZbMeetingRecord *record);
/* The first thing to correct (a due date that is not a date), or NULL. */
const char *zb_meeting_minutes_get_problem (ZbMeetingMinutes *self);

/* As a user does it, through new rows of widgets (for tests). The topic's
 * index is returned; @owner is a member's name or NULL. */
guint zb_meeting_minutes_add_topic (ZbMeetingMinutes *self, const char *title, const char *minutes);
void zb_meeting_minutes_add_speech (ZbMeetingMinutes *self, guint topic, const char *speaker,
                                    const char *text);
void zb_meeting_minutes_add_vote (ZbMeetingMinutes *self, const char *subject, ZbVoteForm form,
                                  guint yes, guint no, guint abstain, ZbVoteResult result);
void zb_meeting_minutes_add_resolution (ZbMeetingMinutes *self, const char *text, const char *owner,
                                        const char *due_date);

G_END_DECLS
