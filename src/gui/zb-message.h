/* zb-message.h — telling the user what happened, with one button to close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Presents @heading and @body (a translated sentence, e.g. an error's
 * message) over @parent, with a Close button that Escape also answers. */
void zb_message_tell (GtkWindow *parent, const char *heading, const char *body);

G_END_DECLS
