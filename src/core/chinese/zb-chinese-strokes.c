/* zb-chinese-strokes.c — the 姓氏笔画 order of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-chinese"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/utf16.h>

#include "zb-chinese.h"
#include "zb-chinese-private.h"

/* The official order (GF 3003-1999 笔画序, and the way name lists of congresses
 * and Party organisations are printed) compares names character by character;
 * each character by its stroke count, then by its strokes in writing order as
 * the classes 横 竖 撇 点 折. ICU's zh@collation=stroke sorts by count and then
 * by radical, which differs (万 上 于 马 instead of 于 万 上 马), so the classes
 * come from the stroke-order data set and ICU only fills in the characters the
 * data set lacks.
 *
 * Key layout, per character of the name (memcmp order is the official order):
 *   in the data set:   count, classes packed two per byte (high nibble first,
 *                      values 1–5), rank (2 bytes, big-endian)
 *   known to ICU only: count, 0xF0, ICU's stroke-order position (3 bytes)
 *   other Han:         0xF0, code point (3 bytes)
 *   letters, digits:   0xF1, lower-case code point (3 bytes)
 * A count is below 0xF0 and a packed class byte below 0x60, so an ICU-only
 * character comes after every character of the data set with its count. Every
 * segment has a length fixed by its first bytes, so no segment is a prefix of
 * another. Spaces and punctuation (the · of 买买提·吐尔逊) are skipped. The name
 * ends with 0x00, lower than any segment, so 田 comes before 田大; then the
 * name's own UTF-8 follows so that different names never share a key. */

#define MARK_ICU_ONLY 0xF0
#define LEAD_OTHER_HAN 0xF0
#define LEAD_OTHER 0xF1

typedef struct
{
  guint32 cp;
  guint32 rank;
  guint8 count;
} IcuStroke;

static IcuStroke *icu_strokes;
static gsize icu_strokes_length;

static int
compare_icu_stroke (const void *a, const void *b)
{
  const IcuStroke *x = a, *y = b;

  return (x->cp > y->cp) - (x->cp < y->cp);
}

/* ICU keeps the stroke count only inside the zh@collation=stroke tailoring:
 * "<'\uFDD0\u2801'<*一丨…<'\uFDD0\u2802'<*丁…", the marker U+FDD0 U+2800+n
 * opening the characters of n strokes. Reading that rule string once gives the
 * count of every character ICU knows (some 24,000 in ICU 72, a few from the
 * extensions). */
static gpointer
load_icu_strokes (gpointer data)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("zh@collation=stroke", &status);
  g_autoptr (GArray) entries = g_array_new (FALSE, FALSE, sizeof (IcuStroke));
  const UChar *rules;
  int32_t length;
  guint count = 0;
  guint32 rank = 0;
  gsize kept = 0;

  if (U_FAILURE (status))
    {
      g_warning ("ICU has no stroke collation: %s", u_errorName (status));
      return NULL;
    }
  rules = ucol_getRules (collator, &length);
  for (int32_t i = 0; i < length;)
    {
      UChar32 c;

      U16_NEXT (rules, i, length, c);
      if (c == 0xFDD0 && i < length && rules[i] > 0x2800 && rules[i] < 0x2800 + 0xF0)
        {
          count = rules[i] - 0x2800;
          i++;
        }
      else if (c == '&' && count > 0)
        break; /* the tail only adds variants (⾦ as 金) that NFKC folds anyway */
      else if (count > 0 && _zb_chinese_is_han (c))
        {
          IcuStroke s = { c, rank++, count };

          g_array_append_val (entries, s);
        }
    }
  ucol_close (collator);

  /* A character listed twice keeps its first place. */
  g_array_sort (entries, compare_icu_stroke);
  for (guint i = 0; i < entries->len; i++)
    {
      IcuStroke *s = &g_array_index (entries, IcuStroke, i);

      if (kept > 0 && g_array_index (entries, IcuStroke, kept - 1).cp == s->cp)
        {
          IcuStroke *prev = &g_array_index (entries, IcuStroke, kept - 1);

          if (s->rank < prev->rank)
            *prev = *s;
          continue;
        }
      g_array_index (entries, IcuStroke, kept++) = *s;
    }
  g_array_set_size (entries, kept);
  icu_strokes_length = kept;
  icu_strokes = (IcuStroke *)(void *)g_array_free (g_steal_pointer (&entries), FALSE);
  g_debug ("ICU knows the stroke count of %zu characters", icu_strokes_length);
  return icu_strokes;
}

guint
_zb_chinese_icu_stroke_count (gunichar c, guint32 *rank)
{
  static GOnce once = G_ONCE_INIT;
  IcuStroke key = { c, 0, 0 };
  const IcuStroke *found;

  g_once (&once, load_icu_strokes, NULL);
  found = icu_strokes ? bsearch (&key, icu_strokes, icu_strokes_length, sizeof (IcuStroke),
                                 compare_icu_stroke)
                      : NULL;
  if (rank)
    *rank = found ? found->rank : 0;
  return found ? found->count : 0;
}

const ZbStrokeEntry *
_zb_chinese_stroke_entry (gunichar c)
{
  guint lo = 0, hi = zb_stroke_table_length;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (zb_stroke_table[mid].cp < c)
        lo = mid + 1;
      else if (zb_stroke_table[mid].cp > c)
        hi = mid;
      else
        return &zb_stroke_table[mid];
    }
  return NULL;
}

char *
_zb_chinese_stroke_classes (gunichar c)
{
  const ZbStrokeEntry *e = _zb_chinese_stroke_entry (c);

  return e ? g_strndup (zb_stroke_classes + e->offset, e->count) : NULL;
}

guint
zb_chinese_stroke_count (gunichar c)
{
  const ZbStrokeEntry *e = _zb_chinese_stroke_entry (c);

  if (e)
    return e->count;
  return _zb_chinese_icu_stroke_count (c, NULL);
}

static void
append_u24 (GByteArray *key, guint32 value)
{
  guint8 bytes[3] = { (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF };

  g_byte_array_append (key, bytes, 3);
}

static void
append_han (GByteArray *key, gunichar c)
{
  const ZbStrokeEntry *e = _zb_chinese_stroke_entry (c);
  guint32 rank;
  guint count;

  if (e)
    {
      const char *classes = zb_stroke_classes + e->offset;
      guint8 rank_bytes[2] = { e->rank >> 8, e->rank & 0xFF };

      g_byte_array_append (key, &e->count, 1);
      for (guint i = 0; i < e->count; i += 2)
        {
          guint8 packed = (classes[i] - '0') << 4;

          if (i + 1 < e->count)
            packed |= classes[i + 1] - '0';
          g_byte_array_append (key, &packed, 1);
        }
      g_byte_array_append (key, rank_bytes, 2);
      return;
    }

  count = _zb_chinese_icu_stroke_count (c, &rank);
  if (count > 0 && count < MARK_ICU_ONLY)
    {
      guint8 head[2] = { count, MARK_ICU_ONLY };

      g_byte_array_append (key, head, 2);
      append_u24 (key, rank);
      return;
    }

  g_byte_array_append (key, (const guint8[]){ LEAD_OTHER_HAN }, 1);
  append_u24 (key, c);
}

GBytes *
zb_chinese_stroke_key (const char *name)
{
  g_autofree char *normal = _zb_chinese_normalize (name);
  GByteArray *key = g_byte_array_sized_new (64);

  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_zb_chinese_is_han (c))
        append_han (key, c);
      else if (g_unichar_isalnum (c))
        {
          g_byte_array_append (key, (const guint8[]){ LEAD_OTHER }, 1);
          append_u24 (key, g_unichar_tolower (c));
        }
    }
  g_byte_array_append (key, (const guint8[]){ 0 }, 1);
  if (name)
    g_byte_array_append (key, (const guint8 *)name, strlen (name));
  return g_byte_array_free_to_bytes (key);
}
