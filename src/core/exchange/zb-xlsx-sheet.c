/* zb-xlsx-sheet.c — streaming parsers for an XLSX file's shared strings and
 * worksheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-exchange-error.h"
#include "zb-office-date.h"
#include "zb-xlsx-private.h"

typedef enum
{
  PARSER_SHARED_STRINGS,
  PARSER_SHEET,
} ParserKind;

struct _ZbXlsxParser
{
  ParserKind kind;
  GMarkupParseContext *ctx;
  ZbSheet *sheet;
  GPtrArray *strings;  /* not owned */
  GArray *date_styles; /* not owned; gboolean per cell format */
  gboolean date1904;
  GCancellable *cancellable;
  GString *text;
  const char *true_text;
  const char *false_text;

  guint rph_depth; /* inside phonetic runs, whose text is not part of the cell's */
  gboolean in_t;

  /* shared strings */
  gboolean in_si;

  /* worksheet */
  gboolean in_sheet_data;
  gboolean in_row;
  guint row_number;
  gboolean in_cell;
  guint column;
  guint next_column;
  char cell_type[16];
  guint style;
  gboolean in_v;
  gboolean in_is;
  gboolean has_value;
  guint n_rows;
};

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
attribute (const char **names, const char **values, const char *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static gboolean
set_damaged (GError **error, const char *why)
{
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
               _ ("The workbook is damaged and cannot be read. Please open it in Excel or WPS and "
                  "save it again."));
  g_debug ("XLSX sheet: %s", why);
  return FALSE;
}

static void
parser_text (GMarkupParseContext *ctx, const char *text, gsize length, gpointer data,
             GError **error)
{
  ZbXlsxParser *self = data;

  if ((self->in_t && self->rph_depth == 0) || self->in_v)
    {
      if (self->text->len + length > 32 * 1024 * 1024)
        {
          g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
                       _ ("A cell of the workbook holds more text than can be imported."));
          return;
        }
      g_string_append_len (self->text, text, length);
    }
}

/* Shared strings ---------------------------------------------------------------- */

static void
sst_start (GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
           gpointer data, GError **error)
{
  ZbXlsxParser *self = data;
  const char *name = local_name (element);

  if (strcmp (name, "si") == 0)
    {
      self->in_si = TRUE;
      self->rph_depth = 0;
      g_string_truncate (self->text, 0);
    }
  else if (!self->in_si)
    return;
  else if (strcmp (name, "rPh") == 0)
    self->rph_depth++;
  else if (strcmp (name, "t") == 0)
    self->in_t = TRUE;
}

static void
sst_end (GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
  ZbXlsxParser *self = data;
  const char *name = local_name (element);
  const char *stored;

  if (!self->in_si)
    return;

  if (strcmp (name, "t") == 0)
    self->in_t = FALSE;
  else if (strcmp (name, "rPh") == 0 && self->rph_depth > 0)
    self->rph_depth--;
  else if (strcmp (name, "si") == 0)
    {
      self->in_si = FALSE;
      _zb_xlsx_decode_escapes (self->text);
      stored = _zb_sheet_intern (self->sheet, self->text->str, self->text->len);
      if (stored == NULL || self->strings->len >= ZB_SHEET_MAX_CELLS)
        {
          g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
                       _ ("The workbook holds more text than can be imported. Split it into "
                          "several files."));
          return;
        }
      g_ptr_array_add (self->strings, (gpointer)stored);
    }
}

/* Worksheet ------------------------------------------------------------------ */

/* "AB12" → column 27 (from 0). FALSE when there are no letters or too many. */
static gboolean
parse_cell_column (const char *ref, guint *column)
{
  guint col = 0, n = 0;

  for (; g_ascii_isalpha (*ref); ref++)
    {
      if (++n > 3)
        return FALSE;
      col = col * 26 + (guint)(g_ascii_toupper (*ref) - 'A' + 1);
    }
  if (n == 0 || col > ZB_SHEET_MAX_COLUMNS)
    return FALSE;

  *column = col - 1;
  return TRUE;
}

static gboolean
parse_uint (const char *text, guint max, guint *value)
{
  char *end = NULL;
  guint64 v;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  v = g_ascii_strtoull (text, &end, 10);
  if (*end != '\0' || v > max)
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

static void
sheet_start (GMarkupParseContext *ctx, const char *element, const char **names, const char **values,
             gpointer data, GError **error)
{
  ZbXlsxParser *self = data;
  const char *name = local_name (element);

  if (strcmp (name, "sheetData") == 0)
    self->in_sheet_data = TRUE;
  else if (!self->in_sheet_data)
    return;
  else if (strcmp (name, "row") == 0)
    {
      const char *r = attribute (names, values, "r");
      guint number = self->row_number + 1;

      if (self->in_row)
        {
          set_damaged (error, "row inside row");
          return;
        }
      if (r != NULL && !parse_uint (r, ZB_SHEET_MAX_ROWS, &number))
        {
          set_damaged (error, "bad row number");
          return;
        }
      if (number == 0 || number > ZB_SHEET_MAX_ROWS)
        {
          set_damaged (error, "row number out of range");
          return;
        }
      self->row_number = number;
      self->in_row = TRUE;
      self->next_column = 0;
      _zb_sheet_begin_row (self->sheet, number);
    }
  else if (!self->in_row)
    return;
  else if (strcmp (name, "c") == 0)
    {
      const char *r = attribute (names, values, "r");
      const char *t = attribute (names, values, "t");
      const char *s = attribute (names, values, "s");

      self->in_cell = TRUE;
      self->has_value = FALSE;
      self->rph_depth = 0;
      g_string_truncate (self->text, 0);
      if (r != NULL ? !parse_cell_column (r, &self->column)
                    : (self->column = self->next_column) >= ZB_SHEET_MAX_COLUMNS)
        {
          set_damaged (error, "bad cell reference");
          return;
        }
      g_strlcpy (self->cell_type, t != NULL ? t : "n", sizeof self->cell_type);
      if (s == NULL || !parse_uint (s, G_MAXUINT32, &self->style))
        self->style = 0;
    }
  else if (!self->in_cell)
    return;
  else if (strcmp (name, "v") == 0)
    {
      self->in_v = TRUE;
      self->has_value = TRUE;
    }
  else if (strcmp (name, "is") == 0)
    {
      self->in_is = TRUE;
      self->has_value = TRUE;
    }
  else if (self->in_is && strcmp (name, "rPh") == 0)
    self->rph_depth++;
  else if (self->in_is && strcmp (name, "t") == 0)
    self->in_t = TRUE;
}

static gboolean
add_number_cell (ZbXlsxParser *self, GError **error)
{
  char *text = g_strstrip (self->text->str);
  char *end = NULL;
  const char *stored;
  double number;
  GDate date;

  if (*text == '\0')
    return TRUE;

  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return _zb_sheet_add_text (self->sheet, self->column, text, -1, error);

  if (self->style < self->date_styles->len
      && g_array_index (self->date_styles, gboolean, self->style)
      && zb_office_date_from_serial (number, self->date1904, &date))
    {
      char iso[11];

      zb_office_date_to_iso (&date, iso);
      stored = _zb_sheet_intern (self->sheet, iso, -1);
      return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_DATE, stored, number, error);
    }

  stored = _zb_sheet_intern (self->sheet, text, -1);
  return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_NUMBER, stored, number, error);
}

static gboolean
finish_cell (ZbXlsxParser *self, GError **error)
{
  const char *type = self->cell_type;

  if (!self->has_value)
    return TRUE;

  if (strcmp (type, "s") == 0)
    {
      guint index;

      if (!parse_uint (g_strstrip (self->text->str), G_MAXUINT32, &index)
          || index >= self->strings->len)
        return set_damaged (error, "shared string index out of range");
      if (*(const char *)self->strings->pdata[index] == '\0')
        return TRUE;
      return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_TEXT,
                                 self->strings->pdata[index], 0, error);
    }

  if (strcmp (type, "inlineStr") == 0 || strcmp (type, "str") == 0)
    {
      _zb_xlsx_decode_escapes (self->text);
      if (self->text->len == 0)
        return TRUE;
      return _zb_sheet_add_text (self->sheet, self->column, self->text->str, self->text->len,
                                 error);
    }

  if (strcmp (type, "b") == 0)
    {
      gboolean value = strcmp (g_strstrip (self->text->str), "1") == 0;

      return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_BOOLEAN,
                                 value ? self->true_text : self->false_text, value, error);
    }

  if (strcmp (type, "e") == 0)
    {
      const char *stored = _zb_sheet_intern (self->sheet, self->text->str, self->text->len);

      return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_ERROR, stored, 0, error);
    }

  if (strcmp (type, "d") == 0)
    {
      /* ISO 8601 in strict OOXML: the date part is what a roster needs */
      GDate date;
      g_autofree char *day = g_strndup (g_strstrip (self->text->str), 10);

      if (zb_office_date_parse (day, &date) == ZB_OFFICE_DATE_DAY)
        {
          const char *stored = _zb_sheet_intern (self->sheet, day, -1);

          return _zb_sheet_add_cell (self->sheet, self->column, ZB_CELL_DATE, stored, 0, error);
        }
      return _zb_sheet_add_text (self->sheet, self->column, self->text->str, -1, error);
    }

  return add_number_cell (self, error);
}

static void
sheet_end (GMarkupParseContext *ctx, const char *element, gpointer data, GError **error)
{
  ZbXlsxParser *self = data;
  const char *name = local_name (element);

  if (!self->in_sheet_data)
    return;

  if (strcmp (name, "sheetData") == 0)
    self->in_sheet_data = FALSE;
  else if (strcmp (name, "row") == 0 && self->in_row)
    {
      self->in_row = FALSE;
      if (!_zb_sheet_end_row (self->sheet, error))
        return;
      if ((++self->n_rows & 0xFFF) == 0)
        g_cancellable_set_error_if_cancelled (self->cancellable, error);
    }
  else if (!self->in_cell)
    return;
  else if (strcmp (name, "c") == 0)
    {
      self->in_cell = FALSE;
      self->in_v = self->in_is = self->in_t = FALSE;
      self->next_column = self->column + 1;
      finish_cell (self, error);
    }
  else if (strcmp (name, "v") == 0)
    self->in_v = FALSE;
  else if (strcmp (name, "is") == 0)
    self->in_is = FALSE;
  else if (strcmp (name, "rPh") == 0 && self->rph_depth > 0)
    self->rph_depth--;
  else if (strcmp (name, "t") == 0)
    self->in_t = FALSE;
}

/* The parser object ------------------------------------------------------------ */

static ZbXlsxParser *
parser_new (ParserKind kind, const GMarkupParser *callbacks, ZbSheet *sheet)
{
  ZbXlsxParser *self = g_new0 (ZbXlsxParser, 1);

  self->kind = kind;
  self->sheet = zb_sheet_ref (sheet);
  self->text = g_string_sized_new (256);
  self->ctx = g_markup_parse_context_new (callbacks, 0, self, NULL);
  return self;
}

ZbXlsxParser *
_zb_xlsx_shared_strings_parser_new (ZbSheet *sheet, GPtrArray *strings)
{
  static const GMarkupParser callbacks = { sst_start, sst_end, parser_text, NULL, NULL };
  ZbXlsxParser *self = parser_new (PARSER_SHARED_STRINGS, &callbacks, sheet);

  self->strings = strings;
  return self;
}

ZbXlsxParser *
_zb_xlsx_sheet_parser_new (ZbSheet *sheet, GPtrArray *strings, GArray *date_styles,
                           gboolean date1904, GCancellable *cancellable)
{
  static const GMarkupParser callbacks = { sheet_start, sheet_end, parser_text, NULL, NULL };
  ZbXlsxParser *self = parser_new (PARSER_SHEET, &callbacks, sheet);

  self->strings = strings;
  self->date_styles = date_styles;
  self->date1904 = date1904;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->true_text = _zb_sheet_intern (sheet, "TRUE", -1);
  self->false_text = _zb_sheet_intern (sheet, "FALSE", -1);
  return self;
}

static gboolean
propagate (GError *local_error, GError **error)
{
  if (local_error->domain == ZB_EXCHANGE_ERROR || local_error->domain == G_IO_ERROR)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  set_damaged (error, local_error->message);
  g_error_free (local_error);
  return FALSE;
}

gboolean
_zb_xlsx_parser_feed (ZbXlsxParser *self, const char *data, gsize length, GError **error)
{
  GError *local_error = NULL;

  if (!g_markup_parse_context_parse (self->ctx, data, length, &local_error))
    return propagate (local_error, error);
  return TRUE;
}

gboolean
_zb_xlsx_parser_finish (ZbXlsxParser *self, GError **error)
{
  GError *local_error = NULL;

  if (!g_markup_parse_context_end_parse (self->ctx, &local_error))
    return propagate (local_error, error);

  /* a row left open by a truncated part */
  if (self->in_row)
    {
      self->in_row = FALSE;
      return _zb_sheet_end_row (self->sheet, error);
    }
  return TRUE;
}

void
_zb_xlsx_parser_free (ZbXlsxParser *self)
{
  if (self == NULL)
    return;

  /* a row begun but never ended must be closed before the sheet is used */
  if (self->in_row)
    _zb_sheet_end_row (self->sheet, NULL);
  g_markup_parse_context_free (self->ctx);
  g_string_free (self->text, TRUE);
  g_clear_object (&self->cancellable);
  zb_sheet_unref (self->sheet);
  g_free (self);
}
