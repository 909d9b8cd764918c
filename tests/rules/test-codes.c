/* test-codes.c — 民族 (DOMAIN.md §4.4), 学历 (§4.5), 失联情形 (§4.2), 出党 (§4.6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "zb-codes.h"

static void
test_ethnicity_table (void)
{
  guint n;
  const ZbCodeEntry *entries = zb_ethnicity_get_entries (&n);
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n, ==, 56);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (entries[i].code, ==, (int)i + 1);
      g_assert_true (g_str_has_suffix (entries[i].name, "族"));
      g_assert_true (g_hash_table_add (names, (gpointer)entries[i].name));
    }
  g_assert_cmpstr (zb_ethnicity_get_name (1), ==, "汉族");
  g_assert_cmpstr (zb_ethnicity_get_name (2), ==, "蒙古族");
  g_assert_cmpstr (zb_ethnicity_get_name (56), ==, "基诺族");
  g_assert_null (zb_ethnicity_get_name (0));
  g_assert_null (zb_ethnicity_get_name (57));
}

static void
test_ethnicity_names (void)
{
  const struct
  {
    const char *text;
    int code;
  } cases[] = {
    { "汉族", 1 },
    { "汉", 1 },
    { " 汉族 ", 1 },
    { "蒙古族", 2 },
    { "蒙古", 2 },
    { "蒙族", 2 },
    { "维吾尔", 5 },
    { "土族", 30 },
    { "土家族", 15 },
    { "土家", 15 },
    { "01", 1 },
    { "1", 1 },
    { "56", 56 },
    { "57", 0 },
    { "0", 0 },
    { "毛难族", 36 },
    { "崩龙族", 46 },
    { "", 0 },
    { "火星族", 0 },
    /* ambiguous short forms are refused rather than guessed */
    { "土", 0 },
    { "哈", 0 },
    { "布", 0 },
    { "塔", 0 },
    { "鄂", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("民族 “%s”", cases[i].text);
      g_assert_cmpint (zb_ethnicity_from_name (cases[i].text), ==, cases[i].code);
    }
  g_assert_cmpint (zb_ethnicity_from_name (NULL), ==, 0);
}

static void
test_education (void)
{
  const struct
  {
    const char *text;
    int code;
  } cases[] = {
    { "大学", 20 },         { "本科", 20 },
    { "大学本科", 20 },     { "本科毕业", 20 },
    { "大学本科毕业", 20 }, { "大专", 30 },
    { "专科", 30 },         { "大学专科", 30 },
    { "大专学历", 30 },     { "中专", 41 },
    { "中等专科", 41 },     { "高中", 60 },
    { "高中文化", 60 },     { "初中", 70 },
    { "小学", 80 },         { "研究生", 10 },
    { "硕士", 14 },         { "硕士研究生", 14 },
    { "博士", 11 },         { "博士研究生毕业", 11 },
    { "技校", 47 },         { "职高", 44 },
    { "其他", 90 },         { "21", 20 },
    { "20", 20 },           { "33", 30 },
    { "61", 60 },           { "99", 0 },
    { "大学问", 0 },        { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("学历 “%s”", cases[i].text);
      g_assert_cmpint (zb_education_from_name (cases[i].text), ==, cases[i].code);
    }
  g_assert_cmpstr (zb_education_get_name (20), ==, "大学本科");
  g_assert_cmpstr (zb_education_get_name (30), ==, "大学专科");
  g_assert_null (zb_education_get_name (25));
  g_assert_true (zb_education_is_valid (80));
  g_assert_false (zb_education_is_valid (0));
}

static void
test_lost_contact_reasons (void)
{
  guint n;
  const ZbCodeEntry *entries = zb_lost_contact_reason_get_entries (&n);

  g_assert_cmpuint (n, ==, 7);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (entries[i].code, ==, (int)i + 1);
      g_assert_cmpint (zb_lost_contact_reason_from_name (entries[i].name), ==, (int)i + 1);
    }
  g_assert_cmpstr (zb_lost_contact_reason_get_name (1), ==, "外出务工经商");
  g_assert_cmpstr (zb_lost_contact_reason_get_name (7), ==, "其他");
  g_assert_null (zb_lost_contact_reason_get_name (8));
  g_assert_cmpint (zb_lost_contact_reason_from_name ("3"), ==, 3);
  g_assert_cmpint (zb_lost_contact_reason_from_name ("出国（境）"), ==, 5);
  g_assert_cmpint (zb_lost_contact_reason_from_name ("8"), ==, 0);
}

static void
test_left_kinds (void)
{
  const char *const codes[]
      = { "persuaded", "removed", "lapsed", "withdrew", "expelled", "probation_cancelled" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      ZbLeftKind kind;

      g_assert_true (zb_left_kind_from_string (codes[i], &kind));
      g_assert_cmpstr (zb_left_kind_to_string (kind), ==, codes[i]);
      g_assert_nonnull (zb_left_kind_get_name (kind));
    }
  g_assert_cmpstr (zb_left_kind_get_name (ZB_LEFT_EXPELLED), ==, "开除党籍");
  g_assert_cmpstr (zb_left_kind_get_name (ZB_LEFT_LAPSED), ==, "自行脱党除名");
  g_assert_false (zb_left_kind_from_string ("deceased", NULL));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/codes/ethnicity-table", test_ethnicity_table);
  g_test_add_func ("/codes/ethnicity-names", test_ethnicity_names);
  g_test_add_func ("/codes/education", test_education);
  g_test_add_func ("/codes/lost-contact-reasons", test_lost_contact_reasons);
  g_test_add_func ("/codes/left-kinds", test_left_kinds);

  return g_test_run ();
}
