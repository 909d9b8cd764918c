/* zb-document-private.h — what the renderer reads of a ZbDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "zb-document.h"
#include "zb-table-private.h"

G_BEGIN_DECLS

typedef enum
{
  ZB_BLOCK_TEXT,
  ZB_BLOCK_TABLE,
  ZB_BLOCK_FIELDS,
  ZB_BLOCK_SIGNATURES,
  ZB_BLOCK_SPACER,
  ZB_BLOCK_PAGE_BREAK,
  ZB_BLOCK_QR,
  ZB_BLOCK_SECRET_KEY,
} ZbBlockKind;

typedef struct
{
  ZbBlockKind kind;
  ZbTextStyle style; /* TEXT */
  /* TEXT: the text; QR and SECRET_KEY: the data encoded; SIGNATURES: the date. */
  char *text;
  ZbTable *table; /* TABLE, FIELDS, SECRET_KEY (the grid) */
  char **labels;  /* SIGNATURES */
  double amount;  /* SPACER: lines; QR: size in mm */
  gboolean sensitive;
} ZbBlock;

guint _zb_document_get_n_blocks (ZbDocument *self);
const ZbBlock *_zb_document_get_block (ZbDocument *self, guint index);

G_END_DECLS
