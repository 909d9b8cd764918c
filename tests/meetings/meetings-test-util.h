/* meetings-test-util.h — a workspace with a branch, a group and members, for
 * the meeting tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "../roster/roster-test-util.h"
#include "zb-meeting-repo.h"

typedef struct
{
  RosterFixture roster;
  ZbMeetingRepo *meetings;
  ZbOrgUnit *branch;
  ZbOrgUnit *group;
} MeetingFixture;

static inline void
meeting_fixture_set_up (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  roster_fixture_set_up (&f->roster, data);
  f->meetings = zb_meeting_repo_new (f->roster.db);
  f->branch = zb_org_repo_create_unit (f->roster.org, ZB_ORG_UNIT_BRANCH, 0, "第一支部", &error);
  g_assert_no_error (error);
  f->group = zb_org_repo_create_unit (f->roster.org, ZB_ORG_UNIT_GROUP, f->branch->id, "第一党小组",
                                      &error);
  g_assert_no_error (error);
}

static inline void
meeting_fixture_tear_down (MeetingFixture *f, gconstpointer data)
{
  g_clear_object (&f->meetings);
  g_clear_pointer (&f->branch, zb_org_unit_free);
  g_clear_pointer (&f->group, zb_org_unit_free);
  roster_fixture_tear_down (&f->roster, data);
}

/* A member of the branch (and of the group when @in_group) who joined on
 * @joined and became a full member on @full (NULL: still probationary). */
static inline ZbMemberRecord *
meeting_member (MeetingFixture *f, const char *name, int seq, const char *joined, const char *full,
                gboolean in_group)
{
  ZbMemberRecord *r = roster_record (name, "19800101", seq);

  g_free (r->joined_date);
  r->joined_date = g_strdup (joined);
  g_free (r->full_date);
  r->full_date = g_strdup (full);
  r->category = full != NULL ? ZB_CATEGORY_FULL : ZB_CATEGORY_PROBATIONARY;
  r->branch_id = f->branch->id;
  r->group_id = in_group ? f->group->id : 0;
  return roster_insert (&f->roster, r);
}

static inline void
meeting_event (MeetingFixture *f, const ZbMemberRecord *m, ZbMemberEventKind kind, const char *date)
{
  g_autoptr (ZbMemberEvent) event = zb_member_event_new (kind, date);
  g_autoptr (GError) error = NULL;

  if (kind == ZB_EVENT_TRANSFER_OUT || kind == ZB_EVENT_TRANSFER_IN)
    event->counterpart = g_strdup ("中共某某支部委员会");
  g_assert_true (zb_member_repo_record_event (f->roster.repo, m->uuid, event, &error));
  g_assert_no_error (error);
}

/* The attendee of @member_id in @attendees, or NULL. */
static inline const ZbMeetingAttendee *
meeting_find_attendee (const GPtrArray *attendees, gint64 member_id)
{
  for (guint i = 0; i < attendees->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index ((GPtrArray *)attendees, i);

      if (a->member_id == member_id)
        return a;
    }
  return NULL;
}

static inline gint64
meeting_count_audit (MeetingFixture *f, const char *entity)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      f->roster.db, "SELECT count(*) FROM audit_log WHERE entity = ?1", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static inline void
meeting_assert_audit_ok (MeetingFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_audit_verify (f->roster.db, NULL, NULL, &error));
  g_assert_no_error (error);
}
