/* zb-page-setup.c — paper, margins and type sizes of the two document set-ups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-page-setup.h"

#define A4_SHORT ZB_MM_TO_PT (210.0)
#define A4_LONG ZB_MM_TO_PT (297.0)

void
zb_page_setup_get_geometry (ZbPageSetup setup, ZbPageGeometry *geometry)
{
  g_return_if_fail (geometry != NULL);

  if (setup == ZB_PAGE_SETUP_REGISTER)
    {
      /* No standard fixes registers; these leave room for binding on the left,
       * the running header above and the page number and QR code below. */
      *geometry = (ZbPageGeometry){
        .paper_width = A4_LONG,
        .paper_height = A4_SHORT,
        .margin_top = ZB_MM_TO_PT (20.0),
        .margin_bottom = ZB_MM_TO_PT (22.0),
        .margin_left = ZB_MM_TO_PT (20.0),
        .margin_right = ZB_MM_TO_PT (15.0),
        .title_size = 18.0,
        .title_advance = 28.0,
        .body_size = 12.0,
        .body_advance = 20.0,
        .note_size = 10.5,
        .note_advance = 16.0,
        .table_size = 10.5,
        .table_advance = 14.0,
        .page_number_size = 12.0,
        .page_number_outside = FALSE,
        .footer_qr_size = ZB_MM_TO_PT (14.0),
      };
      return;
    }

  /* GB/T 9704-2012: 版心 156 × 225 mm; 三号 body on a fixed 28 pt pitch gives
   * the standard 22 lines a page; 二号 title; 四号 page numbers. */
  *geometry = (ZbPageGeometry){
    .paper_width = A4_SHORT,
    .paper_height = A4_LONG,
    .margin_top = ZB_MM_TO_PT (37.0),
    .margin_bottom = ZB_MM_TO_PT (35.0),
    .margin_left = ZB_MM_TO_PT (28.0),
    .margin_right = ZB_MM_TO_PT (26.0),
    .title_size = 22.0,
    .title_advance = 36.0,
    .body_size = 16.0,
    .body_advance = 28.0,
    .note_size = 14.0,
    .note_advance = 22.0,
    .table_size = 12.0,
    .table_advance = 18.0,
    .page_number_size = 14.0,
    .page_number_outside = TRUE,
    .footer_qr_size = ZB_MM_TO_PT (15.0),
  };
}
