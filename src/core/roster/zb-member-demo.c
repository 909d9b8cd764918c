/* zb-member-demo.c — realistic fictitious members, for trying the app and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everyone here is invented: names are drawn from common surnames and given
 * names, ID numbers from real area codes with invented birth dates and sequence
 * numbers (with correct check digits, so that they pass validation).
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-audit.h"
#include "zb-codes.h"
#include "zb-id-number.h"
#include "zb-member-demo.h"
#include "zb-member-rules.h"
#include "zb-roster-private.h"

/* The most common surnames first, roughly in order of frequency, then a few
 * with special readings (单 Shàn, 曾 Zēng, 解 Xiè …) and compound ones. */
static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴",   "周",   "徐",   "孙",   "马",   "朱",
  "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢",   "宋",   "唐",   "许",   "韩",   "冯",
  "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘",   "于",   "蒋",   "蔡",   "余",   "杜",
  "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚",   "卢",   "姜",   "崔",   "钟",   "谭",
  "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦",   "付",   "方",   "白",   "邹",   "孟",
  "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷",   "侯",   "龙",   "史",   "陶",   "黎",
  "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严",   "覃",   "武",   "戴",   "莫",   "孔",
  "向", "汤", "单", "解", "仇", "区", "查", "朴", "欧阳", "司马", "诸葛", "上官", "尉迟",
};

static const char *const male_given[] = {
  "伟", "强",   "磊", "军", "勇", "杰",   "涛",   "斌",   "超",   "明",   "刚",   "平",   "辉",
  "鹏", "华",   "飞", "鑫", "波", "宁",   "建",   "国",   "建国", "建军", "志强", "志明", "海",
  "东", "晓东", "文", "武", "立", "新",   "卫东", "红兵", "德",   "福",   "庆",   "宏",   "振华",
  "永", "永刚", "俊", "浩", "宇", "子豪", "博",   "思远", "天",   "一鸣", "三",   "三丰", "家豪",
};

static const char *const female_given[] = {
  "芳",   "娜",   "敏",   "静",   "丽", "艳", "娟",   "霞",   "秀英", "桂英",
  "玉兰", "秀兰", "燕",   "玲",   "萍", "红", "梅",   "丹",   "雪",   "婷",
  "慧",   "颖",   "琳",   "倩",   "欣", "雨", "晓燕", "丽华", "淑珍", "春梅",
  "海燕", "佳",   "思琪", "子涵", "梦", "月", "晶",   "莉",   "洁",   "琴",
};

/* County-level area codes (GB/T 2260); the people are invented. */
static const char *const areas[] = {
  "110101", "110105", "110108", "120101", "130102", "140105", "150102", "210102", "220102",
  "230102", "310104", "310115", "320102", "320506", "330106", "340102", "350102", "360102",
  "370102", "410105", "420106", "430102", "440305", "440106", "450102", "460105", "500103",
  "510104", "520102", "530102", "610113", "620102", "630102", "640104", "650102",
};

static const char *const work_units[] = {
  "示例市第一中学 教师",     "示例市人民医院 医生",     "示例区政务服务中心 科员",
  "示例市供电公司 工程师",   "示例街道社区居委会 干事", "示例县农业农村局 农技员",
  "示例市第二小学 教师",     "示例科技有限公司 职员",   "退休",
  "示例市交通运输局 副科长", "示例镇人民政府 办事员",   "示例大学 讲师",
  "示例市自来水公司 技术员", "示例银行支行 客户经理",   "个体经营",
};

static const char *const flow_places[] = {
  "广东省深圳市", "浙江省杭州市", "上海市浦东新区", "江苏省苏州市", "北京市海淀区",
};

static const int education_weights[][2] = {
  { ZB_EDUCATION_DOCTOR, 2 },
  { ZB_EDUCATION_MASTER, 8 },
  { ZB_EDUCATION_BACHELOR, 35 },
  { ZB_EDUCATION_COLLEGE, 20 },
  { ZB_EDUCATION_SECONDARY_VOCATIONAL, 8 },
  { ZB_EDUCATION_HIGH_SCHOOL, 15 },
  { ZB_EDUCATION_JUNIOR, 9 },
  { ZB_EDUCATION_PRIMARY, 3 },
};

/* Common surnames are much more common: pick with a skew towards the front. */
static const char *
pick_surname (GRand *rand)
{
  double u = g_rand_double (rand);

  return surnames[(guint)(u * u * G_N_ELEMENTS (surnames))];
}

static int
pick_education (GRand *rand)
{
  int total = 0;
  int r;

  for (guint i = 0; i < G_N_ELEMENTS (education_weights); i++)
    total += education_weights[i][1];
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (education_weights); i++)
    {
      if (r < education_weights[i][1])
        return education_weights[i][0];
      r -= education_weights[i][1];
    }
  return ZB_EDUCATION_BACHELOR;
}

static void
random_date (GRand *rand, const GDate *from, const GDate *to, GDate *out)
{
  guint32 a = g_date_get_julian (from);
  guint32 b = g_date_get_julian (to);

  g_date_clear (out, 1);
  g_date_set_julian (out, b > a ? a + (guint32)g_rand_int_range (rand, 0, (gint32)(b - a + 1)) : a);
}

static void
add_years (const GDate *date, int years, GDate *out)
{
  *out = *date;
  if (years >= 0)
    g_date_add_years (out, (guint)years);
  else
    g_date_subtract_years (out, (guint)-years);
}

/* A new ID number for someone of @gender born on @birth. */
static char *
make_id_number (GRand *rand, const GDate *birth, ZbGender gender)
{
  char digits[ZB_ID_NUMBER_LENGTH + 1];
  int seq = g_rand_int_range (rand, 0, 1000);

  /* the parity of the 17th digit is the gender (DOMAIN.md §4.3) */
  if ((seq % 2 == 1) != (gender == ZB_GENDER_MALE))
    seq = (seq + 1) % 1000;
  g_snprintf (digits, sizeof digits, "%s%04u%02u%02u%03d",
              areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))], g_date_get_year (birth),
              g_date_get_month (birth), g_date_get_day (birth), seq);
  digits[17] = zb_id_number_check_char (digits);
  digits[18] = '\0';
  return g_strdup (digits);
}

static ZbMemberRecord *
make_member (GRand *rand, const GDate *today, gint64 branch_id, gint64 group_id)
{
  ZbMemberRecord *r = zb_member_record_new ();
  GDate earliest_birth, latest_birth, birth, adult, join_limit, joined, full, work;
  const char *given;
  double u;

  r->gender = g_rand_int_range (rand, 0, 100) < 70 ? ZB_GENDER_MALE : ZB_GENDER_FEMALE;
  if (r->gender == ZB_GENDER_MALE)
    given = male_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (male_given))];
  else
    given = female_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (female_given))];
  r->name = g_strconcat (pick_surname (rand), given, NULL);

  /* born 1940–2005, and at least 18 by today */
  g_date_clear (&earliest_birth, 1);
  g_date_set_dmy (&earliest_birth, 1, 1, 1940);
  g_date_clear (&latest_birth, 1);
  g_date_set_dmy (&latest_birth, 31, 12, 2005);
  add_years (today, -19, &adult);
  if (g_date_compare (&latest_birth, &adult) > 0)
    latest_birth = adult;
  random_date (rand, &earliest_birth, &latest_birth, &birth);
  r->birth_date = zb_format_iso_date (&birth);
  r->id_number = make_id_number (rand, &birth, r->gender);

  /* joined at 18 or later (T1), most in their twenties or thirties */
  zb_eighteenth_birthday (&birth, &adult);
  add_years (&birth, 70, &join_limit);
  if (g_date_compare (&join_limit, today) > 0)
    join_limit = *today;
  u = g_rand_double (rand);
  g_date_clear (&joined, 1);
  g_date_set_julian (
      &joined,
      g_date_get_julian (&adult)
          + (guint32)(u * u * (g_date_get_julian (&join_limit) - g_date_get_julian (&adult))));

  /* a few joined within the last year and are still probationary */
  if (g_rand_int_range (rand, 0, 100) < 3)
    {
      GDate last_year;

      add_years (today, -1, &last_year);
      g_date_add_days (&last_year, 1);
      if (g_date_compare (&last_year, &adult) > 0)
        random_date (rand, &last_year, today, &joined);
    }
  r->joined_date = zb_format_iso_date (&joined);

  /* 预备期 of one year (DOMAIN.md §1.4 T12) */
  add_years (&joined, 1, &full);
  if (g_date_compare (&full, today) <= 0)
    {
      r->category = ZB_CATEGORY_FULL;
      r->full_date = zb_format_iso_date (&full);
    }
  else
    r->category = ZB_CATEGORY_PROBATIONARY;

  add_years (&birth, 18 + g_rand_int_range (rand, 0, 7), &work);
  if (g_date_compare (&work, today) <= 0)
    r->work_start_date = zb_format_iso_date (&work);

  r->ethnicity = g_rand_int_range (rand, 0, 100) < 91 ? 1 : g_rand_int_range (rand, 2, 57);
  r->education = pick_education (rand);
  r->native_place = g_strdup (g_rand_boolean (rand) ? "示例省示例县" : "示例省某某市");
  r->work_unit = g_strdup (work_units[g_rand_int_range (rand, 0, G_N_ELEMENTS (work_units))]);
  r->phone = g_strdup_printf ("1%c%09u", "3456789"[g_rand_int_range (rand, 0, 7)],
                              (guint)g_rand_int_range (rand, 0, 1000000000));
  r->address = g_strdup_printf ("示例市示例区示例路%d号", g_rand_int_range (rand, 1, 400));
  r->branch_id = branch_id;
  r->group_id = group_id;

  if (g_rand_int_range (rand, 0, 100) < 3)
    {
      r->flowing = TRUE;
      r->flow_destination
          = g_strdup (flow_places[g_rand_int_range (rand, 0, G_N_ELEMENTS (flow_places))]);
      r->flow_card_number = g_strdup_printf ("流动证%06d", g_rand_int_range (rand, 1, 999999));
    }
  else if (g_rand_int_range (rand, 0, 100) < 1)
    {
      GDate lost;

      r->lost_contact = TRUE;
      random_date (rand, &joined, today, &lost);
      r->lost_contact_date = zb_format_iso_date (&lost);
      r->lost_contact_reason = g_rand_int_range (rand, 1, 8);
    }
  return r;
}

typedef struct
{
  gint64 branch_id;
  GArray *groups; /* gint64 */
} DemoBranch;

static gboolean
make_branches (ZbOrgRepo *org, guint n_branches, GRand *rand, GArray *branches, GError **error)
{
  g_autoptr (GPtrArray) units = zb_org_repo_list_units (org, FALSE, error);
  static const char *const group_names[]
      = { "第一党小组", "第二党小组", "第三党小组", "第四党小组" };

  if (units == NULL)
    return FALSE;

  for (guint i = 0; i < units->len; i++)
    {
      const ZbOrgUnit *unit = g_ptr_array_index (units, i);

      if (unit->kind == ZB_ORG_UNIT_BRANCH && branches->len < n_branches)
        {
          DemoBranch branch = { unit->id, g_array_new (FALSE, FALSE, sizeof (gint64)) };

          for (guint j = 0; j < units->len; j++)
            {
              const ZbOrgUnit *group = g_ptr_array_index (units, j);

              if (group->kind == ZB_ORG_UNIT_GROUP && group->parent_id == unit->id)
                g_array_append_val (branch.groups, group->id);
            }
          g_array_append_val (branches, branch);
        }
    }

  while (branches->len < n_branches)
    {
      g_autofree char *name = g_strdup_printf ("示例第%u党支部", branches->len + 1);
      g_autoptr (ZbOrgUnit) unit
          = _zb_org_repo_create_unit_in_transaction (org, ZB_ORG_UNIT_BRANCH, 0, name, error);
      DemoBranch branch;
      guint n_groups = (guint)g_rand_int_range (rand, 2, 5);

      if (unit == NULL)
        return FALSE;
      branch.branch_id = unit->id;
      branch.groups = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (branches, branch);
      for (guint j = 0; j < n_groups; j++)
        {
          g_autoptr (ZbOrgUnit) group = _zb_org_repo_create_unit_in_transaction (
              org, ZB_ORG_UNIT_GROUP, unit->id, group_names[j], error);

          if (group == NULL)
            return FALSE;
          g_array_append_val (g_array_index (branches, DemoBranch, branches->len - 1).groups,
                              group->id);
        }
    }
  return TRUE;
}

static void
clear_branch (gpointer data)
{
  DemoBranch *branch = data;

  g_array_free (branch->groups, TRUE);
}

static gboolean
fill (ZbMemberRepo *repo, ZbOrgRepo *org, guint n_members, guint n_branches, guint32 seed,
      GError **error)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GArray) branches = g_array_new (FALSE, FALSE, sizeof (DemoBranch));
  g_autofree char *summary = NULL;
  GDate today;

  g_array_set_clear_func (branches, clear_branch);
  _zb_roster_today (&today);

  if (!make_branches (org, MAX (n_branches, 1), rand, branches, error))
    return FALSE;
  if (!zb_member_repo_bulk_begin (repo, n_members, error))
    return FALSE;

  for (guint i = 0; i < n_members; i++)
    {
      const DemoBranch *branch = &g_array_index (branches, DemoBranch, i % branches->len);
      gint64 group_id = 0;

      if (branch->groups->len > 0)
        group_id = g_array_index (branch->groups, gint64,
                                  g_rand_int_range (rand, 0, (gint32)branch->groups->len));

      /* An ID number already on the roster is drawn again. */
      for (guint attempt = 0;; attempt++)
        {
          g_autoptr (ZbMemberRecord) record
              = make_member (rand, &today, branch->branch_id, group_id);
          g_autoptr (GError) local_error = NULL;

          if (zb_member_repo_insert_in_transaction (
                  repo, record, 0, ZB_MEMBER_WRITE_NO_AUDIT | ZB_MEMBER_WRITE_NO_VALIDATE,
                  &local_error))
            break;
          if (!g_error_matches (local_error, ZB_MEMBER_ERROR, ZB_MEMBER_ERROR_DUPLICATE_ID)
              || attempt > 20)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
    }

  if (!zb_member_repo_bulk_end (repo, error))
    return FALSE;

  /* One audit row for the whole batch: what was added, not each person. */
  summary = g_strdup_printf ("{\"members\":%u,\"branches\":%u,\"seed\":%u}", n_members,
                             branches->len, seed);
  return zb_audit_append (zb_member_repo_get_database (repo), "demo", "member", NULL, NULL, summary,
                          error);
}

gboolean
zb_member_demo_fill (ZbDatabase *db, guint n_members, guint n_branches, guint32 seed,
                     GError **error)
{
  g_autoptr (ZbMemberRepo) repo = NULL;
  g_autoptr (ZbOrgRepo) org = NULL;

  g_return_val_if_fail (ZB_IS_DATABASE (db), FALSE);

  repo = zb_member_repo_new (db);
  org = zb_org_repo_new (db);

  if (!_zb_database_begin (db, error))
    return FALSE;
  if (!fill (repo, org, n_members, n_branches, seed, error) || !_zb_database_commit (db, error))
    {
      _zb_database_rollback (db);
      zb_member_repo_bulk_abandon (repo);
      return FALSE;
    }
  zb_member_repo_emit_changed (repo);
  return TRUE;
}
