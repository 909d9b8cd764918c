/* zb-member-repo-query.c — the roster as pages: count, fetch, search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists must stay fast at a million members, in the order the user chose, while
 * the user types. Every order has an index of the active roster led by its key
 * (the pinyin order's is its letter index, see ZB_MEMBER_PINYIN_KEY; the
 * archive has one of its own), and every kind of search has an index of
 * its own that finds the matching members of the active roster (DESIGN:
 * search at scale):
 *  - names: member_name_fts, the characters of each name as tokens, so that a
 *    phrase query finds any run of characters inside a name;
 *  - ID and phone digits: member_digits_fts, trigrams (3 digits or more);
 *  - pinyin initials and full pinyin: member_letter_<order>, an index per
 *    order of the active roster by the first letter of the initials, holding
 *    the initials and the reading (see below).
 * Name and digit searches have two plans. When up to some tens of thousands match, the
 * candidates' sort keys are read through a small covering index
 * (member_sort_keys), sorted, and only the page's rows are read. When more
 * match, the order index is walked from the start and each row id tested
 * against the candidates, which finds a page soon when matches are spread
 * evenly. A bounded count of the candidates decides. Digits are mostly spread
 * evenly, so a digit search with candidates to sort first walks on a budget
 * and is sorted only when the budget runs out (see zb_member_repo_fetch()).
 * (Name and reading searches are walked only when they must: their matches
 * cluster in stroke order — everyone called 谭 sits together, far down the
 * list.)
 *
 * Letters have a plan of their own. Everyone whose initials or reading start
 * with what was typed has initials that start with its first letter, and the
 * index of each order holds the active roster by that letter, then in the
 * order, with the initials and the reading beside. So the walk starts at the
 * first member of the letter and tests each entry in the index alone: "z"
 * matches every entry of its part, "zh" most, and the first page is found
 * within a few hundred entries instead of behind everyone whose surname comes
 * earlier in stroke order (a tenth of a million members match "z"; collecting
 * them to sort or to test against cost 150–250 ms). A search that matches
 * little walks at most its letter's part.
 */
#define G_LOG_DOMAIN "zhibu-roster"

#include "config.h"

#include <string.h>

#include "zb-member-rules.h"
#include "zb-roster-private.h"

/* Above this many candidates the order index is walked instead (see above).
 * From bench-roster at a million members: sorting 60,000 candidates through
 * member_sort_keys (in the page cache) takes about 150 ms, walking for a
 * clustered search of that size three or four times as long. */
static guint sparse_limit = ZB_MEMBER_SPARSE_LIMIT_DEFAULT;

/* The work the last fetch took, for tests that check a page costs what is on
 * it and not what is in the roster. */
static guint last_fetch_steps;

guint
_zb_member_repo_get_last_fetch_steps (void)
{
  return last_fetch_steps;
}

/* Up to this many candidates a digit search is sorted without a walk first:
 * sorting them is cheap. */
static guint dense_min = ZB_MEMBER_DENSE_MIN_DEFAULT;

/* The steps a digit search's page may take walking the order index before
 * its candidates are sorted instead (see zb_member_repo_fetch()). */
static guint walk_budget = ZB_MEMBER_WALK_BUDGET_DEFAULT;

void
_zb_member_repo_set_walk_budget (guint steps)
{
  walk_budget = steps;
}

void
_zb_member_repo_set_plan_limits (guint limit, guint min_dense)
{
  sparse_limit = limit;
  dense_min = min_dense;
}

typedef enum
{
  SEARCH_NONE,
  SEARCH_NAME,    /* characters of the name */
  SEARCH_LETTERS, /* pinyin initials or full pinyin, a prefix */
  SEARCH_DIGITS,  /* ID number or phone digits, a substring */
} SearchKind;

typedef struct
{
  SearchKind kind;
  char *text;          /* NAME: the trimmed text; LETTERS: lower case; DIGITS: digits, X */
  char *fts_query;     /* phrase for the FTS table, or NULL when it cannot be used */
  char *upper;         /* LETTERS: the first text after every text with the prefix */
  char first[2];       /* LETTERS: the first letter */
  char after_first[2]; /* LETTERS: the letter after it */
  gboolean verify;     /* DIGITS: fts_query finds a superset, checked on the rows */
} Search;

static void
search_clear (Search *s)
{
  g_clear_pointer (&s->text, g_free);
  g_clear_pointer (&s->fts_query, g_free);
  g_clear_pointer (&s->upper, g_free);
}

/* Decides what the user is looking for from the characters typed. */
static void
search_init (Search *s, const char *input)
{
  g_autofree char *trimmed = NULL;
  GString *compact;
  gboolean all_digits = TRUE;
  gboolean all_letters = TRUE;
  gsize len;

  memset (s, 0, sizeof *s);
  if (input == NULL || !g_utf8_validate (input, -1, NULL))
    return;

  trimmed = zb_trim_name (input);
  if (*trimmed == '\0')
    return;

  /* Digits and letters are often typed with spaces or dashes between groups
   * (phone numbers, "zhang san"). */
  compact = g_string_new (NULL);
  for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '-' || c == 0x3000)
        continue;
      g_string_append_unichar (compact, c);
    }
  len = compact->len;
  for (gsize i = 0; i < len; i++)
    {
      char c = compact->str[i];
      gboolean final_x = (c == 'x' || c == 'X') && i == len - 1 && i > 0;

      if (!g_ascii_isdigit (c) && !final_x)
        all_digits = FALSE;
      if (!g_ascii_isalpha (c))
        all_letters = FALSE;
    }

  if (len > 0 && all_digits)
    {
      /* One or two digits are in nearly every ID and phone number: they are
       * not a search yet (and trigrams need three characters). */
      if (len < 3)
        {
          g_string_free (compact, TRUE);
          return;
        }
      s->kind = SEARCH_DIGITS;
      s->text = g_ascii_strup (compact->str, -1);
      /* A long phrase reads the lists of all its trigrams, and in ID numbers
       * many are very common (the "19" of birth years): three of them, apart,
       * find a handful of candidates to check exactly. */
      if (len >= 7)
        {
          s->fts_query = g_strdup_printf ("\"%.3s\" AND \"%.3s\" AND \"%.3s\"", s->text,
                                          s->text + len / 2 - 1, s->text + len - 3);
          s->verify = TRUE;
        }
      else
        s->fts_query = g_strdup_printf ("\"%s\"", s->text);
    }
  else if (len > 0 && all_letters)
    {
      s->kind = SEARCH_LETTERS;
      s->text = g_ascii_strdown (compact->str, -1);
      s->upper = g_strdup (s->text);
      /* "zs" → every text from "zs" up to, not including, "zt" */
      s->upper[len - 1]++;
      s->first[0] = s->text[0];
      s->after_first[0] = (char)(s->text[0] + 1);
    }
  else
    {
      GString *phrase = g_string_new ("\"");
      gboolean any = FALSE;

      s->kind = SEARCH_NAME;
      s->text = g_strdup (trimmed);
      /* The same tokens as the index holds: letters and digits, one each. */
      for (const char *p = trimmed; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isalnum (c))
            continue;
          if (any)
            g_string_append_c (phrase, ' ');
          g_string_append_unichar (phrase, c);
          any = TRUE;
        }
      g_string_append_c (phrase, '"');
      if (any)
        s->fts_query = g_string_free (phrase, FALSE);
      else
        g_string_free (phrase, TRUE);
    }
  g_string_free (compact, TRUE);
}

/* ------------------------------------------------------------------------- */
/* Statements built from fixed fragments, with bound parameters              */

typedef struct
{
  GString *sql;
  GPtrArray *texts; /* parameters ?1, ?2 … as strings, or NULL for integers */
  GArray *ints;
} Builder;

static void
builder_init (Builder *b)
{
  b->sql = g_string_new (NULL);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->ints = g_array_new (FALSE, TRUE, sizeof (gint64));
}

static void
builder_clear (Builder *b)
{
  g_string_free (b->sql, TRUE);
  g_ptr_array_free (b->texts, TRUE);
  g_array_free (b->ints, TRUE);
}

/* Appends @fragment with its "?" replaced by the next parameter number. */
static void
builder_add (Builder *b, const char *fragment)
{
  for (const char *p = fragment; *p != '\0'; p++)
    if (*p == '?')
      g_string_append_printf (b->sql, "?%u", b->texts->len + 1);
    else
      g_string_append_c (b->sql, *p);
}

static void
builder_text (Builder *b, const char *fragment, const char *value)
{
  builder_add (b, fragment);
  g_ptr_array_add (b->texts, g_strdup (value));
  g_array_set_size (b->ints, b->texts->len);
}

static void
builder_int (Builder *b, const char *fragment, gint64 value)
{
  builder_add (b, fragment);
  g_ptr_array_add (b->texts, NULL);
  g_array_set_size (b->ints, b->texts->len);
  g_array_index (b->ints, gint64, b->texts->len - 1) = value;
}

static sqlite3_stmt *
builder_prepare (Builder *b, ZbDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, b->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < b->texts->len; i++)
    {
      const char *text = g_ptr_array_index (b->texts, i);

      if (text != NULL)
        sqlite3_bind_text (stmt, (int)i + 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int)i + 1, g_array_index (b->ints, gint64, i));
    }
  return stmt;
}

/* The candidates of a search in the active roster, as "SELECT id …" (UNION ALL
 * may repeat a member, which only the bounded count sees). */
static gboolean
add_source (Builder *b, const Search *s)
{
  switch (s->kind)
    {
    case SEARCH_NAME:
      if (s->fts_query == NULL)
        return FALSE;
      builder_text (b, "SELECT rowid AS id FROM member_name_fts WHERE member_name_fts MATCH ?",
                    s->fts_query);
      return TRUE;
    case SEARCH_DIGITS:
      if (s->fts_query == NULL)
        return FALSE;
      if (s->verify)
        {
          builder_text (b,
                        "SELECT f.rowid AS id FROM member_digits_fts f CROSS JOIN member x"
                        " ON x.id = f.rowid WHERE f.member_digits_fts MATCH ?",
                        s->fts_query);
          builder_text (b, " AND (instr (x.id_number, ?) > 0", s->text);
          builder_text (b, " OR instr (x.phone, ?) > 0)", s->text);
          return TRUE;
        }
      builder_text (b, "SELECT rowid AS id FROM member_digits_fts WHERE member_digits_fts MATCH ?",
                    s->fts_query);
      return TRUE;
    case SEARCH_LETTERS: /* letters_plan() */
    case SEARCH_NONE:
    default:
      return FALSE;
    }
}

/* The filters of the query, after WHERE. */
static void
add_filters (Builder *b, const ZbMemberQuery *q)
{
  builder_add (b, q->archive ? "m.status <> 'active'" : "m.status = 'active'");
  if (q->branch_id != 0)
    builder_int (b, " AND m.branch_id = ?", q->branch_id);
  if (q->group_id != 0)
    builder_int (b, " AND m.group_id = ?", q->group_id);
  if (q->category >= 0)
    builder_text (b, " AND m.category = ?",
                  zb_member_category_to_string ((ZbMemberCategory)q->category));
  if (q->flowing >= 0)
    builder_int (b, " AND m.flowing = ?", q->flowing ? 1 : 0);
  if (q->lost_contact >= 0)
    builder_int (b, " AND m.lost_contact = ?", q->lost_contact ? 1 : 0);
}

static gboolean
has_filters (const ZbMemberQuery *q)
{
  return q->branch_id != 0 || q->group_id != 0 || q->category >= 0 || q->flowing >= 0
         || q->lost_contact >= 0;
}

typedef struct
{
  gboolean sparse;   /* read the candidates from temp.zb_search_ids */
  gboolean complete; /* temp.zb_search_ids holds every candidate */
  gint64 n;          /* how many there are (when complete) */
} Candidates;

/* The search as a test of each row, for walking the order index. Where the
 * search has an index of its own, the test is membership of the row id in the
 * set that index gives, so that the walk reads the order index alone and not
 * the rows (the unary + keeps SQLite from turning it round into a rowid
 * lookup per candidate). The archive is not in the search indexes and is
 * small: it is tested on the rows. */
static void
add_row_test (Builder *b, const ZbMemberQuery *q, const Search *s, const Candidates *c)
{
  if (s->kind == SEARCH_NONE)
    return;

  /* all the candidates are in the temporary table: probe it (no copy) */
  if (c->complete)
    {
      builder_add (b, " AND +m.id IN (SELECT id FROM temp.zb_search_ids)");
      return;
    }

  if (!q->archive && s->fts_query != NULL)
    {
      builder_add (b, " AND +m.id IN (");
      add_source (b, s);
      builder_add (b, ")");
      return;
    }

  switch (s->kind)
    {
    case SEARCH_NAME:
      builder_text (b, " AND instr (m.name, ?) > 0", s->text);
      break;
    case SEARCH_DIGITS:
      builder_text (b, " AND (instr (m.id_number, ?) > 0", s->text);
      builder_text (b, " OR instr (m.phone, ?) > 0)", s->text);
      break;
    case SEARCH_LETTERS:
      builder_text (b, " AND ((m.name_initials >= ?", s->text);
      builder_text (b, " AND m.name_initials < ?)", s->upper);
      builder_text (b, " OR (m.name_pinyin >= ?", s->text);
      builder_text (b, " AND m.name_pinyin < ?))", s->upper);
      break;
    case SEARCH_NONE:
    default:
      break;
    }
}

/* @by_index: the rows come in the order of the order's index rather than
 * sorted. The pinyin order's index (member_letter_pinyin) holds the initials
 * and the reading after the key, so they are named before the row id for
 * SQLite to read it in order; a sort needs only the key and the row id (the
 * key ends with the name, which gives the initials and reading: the two are
 * the same order). */
static void
add_order (Builder *b, const ZbMemberQuery *q, gboolean by_index)
{
  const char *dir = q->descending ? " DESC" : "";

  builder_add (b, " ORDER BY ");
  switch (q->order)
    {
    case ZB_MEMBER_ORDER_PINYIN:
      if (by_index)
        g_string_append_printf (
            b->sql, ZB_MEMBER_PINYIN_KEY "%s, m.name_initials%s, m.name_pinyin%s, m.id%s", dir, dir,
            dir, dir);
      else
        g_string_append_printf (b->sql, ZB_MEMBER_PINYIN_KEY "%s, m.id%s", dir, dir);
      break;
    case ZB_MEMBER_ORDER_JOINED:
      g_string_append_printf (b->sql, "m.joined_date%s, " ZB_MEMBER_STROKE_KEY "%s, m.id%s", dir,
                              dir, dir);
      break;
    case ZB_MEMBER_ORDER_STROKES:
    default:
      g_string_append_printf (b->sql, ZB_MEMBER_STROKE_KEY "%s, m.id%s", dir, dir);
      break;
    }
}

/* ------------------------------------------------------------------------- */
/* Letters: walking the first letter's part of member_letter_<order>         */

static gboolean
letters_plan (const ZbMemberQuery *q, const Search *s)
{
  return s->kind == SEARCH_LETTERS && !q->archive;
}

/* "SELECT m.id AS id FROM …" the active members that match, by the index of
 * the query's order. */
static void
add_letters (Builder *b, const ZbMemberQuery *q, const Search *s)
{
  /* INDEXED BY: with a filter on a branch SQLite would otherwise read that
   * branch's rows and sort them. An index is named in the SQL text, never a
   * parameter, so each order has its statement start. */
  static const char *const starts[] = {
    [ZB_MEMBER_ORDER_STROKES]
    = "SELECT m.id AS id FROM member m INDEXED BY member_letter_stroke WHERE ",
    [ZB_MEMBER_ORDER_PINYIN]
    = "SELECT m.id AS id FROM member m INDEXED BY member_letter_pinyin WHERE ",
    [ZB_MEMBER_ORDER_JOINED]
    = "SELECT m.id AS id FROM member m INDEXED BY member_letter_joined WHERE ",
  };

  static const char *const keys[] = {
    [ZB_MEMBER_ORDER_STROKES] = ZB_MEMBER_LETTER_STROKE_KEY,
    [ZB_MEMBER_ORDER_PINYIN] = ZB_MEMBER_PINYIN_KEY,
    [ZB_MEMBER_ORDER_JOINED] = ZB_MEMBER_LETTER_JOINED_KEY,
  };
  guint order = (guint)q->order < G_N_ELEMENTS (starts) ? (guint)q->order : 0;

  g_string_append (b->sql, starts[order]);
  add_filters (b, q);
  /* The index's key starts with the letter: its part of the index is every
   * key from the letter up to the next one. */
  g_string_append_printf (b->sql, " AND (%s)", keys[order]);
  builder_text (b, " >= ?", s->first);
  g_string_append_printf (b->sql, " AND (%s)", keys[order]);
  builder_text (b, " < ?", s->after_first);
  /* One letter: initials and reading start with it exactly when the first
   * letter of the initials is it. */
  if (s->text[1] == '\0')
    return;
  builder_text (b, " AND ((m.name_initials >= ?", s->text);
  builder_text (b, " AND m.name_initials < ?)", s->upper);
  builder_text (b, " OR (m.name_pinyin >= ?", s->text);
  builder_text (b, " AND m.name_pinyin < ?))", s->upper);
}

/* The query's order as the letter indexes hold it: the initials and reading
 * follow the key in the index, so they are named before the row id for
 * SQLite to read the index in order. The order is the same as add_order()'s,
 * since both keys end with the name, which gives the initials and reading. */
static void
add_letters_order (Builder *b, const ZbMemberQuery *q)
{
  const char *dir = q->descending ? " DESC" : "";

  builder_add (b, " ORDER BY ");
  switch (q->order)
    {
    case ZB_MEMBER_ORDER_PINYIN:
      g_string_append_printf (b->sql, "%s%s", ZB_MEMBER_PINYIN_KEY, dir);
      break;
    case ZB_MEMBER_ORDER_JOINED:
      g_string_append_printf (b->sql, "%s%s, " ZB_MEMBER_STROKE_KEY "%s",
                              ZB_MEMBER_LETTER_JOINED_KEY, dir, dir);
      break;
    case ZB_MEMBER_ORDER_STROKES:
    default:
      g_string_append_printf (b->sql, "%s%s", ZB_MEMBER_LETTER_STROKE_KEY, dir);
      break;
    }
  g_string_append_printf (b->sql, ", m.name_initials%s, m.name_pinyin%s, m.id%s", dir, dir, dir);
}

static gint64
run_count (ZbDatabase *db, Builder *b, GError **error)
{
  sqlite3_stmt *stmt = builder_prepare (b, db, error);
  gint64 count;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _zb_database_set_error (db, error);
      sqlite3_reset (stmt);
      return -1;
    }
  count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return count;
}

/* The candidates of the last search, kept on the connection (temporary tables
 * live as long as it does) so that the count and every page of one search
 * read the search index once, not once per call. They are valid while
 * nothing was written through this connection (total changes) or another
 * one (data_version); writes to the temporary tables count too, so the stamp
 * is taken after filling them. */
static const char SQL_CANDIDATE_TABLES[]
    = "CREATE TEMP TABLE IF NOT EXISTS zb_search_ids (id INTEGER PRIMARY KEY);"
      "CREATE TEMP TABLE IF NOT EXISTS zb_search_key (id INTEGER PRIMARY KEY CHECK (id = 1),"
      " kind INTEGER, text TEXT, sparse_limit INTEGER, changes INTEGER, data_version INTEGER,"
      " n INTEGER, sparse INTEGER)";

static gint64
data_version (ZbDatabase *db, GError **error)
{
  sqlite3_stmt *stmt = _zb_database_prepare (db, "PRAGMA data_version", error);
  gint64 version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  else
    _zb_database_set_error (db, error);
  sqlite3_reset (stmt);
  return version;
}

/* Whether the cached candidates are those of @s, as of now. */
static gboolean
cached_candidates (ZbDatabase *db, const Search *s, gint64 changes, gint64 version, Candidates *c,
                   GError **error)
{
  sqlite3_stmt *stmt;
  gboolean hit = FALSE;
  int rc;

  stmt = _zb_database_prepare (db,
                               "SELECT n, sparse FROM temp.zb_search_key WHERE id = 1"
                               " AND kind = ?1 AND text = ?2 AND sparse_limit = ?3"
                               " AND changes = ?4 AND data_version = ?5",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, s->kind);
  sqlite3_bind_text (stmt, 2, s->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, sparse_limit);
  sqlite3_bind_int64 (stmt, 4, changes);
  sqlite3_bind_int64 (stmt, 5, version);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      c->n = sqlite3_column_int64 (stmt, 0);
      c->sparse = sqlite3_column_int (stmt, 1) != 0;
      c->complete = c->n <= sparse_limit;
      hit = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return hit;
}

/* Finds the candidates of the search, and whether to read them (few) or walk
 * the order index testing each row (many; see the top of the file). */
static gboolean
prepare_candidates (ZbDatabase *db, const ZbMemberQuery *q, const Search *s, Candidates *c,
                    GError **error)
{
  sqlite3 *handle = _zb_database_get_handle (db);
  GError *local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 changes, version;
  Builder b;
  int rc;

  c->sparse = FALSE;
  c->complete = FALSE;
  c->n = 0;
  if (q->archive || s->kind == SEARCH_NONE || s->kind == SEARCH_LETTERS || s->fts_query == NULL)
    return TRUE;

  if (!_zb_database_exec (db, SQL_CANDIDATE_TABLES, error))
    return FALSE;
  version = data_version (db, error);
  if (version < 0)
    return FALSE;
  changes = sqlite3_total_changes64 (handle);
  if (cached_candidates (db, s, changes, version, c, &local_error))
    return TRUE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!_zb_database_exec (db, "DELETE FROM temp.zb_search_ids", error))
    return FALSE;
  builder_init (&b);
  builder_add (&b, "INSERT INTO temp.zb_search_ids (id) SELECT id FROM (");
  add_source (&b, s);
  builder_int (&b, ") LIMIT ?", (gint64)sparse_limit + 1);
  stmt = builder_prepare (&b, db, error);
  builder_clear (&b);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  c->n = sqlite3_changes64 (handle);
  c->complete = c->n <= sparse_limit;
  c->sparse = c->complete;

  stmt = _zb_database_prepare (db,
                               "INSERT OR REPLACE INTO temp.zb_search_key (id, kind, text,"
                               " sparse_limit, changes, data_version, n, sparse)"
                               " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, s->kind);
  sqlite3_bind_text (stmt, 2, s->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, sparse_limit);
  /* the stamp after this statement's own change */
  sqlite3_bind_int64 (stmt, 4, sqlite3_total_changes64 (handle) + 1);
  sqlite3_bind_int64 (stmt, 5, version);
  sqlite3_bind_int64 (stmt, 6, c->n);
  sqlite3_bind_int (stmt, 7, c->sparse ? 1 : 0);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return _zb_database_set_error (db, error);
  return TRUE;
}

gint64
zb_member_repo_count (ZbMemberRepo *self, const ZbMemberQuery *query, GError **error)
{
  ZbDatabase *db;
  Search s;
  Builder b;
  Candidates c;
  gint64 count = -1;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  db = zb_member_repo_get_database (self);
  search_init (&s, query->search);
  builder_init (&b);

  if (letters_plan (query, &s))
    {
      builder_add (&b, "SELECT count(*) FROM (");
      add_letters (&b, query, &s);
      builder_add (&b, ")");
      count = run_count (db, &b, error);
      goto out;
    }

  if (!prepare_candidates (db, query, &s, &c, error))
    goto out;

  if (c.complete && !has_filters (query))
    {
      /* the search indexes hold exactly the active roster */
      count = c.n;
      goto out;
    }
  if (c.sparse)
    {
      builder_add (&b, "SELECT count(*) FROM temp.zb_search_ids c"
                       " CROSS JOIN member m INDEXED BY member_sort_keys ON m.id = c.id WHERE ");
      add_filters (&b, query);
    }
  else if (!query->archive && !has_filters (query) && s.kind != SEARCH_NONE && s.fts_query != NULL)
    {
      builder_add (&b, "SELECT count(*) FROM (");
      add_source (&b, &s);
      builder_add (&b, ")");
    }
  else
    {
      builder_add (&b, "SELECT count(*) FROM member m WHERE ");
      add_filters (&b, query);
      add_row_test (&b, query, &s, &c);
    }
  count = run_count (db, &b, error);

out:
  builder_clear (&b);
  search_clear (&s);
  return count;
}

typedef enum
{
  PLAN_LETTERS, /* the letter's part of its index */
  PLAN_SORT,    /* the candidates' sort keys, sorted */
  PLAN_WALK,    /* the order index, each row tested */
} Plan;

/* The statement of a page: its row ids by @plan, then their rows. */
static void
build_page (Builder *b, const ZbMemberQuery *q, const Search *s, const Candidates *c, Plan plan,
            guint offset, guint limit)
{
  builder_add (b, "SELECT " ZB_MEMBER_COLUMNS ", b.name, g.name FROM (");
  switch (plan)
    {
    case PLAN_LETTERS:
      add_letters (b, q, s);
      add_letters_order (b, q);
      break;
    case PLAN_SORT:
      /* Few candidates: read their sort keys through member_sort_keys (a
       * small covering index, much cheaper than their rows), sort, and read
       * the rows of the page only. CROSS JOIN keeps the candidates as the
       * outer loop. */
      builder_add (b, "SELECT m.id AS id FROM temp.zb_search_ids c"
                      " CROSS JOIN member m INDEXED BY member_sort_keys ON m.id = c.id WHERE ");
      add_filters (b, q);
      add_order (b, q, FALSE);
      break;
    case PLAN_WALK:
    default:
      /* Walk the order index for the row ids of the page first: rows skipped
       * by the offset are never read (on a million members a page far down
       * the list would otherwise read every row above it). */
      builder_add (b, "SELECT m.id AS id FROM member m WHERE ");
      add_filters (b, q);
      add_row_test (b, q, s, c);
      add_order (b, q, TRUE);
      break;
    }
  builder_int (b, " LIMIT ?", limit);
  builder_int (b, " OFFSET ?", offset);
  builder_add (b, ") p CROSS JOIN member m ON m.id = p.id"
                  " LEFT JOIN org_unit b ON b.id = m.branch_id"
                  " LEFT JOIN org_unit g ON g.id = m.group_id");
  add_order (b, q, FALSE);
}

static int
stop_walking (gpointer data)
{
  return 1;
}

/* Runs a page's statement. With @budget, gives up after about that many
 * steps: NULL without an error, and *@over_budget set. */
static GPtrArray *
run_page (ZbDatabase *db, Builder *b, guint budget, gboolean *over_budget, GError **error)
{
  sqlite3 *handle = _zb_database_get_handle (db);
  g_autoptr (GPtrArray) members = NULL;
  sqlite3_stmt *stmt = builder_prepare (b, db, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  members = g_ptr_array_new_with_free_func (g_object_unref);
  if (budget > 0)
    sqlite3_progress_handler (handle, (int)budget, stop_walking, NULL);
  sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ZbMemberRecord *record = _zb_member_record_from_row (stmt, 0);
      const char *branch = (const char *)sqlite3_column_text (stmt, ZB_MEMBER_N_COLUMNS);
      const char *group = (const char *)sqlite3_column_text (stmt, ZB_MEMBER_N_COLUMNS + 1);

      g_ptr_array_add (members, _zb_member_new_take (record, g_strdup (branch), g_strdup (group)));
    }
  last_fetch_steps = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);
  if (budget > 0)
    sqlite3_progress_handler (handle, 0, NULL, NULL);
  sqlite3_reset (stmt);
  if (rc == SQLITE_INTERRUPT && budget > 0)
    {
      *over_budget = TRUE;
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      _zb_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

GPtrArray *
zb_member_repo_fetch (ZbMemberRepo *self, const ZbMemberQuery *query, guint offset, guint limit,
                      GError **error)
{
  g_autoptr (GPtrArray) members = NULL;
  ZbDatabase *db;
  Search s;
  Builder b;
  Candidates c;
  Plan plan;

  g_return_val_if_fail (ZB_IS_MEMBER_REPO (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  db = zb_member_repo_get_database (self);
  search_init (&s, query->search);
  builder_init (&b);

  if (!prepare_candidates (db, query, &s, &c, error))
    goto out;

  plan = letters_plan (query, &s) ? PLAN_LETTERS : c.sparse ? PLAN_SORT : PLAN_WALK;

  /* Digits match members spread evenly over the stroke and pinyin orders,
   * and over the joined order too, unless they are of the birth date (a
   * birth year's members joined in the same years). So a digit search with
   * candidates to sort first walks the order index on a budget: a page of
   * evenly spread matches is found within a few thousand entries (at a
   * million members, "4201061" matches one in 39: about 2,000), where sorting
   * its 25,000 candidates took 80–100 ms. A search whose matches cluster
   * away from the page runs out of budget and is sorted after all. */
  if (plan == PLAN_SORT && s.kind == SEARCH_DIGITS && walk_budget > 0 && c.n > dense_min)
    {
      gboolean over_budget = FALSE;

      build_page (&b, query, &s, &c, PLAN_WALK, offset, limit);
      members = run_page (db, &b, walk_budget, &over_budget, error);
      if (members != NULL || !over_budget)
        goto out;
      builder_clear (&b);
      builder_init (&b);
    }
  build_page (&b, query, &s, &c, plan, offset, limit);
  members = run_page (db, &b, 0, NULL, error);

out:
  builder_clear (&b);
  search_clear (&s);
  return g_steal_pointer (&members);
}
