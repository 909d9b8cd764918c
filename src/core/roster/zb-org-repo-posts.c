/* zb-org-repo-posts.c — committee terms (届) and party posts (党内职务)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-audit.h"
#include "zb-member-rules.h"
#include "zb-org-repo.h"
#include "zb-roster-private.h"

#define TERM_COLUMNS "id, uuid, org_unit_id, start_date, end_date, archived, created_at, updated_at"
#define POST_COLUMNS                                                                               \
  "p.id, p.uuid, p.member_id, p.org_unit_id, p.term_id, p.role, p.start_date, p.end_date,"         \
  " m.name, p.created_at, p.updated_at"

ZbCommitteeTerm *
zb_committee_term_copy (const ZbCommitteeTerm *term)
{
  ZbCommitteeTerm *copy = g_memdup2 (term, sizeof *term);

  copy->uuid = g_strdup (term->uuid);
  copy->start_date = g_strdup (term->start_date);
  copy->end_date = g_strdup (term->end_date);
  copy->created_at = g_strdup (term->created_at);
  copy->updated_at = g_strdup (term->updated_at);
  return copy;
}

void
zb_committee_term_free (ZbCommitteeTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->uuid);
  g_free (term->start_date);
  g_free (term->end_date);
  g_free (term->created_at);
  g_free (term->updated_at);
  g_free (term);
}

ZbPartyPost *
zb_party_post_copy (const ZbPartyPost *post)
{
  ZbPartyPost *copy = g_memdup2 (post, sizeof *post);

  copy->uuid = g_strdup (post->uuid);
  copy->start_date = g_strdup (post->start_date);
  copy->end_date = g_strdup (post->end_date);
  copy->member_name = g_strdup (post->member_name);
  copy->created_at = g_strdup (post->created_at);
  copy->updated_at = g_strdup (post->updated_at);
  return copy;
}

void
zb_party_post_free (ZbPartyPost *post)
{
  if (post == NULL)
    return;
  g_free (post->uuid);
  g_free (post->start_date);
  g_free (post->end_date);
  g_free (post->member_name);
  g_free (post->created_at);
  g_free (post->updated_at);
  g_free (post);
}

static ZbCommitteeTerm *
term_from_row (sqlite3_stmt *stmt)
{
  ZbCommitteeTerm *term = g_new0 (ZbCommitteeTerm, 1);

  term->id = sqlite3_column_int64 (stmt, 0);
  term->uuid = _zb_column_dup_text (stmt, 1);
  term->org_unit_id = sqlite3_column_int64 (stmt, 2);
  term->start_date = _zb_column_dup_text (stmt, 3);
  term->end_date = _zb_column_dup_text (stmt, 4);
  term->archived = sqlite3_column_int (stmt, 5) != 0;
  term->created_at = _zb_column_dup_text (stmt, 6);
  term->updated_at = _zb_column_dup_text (stmt, 7);
  return term;
}

static ZbPartyPost *
post_from_row (sqlite3_stmt *stmt)
{
  ZbPartyPost *post = g_new0 (ZbPartyPost, 1);

  post->id = sqlite3_column_int64 (stmt, 0);
  post->uuid = _zb_column_dup_text (stmt, 1);
  post->member_id = sqlite3_column_int64 (stmt, 2);
  post->org_unit_id = sqlite3_column_int64 (stmt, 3);
  post->term_id = sqlite3_column_int64 (stmt, 4);
  zb_party_post_role_from_string ((const char *)sqlite3_column_text (stmt, 5), &post->role);
  post->start_date = _zb_column_dup_text (stmt, 6);
  post->end_date = _zb_column_dup_text (stmt, 7);
  post->member_name = _zb_column_dup_text (stmt, 8);
  post->created_at = _zb_column_dup_text (stmt, 9);
  post->updated_at = _zb_column_dup_text (stmt, 10);
  return post;
}

static char *
term_json (const ZbCommitteeTerm *term)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  _zb_org_add_text (b, "uuid", term->uuid);
  _zb_org_add_int (b, "org_unit_id", term->org_unit_id);
  _zb_org_add_text (b, "start_date", term->start_date);
  _zb_org_add_text (b, "end_date", term->end_date);
  _zb_org_add_int (b, "archived", term->archived ? 1 : 0);
  json_builder_end_object (b);
  return _zb_org_to_json (b);
}

static char *
post_json (const ZbPartyPost *post)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  _zb_org_add_text (b, "uuid", post->uuid);
  _zb_org_add_int (b, "member_id", post->member_id);
  _zb_org_add_int (b, "org_unit_id", post->org_unit_id);
  _zb_org_add_int (b, "term_id", post->term_id);
  _zb_org_add_text (b, "role", zb_party_post_role_to_string (post->role));
  _zb_org_add_text (b, "start_date", post->start_date);
  _zb_org_add_text (b, "end_date", post->end_date);
  json_builder_end_object (b);
  return _zb_org_to_json (b);
}

/* ------------------------------------------------------------------------- */
/* Committee terms                                                           */

static ZbCommitteeTerm *
load_term (ZbOrgRepo *self, gint64 term_id, GError **error)
{
  sqlite3_stmt *stmt
      = _zb_database_prepare (zb_org_repo_get_database (self),
                              "SELECT " TERM_COLUMNS " FROM committee_term WHERE id = ?1", error);
  ZbCommitteeTerm *term = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, term_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    term = term_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _zb_org_set_error (error, ZB_ORG_ERROR_NOT_FOUND, _ ("The committee term was not found."));
  else if (rc != SQLITE_ROW)
    _zb_database_set_error (zb_org_repo_get_database (self), error);
  return term;
}

static gboolean
check_term_dates (const char *start_date, const char *end_date, GError **error)
{
  if (!_zb_org_check_date (start_date, error) || !_zb_org_check_date (end_date, error))
    return FALSE;
  if (g_strcmp0 (end_date, start_date) <= 0)
    return _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                              _ ("The end of the term must be after its start."));
  return TRUE;
}

ZbCommitteeTerm *
zb_org_repo_add_term (ZbOrgRepo *self, gint64 unit_id, const char *start_date, const char *end_date,
                      GError **error)
{
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (ZbCommitteeTerm) term = NULL;
  g_autofree char *uuid = _zb_new_uuid ();
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);

  if (!check_term_dates (start_date, end_date, error))
    return NULL;
  if (!_zb_database_begin (zb_org_repo_get_database (self), error))
    return NULL;

  unit = zb_org_repo_get_unit (self, unit_id, error);
  ok = unit != NULL;
  if (ok && unit->kind == ZB_ORG_UNIT_GROUP)
    ok = _zb_org_set_error (error, ZB_ORG_ERROR_INVALID, _ ("A Party group has no committee."));
  if (ok)
    {
      stmt = _zb_database_prepare (zb_org_repo_get_database (self),
                                   "INSERT INTO committee_term (uuid, org_unit_id, start_date,"
                                   " end_date, created_at, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          _zb_org_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, unit_id);
          _zb_org_bind_text (stmt, 3, start_date);
          _zb_org_bind_text (stmt, 4, end_date);
          _zb_org_bind_text (stmt, 5, now);
          ok = _zb_database_step_done (zb_org_repo_get_database (self), stmt, error);
        }
    }
  if (ok)
    {
      term = load_term (
          self,
          sqlite3_last_insert_rowid (_zb_database_get_handle (zb_org_repo_get_database (self))),
          error);
      ok = term != NULL;
    }
  if (ok)
    {
      json = term_json (term);
      ok = zb_audit_append (zb_org_repo_get_database (self), "create", "committee_term", term->uuid,
                            NULL, json, error);
    }
  if (!_zb_org_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&term);
}

static gboolean
change_term (ZbOrgRepo *self, gint64 term_id, const char *action, const char *start_date,
             const char *end_date, int archived, GError **error)
{
  g_autoptr (ZbCommitteeTerm) before = NULL;
  g_autoptr (ZbCommitteeTerm) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_zb_database_begin (zb_org_repo_get_database (self), error))
    return FALSE;

  before = load_term (self, term_id, error);
  ok = before != NULL;
  if (ok)
    {
      stmt = _zb_database_prepare (
          zb_org_repo_get_database (self),
          "UPDATE committee_term SET start_date = coalesce (?2, start_date),"
          " end_date = coalesce (?3, end_date),"
          " archived = coalesce (?4, archived), updated_at = ?5"
          " WHERE id = ?1",
          error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, term_id);
          _zb_org_bind_text (stmt, 2, start_date);
          _zb_org_bind_text (stmt, 3, end_date);
          if (archived >= 0)
            sqlite3_bind_int (stmt, 4, archived);
          else
            sqlite3_bind_null (stmt, 4);
          _zb_org_bind_text (stmt, 5, now);
          ok = _zb_database_step_done (zb_org_repo_get_database (self), stmt, error);
        }
    }
  if (ok)
    {
      after = load_term (self, term_id, error);
      ok = after != NULL;
    }
  if (ok)
    {
      before_json = term_json (before);
      after_json = term_json (after);
      ok = zb_audit_append (zb_org_repo_get_database (self), action, "committee_term", after->uuid,
                            before_json, after_json, error);
    }
  return _zb_org_finish (self, ok, error);
}

gboolean
zb_org_repo_update_term (ZbOrgRepo *self, gint64 term_id, const char *start_date,
                         const char *end_date, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);

  if (!check_term_dates (start_date, end_date, error))
    return FALSE;
  return change_term (self, term_id, "update", start_date, end_date, -1, error);
}

gboolean
zb_org_repo_set_term_archived (ZbOrgRepo *self, gint64 term_id, gboolean archived, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);
  return change_term (self, term_id, archived ? "archive" : "unarchive", NULL, NULL,
                      archived ? 1 : 0, error);
}

static GPtrArray *
list_terms (ZbOrgRepo *self, const char *sql, gint64 unit_id, const char *today, GError **error)
{
  g_autoptr (GPtrArray) terms
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_committee_term_free);
  sqlite3_stmt *stmt = _zb_database_prepare (zb_org_repo_get_database (self), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (today != NULL)
    _zb_org_bind_text (stmt, 2, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (terms, term_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (zb_org_repo_get_database (self), error);
      return NULL;
    }
  return g_steal_pointer (&terms);
}

GPtrArray *
zb_org_repo_list_terms (ZbOrgRepo *self, gint64 unit_id, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return list_terms (self,
                     "SELECT " TERM_COLUMNS " FROM committee_term WHERE org_unit_id = ?1"
                     " AND archived = 0 ORDER BY start_date DESC, id DESC",
                     unit_id, NULL, error);
}

ZbCommitteeTerm *
zb_org_repo_get_current_term (ZbOrgRepo *self, gint64 unit_id, const char *today, GError **error)
{
  g_autoptr (GPtrArray) terms = NULL;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  terms = list_terms (self,
                      "SELECT " TERM_COLUMNS " FROM committee_term WHERE org_unit_id = ?1"
                      " AND archived = 0 AND start_date <= ?2 ORDER BY start_date DESC, id DESC"
                      " LIMIT 1",
                      unit_id, today, error);
  if (terms == NULL || terms->len == 0)
    return NULL;
  return g_ptr_array_steal_index (terms, 0);
}

/* ------------------------------------------------------------------------- */
/* Party posts                                                               */

static ZbPartyPost *
load_post (ZbOrgRepo *self, gint64 post_id, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      zb_org_repo_get_database (self),
      "SELECT " POST_COLUMNS " FROM party_post p JOIN member m ON m.id = p.member_id"
      " WHERE p.id = ?1",
      error);
  ZbPartyPost *post = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, post_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    post = post_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _zb_org_set_error (error, ZB_ORG_ERROR_NOT_FOUND, _ ("The post was not found."));
  else if (rc != SQLITE_ROW)
    _zb_database_set_error (zb_org_repo_get_database (self), error);
  return post;
}

ZbPartyPost *
zb_org_repo_add_post (ZbOrgRepo *self, gint64 member_id, gint64 unit_id, gint64 term_id,
                      ZbPartyPostRole role, const char *start_date, const char *end_date,
                      GError **error)
{
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autoptr (ZbPartyPost) post = NULL;
  g_autofree char *uuid = _zb_new_uuid ();
  g_autofree char *now = _zb_now_iso8601 ();
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);

  if (!_zb_org_check_date (start_date, error)
      || (end_date != NULL && !_zb_org_check_date (end_date, error)))
    return NULL;
  if (end_date != NULL && g_strcmp0 (end_date, start_date) < 0)
    {
      _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                         _ ("The end of the post is before its start."));
      return NULL;
    }
  if (!_zb_database_begin (zb_org_repo_get_database (self), error))
    return NULL;

  unit = zb_org_repo_get_unit (self, unit_id, error);
  ok = unit != NULL;
  /* 党小组长 lead a group; the committee posts belong to a branch or above. */
  if (ok && (role == ZB_POST_GROUP_LEADER) != (unit->kind == ZB_ORG_UNIT_GROUP))
    ok = _zb_org_set_error (
        error, ZB_ORG_ERROR_INVALID,
        role == ZB_POST_GROUP_LEADER
            ? _ ("A Party group leader must be appointed to a Party group.")
            : _ ("Committee posts belong to a branch or a committee, not to a group."));
  if (ok)
    {
      stmt = _zb_database_prepare (zb_org_repo_get_database (self),
                                   "INSERT INTO party_post (uuid, member_id, org_unit_id, term_id,"
                                   " role, start_date, end_date, created_at, updated_at)"
                                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          _zb_org_bind_text (stmt, 1, uuid);
          sqlite3_bind_int64 (stmt, 2, member_id);
          sqlite3_bind_int64 (stmt, 3, unit_id);
          _zb_bind_id_or_null (stmt, 4, term_id);
          _zb_org_bind_text (stmt, 5, zb_party_post_role_to_string (role));
          _zb_org_bind_text (stmt, 6, start_date);
          _zb_org_bind_text (stmt, 7, end_date);
          _zb_org_bind_text (stmt, 8, now);
          ok = _zb_database_step_done (zb_org_repo_get_database (self), stmt, error);
        }
    }
  if (ok)
    {
      post = load_post (
          self,
          sqlite3_last_insert_rowid (_zb_database_get_handle (zb_org_repo_get_database (self))),
          error);
      ok = post != NULL;
    }
  if (ok)
    {
      json = post_json (post);
      ok = zb_audit_append (zb_org_repo_get_database (self), "create", "party_post", post->uuid,
                            NULL, json, error);
    }
  if (!_zb_org_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&post);
}

gboolean
zb_org_repo_end_post (ZbOrgRepo *self, gint64 post_id, const char *end_date, GError **error)
{
  g_autoptr (ZbPartyPost) before = NULL;
  g_autoptr (ZbPartyPost) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);

  if (!_zb_org_check_date (end_date, error))
    return FALSE;
  if (!_zb_database_begin (zb_org_repo_get_database (self), error))
    return FALSE;

  before = load_post (self, post_id, error);
  ok = before != NULL;
  if (ok && g_strcmp0 (end_date, before->start_date) < 0)
    ok = _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                            _ ("The end of the post is before its start."));
  if (ok)
    {
      stmt = _zb_database_prepare (
          zb_org_repo_get_database (self),
          "UPDATE party_post SET end_date = ?2, updated_at = ?3 WHERE id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, post_id);
          _zb_org_bind_text (stmt, 2, end_date);
          _zb_org_bind_text (stmt, 3, now);
          ok = _zb_database_step_done (zb_org_repo_get_database (self), stmt, error);
        }
    }
  if (ok)
    {
      after = load_post (self, post_id, error);
      ok = after != NULL;
    }
  if (ok)
    {
      before_json = post_json (before);
      after_json = post_json (after);
      ok = zb_audit_append (zb_org_repo_get_database (self), "end", "party_post", after->uuid,
                            before_json, after_json, error);
    }
  return _zb_org_finish (self, ok, error);
}

static GPtrArray *
list_posts (ZbOrgRepo *self, const char *sql, gint64 id, const char *as_of, GError **error)
{
  g_autoptr (GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_party_post_free);
  sqlite3_stmt *stmt = _zb_database_prepare (zb_org_repo_get_database (self), sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  _zb_org_bind_text (stmt, 2, as_of);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (posts, post_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (zb_org_repo_get_database (self), error);
      return NULL;
    }
  return g_steal_pointer (&posts);
}

/* The roles in the order a committee is listed: 书记 first. */
#define ROLE_ORDER                                                                                 \
  "CASE p.role WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1"                             \
  " WHEN 'organisation' THEN 2 WHEN 'propaganda' THEN 3 WHEN 'discipline' THEN 4"                  \
  " WHEN 'committee_member' THEN 5 ELSE 6 END"

GPtrArray *
zb_org_repo_list_posts (ZbOrgRepo *self, gint64 unit_id, const char *as_of, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return list_posts (self,
                     "SELECT " POST_COLUMNS " FROM party_post p JOIN member m ON m.id = p.member_id"
                     " WHERE p.org_unit_id = ?1 AND (?2 IS NULL OR (p.start_date <= ?2"
                     " AND (p.end_date IS NULL OR p.end_date >= ?2)))"
                     " ORDER BY " ROLE_ORDER ", p.start_date, p.id",
                     unit_id, as_of, error);
}

GPtrArray *
zb_org_repo_list_member_posts (ZbOrgRepo *self, gint64 member_id, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return list_posts (self,
                     "SELECT " POST_COLUMNS " FROM party_post p JOIN member m ON m.id = p.member_id"
                     " WHERE p.member_id = ?1 AND ?2 IS NULL ORDER BY p.start_date, p.id",
                     member_id, NULL, error);
}
