/* fuzz-text.c — the small parsers of cell text: dates as offices type them,
 * number cells read as dates, headers, number formats, Excel's _xHHHH_
 * escapes, and ID numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "zb-id-number.h"
#include "zb-import-mapping.h"
#include "zb-office-date.h"
#include "zb-xlsx-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr (GString) escaped = g_string_new (text);
  GDate date, today;
  ZbOfficeDate result;

  result = zb_office_date_parse (text, &date);
  if (result == ZB_OFFICE_DATE_DAY || result == ZB_OFFICE_DATE_MONTH)
    {
      char iso[11];

      g_assert (g_date_valid (&date));
      zb_office_date_to_iso (&date, iso);
      /* what it wrote, it reads back as the same day */
      g_assert (zb_office_date_parse (iso, &date) == ZB_OFFICE_DATE_DAY);
    }

  if (size >= sizeof (double))
    {
      double number;

      memcpy (&number, data, sizeof number);
      zb_office_date_from_number (number, NULL, FALSE, &date);
      zb_office_date_from_serial (number, TRUE, &date);
    }

  zb_import_field_from_header (text);
  _zb_xlsx_format_is_date (text);
  _zb_xlsx_decode_escapes (escaped);
  g_assert (escaped->len <= size);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 27, G_DATE_NOVEMBER, 2026);
  zb_id_number_parse (text, &today, NULL);
  return 0;
}
