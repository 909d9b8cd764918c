/* test-meeting-review.c — 民主评议党员: each member's grade at a meeting,
 * replaced as a whole, audited, limited to the members of the meeting, and
 * the one-third cap on 优秀 warned, not enforced (DOMAIN.md §2.2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "meetings-test-util.h"
#include "zb-exchange-error.h"
#include "zb-import-batch.h"

#define ADD_TEST(path, func)                                                                       \
  g_test_add (path, MeetingFixture, NULL, meeting_fixture_set_up, func, meeting_fixture_tear_down)

static const char *const names[]
    = { "丁一", "王二", "张三", "李四", "赵五", "钱六", "孙七", "周八", "吴九" };

/* Nine full members of the branch, in the order of @members. */
static void
nine_members (MeetingFixture *f, ZbMemberRecord *members[9])
{
  for (guint i = 0; i < 9; i++)
    members[i] = meeting_member (f, names[i], 11 + 2 * (int)i, "2000-07-01", "2001-07-01", FALSE);
}

static void
free_members (ZbMemberRecord *members[9])
{
  for (guint i = 0; i < 9; i++)
    zb_member_record_free (members[i]);
}

/* A meeting of @kind on 2026-11-20 with the branch's members expected. */
static char *
create_meeting (MeetingFixture *f, ZbMeetingKind kind, gboolean with_attendance)
{
  g_autoptr (ZbMeetingRecord) m = zb_meeting_record_new (kind, "2026-11-20");
  g_autoptr (GError) error = NULL;

  m->title = g_strdup ("2026年度民主评议党员");
  m->branch_id = f->branch->id;
  if (with_attendance)
    {
      g_assert_true (zb_meeting_repo_fill_expected (f->meetings, m, &error));
      g_assert_no_error (error);
    }
  g_assert_true (zb_meeting_repo_create (f->meetings, m, &error));
  g_assert_no_error (error);
  return g_strdup (m->uuid);
}

/* Grades for the nine: the first @n_excellent 优秀, then 合格, the last
 * 基本合格. */
static GPtrArray *
grades_for (ZbMemberRecord *members[9], guint n_excellent)
{
  GPtrArray *grades = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);

  for (guint i = 0; i < 9; i++)
    {
      ZbReviewGrade grade = i < n_excellent ? ZB_REVIEW_GRADE_EXCELLENT
                            : i == 8        ? ZB_REVIEW_GRADE_BASICALLY_QUALIFIED
                                            : ZB_REVIEW_GRADE_QUALIFIED;

      g_ptr_array_add (grades, zb_meeting_grade_new (members[i]->id, NULL, grade,
                                                     i == 8 ? "  学习不够主动  " : NULL));
    }
  return grades;
}

static const ZbMeetingGrade *
find_grade (GPtrArray *grades, gint64 member_id)
{
  for (guint i = 0; i < grades->len; i++)
    {
      const ZbMeetingGrade *g = g_ptr_array_index (grades, i);

      if (g->member_id == member_id)
        return g;
    }
  return NULL;
}

static void
count_changed (ZbMeetingRepo *repo, guint *changed)
{
  (*changed)++;
}

static char *
last_audit (MeetingFixture *f, const char *column)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT %s FROM audit_log WHERE entity = 'meeting_review' ORDER BY seq DESC", column);
  sqlite3_stmt *stmt = _zb_database_prepare (f->roster.db, sql, NULL);
  char *text;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

static void
test_names (void)
{
  ZbReviewGrade grade = ZB_REVIEW_GRADE_NONE;

  g_assert_cmpstr (zb_review_grade_to_string (ZB_REVIEW_GRADE_EXCELLENT), ==, "excellent");
  g_assert_cmpstr (zb_review_grade_to_string (ZB_REVIEW_GRADE_BASICALLY_QUALIFIED), ==,
                   "basically_qualified");
  g_assert_null (zb_review_grade_to_string (ZB_REVIEW_GRADE_NONE));
  g_assert_true (zb_review_grade_from_string ("unqualified", &grade));
  g_assert_cmpint (grade, ==, ZB_REVIEW_GRADE_UNQUALIFIED);
  g_assert_false (zb_review_grade_from_string ("good", &grade));
  g_assert_false (zb_review_grade_from_string (NULL, &grade));
  g_assert_cmpstr (zb_review_grade_get_label (ZB_REVIEW_GRADE_QUALIFIED), ==, "Qualified");
}

/* DOMAIN.md §2.2: 优秀 generally ≤ 1/3 of the members rated. 3 of 9 is
 * within, 4 of 9 over — a warning with the figures, never a refusal. */
static void
test_cap_boundary (MeetingFixture *f, gconstpointer data)
{
  ZbMemberRecord *members[9];
  g_autofree char *uuid = NULL;
  g_autoptr (GPtrArray) three = NULL;
  g_autoptr (GPtrArray) four = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (ZbRuleCheck) ok = NULL;
  g_autoptr (ZbRuleCheck) over = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *cap = NULL;
  guint counts[ZB_APPRAISAL_N_GRADES];

  nine_members (f, members);
  uuid = create_meeting (f, ZB_MEETING_APPRAISAL, TRUE);

  three = grades_for (members, 3);
  ok = zb_meeting_grades_check (three);
  g_assert_true (ok->ok);
  g_assert_cmpint (ok->code, ==, ZB_RULE_OK);
  g_assert_cmpuint (ok->total, ==, 9);
  g_assert_cmpuint (ok->count, ==, 3);
  g_assert_cmpuint (ok->threshold, ==, 3);

  four = grades_for (members, 4);
  over = zb_meeting_grades_check (four);
  g_assert_false (over->ok);
  g_assert_cmpint (over->code, ==, ZB_RULE_EXCELLENT_OVER_THIRD);
  g_assert_cmpuint (over->count, ==, 4);
  g_assert_cmpuint (over->threshold, ==, 3);
  cap = zb_meeting_grades_describe_cap (over);
  g_assert_nonnull (strstr (cap, "9 rated"));
  g_assert_nonnull (strstr (cap, "at most 3"));

  /* over the cap is stored all the same */
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, four, &error));
  g_assert_no_error (error);
  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 9);
  zb_meeting_grades_count (stored, counts);
  g_assert_cmpuint (counts[ZB_GRADE_EXCELLENT], ==, 4);
  g_assert_cmpuint (counts[ZB_GRADE_QUALIFIED], ==, 4);
  g_assert_cmpuint (counts[ZB_GRADE_BASICALLY_QUALIFIED], ==, 1);
  g_assert_cmpuint (counts[ZB_GRADE_UNQUALIFIED], ==, 0);
  free_members (members);
}

static void
test_set_list_replace (MeetingFixture *f, gconstpointer data)
{
  ZbMemberRecord *members[9];
  g_autofree char *uuid = NULL;
  g_autoptr (GPtrArray) grades = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GPtrArray) candidates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *action = NULL;
  const ZbMeetingGrade *g;
  guint changed = 0;

  nine_members (f, members);
  uuid = create_meeting (f, ZB_MEETING_APPRAISAL, TRUE);
  g_signal_connect (f->meetings, "changed", G_CALLBACK (count_changed), &changed);

  /* Before any grade, everyone expected is a candidate, ungraded. */
  candidates = zb_meeting_repo_list_review_candidates (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 9);
  for (guint i = 0; i < candidates->len; i++)
    g_assert_cmpint (((ZbMeetingGrade *)g_ptr_array_index (candidates, i))->grade, ==,
                     ZB_REVIEW_GRADE_NONE);
  g_clear_pointer (&candidates, g_ptr_array_unref);

  grades = grades_for (members, 3);
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (meeting_count_audit (f, "meeting_review"), ==, 1);

  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 9);
  g = g_ptr_array_index (stored, 0);
  g_assert_nonnull (g->uuid);
  g_assert_cmpint (g->member_id, ==, members[0]->id);
  g_assert_cmpstr (g->member_name, ==, "丁一"); /* the name from the attendance list */
  g_assert_cmpint (g->grade, ==, ZB_REVIEW_GRADE_EXCELLENT);
  g = find_grade (stored, members[8]->id);
  g_assert_cmpint (g->grade, ==, ZB_REVIEW_GRADE_BASICALLY_QUALIFIED);
  g_assert_cmpstr (g->remark, ==, "学习不够主动"); /* trimmed */
  first_uuid = g_strdup (((ZbMeetingGrade *)g_ptr_array_index (stored, 0))->uuid);

  action = last_audit (f, "action");
  g_assert_cmpstr (action, ==, "grade");
  after = last_audit (f, "after_json");
  g_assert_nonnull (strstr (after, "\"excellent\""));
  g_assert_nonnull (strstr (after, "学习不够主动"));
  g_assert_nonnull (strstr (after, uuid));
  g_clear_pointer (&after, g_free);

  /* Replaced: the first member 不合格, the ninth left ungraded (NONE). */
  ((ZbMeetingGrade *)g_ptr_array_index (grades, 0))->grade = ZB_REVIEW_GRADE_UNQUALIFIED;
  ((ZbMeetingGrade *)g_ptr_array_index (grades, 8))->grade = ZB_REVIEW_GRADE_NONE;
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (meeting_count_audit (f, "meeting_review"), ==, 2);

  again = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 8);
  g = find_grade (again, members[0]->id);
  g_assert_cmpint (g->grade, ==, ZB_REVIEW_GRADE_UNQUALIFIED);
  g_assert_cmpstr (g->uuid, ==, first_uuid); /* the member's row keeps its uuid */
  g_assert_null (find_grade (again, members[8]->id));
  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_review_grade"), ==,
                   8);

  before = last_audit (f, "before_json");
  after = last_audit (f, "after_json");
  g_assert_nonnull (strstr (before, "学习不够主动"));
  g_assert_null (strstr (after, "学习不够主动"));
  g_assert_nonnull (strstr (after, "\"unqualified\""));

  /* The same grades again change nothing and write no audit row. */
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);
  g_assert_cmpint (meeting_count_audit (f, "meeting_review"), ==, 2);

  /* The candidates carry the stored grades, and NONE for the ninth. */
  candidates = zb_meeting_repo_list_review_candidates (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 9);
  g_assert_cmpint (find_grade (candidates, members[0]->id)->grade, ==, ZB_REVIEW_GRADE_UNQUALIFIED);
  g_assert_cmpint (find_grade (candidates, members[8]->id)->grade, ==, ZB_REVIEW_GRADE_NONE);

  meeting_assert_audit_ok (f);
  free_members (members);
}

/* A person who was not a member expected at the meeting cannot be graded:
 * a member of another branch, one who joined after the meeting, one who sat
 * in. Nothing is written. Nor can a member be graded twice, nor at a meeting
 * of a kind that holds no appraisal. */
static void
test_refused (MeetingFixture *f, gconstpointer data)
{
  ZbMemberRecord *members[9];
  g_autoptr (ZbOrgUnit) other = NULL;
  g_autoptr (ZbMemberRecord) outsider = NULL;
  g_autoptr (ZbMemberRecord) later = NULL;
  g_autoptr (ZbMemberRecord) guest = NULL;
  g_autoptr (ZbMeetingRecord) committee
      = zb_meeting_record_new (ZB_MEETING_COMMITTEE, "2026-12-01");
  g_autoptr (ZbMeetingRecord) with_guest = NULL;
  g_autoptr (GPtrArray) grades = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *no_uuid = NULL;

  nine_members (f, members);
  other = zb_org_repo_create_unit (f->roster.org, ZB_ORG_UNIT_BRANCH, 0, "第二支部", &error);
  g_assert_no_error (error);
  outsider = roster_record ("郑十", "19800101", 41);
  outsider->branch_id = other->id;
  roster_insert (&f->roster, outsider);
  later = meeting_member (f, "冯十一", 43, "2026-11-25", NULL, FALSE);
  guest = roster_record ("陈十二", "19800101", 45);
  guest->branch_id = other->id;
  roster_insert (&f->roster, guest);

  with_guest = zb_meeting_record_new (ZB_MEETING_GENERAL, "2026-11-20");
  with_guest->branch_id = f->branch->id;
  g_assert_true (zb_meeting_repo_fill_expected (f->meetings, with_guest, &error));
  g_ptr_array_add (with_guest->attendees,
                   zb_meeting_attendee_new (guest->id, NULL, ZB_ATTENDANCE_OBSERVER));
  g_assert_true (zb_meeting_repo_create (f->meetings, with_guest, &error));
  g_assert_no_error (error);
  uuid = g_strdup (with_guest->uuid);

  grades = grades_for (members, 3);
  g_ptr_array_add (grades,
                   zb_meeting_grade_new (outsider->id, NULL, ZB_REVIEW_GRADE_QUALIFIED, NULL));
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "郑十"));
  g_clear_error (&error);
  g_ptr_array_remove_index (grades, grades->len - 1);

  g_ptr_array_add (grades, zb_meeting_grade_new (later->id, NULL, ZB_REVIEW_GRADE_QUALIFIED, NULL));
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (grades, grades->len - 1);

  g_ptr_array_add (grades, zb_meeting_grade_new (guest->id, NULL, ZB_REVIEW_GRADE_QUALIFIED, NULL));
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (grades, grades->len - 1);

  g_ptr_array_add (grades,
                   zb_meeting_grade_new (members[2]->id, NULL, ZB_REVIEW_GRADE_UNQUALIFIED, NULL));
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);
  g_ptr_array_remove_index (grades, grades->len - 1);

  g_assert_cmpint (roster_count_rows (&f->roster, "SELECT count(*) FROM meeting_review_grade"), ==,
                   0);
  g_assert_cmpint (meeting_count_audit (f, "meeting_review"), ==, 0);

  /* a 党员大会 holds the appraisal: the nine are fine there */
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);

  /* a 支委会 does not */
  committee->branch_id = f->branch->id;
  g_assert_true (zb_meeting_repo_create (f->meetings, committee, &error));
  g_assert_no_error (error);
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, committee->uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (zb_meeting_repo_list_review_candidates (f->meetings, committee->uuid, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);

  no_uuid = g_strdup ("00000000-0000-4000-8000-000000000000");
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, no_uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_NOT_FOUND);
  g_clear_error (&error);

  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 9);
  meeting_assert_audit_ok (f);
  free_members (members);
}

/* Editing the meeting (its minutes, its attendance) keeps the grades. */
static void
test_meeting_update_keeps_grades (MeetingFixture *f, gconstpointer data)
{
  ZbMemberRecord *members[9];
  g_autofree char *uuid = NULL;
  g_autoptr (GPtrArray) grades = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (ZbMeetingRecord) m = NULL;
  g_autoptr (GError) error = NULL;

  nine_members (f, members);
  uuid = create_meeting (f, ZB_MEETING_LIFE, TRUE);
  grades = grades_for (members, 2);
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);

  m = zb_meeting_repo_get (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_free (m->place);
  m->place = g_strdup ("党员活动室");
  ((ZbMeetingAttendee *)g_ptr_array_index (m->attendees, 0))->role = ZB_ATTENDANCE_PRESENT;
  g_ptr_array_add (m->topics, zb_meeting_topic_new ("开展民主测评"));
  g_assert_true (zb_meeting_repo_update (f->meetings, m, &error));
  g_assert_no_error (error);

  stored = zb_meeting_repo_list_review_grades (f->meetings, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 9);
  g_assert_cmpint (find_grade (stored, members[1]->id)->grade, ==, ZB_REVIEW_GRADE_EXCELLENT);

  /* A graded member taken off the attendance list afterwards: the grade
   * stays, the member is still listed to grade, and saving the same list
   * again is not refused. */
  {
    g_autoptr (ZbMeetingRecord) fewer = zb_meeting_repo_get (f->meetings, uuid, &error);
    g_autoptr (GPtrArray) candidates = NULL;
    const ZbMeetingAttendee *gone = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < fewer->attendees->len && gone == NULL; i++)
      if (((ZbMeetingAttendee *)g_ptr_array_index (fewer->attendees, i))->member_id
          == members[1]->id)
        gone = g_ptr_array_index (fewer->attendees, i);
    g_assert_nonnull (gone);
    g_ptr_array_remove (fewer->attendees, (gpointer)gone);
    g_assert_true (zb_meeting_repo_update (f->meetings, fewer, &error));
    g_assert_no_error (error);

    candidates = zb_meeting_repo_list_review_candidates (f->meetings, uuid, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (candidates->len, ==, 9);
    g_assert_cmpint (find_grade (candidates, members[1]->id)->grade, ==, ZB_REVIEW_GRADE_EXCELLENT);
    g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, candidates, &error));
    g_assert_no_error (error);
  }
  free_members (members);
}

/* Without an attendance list, the branch's roster on the meeting date decides;
 * a graded member of an import batch keeps the import from being undone. */
static void
test_roster_fallback_and_batch (MeetingFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbMemberRecord) a = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) later = NULL;
  g_autoptr (GPtrArray) grades
      = g_ptr_array_new_with_free_func ((GDestroyNotify)zb_meeting_grade_free);
  g_autofree char *uuid = NULL;
  guint n = 99;
  gint64 batch;

  g_assert_true (_zb_database_exec (f->roster.db,
                                    "INSERT INTO import_batch (uuid, kind, file_name, n_records,"
                                    " imported_at) VALUES ('b-1', 'members', 'a.csv', 1, 'x')",
                                    &error));
  batch = roster_count_rows (&f->roster, "SELECT id FROM import_batch WHERE uuid = 'b-1'");
  g_assert_true (_zb_database_begin (f->roster.db, &error));
  a->branch_id = f->branch->id;
  g_assert_true (zb_member_repo_insert_in_transaction (f->roster.repo, a, batch,
                                                       ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (_zb_database_commit (f->roster.db, &error));
  g_assert_no_error (error);
  later = meeting_member (f, "李四", 13, "2026-11-25", NULL, FALSE);

  uuid = create_meeting (f, ZB_MEETING_APPRAISAL, FALSE);
  g_assert_true (zb_meeting_repo_count_batch_references (f->meetings, batch, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  g_ptr_array_add (grades, zb_meeting_grade_new (later->id, NULL, ZB_REVIEW_GRADE_QUALIFIED, NULL));
  g_assert_false (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_error (error, ZB_MEETING_ERROR, ZB_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (grades, 0);

  g_ptr_array_add (grades, zb_meeting_grade_new (a->id, NULL, ZB_REVIEW_GRADE_EXCELLENT, NULL));
  g_assert_true (zb_meeting_repo_set_review_grades (f->meetings, uuid, grades, &error));
  g_assert_no_error (error);
  g_assert_true (zb_meeting_repo_count_batch_references (f->meetings, batch, &n, &error));
  g_assert_cmpuint (n, ==, 1);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

  g_test_add_func ("/review/names", test_names);
  ADD_TEST ("/review/cap-boundary", test_cap_boundary);
  ADD_TEST ("/review/set-list-replace", test_set_list_replace);
  ADD_TEST ("/review/refused", test_refused);
  ADD_TEST ("/review/meeting-update-keeps-grades", test_meeting_update_keeps_grades);
  ADD_TEST ("/review/roster-fallback-and-batch", test_roster_fallback_and_batch);

  return g_test_run ();
}
