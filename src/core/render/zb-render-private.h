/* zb-render-private.h — shared internals of the document renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <pango/pango.h>

G_BEGIN_DECLS

typedef enum
{
  ZB_FONT_TITLE,   /* 小标宋 */
  ZB_FONT_BODY,    /* 仿宋 */
  ZB_FONT_HEADING, /* 黑体 */
  ZB_FONT_KAI,     /* 楷体 */
  ZB_FONT_SONG,    /* 宋体: page numbers */
  ZB_FONT_MONO,    /* recovery keys, commands */
  ZB_N_FONTS
} ZbFontRole;

/* A new description of the face chosen for @role at @size points: the first
 * installed family of the role's preference list, else the Noto CJK fallback
 * (fonts-noto-cjk is a dependency). When the fallback stands in for a face that
 * is bold by design (小标宋), the weight makes up for it. */
PangoFontDescription *_zb_render_font_for_role (ZbFontRole role, double size);
/* The family chosen for @role; for tests and diagnostics. */
const char *_zb_render_font_family (ZbFontRole role);

/* The canonical content serialisation (see zb-document.c) writes every field as
 * "<byte length>:<bytes>" so that no text can forge a field boundary. */
static inline void
_zb_content_append (GString *out, const char *text)
{
  char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);

  if (nfc == NULL) /* not UTF-8; hash the bytes as they are */
    nfc = g_strdup (text);
  g_string_append_printf (out, "%zu:%s", strlen (nfc), nfc);
  g_free (nfc);
}

G_END_DECLS
