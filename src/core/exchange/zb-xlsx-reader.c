/* zb-xlsx-reader.c — reading the first sheet of an Office Open XML workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <zip.h>

#include "zb-exchange-error.h"
#include "zb-xlsx-private.h"
#include "zb-xlsx-reader.h"

/* A part that unpacks to more than this, at a ratio above ZIP_BOMB_RATIO, is
 * taken for a zip bomb even below the hard limits: real sheets compress about
 * 5–30 times. */
#define ZIP_BOMB_MIN_BYTES ((zip_uint64_t)64 * 1024 * 1024)
#define ZIP_BOMB_RATIO 400

#define READ_CHUNK (64 * 1024)

static gboolean
set_damaged (GError **error)
{
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_DAMAGED,
               _ ("The workbook is damaged and cannot be read. Please open it in Excel or WPS and "
                  "save it again."));
  return FALSE;
}

static gboolean
set_bomb (GError **error, gsize limit)
{
  g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
               _ ("The workbook unpacks to more than %u MB, or far more than its size suggests: "
                  "it is damaged or not a real roster, and was not read."),
               (guint)(limit / (1024 * 1024)));
  return FALSE;
}

static zip_int64_t
locate (zip_t *zip, const char *name)
{
  zip_int64_t index = zip_name_locate (zip, name, 0);

  if (index < 0)
    index = zip_name_locate (zip, name, ZIP_FL_NOCASE);
  return index;
}

/* Checks the sizes the zip declares before anything is unpacked. */
static gboolean
check_entry (zip_t *zip, zip_uint64_t index, gsize limit, GError **error)
{
  zip_stat_t st;

  zip_stat_init (&st);
  if (zip_stat_index (zip, index, 0, &st) != 0)
    return set_damaged (error);

  if ((st.valid & ZIP_STAT_SIZE) && st.size > limit)
    return set_bomb (error, limit);
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > ZIP_BOMB_MIN_BYTES
      && st.size / MAX (st.comp_size, 1) > ZIP_BOMB_RATIO)
    return set_bomb (error, limit);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                   _ ("The workbook is protected by a password. Please remove the password in "
                      "Excel or WPS and save it again."));
      return FALSE;
    }
  return TRUE;
}

typedef gboolean (*ChunkFunc) (const char *data, gsize length, gpointer user_data, GError **error);

/* Unpacks entry @index chunk by chunk, never more than @limit bytes whatever the
 * zip claims. */
static gboolean
stream_entry (zip_t *zip, zip_uint64_t index, gsize limit, ChunkFunc func, gpointer user_data,
              GCancellable *cancellable, GError **error)
{
  g_autofree char *buf = g_malloc (READ_CHUNK);
  zip_file_t *file;
  gsize total = 0;
  gboolean ok = TRUE;

  if (!check_entry (zip, index, limit, error))
    return FALSE;

  file = zip_fopen_index (zip, index, 0);
  if (file == NULL)
    return set_damaged (error);

  for (;;)
    {
      zip_int64_t n = zip_fread (file, buf, READ_CHUNK);

      if (n < 0)
        {
          g_debug ("zip: %s", zip_file_strerror (file));
          ok = set_damaged (error);
          break;
        }
      if (n == 0)
        break;

      total += (gsize)n;
      if (total > limit)
        {
          ok = set_bomb (error, limit);
          break;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !func (buf, (gsize)n, user_data, error))
        {
          ok = FALSE;
          break;
        }
    }

  zip_fclose (file);
  return ok;
}

static gboolean
append_chunk (const char *data, gsize length, gpointer user_data, GError **error)
{
  g_string_append_len (user_data, data, length);
  return TRUE;
}

/* A small part as text; NULL without error when it is not there. */
static GString *
read_small_part (zip_t *zip, const char *name, GError **error)
{
  zip_int64_t index = locate (zip, name);
  g_autoptr (GString) text = NULL;

  if (index < 0)
    return NULL;

  text = g_string_new (NULL);
  if (!stream_entry (zip, (zip_uint64_t)index, ZB_XLSX_MAX_SMALL_PART_BYTES, append_chunk, text,
                     NULL, error))
    return NULL;

  return g_steal_pointer (&text);
}

static gboolean
feed_parser (const char *data, gsize length, gpointer user_data, GError **error)
{
  return _zb_xlsx_parser_feed (user_data, data, length, error);
}

static gboolean
stream_part (zip_t *zip, const char *name, gsize limit, ZbXlsxParser *parser,
             GCancellable *cancellable, GError **error)
{
  zip_int64_t index = locate (zip, name);

  if (index < 0)
    return set_damaged (error);

  return stream_entry (zip, (zip_uint64_t)index, limit, feed_parser, parser, cancellable, error)
         && _zb_xlsx_parser_finish (parser, error);
}

/* A relationship's target as a part name: relative to the folder of the part
 * the .rels belongs to, or absolute from the package root. */
static char *
resolve_target (const char *base_dir, const char *target)
{
  g_auto (GStrv) segments = NULL;
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (*base_dir != '\0')
    joined = g_strconcat (base_dir, "/", target, NULL);
  else
    joined = g_strdup (target);

  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || strcmp (segments[i], ".") == 0)
        continue;
      if (strcmp (segments[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, segments[i]);
    }
  g_ptr_array_add (out, NULL);

  return g_strjoinv ("/", (char **)out->pdata);
}

static const ZbXlsxRel *
find_rel (GPtrArray *rels, const char *id, const char *type)
{
  for (guint i = 0; rels != NULL && i < rels->len; i++)
    {
      const ZbXlsxRel *rel = rels->pdata[i];

      if ((id == NULL || strcmp (rel->id, id) == 0)
          && (type == NULL || strcmp (rel->type, type) == 0))
        return rel;
    }
  return NULL;
}

static gboolean
is_opendocument (zip_t *zip)
{
  g_autoptr (GString) mimetype = read_small_part (zip, "mimetype", NULL);

  return mimetype != NULL && g_str_has_prefix (mimetype->str, "application/vnd.oasis");
}

typedef struct
{
  char *workbook;
  char *sheet;
  char *shared_strings;
  char *styles;
  gboolean date1904;
} PartNames;

static void
part_names_clear (PartNames *names)
{
  g_free (names->workbook);
  g_free (names->sheet);
  g_free (names->shared_strings);
  g_free (names->styles);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PartNames, part_names_clear)

/* _rels/.rels → the workbook; the workbook → its first sheet; the workbook's
 * rels → that sheet, the shared strings and the styles. */
static gboolean
find_parts (zip_t *zip, PartNames *names, GError **error)
{
  g_autoptr (GString) root_rels_xml = NULL;
  g_autoptr (GString) workbook_xml = NULL;
  g_autoptr (GString) rels_xml = NULL;
  g_autoptr (GPtrArray) root_rels = NULL;
  g_autoptr (GPtrArray) rels = NULL;
  g_autofree char *sheet_id = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels_name = NULL;
  g_autoptr (GError) local_error = NULL;
  const ZbXlsxRel *rel;

  root_rels_xml = read_small_part (zip, "_rels/.rels", &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  if (root_rels_xml != NULL)
    {
      root_rels = _zb_xlsx_parse_rels (root_rels_xml->str, root_rels_xml->len, error);
      if (root_rels == NULL)
        return FALSE;
    }
  rel = find_rel (root_rels, NULL, "officeDocument");
  names->workbook = rel != NULL ? resolve_target ("", rel->target) : g_strdup ("xl/workbook.xml");

  workbook_xml = read_small_part (zip, names->workbook, &local_error);
  if (workbook_xml == NULL)
    {
      if (local_error != NULL)
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      if (is_opendocument (zip))
        g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                     _ ("This is an OpenDocument spreadsheet (.ods). Please save it as .xlsx or "
                        ".csv."));
      else
        g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_UNSUPPORTED,
                     _ ("This file is not an Excel workbook (.xlsx). Please save the roster as "
                        ".xlsx or .csv."));
      return FALSE;
    }
  if (!_zb_xlsx_parse_workbook (workbook_xml->str, workbook_xml->len, &sheet_id, &names->date1904,
                                error))
    return FALSE;

  dir = g_path_get_dirname (names->workbook);
  if (strcmp (dir, ".") == 0)
    {
      g_free (dir);
      dir = g_strdup ("");
    }
  base = g_path_get_basename (names->workbook);
  rels_name = *dir != '\0' ? g_strdup_printf ("%s/_rels/%s.rels", dir, base)
                           : g_strdup_printf ("_rels/%s.rels", base);

  rels_xml = read_small_part (zip, rels_name, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
  if (rels_xml != NULL)
    {
      rels = _zb_xlsx_parse_rels (rels_xml->str, rels_xml->len, error);
      if (rels == NULL)
        return FALSE;
    }

  rel = find_rel (rels, sheet_id, NULL);
  names->sheet
      = rel != NULL ? resolve_target (dir, rel->target) : g_strdup ("xl/worksheets/sheet1.xml");
  rel = find_rel (rels, NULL, "sharedStrings");
  names->shared_strings
      = rel != NULL ? resolve_target (dir, rel->target) : g_strdup ("xl/sharedStrings.xml");
  rel = find_rel (rels, NULL, "styles");
  names->styles = rel != NULL ? resolve_target (dir, rel->target) : g_strdup ("xl/styles.xml");
  return TRUE;
}

static ZbSheet *
read_package (zip_t *zip, GCancellable *cancellable, GError **error)
{
  g_auto (PartNames) names = { 0 };
  g_autoptr (ZbSheet) sheet = _zb_sheet_new ("xlsx");
  g_autoptr (GPtrArray) strings = g_ptr_array_new ();
  g_autoptr (GArray) date_styles = NULL;
  g_autoptr (GString) styles_xml = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (ZbXlsxParser) sheet_parser = NULL;

  if (!find_parts (zip, &names, error))
    return NULL;

  _zb_sheet_set_date1904 (sheet, names.date1904);

  styles_xml = read_small_part (zip, names.styles, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  if (styles_xml != NULL)
    date_styles = _zb_xlsx_parse_styles (styles_xml->str, styles_xml->len, error);
  else
    date_styles = g_array_new (FALSE, FALSE, sizeof (gboolean));
  if (date_styles == NULL)
    return NULL;

  if (locate (zip, names.shared_strings) >= 0)
    {
      g_autoptr (ZbXlsxParser) sst = _zb_xlsx_shared_strings_parser_new (sheet, strings);

      if (!stream_part (zip, names.shared_strings, ZB_XLSX_MAX_PART_BYTES, sst, cancellable, error))
        return NULL;
    }

  sheet_parser
      = _zb_xlsx_sheet_parser_new (sheet, strings, date_styles, names.date1904, cancellable);
  if (!stream_part (zip, names.sheet, ZB_XLSX_MAX_SHEET_BYTES, sheet_parser, cancellable, error))
    return NULL;

  return g_steal_pointer (&sheet);
}

ZbSheet *
zb_xlsx_read_data (const char *data, gsize length, GCancellable *cancellable, GError **error)
{
  zip_error_t zerr;
  zip_source_t *source;
  zip_t *zip;
  ZbSheet *sheet;

  if (length > ZB_XLSX_MAX_FILE_BYTES)
    {
      g_set_error (error, ZB_EXCHANGE_ERROR, ZB_EXCHANGE_ERROR_TOO_LARGE,
                   _ ("The file is larger than %u MB and cannot be imported. Split it into "
                      "several files."),
                   (guint)(ZB_XLSX_MAX_FILE_BYTES / (1024 * 1024)));
      return NULL;
    }

  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, length, 0, &zerr);
  if (source == NULL)
    {
      zip_error_fini (&zerr);
      return set_damaged (error), NULL;
    }

  zip = zip_open_from_source (source, ZIP_RDONLY, &zerr);
  if (zip == NULL)
    {
      g_debug ("zip: %s", zip_error_strerror (&zerr));
      zip_source_free (source);
      zip_error_fini (&zerr);
      return set_damaged (error), NULL;
    }
  zip_error_fini (&zerr);

  sheet = read_package (zip, cancellable, error);
  zip_discard (zip);
  return sheet;
}

ZbSheet *
zb_xlsx_read_file (const char *path, GCancellable *cancellable, GError **error)
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

  return zb_xlsx_read_data (g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped),
                            cancellable, error);
}
