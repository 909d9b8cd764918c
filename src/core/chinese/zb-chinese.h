/* zb-chinese.h — ordering and reading Chinese names (ICU and the official stroke order)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sort keys are byte strings compared with memcmp (SQLite BLOB order), so the
 * database orders by an index. Two names get the same key only when they are
 * the same string.
 *
 * All functions accept NULL (as "") and any bytes (invalid UTF-8 is repaired),
 * and may be called from several threads at once. */

/* 姓氏笔画 order as official name lists use it: stroke count of the first
 * character, then the strokes in writing order compared 横 竖 撇 点 折 (提 as 横,
 * 竖钩 as 竖, 捺 as 点), then the next character, and so on; a name that ends
 * first comes first (田 before 田大利, 田大利 before 田富). */
GBytes *zb_chinese_stroke_key (const char *name);
/* Pinyin order (ICU zh@collation=pinyin), with the surname read as a surname
 * (单 Shàn, 曾 Zēng, 解 Xiè …). */
GBytes *zb_chinese_pinyin_key (const char *name);
/* The reading without tones, lower case, syllables joined: "zhangsan"; ü is
 * written v as input methods type it ("lvbu"); letters and digits of the name
 * are kept in lower case, spaces and punctuation dropped. */
char *zb_chinese_pinyin (const char *name);
/* First letters of the syllables: "zs" (and of each run of letters or digits). */
char *zb_chinese_initials (const char *name);
/* Number of strokes of one character (0 when unknown). */
guint zb_chinese_stroke_count (gunichar c);
/* Changes when keys made by this build may differ from keys made before (a new
 * key layout, new stroke data, or another ICU version): store it beside the
 * keys and rebuild them when it differs. */
const char *zb_chinese_key_version (void);
/* Starts loading ICU's Chinese data (the Han-Latin transliterator alone takes
 * a quarter of a second) in a thread of its own, once, so that the first
 * name's keys need not wait for it: for callers that will need keys soon and
 * have other work first, such as an import checking its file. */
void zb_chinese_preload (void);

G_END_DECLS
