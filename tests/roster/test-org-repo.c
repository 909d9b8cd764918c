/* test-org-repo.c — units, committee terms and posts (DOMAIN.md §2.1, §4.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "roster-test-util.h"
#include "zb-member-rules.h"
#include "zb-org-rules.h"

static void
count_signal (gpointer instance, guint *n)
{
  (*n)++;
}

/* §2.1: 党委 → 党总支 → 党支部 → 党小组; each write audited, "changed" after. */
static void
test_units (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) committee = NULL;
  g_autoptr (ZbOrgUnit) general = NULL;
  g_autoptr (ZbOrgUnit) branch = NULL;
  g_autoptr (ZbOrgUnit) group = NULL;
  g_autoptr (ZbOrgUnit) bad = NULL;
  g_autoptr (ZbOrgUnit) found = NULL;
  g_autoptr (GPtrArray) units = NULL;
  gint64 audit_before = roster_count_rows (f, "SELECT count(*) FROM audit_log");
  guint changed = 0;

  g_signal_connect (f->org, "changed", G_CALLBACK (count_signal), &changed);

  committee
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_COMMITTEE, 0, "中共示例局委员会", &error);
  g_assert_no_error (error);
  general = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GENERAL_BRANCH, committee->id,
                                     "机关党总支", &error);
  branch
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, general->id, "　第一党支部 ", &error);
  group = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (branch->name, ==, "第一党支部");
  g_assert_cmpint (group->parent_id, ==, branch->id);
  g_assert_nonnull (group->uuid);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"), ==, audit_before + 4);

  /* a group belongs to a branch; a committee is at the top; a name is needed */
  bad = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, 0, "孤立小组", &error);
  g_assert_null (bad);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, committee->id, "小组", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_COMMITTEE, branch->id, "党委", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "　 ", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 9999, "x", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM org_unit"), ==, 4);

  /* rename and archive, audited */
  g_assert_true (zb_org_repo_rename_unit (f->org, branch->id, "机关第一党支部", &error));
  g_assert_no_error (error);
  g_assert_cmpint (roster_count_rows (f,
                                      "SELECT count(*) FROM audit_log WHERE action = 'rename'"
                                      " AND entity = 'org_unit' AND before_json LIKE '%第一党支部%'"
                                      " AND after_json LIKE '%机关第一党支部%'"),
                   ==, 1);
  found = zb_org_repo_find_unit (f->org, ZB_ORG_UNIT_BRANCH, -1, "机关第一党支部", &error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, branch->id);
  g_clear_pointer (&found, zb_org_unit_free);

  /* tree order: a parent before its children */
  units = zb_org_repo_list_units (f->org, FALSE, &error);
  g_assert_cmpuint (units->len, ==, 4);
  g_assert_cmpint (((ZbOrgUnit *)units->pdata[0])->id, ==, committee->id);
  g_assert_cmpint (((ZbOrgUnit *)units->pdata[1])->id, ==, general->id);
  g_assert_cmpint (((ZbOrgUnit *)units->pdata[2])->id, ==, branch->id);
  g_assert_cmpint (((ZbOrgUnit *)units->pdata[3])->id, ==, group->id);
  g_clear_pointer (&units, g_ptr_array_unref);

  g_assert_true (zb_org_repo_set_unit_archived (f->org, group->id, TRUE, &error));
  units = zb_org_repo_list_units (f->org, FALSE, &error);
  g_assert_cmpuint (units->len, ==, 3);
  g_clear_pointer (&units, g_ptr_array_unref);
  units = zb_org_repo_list_units (f->org, TRUE, &error);
  g_assert_cmpuint (units->len, ==, 4);
  g_assert_true (((ZbOrgUnit *)units->pdata[3])->archived);
  g_clear_pointer (&units, g_ptr_array_unref);
  found = zb_org_repo_find_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
  g_assert_null (found);
  g_assert_no_error (error);

  units = zb_org_repo_list_children (f->org, general->id, &error);
  g_assert_cmpuint (units->len, ==, 1);

  g_assert_cmpuint (changed, ==, 6);
  {
    gint64 n_rows;

    g_assert_true (zb_audit_verify (f->db, &n_rows, NULL, &error));
  }
}

/* §2.1: terms of 3 or 5 years, and the warnings from zb-org-rules. */
static void
test_terms (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) branch
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "一支部", NULL);
  g_autoptr (ZbOrgUnit) group
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "小组", NULL);
  g_autoptr (ZbCommitteeTerm) first = NULL;
  g_autoptr (ZbCommitteeTerm) second = NULL;
  g_autoptr (ZbCommitteeTerm) current = NULL;
  g_autoptr (ZbCommitteeTerm) bad = NULL;
  g_autoptr (GPtrArray) terms = NULL;
  GDate end, today;

  first = zb_org_repo_add_term (f->org, branch->id, "2020-12-01", "2023-11-30", &error);
  g_assert_no_error (error);
  second = zb_org_repo_add_term (f->org, branch->id, "2023-12-01", "2026-11-30", &error);
  g_assert_no_error (error);

  bad = zb_org_repo_add_term (f->org, branch->id, "2026-12-01", "2026-01-01", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_add_term (f->org, branch->id, "2026-02-30", "2029-01-01", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_add_term (f->org, group->id, "2026-01-01", "2029-01-01", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);

  terms = zb_org_repo_list_terms (f->org, branch->id, &error);
  g_assert_cmpuint (terms->len, ==, 2);
  g_assert_cmpint (((ZbCommitteeTerm *)terms->pdata[0])->id, ==, second->id);

  current = zb_org_repo_get_current_term (f->org, branch->id, "2026-11-27", &error);
  g_assert_nonnull (current);
  g_assert_cmpint (current->id, ==, second->id);

  /* ends in three days: the warning of §2.1 (换届 on time) */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, 11, 2026);
  g_assert_true (zb_parse_iso_date (current->end_date, &end));
  g_assert_cmpint (zb_committee_term_state (&end, &today, ZB_TERM_WARN_MONTHS_DEFAULT), ==,
                   ZB_TERM_ENDING);

  g_assert_true (zb_org_repo_update_term (f->org, second->id, "2023-12-01", "2028-11-30", &error));
  g_assert_no_error (error);
  g_clear_pointer (&current, zb_committee_term_free);
  current = zb_org_repo_get_current_term (f->org, branch->id, "2026-11-27", &error);
  g_assert_cmpstr (current->end_date, ==, "2028-11-30");

  g_assert_true (zb_org_repo_set_term_archived (f->org, first->id, TRUE, &error));
  g_clear_pointer (&terms, g_ptr_array_unref);
  terms = zb_org_repo_list_terms (f->org, branch->id, &error);
  g_assert_cmpuint (terms->len, ==, 1);

  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"
                                         " WHERE entity = 'committee_term'"),
                   ==, 4);
}

/* 党内职务 with their dates (§4.2), and member counts for §2.1. */
static void
test_posts_and_counts (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) branch
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "一支部", NULL);
  g_autoptr (ZbOrgUnit) group
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "小组", NULL);
  g_autoptr (ZbCommitteeTerm) term
      = zb_org_repo_add_term (f->org, branch->id, "2023-12-01", "2026-11-30", NULL);
  g_autoptr (ZbMemberRecord) a = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) b = roster_record ("李四", "19810101", 13);
  g_autoptr (ZbMemberRecord) c = roster_record ("王五", "19990101", 15);
  g_autoptr (ZbPartyPost) secretary = NULL;
  g_autoptr (ZbPartyPost) leader = NULL;
  g_autoptr (ZbPartyPost) bad = NULL;
  g_autoptr (GPtrArray) posts = NULL;
  guint n_full = 0, n_probationary = 0;

  a->branch_id = branch->id;
  b->group_id = group->id;
  c->branch_id = branch->id;
  c->category = ZB_CATEGORY_PROBATIONARY;
  g_free (c->joined_date);
  c->joined_date = g_strdup ("2026-05-01");
  g_clear_pointer (&c->full_date, g_free);
  roster_insert (f, a);
  roster_insert (f, b);
  roster_insert (f, c);

  g_assert_true (zb_org_repo_count_members (f->org, branch->id, &n_full, &n_probationary, &error));
  g_assert_cmpuint (n_full, ==, 2);
  g_assert_cmpuint (n_probationary, ==, 1);
  /* a group counts only its own members */
  g_assert_true (zb_org_repo_count_members (f->org, group->id, &n_full, &n_probationary, &error));
  g_assert_cmpuint (n_full, ==, 1);
  g_assert_cmpuint (n_probationary, ==, 0);

  secretary = zb_org_repo_add_post (f->org, a->id, branch->id, term->id, ZB_POST_SECRETARY,
                                    "2023-12-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secretary->member_name, ==, "张三");
  leader = zb_org_repo_add_post (f->org, b->id, group->id, 0, ZB_POST_GROUP_LEADER, "2024-01-01",
                                 NULL, &error);
  g_assert_no_error (error);

  /* 党小组长 lead groups; committee posts are not in a group */
  bad = zb_org_repo_add_post (f->org, b->id, branch->id, 0, ZB_POST_GROUP_LEADER, "2024-01-01",
                              NULL, &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_add_post (f->org, b->id, group->id, 0, ZB_POST_PROPAGANDA, "2024-01-01", NULL,
                              &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);
  bad = zb_org_repo_add_post (f->org, b->id, branch->id, 0, ZB_POST_PROPAGANDA, "2024-01-01",
                              "2023-01-01", &error);
  g_assert_error (error, ZB_ORG_ERROR, ZB_ORG_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (zb_org_repo_end_post (f->org, secretary->id, "2025-06-30", &error));
  g_assert_no_error (error);

  posts = zb_org_repo_list_posts (f->org, branch->id, "2025-01-01", &error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = zb_org_repo_list_posts (f->org, branch->id, "2026-01-01", &error);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = zb_org_repo_list_posts (f->org, branch->id, NULL, &error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (((ZbPartyPost *)posts->pdata[0])->end_date, ==, "2025-06-30");
  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = zb_org_repo_list_member_posts (f->org, b->id, &error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpint (((ZbPartyPost *)posts->pdata[0])->role, ==, ZB_POST_GROUP_LEADER);

  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"
                                         " WHERE entity = 'party_post'"),
                   ==, 3);
}

static void
test_names (void)
{
  for (int k = ZB_ORG_UNIT_COMMITTEE; k <= ZB_ORG_UNIT_GROUP; k++)
    {
      ZbOrgUnitKind back;

      g_assert_true (zb_org_unit_kind_from_string (zb_org_unit_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  for (int r = ZB_POST_SECRETARY; r <= ZB_POST_GROUP_LEADER; r++)
    {
      ZbPartyPostRole back;

      g_assert_true (zb_party_post_role_from_string (zb_party_post_role_to_string (r), &back));
      g_assert_cmpint (back, ==, r);
      g_assert_nonnull (zb_party_post_role_get_label (r));
    }
  g_assert_cmpstr (zb_org_unit_kind_to_string (ZB_ORG_UNIT_GENERAL_BRANCH), ==, "general_branch");
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, RosterFixture, NULL, roster_fixture_set_up, func, roster_fixture_tear_down)

  ADD ("/org-repo/units", test_units);
  ADD ("/org-repo/terms", test_terms);
  ADD ("/org-repo/posts-and-counts", test_posts_and_counts);
  g_test_add_func ("/org-repo/names", test_names);

  return g_test_run ();
}
