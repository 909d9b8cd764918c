/* zb-codes.c — code tables of the member record (DOMAIN.md §4.2, §4.4, §4.5, §4.6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Official Chinese names, not translated: they are what the standards and the
 * national system use, whatever the language of the interface.
 */
#include "config.h"

#include <string.h>

#include "zb-codes.h"

/* GB/T 3304-1991, DOMAIN.md §4.4. */
static const ZbCodeEntry ethnicities[ZB_ETHNICITY_COUNT] = {
  { 1, "汉族" },        { 2, "蒙古族" },    { 3, "回族" },        { 4, "藏族" },
  { 5, "维吾尔族" },    { 6, "苗族" },      { 7, "彝族" },        { 8, "壮族" },
  { 9, "布依族" },      { 10, "朝鲜族" },   { 11, "满族" },       { 12, "侗族" },
  { 13, "瑶族" },       { 14, "白族" },     { 15, "土家族" },     { 16, "哈尼族" },
  { 17, "哈萨克族" },   { 18, "傣族" },     { 19, "黎族" },       { 20, "傈僳族" },
  { 21, "佤族" },       { 22, "畲族" },     { 23, "高山族" },     { 24, "拉祜族" },
  { 25, "水族" },       { 26, "东乡族" },   { 27, "纳西族" },     { 28, "景颇族" },
  { 29, "柯尔克孜族" }, { 30, "土族" },     { 31, "达斡尔族" },   { 32, "仫佬族" },
  { 33, "羌族" },       { 34, "布朗族" },   { 35, "撒拉族" },     { 36, "毛南族" },
  { 37, "仡佬族" },     { 38, "锡伯族" },   { 39, "阿昌族" },     { 40, "普米族" },
  { 41, "塔吉克族" },   { 42, "怒族" },     { 43, "乌孜别克族" }, { 44, "俄罗斯族" },
  { 45, "鄂温克族" },   { 46, "德昂族" },   { 47, "保安族" },     { 48, "裕固族" },
  { 49, "京族" },       { 50, "塔塔尔族" }, { 51, "独龙族" },     { 52, "鄂伦春族" },
  { 53, "赫哲族" },     { 54, "门巴族" },   { 55, "珞巴族" },     { 56, "基诺族" },
};

/* Legacy names still found in old rosters (DOMAIN.md §4.4). */
static const ZbCodeEntry ethnicity_legacy[] = {
  { 36, "毛难族" },
  { 46, "崩龙族" },
};

/* Simple levels (DOMAIN.md §4.5: "for display, simple levels suffice"). */
static const ZbCodeEntry education_levels[] = {
  { ZB_EDUCATION_POSTGRADUATE, "研究生" },
  { ZB_EDUCATION_DOCTOR, "博士研究生" },
  { ZB_EDUCATION_MASTER, "硕士研究生" },
  { ZB_EDUCATION_BACHELOR, "大学本科" },
  { ZB_EDUCATION_COLLEGE, "大学专科" },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, "中等专科" },
  { ZB_EDUCATION_VOCATIONAL_HIGH, "职业高中" },
  { ZB_EDUCATION_TECHNICAL_SCHOOL, "技工学校" },
  { ZB_EDUCATION_HIGH_SCHOOL, "普通高中" },
  { ZB_EDUCATION_JUNIOR, "初中" },
  { ZB_EDUCATION_PRIMARY, "小学" },
  { ZB_EDUCATION_OTHER, "其他" },
};

/* What offices write in 学历/文化程度 columns (常见写法), after the suffixes
 * 毕业/结业/肄业/学历/文化 are taken off. Longer forms first is not needed: the
 * whole text must match. */
static const ZbCodeEntry education_aliases[] = {
  { ZB_EDUCATION_POSTGRADUATE, "研究生" },
  { ZB_EDUCATION_POSTGRADUATE, "研究生班" },
  { ZB_EDUCATION_DOCTOR, "博士" },
  { ZB_EDUCATION_DOCTOR, "博士研究生" },
  { ZB_EDUCATION_DOCTOR, "博士生" },
  { ZB_EDUCATION_MASTER, "硕士" },
  { ZB_EDUCATION_MASTER, "硕士研究生" },
  { ZB_EDUCATION_MASTER, "硕士生" },
  { ZB_EDUCATION_BACHELOR, "大学" },
  { ZB_EDUCATION_BACHELOR, "本科" },
  { ZB_EDUCATION_BACHELOR, "大学本科" },
  { ZB_EDUCATION_BACHELOR, "大本" },
  { ZB_EDUCATION_BACHELOR, "大学普通班" },
  { ZB_EDUCATION_COLLEGE, "大专" },
  { ZB_EDUCATION_COLLEGE, "专科" },
  { ZB_EDUCATION_COLLEGE, "大学专科" },
  { ZB_EDUCATION_COLLEGE, "高职" },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, "中专" },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, "中等专科" },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, "中等专业学校" },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, "中等职业教育" },
  { ZB_EDUCATION_VOCATIONAL_HIGH, "职高" },
  { ZB_EDUCATION_VOCATIONAL_HIGH, "职业高中" },
  { ZB_EDUCATION_TECHNICAL_SCHOOL, "技校" },
  { ZB_EDUCATION_TECHNICAL_SCHOOL, "技工学校" },
  { ZB_EDUCATION_TECHNICAL_SCHOOL, "中技" },
  { ZB_EDUCATION_HIGH_SCHOOL, "高中" },
  { ZB_EDUCATION_HIGH_SCHOOL, "普通高中" },
  { ZB_EDUCATION_HIGH_SCHOOL, "普通高级中学" },
  { ZB_EDUCATION_JUNIOR, "初中" },
  { ZB_EDUCATION_JUNIOR, "初级中学" },
  { ZB_EDUCATION_JUNIOR, "初中及以下" },
  { ZB_EDUCATION_PRIMARY, "小学" },
  { ZB_EDUCATION_PRIMARY, "小学及以下" },
  { ZB_EDUCATION_OTHER, "其他" },
  { ZB_EDUCATION_OTHER, "其它" },
};

/* DOMAIN.md §4.2, 失联情形 ①–⑦. */
static const ZbCodeEntry lost_contact_reasons[] = {
  { 1, "外出务工经商" }, { 2, "单位改制或破产" }, { 3, "毕业后去向不明" }, { 4, "工作单位改变" },
  { 5, "出国(境)" },     { 6, "居住地改变" },     { 7, "其他" },
};

/* DOMAIN.md §4.6, the exit states to model. */
static const struct
{
  const char *code;
  const char *name;
} left_kinds[ZB_LEFT_KIND_COUNT] = {
  [ZB_LEFT_PERSUADED] = { "persuaded", "劝其退党" },
  [ZB_LEFT_REMOVED] = { "removed", "劝而不退除名" },
  [ZB_LEFT_LAPSED] = { "lapsed", "自行脱党除名" },
  [ZB_LEFT_WITHDREW] = { "withdrew", "退党除名" },
  [ZB_LEFT_EXPELLED] = { "expelled", "开除党籍" },
  [ZB_LEFT_PROBATION_CANCELLED] = { "probation_cancelled", "取消预备党员资格" },
};

/* Copies @text without ASCII and full-width spaces anywhere. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0)
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A whole number of 1–3 ASCII digits, or -1. */
static int
parse_small_number (const char *text)
{
  int value = 0;
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    {
      if (!g_ascii_isdigit (*p) || n >= 3)
        return -1;
      value = value * 10 + (*p - '0');
    }
  return n > 0 ? value : -1;
}

const char *
zb_ethnicity_get_name (int code)
{
  if (code < 1 || code > ZB_ETHNICITY_COUNT)
    return NULL;
  return ethnicities[code - 1].name;
}

const ZbCodeEntry *
zb_ethnicity_get_entries (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = ZB_ETHNICITY_COUNT;
  return ethnicities;
}

int
zb_ethnicity_from_name (const char *name)
{
  g_autofree char *text = NULL;
  int number;
  int found = 0;
  gsize len;

  if (name == NULL)
    return 0;
  if (!g_utf8_validate (name, -1, NULL))
    return 0;

  text = strip_spaces (name);
  if (*text == '\0')
    return 0;

  number = parse_small_number (text);
  if (number >= 0)
    return number >= 1 && number <= ZB_ETHNICITY_COUNT ? number : 0;

  for (guint i = 0; i < ZB_ETHNICITY_COUNT; i++)
    if (strcmp (ethnicities[i].name, text) == 0)
      return ethnicities[i].code;
  for (guint i = 0; i < G_N_ELEMENTS (ethnicity_legacy); i++)
    if (strcmp (ethnicity_legacy[i].name, text) == 0)
      return ethnicity_legacy[i].code;

  /* Short forms ("汉", "蒙古", also the common "蒙族"): the text without a
   * final 族 must begin exactly one full name, so that a short form can never
   * pick the wrong group ("土" begins both 土族 and 土家族: refused). */
  if (g_str_has_suffix (text, "族"))
    text[strlen (text) - strlen ("族")] = '\0';
  len = strlen (text);
  if (len == 0)
    return 0;
  for (guint i = 0; i < ZB_ETHNICITY_COUNT; i++)
    if (strncmp (ethnicities[i].name, text, len) == 0)
      {
        if (found != 0)
          return 0;
        found = ethnicities[i].code;
      }
  return found;
}

const char *
zb_education_get_name (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (education_levels); i++)
    if (education_levels[i].code == code)
      return education_levels[i].name;
  return NULL;
}

gboolean
zb_education_is_valid (int code)
{
  return zb_education_get_name (code) != NULL;
}

const ZbCodeEntry *
zb_education_get_entries (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (education_levels);
  return education_levels;
}

/* A detailed GB/T 4658 code (DOMAIN.md §4.5) → its simple level. */
static int
education_level_of_code (int code)
{
  if (zb_education_is_valid (code))
    return code;
  if (code >= 11 && code <= 13)
    return ZB_EDUCATION_DOCTOR;
  if (code >= 14 && code <= 16)
    return ZB_EDUCATION_MASTER;
  if (code >= 17 && code <= 19)
    return ZB_EDUCATION_POSTGRADUATE;
  if (code >= 21 && code <= 28)
    return ZB_EDUCATION_BACHELOR;
  if (code >= 31 && code <= 33)
    return ZB_EDUCATION_COLLEGE;
  if (code == 40 || (code >= 41 && code <= 43))
    return ZB_EDUCATION_SECONDARY_VOCATIONAL;
  if (code >= 44 && code <= 46)
    return ZB_EDUCATION_VOCATIONAL_HIGH;
  if (code >= 47 && code <= 49)
    return ZB_EDUCATION_TECHNICAL_SCHOOL;
  if (code >= 61 && code <= 69)
    return ZB_EDUCATION_HIGH_SCHOOL;
  if (code >= 71 && code <= 79)
    return ZB_EDUCATION_JUNIOR;
  if (code >= 81 && code <= 89)
    return ZB_EDUCATION_PRIMARY;
  return 0;
}

int
zb_education_from_name (const char *name)
{
  static const char *const suffixes[] = { "毕业", "结业", "肄业", "学历", "文化", "在读" };
  g_autofree char *text = NULL;
  int number;
  gboolean stripped;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return 0;

  text = strip_spaces (name);
  if (*text == '\0')
    return 0;

  number = parse_small_number (text);
  if (number >= 0)
    return education_level_of_code (number);

  /* "本科毕业", "大专学历", "高中文化": the level is what precedes. */
  do
    {
      stripped = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        if (g_str_has_suffix (text, suffixes[i]) && strlen (text) > strlen (suffixes[i]))
          {
            text[strlen (text) - strlen (suffixes[i])] = '\0';
            stripped = TRUE;
          }
    }
  while (stripped);

  for (guint i = 0; i < G_N_ELEMENTS (education_aliases); i++)
    if (strcmp (education_aliases[i].name, text) == 0)
      return education_aliases[i].code;
  return 0;
}

const char *
zb_lost_contact_reason_get_name (int code)
{
  if (code < 1 || code > (int)G_N_ELEMENTS (lost_contact_reasons))
    return NULL;
  return lost_contact_reasons[code - 1].name;
}

int
zb_lost_contact_reason_from_name (const char *name)
{
  g_autofree char *text = NULL;
  int number;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return 0;
  text = strip_spaces (name);

  number = parse_small_number (text);
  if (number >= 0)
    return number >= 1 && number <= (int)G_N_ELEMENTS (lost_contact_reasons) ? number : 0;

  for (guint i = 0; i < G_N_ELEMENTS (lost_contact_reasons); i++)
    if (strcmp (lost_contact_reasons[i].name, text) == 0)
      return lost_contact_reasons[i].code;
  /* full-width brackets, as typed on a Chinese keyboard */
  if (strcmp (text, "出国（境）") == 0 || strcmp (text, "出国") == 0 || strcmp (text, "出境") == 0)
    return 5;
  return 0;
}

const ZbCodeEntry *
zb_lost_contact_reason_get_entries (guint *n_entries)
{
  if (n_entries != NULL)
    *n_entries = G_N_ELEMENTS (lost_contact_reasons);
  return lost_contact_reasons;
}

const char *
zb_left_kind_to_string (ZbLeftKind kind)
{
  if ((guint)kind >= ZB_LEFT_KIND_COUNT)
    return NULL;
  return left_kinds[kind].code;
}

gboolean
zb_left_kind_from_string (const char *text, ZbLeftKind *kind)
{
  for (guint i = 0; i < ZB_LEFT_KIND_COUNT; i++)
    if (g_strcmp0 (left_kinds[i].code, text) == 0)
      {
        if (kind != NULL)
          *kind = (ZbLeftKind)i;
        return TRUE;
      }
  return FALSE;
}

const char *
zb_left_kind_get_name (ZbLeftKind kind)
{
  if ((guint)kind >= ZB_LEFT_KIND_COUNT)
    return NULL;
  return left_kinds[kind].name;
}
