/* zb-meeting-repo-read.c — 三会一课: reading one meeting, the year's list, and
 * the open resolutions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-meetings-private.h"
#include "zb-member-rules.h"

static const char SQL_SELECT_BY_UUID[]
    = "SELECT " ZB_MEETING_COLUMNS " FROM meeting m WHERE m.uuid = ?1";

static const char SQL_ATTENDEES[]
    = "SELECT uuid, member_id, name, role, leave_reason, voting FROM meeting_attendee"
      " WHERE meeting_id = ?1 ORDER BY sort_order, id";
static const char SQL_TOPICS[] = "SELECT id, uuid, title, minutes FROM meeting_topic"
                                 " WHERE meeting_id = ?1 ORDER BY sort_order, id";
static const char SQL_SPEECHES[]
    = "SELECT s.topic_id, s.uuid, s.member_id, s.speaker_name, s.text FROM meeting_speech s"
      " JOIN meeting_topic t ON t.id = s.topic_id WHERE t.meeting_id = ?1"
      " ORDER BY s.topic_id, s.sort_order, s.id";
static const char SQL_VOTES[]
    = "SELECT v.uuid, t.uuid, v.subject, v.form, v.yes, v.no, v.abstain, v.written_opinions,"
      " v.result FROM meeting_vote v LEFT JOIN meeting_topic t ON t.id = v.topic_id"
      " WHERE v.meeting_id = ?1 ORDER BY v.sort_order, v.id";
static const char SQL_RESOLUTIONS[]
    = "SELECT r.uuid, r.text, r.owner_id, r.due_date, r.done_date, o.name"
      " FROM meeting_resolution r LEFT JOIN member o ON o.id = r.owner_id"
      " WHERE r.meeting_id = ?1 ORDER BY r.sort_order, r.id";
static const char SQL_ATTACHMENTS[]
    = "SELECT uuid, name, mime_type, size, sha256, created_at FROM meeting_attachment"
      " WHERE meeting_id = ?1 ORDER BY id";

/* The attendance figures come from the attendee rows in the same pass; a year
 * of a branch is about a hundred meetings. Parameters: ?1 and ?2 the first
 * day of the year and of the next (NULL: any), ?3 the kind (NULL: any), ?4
 * the branch (NULL: any), ?5 whether archived meetings are included. */
static const char SQL_LIST[]
    = "SELECT " ZB_MEETING_COLUMNS ","
      " coalesce (sum (a.role <> 'observer'), 0), coalesce (sum (a.role = 'present'), 0),"
      " coalesce (sum (a.role = 'leave'), 0), coalesce (sum (a.role = 'absent'), 0),"
      " coalesce (sum (a.role = 'observer'), 0),"
      " coalesce (sum (a.role <> 'observer' AND a.voting), 0),"
      " coalesce (sum (a.role = 'present' AND a.voting), 0)"
      " FROM meeting m LEFT JOIN meeting_attendee a ON a.meeting_id = m.id"
      " WHERE (?1 IS NULL OR (m.date >= ?1 AND m.date < ?2)) AND (?3 IS NULL OR m.kind = ?3)"
      " AND (?4 IS NULL OR m.branch_id = ?4) AND (?5 OR m.archived = 0)"
      " GROUP BY m.id ORDER BY m.date, coalesce (m.start_time, ''), m.id";

static const char SQL_HELD[]
    = "SELECT kind, date, group_id FROM meeting WHERE archived = 0"
      " AND (?1 IS NULL OR (date >= ?1 AND date < ?2)) AND (?3 IS NULL OR branch_id = ?3)"
      " ORDER BY date, id";

static const char SQL_BATCH_REFERENCES[]
    = "SELECT count(*) FROM member b WHERE b.import_batch_id = ?1 AND ("
      " EXISTS (SELECT 1 FROM meeting_attendee WHERE member_id = b.id)"
      " OR EXISTS (SELECT 1 FROM meeting WHERE chair_id = b.id OR recorder_id = b.id)"
      " OR EXISTS (SELECT 1 FROM meeting_speech WHERE member_id = b.id)"
      " OR EXISTS (SELECT 1 FROM meeting_resolution WHERE owner_id = b.id)"
      " OR EXISTS (SELECT 1 FROM meeting_review_grade WHERE member_id = b.id))";

static const char SQL_OPEN_RESOLUTIONS[]
    = "SELECT r.uuid, r.text, r.owner_id, r.due_date, r.done_date, o.name, m.uuid, m.date,"
      " m.title, m.kind FROM meeting_resolution r JOIN meeting m ON m.id = r.meeting_id"
      " LEFT JOIN member o ON o.id = r.owner_id"
      " WHERE r.done_date IS NULL AND m.archived = 0 AND (?1 IS NULL OR m.branch_id = ?1)"
      " ORDER BY r.due_date IS NULL, r.due_date, m.date, r.sort_order, r.id";

/* Steps @stmt (bound to the meeting id) and hands each row to @read. */
static gboolean
read_rows (ZbMeetingRepo *self, const char *sql, gint64 meeting_id,
           void (*read) (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics),
           ZbMeetingRecord *r, GHashTable *topics, GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  sqlite3_stmt *stmt = _zb_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    read (stmt, r, topics);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return TRUE;
}

static void
read_attendee (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  ZbMeetingAttendee *a = zb_meeting_attendee_new (sqlite3_column_int64 (stmt, 1),
                                                  (const char *)sqlite3_column_text (stmt, 2),
                                                  ZB_ATTENDANCE_EXPECTED);

  a->uuid = _zb_column_dup_text (stmt, 0);
  zb_attendance_from_string ((const char *)sqlite3_column_text (stmt, 3), &a->role);
  a->leave_reason = _zb_column_dup_text (stmt, 4);
  a->voting = sqlite3_column_int (stmt, 5) != 0;
  g_ptr_array_add (r->attendees, a);
}

static void
read_topic (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  ZbMeetingTopic *t = zb_meeting_topic_new ((const char *)sqlite3_column_text (stmt, 2));
  gint64 id = sqlite3_column_int64 (stmt, 0);

  t->uuid = _zb_column_dup_text (stmt, 1);
  t->minutes = _zb_column_dup_text (stmt, 3);
  g_ptr_array_add (r->topics, t);
  g_hash_table_insert (topics, g_memdup2 (&id, sizeof id), t);
}

static void
read_speech (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  gint64 topic_id = sqlite3_column_int64 (stmt, 0);
  ZbMeetingTopic *t = g_hash_table_lookup (topics, &topic_id);
  ZbMeetingSpeech *s;

  if (t == NULL)
    return;
  s = zb_meeting_speech_new (sqlite3_column_int64 (stmt, 2),
                             (const char *)sqlite3_column_text (stmt, 3),
                             (const char *)sqlite3_column_text (stmt, 4));
  s->uuid = _zb_column_dup_text (stmt, 1);
  g_ptr_array_add (t->speeches, s);
}

static void
read_vote (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  ZbVoteForm form = ZB_VOTE_FORM_SHOW_OF_HANDS;
  ZbMeetingVote *v;

  zb_vote_form_from_string ((const char *)sqlite3_column_text (stmt, 3), &form);
  v = zb_meeting_vote_new ((const char *)sqlite3_column_text (stmt, 2), form);
  v->uuid = _zb_column_dup_text (stmt, 0);
  v->topic_uuid = _zb_column_dup_text (stmt, 1);
  v->yes = (guint)sqlite3_column_int64 (stmt, 4);
  v->no = (guint)sqlite3_column_int64 (stmt, 5);
  v->abstain = (guint)sqlite3_column_int64 (stmt, 6);
  v->written_opinions = (guint)sqlite3_column_int64 (stmt, 7);
  zb_vote_result_from_string ((const char *)sqlite3_column_text (stmt, 8), &v->result);
  g_ptr_array_add (r->votes, v);
}

/* Columns 0–5 of SQL_RESOLUTIONS and SQL_OPEN_RESOLUTIONS. */
static ZbMeetingResolution *
resolution_from_row (sqlite3_stmt *stmt)
{
  ZbMeetingResolution *res = zb_meeting_resolution_new (
      (const char *)sqlite3_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2),
      (const char *)sqlite3_column_text (stmt, 3));

  res->uuid = _zb_column_dup_text (stmt, 0);
  res->done_date = _zb_column_dup_text (stmt, 4);
  res->owner_name = _zb_column_dup_text (stmt, 5);
  return res;
}

static void
read_resolution (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  g_ptr_array_add (r->resolutions, resolution_from_row (stmt));
}

static void
read_attachment (sqlite3_stmt *stmt, ZbMeetingRecord *r, GHashTable *topics)
{
  ZbMeetingAttachment *a = g_new0 (ZbMeetingAttachment, 1);

  a->uuid = _zb_column_dup_text (stmt, 0);
  a->name = _zb_column_dup_text (stmt, 1);
  a->mime_type = _zb_column_dup_text (stmt, 2);
  a->size = (guint64)sqlite3_column_int64 (stmt, 3);
  a->sha256 = _zb_column_dup_text (stmt, 4);
  a->created_at = _zb_column_dup_text (stmt, 5);
  g_ptr_array_add (r->attachments, a);
}

ZbMeetingRecord *
_zb_meeting_repo_load (ZbMeetingRepo *self, const char *uuid, GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  g_autoptr (ZbMeetingRecord) r = NULL;
  g_autoptr (GHashTable) topics = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _zb_database_prepare (db, SQL_SELECT_BY_UUID, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_text_or_null (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = _zb_meeting_record_from_row (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      _zb_meeting_set_error (error, ZB_MEETING_ERROR_NOT_FOUND,
                             _ ("The meeting was not found. Someone may have removed the record."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }

  if (!read_rows (self, SQL_ATTENDEES, r->id, read_attendee, r, topics, error)
      || !read_rows (self, SQL_TOPICS, r->id, read_topic, r, topics, error)
      || !read_rows (self, SQL_SPEECHES, r->id, read_speech, r, topics, error)
      || !read_rows (self, SQL_VOTES, r->id, read_vote, r, topics, error)
      || !read_rows (self, SQL_RESOLUTIONS, r->id, read_resolution, r, topics, error)
      || !read_rows (self, SQL_ATTACHMENTS, r->id, read_attachment, r, topics, error))
    return NULL;
  return g_steal_pointer (&r);
}

ZbMeetingRecord *
zb_meeting_repo_get (ZbMeetingRepo *self, const char *uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _zb_meeting_repo_load (self, uuid, error);
}

GPtrArray *
zb_meeting_repo_list (ZbMeetingRepo *self, const ZbMeetingQuery *query, GError **error)
{
  ZbDatabase *db;
  g_autoptr (GPtrArray) meetings = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  db = zb_meeting_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  if (query->year != 0)
    {
      from = g_strdup_printf ("%04u-01-01", query->year);
      to = g_strdup_printf ("%04u-01-01", query->year + 1);
    }
  _zb_bind_text_or_null (stmt, 1, from);
  _zb_bind_text_or_null (stmt, 2, to);
  _zb_bind_text_or_null (
      stmt, 3, query->kind >= 0 ? zb_meeting_kind_to_string ((ZbMeetingKind)query->kind) : NULL);
  _zb_bind_id_or_null (stmt, 4, query->branch_id);
  sqlite3_bind_int (stmt, 5, query->archived ? 1 : 0);

  meetings = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (ZbMeetingRecord) r = _zb_meeting_record_from_row (stmt, 0);
      ZbAttendanceCounts counts = { 0 };
      int c = ZB_MEETING_N_COLUMNS;

      counts.expected = (guint)sqlite3_column_int64 (stmt, c + 0);
      counts.present = (guint)sqlite3_column_int64 (stmt, c + 1);
      counts.leave = (guint)sqlite3_column_int64 (stmt, c + 2);
      counts.absent = (guint)sqlite3_column_int64 (stmt, c + 3);
      counts.observers = (guint)sqlite3_column_int64 (stmt, c + 4);
      counts.voting_expected = (guint)sqlite3_column_int64 (stmt, c + 5);
      counts.voting_present = (guint)sqlite3_column_int64 (stmt, c + 6);
      counts.taken = counts.present + counts.leave + counts.absent > 0;
      g_ptr_array_add (meetings, zb_meeting_new (r, &counts));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&meetings);
}

GPtrArray *
zb_meeting_repo_list_open_resolutions (ZbMeetingRepo *self, gint64 branch_id, GError **error)
{
  ZbDatabase *db;
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);

  db = zb_meeting_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_OPEN_RESOLUTIONS, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_id_or_null (stmt, 1, branch_id);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_resolution_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbMeetingResolution *res = resolution_from_row (stmt);

      res->meeting_uuid = _zb_column_dup_text (stmt, 6);
      res->meeting_date = _zb_column_dup_text (stmt, 7);
      res->meeting_title = _zb_column_dup_text (stmt, 8);
      zb_meeting_kind_from_string ((const char *)sqlite3_column_text (stmt, 9), &res->meeting_kind);
      g_ptr_array_add (list, res);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GArray *
zb_meeting_repo_list_held (ZbMeetingRepo *self, gint64 branch_id, guint year, GError **error)
{
  ZbDatabase *db;
  g_autoptr (GArray) held = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);

  db = zb_meeting_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_HELD, error);
  if (stmt == NULL)
    return NULL;
  if (year != 0)
    {
      from = g_strdup_printf ("%04u-01-01", year);
      to = g_strdup_printf ("%04u-01-01", year + 1);
    }
  _zb_bind_text_or_null (stmt, 1, from);
  _zb_bind_text_or_null (stmt, 2, to);
  _zb_bind_id_or_null (stmt, 3, branch_id);

  held = g_array_new (FALSE, TRUE, sizeof (ZbHeldMeeting));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbHeldMeeting h = { 0 };

      if (!zb_meeting_kind_from_string ((const char *)sqlite3_column_text (stmt, 0), &h.kind))
        continue;
      g_date_clear (&h.date, 1);
      if (!zb_parse_iso_date ((const char *)sqlite3_column_text (stmt, 1), &h.date))
        continue;
      h.group_id = h.kind == ZB_MEETING_GROUP ? sqlite3_column_int64 (stmt, 2) : 0;
      g_array_append_val (held, h);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&held);
}

gboolean
zb_meeting_repo_count_batch_references (ZbMeetingRepo *self, gint64 import_batch_id,
                                        guint *n_members, GError **error)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (n_members != NULL, FALSE);

  return _zb_database_count_for_id (zb_meeting_repo_get_database (self), SQL_BATCH_REFERENCES,
                                    import_batch_id, n_members, error);
}
