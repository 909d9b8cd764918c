/* zb-talks-format.h — how the 谈心谈话 area writes people, times and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-talk-repo.h"

G_BEGIN_DECLS

/* The people of one side: "张三（书记）、李四". */
char *zb_talks_format_people (const ZbTalkRecord *record, ZbTalkSide side);
/* "2026年3月2日 09:30" (the time only when recorded). */
char *zb_talks_format_when (const ZbTalkRecord *record);
/* "张三（书记）" or "张三". */
char *zb_talks_format_person (const char *name, const char *post);

G_END_DECLS
