/* zb-talk-repo-check.c — 谈心谈话: what a talk record must hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-member-rules.h"
#include "zb-org-repo.h"
#include "zb-talks-private.h"

/* A member on the roster or in its archive: a talk may predate a transfer. */
static const char SQL_MEMBER[] = "SELECT uuid, name, branch_id FROM member WHERE id = ?1";
/* The member's post on the date, 书记 first (as the committee is ordered). */
static const char SQL_POST[]
    = "SELECT role FROM party_post WHERE member_id = ?1 AND start_date <= ?2"
      " AND (end_date IS NULL OR end_date >= ?2)"
      " ORDER BY CASE role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1"
      " WHEN 'organisation' THEN 2 WHEN 'propaganda' THEN 3 WHEN 'discipline' THEN 4"
      " WHEN 'committee_member' THEN 5 ELSE 6 END, start_date LIMIT 1";

/* Trims @slot in place; an empty text becomes NULL. */
static void
tidy (char **slot)
{
  if (*slot == NULL)
    return;
  g_strstrip (*slot);
  if (**slot == '\0')
    g_clear_pointer (slot, g_free);
}

static gboolean
valid_date (const char *text)
{
  GDate date;

  return text != NULL && strlen (text) == 10 && zb_parse_iso_date (text, &date);
}

static gboolean
valid_time (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1])
         && text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4])
         && atoi (text) < 24 && atoi (text + 3) < 60;
}

/* The member's uuid, name and branch into the out parameters; FALSE with
 * ZB_TALK_ERROR_INVALID when there is no such member. */
static gboolean
lookup_member (ZbDatabase *db, gint64 member_id, char **uuid, char **name, gint64 *branch_id,
               GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_MEMBER, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, member_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *uuid = _zb_column_dup_text (stmt, 0);
      *name = _zb_column_dup_text (stmt, 1);
      *branch_id = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                             _ ("A person of the talk is no longer on the roster."));
}

/* The official name of the member's party post on @date (支部书记 …), or NULL:
 * the record keeps the same words whatever the language of the UI. */
static char *
post_on (ZbDatabase *db, gint64 member_id, const char *date, GError **error, gboolean *ok)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, SQL_POST, error);
  ZbPartyPostRole role;
  char *post = NULL;
  int rc;

  if (stmt == NULL)
    {
      *ok = FALSE;
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, member_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW
      && zb_party_post_role_from_string ((const char *)sqlite3_column_text (stmt, 0), &role))
    post = g_strdup (zb_party_post_role_get_official_name (role));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    *ok = _zb_database_set_error (db, error);
  return post;
}

static gboolean
check_participant (ZbDatabase *db, ZbTalkRecord *r, ZbTalkParticipant *p, gint64 *branch_id,
                   GError **error)
{
  gboolean ok = TRUE;

  tidy (&p->name);
  tidy (&p->post);
  tidy (&p->person_key);
  if (p->member_id != 0)
    {
      g_autofree char *name = NULL;
      gint64 member_branch = 0;

      g_clear_pointer (&p->member_uuid, g_free);
      if (!lookup_member (db, p->member_id, &p->member_uuid, &name, &member_branch, error))
        return FALSE;
      if (p->name == NULL)
        p->name = g_steal_pointer (&name);
      /* A member is known by the roster: no key of their own. */
      g_clear_pointer (&p->person_key, g_free);
      if (p->post == NULL)
        p->post = post_on (db, p->member_id, r->date, error, &ok);
      if (*branch_id == 0 && p->side == ZB_TALK_SIDE_TALKER)
        *branch_id = member_branch;
      return ok;
    }

  g_clear_pointer (&p->member_uuid, g_free);
  if (p->name == NULL)
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("Give the name of everyone who took part in the talk."));
  if (p->person_key == NULL)
    p->person_key = g_strconcat ("name:", p->name, NULL);
  return TRUE;
}

static gboolean
check_actions (ZbDatabase *db, ZbTalkRecord *r, GError **error)
{
  for (guint i = 0; i < r->actions->len; i++)
    {
      ZbTalkAction *a = g_ptr_array_index (r->actions, i);

      tidy (&a->text);
      tidy (&a->owner_name);
      tidy (&a->due_date);
      tidy (&a->done_date);
      if (a->text == NULL)
        return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                                   _ ("Each follow-up of the talk needs a text."));
      if ((a->due_date != NULL && !valid_date (a->due_date))
          || (a->done_date != NULL && !valid_date (a->done_date)))
        return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                                   _ ("The date of a follow-up is not a real date."));
      if (a->owner_id != 0)
        {
          g_autofree char *uuid = NULL;
          g_autofree char *name = NULL;
          gint64 branch;

          if (!lookup_member (db, a->owner_id, &uuid, &name, &branch, error))
            return FALSE;
          if (a->owner_name == NULL)
            a->owner_name = g_steal_pointer (&name);
        }
    }
  return TRUE;
}

gboolean
_zb_talk_repo_check_record (ZbTalkRepo *self, ZbTalkRecord *r, GError **error)
{
  ZbDatabase *db = zb_talk_repo_get_database (self);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 branch_id = r->branch_id;
  guint n_talkers = 0, n_talked_with = 0;

  if (r->kind < 0 || r->kind >= ZB_TALK_N_KINDS)
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID, _ ("Choose the kind of talk."));
  if (!valid_date (r->date))
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("The date of the talk is not a real date."));
  tidy (&r->start_time);
  if (r->start_time != NULL && !valid_time (r->start_time))
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("Give the time of the talk as hours and minutes, e.g. 14:30."));
  tidy (&r->place);
  tidy (&r->topic);
  tidy (&r->recorder_name);

  for (guint i = 0; i < r->participants->len; i++)
    {
      ZbTalkParticipant *p = g_ptr_array_index (r->participants, i);
      char *key;

      if (!check_participant (db, r, p, &branch_id, error))
        return FALSE;
      key = g_strdup (zb_talk_participant_get_key (p));
      if (!g_hash_table_add (seen, key))
        return _zb_talk_set_error (
            error, ZB_TALK_ERROR_INVALID,
            _ ("The same person is named twice in the talk: each person once, on one side."));
      if (p->side == ZB_TALK_SIDE_TALKER)
        n_talkers++;
      else
        n_talked_with++;
    }
  if (n_talkers == 0)
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("Name who held the talk (at least one person)."));
  if (n_talked_with == 0)
    return _zb_talk_set_error (error, ZB_TALK_ERROR_INVALID,
                               _ ("Name whom the talk was with (at least one person)."));

  if (r->recorder_id != 0)
    {
      g_autofree char *uuid = NULL;
      g_autofree char *name = NULL;
      gint64 branch;

      if (!lookup_member (db, r->recorder_id, &uuid, &name, &branch, error))
        return FALSE;
      if (r->recorder_name == NULL)
        r->recorder_name = g_steal_pointer (&name);
    }
  r->branch_id = branch_id;
  return check_actions (db, r, error);
}
