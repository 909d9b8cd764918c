/* test-member-repo.c — writing and reading members: every field, audit, the
 * uniqueness of ID numbers among active members, bulk writes
 * (DOMAIN.md §4.2, §4.3; ARCHITECTURE.md "Audit")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "roster-test-util.h"

/* A record with every field set. */
static ZbMemberRecord *
full_record (RosterFixture *f)
{
  g_autoptr (ZbOrgUnit) branch = NULL;
  g_autoptr (ZbOrgUnit) group = NULL;
  g_autoptr (GError) error = NULL;
  ZbMemberRecord *r = zb_member_record_new ();

  branch = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "机关第一党支部", &error);
  g_assert_no_error (error);
  group = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, branch->id, "第一党小组", &error);
  g_assert_no_error (error);

  r->name = g_strdup ("　李 秀英 ");
  r->gender = ZB_GENDER_FEMALE;
  r->ethnicity = 3;
  r->id_number = g_strdup ("11010519491231002x");
  r->birth_date = g_strdup ("1949-12-31");
  r->native_place = g_strdup ("河北省某某县");
  r->education = 30;
  r->work_start_date = g_strdup ("1968-09-01");
  r->category = ZB_CATEGORY_FULL;
  r->joined_date = g_strdup ("1975-07-01");
  r->full_date = g_strdup ("1976-07-01");
  r->branch_id = branch->id;
  r->group_id = group->id;
  r->work_unit = g_strdup ("示例市第一中学 退休教师");
  r->phone = g_strdup ("138-0013-8000");
  r->address = g_strdup ("示例市示例区示例路1号");
  r->flowing = TRUE;
  r->flow_destination = g_strdup ("广东省深圳市");
  r->flow_card_number = g_strdup ("粤流0001");
  r->lost_contact = TRUE;
  r->lost_contact_date = g_strdup ("2020-05-01");
  r->lost_contact_reason = 5;
  r->standing = ZB_STANDING_SUSPENDED;
  r->status = ZB_STATUS_ACTIVE;
  r->remarks = g_strdup ("备注：测试");
  return r;
}

static void
test_round_trip (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = full_record (f);
  g_autoptr (ZbMemberRecord) back = NULL;
  g_autoptr (GError) error = NULL;

  roster_insert (f, r);
  g_assert_nonnull (r->uuid);
  g_assert_cmpint (r->id, >, 0);
  g_assert_nonnull (r->created_at);

  back = zb_member_repo_get (f->repo, r->uuid, &error);
  g_assert_no_error (error);

  g_assert_cmpint (back->id, ==, r->id);
  g_assert_cmpstr (back->uuid, ==, r->uuid);
  /* trimmed (issue 3), X upper-case (§4.3), phone digits */
  g_assert_cmpstr (back->name, ==, "李秀英");
  g_assert_cmpstr (back->id_number, ==, "11010519491231002X");
  g_assert_cmpstr (back->phone, ==, "13800138000");
  g_assert_cmpint (back->gender, ==, ZB_GENDER_FEMALE);
  g_assert_cmpint (back->ethnicity, ==, 3);
  g_assert_cmpstr (back->birth_date, ==, "1949-12-31");
  g_assert_cmpstr (back->native_place, ==, "河北省某某县");
  g_assert_cmpint (back->education, ==, 30);
  g_assert_cmpstr (back->work_start_date, ==, "1968-09-01");
  g_assert_cmpint (back->category, ==, ZB_CATEGORY_FULL);
  g_assert_cmpstr (back->joined_date, ==, "1975-07-01");
  g_assert_cmpstr (back->full_date, ==, "1976-07-01");
  g_assert_cmpint (back->branch_id, ==, r->branch_id);
  g_assert_cmpint (back->group_id, ==, r->group_id);
  g_assert_cmpstr (back->work_unit, ==, "示例市第一中学 退休教师");
  g_assert_cmpstr (back->address, ==, "示例市示例区示例路1号");
  g_assert_true (back->flowing);
  g_assert_cmpstr (back->flow_destination, ==, "广东省深圳市");
  g_assert_cmpstr (back->flow_card_number, ==, "粤流0001");
  g_assert_true (back->lost_contact);
  g_assert_cmpstr (back->lost_contact_date, ==, "2020-05-01");
  g_assert_cmpint (back->lost_contact_reason, ==, 5);
  g_assert_cmpint (back->standing, ==, ZB_STANDING_SUSPENDED);
  g_assert_cmpint (back->status, ==, ZB_STATUS_ACTIVE);
  g_assert_null (back->left_kind);
  g_assert_null (back->left_date);
  g_assert_cmpstr (back->remarks, ==, "备注：测试");
  g_assert_cmpstr (back->created_at, ==, r->created_at);
  g_assert_cmpstr (back->updated_at, ==, r->updated_at);

  /* the sort and search columns were computed (chinese engineer's keys) */
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member WHERE stroke_key IS NOT NULL"
                                         " AND pinyin_key IS NOT NULL AND name_pinyin = 'lixiuying'"
                                         " AND name_initials = 'lxy'"),
                   ==, 1);
}

/* Gender and birth date come from the ID number when not typed (§4.2). */
static void
test_derived_fields (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = zb_member_record_new ();

  r->name = g_strdup ("王五");
  r->id_number = g_strdup ("440524188001010014");
  r->joined_date = g_strdup ("1921-07-01");
  roster_insert (f, r);
  g_assert_cmpint (r->gender, ==, ZB_GENDER_MALE);
  g_assert_cmpstr (r->birth_date, ==, "1880-01-01");
}

static void
count_signal (gpointer instance, guint *n)
{
  (*n)++;
}

/* A record that breaks a rule is refused, nothing is written, no "changed". */
static void
test_invalid_refused (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = roster_record ("张三", "19800101", 11);
  g_autoptr (GError) error = NULL;
  gint64 audit_before = roster_count_rows (f, "SELECT count(*) FROM audit_log");
  guint changed = 0;

  g_signal_connect (f->repo, "changed", G_CALLBACK (count_signal), &changed);

  /* 转正 before 入党 (§1.4) */
  g_free (r->full_date);
  r->full_date = g_strdup ("2000-01-01");
  g_assert_false (zb_member_repo_insert (f->repo, r, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_INVALID);
  g_assert_null (r->uuid);
  g_clear_error (&error);

  /* a mistyped ID number (§4.3) */
  g_free (r->full_date);
  r->full_date = g_strdup ("2006-07-01");
  r->id_number[17] = r->id_number[17] == '0' ? '1' : '0';
  g_assert_false (zb_member_repo_insert (f->repo, r, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_INVALID);

  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member"), ==, 0);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpuint (changed, ==, 0);
}

/* Every write has its audit row with before/after JSON, in the same
 * transaction, and the chain verifies (ARCHITECTURE.md "Audit"). */
static void
test_audit_rows (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = roster_record ("张三", "19800101", 11);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt;
  guint changed = 0;
  gint64 n_rows;

  g_signal_connect (f->repo, "changed", G_CALLBACK (count_signal), &changed);
  roster_insert (f, r);
  g_assert_cmpuint (changed, ==, 1);

  stmt = _zb_database_prepare (f->db,
                               "SELECT action, entity, record_uuid, before_json, after_json"
                               " FROM audit_log ORDER BY seq DESC LIMIT 1",
                               NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "create");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "member");
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 2), ==, r->uuid);
  g_assert_cmpint (sqlite3_column_type (stmt, 3), ==, SQLITE_NULL);
  g_assert_true (
      json_parser_load_from_data (parser, (const char *)sqlite3_column_text (stmt, 4), -1, &error));
  g_assert_cmpstr (
      json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "name"),
      ==, "张三");
  sqlite3_reset (stmt);

  /* an update records the record before and after */
  g_free (r->work_unit);
  r->work_unit = g_strdup ("示例单位");
  g_assert_true (zb_member_repo_update (f->repo, r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);

  stmt = _zb_database_prepare (f->db,
                               "SELECT action, before_json, after_json FROM audit_log"
                               " ORDER BY seq DESC LIMIT 1",
                               NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "update");
  g_assert_true (
      json_parser_load_from_data (parser, (const char *)sqlite3_column_text (stmt, 1), -1, &error));
  g_assert_true (json_node_get_node_type (json_object_get_member (
                     json_node_get_object (json_parser_get_root (parser)), "work_unit"))
                 == JSON_NODE_NULL);
  g_assert_true (
      json_parser_load_from_data (parser, (const char *)sqlite3_column_text (stmt, 2), -1, &error));
  g_assert_cmpstr (json_object_get_string_member (
                       json_node_get_object (json_parser_get_root (parser)), "work_unit"),
                   ==, "示例单位");
  sqlite3_reset (stmt);

  g_assert_true (zb_audit_verify (f->db, &n_rows, NULL, &error));
  g_assert_no_error (error);
}

/* Update writes the edited fields and keeps the ones events govern. */
static void
test_update (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) back = NULL;
  g_autoptr (GError) error = NULL;

  roster_insert (f, r);

  g_free (r->name);
  r->name = g_strdup ("张三丰");
  r->status = ZB_STATUS_DECEASED; /* ignored: only an event changes it */
  r->flowing = TRUE;
  g_assert_true (zb_member_repo_update (f->repo, r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r->status, ==, ZB_STATUS_ACTIVE);

  back = zb_member_repo_get (f->repo, r->uuid, &error);
  g_assert_cmpstr (back->name, ==, "张三丰");
  g_assert_cmpint (back->status, ==, ZB_STATUS_ACTIVE);
  g_assert_false (back->flowing);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member WHERE"
                                         " name_pinyin = 'zhangsanfeng'"),
                   ==, 1);

  /* an unknown uuid */
  g_free (r->uuid);
  r->uuid = g_strdup ("00000000-0000-4000-8000-000000000000");
  g_assert_false (zb_member_repo_update (f->repo, r, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_NOT_FOUND);
}

/* §4.2: an ID number is unique among members who have not left. The unique
 * index covers active members only, so someone transferred out may come back
 * as a new record (or a person re-admitted after 出党), but two active members
 * never share a number. */
static void
test_id_unique_among_active (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) a = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) b = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) c = roster_record ("张叁", "19800101", 11);
  g_autoptr (ZbMemberEvent) out = zb_member_event_new (ZB_EVENT_TRANSFER_OUT, "2020-03-01");
  g_autoptr (ZbMemberEvent) in = zb_member_event_new (ZB_EVENT_TRANSFER_IN, "2021-03-01");
  g_autoptr (GError) error = NULL;
  g_autofree char *found = NULL;

  roster_insert (f, a);

  g_assert_false (zb_member_repo_insert (f->repo, b, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID);
  g_clear_error (&error);

  g_assert_true (zb_member_repo_lookup_id_number (f->repo, a->id_number, &found, &error));
  g_assert_cmpstr (found, ==, a->uuid);
  g_clear_pointer (&found, g_free);

  /* transferred out: the number is free on the active roster */
  g_assert_true (zb_member_repo_record_event (f->repo, a->uuid, out, &error));
  g_assert_no_error (error);
  g_assert_true (zb_member_repo_lookup_id_number (f->repo, a->id_number, &found, &error));
  g_assert_null (found);
  roster_insert (f, c);

  /* the first record cannot come back while the second is active */
  g_assert_false (zb_member_repo_record_event (f->repo, a->uuid, in, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member WHERE status = 'active'"), ==,
                   1);
}

/* A group alone gives its branch; a group of another branch is refused. */
static void
test_units (RosterFixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ZbOrgUnit) b1
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "一支部", NULL);
  g_autoptr (ZbOrgUnit) b2
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_BRANCH, 0, "二支部", NULL);
  g_autoptr (ZbOrgUnit) g1
      = zb_org_repo_create_unit (f->org, ZB_ORG_UNIT_GROUP, b1->id, "第一党小组", NULL);
  g_autoptr (ZbMemberRecord) r = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMemberRecord) wrong = roster_record ("李四", "19800101", 13);

  r->group_id = g1->id;
  roster_insert (f, r);
  g_assert_cmpint (r->branch_id, ==, b1->id);

  wrong->branch_id = b2->id;
  wrong->group_id = g1->id;
  g_assert_false (zb_member_repo_insert (f->repo, wrong, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_INVALID);
  g_clear_error (&error);

  /* a group is not a branch */
  wrong->group_id = 0;
  wrong->branch_id = g1->id;
  g_assert_false (zb_member_repo_insert (f->repo, wrong, &error));
  g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_INVALID);
}

/* Bulk writes inside the caller's transaction (import): a duplicate fails
 * alone and leaves the transaction usable, no per-member audit rows, the batch
 * can be removed again exactly. */
static void
test_bulk_in_transaction (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) before = roster_record ("赵六", "19700101", 15);
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 batch_id;
  gint64 audit_rows;
  guint changed = 0;
  guint removed = 0;

  roster_insert (f, before);
  g_signal_connect (f->repo, "changed", G_CALLBACK (count_signal), &changed);
  audit_rows = roster_count_rows (f, "SELECT count(*) FROM audit_log");

  g_assert_true (_zb_database_begin (f->db, &error));
  stmt = _zb_database_prepare (f->db,
                               "INSERT INTO import_batch (uuid, kind, file_name, n_records,"
                               " imported_at) VALUES ('b-1', 'members', 'x.csv', 3, 'now')",
                               &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  batch_id = sqlite3_last_insert_rowid (_zb_database_get_handle (f->db));

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("导入%d", i);
      g_autoptr (ZbMemberRecord) r = roster_record (name, "19900101", 21 + 2 * i);

      g_assert_true (zb_member_repo_insert_in_transaction (f->repo, r, batch_id,
                                                           ZB_MEMBER_WRITE_NO_AUDIT, &error));
      g_assert_no_error (error);
    }
  {
    /* the same ID number as a member on the roster */
    g_autoptr (ZbMemberRecord) dup = roster_record ("重复", "19700101", 15);

    g_assert_false (zb_member_repo_insert_in_transaction (f->repo, dup, batch_id,
                                                          ZB_MEMBER_WRITE_NO_AUDIT, &error));
    g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID);
    g_clear_error (&error);
  }
  g_assert_true (
      zb_audit_append (f->db, "import", "import_batch", "b-1", NULL, "{\"n\":3}", &error));
  g_assert_true (_zb_database_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0); /* the caller emits it */
  zb_member_repo_emit_changed (f->repo);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member"), ==, 4);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log"), ==, audit_rows + 1);

  /* they are searchable like any other member */
  {
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;

    q.search = "导入";
    g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 3);
  }

  /* undo the import */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_true (zb_member_repo_delete_import_batch_in_transaction (
      f->repo, batch_id, ZB_MEMBER_WRITE_DEFAULT, &removed, &error));
  g_assert_no_error (error);
  g_assert_true (_zb_database_commit (f->db, &error));
  g_assert_cmpuint (removed, ==, 3);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM member"), ==, 1);
  g_assert_cmpint (roster_count_rows (f, "SELECT count(*) FROM audit_log WHERE action = 'delete'"),
                   ==, 3);
  {
    ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;

    q.search = "导入";
    g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 0);
  }
}

/* Bulk imports set the order and search indexes aside and build them again
 * (faster for thousands of rows); the unique checks stay; a rollback brings
 * everything back. */
static void
test_bulk_indexes (RosterFixture *f, gconstpointer data)
{
  const char *count_sql = "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                          " AND tbl_name = 'member'";
  const char *schema_sql = "SELECT group_concat (sql, ';') FROM (SELECT sql FROM sqlite_master"
                           " WHERE type = 'index' AND tbl_name = 'member' ORDER BY name)";
  g_autoptr (ZbMemberRecord) first = roster_record ("张三", "19800101", 11);
  g_autoptr (GError) error = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  gint64 n_indexes = roster_count_rows (f, count_sql);
  sqlite3_stmt *stmt;
  ZbMemberQuery q = ZB_MEMBER_QUERY_INIT;

  stmt = _zb_database_prepare (f->db, schema_sql, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  schema_before = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  /* a few rows: nothing is set aside */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_true (zb_member_repo_bulk_begin (f->repo, 10, &error));
  g_assert_cmpint (roster_count_rows (f, count_sql), ==, n_indexes);
  g_assert_true (
      zb_member_repo_insert_in_transaction (f->repo, first, 0, ZB_MEMBER_WRITE_DEFAULT, &error));
  g_assert_true (zb_member_repo_bulk_end (f->repo, &error));
  g_assert_true (_zb_database_commit (f->db, &error));

  /* many rows: set aside, then rebuilt exactly as they were */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_true (zb_member_repo_bulk_begin (f->repo, ZB_MEMBER_BULK_THRESHOLD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (roster_count_rows (f, count_sql), <, n_indexes);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("批量%d", i);
      g_autoptr (ZbMemberRecord) r = roster_record (name, "19900101", 21 + 2 * i);

      g_assert_true (
          zb_member_repo_insert_in_transaction (f->repo, r, 0, ZB_MEMBER_WRITE_NO_AUDIT, &error));
    }
  {
    /* the ID number is still checked row by row */
    g_autoptr (ZbMemberRecord) dup = roster_record ("重复", "19800101", 11);

    g_assert_false (
        zb_member_repo_insert_in_transaction (f->repo, dup, 0, ZB_MEMBER_WRITE_NO_AUDIT, &error));
    g_assert_error (error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID);
    g_clear_error (&error);
  }
  g_assert_true (zb_member_repo_bulk_end (f->repo, &error));
  g_assert_no_error (error);
  g_assert_true (_zb_database_commit (f->db, &error));
  g_assert_cmpint (roster_count_rows (f, count_sql), ==, n_indexes);
  stmt = _zb_database_prepare (f->db, schema_sql, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  schema_after = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_cmpstr (schema_after, ==, schema_before);

  q.search = "批量";
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 5);
  q.search = "piliang";
  g_assert_cmpint (zb_member_repo_count (f->repo, &q, &error), ==, 5);

  /* a rollback brings the indexes back by itself */
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_true (zb_member_repo_bulk_begin (f->repo, ZB_MEMBER_BULK_THRESHOLD, &error));
  _zb_database_rollback (f->db);
  zb_member_repo_bulk_abandon (f->repo);
  g_assert_cmpint (roster_count_rows (f, count_sql), ==, n_indexes);
  g_assert_true (_zb_database_begin (f->db, &error));
  g_assert_true (zb_member_repo_bulk_begin (f->repo, 1, &error));
  g_assert_true (zb_member_repo_bulk_end (f->repo, &error));
  g_assert_true (_zb_database_commit (f->db, &error));
}

/* ZbMember, the list item: a snapshot with its unit names. */
static void
test_member_object (RosterFixture *f, gconstpointer data)
{
  g_autoptr (ZbMemberRecord) r = roster_record ("张三", "19800101", 11);
  g_autoptr (ZbMember) m = NULL;
  g_autofree char *name = NULL;

  roster_insert (f, r);
  m = zb_member_new_with_units (r, "一支部", NULL);
  g_free (r->name);
  r->name = g_strdup ("changed");

  g_assert_cmpstr (zb_member_get_name (m), ==, "张三");
  g_assert_cmpstr (zb_member_get_branch_name (m), ==, "一支部");
  g_assert_null (zb_member_get_group_name (m));
  g_object_get (m, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "张三");
  g_assert_cmpstr (zb_member_get_record (m)->uuid, ==, r->uuid);
}

int
main (int argc, char **argv)
{
  roster_test_init (&argc, &argv);

#define ADD(path, func)                                                                            \
  g_test_add (path, RosterFixture, NULL, roster_fixture_set_up, func, roster_fixture_tear_down)

  ADD ("/member-repo/round-trip", test_round_trip);
  ADD ("/member-repo/derived-fields", test_derived_fields);
  ADD ("/member-repo/invalid-refused", test_invalid_refused);
  ADD ("/member-repo/audit-rows", test_audit_rows);
  ADD ("/member-repo/update", test_update);
  ADD ("/member-repo/id-unique-among-active", test_id_unique_among_active);
  ADD ("/member-repo/units", test_units);
  ADD ("/member-repo/bulk-in-transaction", test_bulk_in_transaction);
  ADD ("/member-repo/bulk-indexes", test_bulk_indexes);
  ADD ("/member-repo/member-object", test_member_object);

  return g_test_run ();
}
