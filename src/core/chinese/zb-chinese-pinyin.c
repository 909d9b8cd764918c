/* zb-chinese-pinyin.c — readings of names and their pinyin order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-chinese"

#include "config.h"

#include <string.h>

#include <unicode/ucol.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include "zb-chinese.h"
#include "zb-chinese-private.h"

/* Readings come from ICU's Han-Latin transliterator, one character at a time
 * (so each character gives one syllable, and initials are simply the first
 * letters), corrected for the first characters of the name by the table of
 * surname readings below: as a surname 单 is Shàn, not dān.
 *
 * The pinyin key follows ICU's zh@collation=pinyin, which compares names
 * character by character, each by its syllable (letters first, ü as u, then ü
 * after u, then the tone), and characters with the same reading by their place
 * in its tailoring. A collation key of the name itself would order 单雄信 among
 * the D names, because the collator knows only 单's common reading. So each
 * character's part of the key is built from the corrected reading and holds
 * ICU's primary weight of the character only to tell apart characters that
 * read the same (which keeps each surname together):
 *   Han with a reading: letters (ü as u), 0x01, ü (0 or 1), tone (1–4, 5 for
 *                       the neutral tone), ICU primary weight bytes, 0x01
 *   run of letters:     the letters in lower case, 0x01, 0, 6, 0x01
 *   run of digits:      the digits, 0x01, 0, 7, 0x01
 *   Han without reading: 0xFE, code point (3 bytes)
 * Primary weight bytes are 0x03 or more, and letters and digits 0x30 or more,
 * so no part is a prefix of another. The name ends with 0x00 and its UTF-8. */

typedef struct
{
  char letters[14]; /* lower case ASCII; ü written as v */
  guint8 umlaut;
  guint8 tone;
  guint8 primary_length;
  guint8 primary[15];
} Reading;

/* Readings of characters as surnames that ICU does not give (it reads the
 * character as in ordinary words). Compound surnames come first: 尉迟 is Yùchí
 * though 尉 alone is Wèi. The readings are those of 《现代汉语词典》 for the
 * surnames; 乐, 盖 and 纪 are left out because both readings are common. */
static const struct
{
  const char *surname;
  const char *reading;
} surnames[] = {
  /* compound */
  { "尉迟", "yu4 chi2" },
  { "万俟", "mo4 qi2" },
  { "长孙", "zhang3 sun1" },
  { "澹台", "tan2 tai2" },
  { "令狐", "ling2 hu2" },
  { "诸葛", "zhu1 ge3" },
  { "欧阳", "ou1 yang2" },
  { "司马", "si1 ma3" },
  { "上官", "shang4 guan1" },
  { "乐正", "yue4 zheng4" },
  /* single */
  { "单", "shan4" },
  { "卜", "bu3" }, /* ICU: bo, as in 萝卜 */
  { "曲", "qu1" },
  { "曾", "zeng1" },
  { "解", "xie4" },
  { "仇", "qiu2" },
  { "区", "ou1" },
  { "查", "zha1" },
  { "朴", "piao2" },
  { "缪", "miao4" },
  { "翟", "zhai2" },
  { "覃", "qin2" },
  { "长", "chang2" },
  { "种", "chong2" },
  { "秘", "bi4" },
  { "繁", "po2" },
  { "召", "shao4" },
  { "员", "yun4" },
  { "阚", "kan4" },
  { "隗", "wei3" },
  { "郇", "xun2" },
  { "眭", "sui1" },
  { "祭", "zhai4" },
  { "句", "gou1" },
  { "过", "guo1" },
  { "黑", "he4" },
  { "葛", "ge3" },
  { "任", "ren2" },
  { "华", "hua4" },
  { "宁", "ning4" },
  { "都", "du1" },
  { "柏", "bai3" },
  { "薄", "bo2" },
  { "燕", "yan1" },
  { "尉", "wei4" },
  { "折", "she2" },
  { "冼", "xian3" },
  { "洗", "xian3" },
  { "谌", "chen2" },
  { "褚", "chu3" },
  { "沈", "shen3" },
};

typedef enum
{
  TOKEN_HAN,      /* reading set */
  TOKEN_HAN_NONE, /* a Han character without reading */
  TOKEN_LETTERS,  /* text holds the run */
  TOKEN_DIGITS,
} TokenKind;

typedef struct
{
  TokenKind kind;
  gunichar c;
  Reading reading;
  GString *text;
} Token;

/* ICU transliterators are not thread-safe and the collator is shared: one
 * lock guards both and the cache of readings, taken once per name. */
static GMutex lock;
static UTransliterator *transliterator;
static UCollator *collator;
static GHashTable *cache; /* code point → Reading, or NULL value: no reading */
static gboolean icu_failed;

static void load_surnames (void);

static gboolean
ensure_icu (void)
{
  static const char id[] = "Han-Latin";
  UChar uid[sizeof id];
  UErrorCode status = U_ZERO_ERROR;

  if (transliterator || icu_failed)
    return !icu_failed;

  u_charsToUChars (id, uid, sizeof id);
  transliterator = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_SUCCESS (status))
    collator = ucol_open ("zh@collation=pinyin", &status);
  if (U_SUCCESS (status))
    ucol_setStrength (collator, UCOL_PRIMARY);
  if (U_FAILURE (status))
    {
      g_warning ("ICU cannot read Chinese: %s", u_errorName (status));
      g_clear_pointer (&transliterator, utrans_close);
      g_clear_pointer (&collator, ucol_close);
      icu_failed = TRUE;
      return FALSE;
    }
  cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  load_surnames ();
  return TRUE;
}

/* Letters and tone of a syllable written with tone marks ("lǚ"), or of one
 * written with a tone number ("lv3"). */
static gboolean
parse_syllable (const char *text, Reading *r)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  gsize n = 0;

  r->umlaut = 0;
  r->tone = 5;
  if (nfd == NULL)
    return FALSE;
  for (const char *p = nfd; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80 && g_ascii_isalpha (c) && n + 1 < sizeof r->letters)
        r->letters[n++] = g_ascii_tolower (c);
      else if (c >= '1' && c <= '5' && n > 0)
        r->tone = c - '0';
      else if (c == 0x0304)
        r->tone = 1;
      else if (c == 0x0301)
        r->tone = 2;
      else if (c == 0x030C)
        r->tone = 3;
      else if (c == 0x0300)
        r->tone = 4;
      else if (c == 0x0308 && n > 0 && r->letters[n - 1] == 'u')
        r->letters[n - 1] = 'v';
      else if (g_unichar_ismark (c))
        continue; /* ê, m̄: the letter is enough */
      else
        return FALSE;
    }
  r->letters[n] = '\0';
  for (gsize i = 0; i < n; i++)
    if (r->letters[i] == 'v')
      r->umlaut = 1;
  return n > 0;
}

static void
set_primary (gunichar c, Reading *r)
{
  UChar buffer[2];
  int32_t length = 0;
  guint8 key[32];
  int32_t size;

  U16_APPEND_UNSAFE (buffer, length, c);
  size = ucol_getSortKey (collator, buffer, length, key, sizeof key);
  /* Drop the final 0x00; a key that does not fit keeps what fits, which only
   * weakens the order among characters with the same reading. */
  size = CLAMP (size - 1, 0, (int32_t)sizeof r->primary);
  memcpy (r->primary, key, size);
  r->primary_length = size;
}

/* With the lock held. */
static const Reading *
lookup_reading (gunichar c)
{
  gpointer value;
  UChar buffer[16];
  int32_t length = 0, limit;
  UErrorCode status = U_ZERO_ERROR;
  char text[64];
  Reading *r;

  if (g_hash_table_lookup_extended (cache, GUINT_TO_POINTER (c), NULL, &value))
    return value;

  U16_APPEND_UNSAFE (buffer, length, c);
  limit = length;
  utrans_transUChars (transliterator, buffer, &length, G_N_ELEMENTS (buffer), 0, &limit, &status);
  if (U_SUCCESS (status))
    u_strToUTF8 (text, sizeof text, NULL, buffer, length, &status);

  r = g_new0 (Reading, 1);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING || !parse_syllable (text, r))
    g_clear_pointer (&r, g_free);
  else
    set_primary (c, r);
  g_hash_table_insert (cache, GUINT_TO_POINTER (c), r);
  return r;
}

static void
clear_token (gpointer data)
{
  Token *t = data;

  if (t->text)
    g_string_free (t->text, TRUE);
}

typedef struct
{
  gunichar chars[2];
  guint length;
  Reading readings[2];
} Surname;

static Surname *surname_table; /* parsed once, with the lock held */

static void
load_surnames (void)
{
  surname_table = g_new0 (Surname, G_N_ELEMENTS (surnames));
  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      Surname *s = &surname_table[i];
      g_auto (GStrv) syllables = g_strsplit (surnames[i].reading, " ", -1);
      const char *p = surnames[i].surname;

      s->length = g_strv_length (syllables);
      g_assert (s->length <= 2 && (guint)g_utf8_strlen (p, -1) == s->length);
      for (guint k = 0; k < s->length; k++, p = g_utf8_next_char (p))
        {
          s->chars[k] = g_utf8_get_char (p);
          if (!parse_syllable (syllables[k], &s->readings[k]))
            g_assert_not_reached ();
          set_primary (s->chars[k], &s->readings[k]);
        }
    }
}

/* Reads the first characters as a surname when the table has them. */
static void
apply_surname (GArray *tokens)
{
  for (gsize i = 0; i < G_N_ELEMENTS (surnames); i++)
    {
      const Surname *s = &surname_table[i];
      guint k;

      if (s->length > tokens->len)
        continue;
      for (k = 0; k < s->length; k++)
        {
          const Token *t = &g_array_index (tokens, Token, k);

          if ((t->kind != TOKEN_HAN && t->kind != TOKEN_HAN_NONE) || t->c != s->chars[k])
            break;
        }
      if (k < s->length)
        continue;
      for (k = 0; k < s->length; k++)
        {
          Token *t = &g_array_index (tokens, Token, k);

          t->kind = TOKEN_HAN;
          t->reading = s->readings[k];
        }
      return;
    }
}

/* Splits the name into Han characters (with their readings) and runs of
 * letters or digits; spaces and punctuation separate runs and are dropped. */
static GArray *
tokenize (const char *name)
{
  g_autofree char *normal = _zb_chinese_normalize (name);
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  gboolean have_icu;

  g_array_set_clear_func (tokens, clear_token);

  g_mutex_lock (&lock);
  have_icu = ensure_icu ();
  for (const char *p = normal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Token *last = tokens->len ? &g_array_index (tokens, Token, tokens->len - 1) : NULL;
      TokenKind kind;

      if (_zb_chinese_is_han (c))
        {
          const Reading *r = have_icu ? lookup_reading (c) : NULL;
          Token t = { .kind = r ? TOKEN_HAN : TOKEN_HAN_NONE, .c = c };

          if (r)
            t.reading = *r;
          g_array_append_val (tokens, t);
          continue;
        }
      if (g_unichar_isdigit (c))
        kind = TOKEN_DIGITS;
      else if (g_unichar_isalpha (c))
        kind = TOKEN_LETTERS;
      else
        {
          /* A separator ends a run: "Anna Li" is two words. */
          if (last && (last->kind == TOKEN_LETTERS || last->kind == TOKEN_DIGITS))
            g_array_append_val (tokens, ((Token){ .kind = TOKEN_HAN_NONE }));
          continue;
        }
      if (last == NULL || last->kind != kind)
        {
          g_array_append_val (tokens,
                              ((Token){ .kind = kind, .c = c, .text = g_string_new (NULL) }));
          last = &g_array_index (tokens, Token, tokens->len - 1);
        }
      {
        gunichar lower = g_unichar_tolower (c);
        gunichar decomposed[4];
        gsize n = g_unichar_fully_decompose (lower, FALSE, decomposed, G_N_ELEMENTS (decomposed));

        /* é as e, but other scripts as they are. */
        g_string_append_unichar (last->text, n > 0 && decomposed[0] < 0x80 ? decomposed[0] : lower);
      }
    }
  if (have_icu)
    apply_surname (tokens);
  g_mutex_unlock (&lock);

  /* Drop the separators' placeholders. */
  for (guint i = tokens->len; i-- > 0;)
    if (g_array_index (tokens, Token, i).kind == TOKEN_HAN_NONE
        && g_array_index (tokens, Token, i).c == 0)
      g_array_remove_index (tokens, i);
  return tokens;
}

typedef struct
{
  char *name;
  GArray *tokens;
} LastName;

static void
free_last_name (gpointer data)
{
  LastName *last = data;

  g_free (last->name);
  g_clear_pointer (&last->tokens, g_array_unref);
  g_free (last);
}

/* The repository asks for the pinyin, the initials and the pinyin key of one
 * name in a row: each thread keeps its last name's tokens for the next call.
 * The array is borrowed until the thread's next call. */
static GArray *
get_tokens (const char *name)
{
  static GPrivate last_name = G_PRIVATE_INIT (free_last_name);
  LastName *last = g_private_get (&last_name);

  if (name == NULL)
    name = "";
  if (last == NULL)
    {
      last = g_new0 (LastName, 1);
      g_private_set (&last_name, last);
    }
  if (last->tokens == NULL || strcmp (last->name, name) != 0)
    {
      g_clear_pointer (&last->tokens, g_array_unref);
      g_free (last->name);
      last->name = g_strdup (name);
      last->tokens = tokenize (name);
    }
  return last->tokens;
}

char *
zb_chinese_pinyin (const char *name)
{
  GArray *tokens = get_tokens (name);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_HAN)
        g_string_append (out, t->reading.letters);
      else if (t->text)
        g_string_append (out, t->text->str);
    }
  return g_string_free (out, FALSE);
}

char *
zb_chinese_initials (const char *name)
{
  GArray *tokens = get_tokens (name);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);

      if (t->kind == TOKEN_HAN)
        g_string_append_c (out, t->reading.letters[0]);
      else if (t->text)
        g_string_append_unichar (out, g_utf8_get_char (t->text->str));
    }
  return g_string_free (out, FALSE);
}

GBytes *
zb_chinese_pinyin_key (const char *name)
{
  GArray *tokens = get_tokens (name);
  GByteArray *key = g_byte_array_sized_new (64);

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      guint8 tail[3] = { 0x01, 0, 0 };

      switch (t->kind)
        {
        case TOKEN_HAN:
          for (const char *p = t->reading.letters; *p; p++)
            g_byte_array_append (key, (const guint8 *)(*p == 'v' ? "u" : p), 1);
          tail[1] = t->reading.umlaut;
          tail[2] = t->reading.tone;
          g_byte_array_append (key, tail, 3);
          g_byte_array_append (key, t->reading.primary, t->reading.primary_length);
          g_byte_array_append (key, (const guint8[]){ 0x01 }, 1);
          break;
        case TOKEN_LETTERS:
        case TOKEN_DIGITS:
          g_byte_array_append (key, (const guint8 *)t->text->str, t->text->len);
          tail[2] = t->kind == TOKEN_LETTERS ? 6 : 7;
          g_byte_array_append (key, tail, 3);
          g_byte_array_append (key, (const guint8[]){ 0x01 }, 1);
          break;
        case TOKEN_HAN_NONE:
          {
            guint8 bytes[4] = { 0xFE, (t->c >> 16) & 0xFF, (t->c >> 8) & 0xFF, t->c & 0xFF };

            g_byte_array_append (key, bytes, 4);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_byte_array_append (key, (const guint8[]){ 0 }, 1);
  if (name)
    g_byte_array_append (key, (const guint8 *)name, strlen (name));
  return g_byte_array_free_to_bytes (key);
}
