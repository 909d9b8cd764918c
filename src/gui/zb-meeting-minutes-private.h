/* zb-meeting-minutes-private.h — internals of ZbMeetingMinutes, shared with its decisions part
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-meeting-minutes.h"

G_BEGIN_DECLS

typedef struct
{
  ZbMeetingMinutes *self;
  char *uuid;
  char *topic_uuid;
  GtkWidget *card;
  GtkWidget *subject;
  GtkWidget *form;
  GtkWidget *counts[4]; /* 赞成, 不赞成, 弃权, 书面意见 */
  GtkWidget *result;
  GtkWidget *check;
} VoteUi;

typedef struct
{
  ZbMeetingMinutes *self;
  char *uuid;
  char *done_date;
  GtkWidget *card;
  GtkWidget *text;
  GtkWidget *owner;
  GtkWidget *due;
  GtkWidget *due_error;
} ResolutionUi;

struct _ZbMeetingMinutes
{
  AdwBin parent_instance;

  GtkWidget *topics_box;
  GtkWidget *votes_box;
  GtkWidget *resolutions_box;

  GPtrArray *topics;      /* of TopicUi */
  GPtrArray *votes;       /* of VoteUi */
  GPtrArray *resolutions; /* of ResolutionUi */

  GListModel *names;
  GArray *ids;
  ZbMeetingKind kind;
  guint voting_expected;
  char *problem;
  gboolean filling;
};

/* Shared helpers (zb-meeting-minutes.c) */
char *_zb_minutes_editable_text (GtkWidget *editable);
/* @widget under a small bold title, labelled by it for screen readers. */
GtkWidget *_zb_minutes_labelled (const char *title, GtkWidget *widget);
GtkWidget *_zb_minutes_new_entry (ZbMeetingMinutes *self, const char *text,
                                  const char *placeholder);
GtkWidget *_zb_minutes_new_card (void);
GtkWidget *_zb_minutes_new_remove_button (const char *label);
gint64 _zb_minutes_member_id_at (ZbMeetingMinutes *self, guint position);
guint _zb_minutes_member_position (ZbMeetingMinutes *self, gint64 id, const char *name);
/* Checks and emits "changed", unless the widget is being filled. */
void _zb_meeting_minutes_changed (ZbMeetingMinutes *self);

/* Votes and resolutions (zb-meeting-minutes-decisions.c) */
void _zb_vote_ui_free (VoteUi *ui);
void _zb_resolution_ui_free (ResolutionUi *ui);
VoteUi *_zb_meeting_minutes_append_vote (ZbMeetingMinutes *self, const ZbMeetingVote *vote);
void _zb_meeting_minutes_vote_update_check (VoteUi *vote);
ResolutionUi *_zb_meeting_minutes_append_resolution (ZbMeetingMinutes *self,
                                                     const ZbMeetingResolution *resolution);
/* Marks due dates that are not dates; sets self->problem for the first. */
void _zb_meeting_minutes_check_resolutions (ZbMeetingMinutes *self);
/* Appends the votes and resolutions entered to @record. */
void _zb_meeting_minutes_read_decisions (ZbMeetingMinutes *self, ZbMeetingRecord *record);

G_END_DECLS
