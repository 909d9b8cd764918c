/* zb-exchange-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "zb-exchange-error.h"

G_DEFINE_QUARK (zb - exchange - error - quark, zb_exchange_error)
