/* zb-xlsx-xml.c — the XML parts of an XLSX file: relationships, workbook,
 * styles, shared strings and the worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMarkup is enough for SpreadsheetML: no DTDs, only the predefined entities,
 * and a push parser, so a sheet of hundreds of megabytes streams through
 * without being held in memory.
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-exchange-error.h"
#include "zb-office-date.h"
#include "zb-xlsx-private.h"

/* Spreadsheet programs write elements with or without a namespace prefix
 * (<x:row> from some .NET writers): compare the local name. */
static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static gboolean
is (const char *element, const char *name)
{
  return strcmp (local_name (element), name) == 0;
}

/* The value of the attribute with local name @name ("r:id" matches "id" only
 * when @prefixed), or NULL. */
static const char *
attribute (const char **names, const char **values, const char *name, gboolean prefixed)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *colon = strrchr (names[i], ':');

      if (prefixed ? (colon != NULL && strcmp (colon + 1, name) == 0)
                   : strcmp (names[i], name) == 0)
        return values[i];
    }
  return NULL;
}

static gboolean
set_damaged (GError **error, const GError *cause)
{
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
               _ ("The workbook is damaged and cannot be read. Please open it in Excel or WPS and "
                  "save it again."));
  if (cause != NULL)
    g_debug ("XLSX XML error: %s", cause->message);
  return FALSE;
}

static gboolean
parse_whole (const GMarkupParser *parser, gpointer data, const char *xml, gsize length,
             GError **error)
{
  g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (parser, 0, data, NULL);
  g_autoptr (GError) local_error = NULL;

  if (!g_markup_parse_context_parse (ctx, xml, length, &local_error)
      || !g_markup_parse_context_end_parse (ctx, &local_error))
    {
      if (local_error->domain == ZB_EXCHANGE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return set_damaged (error, local_error);
    }
  return TRUE;
}

/* Relationships ------------------------------------------------------------- */

void
_zb_xlsx_rel_free (ZbXlsxRel *rel)
{
  if (rel == NULL)
    return;
  g_free (rel->id);
  g_free (rel->type);
  g_free (rel->target);
  g_free (rel);
}

static void
rels_start (GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
            gpointer data, GError **error)
{
  GPtrArray *rels = data;
  const char *id, *type, *target, *mode, *slash;
  ZbXlsxRel *rel;

  if (!is (element, "Relationship"))
    return;

  id = attribute (names, values, "Id", FALSE);
  type = attribute (names, values, "Type", FALSE);
  target = attribute (names, values, "Target", FALSE);
  mode = attribute (names, values, "TargetMode", FALSE);
  if (id == NULL || type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;

  slash = strrchr (type, '/');
  rel = g_new0 (ZbXlsxRel, 1);
  rel->id = g_strdup (id);
  rel->type = g_strdup (slash != NULL ? slash + 1 : type);
  rel->target = g_strdup (target);
  g_ptr_array_add (rels, rel);
}

GPtrArray *
_zb_xlsx_parse_rels (const char *xml, gsize length, GError **error)
{
  static const GMarkupParser parser = { rels_start, NULL, NULL, NULL, NULL };
  g_autoptr (GPtrArray) rels = g_ptr_array_new_with_free_func ((GDestroyNotify)_zb_xlsx_rel_free);

  if (!parse_whole (&parser, rels, xml, length, error))
    return NULL;

  return g_steal_pointer (&rels);
}

/* Workbook ------------------------------------------------------------------ */

typedef struct
{
  char *first_visible;
  char *first;
  gboolean date1904;
} WorkbookData;

static gboolean
xml_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static void
workbook_start (GMarkupParseContext *ctx, const char *element, const char **names,
                const char **values, gpointer data, GError **error)
{
  WorkbookData *wb = data;

  if (is (element, "workbookPr"))
    wb->date1904 = xml_true (attribute (names, values, "date1904", FALSE));
  else if (is (element, "sheet"))
    {
      const char *id = attribute (names, values, "id", TRUE);
      const char *state = attribute (names, values, "state", FALSE);

      if (id == NULL)
        return;
      if (wb->first == NULL)
        wb->first = g_strdup (id);
      if (wb->first_visible == NULL && (state == NULL || strcmp (state, "visible") == 0))
        wb->first_visible = g_strdup (id);
    }
}

gboolean
_zb_xlsx_parse_workbook (const char *xml, gsize length, char **sheet_rel_id, gboolean *date1904,
                         GError **error)
{
  static const GMarkupParser parser = { workbook_start, NULL, NULL, NULL, NULL };
  WorkbookData wb = { 0 };

  if (!parse_whole (&parser, &wb, xml, length, error))
    {
      g_free (wb.first);
      g_free (wb.first_visible);
      return FALSE;
    }

  if (wb.first == NULL)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
                   _ ("The workbook has no worksheet."));
      return FALSE;
    }

  /* all hidden: the first one (a leak of it was found by fuzz-xlsx-xml) */
  if (wb.first_visible != NULL)
    {
      *sheet_rel_id = wb.first_visible;
      g_free (wb.first);
    }
  else
    *sheet_rel_id = wb.first;
  *date1904 = wb.date1904;
  return TRUE;
}

/* Styles -------------------------------------------------------------------- */

gboolean
_zb_xlsx_builtin_format_is_date (guint id)
{
  /* 14–17 dates, 18–21 times, 22 date and time, 45–47 times; 27–36 and 50–58
   * are the dates (and times) of the Chinese, Japanese and Korean editions. */
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47)
         || (id >= 50 && id <= 58);
}

gboolean
_zb_xlsx_format_is_date (const char *code)
{
  gboolean y = FALSE, m = FALSE, d = FALSE, h = FALSE, s = FALSE;

  if (code == NULL)
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"': /* literal text */
          while (p[1] != '\0' && p[1] != '"')
            p++;
          if (p[1] != '\0')
            p++;
          break;
        case '[': /* colour, condition, locale, elapsed time */
          while (p[1] != '\0' && p[1] != ']')
            p++;
          if (p[1] != '\0')
            p++;
          break;
        case '\\': /* an escaped character */
        case '_':  /* space the width of the next character */
        case '*':  /* fill with the next character */
          if (p[1] != '\0')
            p++;
          break;
        case ';': /* only the first section decides */
          goto done;
        case 'y':
        case 'Y':
          y = TRUE;
          break;
        case 'm':
        case 'M':
          m = TRUE;
          break;
        case 'd':
        case 'D':
          d = TRUE;
          break;
        case 'h':
        case 'H':
          h = TRUE;
          break;
        case 's':
        case 'S':
          s = TRUE;
          break;
        default:
          break;
        }
    }
done:
  return y || d || (m && !h && !s);
}

typedef struct
{
  GHashTable *custom; /* numFmtId → is date */
  GArray *xf_fmt_ids; /* guint, per cellXfs xf */
  gboolean in_cell_xfs;
} StylesData;

static void
styles_start (GMarkupParseContext *ctx, const char *element, const char **names,
              const char **values, gpointer data, GError **error)
{
  StylesData *st = data;

  if (is (element, "numFmt"))
    {
      const char *id = attribute (names, values, "numFmtId", FALSE);
      const char *code = attribute (names, values, "formatCode", FALSE);

      if (id != NULL)
        g_hash_table_insert (st->custom, GUINT_TO_POINTER ((guint)strtoul (id, NULL, 10)),
                             GINT_TO_POINTER (_zb_xlsx_format_is_date (code)));
    }
  else if (is (element, "cellXfs"))
    st->in_cell_xfs = TRUE;
  else if (st->in_cell_xfs && is (element, "xf"))
    {
      const char *id = attribute (names, values, "numFmtId", FALSE);
      guint fmt = id != NULL ? (guint)strtoul (id, NULL, 10) : 0;

      if (st->xf_fmt_ids->len < 1024 * 1024)
        g_array_append_val (st->xf_fmt_ids, fmt);
    }
}

static void
styles_end (GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
  StylesData *st = data;

  if (is (element, "cellXfs"))
    st->in_cell_xfs = FALSE;
}

GArray *
_zb_xlsx_parse_styles (const char *xml, gsize length, GError **error)
{
  static const GMarkupParser parser = { styles_start, styles_end, NULL, NULL, NULL };
  g_autoptr (GHashTable) custom = g_hash_table_new (NULL, NULL);
  g_autoptr (GArray) xf_fmt_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  StylesData st = { custom, xf_fmt_ids, FALSE };
  GArray *dates;

  if (!parse_whole (&parser, &st, xml, length, error))
    return NULL;

  dates = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), xf_fmt_ids->len);
  for (guint i = 0; i < xf_fmt_ids->len; i++)
    {
      guint fmt = g_array_index (xf_fmt_ids, guint, i);
      gpointer is_date;
      gboolean date;

      /* a custom format may reuse a built-in id: it wins */
      if (g_hash_table_lookup_extended (custom, GUINT_TO_POINTER (fmt), NULL, &is_date))
        date = GPOINTER_TO_INT (is_date);
      else
        date = _zb_xlsx_builtin_format_is_date (fmt);
      g_array_append_val (dates, date);
    }

  return dates;
}

/* Text ------------------------------------------------------------------------ */

void
_zb_xlsx_decode_escapes (GString *text)
{
  gsize out = 0;

  if (strstr (text->str, "_x") == NULL)
    return;

  for (gsize i = 0; i < text->len;)
    {
      if (text->str[i] == '_' && i + 6 < text->len && text->str[i + 1] == 'x'
          && g_ascii_isxdigit (text->str[i + 2]) && g_ascii_isxdigit (text->str[i + 3])
          && g_ascii_isxdigit (text->str[i + 4]) && g_ascii_isxdigit (text->str[i + 5])
          && text->str[i + 6] == '_')
        {
          gunichar c = (gunichar)strtoul (text->str + i + 2, NULL, 16);
          char utf8[6];
          int n;

          /* the escapes only ever stand for control characters and '_'; the
           * decoded text is never longer than the escape (7 bytes) */
          if (c == 0 || !g_unichar_validate (c))
            c = 0xFFFD;
          n = g_unichar_to_utf8 (c, utf8);
          memcpy (text->str + out, utf8, n);
          out += n;
          i += 7;
          continue;
        }
      text->str[out++] = text->str[i++];
    }

  g_string_truncate (text, out);
}
