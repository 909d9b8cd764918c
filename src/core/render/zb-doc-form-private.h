/* zb-doc-form-private.h — what the official forms share: texts that may be
 * missing, dates as forms write them, the rows of a label/value table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-table.h"

G_BEGIN_DECLS

/* The text of the forms is official Chinese whatever the language of the
 * interface, so none of what these make is translated. */

static inline const char *
_zb_doc_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static inline gboolean
_zb_doc_is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* @date as "2026年11月27日"; "" when invalid. */
char *_zb_doc_long_gdate (const GDate *date);
/* @date as "2026.11.27", short enough for a narrow column; "" when invalid. */
char *_zb_doc_short_gdate (const GDate *date);
/* The same of "YYYY-MM-DD"; anything else as it is, NULL → "". */
char *_zb_doc_long_date (const char *date);
char *_zb_doc_short_date (const char *date);

/* A row of a four-column form: label and value, or label, value, label,
 * value (@cells NULL-terminated). A lone value runs over the three value
 * columns. Returns the row. */
guint _zb_doc_form_row (ZbTable *table, const char *const *cells);

G_END_DECLS
