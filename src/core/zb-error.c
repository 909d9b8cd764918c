/* zb-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-error.h"

G_DEFINE_QUARK (zb - database - error - quark, zb_database_error)
G_DEFINE_QUARK (zb - key - store - error - quark, zb_key_store_error)
G_DEFINE_QUARK (zb - audit - error - quark, zb_audit_error)
