/* test-meeting-attendance.c — who was expected at a meeting, frozen from the
 * roster as it stood on the meeting date, and the quorum from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "meetings-test-util.h"

#define ADD_TEST(path, func)                                                                       \
  g_test_add (path, MeetingFixture, NULL, meeting_fixture_set_up, func, meeting_fixture_tear_down)

#define MEETING_DATE "2026-02-15"

/* DOMAIN.md §1.5, §2.1: a member who joined after the date is not expected; a
 * 预备党员 is listed but has no vote; one who left (转出) before the date is
 * not expected, one who left after is; one who came (转入) after the date is
 * not; 转正 decides the vote by its date; 停止党籍 on the day means not
 * expected. */
static void
test_roster_on_date (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbMemberRecord) full
      = meeting_member (f, "张三", 11, "2000-07-01", "2001-07-01", TRUE);
  g_autoptr (ZbMemberRecord) later
      = meeting_member (f, "李四", 13, "2026-03-01", NULL, FALSE); /* joined after */
  g_autoptr (ZbMemberRecord) probationary
      = meeting_member (f, "王五", 15, "2025-10-01", NULL, TRUE);
  g_autoptr (ZbMemberRecord) became_full
      = meeting_member (f, "赵六", 17, "2025-01-10", "2026-01-10", FALSE);
  g_autoptr (ZbMemberRecord) full_after
      = meeting_member (f, "孙七", 19, "2025-03-01", "2026-03-01", FALSE);
  g_autoptr (ZbMemberRecord) left_before
      = meeting_member (f, "周八", 21, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) left_after
      = meeting_member (f, "吴九", 23, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) came_after
      = meeting_member (f, "郑十", 25, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) suspended
      = meeting_member (f, "钱一", 27, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) left_on_day
      = meeting_member (f, "冯二", 29, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) group = NULL;
  const ZbMeetingAttendee *a;

  meeting_event (f, left_before, ZB_EVENT_TRANSFER_OUT, "2026-01-20");
  meeting_event (f, left_after, ZB_EVENT_TRANSFER_OUT, "2026-05-01");
  meeting_event (f, came_after, ZB_EVENT_TRANSFER_IN, "2026-04-01");
  meeting_event (f, suspended, ZB_EVENT_SUSPEND, "2026-02-01");
  meeting_event (f, left_on_day, ZB_EVENT_TRANSFER_OUT, MEETING_DATE);

  expected = zb_meeting_repo_roster_on (f->meetings, ZB_MEETING_GENERAL, f->branch->id, 0,
                                        MEETING_DATE, &error);
  g_assert_no_error (error);

  a = meeting_find_attendee (expected, full->id);
  g_assert_nonnull (a);
  g_assert_true (a->voting);
  g_assert_cmpstr (a->name, ==, "张三");
  g_assert_cmpint (a->role, ==, ZB_ATTENDANCE_EXPECTED);

  g_assert_null (meeting_find_attendee (expected, later->id));

  a = meeting_find_attendee (expected, probationary->id);
  g_assert_nonnull (a);
  g_assert_false (a->voting);

  a = meeting_find_attendee (expected, became_full->id);
  g_assert_nonnull (a);
  g_assert_true (a->voting);

  a = meeting_find_attendee (expected, full_after->id);
  g_assert_nonnull (a);
  g_assert_false (a->voting);

  g_assert_null (meeting_find_attendee (expected, left_before->id));
  g_assert_nonnull (meeting_find_attendee (expected, left_after->id));
  g_assert_null (meeting_find_attendee (expected, came_after->id));
  g_assert_null (meeting_find_attendee (expected, suspended->id));
  g_assert_null (meeting_find_attendee (expected, left_on_day->id));
  g_assert_cmpuint (expected->len, ==, 5);

  /* The same roster on a later date: the late joiner, 转正 and the one who
   * came are in; those who left are out. */
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = zb_meeting_repo_roster_on (f->meetings, ZB_MEETING_GENERAL, f->branch->id, 0,
                                        "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (meeting_find_attendee (expected, later->id));
  g_assert_true (meeting_find_attendee (expected, full_after->id)->voting);
  g_assert_nonnull (meeting_find_attendee (expected, came_after->id));
  g_assert_null (meeting_find_attendee (expected, left_after->id));

  /* 党小组会: only the group's members */
  group = zb_meeting_repo_roster_on (f->meetings, ZB_MEETING_GROUP, f->branch->id, f->group->id,
                                     MEETING_DATE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (group->len, ==, 2);
  g_assert_nonnull (meeting_find_attendee (group, full->id));
  g_assert_nonnull (meeting_find_attendee (group, probationary->id));
}

/* 支委会: the committee members whose posts were held on the date. */
static void
test_committee_on_date (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbMemberRecord) secretary
      = meeting_member (f, "张三", 11, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) old_member
      = meeting_member (f, "李四", 13, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) new_member
      = meeting_member (f, "王五", 15, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) group_leader
      = meeting_member (f, "赵六", 17, "2000-07-01", "2001-07-01", TRUE);
  g_autoptr (ZbCommitteeTerm) term = NULL;
  g_autoptr (ZbPartyPost) p1 = NULL;
  g_autoptr (ZbPartyPost) p2 = NULL;
  g_autoptr (ZbPartyPost) p3 = NULL;
  g_autoptr (ZbPartyPost) p4 = NULL;
  g_autoptr (GPtrArray) committee = NULL;

  term = zb_org_repo_add_term (f->roster.org, f->branch->id, "2024-01-01", "2027-01-01", &error);
  g_assert_no_error (error);
  p1 = zb_org_repo_add_post (f->roster.org, secretary->id, f->branch->id, term->id,
                             ZB_POST_SECRETARY, "2024-01-01", NULL, &error);
  p2 = zb_org_repo_add_post (f->roster.org, old_member->id, f->branch->id, term->id,
                             ZB_POST_ORGANISATION, "2024-01-01", "2026-01-31", &error);
  p3 = zb_org_repo_add_post (f->roster.org, new_member->id, f->branch->id, term->id,
                             ZB_POST_ORGANISATION, "2026-02-01", NULL, &error);
  p4 = zb_org_repo_add_post (f->roster.org, group_leader->id, f->group->id, 0, ZB_POST_GROUP_LEADER,
                             "2024-01-01", NULL, &error);
  g_assert_no_error (error);

  committee = zb_meeting_repo_roster_on (f->meetings, ZB_MEETING_COMMITTEE, f->branch->id, 0,
                                         "2026-01-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (committee->len, ==, 2);
  /* 书记 first */
  g_assert_cmpint (((ZbMeetingAttendee *)g_ptr_array_index (committee, 0))->member_id, ==,
                   secretary->id);
  g_assert_nonnull (meeting_find_attendee (committee, old_member->id));
  g_clear_pointer (&committee, g_ptr_array_unref);

  committee = zb_meeting_repo_roster_on (f->meetings, ZB_MEETING_COMMITTEE, f->branch->id, 0,
                                         "2026-02-01", &error);
  g_assert_cmpuint (committee->len, ==, 2);
  g_assert_nonnull (meeting_find_attendee (committee, new_member->id));
  g_assert_null (meeting_find_attendee (committee, old_member->id));
  g_assert_null (meeting_find_attendee (committee, group_leader->id));
}

/* What was stored stays as it was on the day: a later 转正 does not give the
 * member a vote at an earlier meeting. fill_expected() keeps what was
 * recorded and those who sat in. */
static void
test_frozen_and_quorum (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbMemberRecord) a = meeting_member (f, "张三", 11, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) b = meeting_member (f, "李四", 13, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) c = meeting_member (f, "王五", 15, "2000-07-01", "2001-07-01", FALSE);
  g_autoptr (ZbMemberRecord) p = meeting_member (f, "赵六", 17, "2025-10-01", NULL, FALSE);
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (ZB_MEETING_GENERAL, MEETING_DATE);
  g_autoptr (ZbMeetingRecord) loaded = NULL;
  g_autoptr (ZbRuleCheck) quorum = NULL;
  g_autoptr (GPtrArray) list = NULL;
  ZbMeetingQuery query = ZB_MEETING_QUERY_INIT;
  ZbAttendanceCounts counts;
  ZbMeetingAttendee *guest;

  m->branch_id = f->branch->id;
  guest = zb_meeting_attendee_new (0, "上级党委联系人", ZB_ATTENDANCE_OBSERVER);
  g_ptr_array_add (m->attendees, guest);
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (m->attendees->len, ==, 5);
  /* the guest stays, after the expected */
  g_assert_cmpstr (((ZbMeetingAttendee *)g_ptr_array_index (m->attendees, 4))->name, ==,
                   "上级党委联系人");

  /* One of three voting members present (the probationary member's
   * presence does not count): below quorum. */
  for (guint i = 0; i < m->attendees->len; i++)
    {
      ZbMeetingAttendee *at = g_ptr_array_index (m->attendees, i);

      if (at->member_id == a->id || at->member_id == p->id)
        at->role = ZB_ATTENDANCE_PRESENT;
      else if (at->member_id != 0)
        at->role = ZB_ATTENDANCE_ABSENT;
    }
  /* filling again keeps what was recorded */
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
  g_assert_cmpint (meeting_find_attendee (m->attendees, a->id)->role, ==, ZB_ATTENDANCE_PRESENT);
  g_assert_cmpuint (m->attendees->len, ==, 5);

  zb_meeting_count_attendance (m->attendees, &counts);
  g_assert_cmpuint (counts.expected, ==, 4);
  g_assert_cmpuint (counts.voting_expected, ==, 3);
  g_assert_cmpuint (counts.present, ==, 2);
  g_assert_cmpuint (counts.voting_present, ==, 1);
  g_assert_cmpuint (counts.observers, ==, 1);
  quorum = zb_meeting_check_attendance (ZB_MEETING_GENERAL, &counts);
  g_assert_nonnull (quorum);
  g_assert_false (quorum->ok);
  g_assert_cmpint (quorum->code, ==, ZB_RULE_QUORUM_NOT_MET);
  g_clear_pointer (&quorum, zb_rule_check_free);

  /* a second voting member present: 2 of 3, quorate */
  ((ZbMeetingAttendee *)meeting_find_attendee (m->attendees, b->id))->role = ZB_ATTENDANCE_PRESENT;
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
  query.year = 2026;
  list = zb_meeting_repo_list (f->meetings, &query, &error);
  g_assert_cmpuint (list->len, ==, 1);
  quorum = zb_meeting_check_quorum_status (g_ptr_array_index (list, 0));
  g_assert_nonnull (quorum);
  g_assert_true (quorum->ok);
  g_assert_cmpuint (quorum->total, ==, 3);
  g_assert_cmpuint (quorum->count, ==, 2);

  /* 转正 after the meeting: the stored attendance does not change */
  meeting_event (f, p, ZB_EVENT_FULL_MEMBERSHIP, "2026-10-01");
  loaded = zb_meeting_repo_get (f->meetings, m->uuid, &error);
  g_assert_no_error (error);
  g_assert_false (meeting_find_attendee (loaded->attendees, p->id)->voting);
  g_assert_cmpstr (meeting_find_attendee (loaded->attendees, c->id)->name, ==, "王五");

  /* attendance not taken: no quorum to show */
  {
    g_autoptr (ZbMeetingRecord) planned = zb_meeting_record_new (ZB_MEETING_GENERAL, "2026-03-01");

    planned->branch_id = f->branch->id;
    g_assert_true (zb_meeting_repo_fill_expected (f->meetings, planned, &error));
    zb_meeting_count_attendance (planned->attendees, &counts);
    g_assert_false (counts.taken);
    g_assert_null (zb_meeting_check_attendance (ZB_MEETING_GENERAL, &counts));
  }
  /* a kind without a quorum rule */
  counts.taken = TRUE;
  g_assert_null (zb_meeting_check_attendance (ZB_MEETING_LESSON, &counts));
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  ADD_TEST ("/meetings/roster-on-date", test_roster_on_date);
  ADD_TEST ("/meetings/committee-on-date", test_committee_on_date);
  ADD_TEST ("/meetings/frozen-and-quorum", test_frozen_and_quorum);

  return g_test_run ();
}
