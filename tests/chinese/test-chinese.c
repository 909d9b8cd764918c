/* test-chinese.c — 姓氏笔画 and pinyin order, readings and initials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include "zb-chinese.h"
#include "zb-chinese-private.h"

typedef GBytes *(*KeyFunc) (const char *name);

static int
compare_by_key (gconstpointer a, gconstpointer b, gpointer data)
{
  KeyFunc key = data;
  g_autoptr (GBytes) ka = key (*(const char *const *)a);
  g_autoptr (GBytes) kb = key (*(const char *const *)b);

  return g_bytes_compare (ka, kb);
}

/* Sorts a shuffled copy of expected by the key and checks it comes back. */
static void
assert_order (KeyFunc key, const char *const *expected)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261127);
  guint n = g_strv_length ((char **)expected);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer)expected[i]);
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = names->pdata[i - 1];

      names->pdata[i - 1] = names->pdata[j];
      names->pdata[j] = t;
    }
  g_ptr_array_sort_with_data (names, compare_by_key, key);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names->pdata[i], expected[i]) != 0)
      {
        g_autoptr (GString) got = g_string_new (NULL);

        for (guint k = 0; k < n; k++)
          g_string_append_printf (got, "%s ", (char *)names->pdata[k]);
        g_test_message ("order: %s", got->str);
        g_assert_cmpstr (names->pdata[i], ==, expected[i]);
      }
}

/* The stroke classes (1 横 2 竖 3 撇 4 点 5 折) written after each surname are
 * the stroke orders of 《现代汉语通用字笔顺规范》, with 提 as 横, 捺 as 点 and
 * 竖钩 as 竖 (the 1965 《印刷通用汉字字形表》 rule, restated by GF 2001-2001).
 * The order is that rule: count, then the classes one by one. */
static void
test_stroke_order_surnames (void)
{
  const char *const expected[] = {
    /* 2 strokes */
    "丁", /* 12 */
    "卜", /* 24 */
    "刁", /* 51 */
    /* 3 strokes: ICU's collator says 万 上 于 马 */
    "于", /* 112 */
    "万", /* 153 */
    "上", /* 211 */
    "马", /* 551 */
    /* 4 strokes */
    "王", /* 1121 */
    "车", /* 1512 */
    "毛", /* 3115 */
    "仇", /* 3235 */
    "公", /* 3454 */
    "乌", /* 3551 */
    "文", /* 4134 */
    "方", /* 4153 */
    "尹", /* 5113 */
    "孔", /* 5215: 竖钩 as 竖 puts it before 邓 */
    "邓", /* 5452 */
    /* 5 strokes */
    "左", /* 13121 */
    "石", /* 13251 */
    "龙", /* 13534 */
    "卢", /* 21513 */
    "叶", /* 25112 */
    "田", /* 25121 */
    "史", /* 25134 */
    "白", /* 32511 */
    "包", /* 35515 */
    "冯", /* 41551 */
    "兰", /* 43111 */
    "宁", /* 44512 */
    "司", /* 51251 */
    /* 6 strokes */
    "吕", /* 251251 */
    "朱", /* 311234 */
    "任", /* 323121 */
    "华", /* 323512 */
    "向", /* 325251 */
    "庄", /* 413121 */
    "刘", /* 413422 */
    "齐", /* 413432 */
    "江", /* 441121 */
    "安", /* 445531 */
    "许", /* 453112 */
    "孙", /* 521234 */
    /* 8 strokes: the textbook example, 林 (second stroke 竖) before 欧 (撇) */
    "林", /* 12341234 */
    "欧", /* 13453534 */
    "金", /* 34112431 */
    "周", /* 35121251 */
    "郑", /* 43113452 */
    NULL,
  };

  assert_order (zb_chinese_stroke_key, expected);
}

/* Whole names: the surname first (a compound surname by its first character,
 * as name lists do), then the following characters in the same way, and a name
 * that ends first comes first. Note: this is the 姓名笔画 reading of the rule,
 * where 田富 follows 田大利 (大 has 3 strokes, 富 12). */
static void
test_stroke_order_names (void)
{
  const char *const expected[] = {
    "丁一",     /* 丁 2; 一 1 */
    "丁力",     /* 力 2 */
    "卜小平",   /* 卜 2 (24) after 丁 (12) */
    "刁德一",   /* 刁 2 (51) */
    "于小红",   /* 3 strokes: 于 万 上 马 */
    "万里",     /* */
    "上官婉儿", /* 上 3, compound surname sorted by its first character */
    "马三立",   /* 马 3 (551) */
    "马大为",   /* 大 134 after 三 111 */
    "马小明",   /* 小 234 */
    "王",       /* a name that ends first */
    "王一",     /* 一 1 */
    "王三",     /* 3: 111 */
    "王大",     /* 3: 134 */
    "王小",     /* 3: 234 */
    "王方",     /* 4 */
    "王东",     /* 5 */
    "田大利",   /* 大 3 */
    "田富",     /* 富 12 */
    "司马光",   /* 司 5 (51251) */
    "欧阳修",   /* 欧 8 */
    "诸葛亮",   /* 诸 10 */
    "尉迟恭",   /* 尉 11 */
    NULL,
  };

  assert_order (zb_chinese_stroke_key, expected);
}

/* The reason for the stroke data: ICU's collator orders 3-stroke surnames by
 * radical. If it ever follows the official rule, the data may go. */
static void
test_stroke_icu_differs (void)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("zh@collation=stroke", &status);
  g_autoptr (GBytes) yu = zb_chinese_stroke_key ("于");
  g_autoptr (GBytes) wan = zb_chinese_stroke_key ("万");
  UChar yu_u[4], wan_u[4];

  g_assert_true (U_SUCCESS (status));
  u_strFromUTF8 (yu_u, G_N_ELEMENTS (yu_u), NULL, "于", -1, &status);
  u_strFromUTF8 (wan_u, G_N_ELEMENTS (wan_u), NULL, "万", -1, &status);
  g_assert_true (U_SUCCESS (status));
  g_assert_cmpint (ucol_strcoll (collator, yu_u, -1, wan_u, -1), ==, UCOL_GREATER);
  g_assert_cmpint (g_bytes_compare (yu, wan), <, 0);
  ucol_close (collator);
}

static void
test_stroke_classes (void)
{
  const struct
  {
    const char *c;
    const char *classes;
  } cases[] = {
    { "于", "112" },  { "万", "153" }, { "上", "211" }, { "马", "551" }, /* 提 → 横 */
    { "小", "234" },                                                     /* 竖钩 → 竖 */
    { "才", "123" },                                                     /* 竖钩 → 竖 */
    { "扎", "1215" },                                                    /* 提 → 横 */
    { "人", "34" },                                                      /* 捺 → 点 */
    { "心", "4544" },                                                    /* 卧钩 → 折 */
    { "火", "4334" },                                                    /* 点2 → 点 */
    { "孔", "5215" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *classes = _zb_chinese_stroke_classes (g_utf8_get_char (cases[i].c));

      g_assert_cmpstr (classes, ==, cases[i].classes);
    }
  g_assert_null (_zb_chinese_stroke_classes ('A'));
}

static void
test_stroke_count (void)
{
  /* 现代汉语词典 counts (PRC), where ICU's (Unihan) counts can differ: 印 修 妍. */
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("一")), ==, 1);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("王")), ==, 4);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("印")), ==, 5);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("修")), ==, 9);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("妍")), ==, 7);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("曾")), ==, 12);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("鑫")), ==, 24);
  /* Not in the data set: ICU's count. */
  g_assert_null (_zb_chinese_stroke_classes (g_utf8_get_char ("龘")));
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("龘")), ==, 48);
  g_assert_cmpuint (zb_chinese_stroke_count (g_utf8_get_char ("〇")), ==, 1);
  /* Neither knows it. */
  g_assert_cmpuint (zb_chinese_stroke_count (0x20000), ==, 0);
  g_assert_cmpuint (zb_chinese_stroke_count ('A'), ==, 0);
}

/* Every entry of the generated table is consistent. */
static void
test_stroke_table (void)
{
  g_assert_cmpuint (zb_stroke_table_length, >, 6000);
  for (guint i = 0; i < zb_stroke_table_length; i++)
    {
      const ZbStrokeEntry *e = &zb_stroke_table[i];

      g_assert_true (i == 0 || zb_stroke_table[i - 1].cp < e->cp);
      g_assert_cmpuint (e->count, >, 0);
      for (guint k = 0; k < e->count; k++)
        g_assert_true (zb_stroke_classes[e->offset + k] >= '1'
                       && zb_stroke_classes[e->offset + k] <= '5');
      g_assert_true (_zb_chinese_stroke_entry (e->cp) == e);
    }
}

static void
test_readings (void)
{
  const struct
  {
    const char *name, *pinyin, *initials;
  } cases[] = {
    { "张三", "zhangsan", "zs" },
    { "单雄信", "shanxiongxin", "sxx" }, /* surname 单 Shàn */
    { "曾国藩", "zengguofan", "zgf" },   /* surname 曾 Zēng */
    { "解缙", "xiejin", "xj" },          /* surname 解 Xiè */
    { "仇英", "qiuying", "qy" },         /* surname 仇 Qiú */
    { "区家明", "oujiaming", "ojm" },    /* surname 区 Ōu */
    { "查良镛", "zhaliangyong", "zly" }, /* surname 查 Zhā */
    { "朴正", "piaozheng", "pz" },       /* surname 朴 Piáo */
    { "欧阳修", "ouyangxiu", "oyx" },
    { "尉迟恭", "yuchigong", "ycg" }, /* compound: 尉迟 Yùchí, not Wèi */
    { "尉缭", "weiliao", "wl" },
    { "万俟卨", "moqixie", "mqx" },
    { "长孙无忌", "zhangsunwuji", "zswj" },
    { "长江", "changjiang", "cj" },                      /* surname 长 Cháng */
    { "何曾", "heceng", "hc" },                          /* 曾 is Zēng only as the surname */
    { "吕布", "lvbu", "lb" },                            /* ü as v, as input methods type it */
    { "  张　三 ", "zhangsan", "zs" },                   /* spaces, full-width too */
    { "阿依古丽·买买提", "ayigulimaimaiti", "ayglmmt" }, /* the · is not read */
    { "Anna Li", "annali", "al" },
    { "ＡＢＣ", "abc", "a" }, /* full width */
    { "张3", "zhang3", "z3" },
    { "", "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pinyin = zb_chinese_pinyin (cases[i].name);
      g_autofree char *initials = zb_chinese_initials (cases[i].name);

      g_assert_cmpstr (pinyin, ==, cases[i].pinyin);
      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

/* Pinyin order: syllable by syllable, ü after u, tones 1–4 then neutral, as
 * ICU's zh@collation=pinyin and the dictionaries order them; surnames read as
 * surnames, so 单 (Shàn) is among the S names and 曾 (Zēng) among the Z. */
static void
test_pinyin_order (void)
{
  const char *const expected[] = {
    "安娜",   /* an */
    "白雪",   /* bai */
    "丁一",   /* ding */
    "卢山",   /* lu */
    "吕梁",   /* lü: after lu, before luo */
    "罗成",   /* luo */
    "区家明", /* ou (ICU alone: qu) */
    "潘虹",   /* pan */
    "朴正",   /* piao (ICU alone: pu) */
    "秦琼",   /* qin */
    "仇英",   /* qiu (ICU alone: chou) */
    "山丹",   /* shān */
    "单雄信", /* shàn: the same letters, tone 4 after tone 1 (ICU alone: dan) */
    "单雄义", /* same surname: the given name decides (xin before yi) */
    "沈从文", /* shen */
    "西安",   /* xi: shorter syllable first, not "xian" */
    "夏明",   /* xia */
    "先锋",   /* xian */
    "解缙",   /* xie (ICU alone: jie) */
    "曾国藩", /* zeng (ICU alone: ceng) */
    "查良镛", /* zha (ICU alone: cha) */
    "张三",   /* zhang */
    "Zoe",    /* letters sort with pinyin letters */
    NULL,
  };

  assert_order (zb_chinese_pinyin_key, expected);
}

/* Odd input neither crashes nor breaks the order: keys exist, equal names have
 * equal keys, different names different keys. */
static void
test_odd_names (void)
{
  const char *names[] = {
    "",
    "A",
    "a",
    "Anna",
    "ＡＮＮＡ",
    "123",
    "张3",
    "张三",
    "张 三",
    "张三 ",
    "〇",
    "王〇一",
    "𠀀",
    "王𠀀",
    "𡒄",
    "龘",
    "々",
    "·",
    "买买提·吐尔逊",
    "Иван",
    "😀",
    "王\xe2\x80\x8b",
    "\xff\xfe",
    "\xe4\xb8",
    "王\t明",
    NULL,
  };
  g_autoptr (GPtrArray) stroke = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr (GPtrArray) pinyin = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *p = zb_chinese_pinyin (names[i]);
      g_autofree char *n = zb_chinese_initials (names[i]);
      g_autoptr (GBytes) again = zb_chinese_stroke_key (names[i]);

      g_ptr_array_add (stroke, zb_chinese_stroke_key (names[i]));
      g_ptr_array_add (pinyin, zb_chinese_pinyin_key (names[i]));
      g_assert_nonnull (p);
      g_assert_nonnull (n);
      g_assert_true (g_bytes_equal (again, stroke->pdata[i]));
    }
  for (guint i = 0; names[i]; i++)
    for (guint j = 0; names[j]; j++)
      {
        gboolean same = strcmp (names[i], names[j]) == 0;

        g_assert_cmpint (same, ==, g_bytes_equal (stroke->pdata[i], stroke->pdata[j]));
        g_assert_cmpint (same, ==, g_bytes_equal (pinyin->pdata[i], pinyin->pdata[j]));
      }

  /* NULL reads as the empty name. */
  {
    g_autoptr (GBytes) k = zb_chinese_stroke_key (NULL);
    g_autoptr (GBytes) e = zb_chinese_stroke_key ("");
    g_autofree char *p = zb_chinese_pinyin (NULL);

    g_assert_true (g_bytes_equal (k, e));
    g_assert_cmpstr (p, ==, "");
  }
}

/* Where the unusual ones go, so the order stays sensible: Han characters the
 * data set lacks after those it has with the same count, characters nobody
 * knows after every counted one, letters and digits last. */
static void
test_stroke_order_odd (void)
{
  const char *const expected[] = {
    "",    "一", /* 1 stroke */
    "〇",        /* 1 stroke by ICU: after the data set's 1-stroke characters */
    "丁",        /* 2 */
    "王",  "王一", "王〇", "王丁", "龘", /* 48 strokes (ICU) */
    "𠀀",                                /* no count at all */
    "123", "Anna", "Zoe",  NULL,
  };

  assert_order (zb_chinese_stroke_key, expected);
}

typedef struct
{
  const char *const *names;
  char **pinyin;
} ThreadData;

static gpointer
read_names (gpointer data)
{
  ThreadData *d = data;

  for (guint round = 0; round < 50; round++)
    for (guint i = 0; d->names[i]; i++)
      {
        g_autofree char *p = zb_chinese_pinyin (d->names[i]);
        g_autoptr (GBytes) k = zb_chinese_stroke_key (d->names[i]);

        if (round == 0)
          d->pinyin[i] = g_strdup (p);
        else if (g_strcmp0 (p, d->pinyin[i]) != 0)
          return GINT_TO_POINTER (FALSE);
      }
  return GINT_TO_POINTER (TRUE);
}

/* Import runs in a worker thread while the window searches: readings are the
 * same from several threads at once (ICU's transliterator is not thread-safe
 * by itself). */
static void
test_threads (void)
{
  const char *const names[]
      = { "单雄信", "张三", "欧阳修", "吕布", "鑫鑫", "龘", "曾国藩", "𠀀", "王五", "李四", NULL };
  GThread *threads[4];
  ThreadData data[4];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      data[t] = (ThreadData){ names, g_new0 (char *, G_N_ELEMENTS (names)) };
      threads[t] = g_thread_new ("reader", read_names, &data[t]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[t])));
      for (guint i = 0; names[i]; i++)
        g_assert_cmpstr (data[t].pinyin[i], ==, data[0].pinyin[i]);
    }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_strfreev (data[t].pinyin);
}

static void
test_key_version (void)
{
  const char *version = zb_chinese_key_version ();

  g_assert_nonnull (version);
  g_assert_true (strstr (version, "-icu") != NULL);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chinese/stroke/order-surnames", test_stroke_order_surnames);
  g_test_add_func ("/chinese/stroke/order-names", test_stroke_order_names);
  g_test_add_func ("/chinese/stroke/order-odd", test_stroke_order_odd);
  g_test_add_func ("/chinese/stroke/icu-differs", test_stroke_icu_differs);
  g_test_add_func ("/chinese/stroke/classes", test_stroke_classes);
  g_test_add_func ("/chinese/stroke/count", test_stroke_count);
  g_test_add_func ("/chinese/stroke/table", test_stroke_table);
  g_test_add_func ("/chinese/pinyin/readings", test_readings);
  g_test_add_func ("/chinese/pinyin/order", test_pinyin_order);
  g_test_add_func ("/chinese/odd-names", test_odd_names);
  g_test_add_func ("/chinese/threads", test_threads);
  g_test_add_func ("/chinese/key-version", test_key_version);

  return g_test_run ();
}
