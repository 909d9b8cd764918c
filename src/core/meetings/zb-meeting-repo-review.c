/* zb-meeting-repo-review.c — 民主评议党员: the grades of a meeting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md §2.2: the appraisal is held at a 党员大会 (个人自评 → 党员互评 →
 * 民主测评), may be combined with the 组织生活会, and ends with each member's
 * grade 优秀 / 合格 / 基本合格 / 不合格. The grades live beside the meeting,
 * not in its record, so that editing the minutes never touches them; who may
 * be graded is the meeting's attendance as frozen from the roster on its date.
 */
#define G_LOG_DOMAIN "zhibu-meetings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-meetings-private.h"

static const char SQL_GRADES[]
    = "SELECT uuid, member_id, member_name, grade, remark, created_at FROM meeting_review_grade"
      " WHERE meeting_id = ?1 ORDER BY sort_order, id";
static const char SQL_DELETE_GRADES[] = "DELETE FROM meeting_review_grade WHERE meeting_id = ?1";
static const char SQL_INSERT_GRADE[]
    = "INSERT INTO meeting_review_grade (uuid, meeting_id, member_id, member_name, grade, remark,"
      " sort_order, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_MEMBER_NAME[] = "SELECT name FROM member WHERE id = ?1";

/* A stored grade with when its row was first written. */
typedef struct
{
  ZbMeetingGrade *grade;
  char *created_at;
} Stored;

static void
stored_free (Stored *s)
{
  zb_meeting_grade_free (s->grade);
  g_free (s->created_at);
  g_free (s);
}

/* The kinds a 民主评议 can be recorded at (see zb-meeting-repo.h). */
static gboolean
kind_holds_review (ZbMeetingKind kind)
{
  return kind == ZB_MEETING_APPRAISAL || kind == ZB_MEETING_GENERAL || kind == ZB_MEETING_LIFE;
}

static gboolean
check_kind (const ZbMeetingRecord *meeting, GError **error)
{
  if (kind_holds_review (meeting->kind))
    return TRUE;
  return _zb_meeting_set_error (
      error, ZB_MEETING_ERROR_INVALID,
      _ ("Grades of the democratic appraisal of members can be recorded only for an appraisal "
         "meeting, or for the branch general meeting or organisational life meeting it was held "
         "with."));
}

/* The stored grades of @meeting_id as a GPtrArray of Stored, in order. */
static GPtrArray *
load_stored (ZbMeetingRepo *self, gint64 meeting_id, GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)stored_free);
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_GRADES, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Stored *s = g_new0 (Stored, 1);
      ZbReviewGrade grade = ZB_REVIEW_GRADE_NONE;

      zb_review_grade_from_string ((const char *)sqlite3_column_text (stmt, 3), &grade);
      s->grade = zb_meeting_grade_new (sqlite3_column_int64 (stmt, 1),
                                       (const char *)sqlite3_column_text (stmt, 2), grade,
                                       (const char *)sqlite3_column_text (stmt, 4));
      s->grade->uuid = _zb_column_dup_text (stmt, 0);
      s->created_at = _zb_column_dup_text (stmt, 5);
      g_ptr_array_add (list, s);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Who may be graded: a GPtrArray of ZbMeetingGrade (grade NONE), in the
 * order of the attendance list — the meeting's 应到 members, or the branch's
 * roster on the date when no attendance was listed — then any member already
 * graded who is no longer on it (a grade stored is never hidden, so that
 * saving the dialog again does not drop it). */
static GPtrArray *
load_candidates (ZbMeetingRepo *self, const ZbMeetingRecord *meeting, GPtrArray *stored,
                 GError **error)
{
  g_autoptr (GPtrArray) list
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) roster = NULL;
  const GPtrArray *people = meeting->attendees;

  if (people->len == 0)
    {
      roster = zb_meeting_repo_roster_on (self, meeting->kind, meeting->branch_id,
                                          meeting->group_id, meeting->date, error);
      if (roster == NULL)
        return NULL;
      people = roster;
    }

  for (guint i = 0; i < people->len; i++)
    {
      const ZbMeetingAttendee *a = g_ptr_array_index ((GPtrArray *)people, i);

      if (a->member_id == 0 || a->role == ZB_ATTENDANCE_OBSERVER
          || g_hash_table_contains (seen, &a->member_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&a->member_id, sizeof a->member_id));
      g_ptr_array_add (list,
                       zb_meeting_grade_new (a->member_id, a->name, ZB_REVIEW_GRADE_NONE, NULL));
    }
  for (guint i = 0; stored != NULL && i < stored->len; i++)
    {
      const Stored *s = g_ptr_array_index (stored, i);

      if (g_hash_table_contains (seen, &s->grade->member_id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&s->grade->member_id, sizeof s->grade->member_id));
      g_ptr_array_add (list, zb_meeting_grade_new (s->grade->member_id, s->grade->member_name,
                                                   ZB_REVIEW_GRADE_NONE, NULL));
    }
  return g_steal_pointer (&list);
}

GPtrArray *
zb_meeting_repo_list_review_grades (ZbMeetingRepo *self, const char *meeting_uuid, GError **error)
{
  g_autoptr (ZbMeetingRecord) meeting = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  GPtrArray *grades;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  meeting = _zb_meeting_repo_load (self, meeting_uuid, error);
  if (meeting == NULL)
    return NULL;
  stored = load_stored (self, meeting->id, error);
  if (stored == NULL)
    return NULL;

  grades = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  for (guint i = 0; i < stored->len; i++)
    {
      Stored *s = g_ptr_array_index (stored, i);

      g_ptr_array_add (grades, g_steal_pointer (&s->grade));
    }
  return grades;
}

GPtrArray *
zb_meeting_repo_list_review_candidates (ZbMeetingRepo *self, const char *meeting_uuid,
                                        GError **error)
{
  g_autoptr (ZbMeetingRecord) meeting = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GHashTable) by_member = NULL;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  meeting = _zb_meeting_repo_load (self, meeting_uuid, error);
  if (meeting == NULL || !check_kind (meeting, error))
    return NULL;
  stored = load_stored (self, meeting->id, error);
  if (stored == NULL)
    return NULL;
  candidates = load_candidates (self, meeting, stored, error);
  if (candidates == NULL)
    return NULL;

  by_member = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < stored->len; i++)
    {
      Stored *s = g_ptr_array_index (stored, i);

      g_hash_table_insert (by_member, &s->grade->member_id, s->grade);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      ZbMeetingGrade *c = g_ptr_array_index (candidates, i);
      const ZbMeetingGrade *s = g_hash_table_lookup (by_member, &c->member_id);

      if (s == NULL)
        continue;
      /* The name stored with the grade is the one the sheet printed. */
      g_ptr_array_index (candidates, i) = zb_meeting_grade_copy (s);
      zb_meeting_grade_free (c);
    }
  return g_steal_pointer (&candidates);
}

/* ------------------------------------------------------------------------- */
/* Setting the grades                                                        */

static char *
grades_to_json (const char *meeting_uuid, GPtrArray *grades)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  zb_audit_json_add_string (b, "meeting_uuid", meeting_uuid);
  json_builder_set_member_name (b, "grades");
  json_builder_begin_array (b);
  for (guint i = 0; i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);

      json_builder_begin_object (b);
      zb_audit_json_add_string (b, "uuid", g->uuid);
      zb_audit_json_add_id (b, "member_id", g->member_id);
      zb_audit_json_add_string (b, "member_name", g->member_name);
      zb_audit_json_add_string (b, "grade", zb_review_grade_to_string (g->grade));
      zb_audit_json_add_string (b, "remark", g->remark);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The member's name for a message: the one given, else the roster's. */
static char *
member_name (ZbMeetingRepo *self, const ZbMeetingGrade *g)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  sqlite3_stmt *stmt;
  char *name = NULL;

  if (g->member_name != NULL && g->member_name[0] != '\0')
    return g_strdup (g->member_name);
  stmt = _zb_database_prepare (db, SQL_MEMBER_NAME, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, g->member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _zb_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

/* Text trimmed, NULL when nothing is left. */
static char *
dup_trimmed (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  return copy[0] != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* The grades to store, from @grades: NONE left out, names and remarks
 * normalised, each member once and gradable; NULL with
 * ZB_MEETING_ERROR_INVALID naming the first problem. */
static GPtrArray *
normalise (ZbMeetingRepo *self, GPtrArray *grades, GPtrArray *candidates, GError **error)
{
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  g_autoptr (GHashTable) gradable = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < candidates->len; i++)
    {
      ZbMeetingGrade *c = g_ptr_array_index (candidates, i);

      g_hash_table_insert (gradable, &c->member_id, c);
    }

  for (guint i = 0; grades != NULL && i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);
      const ZbMeetingGrade *c;
      ZbMeetingGrade *n;
      g_autofree char *name = NULL;

      if (g->grade == ZB_REVIEW_GRADE_NONE)
        continue;
      if (g->grade < ZB_REVIEW_GRADE_NONE || g->grade >= ZB_REVIEW_N_GRADES)
        {
          _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                                 _ ("A grade must be excellent, qualified, basically qualified "
                                    "or unqualified."));
          return NULL;
        }
      c = g_hash_table_lookup (gradable, &g->member_id);
      if (c == NULL)
        {
          name = member_name (self, g);
          if (name == NULL)
            _zb_meeting_set_error (error, ZB_MEETING_ERROR_INVALID,
                                   _ ("A member to be graded is not on the roster."));
          else
            g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID,
                         _ ("%s was not a member expected at this meeting, so cannot be graded "
                            "at it."),
                         name);
          return NULL;
        }
      if (g_hash_table_contains (seen, &g->member_id))
        {
          g_set_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID,
                       _ ("%s is graded twice. Give each member one grade."), c->member_name);
          return NULL;
        }

      name = dup_trimmed (g->member_name);
      n = zb_meeting_grade_new (c->member_id, name != NULL ? name : c->member_name, g->grade, NULL);
      n->remark = dup_trimmed (g->remark);
      g_ptr_array_add (out, n);
      g_hash_table_add (seen, &n->member_id);
    }
  return g_steal_pointer (&out);
}

static gboolean
same_grades (GPtrArray *a, GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const ZbMeetingGrade *x = g_ptr_array_index (a, i);
      const ZbMeetingGrade *y = g_ptr_array_index (b, i);

      if (x->member_id != y->member_id || x->grade != y->grade
          || g_strcmp0 (x->member_name, y->member_name) != 0
          || g_strcmp0 (x->remark, y->remark) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_in_transaction (ZbMeetingRepo *self, const char *meeting_uuid, GPtrArray *grades,
                    GError **error)
{
  ZbDatabase *db = zb_meeting_repo_get_database (self);
  g_autoptr (ZbMeetingRecord) meeting = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GHashTable) by_member = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  sqlite3_stmt *stmt;

  meeting = _zb_meeting_repo_load (self, meeting_uuid, error);
  if (meeting == NULL || !check_kind (meeting, error))
    return FALSE;
  stored = load_stored (self, meeting->id, error);
  if (stored == NULL)
    return FALSE;
  candidates = load_candidates (self, meeting, stored, error);
  if (candidates == NULL)
    return FALSE;
  after = normalise (self, grades, candidates, error);
  if (after == NULL)
    return FALSE;

  before = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  by_member = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < stored->len; i++)
    {
      Stored *s = g_ptr_array_index (stored, i);

      g_ptr_array_add (before, zb_meeting_grade_copy (s->grade));
      g_hash_table_insert (by_member, &s->grade->member_id, s);
    }
  if (same_grades (before, after))
    return TRUE; /* nothing changes, nothing to audit */

  stmt = _zb_database_prepare (db, SQL_DELETE_GRADES, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  if (!_zb_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < after->len; i++)
    {
      ZbMeetingGrade *g = g_ptr_array_index (after, i);
      const Stored *s = g_hash_table_lookup (by_member, &g->member_id);

      /* A member's row keeps its uuid and first writing across edits. */
      g->uuid = s != NULL ? g_strdup (s->grade->uuid) : _zb_new_uuid ();
      stmt = _zb_database_prepare (db, SQL_INSERT_GRADE, error);
      if (stmt == NULL)
        return FALSE;
      _zb_bind_text_or_null (stmt, 1, g->uuid);
      sqlite3_bind_int64 (stmt, 2, meeting->id);
      sqlite3_bind_int64 (stmt, 3, g->member_id);
      _zb_bind_text_or_null (stmt, 4, g->member_name);
      _zb_bind_text_or_null (stmt, 5, zb_review_grade_to_string (g->grade));
      _zb_bind_text_or_null (stmt, 6, g->remark);
      sqlite3_bind_int (stmt, 7, (int)i);
      _zb_bind_text_or_null (stmt, 8, s != NULL ? s->created_at : now);
      _zb_bind_text_or_null (stmt, 9, now);
      if (!_zb_database_step_done (db, stmt, error))
        return FALSE;
    }

  before_json = grades_to_json (meeting->uuid, before);
  after_json = grades_to_json (meeting->uuid, after);
  return zb_audit_append (db, "grade", "meeting_review", meeting->uuid, before_json, after_json,
                          error);
}

gboolean
zb_meeting_repo_set_review_grades (ZbMeetingRepo *self, const char *meeting_uuid, GPtrArray *grades,
                                   GError **error)
{
  ZbDatabase *db;

  g_return_val_if_fail (ZB_IS_MEETING_REPO (self), FALSE);
  g_return_val_if_fail (meeting_uuid != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = zb_meeting_repo_get_database (self);
  if (!_zb_database_begin (db, error))
    return FALSE;
  return _zb_meeting_repo_finish (self, set_in_transaction (self, meeting_uuid, grades, error),
                                  error);
}
