/* test-document.c — the document tree, its tables and its content hash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <string.h>

#include "render-samples.h"
#include "zb-table-private.h"

static char *
hash_of (ZbDocument *doc)
{
  char *hash = zb_document_dup_content_hash (doc);

  g_assert_cmpuint (strlen (hash), ==, 64);
  for (const char *p = hash; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  return hash;
}

static ZbDocument *
small_document (const char *paragraph, const char *cell)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) table = zb_table_new ();

  zb_document_set_title (doc, "测试");
  zb_document_set_org_name (doc, SAMPLE_ORG);
  zb_document_add_title (doc, "测试文件");
  zb_document_add_paragraph (doc, paragraph);
  zb_document_add_field (doc, "姓名：", "张三");
  zb_table_add_column (table, "甲", 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (table, "乙", 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (table, (const char *[]){ "一", cell, NULL });
  zb_document_add_table (doc, table);
  return doc;
}

/* The hash is what a printed QR code is checked against, perhaps years later
 * by another version: it must not change unless the scheme name does. */
static void
test_hash_pinned (void)
{
  g_autoptr (ZbDocument) doc = small_document ("正文。", "二");
  g_autofree char *hash = hash_of (doc);

  g_assert_cmpstr (hash, ==, "ceb372710f8d750c39111f6dc5aefa3b0069d4c64042359a140c5e291a7ea10c");
}

static void
test_hash_covers_content (void)
{
  g_autoptr (ZbDocument) a = small_document ("正文。", "二");
  g_autoptr (ZbDocument) same = small_document ("正文。", "二");
  g_autoptr (ZbDocument) text = small_document ("正文！", "二");
  g_autoptr (ZbDocument) cell = small_document ("正文。", "三");
  g_autofree char *ha = hash_of (a);
  g_autofree char *hs = hash_of (same);
  g_autofree char *ht = hash_of (text);
  g_autofree char *hc = hash_of (cell);
  g_autofree char *again = NULL;
  g_autofree char *org = NULL;
  g_autoptr (GDateTime) date = sample_date ();

  g_assert_cmpstr (ha, ==, hs);
  g_assert_cmpstr (ha, !=, ht);
  g_assert_cmpstr (ha, !=, hc);

  /* Number, print date and marking identify a print, not its content. */
  zb_document_set_number (same, "ZB-2026-000999");
  zb_document_set_print_date (same, date);
  zb_document_set_marking (same, "秘密");
  zb_document_add_spacer (same, 2);
  zb_document_add_page_break (same);
  again = hash_of (same);
  g_assert_cmpstr (ha, ==, again);

  zb_document_set_org_name (same, "另一个支部");
  org = hash_of (same);
  g_assert_cmpstr (ha, !=, org);
}

/* Field boundaries cannot be moved without changing the hash. */
static void
test_hash_boundaries (void)
{
  g_autoptr (ZbDocument) a = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbDocument) b = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbDocument) c = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;
  g_autofree char *hc = NULL;

  zb_document_add_paragraph (a, "ab");
  zb_document_add_paragraph (a, "c");
  zb_document_add_paragraph (b, "a");
  zb_document_add_paragraph (b, "bc");
  zb_document_add_paragraph (c, "ab");
  zb_document_add_paragraph (c, "c");
  ha = hash_of (a);
  hb = hash_of (b);
  hc = hash_of (c);
  g_assert_cmpstr (ha, !=, hb);
  g_assert_cmpstr (ha, !=, hc);
}

static ZbDocument *
two_cell_document (gboolean merged)
{
  ZbDocument *doc = zb_document_new (ZB_PAGE_SETUP_OFFICIAL);
  g_autoptr (ZbTable) t = zb_table_new ();

  zb_table_add_column (t, NULL, 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_add_column (t, NULL, 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_row (t, (const char *[]){ "一", "二", NULL });
  if (merged)
    zb_table_set_span (t, 0, 0, 1, 2);
  zb_document_add_table (doc, t);
  return doc;
}

/* Merging cells changes what the table says (the covered text is gone). */
static void
test_hash_spans (void)
{
  g_autoptr (ZbDocument) a = two_cell_document (FALSE);
  g_autoptr (ZbDocument) b = two_cell_document (TRUE);
  g_autofree char *ha = hash_of (a);
  g_autofree char *hb = hash_of (b);

  g_assert_cmpstr (ha, !=, hb);
}

/* Two sheets of different keys hash the same: the hash is printed and
 * audited, and must not be a way to test guesses of the key. */
static void
test_hash_leaves_out_secrets (void)
{
  g_autoptr (GDateTime) date = sample_date ();
  g_autoptr (ZbSecret) key = sample_key ();
  g_autoptr (ZbSecret) other = zb_secret_new_random_key (NULL);
  g_autoptr (ZbDocument) a = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, key);
  g_autoptr (ZbDocument) b = zb_recovery_sheet_new (SAMPLE_ORG, SAMPLE_UUID, date, other);
  g_autofree char *ha = hash_of (a);
  g_autofree char *hb = hash_of (b);
  g_autofree char *verification = zb_document_dup_verification_text (a);
  g_autofree char *expected = g_strdup_printf ("ZB1|ZB-KEY-5C2F8E1A|%s", ha);

  g_assert_cmpstr (ha, ==, hb);
  g_assert_cmpstr (verification, ==, expected);
  g_assert_cmpstr (zb_document_get_number (a), ==, "ZB-KEY-5C2F8E1A");
  g_assert_null (strstr (verification, SAMPLE_KEY_HEX));
}

static void
test_table_spans (void)
{
  g_autoptr (ZbTable) t = zb_table_new ();
  const ZbTableRow *row;

  for (guint c = 0; c < 3; c++)
    zb_table_add_column (t, NULL, 1, PANGO_ALIGN_LEFT, PANGO_WRAP_WORD_CHAR);
  zb_table_append_header_row (t, (const char *[]){ "甲", "乙", "丙", NULL });
  zb_table_append_row (t, (const char *[]){ "1", "2", "3", NULL });
  zb_table_append_row (t, (const char *[]){ "4", NULL });
  g_assert_cmpuint (zb_table_get_n_rows (t), ==, 3);
  g_assert_cmpstr (zb_table_get_cell (t, 2, 0), ==, "4");
  g_assert_null (zb_table_get_cell (t, 2, 1));

  /* A header span may not reach into the body; spans stop at the edges. */
  zb_table_set_span (t, 0, 0, 3, 1);
  zb_table_set_span (t, 1, 1, 5, 5);
  row = _zb_table_get_row (t, 0);
  g_assert_cmpuint (row->cells[0].row_span, ==, 1);
  row = _zb_table_get_row (t, 1);
  g_assert_cmpuint (row->cells[1].row_span, ==, 2);
  g_assert_cmpuint (row->cells[1].col_span, ==, 2);
  g_assert_false (row->cells[0].covered);
  g_assert_true (row->cells[2].covered);
  g_assert_true (_zb_table_get_row (t, 2)->cells[1].covered);
  g_assert_false (_zb_table_get_row (t, 2)->cells[0].covered);
}

static void
test_properties (void)
{
  g_autoptr (ZbDocument) doc = zb_document_new (ZB_PAGE_SETUP_REGISTER);
  g_autoptr (GDateTime) date = sample_date ();
  g_autofree char *number = NULL;

  g_assert_cmpint (zb_document_get_page_setup (doc), ==, ZB_PAGE_SETUP_REGISTER);
  g_assert_cmpstr (zb_document_get_marking (doc), ==, "内部资料 注意保管");
  g_assert_nonnull (zb_document_get_print_date (doc));
  g_object_set (doc, "number", "ZB-2026-000001", "print-date", date, NULL);
  g_object_get (doc, "number", &number, NULL);
  g_assert_cmpstr (number, ==, "ZB-2026-000001");
  g_assert_true (g_date_time_equal (zb_document_get_print_date (doc), date));
}

int
main (int argc, char *argv[])
{
  /* Messages with Chinese text must not come out as question marks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/hash/pinned", test_hash_pinned);
  g_test_add_func ("/document/hash/covers-content", test_hash_covers_content);
  g_test_add_func ("/document/hash/boundaries", test_hash_boundaries);
  g_test_add_func ("/document/hash/spans", test_hash_spans);
  g_test_add_func ("/document/hash/leaves-out-secrets", test_hash_leaves_out_secrets);
  g_test_add_func ("/document/table/spans", test_table_spans);
  g_test_add_func ("/document/properties", test_properties);

  return g_test_run ();
}
