/* zb-meeting-repo-check.c — 三会一课: the rules a meeting record must keep
 * before it is written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-meetings-private.h"
#include "zb-member-rules.h"

static const char SQL_UNIT_KIND[] = "SELECT kind, parent_id FROM org_unit WHERE id = ?1";
static const char SQL_MEMBER_NAME[] = "SELECT name FROM member WHERE id = ?1";

static gboolean
set_invalid (GError **error, const char *message)
{
  return _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID, message);
}

static gboolean
valid_time (const char *text)
{
  return text != NULL && strlen (text) == 5 && g_ascii_isdigit (text[0])
         && g_ascii_isdigit (text[1]) && text[2] == ':' && g_ascii_isdigit (text[3])
         && g_ascii_isdigit (text[4]) && (text[0] - '0') * 10 + (text[1] - '0') < 24
         && text[3] < '6';
}

/* The kind ("branch", "group", …) and parent of unit @id; *kind NULL when
 * there is none. */
static gboolean
lookup_unit (ZbMeetingRepo *self, gint64 id, char **kind, gint64 *parent, GError **error)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (zb_meeting_repo_get_database (self), SQL_UNIT_KIND, error);
  int rc;

  *kind = NULL;
  *parent = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *kind = _zb_column_dup_text (stmt, 0);
      *parent = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (zb_meeting_repo_get_database (self), error);
  return TRUE;
}

/* The member's name in *name (NULL when there is no such member). */
static gboolean
lookup_member (ZbMeetingRepo *self, gint64 id, char **name, GError **error)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (zb_meeting_repo_get_database (self), SQL_MEMBER_NAME, error);
  int rc;

  *name = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *name = _zb_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (zb_meeting_repo_get_database (self), error);
  return TRUE;
}

static gboolean
check_member (ZbMeetingRepo *self, gint64 id, char **name_out, GError **error)
{
  g_autofree char *name = NULL;

  if (!lookup_member (self, id, &name, error))
    return FALSE;
  if (name == NULL)
    return set_invalid (error, _ ("A person chosen for the meeting is not on the roster."));
  if (name_out != NULL)
    *name_out = g_steal_pointer (&name);
  return TRUE;
}

static gboolean
check_units (ZbMeetingRepo *self, ZbMeetingRecord *r, GError **error)
{
  g_autofree char *kind = NULL;
  gint64 parent;

  if (r->kind == ZB_MEETING_GROUP && r->group_id == 0)
    return set_invalid (error, _ ("Choose the Party group that held the group meeting."));

  if (r->group_id != 0)
    {
      if (!lookup_unit (self, r->group_id, &kind, &parent, error))
        return FALSE;
      if (g_strcmp0 (kind, "group") != 0)
        return set_invalid (error, _ ("The Party group of the meeting does not exist."));
      if (r->branch_id == 0)
        r->branch_id = parent;
      else if (r->branch_id != parent)
        return set_invalid (error, _ ("The Party group does not belong to the meeting’s branch."));
      g_clear_pointer (&kind, g_free);
    }

  if (r->branch_id != 0)
    {
      if (!lookup_unit (self, r->branch_id, &kind, &parent, error))
        return FALSE;
      if (g_strcmp0 (kind, "branch") != 0)
        return set_invalid (error, _ ("The branch of the meeting does not exist."));
    }
  else if (r->kind == ZB_MEETING_COMMITTEE)
    return set_invalid (error, _ ("Choose the branch whose committee met."));
  return TRUE;
}

static gboolean
check_children (ZbMeetingRepo *self, ZbMeetingRecord *r, GError **error)
{
  g_autoptr (GHashTable) members
      = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) topics = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < r->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (r->attendees, i);

      if ((guint)a->role > ZB_ATTENDANCE_OBSERVER)
        return set_invalid (error, _ ("The attendance of a person is not valid."));
      if (a->member_id != 0)
        {
          g_autofree char *name = NULL;

          if (g_hash_table_contains (members, &a->member_id))
            return set_invalid (error, _ ("A person is on the attendance list twice."));
          g_hash_table_add (members, g_memdup2 (&a->member_id, sizeof a->member_id));
          if (!check_member (self, a->member_id, &name, error))
            return FALSE;
          if (a->name == NULL || *a->name == '\0')
            {
              g_free (a->name);
              a->name = g_steal_pointer (&name);
            }
        }
      else if (a->name == NULL || *g_strstrip (a->name) == '\0')
        return set_invalid (error, _ ("Give the name of each person who sat in."));
      else if (a->role != ZB_ATTENDANCE_OBSERVER)
        return set_invalid (error, _ ("Only members on the roster can be expected at a "
                                      "meeting; others sit in."));
      /* A reason belongs to a leave only: one left over from a change of mind
       * would be printed in the minutes. */
      if (a->role != ZB_ATTENDANCE_LEAVE)
        g_clear_pointer (&a->leave_reason, g_free);
      if (a->role == ZB_ATTENDANCE_OBSERVER)
        a->voting = FALSE;
    }

  for (guint i = 0; i < r->topics->len; i++)
    {
      ZbMeetingTopic *t = g_ptr_array_index (r->topics, i);

      if (t->title == NULL || *g_strstrip (t->title) == '\0')
        return set_invalid (error, _ ("Every topic needs a title."));
      if (t->uuid == NULL)
        t->uuid = _zb_new_uuid ();
      g_hash_table_add (topics, t->uuid);
      for (guint j = 0; j < t->speeches->len; j++)
        {
          ZbMeetingSpeech *s = g_ptr_array_index (t->speeches, j);
          g_autofree char *name = NULL;

          if (s->member_id != 0 && !check_member (self, s->member_id, &name, error))
            return FALSE;
          if (s->speaker_name == NULL || *g_strstrip (s->speaker_name) == '\0')
            {
              if (name == NULL)
                return set_invalid (error, _ ("Every speech needs the name of its speaker."));
              g_free (s->speaker_name);
              s->speaker_name = g_steal_pointer (&name);
            }
          if (s->text == NULL)
            s->text = g_strdup ("");
        }
    }

  for (guint i = 0; i < r->votes->len; i++)
    {
      ZbMeetingVote *v = g_ptr_array_index (r->votes, i);

      if (v->subject == NULL || *g_strstrip (v->subject) == '\0')
        return set_invalid (error, _ ("Every vote needs to say what was voted on."));
      if ((guint)v->form > ZB_VOTE_FORM_SECRET_BALLOT
          || (guint)v->result > ZB_VOTE_RESULT_NOT_PASSED)
        return set_invalid (error, _ ("The form or result of a vote is not valid."));
      if (v->topic_uuid != NULL && !g_hash_table_contains (topics, v->topic_uuid))
        return set_invalid (error, _ ("A vote refers to a topic that is not on the agenda."));
    }

  for (guint i = 0; i < r->resolutions->len; i++)
    {
      ZbMeetingResolution *res = g_ptr_array_index (r->resolutions, i);

      if (res->text == NULL || *g_strstrip (res->text) == '\0')
        return set_invalid (error, _ ("A resolution has no text."));
      if ((res->due_date != NULL && !zb_parse_iso_date (res->due_date, NULL))
          || (res->done_date != NULL && !zb_parse_iso_date (res->done_date, NULL)))
        return set_invalid (error, zb_rule_code_get_message (ZB_RULE_DATE_FORMAT));
      if (res->owner_id != 0 && !check_member (self, res->owner_id, NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* Normalises (trims texts) and checks the record against the rules of the
 * header and the roster. */
gboolean
_zb_meeting_repo_check_record (ZbMeetingRepo *self, ZbMeetingRecord *r, GError **error)
{
  if ((guint)r->kind >= ZB_MEETING_N_KINDS)
    return set_invalid (error, _ ("The kind of meeting is not valid."));
  if (!zb_parse_iso_date (r->date, NULL))
    return set_invalid (error, _ ("The date of the meeting is not a real date."));
  if ((r->start_time != NULL && !valid_time (r->start_time))
      || (r->end_time != NULL && !valid_time (r->end_time)))
    return set_invalid (error, _ ("Give times of day as hours and minutes, for example 14:30."));
  if (r->start_time != NULL && r->end_time != NULL && strcmp (r->end_time, r->start_time) <= 0)
    return set_invalid (error, _ ("The meeting must end after it starts."));
  if (r->title == NULL)
    r->title = g_strdup ("");
  g_strstrip (r->title);
  if (r->place != NULL)
    g_strstrip (r->place);

  if (!check_units (self, r, error))
    return FALSE;
  if ((r->chair_id != 0 && !check_member (self, r->chair_id, NULL, error))
      || (r->recorder_id != 0 && !check_member (self, r->recorder_id, NULL, error)))
    return FALSE;
  return check_children (self, r, error);
}
