/* zb-secret.h — a database key or passphrase held in wiped, unswappable memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a workspace's key is protected. */
typedef enum
{
  ZB_PROTECTION_KEYRING,    /* random 256-bit raw key kept in the Secret Service */
  ZB_PROTECTION_PASSPHRASE, /* a passphrase, stretched by SQLCipher's own KDF */
} ZbProtection;

typedef enum
{
  ZB_SECRET_RAW_KEY,
  ZB_SECRET_PASSPHRASE,
} ZbSecretKind;

#define ZB_RAW_KEY_BYTES 32
#define ZB_PASSPHRASE_MIN_CHARS 8

typedef struct _ZbSecret ZbSecret;

ZbSecret *zb_secret_new_random_key (GError **error);
ZbSecret *zb_secret_new_from_hex (const char *hex, GError **error);
ZbSecret *zb_secret_new_passphrase (const char *passphrase);
ZbSecret *zb_secret_copy (const ZbSecret *self);
void zb_secret_free (ZbSecret *self);
ZbSecretKind zb_secret_get_kind (const ZbSecret *self);
/* The bytes handed to sqlite3_key(): the passphrase, or "x'<64 hex>'" for a raw key. */
const char *zb_secret_get_sqlcipher_key (const ZbSecret *self, gsize *length);
/* The raw key as 64 lower-case hex digits (raw keys only), in secure memory:
 * free with zb_secret_wipe_string(). */
char *zb_secret_dup_hex (const ZbSecret *self);
/* The raw key as 16 groups of four upper-case hex digits, for the recovery sheet. */
char *zb_secret_dup_grouped_hex (const ZbSecret *self);
gboolean zb_secret_equal (const ZbSecret *a, const ZbSecret *b);
void zb_secret_wipe_string (char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ZbSecret, zb_secret_free)

G_END_DECLS
