/* bench-chinese.c — the four values of 100,000 names, as an import computes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib.h>

#include "zb-chinese.h"

#define N_NAMES 100000

static const char surnames[]
    = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
      "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟"
      "熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解查区朴仇";
static const char *const compound[] = { "欧阳", "司马", "诸葛", "上官", "尉迟", "长孙" };
static const char given[] = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文"
                            "玉兰海燕红梅晓东晓明丹萍鹏辉玲飞斌宇浩凯健俊帆帅旭宁婷雪琳颖倩慧佳欣怡"
                            "晨阳子涵梓轩一诺雨萱思远博文鑫垚淼喆堃玥昊晟璟翀彧旻婧珺琰晔祎焱骁";

static char *
make_name (GRand *rand, gunichar *s, guint ns, gunichar *g, guint ng)
{
  GString *name = g_string_new (NULL);
  guint length = g_rand_int_range (rand, 1, 3);

  if (g_rand_int_range (rand, 0, 200) == 0)
    g_string_append (name, compound[g_rand_int_range (rand, 0, G_N_ELEMENTS (compound))]);
  else
    g_string_append_unichar (name, s[g_rand_int_range (rand, 0, ns)]);
  for (guint i = 0; i < length; i++)
    g_string_append_unichar (name, g[g_rand_int_range (rand, 0, ng)]);
  return g_string_free (name, FALSE);
}

static double
run (char **names, guint n, gsize *bytes)
{
  gint64 start = g_get_monotonic_time ();

  *bytes = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GBytes) stroke = zb_chinese_stroke_key (names[i]);
      g_autoptr (GBytes) pinyin_key = zb_chinese_pinyin_key (names[i]);
      g_autofree char *pinyin = zb_chinese_pinyin (names[i]);
      g_autofree char *initials = zb_chinese_initials (names[i]);

      *bytes += g_bytes_get_size (stroke) + g_bytes_get_size (pinyin_key);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

static gpointer
run_half (gpointer data)
{
  char **names = data;
  gsize bytes;

  run (names, N_NAMES / 2, &bytes);
  return NULL;
}

int
main (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  glong ns, ng;
  g_autofree gunichar *s = g_utf8_to_ucs4 (surnames, -1, NULL, &ns, NULL);
  g_autofree gunichar *g = g_utf8_to_ucs4 (given, -1, NULL, &ng, NULL);
  g_auto (GStrv) names = g_new0 (char *, N_NAMES + 1);
  gint64 start;
  double first, second, threads, one;
  gsize bytes;
  GThread *t1, *t2;

  for (guint i = 0; i < N_NAMES; i++)
    names[i] = make_name (rand, s, ns, g, ng);

  start = g_get_monotonic_time ();
  g_bytes_unref (zb_chinese_pinyin_key ("张三"));
  g_bytes_unref (zb_chinese_stroke_key ("张三"));
  one = (g_get_monotonic_time () - start) / 1e6;

  first = run (names, N_NAMES, &bytes);
  second = run (names, N_NAMES, &bytes);

  start = g_get_monotonic_time ();
  t1 = g_thread_new ("bench", run_half, names);
  t2 = g_thread_new ("bench", run_half, names + N_NAMES / 2);
  g_thread_join (t1);
  g_thread_join (t2);
  threads = (g_get_monotonic_time () - start) / 1e6;

  printf ("first call (opens ICU): %.3f s\n", one);
  printf ("%d names, stroke key + pinyin key + pinyin + initials:\n", N_NAMES);
  printf ("  first pass:  %.3f s (%.2f µs a name)\n", first, first * 1e6 / N_NAMES);
  printf ("  second pass: %.3f s (%.2f µs a name)\n", second, second * 1e6 / N_NAMES);
  printf ("  two threads: %.3f s\n", threads);
  printf ("  keys: %.1f bytes a name on average (both keys)\n", (double)bytes / N_NAMES);
  return 0;
}
