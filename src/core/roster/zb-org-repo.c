/* zb-org-repo.c — the organisation of a workspace: units, committee terms, posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "zb-names.h"
#include "zb-audit.h"
#include "zb-member-rules.h"
#include "zb-org-repo.h"
#include "zb-roster-private.h"

struct _ZbOrgRepo
{
  GObject parent_instance;

  ZbDatabase *db;
};

G_DEFINE_FINAL_TYPE (ZbOrgRepo, zb_org_repo, G_TYPE_OBJECT)

GQuark
zb_org_error_quark (void)
{
  return g_quark_from_static_string ("zb-org-error-quark");
}

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define UNIT_COLUMNS "id, uuid, parent_id, kind, name, sort_order, archived, created_at, updated_at"
static void
zb_org_repo_dispose (GObject *object)
{
  ZbOrgRepo *self = (ZbOrgRepo *)object;

  g_clear_object (&self->db);

  G_OBJECT_CLASS (zb_org_repo_parent_class)->dispose (object);
}

static void
zb_org_repo_class_init (ZbOrgRepoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = zb_org_repo_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
zb_org_repo_init (ZbOrgRepo *self)
{
}

ZbOrgRepo *
zb_org_repo_new (ZbDatabase *db)
{
  ZbOrgRepo *self;

  g_return_val_if_fail (ZB_IS_DATABASE (db), NULL);

  self = g_object_new (ZB_TYPE_ORG_REPO, NULL);
  self->db = g_object_ref (db);
  return self;
}

ZbDatabase *
zb_org_repo_get_database (ZbOrgRepo *self)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return self->db;
}

/* ------------------------------------------------------------------------- */
/* Names                                                                     */

static const char *const kind_names[] = { "committee", "general_branch", "branch", "group" };
static const char *const role_names[]
    = { "secretary",  "deputy_secretary", "organisation", "propaganda",
        "discipline", "committee_member", "group_leader" };

const char *
zb_org_unit_kind_to_string (ZbOrgUnitKind kind)
{
  return (guint)kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : NULL;
}

gboolean
zb_org_unit_kind_from_string (const char *text, ZbOrgUnitKind *kind)
{
  guint index;

  if (!zb_name_lookup (kind_names, G_N_ELEMENTS (kind_names), text, &index))
    return FALSE;
  if (kind != NULL)
    *kind = (ZbOrgUnitKind)index;
  return TRUE;
}

const char *
zb_org_unit_kind_get_label (ZbOrgUnitKind kind)
{
  switch (kind)
    {
    case ZB_ORG_UNIT_COMMITTEE:
      return _ ("Party committee");
    case ZB_ORG_UNIT_GENERAL_BRANCH:
      return _ ("General Party branch");
    case ZB_ORG_UNIT_BRANCH:
      return _ ("Party branch");
    case ZB_ORG_UNIT_GROUP:
      return _ ("Party group");
    default:
      return _ ("Organisation");
    }
}

const char *
zb_party_post_role_to_string (ZbPartyPostRole role)
{
  return (guint)role < G_N_ELEMENTS (role_names) ? role_names[role] : NULL;
}

gboolean
zb_party_post_role_from_string (const char *text, ZbPartyPostRole *role)
{
  guint index;

  if (!zb_name_lookup (role_names, G_N_ELEMENTS (role_names), text, &index))
    return FALSE;
  if (role != NULL)
    *role = (ZbPartyPostRole)index;
  return TRUE;
}

const char *
zb_party_post_role_get_label (ZbPartyPostRole role)
{
  switch (role)
    {
    case ZB_POST_SECRETARY:
      return _ ("Secretary");
    case ZB_POST_DEPUTY_SECRETARY:
      return _ ("Deputy secretary");
    case ZB_POST_ORGANISATION:
      return _ ("Organisation committee member");
    case ZB_POST_PROPAGANDA:
      return _ ("Publicity committee member");
    case ZB_POST_DISCIPLINE:
      return _ ("Discipline inspection committee member");
    case ZB_POST_COMMITTEE_MEMBER:
      return _ ("Committee member");
    case ZB_POST_GROUP_LEADER:
      return _ ("Party group leader");
    default:
      return _ ("Post");
    }
}

const char *
zb_party_post_role_get_official_name (ZbPartyPostRole role)
{
  switch (role)
    {
    case ZB_POST_SECRETARY:
      return "支部书记";
    case ZB_POST_DEPUTY_SECRETARY:
      return "支部副书记";
    case ZB_POST_ORGANISATION:
      return "组织委员";
    case ZB_POST_PROPAGANDA:
      return "宣传委员";
    case ZB_POST_DISCIPLINE:
      return "纪检委员";
    case ZB_POST_COMMITTEE_MEMBER:
      return "支部委员";
    case ZB_POST_GROUP_LEADER:
      return "党小组长";
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------------- */
/* Plain records                                                             */

ZbOrgUnit *
zb_org_unit_copy (const ZbOrgUnit *unit)
{
  ZbOrgUnit *copy = g_memdup2 (unit, sizeof *unit);

  copy->uuid = g_strdup (unit->uuid);
  copy->name = g_strdup (unit->name);
  copy->created_at = g_strdup (unit->created_at);
  copy->updated_at = g_strdup (unit->updated_at);
  return copy;
}

void
zb_org_unit_free (ZbOrgUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->uuid);
  g_free (unit->name);
  g_free (unit->created_at);
  g_free (unit->updated_at);
  g_free (unit);
}

static ZbOrgUnit *
unit_from_row (sqlite3_stmt *stmt)
{
  ZbOrgUnit *unit = g_new0 (ZbOrgUnit, 1);

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->uuid = _zb_column_dup_text (stmt, 1);
  unit->parent_id = sqlite3_column_int64 (stmt, 2);
  zb_org_unit_kind_from_string ((const char *)sqlite3_column_text (stmt, 3), &unit->kind);
  unit->name = _zb_column_dup_text (stmt, 4);
  unit->sort_order = sqlite3_column_int (stmt, 5);
  unit->archived = sqlite3_column_int (stmt, 6) != 0;
  unit->created_at = _zb_column_dup_text (stmt, 7);
  unit->updated_at = _zb_column_dup_text (stmt, 8);
  return unit;
}

/* ------------------------------------------------------------------------- */
/* JSON for the audit log                                                    */

char *
_zb_org_to_json (JsonBuilder *builder)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
_zb_org_add_text (JsonBuilder *b, const char *key, const char *value)
{
  json_builder_set_member_name (b, key);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

void
_zb_org_add_int (JsonBuilder *b, const char *key, gint64 value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static char *
unit_json (const ZbOrgUnit *unit)
{
  g_autoptr (JsonBuilder) b = json_builder_new_immutable ();

  json_builder_begin_object (b);
  _zb_org_add_text (b, "uuid", unit->uuid);
  _zb_org_add_int (b, "parent_id", unit->parent_id);
  _zb_org_add_text (b, "kind", zb_org_unit_kind_to_string (unit->kind));
  _zb_org_add_text (b, "name", unit->name);
  _zb_org_add_int (b, "sort_order", unit->sort_order);
  _zb_org_add_int (b, "archived", unit->archived ? 1 : 0);
  json_builder_end_object (b);
  return _zb_org_to_json (b);
}

/* ------------------------------------------------------------------------- */
/* Small helpers                                                             */

gboolean
_zb_org_set_error (GError **error, ZbOrgError code, const char *message)
{
  g_set_error_literal (error, ZB_ORG_ERROR, code, message);
  return FALSE;
}

void
_zb_org_bind_text (sqlite3_stmt *stmt, int index, const char *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
_zb_org_finish (ZbOrgRepo *self, gboolean ok, GError **error)
{
  if (!_zb_database_finish (self->db, ok, error))
    return FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
_zb_org_check_date (const char *date, GError **error)
{
  if (!zb_parse_iso_date (date, NULL))
    return _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                              zb_rule_code_get_message (ZB_RULE_DATE_FORMAT));
  return TRUE;
}

/* ------------------------------------------------------------------------- */
/* Units                                                                     */

static ZbOrgUnit *
load_unit (ZbOrgRepo *self, const char *sql, gint64 id, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (self->db, sql, error);
  ZbOrgUnit *unit = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    unit = unit_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    _zb_org_set_error (error, ZB_ORG_ERROR_NOT_FOUND, _ ("The organisation was not found."));
  else if (rc != SQLITE_ROW)
    _zb_database_set_error (self->db, error);
  return unit;
}

ZbOrgUnit *
zb_org_repo_get_unit (ZbOrgRepo *self, gint64 unit_id, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return load_unit (self, "SELECT " UNIT_COLUMNS " FROM org_unit WHERE id = ?1", unit_id, NULL,
                    error);
}

ZbOrgUnit *
zb_org_repo_get_unit_by_uuid (ZbOrgRepo *self, const char *uuid, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_unit (self, "SELECT " UNIT_COLUMNS " FROM org_unit WHERE uuid = ?1", 0, uuid, error);
}

/* DOMAIN.md §2.1: 党委 → (党总支 →) 党支部 → 党小组. */
static gboolean
parent_allowed (ZbOrgUnitKind kind, const ZbOrgUnit *parent)
{
  switch (kind)
    {
    case ZB_ORG_UNIT_COMMITTEE:
      return parent == NULL;
    case ZB_ORG_UNIT_GENERAL_BRANCH:
      return parent == NULL || parent->kind == ZB_ORG_UNIT_COMMITTEE;
    case ZB_ORG_UNIT_BRANCH:
      return parent == NULL || parent->kind == ZB_ORG_UNIT_COMMITTEE
             || parent->kind == ZB_ORG_UNIT_GENERAL_BRANCH;
    case ZB_ORG_UNIT_GROUP:
      return parent != NULL && parent->kind == ZB_ORG_UNIT_BRANCH;
    default:
      return FALSE;
    }
}

static char *
clean_name (const char *name, GError **error)
{
  g_autofree char *trimmed = zb_trim_name (name);

  if (*trimmed == '\0')
    {
      _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                         _ ("The name of the organisation is missing."));
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

ZbOrgUnit *
_zb_org_repo_create_unit_in_transaction (ZbOrgRepo *self, ZbOrgUnitKind kind, gint64 parent_id,
                                         const char *name, GError **error)
{
  g_autoptr (ZbOrgUnit) parent = NULL;
  g_autoptr (ZbOrgUnit) unit = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  clean = clean_name (name, error);
  if (clean == NULL)
    return NULL;

  if (parent_id != 0)
    {
      parent = zb_org_repo_get_unit (self, parent_id, error);
      if (parent == NULL)
        return NULL;
    }
  if (!parent_allowed (kind, parent))
    {
      _zb_org_set_error (error, ZB_ORG_ERROR_INVALID,
                         kind == ZB_ORG_UNIT_GROUP
                             ? _ ("A Party group must belong to a Party branch.")
                             : _ ("This kind of organisation cannot be placed there."));
      return NULL;
    }

  uuid = _zb_new_uuid ();
  now = _zb_now_iso8601 ();
  stmt = _zb_database_prepare (
      self->db,
      "INSERT INTO org_unit (uuid, parent_id, kind, name, sort_order, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, (SELECT coalesce (max (sort_order), 0) + 1 FROM org_unit"
      " WHERE parent_id IS ?2), ?5, ?5)",
      error);
  if (stmt == NULL)
    return NULL;
  _zb_org_bind_text (stmt, 1, uuid);
  _zb_bind_id_or_null (stmt, 2, parent_id);
  _zb_org_bind_text (stmt, 3, zb_org_unit_kind_to_string (kind));
  _zb_org_bind_text (stmt, 4, clean);
  _zb_org_bind_text (stmt, 5, now);
  if (!_zb_database_step_done (self->db, stmt, error))
    return NULL;

  unit = zb_org_repo_get_unit (self, sqlite3_last_insert_rowid (_zb_database_get_handle (self->db)),
                               error);
  if (unit == NULL)
    return NULL;
  json = unit_json (unit);
  if (!zb_audit_append (self->db, "create", "org_unit", unit->uuid, NULL, json, error))
    return NULL;
  return g_steal_pointer (&unit);
}

ZbOrgUnit *
zb_org_repo_create_unit (ZbOrgRepo *self, ZbOrgUnitKind kind, gint64 parent_id, const char *name,
                         GError **error)
{
  g_autoptr (ZbOrgUnit) unit = NULL;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);

  if (!_zb_database_begin (self->db, error))
    return NULL;
  unit = _zb_org_repo_create_unit_in_transaction (self, kind, parent_id, name, error);
  if (!_zb_org_finish (self, unit != NULL, error))
    return NULL;
  return g_steal_pointer (&unit);
}

/* Changes one column of a unit, with its audit row. */
static gboolean
update_unit (ZbOrgRepo *self, gint64 unit_id, const char *action, const char *name, int archived,
             GError **error)
{
  g_autoptr (ZbOrgUnit) before = NULL;
  g_autoptr (ZbOrgUnit) after = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *now = _zb_now_iso8601 ();
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!_zb_database_begin (self->db, error))
    return FALSE;

  before = zb_org_repo_get_unit (self, unit_id, error);
  ok = before != NULL;
  if (ok)
    {
      stmt = _zb_database_prepare (self->db,
                                   "UPDATE org_unit SET name = coalesce (?2, name),"
                                   " archived = coalesce (?3, archived), updated_at = ?4"
                                   " WHERE id = ?1",
                                   error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, unit_id);
          _zb_org_bind_text (stmt, 2, name);
          if (archived >= 0)
            sqlite3_bind_int (stmt, 3, archived);
          else
            sqlite3_bind_null (stmt, 3);
          _zb_org_bind_text (stmt, 4, now);
          ok = _zb_database_step_done (self->db, stmt, error);
        }
    }
  if (ok)
    {
      after = zb_org_repo_get_unit (self, unit_id, error);
      ok = after != NULL;
    }
  if (ok)
    {
      before_json = unit_json (before);
      after_json = unit_json (after);
      ok = zb_audit_append (self->db, action, "org_unit", after->uuid, before_json, after_json,
                            error);
    }
  return _zb_org_finish (self, ok, error);
}

gboolean
zb_org_repo_rename_unit (ZbOrgRepo *self, gint64 unit_id, const char *name, GError **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL)
    return FALSE;
  return update_unit (self, unit_id, "rename", clean, -1, error);
}

gboolean
zb_org_repo_set_unit_archived (ZbOrgRepo *self, gint64 unit_id, gboolean archived, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);
  return update_unit (self, unit_id, archived ? "archive" : "unarchive", NULL, archived ? 1 : 0,
                      error);
}

static GPtrArray *
list_units (ZbOrgRepo *self, const char *sql, gint64 param, gboolean bind, GError **error)
{
  g_autoptr (GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_org_unit_free);
  sqlite3_stmt *stmt = _zb_database_prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (bind)
    _zb_bind_id_or_null (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (units, unit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&units);
}

/* A parent before its children: depth-first over the tree from the rows. */
static void
append_subtree (GPtrArray *all, gint64 parent_id, GPtrArray *out, guint depth)
{
  if (depth > 8) /* a broken parent chain must not recurse for ever */
    return;
  for (guint i = 0; i < all->len; i++)
    {
      ZbOrgUnit *unit = g_ptr_array_index (all, i);

      if (unit != NULL && unit->parent_id == parent_id)
        {
          g_ptr_array_add (out, unit);
          all->pdata[i] = NULL;
          append_subtree (all, unit->id, out, depth + 1);
        }
    }
}

GPtrArray *
zb_org_repo_list_units (ZbOrgRepo *self, gboolean include_archived, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) ordered = NULL;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);

  all = list_units (self,
                    include_archived
                        ? "SELECT " UNIT_COLUMNS " FROM org_unit ORDER BY sort_order, name, id"
                        : "SELECT " UNIT_COLUMNS
                          " FROM org_unit WHERE archived = 0 ORDER BY sort_order, name, id",
                    0, FALSE, error);
  if (all == NULL)
    return NULL;

  ordered = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_org_unit_free);
  append_subtree (all, 0, ordered, 0);
  /* Units whose parent is archived (and so not listed) come last. */
  for (guint i = 0; i < all->len; i++)
    if (g_ptr_array_index (all, i) != NULL)
      {
        g_ptr_array_add (ordered, g_ptr_array_index (all, i));
        all->pdata[i] = NULL;
      }
  return g_steal_pointer (&ordered);
}

GPtrArray *
zb_org_repo_list_children (ZbOrgRepo *self, gint64 parent_id, GError **error)
{
  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);
  return list_units (self,
                     "SELECT " UNIT_COLUMNS " FROM org_unit WHERE parent_id IS ?1 AND archived = 0"
                     " ORDER BY sort_order, name, id",
                     parent_id, TRUE, error);
}

ZbOrgUnit *
zb_org_repo_find_unit (ZbOrgRepo *self, ZbOrgUnitKind kind, gint64 parent_id, const char *name,
                       GError **error)
{
  g_autofree char *clean = NULL;
  sqlite3_stmt *stmt;
  ZbOrgUnit *unit = NULL;
  int rc;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), NULL);

  clean = zb_trim_name (name);
  stmt = _zb_database_prepare (self->db,
                               "SELECT " UNIT_COLUMNS " FROM org_unit WHERE kind = ?1"
                               " AND name = ?2 AND archived = 0"
                               " AND (?3 < 0 OR parent_id IS nullif (?3, 0)) ORDER BY id LIMIT 1",
                               error);
  if (stmt == NULL)
    return NULL;
  _zb_org_bind_text (stmt, 1, zb_org_unit_kind_to_string (kind));
  _zb_org_bind_text (stmt, 2, clean);
  sqlite3_bind_int64 (stmt, 3, parent_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    unit = unit_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _zb_database_set_error (self->db, error);
  return unit;
}

gboolean
zb_org_repo_count_members (ZbOrgRepo *self, gint64 unit_id, guint *n_full, guint *n_probationary,
                           GError **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *kind = NULL;
  gint64 parent_id = 0;
  int rc;

  g_return_val_if_fail (ZB_IS_ORG_REPO (self), FALSE);

  /* A group's members carry its branch too (the repository keeps the two
   * consistent), so both cases are a range of the (branch_id, group_id) index
   * rather than a scan of the roster. */
  stmt = _zb_database_prepare (self->db, "SELECT kind, parent_id FROM org_unit WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      kind = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      parent_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (self->db, error);

  if (g_strcmp0 (kind, "group") == 0)
    {
      stmt = _zb_database_prepare (self->db,
                                   "SELECT count(*) FILTER (WHERE category = 'full'),"
                                   " count(*) FILTER (WHERE category = 'probationary')"
                                   " FROM member WHERE branch_id = ?1 AND group_id = ?2"
                                   " AND status = 'active'",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, parent_id);
      sqlite3_bind_int64 (stmt, 2, unit_id);
    }
  else
    {
      stmt = _zb_database_prepare (self->db,
                                   "SELECT count(*) FILTER (WHERE category = 'full'),"
                                   " count(*) FILTER (WHERE category = 'probationary')"
                                   " FROM member WHERE branch_id = ?1 AND status = 'active'",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, unit_id);
    }

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (n_full != NULL)
        *n_full = (guint)sqlite3_column_int64 (stmt, 0);
      if (n_probationary != NULL)
        *n_probationary = (guint)sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return _zb_database_set_error (self->db, error);
  return TRUE;
}
