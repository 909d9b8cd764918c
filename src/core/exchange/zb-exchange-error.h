/* zb-exchange-error.h — why a file could not be read or written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZB_EXCHANGE_ERROR (zb_exchange_error_quark ())

/* Messages are translated sentences for the user; they never hold raw library
 * codes. Problems of single records are not errors: they are in the import
 * report (zb-importer.h). */
typedef enum
{
  ZB_EXCHANGE_ERROR_FAILED,      /* reading or writing the file failed */
  ZB_EXCHANGE_ERROR_UNSUPPORTED, /* a format we do not read (.xls, .ods, …) */
  ZB_EXCHANGE_ERROR_DAMAGED,     /* not a valid CSV/XLSX file: broken zip, XML, quoting */
  ZB_EXCHANGE_ERROR_ENCODING,    /* text in no encoding we know */
  ZB_EXCHANGE_ERROR_TOO_LARGE,   /* over a limit (file size, rows, zip bomb) */
  ZB_EXCHANGE_ERROR_NO_HEADER,   /* no header row with the columns of a roster */
  ZB_EXCHANGE_ERROR_NOT_FOUND,   /* no such import batch, or nothing to undo */
  ZB_EXCHANGE_ERROR_UNDONE,      /* the import batch was undone already */
  ZB_EXCHANGE_ERROR_IN_USE,      /* other records name imported members: no undo */
} ZbExchangeError;

GQuark zb_exchange_error_quark (void);

G_END_DECLS
