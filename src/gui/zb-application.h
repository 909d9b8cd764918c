/* zb-application.h — the Zhibu application: app actions, About, accelerators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ZB_TYPE_APPLICATION (zb_application_get_type ())

G_DECLARE_FINAL_TYPE (ZbApplication, zb_application, ZB, APPLICATION, AdwApplication)

/* APPLICATION_ID, with G_APPLICATION_NON_UNIQUE when $ZB_NON_UNIQUE is set (tests
 * run several instances on one bus). */
ZbApplication *zb_application_new (void);

G_END_DECLS
