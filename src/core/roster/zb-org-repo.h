/* zb-org-repo.h — the organisation of a workspace: units, committee terms, posts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workspace may hold a 党委 or 党总支 with several 党支部, each with 党小组
 * (DOMAIN.md §2.1); or just one 党支部. Units are never deleted, only archived.
 * Every write is audited in the transaction that makes it, and the repository
 * emits "changed" (no arguments) after it commits.
 */
#pragma once

#include "zb-database.h"

G_BEGIN_DECLS

#define ZB_TYPE_ORG_REPO (zb_org_repo_get_type ())

G_DECLARE_FINAL_TYPE (ZbOrgRepo, zb_org_repo, ZB, ORG_REPO, GObject)

#define ZB_ORG_ERROR (zb_org_error_quark ())

typedef enum
{
  ZB_ORG_ERROR_FAILED,
  ZB_ORG_ERROR_INVALID,   /* empty name, wrong parent kind, bad dates, … */
  ZB_ORG_ERROR_NOT_FOUND, /* no unit, term or post with this id */
} ZbOrgError;

GQuark zb_org_error_quark (void);

typedef enum
{
  ZB_ORG_UNIT_COMMITTEE,      /* 党委 */
  ZB_ORG_UNIT_GENERAL_BRANCH, /* 党总支 */
  ZB_ORG_UNIT_BRANCH,         /* 党支部 */
  ZB_ORG_UNIT_GROUP,          /* 党小组 */
} ZbOrgUnitKind;

/* "committee", "general_branch", "branch", "group" (stable, the database's). */
const char *zb_org_unit_kind_to_string (ZbOrgUnitKind kind);
gboolean zb_org_unit_kind_from_string (const char *text, ZbOrgUnitKind *kind);
const char *zb_org_unit_kind_get_label (ZbOrgUnitKind kind); /* translated: 党委 … */

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 parent_id; /* 0 for a top-level unit */
  ZbOrgUnitKind kind;
  char *name;
  int sort_order;
  gboolean archived;
  char *created_at;
  char *updated_at;
} ZbOrgUnit;

ZbOrgUnit *zb_org_unit_copy (const ZbOrgUnit *unit);
void zb_org_unit_free (ZbOrgUnit *unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbOrgUnit, zb_org_unit_free)

/* A committee's term (届), DOMAIN.md §2.1: generally 3 years, 5 for 村/社区. */
typedef struct
{
  gint64 id;
  char *uuid;
  gint64 org_unit_id;
  char *start_date;
  char *end_date;
  gboolean archived;
  char *created_at;
  char *updated_at;
} ZbCommitteeTerm;

ZbCommitteeTerm *zb_committee_term_copy (const ZbCommitteeTerm *term);
void zb_committee_term_free (ZbCommitteeTerm *term);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbCommitteeTerm, zb_committee_term_free)

/* 党内职务 (DOMAIN.md §4.2). */
typedef enum
{
  ZB_POST_SECRETARY,        /* 书记 */
  ZB_POST_DEPUTY_SECRETARY, /* 副书记 */
  ZB_POST_ORGANISATION,     /* 组织委员 */
  ZB_POST_PROPAGANDA,       /* 宣传委员 */
  ZB_POST_DISCIPLINE,       /* 纪检委员 */
  ZB_POST_COMMITTEE_MEMBER, /* 委员 */
  ZB_POST_GROUP_LEADER,     /* 党小组长 */
} ZbPartyPostRole;

/* "secretary", "deputy_secretary", "organisation", "propaganda", "discipline",
 * "committee_member", "group_leader" (stable); translated labels 书记 …. */
const char *zb_party_post_role_to_string (ZbPartyPostRole role);
gboolean zb_party_post_role_from_string (const char *text, ZbPartyPostRole *role);
const char *zb_party_post_role_get_label (ZbPartyPostRole role);
/* The post's official name as records and printed forms give it (支部书记,
 * 组织委员 …): data, not translated, the same in every language of the UI.
 * NULL for an unknown role. */
const char *zb_party_post_role_get_official_name (ZbPartyPostRole role);

typedef struct
{
  gint64 id;
  char *uuid;
  gint64 member_id;
  gint64 org_unit_id;
  gint64 term_id; /* 0 when not tied to a term (e.g. 党小组长) */
  ZbPartyPostRole role;
  char *start_date;
  char *end_date;    /* NULL while held */
  char *member_name; /* filled by the list functions, for display */
  char *created_at;
  char *updated_at;
} ZbPartyPost;

ZbPartyPost *zb_party_post_copy (const ZbPartyPost *post);
void zb_party_post_free (ZbPartyPost *post);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbPartyPost, zb_party_post_free)

ZbOrgRepo *zb_org_repo_new (ZbDatabase *db);
ZbDatabase *zb_org_repo_get_database (ZbOrgRepo *self);

/* Units ------------------------------------------------------------------- */

/* Creates a unit under @parent_id (0: top level). A group must be under a
 * branch; a branch under a committee, a general branch or nothing; a general
 * branch under a committee or nothing; a committee at the top. The name is
 * trimmed and must not be empty. Returns the new unit. */
ZbOrgUnit *zb_org_repo_create_unit (ZbOrgRepo *self, ZbOrgUnitKind kind, gint64 parent_id,
                                    const char *name, GError **error);
gboolean zb_org_repo_rename_unit (ZbOrgRepo *self, gint64 unit_id, const char *name,
                                  GError **error);
/* Archives (or brings back) a unit; members keep their branch_id. */
gboolean zb_org_repo_set_unit_archived (ZbOrgRepo *self, gint64 unit_id, gboolean archived,
                                        GError **error);
ZbOrgUnit *zb_org_repo_get_unit (ZbOrgRepo *self, gint64 unit_id, GError **error);
ZbOrgUnit *zb_org_repo_get_unit_by_uuid (ZbOrgRepo *self, const char *uuid, GError **error);
/* The unit of @kind named @name (after trimming) under @parent_id (-1: under any
 * parent), not archived; NULL without error when there is none. */
ZbOrgUnit *zb_org_repo_find_unit (ZbOrgRepo *self, ZbOrgUnitKind kind, gint64 parent_id,
                                  const char *name, GError **error);
/* All units in tree order (a parent before its children, siblings by
 * sort_order then name): a GPtrArray of ZbOrgUnit. */
GPtrArray *zb_org_repo_list_units (ZbOrgRepo *self, gboolean include_archived, GError **error);
/* The children of @parent_id (0: top level), not archived. */
GPtrArray *zb_org_repo_list_children (ZbOrgRepo *self, gint64 parent_id, GError **error);

/* Active members of a branch (with its groups), or of a group, by category —
 * the inputs of the branch-size rules (zb-org-rules.h). */
gboolean zb_org_repo_count_members (ZbOrgRepo *self, gint64 unit_id, guint *n_full,
                                    guint *n_probationary, GError **error);

/* Committee terms ----------------------------------------------------------- */

ZbCommitteeTerm *zb_org_repo_add_term (ZbOrgRepo *self, gint64 unit_id, const char *start_date,
                                       const char *end_date, GError **error);
gboolean zb_org_repo_update_term (ZbOrgRepo *self, gint64 term_id, const char *start_date,
                                  const char *end_date, GError **error);
gboolean zb_org_repo_set_term_archived (ZbOrgRepo *self, gint64 term_id, gboolean archived,
                                        GError **error);
/* Terms of a unit, latest first, not archived: a GPtrArray of ZbCommitteeTerm. */
GPtrArray *zb_org_repo_list_terms (ZbOrgRepo *self, gint64 unit_id, GError **error);
/* The term with the latest start not after @today (ISO date); NULL without
 * error when there is none. */
ZbCommitteeTerm *zb_org_repo_get_current_term (ZbOrgRepo *self, gint64 unit_id, const char *today,
                                               GError **error);

/* Party posts ---------------------------------------------------------------- */

/* Appoints a member (by row id) to @role in @unit_id from @start_date
 * (@end_date may be NULL), optionally within committee term @term_id (0). */
ZbPartyPost *zb_org_repo_add_post (ZbOrgRepo *self, gint64 member_id, gint64 unit_id,
                                   gint64 term_id, ZbPartyPostRole role, const char *start_date,
                                   const char *end_date, GError **error);
/* Ends a post on @end_date (≥ its start). */
gboolean zb_org_repo_end_post (ZbOrgRepo *self, gint64 post_id, const char *end_date,
                               GError **error);
/* Posts of a unit held on @as_of (NULL: all, current and past), by role: a
 * GPtrArray of ZbPartyPost with member_name filled. */
GPtrArray *zb_org_repo_list_posts (ZbOrgRepo *self, gint64 unit_id, const char *as_of,
                                   GError **error);
/* Every post a member held or holds, by start date. */
GPtrArray *zb_org_repo_list_member_posts (ZbOrgRepo *self, gint64 member_id, GError **error);

G_END_DECLS

/* API-READY */
