/* zb-csv-reader.c — reading CSV as Excel, WPS and LibreOffice write it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "zb-csv-reader.h"
#include "zb-exchange-error.h"
#include "zb-sheet-private.h"

/* How many lines the separator is guessed from: a title line above the header
 * has no separators, so the header is the line with the most of them. */
#define SNIFF_LINES 20

/* Line number (from 1) of byte @offset of @text. */
static guint
line_of_offset (const char *text, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
      line++;

  return line;
}

static char *
convert_or_fail (const char *data, gsize length, const char *from, gsize *out_length,
                 GError **error)
{
  g_autoptr (GError) local_error = NULL;
  gsize bytes_read = 0;
  char *text = g_convert (data, length, "UTF-8", from, &bytes_read, out_length, &local_error);

  if (text == NULL)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING,
                   _ ("The file’s text could not be read near line %u: it is neither UTF-8 nor "
                      "GB18030/GBK. Please save it again from Excel or WPS as “CSV UTF-8”."),
                   line_of_offset (data, MIN (bytes_read, length)));
      return NULL;
    }

  return text;
}

char *
zb_csv_decode (const char *data, gsize length, const char **encoding, gsize *out_length,
               GError **error)
{
  const char *end = NULL;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    {
      *encoding = "UTF-16";
      return convert_or_fail (data + 2, length - 2, "UTF-16LE", out_length, error);
    }
  if (length >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    {
      *encoding = "UTF-16";
      return convert_or_fail (data + 2, length - 2, "UTF-16BE", out_length, error);
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      if (!g_utf8_validate_len (data, length, &end))
        {
          g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_ENCODING,
                       _ ("The file says it is UTF-8 but line %u is not: it may be damaged."),
                       line_of_offset (data, end - data));
          return NULL;
        }
      *encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }

  /* Valid UTF-8 is almost never valid-looking GB18030 by accident, the other way
   * round often is: so UTF-8 first. */
  if (g_utf8_validate_len (data, length, &end))
    {
      *encoding = "UTF-8";
      *out_length = length;
      return g_strndup (data, length);
    }

  *encoding = "GB18030";
  text = convert_or_fail (data, length, "GB18030", out_length, error);
  return text;
}

/* A separator counted outside quotes, line by line. */
static gunichar
guess_separator (const char *text, gsize length)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint best[G_N_ELEMENTS (candidates)] = { 0 };
  guint count[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint lines = 0;

  for (gsize i = 0; i <= length && lines < SNIFF_LINES; i++)
    {
      char c = i < length ? text[i] : '\n';

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
            {
              best[k] = MAX (best[k], count[k]);
              count[k] = 0;
            }
          lines++;
        }
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            count[k]++;
    }

  /* ties go to the comma, then the tab */
  {
    guint pick = 0;

    for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
      if (best[k] > best[pick])
        pick = k;
    return candidates[pick];
  }
}

/* ="0101" → 0101, with "" inside read as one quote. Returns NULL when @field is
 * not of that form. */
static char *
unwrap_formula_text (const char *field, gsize len)
{
  GString *out;

  if (len < 3 || field[0] != '=' || field[1] != '"' || field[len - 1] != '"')
    return NULL;

  out = g_string_sized_new (len);
  for (gsize i = 2; i < len - 1; i++)
    {
      if (field[i] == '"')
        {
          if (i + 1 < len - 1 && field[i + 1] == '"')
            i++;
          else
            {
              /* a quote alone inside: some other formula, leave it as it is */
              g_string_free (out, TRUE);
              return NULL;
            }
        }
      g_string_append_c (out, field[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
add_field (ZbSheet *sheet, guint column, const char *field, gsize len, GError **error)
{
  g_autofree char *unwrapped = NULL;

  if (len == 0)
    return TRUE;

  if (field[0] == '=' && (unwrapped = unwrap_formula_text (field, len)) != NULL)
    {
      if (*unwrapped == '\0')
        return TRUE;
      return _zb_sheet_add_text (sheet, column, unwrapped, -1, error);
    }

  return _zb_sheet_add_text (sheet, column, field, len, error);
}

typedef struct
{
  const char *text;
  gsize length;
  gsize pos;
  guint line; /* of text[pos] */
} Scanner;

static inline void
skip_line_end (Scanner *s)
{
  if (s->text[s->pos] == '\r' && s->pos + 1 < s->length && s->text[s->pos + 1] == '\n')
    s->pos++;
  s->pos++;
  s->line++;
}

/* Reads one quoted field starting at the opening quote into @buf, then any
 * stray text up to the separator or line end (kept, as spreadsheets do). */
static gboolean
read_quoted (Scanner *s, char sep, GString *buf, GError **error)
{
  guint start_line = s->line;

  g_string_truncate (buf, 0);
  s->pos++; /* the opening quote */

  for (;;)
    {
      gsize run = s->pos;

      if (s->pos >= s->length)
        {
          g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
                       _ ("A quotation mark opened on line %u is never closed, so the rest of "
                          "the file cannot be read. Check that line in a text editor."),
                       start_line);
          return FALSE;
        }

      while (run < s->length && s->text[run] != '"' && s->text[run] != '\n' && s->text[run] != '\r')
        run++;
      g_string_append_len (buf, s->text + s->pos, run - s->pos);
      s->pos = run;
      if (s->pos >= s->length)
        continue;

      if (s->text[s->pos] == '"')
        {
          if (s->pos + 1 < s->length && s->text[s->pos + 1] == '"')
            {
              g_string_append_c (buf, '"');
              s->pos += 2;
              continue;
            }
          s->pos++;
          break;
        }

      /* a line break inside quotes belongs to the field, as "\n" */
      g_string_append_c (buf, '\n');
      skip_line_end (s);
    }

  while (s->pos < s->length && s->text[s->pos] != sep && s->text[s->pos] != '\n'
         && s->text[s->pos] != '\r')
    g_string_append_c (buf, s->text[s->pos++]);

  return TRUE;
}

static gboolean
parse_text (ZbSheet *sheet, Scanner *s, char sep, GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  guint rows = 0;

  while (s->pos < s->length)
    {
      guint column = 0;

      if ((++rows & 0xFFF) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      _zb_sheet_begin_row (sheet, s->line);

      for (;;)
        {
          if (s->pos < s->length && s->text[s->pos] == '"')
            {
              if (!read_quoted (s, sep, buf, error)
                  || !add_field (sheet, column, buf->str, buf->len, error))
                return FALSE;
            }
          else
            {
              gsize start = s->pos;

              while (s->pos < s->length && s->text[s->pos] != sep && s->text[s->pos] != '\n'
                     && s->text[s->pos] != '\r')
                s->pos++;
              if (!add_field (sheet, column, s->text + start, s->pos - start, error))
                return FALSE;
            }

          if (s->pos < s->length && s->text[s->pos] == sep)
            {
              s->pos++;
              column++;
              continue;
            }
          break;
        }

      if (s->pos < s->length)
        skip_line_end (s);

      if (!_zb_sheet_end_row (sheet, error))
        return FALSE;
    }

  return TRUE;
}

ZbSheet *
zb_csv_read_data (const char *data, gsize length, GCancellable *cancellable, GError **error)
{
  g_autoptr (ZbSheet) sheet = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gsize text_length = 0;
  Scanner s = { 0 };
  char sep;

  if (length > ZB_CSV_MAX_BYTES)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
                   _ ("The file is larger than %u MB and cannot be imported. Split it into "
                      "several files."),
                   (guint)(ZB_CSV_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  text = zb_csv_decode (data, length, &encoding, &text_length, error);
  if (text == NULL)
    return NULL;

  if (memchr (text, '\0', text_length) != NULL)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                   _ ("This is not a text (CSV) file. Please open it in Excel or WPS and save it "
                      "as .xlsx or .csv."));
      return NULL;
    }

  s.text = text;
  s.length = text_length;
  s.line = 1;

  /* Excel's own way of naming the separator: a first line "sep=;". */
  if (text_length >= 5 && g_ascii_strncasecmp (text, "sep=", 4) == 0
      && (text_length == 5 || text[5] == '\r' || text[5] == '\n'))
    {
      sep = text[4];
      if (sep == '"')
        sep = ',';
      s.pos = 5;
      if (s.pos < s.length)
        skip_line_end (&s);
    }
  else
    sep = (char)guess_separator (text, text_length);

  sheet = _zb_sheet_new ("csv");
  _zb_sheet_set_csv_info (sheet, encoding, (guchar)sep);

  if (!parse_text (sheet, &s, sep, cancellable, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

ZbSheet *
zb_csv_read_file (const char *path, GCancellable *cancellable, GError **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_FAILED,
                   _ ("The file “%s” could not be read: %s"), name, local_error->message);
      return NULL;
    }

  return zb_csv_read_data (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                           cancellable, error);
}
