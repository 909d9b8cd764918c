/* talks-test-util.h — a workspace with a branch and members, for the talk
 * tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "../roster/roster-test-util.h"
#include "zb-talk-repo.h"

typedef struct
{
  RosterFixture roster;
  ZbTalkRepo *talks;
  ZbOrgUnit *branch;
  guint n_changed;
} TalkFixture;

static inline void
talk_fixture_count_changed (ZbTalkRepo *repo, TalkFixture *f)
{
  f->n_changed++;
}

static inline void
talk_fixture_set_up (TalkFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  roster_fixture_set_up (&f->roster, data);
  f->talks = zb_talk_repo_new (f->roster.db);
  f->n_changed = 0;
  g_signal_connect (f->talks, "changed", G_CALLBACK (talk_fixture_count_changed), f);
  f->branch = zb_org_repo_create_unit (f->roster.org, ZB_ORG_UNIT_BRANCH, 0, "第一支部", &error);
  g_assert_no_error (error);
}

static inline void
talk_fixture_tear_down (TalkFixture *f, gconstpointer data)
{
  g_clear_object (&f->talks);
  g_clear_pointer (&f->branch, zb_org_unit_free);
  roster_fixture_tear_down (&f->roster, data);
}

/* A full member of the branch who joined on @joined. */
static inline ZbMemberRecord *
talk_member (TalkFixture *f, const char *name, int seq, const char *joined)
{
  ZbMemberRecord *r = roster_record (name, "19800101", seq);

  g_free (r->joined_date);
  r->joined_date = g_strdup (joined);
  g_free (r->full_date);
  r->full_date = NULL;
  r->category = ZB_CATEGORY_PROBATIONARY;
  r->branch_id = f->branch->id;
  return roster_insert (&f->roster, r);
}

/* @m holds @role in the branch from 2020 on. */
static inline void
talk_post (TalkFixture *f, const ZbMemberRecord *m, ZbPartyPostRole role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbPartyPost) post = zb_org_repo_add_post (f->roster.org, m->id, f->branch->id, 0, role,
                                                       "2020-01-01", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (post);
}

/* Records a talk of @kind on @date: @talker with each of the NULL-terminated
 * @with (members). Returns its uuid. */
static inline char *
talk_add (TalkFixture *f, ZbTalkKind kind, const char *date, const ZbMemberRecord *talker,
          const ZbMemberRecord *const *with)
{
  g_autoptr (ZbTalkRecord) t = zb_talk_record_new (kind, date);
  g_autoptr (GError) error = NULL;

  zb_talk_record_add_participant (t,
                                  zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, talker->id));
  for (guint i = 0; with[i] != NULL; i++)
    zb_talk_record_add_participant (
        t, zb_talk_participant_new_member (ZB_TALK_SIDE_TALKED_WITH, with[i]->id));
  g_assert_true (zb_talk_repo_create (f->talks, t, &error));
  g_assert_no_error (error);
  return g_strdup (t->uuid);
}

static inline gint64
talk_count_audit (TalkFixture *f, const char *action)
{
  sqlite3_stmt *stmt = _zb_database_prepare (
      f->roster.db, "SELECT count(*) FROM audit_log WHERE entity = 'talk' AND action = ?1", NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static inline void
talk_assert_audit_ok (TalkFixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (zb_audit_verify (f->roster.db, NULL, NULL, &error));
  g_assert_no_error (error);
}

#define TALK_TEST(path, func)                                                                      \
  g_test_add (path, TalkFixture, NULL, talk_fixture_set_up, func, talk_fixture_tear_down)
