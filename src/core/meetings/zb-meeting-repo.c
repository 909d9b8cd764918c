/* zb-meeting-repo.c — 三会一课: writing a meeting with its children
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checks live in zb-meeting-repo-check.c, reading in
 * zb-meeting-repo-read.c, the roster on a meeting date in
 * zb-meeting-repo-roster.c, resolutions' follow-up and attachments in
 * zb-meeting-repo-items.c.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include "zb-audit.h"
#include "zb-meetings-private.h"

struct _ZbMeetingRepo
{
  GObject parent_instance;

  ZbDatabase *db;
};

G_DEFINE_FINAL_TYPE (ZbMeetingRepo, zb_meeting_repo, G_TYPE_OBJECT)

GQuark
zb_meeting_error_quark (void)
{
  return g_quark_from_static_string ("zb-meeting-error-quark");
}

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char SQL_INSERT[]
    = "INSERT INTO meeting (uuid, kind, title, date, start_time, end_time, place, branch_id,"
      " group_id, chair_id, recorder_id, archived, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

static const char SQL_UPDATE[]
    = "UPDATE meeting SET kind = ?2, title = ?3, date = ?4, start_time = ?5, end_time = ?6,"
      " place = ?7, branch_id = ?8, group_id = ?9, chair_id = ?10, recorder_id = ?11,"
      " archived = ?12, updated_at = ?14 WHERE uuid = ?1";

static const char SQL_INSERT_ATTENDEE[]
    = "INSERT INTO meeting_attendee (uuid, meeting_id, member_id, name, role, leave_reason,"
      " voting, sort_order, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_INSERT_TOPIC[]
    = "INSERT INTO meeting_topic (uuid, meeting_id, sort_order, title, minutes, created_at,"
      " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_INSERT_SPEECH[]
    = "INSERT INTO meeting_speech (uuid, topic_id, sort_order, member_id, speaker_name, text,"
      " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_INSERT_VOTE[]
    = "INSERT INTO meeting_vote (uuid, meeting_id, topic_id, sort_order, subject, form, yes, no,"
      " abstain, written_opinions, result, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char SQL_INSERT_RESOLUTION[]
    = "INSERT INTO meeting_resolution (uuid, meeting_id, sort_order, text, owner_id, due_date,"
      " done_date, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* When each child row was first written, so that an edit, which replaces the
 * rows, keeps it. */
static const char SQL_CHILD_CREATED[]
    = "SELECT uuid, created_at FROM meeting_attendee WHERE meeting_id = ?1"
      " UNION ALL SELECT uuid, created_at FROM meeting_topic WHERE meeting_id = ?1"
      " UNION ALL SELECT s.uuid, s.created_at FROM meeting_speech s"
      "   JOIN meeting_topic t ON t.id = s.topic_id WHERE t.meeting_id = ?1"
      " UNION ALL SELECT uuid, created_at FROM meeting_vote WHERE meeting_id = ?1"
      " UNION ALL SELECT uuid, created_at FROM meeting_resolution WHERE meeting_id = ?1";

/* Children first: the votes and speeches refer to the topics. */
static const char *const SQL_DELETE_CHILDREN[] = {
  "DELETE FROM meeting_speech WHERE topic_id IN"
  " (SELECT id FROM meeting_topic WHERE meeting_id = ?1)",
  "DELETE FROM meeting_vote WHERE meeting_id = ?1",
  "DELETE FROM meeting_topic WHERE meeting_id = ?1",
  "DELETE FROM meeting_attendee WHERE meeting_id = ?1",
  "DELETE FROM meeting_resolution WHERE meeting_id = ?1",
};

static void
zb_meeting_repo_dispose (GObject *object)
{
  ZbMeetingRepo *self = (ZbMeetingRepo *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (zb_meeting_repo_parent_class)->dispose (object);
}

static void
zb_meeting_repo_class_init (ZbMeetingRepoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_meeting_repo_dispose;

  /* After every committed write, so that lists and warnings refresh. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
zb_meeting_repo_init (ZbMeetingRepo *self)
{
}

ZbMeetingRepo *
zb_meeting_repo_new (ZbDatabase *db)
{
  ZbMeetingRepo *self;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_MEETING_REPO, NULL);
  self->db = g_object_ref (db);
  return self;
}

ZbDatabase *
zb_meeting_repo_get_database (ZbMeetingRepo *self)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  return self->db;
}

/* ------------------------------------------------------------------------- */
/* Helpers shared by the repository's files                                  */

gboolean
_zb_meeting_set_error (GError **error, ZbMeetingError code, const char *message)
{
  g_set_error_literal (error, ZB_MEETING_ERROR, code, message);
  return FALSE;
}

gboolean
_zb_meeting_repo_finish (ZbMeetingRepo *self, gboolean ok, GError **error)
{
  if (!_zb_database_finish (self->db, ok, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

ZbMeetingRecord *
_zb_meeting_record_from_row (sqlite3_stmt *stmt, int c)
{
  ZbMeetingKind kind = ZB_MEETING_OTHER;
  ZbMeetingRecord *r;

  zb_meeting_kind_from_string ((const char *)sqlite3_column_text (stmt, c + 2), &kind);
  r = zb_meeting_record_new (kind, (const char *)sqlite3_column_text (stmt, c + 4));
  r->id = sqlite3_column_int64 (stmt, c + 0);
  r->uuid = _zb_column_dup_text (stmt, c + 1);
  r->title = _zb_column_dup_text (stmt, c + 3);
  r->start_time = _zb_column_dup_text (stmt, c + 5);
  r->end_time = _zb_column_dup_text (stmt, c + 6);
  r->place = _zb_column_dup_text (stmt, c + 7);
  r->branch_id = sqlite3_column_int64 (stmt, c + 8);
  r->group_id = sqlite3_column_int64 (stmt, c + 9);
  r->chair_id = sqlite3_column_int64 (stmt, c + 10);
  r->recorder_id = sqlite3_column_int64 (stmt, c + 11);
  r->archived = sqlite3_column_int (stmt, c + 12) != 0;
  r->created_at = _zb_column_dup_text (stmt, c + 13);
  r->updated_at = _zb_column_dup_text (stmt, c + 14);
  return r;
}

/* ------------------------------------------------------------------------- */
/* Writing the children                                                      */

static gboolean
insert_topics (ZbMeetingRepo *self, ZbMeetingRecord *r, GHashTable *created, const char *now,
               GHashTable *topic_ids, GError **error)
{
  for (guint i = 0; i < r->topics->len; i++)
    {
      ZbMeetingTopic *t = g_ptr_array_index (r->topics, i);
      sqlite3_stmt *stmt = _zb_database_prepare (self->db, SQL_INSERT_TOPIC, error);
      gint64 topic_id;

      if (stmt == NULL)
        return FALSE;
      _zb_bind_text_or_null (stmt, 1, t->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      sqlite3_bind_int (stmt, 3, (int)i);
      _zb_bind_text_or_null (stmt, 4, t->title);
      _zb_bind_text_or_null (stmt, 5, t->minutes);
      _zb_bind_text_or_null (stmt, 6, _zb_created_at (created, t->uuid, now));
      _zb_bind_text_or_null (stmt, 7, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
      topic_id = sqlite3_last_insert_rowid (_zb_database_get_handle (self->db));
      g_hash_table_insert (topic_ids, t->uuid, g_memdup2 (&topic_id, sizeof topic_id));

      for (guint j = 0; j < t->speeches->len; j++)
        {
          ZbMeetingSpeech *s = g_ptr_array_index (t->speeches, j);

          stmt = _zb_database_prepare (self->db, SQL_INSERT_SPEECH, error);
          if (stmt == NULL)
            return FALSE;
          if (s->uuid == NULL)
            s->uuid = _zb_new_uuid ();
          _zb_bind_text_or_null (stmt, 1, s->uuid);
          sqlite3_bind_int64 (stmt, 2, topic_id);
          sqlite3_bind_int (stmt, 3, (int)j);
          _zb_bind_id_or_null (stmt, 4, s->member_id);
          _zb_bind_text_or_null (stmt, 5, s->speaker_name);
          _zb_bind_text_or_null (stmt, 6, s->text);
          _zb_bind_text_or_null (stmt, 7, _zb_created_at (created, s->uuid, now));
          _zb_bind_text_or_null (stmt, 8, now);
          if (!_zb_database_step_done (self->db, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_children (ZbMeetingRepo *self, ZbMeetingRecord *r, GHashTable *created, const char *now,
                 GError **error)
{
  g_autoptr (GHashTable) topic_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < r->attendees->len; i++)
    {
      ZbMeetingAttendee *a = g_ptr_array_index (r->attendees, i);

      stmt = _zb_database_prepare (self->db, SQL_INSERT_ATTENDEE, error);
      if (stmt == NULL)
        return FALSE;
      if (a->uuid == NULL)
        a->uuid = _zb_new_uuid ();
      _zb_bind_text_or_null (stmt, 1, a->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      _zb_bind_id_or_null (stmt, 3, a->member_id);
      _zb_bind_text_or_null (stmt, 4, a->name);
      _zb_bind_text_or_null (stmt, 5, zb_attendance_to_string (a->role));
      _zb_bind_text_or_null (stmt, 6, a->leave_reason);
      sqlite3_bind_int (stmt, 7, a->voting ? 1 : 0);
      sqlite3_bind_int (stmt, 8, (int)i);
      _zb_bind_text_or_null (stmt, 9, _zb_created_at (created, a->uuid, now));
      _zb_bind_text_or_null (stmt, 10, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  if (!insert_topics (self, r, created, now, topic_ids, error))
    return FALSE;

  for (guint i = 0; i < r->votes->len; i++)
    {
      ZbMeetingVote *v = g_ptr_array_index (r->votes, i);
      gint64 *topic_id
          = v->topic_uuid != NULL ? g_hash_table_lookup (topic_ids, v->topic_uuid) : NULL;

      stmt = _zb_database_prepare (self->db, SQL_INSERT_VOTE, error);
      if (stmt == NULL)
        return FALSE;
      if (v->uuid == NULL)
        v->uuid = _zb_new_uuid ();
      _zb_bind_text_or_null (stmt, 1, v->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      _zb_bind_id_or_null (stmt, 3, topic_id != NULL ? *topic_id : 0);
      sqlite3_bind_int (stmt, 4, (int)i);
      _zb_bind_text_or_null (stmt, 5, v->subject);
      _zb_bind_text_or_null (stmt, 6, zb_vote_form_to_string (v->form));
      sqlite3_bind_int64 (stmt, 7, v->yes);
      sqlite3_bind_int64 (stmt, 8, v->no);
      sqlite3_bind_int64 (stmt, 9, v->abstain);
      sqlite3_bind_int64 (stmt, 10, v->written_opinions);
      _zb_bind_text_or_null (stmt, 11, zb_vote_result_to_string (v->result));
      _zb_bind_text_or_null (stmt, 12, _zb_created_at (created, v->uuid, now));
      _zb_bind_text_or_null (stmt, 13, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < r->resolutions->len; i++)
    {
      ZbMeetingResolution *res = g_ptr_array_index (r->resolutions, i);

      stmt = _zb_database_prepare (self->db, SQL_INSERT_RESOLUTION, error);
      if (stmt == NULL)
        return FALSE;
      if (res->uuid == NULL)
        res->uuid = _zb_new_uuid ();
      _zb_bind_text_or_null (stmt, 1, res->uuid);
      sqlite3_bind_int64 (stmt, 2, r->id);
      sqlite3_bind_int (stmt, 3, (int)i);
      _zb_bind_text_or_null (stmt, 4, res->text);
      _zb_bind_id_or_null (stmt, 5, res->owner_id);
      _zb_bind_text_or_null (stmt, 6, res->due_date);
      _zb_bind_text_or_null (stmt, 7, res->done_date);
      _zb_bind_text_or_null (stmt, 8, _zb_created_at (created, res->uuid, now));
      _zb_bind_text_or_null (stmt, 9, now);
      if (!_zb_database_step_done (self->db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Parameters ?1 … ?14 of SQL_INSERT and SQL_UPDATE (?13 unused by the
 * update). */
static void
bind_meeting (sqlite3_stmt *stmt, const ZbMeetingRecord *r)
{
  _zb_bind_text_or_null (stmt, 1, r->uuid);
  _zb_bind_text_or_null (stmt, 2, zb_meeting_kind_to_string (r->kind));
  _zb_bind_text_or_null (stmt, 3, r->title);
  _zb_bind_text_or_null (stmt, 4, r->date);
  _zb_bind_text_or_null (stmt, 5, r->start_time);
  _zb_bind_text_or_null (stmt, 6, r->end_time);
  _zb_bind_text_or_null (stmt, 7, r->place);
  _zb_bind_id_or_null (stmt, 8, r->branch_id);
  _zb_bind_id_or_null (stmt, 9, r->group_id);
  _zb_bind_id_or_null (stmt, 10, r->chair_id);
  _zb_bind_id_or_null (stmt, 11, r->recorder_id);
  sqlite3_bind_int (stmt, 12, r->archived ? 1 : 0);
  _zb_bind_text_or_null (stmt, 13, r->created_at);
  _zb_bind_text_or_null (stmt, 14, r->updated_at);
}

static gboolean
audit (ZbMeetingRepo *self, const char *action, const ZbMeetingRecord *before,
       const ZbMeetingRecord *after, GError **error)
{
  g_autofree char *before_json = before != NULL ? zb_meeting_record_to_json (before) : NULL;
  g_autofree char *after_json = after != NULL ? zb_meeting_record_to_json (after) : NULL;

  return zb_audit_append (self->db, action, "meeting", after != NULL ? after->uuid : before->uuid,
                          before_json, after_json, error);
}

/* Hands what was stored back to the caller's record. */
static void
swap_records (ZbMeetingRecord *a, ZbMeetingRecord *b)
{
  ZbMeetingRecord tmp = *a;

  *a = *b;
  *b = tmp;
}

/* ------------------------------------------------------------------------- */
/* Create, update, archive                                                   */

static gboolean
create_in_transaction (ZbMeetingRepo *self, ZbMeetingRecord *r, GError **error)
{
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!_zb_meeting_repo_check_record (self, r, error))
    return FALSE;

  g_free (r->uuid);
  r->uuid = _zb_new_uuid ();
  g_free (r->created_at);
  r->created_at = g_strdup (now);
  g_free (r->updated_at);
  r->updated_at = g_strdup (now);
  g_ptr_array_set_size (r->attachments, 0);

  stmt = _zb_database_prepare (self->db, SQL_INSERT, error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, r);
  if (!_zb_database_step_done (self->db, stmt, error))
    return FALSE;
  r->id = sqlite3_last_insert_rowid (_zb_database_get_handle (self->db));

  return insert_children (self, r, NULL, now, error) && audit (self, "create", NULL, r, error);
}

gboolean
zb_meeting_repo_create (ZbMeetingRepo *self, ZbMeetingRecord *record, GError **error)
{
  g_autoptr (ZbMeetingRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A copy, so that a failure leaves the caller's record as it was. */
  work = zb_meeting_record_copy (record);
  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!_zb_meeting_repo_finish (self, create_in_transaction (self, work, error), error))
    return FALSE;
  swap_records (record, work);
  return TRUE;
}

static gboolean
update_in_transaction (ZbMeetingRepo *self, ZbMeetingRecord *r, GError **error)
{
  g_autoptr (ZbMeetingRecord) before = NULL;
  g_autoptr (GHashTable) created = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;

  before = _zb_meeting_repo_load (self, r->uuid, error);
  if (before == NULL)
    return FALSE;
  if (!_zb_meeting_repo_check_record (self, r, error))
    return FALSE;

  r->id = before->id;
  g_free (r->created_at);
  r->created_at = g_strdup (before->created_at);
  g_free (r->updated_at);
  r->updated_at = g_strdup (now);
  /* Attachments are written on their own; the record shows what is stored. */
  g_ptr_array_unref (r->attachments);
  r->attachments = g_ptr_array_ref (before->attachments);

  created = _zb_database_load_created (self->db, SQL_CHILD_CREATED, r->id, error);
  if (created == NULL)
    return FALSE;
  if (!_zb_database_exec_each_for_id (self->db, SQL_DELETE_CHILDREN,
                                      G_N_ELEMENTS (SQL_DELETE_CHILDREN), r->id, error))
    return FALSE;

  stmt = _zb_database_prepare (self->db, SQL_UPDATE, error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, r);
  if (!_zb_database_step_done (self->db, stmt, error))
    return FALSE;

  return insert_children (self, r, created, now, error) && audit (self, "update", before, r, error);
}

gboolean
zb_meeting_repo_update (ZbMeetingRepo *self, ZbMeetingRecord *record, GError **error)
{
  g_autoptr (ZbMeetingRecord) work = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (record != NULL && record->uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  work = zb_meeting_record_copy (record);
  if (!_zb_database_begin (self->db, error))
    return FALSE;
  if (!_zb_meeting_repo_finish (self, update_in_transaction (self, work, error), error))
    return FALSE;
  swap_records (record, work);
  return TRUE;
}

static gboolean
archive_in_transaction (ZbMeetingRepo *self, const char *uuid, gboolean archived, GError **error)
{
  g_autoptr (ZbMeetingRecord) before = NULL;
  g_autoptr (ZbMeetingRecord) after = NULL;
  sqlite3_stmt *stmt;

  before = _zb_meeting_repo_load (self, uuid, error);
  if (before == NULL)
    return FALSE;
  if (before->archived == archived)
    return TRUE; /* nothing changes, nothing to audit */

  after = zb_meeting_record_copy (before);
  after->archived = archived;
  g_free (after->updated_at);
  after->updated_at = _zb_now_iso8601 ();

  stmt = _zb_database_prepare (self->db, SQL_UPDATE, error);
  if (stmt == NULL)
    return FALSE;
  bind_meeting (stmt, after);
  return _zb_database_step_done (self->db, stmt, error)
         && audit (self, archived ? "archive" : "unarchive", before, after, error);
}

gboolean
zb_meeting_repo_set_archived (ZbMeetingRepo *self, const char *uuid, gboolean archived,
                              GError **error)
{
  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!_zb_database_begin (self->db, error))
    return FALSE;
  return _zb_meeting_repo_finish (self, archive_in_transaction (self, uuid, archived, error),
                                  error);
}
