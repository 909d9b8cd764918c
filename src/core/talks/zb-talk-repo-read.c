/* zb-talk-repo-read.c — 谈心谈话: reading talks (never their contents), the
 * talks of a person, and the year's coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "zb-member-rules.h"
#include "zb-talks-private.h"

static const char SQL_BY_UUID[] = "SELECT " ZB_TALK_COLUMNS " FROM talk t WHERE t.uuid = ?1";
static const char SQL_LIST[]
    = "SELECT " ZB_TALK_COLUMNS " FROM talk t"
      " WHERE (?1 IS NULL OR t.date BETWEEN ?1 AND ?2) AND (?3 IS NULL OR t.kind = ?3)"
      " AND (?4 IS NULL OR t.branch_id = ?4) AND (?5 OR t.archived = 0)"
      " ORDER BY t.date, t.start_time, t.id";
/* ?1 a member, else (NULL) the person of key ?2. */
static const char SQL_FOR_PERSON[]
    = "SELECT " ZB_TALK_COLUMNS " FROM talk t"
      " WHERE t.archived = 0 AND (?3 IS NULL OR t.kind = ?3) AND t.id IN"
      " (SELECT talk_id FROM talk_participant WHERE CASE WHEN ?1 IS NOT NULL"
      "  THEN member_id = ?1 ELSE member_id IS NULL AND person_key = ?2 END)"
      " ORDER BY t.date, t.start_time, t.id";
static const char SQL_PARTICIPANTS[]
    = "SELECT p.uuid, p.side, p.member_id, m.uuid, p.name, p.person_key, p.post"
      " FROM talk_participant p LEFT JOIN member m ON m.id = p.member_id"
      " WHERE p.talk_id = ?1 ORDER BY p.sort_order, p.id";
static const char SQL_ACTIONS[]
    = "SELECT uuid, text, owner_id, owner_name, due_date, done_date FROM talk_action"
      " WHERE talk_id = ?1 ORDER BY sort_order, id";

/* The members of a branch (?1 NULL: all) on the roster at some time in the
 * year (?3 its first day): committee is a post of their branch other than
 * 党小组长 held on ?2. A member transferred out left on the day of their last
 * 转出 (the roster keeps no left_date for a transfer). A member who left
 * without a date is left out: when they left is unknown. */
static const char SQL_ROSTER[]
    = "SELECT m.uuid, m.name, m.joined_date, m.status,"
      " coalesce (m.left_date, CASE WHEN m.status = 'transferred_out' THEN"
      "  (SELECT max (e.event_date) FROM member_event e WHERE e.member_id = m.id"
      "   AND e.kind = 'transfer_out') END) AS left_on,"
      " (SELECT min (e.event_date) FROM member_event e WHERE e.member_id = m.id"
      "  AND e.kind = 'transfer_in'),"
      " EXISTS (SELECT 1 FROM party_post p WHERE p.member_id = m.id"
      "  AND p.org_unit_id = m.branch_id AND p.role <> 'group_leader' AND p.start_date <= ?2"
      "  AND (p.end_date IS NULL OR p.end_date >= ?2)) AS committee"
      " FROM member m WHERE (?1 IS NULL OR m.branch_id = ?1)"
      " AND (m.status = 'active' OR (left_on IS NOT NULL AND left_on >= ?3))"
      " ORDER BY committee DESC, m.stroke_key, m.id";

static ZbTalkRecord *
record_from_row (sqlite3_stmt *stmt)
{
  ZbTalkKind kind = ZB_TALK_KIND_OTHER;
  ZbTalkRecord *r;

  zb_talk_kind_from_string ((const char *)sqlite3_column_text (stmt, 2), &kind);
  r = zb_talk_record_new (kind, (const char *)sqlite3_column_text (stmt, 3));
  r->id = sqlite3_column_int64 (stmt, 0);
  r->uuid = _zb_column_dup_text (stmt, 1);
  r->start_time = _zb_column_dup_text (stmt, 4);
  r->place = _zb_column_dup_text (stmt, 5);
  r->topic = _zb_column_dup_text (stmt, 6);
  r->branch_id = sqlite3_column_int64 (stmt, 7);
  r->recorder_id = sqlite3_column_int64 (stmt, 8);
  r->recorder_name = _zb_column_dup_text (stmt, 9);
  r->archived = sqlite3_column_int (stmt, 10) != 0;
  r->created_at = _zb_column_dup_text (stmt, 11);
  r->updated_at = _zb_column_dup_text (stmt, 12);
  return r;
}

static gboolean
load_children (ZbDatabase *db, ZbTalkRecord *r, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_PARTICIPANTS, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbTalkParticipant *p = g_new0 (ZbTalkParticipant, 1);

      p->uuid = _zb_column_dup_text (stmt, 0);
      p->side = g_strcmp0 ((const char *)sqlite3_column_text (stmt, 1), "talker") == 0
                    ? ZB_TALK_SIDE_TALKER
                    : ZB_TALK_SIDE_TALKED_WITH;
      p->member_id = sqlite3_column_int64 (stmt, 2);
      p->member_uuid = _zb_column_dup_text (stmt, 3);
      p->name = _zb_column_dup_text (stmt, 4);
      p->person_key = _zb_column_dup_text (stmt, 5);
      p->post = _zb_column_dup_text (stmt, 6);
      g_ptr_array_add (r->participants, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);

  stmt = _zb_database_prepare (db, SQL_ACTIONS, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbTalkAction *a = g_new0 (ZbTalkAction, 1);

      a->uuid = _zb_column_dup_text (stmt, 0);
      a->text = _zb_column_dup_text (stmt, 1);
      a->owner_id = sqlite3_column_int64 (stmt, 2);
      a->owner_name = _zb_column_dup_text (stmt, 3);
      a->due_date = _zb_column_dup_text (stmt, 4);
      a->done_date = _zb_column_dup_text (stmt, 5);
      g_ptr_array_add (r->actions, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return TRUE;
}

/* Every row of @stmt (bound, not yet stepped) as a record with children. */
static GPtrArray *
read_records (ZbDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) records
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_talk_record_free);
  int rc;

  /* The rows first: the children are read with other statements. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  for (guint i = 0; i < records->len; i++)
    if (!load_children (db, g_ptr_array_index (records, i), error))
      return NULL;
  return g_steal_pointer (&records);
}

ZbTalkRecord *
_zb_talk_repo_load (ZbTalkRepo *self, const char *uuid, GError **error)
{
  ZbDatabase *db = zb_talk_repo_get_database (self);
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_BY_UUID, error);
  g_autoptr (GPtrArray) records = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  records = read_records (db, stmt, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0)
    {
      _zb_talk_set_error (error, ZB_TALK_ERROR_NOT_FOUND, _ ("This talk record no longer exists."));
      return NULL;
    }
  return g_ptr_array_steal_index (records, 0);
}

ZbTalkRecord *
zb_talk_repo_get (ZbTalkRepo *self, const char *uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return _zb_talk_repo_load (self, uuid, error);
}

GPtrArray *
zb_talk_repo_list (ZbTalkRepo *self, const ZbTalkQuery *query, GError **error)
{
  ZbDatabase *db;
  sqlite3_stmt *stmt;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  db = zb_talk_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_LIST, error);
  if (stmt == NULL)
    return NULL;
  if (query->year != 0)
    {
      from = g_strdup_printf ("%04u-01-01", query->year);
      to = g_strdup_printf ("%04u-12-31", query->year);
    }
  _zb_bind_text_or_null (stmt, 1, from);
  _zb_bind_text_or_null (stmt, 2, to);
  _zb_bind_text_or_null (stmt, 3,
                         query->kind >= 0 && query->kind < ZB_TALK_N_KINDS
                             ? zb_talk_kind_to_string ((ZbTalkKind)query->kind)
                             : NULL);
  _zb_bind_id_or_null (stmt, 4, query->branch_id);
  sqlite3_bind_int (stmt, 5, query->archived ? 1 : 0);
  return read_records (db, stmt, error);
}

GPtrArray *
zb_talk_repo_list_for_person (ZbTalkRepo *self, gint64 member_id, const char *person_key, int kind,
                              GError **error)
{
  ZbDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (member_id != 0 || person_key != NULL, NULL);

  db = zb_talk_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_FOR_PERSON, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_id_or_null (stmt, 1, member_id);
  _zb_bind_text_or_null (stmt, 2, person_key);
  _zb_bind_text_or_null (
      stmt, 3,
      kind >= 0 && kind < ZB_TALK_N_KINDS ? zb_talk_kind_to_string ((ZbTalkKind)kind) : NULL);
  return read_records (db, stmt, error);
}

ZbApplicationTalkCheck *
zb_talk_repo_check_application_talk (ZbTalkRepo *self, gint64 member_id, const char *person_key,
                                     const GDate *applied, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) talks = NULL;
  g_autoptr (GArray) dates = g_array_new (FALSE, FALSE, sizeof (GDate));

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (applied != NULL && today != NULL, NULL);

  talks = zb_talk_repo_list_for_person (self, member_id, person_key, ZB_TALK_KIND_ADMISSION, error);
  if (talks == NULL)
    return NULL;
  for (guint i = 0; i < talks->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (talks, i);
      GDate date;

      if (zb_parse_iso_date (r->date, &date))
        g_array_append_val (dates, date);
    }
  return zb_application_talk_check (applied, dates, today);
}

/* ------------------------------------------------------------------------- */
/* Coverage                                                                  */

static void
person_clear (ZbTalkPerson *p)
{
  g_free ((char *)p->id);
  g_free ((char *)p->name);
}

static void
set_date (GDate *date, const char *text)
{
  g_date_clear (date, 1);
  if (text != NULL)
    zb_parse_iso_date (text, date);
}

GArray *
zb_talk_repo_roster_for_year (ZbTalkRepo *self, gint64 branch_id, guint year, const GDate *today,
                              GError **error)
{
  ZbDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr (GArray) roster = NULL;
  g_autofree char *first_day = NULL;
  char as_of[16];
  GDate end;
  int rc;

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);
  g_return_val_if_fail (g_date_valid_year (year) && today != NULL && g_date_valid (today), NULL);

  /* Who is on the committee: as it stands at the end of the year, or today
   * while the year runs. */
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 31, G_DATE_DECEMBER, (GDateYear)year);
  if (g_date_compare (today, &end) < 0)
    end = *today;
  g_snprintf (as_of, sizeof as_of, "%04u-%02u-%02u", g_date_get_year (&end),
              g_date_get_month (&end), g_date_get_day (&end));
  first_day = g_strdup_printf ("%04u-01-01", year);

  db = zb_talk_repo_get_database (self);
  stmt = _zb_database_prepare (db, SQL_ROSTER, error);
  if (stmt == NULL)
    return NULL;
  _zb_bind_id_or_null (stmt, 1, branch_id);
  sqlite3_bind_text (stmt, 2, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, first_day, -1, SQLITE_STATIC);

  roster = g_array_new (FALSE, TRUE, sizeof (ZbTalkPerson));
  g_array_set_clear_func (roster, (GDestroyNotify)person_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbTalkPerson p = { 0 };
      const char *joined = (const char *)sqlite3_column_text (stmt, 2);
      const char *came = (const char *)sqlite3_column_text (stmt, 5);

      p.id = _zb_column_dup_text (stmt, 0);
      p.name = _zb_column_dup_text (stmt, 1);
      /* Came onto this roster: by 转入 when that was after 入党. */
      set_date (&p.joined, came != NULL && g_strcmp0 (came, joined) > 0 ? came : joined);
      set_date (&p.left, g_strcmp0 ((const char *)sqlite3_column_text (stmt, 3), "active") != 0
                             ? (const char *)sqlite3_column_text (stmt, 4)
                             : NULL);
      p.committee = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (roster, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&roster);
}

/* The side's keys of @r as a NULL-terminated array (owned). */
static char **
side_keys (const ZbTalkRecord *r, ZbTalkSide side)
{
  g_autoptr (GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; i < r->participants->len; i++)
    {
      const ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);
      const char *key = zb_talk_participant_get_key (p);

      if (p->side == side && key != NULL)
        g_strv_builder_add (keys, key);
    }
  return g_strv_builder_end (keys);
}

GPtrArray *
zb_talk_repo_coverage_for_year (ZbTalkRepo *self, gint64 branch_id, guint year, const GDate *today,
                                GHashTable **names, GError **error)
{
  ZbTalkQuery query = ZB_TALK_QUERY_INIT;
  g_autoptr (GArray) roster = NULL;
  g_autoptr (GPtrArray) records = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr (GArray) talks = g_array_new (FALSE, TRUE, sizeof (ZbTalk));

  g_return_val_if_fail (ZB_IS_TALK_REPO (self), NULL);

  roster = zb_talk_repo_roster_for_year (self, branch_id, year, today, error);
  if (roster == NULL)
    return NULL;
  /* Talks of every branch count: a member is known by their uuid wherever
   * the talk was recorded. */
  query.year = year;
  records = zb_talk_repo_list (self, &query, error);
  if (records == NULL)
    return NULL;

  for (guint i = 0; i < records->len; i++)
    {
      const ZbTalkRecord *r = g_ptr_array_index (records, i);
      char **talkers = side_keys (r, ZB_TALK_SIDE_TALKER);
      char **talked_with = side_keys (r, ZB_TALK_SIDE_TALKED_WITH);
      ZbTalk talk;

      g_ptr_array_add (keys, talkers);
      g_ptr_array_add (keys, talked_with);
      if (!zb_parse_iso_date (r->date, &talk.date))
        continue;
      talk.talkers = (const char *const *)talkers;
      talk.talked_with = (const char *const *)talked_with;
      g_array_append_val (talks, talk);
    }

  if (names != NULL)
    {
      *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < roster->len; i++)
        {
          const ZbTalkPerson *p = &g_array_index (roster, ZbTalkPerson, i);

          g_hash_table_replace (*names, g_strdup (p->id), g_strdup (p->name));
        }
    }
  return zb_talk_coverage_for_year (talks, roster, year, today);
}
