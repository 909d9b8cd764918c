/* test-talk-batch.c — undoing a member import whose members appear in talks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Talks are never deleted, and they name their people: an import whose
 * members took part in a talk, own a follow-up or recorded one can no longer
 * be undone, and the undo says so in a sentence before it deletes anything.
 */
#include "config.h"

#include <string.h>

#include "talks-test-util.h"
#include "zb-exchange-error.h"
#include "zb-import-batch.h"

typedef struct
{
  gint64 batch;
  ZbMemberRecord *a, *b; /* imported */
  ZbMemberRecord *c;     /* added by hand */
} Imported;

static void
imported_set_up (TalkFixture *f, Imported *im)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (_zb_database_exec (f->roster.db,
                                    "INSERT INTO import_batch (uuid, kind, file_name, n_records,"
                                    " imported_at) VALUES ('b-1', 'members', '名册.csv', 2, 'x')",
                                    &error));
  g_assert_no_error (error);
  im->batch = roster_count_rows (&f->roster, "SELECT id FROM import_batch WHERE uuid = 'b-1'");
  im->a = roster_record ("张三", "19800101", 11);
  im->b = roster_record ("李四", "19800101", 13);
  im->a->branch_id = im->b->branch_id = f->branch->id;
  g_assert_true (_zb_database_begin (f->roster.db, &error));
  g_assert_true (zb_member_repo_insert_in_transaction (f->roster.repo, im->a, im->batch,
                                                       ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (zb_member_repo_insert_in_transaction (f->roster.repo, im->b, im->batch,
                                                       ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (_zb_database_commit (f->roster.db, &error));
  g_assert_no_error (error);
  im->c = talk_member (f, "王五", 15, "2000-07-01");
}

static void
imported_clear (Imported *im)
{
  zb_member_record_free (im->a);
  zb_member_record_free (im->b);
  zb_member_record_free (im->c);
}

static guint
count (TalkFixture *f, Imported *im)
{
  g_autoptr (GError) error = NULL;
  guint n = 99;

  g_assert_true (zb_talk_repo_count_batch_references (f->talks, im->batch, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* Every way a talk names a member counts: either side, a follow-up's owner,
 * the recorder; archived talks too. */
static void
test_count (TalkFixture *f, gconstpointer data)
{
  Imported im;
  g_autoptr (GError) error = NULL;

  imported_set_up (f, &im);
  g_assert_cmpuint (count (f, &im), ==, 0);

  /* The hand-added member talks with someone not on the roster: nothing. */
  {
    g_autoptr (ZbTalkRecord) t = zb_talk_record_new (ZB_TALK_KIND_ADMISSION, "2026-03-01");

    zb_talk_record_add_participant (t,
                                    zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, im.c->id));
    zb_talk_record_add_participant (
        t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "赵明", NULL));
    g_assert_true (zb_talk_repo_create (f->talks, t, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count (f, &im), ==, 0);

  /* An imported member as the recorder, the other as a follow-up's owner. */
  {
    g_autoptr (ZbTalkRecord) t = zb_talk_record_new (ZB_TALK_KIND_DAILY, "2026-03-02");
    ZbTalkAction *a = zb_talk_action_new ("回访", "2026-04-01");

    t->recorder_id = im.a->id;
    a->owner_id = im.b->id;
    g_ptr_array_add (t->actions, a);
    zb_talk_record_add_participant (t,
                                    zb_talk_participant_new_member (ZB_TALK_SIDE_TALKER, im.c->id));
    zb_talk_record_add_participant (
        t, zb_talk_participant_new_person (ZB_TALK_SIDE_TALKED_WITH, "钱六", NULL));
    g_assert_true (zb_talk_repo_create (f->talks, t, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count (f, &im), ==, 2);

    /* Archived, it still names them. */
    g_assert_true (zb_talk_repo_set_archived (f->talks, t->uuid, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count (f, &im), ==, 2);
  }
  imported_clear (&im);
}

/* A participant alone is enough; the undo is refused with a sentence naming
 * the file, and changes nothing; without the talk it goes ahead. */
static void
test_undo_refused (TalkFixture *f, gconstpointer data)
{
  Imported im;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbImportBatch) undone = NULL;
  g_autofree char *uuid = NULL;
  gint64 audit_rows;
  guint removed = 99;

  imported_set_up (f, &im);
  uuid = talk_add (f, ZB_TALK_KIND_DAILY, "2026-05-01", im.c,
                   (const ZbMemberRecord *const[]){ im.a, NULL });
  g_assert_cmpuint (count (f, &im), ==, 1);

  audit_rows = roster_count_rows (&f->roster, "SELECT count(*) FROM audit_log");
  undone = zb_import_batch_undo (f->roster.repo, NULL, &removed, &error);
  g_assert_null (undone);
  g_assert_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_IN_USE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "名册.csv"));
  g_assert_nonnull (strstr (error->message, "talk"));
  g_assert_nonnull (strstr (error->message, "Nothing has been changed"));
  g_clear_error (&error);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpint (roster_count_rows (
                       &f->roster, "SELECT count(*) FROM member WHERE import_batch_id IS NOT NULL"),
                   ==, 2);
  g_assert_cmpint (
      roster_count_rows (&f->roster, "SELECT count(*) FROM import_batch WHERE undone_at IS NULL"),
      ==, 1);
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM audit_log"), ==,
                   audit_rows);
  talk_assert_audit_ok (f);
  imported_clear (&im);
}

/* With no talk naming them, the undo removes the imported members. */
static void
test_undo_allowed (TalkFixture *f, gconstpointer data)
{
  Imported im;
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbImportBatch) undone = NULL;
  guint removed = 0;

  imported_set_up (f, &im);
  undone = zb_import_batch_undo (f->roster.repo, NULL, &removed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undone);
  g_assert_cmpuint (removed, ==, 2);
  imported_clear (&im);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  TALK_TEST ("/talk-batch/count", test_count);
  TALK_TEST ("/talk-batch/undo-refused", test_undo_refused);
  TALK_TEST ("/talk-batch/undo-allowed", test_undo_allowed);

  return g_test_run ();
}
