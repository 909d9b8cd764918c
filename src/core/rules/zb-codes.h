/* zb-codes.h — code tables of the member record (DOMAIN.md §4.2, §4.4, §4.5, §4.6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names are the official Chinese of the standards: data, not translated.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int code;
  const char *name;
} ZbCodeEntry;

/* 民族, GB/T 3304-1991 (DOMAIN.md §4.4): codes 1–56. */
#define ZB_ETHNICITY_COUNT 56
/* "汉族" … "基诺族"; NULL outside 1–56. */
const char *zb_ethnicity_get_name (int code);
/* The code of a name: the full name ("蒙古族"), the name without 族 when that
 * is unambiguous ("汉", "蒙古"), the two legacy names (毛难族, 崩龙族), or the
 * number ("1", "01"). 0 when unknown. */
int zb_ethnicity_from_name (const char *name);
/* The 56 entries in code order; *n_entries is set to 56. */
const ZbCodeEntry *zb_ethnicity_get_entries (guint *n_entries);

/* 学历, simple levels with GB/T 4658 codes (DOMAIN.md §4.5). */
typedef enum
{
  ZB_EDUCATION_UNKNOWN = 0,
  ZB_EDUCATION_POSTGRADUATE = 10,         /* 研究生 */
  ZB_EDUCATION_DOCTOR = 11,               /* 博士研究生 */
  ZB_EDUCATION_MASTER = 14,               /* 硕士研究生 */
  ZB_EDUCATION_BACHELOR = 20,             /* 大学本科 */
  ZB_EDUCATION_COLLEGE = 30,              /* 大学专科 */
  ZB_EDUCATION_SECONDARY_VOCATIONAL = 41, /* 中等专科 (中专) */
  ZB_EDUCATION_VOCATIONAL_HIGH = 44,      /* 职业高中 */
  ZB_EDUCATION_TECHNICAL_SCHOOL = 47,     /* 技工学校 */
  ZB_EDUCATION_HIGH_SCHOOL = 60,          /* 普通高中 */
  ZB_EDUCATION_JUNIOR = 70,               /* 初中 */
  ZB_EDUCATION_PRIMARY = 80,              /* 小学 */
  ZB_EDUCATION_OTHER = 90,                /* 其他 */
} ZbEducation;

/* The level's name ("大学本科"); NULL for an unknown code. */
const char *zb_education_get_name (int code);
/* The level of what offices write (常见写法): 大学/本科/大学本科/本科毕业 → 20,
 * 大专/专科 → 30, 中专 → 41, 高中 → 60, 初中 → 70, 小学 → 80, 研究生 → 10,
 * 硕士 → 14, 博士 → 11, …; a detailed GB/T 4658 code ("21") maps to its level.
 * 0 when unknown. */
int zb_education_from_name (const char *name);
gboolean zb_education_is_valid (int code);
/* The levels in code order. */
const ZbCodeEntry *zb_education_get_entries (guint *n_entries);

/* 失联情形 (DOMAIN.md §4.2): 1 外出务工经商 … 7 其他; NULL outside 1–7. */
const char *zb_lost_contact_reason_get_name (int code);
int zb_lost_contact_reason_from_name (const char *name);
const ZbCodeEntry *zb_lost_contact_reason_get_entries (guint *n_entries);

/* The forms of 出党 (DOMAIN.md §4.6). */
typedef enum
{
  ZB_LEFT_PERSUADED,           /* "persuaded": 劝其退党 */
  ZB_LEFT_REMOVED,             /* "removed": 劝而不退除名 */
  ZB_LEFT_LAPSED,              /* "lapsed": 自行脱党除名 */
  ZB_LEFT_WITHDREW,            /* "withdrew": 退党除名 */
  ZB_LEFT_EXPELLED,            /* "expelled": 开除党籍 */
  ZB_LEFT_PROBATION_CANCELLED, /* "probation_cancelled": 取消预备党员资格 */
} ZbLeftKind;

#define ZB_LEFT_KIND_COUNT 6

const char *zb_left_kind_to_string (ZbLeftKind kind);
gboolean zb_left_kind_from_string (const char *text, ZbLeftKind *kind);
/* The official name: 劝其退党 … */
const char *zb_left_kind_get_name (ZbLeftKind kind);

G_END_DECLS
