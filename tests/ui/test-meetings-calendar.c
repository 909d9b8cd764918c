/* test-meetings-calendar.c — periods before the workspace read 无记录
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace set up in November cannot know which meetings a branch held
 * in spring: the rules (DOMAIN.md §2.2) still find those periods overdue,
 * and the calendar shows them as 无记录 — calm, and not counted as the
 * branch's failings — while every period after the set-up day, and any
 * period with a meeting recorded, keeps the status the rules gave it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui-test-util.h"
#include "zb-meetings-calendar.h"

static GPtrArray *
rhythm_2026 (void)
{
  g_autoptr (GArray) held = g_array_new (FALSE, TRUE, sizeof (ZbHeldMeeting));
  ZbHeldMeeting march = { .kind = ZB_MEETING_COMMITTEE };
  ZbHeldMeeting may_late = { .kind = ZB_MEETING_GENERAL };
  ZbMeetingPlan plan;
  GDate today;

  /* A 支委会 held in March; the first-quarter 党员大会 held late, in May. */
  g_date_set_dmy (&march.date, 10, G_DATE_MARCH, 2026);
  g_date_set_dmy (&may_late.date, 6, G_DATE_MAY, 2026);
  g_array_append_val (held, march);
  g_array_append_val (held, may_late);

  zb_meeting_plan_init_default (&plan);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  return zb_meeting_rhythm_for_year (&plan, held, NULL, NULL, 2026, &today);
}

static const char *
cell_text (ZbMeetingsCalendar *calendar, ZbMeetingKind kind, guint month)
{
  GtkWidget *cell = zb_meetings_calendar_get_cell (calendar, kind, 0, month);

  g_assert_nonnull (cell);
  return gtk_label_get_label (GTK_LABEL (cell));
}

static void
test_records_since (void)
{
  g_autoptr (GPtrArray) periods = rhythm_2026 ();
  ZbMeetingsCalendar *calendar = ZB_MEETINGS_CALENDAR (zb_meetings_calendar_new ());
  const ZbMeetingPeriod *january;
  GDate since;

  g_object_ref_sink (calendar);

  /* Without a set-up day every past period without a meeting is 未开. */
  zb_meetings_calendar_set_periods (calendar, 2026, periods, NULL);
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 1), ==,
                   C_ ("meeting period", "Not held"));

  /* Set up on 1 October 2026: September ended the day before. */
  g_date_set_dmy (&since, 1, G_DATE_OCTOBER, 2026);
  zb_meetings_calendar_set_records_since (calendar, &since);
  zb_meetings_calendar_set_periods (calendar, 2026, periods, NULL);

  january = zb_meetings_calendar_get_period (calendar, ZB_MEETING_COMMITTEE, 0, 1);
  g_assert_nonnull (january);
  g_assert_cmpint (january->status, ==, ZB_PERIOD_OVERDUE);
  g_assert_true (zb_meetings_calendar_period_unrecorded (calendar, january));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 1), ==,
                   C_ ("meeting period", "No record"));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 9), ==,
                   C_ ("meeting period", "No record"));
  g_assert_cmpstr (
      gtk_widget_get_tooltip_text (
          zb_meetings_calendar_get_cell (calendar, ZB_MEETING_COMMITTEE, 0, 1)),
      ==,
      _ ("This period ended before the workspace was set up. Meetings held then can still be "
         "recorded."));

  /* A meeting recorded keeps its status, and so does a period held late
   * (February's 支委会 came in March; the first quarter's 党员大会 in May). */
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 2), ==,
                   C_ ("meeting period", "Held late"));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 3), ==,
                   C_ ("meeting period", "✓ Held"));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_GENERAL, 1), ==,
                   C_ ("meeting period", "Held late"));

  /* October: ends after the set-up day, so it stays 未开. */
  g_assert_false (zb_meetings_calendar_period_unrecorded (
      calendar, zb_meetings_calendar_get_period (calendar, ZB_MEETING_COMMITTEE, 0, 10)));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 10), ==,
                   C_ ("meeting period", "Not held"));

  /* Set up on 30 September: September ends on or after it — still 未开. */
  g_date_set_dmy (&since, 30, G_DATE_SEPTEMBER, 2026);
  zb_meetings_calendar_set_records_since (calendar, &since);
  zb_meetings_calendar_set_periods (calendar, 2026, periods, NULL);
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 9), ==,
                   C_ ("meeting period", "Not held"));
  g_assert_cmpstr (cell_text (calendar, ZB_MEETING_COMMITTEE, 8), ==,
                   C_ ("meeting period", "No record"));

  g_object_unref (calendar);
}

int
main (int argc, char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/meetings-calendar/records-since", test_records_since);

  return g_test_run ();
}
