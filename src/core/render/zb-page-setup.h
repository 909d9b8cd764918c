/* zb-page-setup.h — paper, margins and type sizes of the two document set-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZB_MM_TO_PT(mm) ((mm)*72.0 / 25.4)

typedef enum
{
  /* A4 portrait, GB/T 9704-2012: the layout of 公文, 决议, 报告 and most forms. */
  ZB_PAGE_SETUP_OFFICIAL,
  /* A4 landscape with smaller type: 名册, 台账 and other wide registers. */
  ZB_PAGE_SETUP_REGISTER,
} ZbPageSetup;

/* Every length is in points (1/72 inch). */
typedef struct
{
  double paper_width;
  double paper_height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;

  double title_size; /* 方正小标宋 二号 in 公文 */
  double title_advance;
  double body_size;    /* 仿宋 三号 in 公文 */
  double body_advance; /* fixed line pitch */
  double note_size;
  double note_advance;
  double table_size;
  double table_advance;
  double page_number_size;
  /* GB/T 9704: odd page numbers on the right, even ones on the left. When
   * FALSE the number is centred. */
  gboolean page_number_outside;
  /* Side of the small verification QR code in the footer. */
  double footer_qr_size;
} ZbPageGeometry;

void zb_page_setup_get_geometry (ZbPageSetup setup, ZbPageGeometry *geometry);

G_END_DECLS
