/* zb-chinese-private.h — inside the chinese area: stroke tables and readings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One character of the stroke-order data (generated from data/chinese/
 * stroke-order.txt by build-aux/gen-stroke-order.py): its classes are
 * zb_stroke_classes[offset .. offset + count - 1], digits '1' 横 … '5' 折; rank
 * orders characters with the same count and classes (finer stroke forms, then
 * code point). */
typedef struct
{
  guint32 cp;
  guint32 offset;
  guint16 rank;
  guint8 count;
} ZbStrokeEntry;

extern const ZbStrokeEntry zb_stroke_table[];
extern const guint zb_stroke_table_length;
extern const char zb_stroke_classes[];
extern const char zb_stroke_data_version[];

const ZbStrokeEntry *_zb_chinese_stroke_entry (gunichar c);

/* The stroke classes of a character in writing order ("112" for 于), or NULL
 * when the data does not have it. */
char *_zb_chinese_stroke_classes (gunichar c);

/* The stroke count ICU's zh@collation=stroke gives a character (its index
 * buckets), and its position in that order; 0 when ICU does not know it. */
guint _zb_chinese_icu_stroke_count (gunichar c, guint32 *rank);

/* The name in NFKC, so full-width letters and compatibility ideographs read as
 * their ordinary forms. Never NULL. */
char *_zb_chinese_normalize (const char *name);

/* What the sort keys treat as a character of the name. */
gboolean _zb_chinese_is_han (gunichar c);

G_END_DECLS
