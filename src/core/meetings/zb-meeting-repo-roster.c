/* zb-meeting-repo-roster.c — who was expected at a meeting, as the roster
 * stood on its date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's present state is not enough: the minutes of a meeting in March
 * must list those who were members in March, with the votes they had then
 * (DOMAIN.md §1.5, §2.1). The member's dated events (转入, 转出, 出党, 死亡,
 * 停止党籍/恢复党籍) and dates (入党, 转正) say what was true on the day; the
 * rules module (zb_voting_right_on()) decides from those facts.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-meetings-private.h"
#include "zb-member-rules.h"

#define CANDIDATE_COLUMNS                                                                          \
  "m.id, m.name, m.category, m.joined_date, m.full_date, m.status, m.left_date, m.standing"

/* A branch's members with its groups' (?1 NULL: the whole workspace). */
static const char SQL_BRANCH_MEMBERS[] = "SELECT " CANDIDATE_COLUMNS " FROM member m"
                                         " WHERE ?1 IS NULL OR m.branch_id = ?1"
                                         " ORDER BY m.stroke_key, m.id";
static const char SQL_GROUP_MEMBERS[] = "SELECT " CANDIDATE_COLUMNS " FROM member m"
                                        " WHERE m.group_id = ?1 ORDER BY m.stroke_key, m.id";
/* The committee on ?2: posts of the branch other than 党小组长 held that day
 * (an ended post up to its last day), 书记 first as zb_org_repo_list_posts()
 * orders them. */
static const char SQL_COMMITTEE_MEMBERS[]
    = "SELECT " CANDIDATE_COLUMNS " FROM member m JOIN party_post p ON p.member_id = m.id"
      " WHERE p.org_unit_id = ?1 AND p.role <> 'group_leader' AND p.start_date <= ?2"
      " AND (p.end_date IS NULL OR p.end_date >= ?2)"
      " GROUP BY m.id ORDER BY min (CASE p.role WHEN 'secretary' THEN 0"
      " WHEN 'deputy_secretary' THEN 1 WHEN 'organisation' THEN 2 WHEN 'propaganda' THEN 3"
      " WHEN 'discipline' THEN 4 ELSE 5 END), m.stroke_key, m.id";

/* The events that move a member onto or off the roster, or change their
 * standing or category, in the order they happened. */
static const char SQL_EVENTS[]
    = "SELECT kind, event_date FROM member_event WHERE member_id = ?1"
      " AND kind IN ('transfer_in', 'transfer_out', 'leave', 'death', 'suspend', 'restore',"
      " 'full_membership') ORDER BY event_date, id";

typedef struct
{
  gint64 id;
  char *name;
  ZbVoterFacts facts;
  gboolean on_roster;
  /* the member as the roster holds them today */
  gboolean active;
  gboolean suspended_now;
  char *left_date;
} Candidate;

static void
candidate_free (Candidate *c)
{
  g_free (c->name);
  g_free (c->left_date);
  g_free (c);
}

/* g_set_str() is newer than GLib 2.74. */
static void
replace_str (char **slot, const char *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
set_date (GDate *date, const char *text)
{
  g_date_clear (date, 1);
  if (text != NULL)
    zb_parse_iso_date (text, date);
}

/* Applies the member's events up to @date (ISO text) to @c: whether they were
 * on the roster that day, suspended, and since when a full member.
 *
 * A member is on the roster from 入党 on unless the first move recorded is a
 * 转入 (then from that day); after that, the last move on or before the date
 * decides: 转入 puts them on, 转出, 出党 and death take them off. A member no
 * longer active whose leaving has no event (an imported archive) left on their
 * left_date; without one, when is unknown, and they are left out. */
static gboolean
apply_events (ZbDatabase *db, Candidate *c, const char *date, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_EVENTS, error);
  g_autofree char *first_move = NULL;
  g_autofree char *last_move = NULL;
  g_autofree char *last_standing = NULL;
  g_autofree char *full_event = NULL;
  gboolean any_standing = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *)sqlite3_column_text (stmt, 0);
      const char *on = (const char *)sqlite3_column_text (stmt, 1);
      gboolean by_then = g_strcmp0 (on, date) <= 0;

      if (g_str_equal (kind, "suspend") || g_str_equal (kind, "restore"))
        {
          any_standing = TRUE;
          if (by_then)
            replace_str (&last_standing, kind);
        }
      else if (g_str_equal (kind, "full_membership"))
        {
          if (full_event == NULL)
            full_event = g_strdup (on);
        }
      else
        {
          if (first_move == NULL)
            first_move = g_strdup (kind);
          if (by_then)
            replace_str (&last_move, kind);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  if (last_move != NULL)
    c->on_roster = g_str_equal (last_move, "transfer_in");
  else if (g_strcmp0 (first_move, "transfer_in") == 0)
    c->on_roster = FALSE; /* came to the branch after the date */
  else if (first_move == NULL && !c->active)
    c->on_roster = c->left_date != NULL && strcmp (date, c->left_date) < 0;
  else
    c->on_roster = TRUE;

  /* 停止党籍 by its events; a member suspended without one (imported so) is
   * taken as suspended on every date: the best the roster can say. */
  c->facts.suspended = any_standing ? g_strcmp0 (last_standing, "suspend") == 0 : c->suspended_now;

  /* 转正 recorded as an event but without the date on the member. */
  if (!g_date_valid (&c->facts.full) && full_event != NULL)
    set_date (&c->facts.full, full_event);
  return TRUE;
}

GPtrArray *
zb_meeting_repo_roster_on (ZbMeetingRepo *self, ZbMeetingKind kind, gint64 branch_id,
                           gint64 group_id, const char *date, GError **error)
{
  ZbDatabase *db;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GPtrArray) attendees = NULL;
  sqlite3_stmt *stmt;
  GDate day;
  int rc;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);

  if (!zb_parse_iso_date (date, &day))
    {
      _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                             _ ("The date of the meeting is not a real date."));
      return NULL;
    }
  db = zb_meeting_repo_get_database (self);

  if (kind == ZB_MEETING_GROUP)
    {
      stmt = _zb_database_prepare (db, SQL_GROUP_MEMBERS, error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, group_id);
    }
  else if (kind == ZB_MEETING_COMMITTEE)
    {
      stmt = _zb_database_prepare (db, SQL_COMMITTEE_MEMBERS, error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, branch_id);
          sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
        }
    }
  else
    {
      stmt = _zb_database_prepare (db, SQL_BRANCH_MEMBERS, error);
      if (stmt != NULL)
        _zb_bind_id_or_null (stmt, 1, branch_id);
    }
  if (stmt == NULL)
    return NULL;

  /* Read every candidate first: the events are read with another statement,
   * one member at a time (the member_event index is by member). */
  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)candidate_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate *c = g_new0 (Candidate, 1);
      const char *status = (const char *)sqlite3_column_text (stmt, 5);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = _zb_column_dup_text (stmt, 1);
      zb_member_category_from_string ((const char *)sqlite3_column_text (stmt, 2),
                                      &c->facts.category);
      set_date (&c->facts.joined, (const char *)sqlite3_column_text (stmt, 3));
      set_date (&c->facts.full, (const char *)sqlite3_column_text (stmt, 4));
      /* The roster's verdict (on_roster) replaces a left date: never set. */
      g_date_clear (&c->facts.left, 1);
      c->active = g_strcmp0 (status, "active") == 0;
      c->left_date = _zb_column_dup_text (stmt, 6);
      c->suspended_now = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 7), "suspended") == 0;
      g_ptr_array_add (candidates, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }

  attendees = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attendee_free);
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (candidates, i);
      ZbVotingRight right;
      ZbMeetingAttendee *a;

      if (!apply_events (db, c, date, error))
        return NULL;
      if (!c->on_roster)
        continue;

      right = zb_voting_right_on (&c->facts, &day);
      if (!zb_voting_right_expected (right))
        continue;
      a = zb_meeting_attendee_new (c->id, c->name, ZB_ATTENDANCE_EXPECTED);
      a->voting = zb_voting_right_votes (right);
      g_ptr_array_add (attendees, a);
    }
  return g_steal_pointer (&attendees);
}

gboolean
zb_meeting_repo_fill_expected (ZbMeetingRepo *self, ZbMeetingRecord *record, GError **error)
{
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GHashTable) recorded = NULL;
  g_autoptr (GPtrArray) attendees = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (record->kind == ZB_MEETING_GROUP && record->group_id == 0)
    return _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                                  _ ("Choose the Party group that held the group meeting."));
  if (record->kind == ZB_MEETING_COMMITTEE && record->branch_id == 0)
    return _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                                  _ ("Choose the branch whose committee met."));

  roster = zb_meeting_repo_roster_on (self, record->kind, record->branch_id, record->group_id,
                                      record->date, error);
  if (roster == NULL)
    return FALSE;

  /* What was already recorded for a member (role, reason, uuid) stays. */
  recorded = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < record->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (record->attendees, i);

      if (a->member_id != 0 && a->role != ZB_ATTENDANCE_OBSERVER)
        g_hash_table_insert (recorded, &a->member_id, a);
    }

  attendees = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_attendee_free);
  for (guint i = 0; i < roster->len; i++)
    {
      ZbMeetingAttendee *expected = g_ptr_array_index (roster, i);
      ZbMeetingAttendee *before = g_hash_table_lookup (recorded, &expected->member_id);

      if (before != NULL)
        {
          expected->uuid = g_strdup (before->uuid);
          expected->role = before->role;
          expected->leave_reason = g_strdup (before->leave_reason);
        }
      g_ptr_array_add (attendees, zb_meeting_attendee_copy (expected));
    }
  /* Those who sat in stay, after the expected. */
  for (guint i = 0; i < record->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (record->attendees, i);

      if (a->role == ZB_ATTENDANCE_OBSERVER)
        g_ptr_array_add (attendees, zb_meeting_attendee_copy (a));
    }

  g_ptr_array_unref (record->attendees);
  record->attendees = g_steal_pointer (&attendees);
  return TRUE;
}
