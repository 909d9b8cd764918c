/* zb-talk-repo.h — 谈心谈话: the only SQL that touches talks (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write runs in one transaction with its audit row (entity "talk", the
 * record before and after as JSON — without the contents: the audit row
 * holds a SHA-256 of them, so that a change shows but the text is never
 * copied out), and the repository emits "changed" after it commits. Talks are
 * archived, never deleted.
 *
 * The contents are read by zb_talk_repo_load_contents() only, which writes an
 * audit row "open-contents" every time. Asking for the passphrase again before
 * that (issue 6) is the window's task.
 */
#pragma once

#include "zb-database.h"
#include "zb-talk-record.h"
#include "zb-talk-rules.h"

G_BEGIN_DECLS

#define ZB_TYPE_TALK_REPO (zb_talk_repo_get_type ())

G_DECLARE_FINAL_TYPE (ZbTalkRepo, zb_talk_repo, ZB, TALK_REPO, GObject)

#define ZB_TALK_ERROR (zb_talk_error_quark ())

/* Why a call was refused. Messages are translated sentences for the user. */
typedef enum
{
  ZB_TALK_ERROR_FAILED,
  ZB_TALK_ERROR_INVALID,   /* the record breaks a rule; the message names the first */
  ZB_TALK_ERROR_NOT_FOUND, /* no talk with this uuid */
} ZbTalkError;

GQuark zb_talk_error_quark (void);

ZbTalkRepo *zb_talk_repo_new (ZbDatabase *db);
ZbDatabase *zb_talk_repo_get_database (ZbTalkRepo *self);

/* Checks the record (a real date, an HH:MM time, at least one 谈话人 and one
 * 谈话对象, members that are on the roster or in its archive, a name for
 * everyone else, nobody on both sides or twice, actions with a text and real
 * dates), fills uuids, names and posts of members (their party post held on
 * the date when none was given), person keys ("name:NAME") of others,
 * created_at/updated_at, inserts it with its participants, actions and
 * contents, and writes one audit row ("create") — one transaction. On
 * success @record becomes the stored talk, its contents wiped and NULL as in
 * every read; on failure it is left as it was. */
gboolean zb_talk_repo_create (ZbTalkRepo *self, ZbTalkRecord *record, GError **error);

/* Writes the record over the stored talk with the same uuid (participants
 * and actions replaced, children keep their uuids). Contents NULL keeps the
 * stored contents. One audit row ("update"). */
gboolean zb_talk_repo_update (ZbTalkRepo *self, ZbTalkRecord *record, GError **error);

/* Archives (or brings back) a talk: audit row "archive" / "unarchive". */
gboolean zb_talk_repo_set_archived (ZbTalkRepo *self, const char *uuid, gboolean archived,
                                    GError **error);

/* The talk with its participants and actions, never its contents. */
ZbTalkRecord *zb_talk_repo_get (ZbTalkRepo *self, const char *uuid, GError **error);

/* The contents of the talk, and one audit row ("open-contents", entity
 * "talk") for this opening: one per call, also when the contents are empty.
 * NULL with ZB_TALK_ERROR_NOT_FOUND for an unknown uuid (nothing audited). */
ZbTalkContents *zb_talk_repo_load_contents (ZbTalkRepo *self, const char *uuid, GError **error);

typedef struct
{
  guint year;        /* 0: any */
  int kind;          /* -1: any; else a ZbTalkKind */
  gint64 branch_id;  /* 0: any */
  gboolean archived; /* FALSE: leave archived talks out */
} ZbTalkQuery;

#define ZB_TALK_QUERY_INIT                                                                         \
  {                                                                                                \
    0, -1, 0, FALSE                                                                                \
  }

/* Talks matching @query by date and time: a GPtrArray of ZbTalkRecord with
 * participants and actions, contents NULL — the list never carries them. */
GPtrArray *zb_talk_repo_list (ZbTalkRepo *self, const ZbTalkQuery *query, GError **error);

/* The talks, not archived, in which a person took part (either side): the
 * member @member_id, or (@member_id 0) the person of @person_key. @kind -1:
 * any, else only that kind (the 发展党员 workflow asks for
 * ZB_TALK_KIND_ADMISSION / _FULL_MEMBERSHIP). By date; no contents. */
GPtrArray *zb_talk_repo_list_for_person (ZbTalkRepo *self, gint64 member_id, const char *person_key,
                                         int kind, GError **error);

/* T2 (DOMAIN.md §1.4) in one place: zb_application_talk_check() over the
 * 入党谈话 with the person (as zb_talk_repo_list_for_person()) for an
 * application received on @applied. */
ZbApplicationTalkCheck *zb_talk_repo_check_application_talk (ZbTalkRepo *self, gint64 member_id,
                                                             const char *person_key,
                                                             const GDate *applied,
                                                             const GDate *today, GError **error);

/* The roster zb_talk_coverage_for_year() takes for @year as of @today: the
 * members of @branch_id (0: all) on the roster at some time in the year — a
 * ZbTalkPerson per member, id = the member's uuid, joined = the day they came
 * (their first 转入 when that is how they came, else 入党), left = the day
 * they left (for a member no longer active), committee = holding a post of
 * their branch other than 党小组长 on 31 December of @year or @today if
 * earlier (as the meetings' committee is found). Committee members first,
 * then 姓氏笔画 order. The strings belong to the array. */
GArray *zb_talk_repo_roster_for_year (ZbTalkRepo *self, gint64 branch_id, guint year,
                                      const GDate *today, GError **error);

/* The year's coverage (zb_talk_coverage_for_year()) from the talks dated in
 * @year, not archived, and the roster above: a GPtrArray of ZbTalkCoverage,
 * ids being member uuids. @names (optional) receives a table uuid → name. */
GPtrArray *zb_talk_repo_coverage_for_year (ZbTalkRepo *self, gint64 branch_id, guint year,
                                           const GDate *today, GHashTable **names, GError **error);

/* ── Follow-up actions (zb-talk-repo-actions.c) ─────────────────────── */

/* Marks the follow-up @action_uuid done on @done_date (YYYY-MM-DD), or open
 * again (@done_date NULL). One audit row ("done" / "reopen", entity
 * "talk_action", the action before and after) in the same transaction, then
 * "changed". Nothing changes (and nothing is audited) when it already is so.
 * ZB_TALK_ERROR_NOT_FOUND for an unknown action, _INVALID for a date that is
 * not a real date. */
gboolean zb_talk_repo_set_action_done (ZbTalkRepo *self, const char *action_uuid,
                                       const char *done_date, GError **error);

/* A follow-up not yet done, with what the list needs of its talk (never the
 * contents). */
typedef struct
{
  ZbTalkAction *action;
  char *talk_uuid;
  char *talk_date; /* YYYY-MM-DD */
  ZbTalkKind talk_kind;
  char *talked_with; /* the 谈话对象 names, joined with 、 */
} ZbTalkOpenAction;

void zb_talk_open_action_free (ZbTalkOpenAction *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbTalkOpenAction, zb_talk_open_action_free)

/* The follow-ups not yet done of the talks not archived of @branch_id (0:
 * all), those due first (by due date, those without one last): a GPtrArray of
 * ZbTalkOpenAction. */
GPtrArray *zb_talk_repo_list_open_actions (ZbTalkRepo *self, gint64 branch_id, GError **error);

/* ── Undoing an import (zb-talk-repo-batch.c) ──────────────────────── */

/* How many members of import batch @import_batch_id appear in talk records
 * (archived ones too) as a participant, a follow-up's owner or the
 * recorder, in *n_members. Undoing that import deletes the members, which
 * the talks' foreign keys refuse: zb_import_batch_undo() asks first and says
 * so. */
gboolean zb_talk_repo_count_batch_references (ZbTalkRepo *self, gint64 import_batch_id,
                                              guint *n_members, GError **error);

G_END_DECLS
