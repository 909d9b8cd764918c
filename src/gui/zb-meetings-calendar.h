/* zb-meetings-calendar.h — the year's required meetings against those held
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "zb-meeting-rules.h"

G_BEGIN_DECLS

#define ZB_TYPE_MEETINGS_CALENDAR (zb_meetings_calendar_get_type ())

G_DECLARE_FINAL_TYPE (ZbMeetingsCalendar, zb_meetings_calendar, ZB, MEETINGS_CALENDAR, AdwBin)

/* One row per kind (and per 党小组 for 党小组会), one column per month; a
 * quarter, half year or year spans its months. Each cell says held ✓, due,
 * not held (overdue) or held late, with the rule's reason as its tooltip and
 * its accessible description. */
GtkWidget *zb_meetings_calendar_new (void);

/* Shows @periods (a GPtrArray of ZbMeetingPeriod from
 * zb_meeting_rhythm_for_year(); a reference is taken) of @year; @groups (a
 * GArray of ZbMeetingGroup, may be NULL) names the 党小组 rows. NULL clears. */
void zb_meetings_calendar_set_periods (ZbMeetingsCalendar *self, guint year, GPtrArray *periods,
                                       const GArray *groups);

/* For tests: the period of @kind (and @group_id) that holds @month (1–12),
 * and its cell; NULL when there is none. */
const ZbMeetingPeriod *zb_meetings_calendar_get_period (ZbMeetingsCalendar *self,
                                                        ZbMeetingKind kind, gint64 group_id,
                                                        guint month);
GtkWidget *zb_meetings_calendar_get_cell (ZbMeetingsCalendar *self, ZbMeetingKind kind,
                                          gint64 group_id, guint month);

/* The day the workspace began (NULL: unknown). Set it before the periods:
 * a period that ended before it without a meeting reads 无记录, not 未开. */
void zb_meetings_calendar_set_records_since (ZbMeetingsCalendar *self, const GDate *date);
gboolean zb_meetings_calendar_period_unrecorded (ZbMeetingsCalendar *self,
                                                 const ZbMeetingPeriod *period);

/* The short text a cell shows for @period, translated ("✓ 已开", "待开", …). */
const char *zb_meetings_calendar_status_text (const ZbMeetingPeriod *period);

G_END_DECLS
