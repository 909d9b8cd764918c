/* fuzz-xlsx-xml.c — the XML parts of an XLSX file one by one: the first byte
 * chooses the parser (shared strings, sheet, styles, workbook, rels), the rest
 * is the part, fed in two chunks split where the second byte says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-xlsx-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
feed (ZbXlsxParser *parser, const char *xml, size_t length, size_t split)
{
  g_autoptr (GError) error = NULL;

  split = MIN (split, length);
  if (_zb_xlsx_parser_feed (parser, xml, split, &error)
      && _zb_xlsx_parser_feed (parser, xml + split, length - split, &error))
    _zb_xlsx_parser_finish (parser, &error);
}

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  const char *xml;
  size_t length, split;

  if (size < 2)
    return 0;
  xml = (const char *)data + 2;
  length = size - 2;
  split = data[1] * length / 255;

  switch (data[0] % 5)
    {
    case 0:
      {
        g_autoptr (ZbSheet) sheet = _zb_sheet_new ("xlsx");
        g_autoptr (GPtrArray) strings = g_ptr_array_new ();
        g_autoptr (ZbXlsxParser) parser = _zb_xlsx_shared_strings_parser_new (sheet, strings);

        feed (parser, xml, length, split);
        for (guint i = 0; i < strings->len; i++)
          g_assert (strings->pdata[i] != NULL);
        break;
      }
    case 1:
      {
        /* a sheet with a few shared strings and a date style to refer to */
        g_autoptr (ZbSheet) sheet = _zb_sheet_new ("xlsx");
        g_autoptr (GPtrArray) strings = g_ptr_array_new ();
        g_autoptr (GArray) dates = g_array_new (FALSE, TRUE, sizeof (gboolean));
        g_autoptr (ZbXlsxParser) parser = NULL;
        gboolean yes = TRUE, no = FALSE;

        g_ptr_array_add (strings, (gpointer)_zb_sheet_intern (sheet, "姓名", -1));
        g_ptr_array_add (strings, (gpointer)_zb_sheet_intern (sheet, "", -1));
        g_array_append_val (dates, no);
        g_array_append_val (dates, yes);
        parser = _zb_xlsx_sheet_parser_new (sheet, strings, dates, data[1] & 1, NULL);
        feed (parser, xml, length, split);
        break;
      }
    case 2:
      {
        g_autoptr (GArray) dates = _zb_xlsx_parse_styles (xml, length, &error);

        g_assert ((dates == NULL) != (error == NULL));
        break;
      }
    case 3:
      {
        g_autofree char *rel_id = NULL;
        gboolean date1904 = FALSE;

        if (_zb_xlsx_parse_workbook (xml, length, &rel_id, &date1904, &error))
          g_assert (rel_id != NULL);
        break;
      }
    default:
      {
        g_autoptr (GPtrArray) rels = _zb_xlsx_parse_rels (xml, length, &error);

        g_assert ((rels == NULL) != (error == NULL));
        break;
      }
    }
  return 0;
}
