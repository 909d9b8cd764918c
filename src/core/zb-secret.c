/* zb-secret.c — a database key or passphrase held in wiped, unswappable memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "zhibu-secret"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "zb-secret.h"

/* "x'" + 64 hex digits + "'" + NUL */
#define SQLCIPHER_RAW_KEY_LEN (2 + ZB_RAW_KEY_BYTES * 2 + 1 + 1)

struct _ZbSecret
{
  ZbSecretKind kind;
  gsize length; /* of key, without the NUL */
  guint8 raw[ZB_RAW_KEY_BYTES];
  gsize alloc; /* bytes allocated for key, locked in memory */
  char *key;   /* what sqlite3_key() receives */
};

/* Secret bytes live in memory that is locked (best effort: mlock may be refused by
 * RLIMIT_MEMLOCK, which only means the page could be swapped) and wiped before it
 * is freed. */
static char *
secure_alloc (gsize size)
{
  char *mem = g_malloc0 (size);

  if (mlock (mem, size) != 0)
    g_debug ("mlock refused (%s); secret memory may be swapped", g_strerror (errno));
  return mem;
}

static void
secure_free (char *mem, gsize size)
{
  if (mem == NULL)
    return;
  explicit_bzero (mem, size);
  munlock (mem, size);
  g_free (mem);
}

static ZbSecret *
secret_new_raw (const guint8 raw[ZB_RAW_KEY_BYTES])
{
  static const char hex[] = "0123456789abcdef";
  ZbSecret *self = (ZbSecret *)secure_alloc (sizeof (ZbSecret));
  char *p;

  self->kind = ZB_SECRET_RAW_KEY;
  memcpy (self->raw, raw, ZB_RAW_KEY_BYTES);
  self->alloc = SQLCIPHER_RAW_KEY_LEN;
  self->key = secure_alloc (self->alloc);
  p = self->key;
  *p++ = 'x';
  *p++ = '\'';
  for (guint i = 0; i < ZB_RAW_KEY_BYTES; i++)
    {
      *p++ = hex[raw[i] >> 4];
      *p++ = hex[raw[i] & 0xf];
    }
  *p++ = '\'';
  *p = '\0';
  self->length = p - self->key;
  return self;
}

ZbSecret *
zb_secret_new_random_key (GError **error)
{
  guint8 raw[ZB_RAW_KEY_BYTES];
  gsize filled = 0;
  ZbSecret *self;

  /* getrandom(2) blocks only until the kernel's pool is initialised once after boot. */
  while (filled < sizeof raw)
    {
      ssize_t n = getrandom (raw + filled, sizeof raw - filled, 0);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          explicit_bzero (raw, sizeof raw);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _ ("The system could not provide random numbers for a new key."));
          return NULL;
        }
      filled += n;
    }

  self = secret_new_raw (raw);
  explicit_bzero (raw, sizeof raw);
  return self;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

ZbSecret *
zb_secret_new_from_hex (const char *hex, GError **error)
{
  guint8 raw[ZB_RAW_KEY_BYTES];
  guint n = 0;
  ZbSecret *self;

  g_return_val_if_fail (hex != NULL, NULL);

  /* Accept the grouped form of the recovery sheet: spaces, dashes and newlines
   * between digits are ignored. */
  for (const char *p = hex; *p != '\0'; p++)
    {
      int hi, lo;

      if (*p == ' ' || *p == '-' || *p == '\n' || *p == '\r' || *p == '\t')
        continue;
      hi = hex_value (*p);
      lo = p[1] != '\0' ? hex_value (p[1]) : -1;
      if (hi < 0 || lo < 0 || n >= ZB_RAW_KEY_BYTES)
        {
          explicit_bzero (raw, sizeof raw);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _ ("The key must be 64 hexadecimal digits."));
          return NULL;
        }
      raw[n++] = (guint8)(hi << 4 | lo);
      p++;
    }

  if (n != ZB_RAW_KEY_BYTES)
    {
      explicit_bzero (raw, sizeof raw);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("The key must be 64 hexadecimal digits."));
      return NULL;
    }

  self = secret_new_raw (raw);
  explicit_bzero (raw, sizeof raw);
  return self;
}

ZbSecret *
zb_secret_new_passphrase (const char *passphrase)
{
  ZbSecret *self;

  g_return_val_if_fail (passphrase != NULL, NULL);

  self = (ZbSecret *)secure_alloc (sizeof (ZbSecret));
  self->kind = ZB_SECRET_PASSPHRASE;
  self->length = strlen (passphrase);
  self->alloc = self->length + 1;
  self->key = secure_alloc (self->alloc);
  memcpy (self->key, passphrase, self->length);
  return self;
}

ZbSecret *
zb_secret_copy (const ZbSecret *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == ZB_SECRET_RAW_KEY)
    return secret_new_raw (self->raw);
  return zb_secret_new_passphrase (self->key);
}

void
zb_secret_free (ZbSecret *self)
{
  if (self == NULL)
    return;
  secure_free (self->key, self->alloc);
  secure_free ((char *)self, sizeof (ZbSecret));
}

ZbSecretKind
zb_secret_get_kind (const ZbSecret *self)
{
  return self->kind;
}

const char *
zb_secret_get_sqlcipher_key (const ZbSecret *self, gsize *length)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (length != NULL)
    *length = self->length;
  return self->key;
}

char *
zb_secret_dup_hex (const ZbSecret *self)
{
  char *hex;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == ZB_SECRET_RAW_KEY, NULL);

  /* The key text minus the x'…' around it. */
  hex = secure_alloc (ZB_RAW_KEY_BYTES * 2 + 1);
  memcpy (hex, self->key + 2, ZB_RAW_KEY_BYTES * 2);
  return hex;
}

char *
zb_secret_dup_grouped_hex (const ZbSecret *self)
{
  /* 16 groups of 4, separated by spaces */
  gsize len = ZB_RAW_KEY_BYTES * 2 + ZB_RAW_KEY_BYTES / 2;
  char *out;
  char *p;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->kind == ZB_SECRET_RAW_KEY, NULL);

  out = secure_alloc (len);
  p = out;
  for (guint i = 0; i < ZB_RAW_KEY_BYTES * 2; i++)
    {
      if (i > 0 && i % 4 == 0)
        *p++ = ' ';
      *p++ = g_ascii_toupper (self->key[2 + i]);
    }
  *p = '\0';
  return out;
}

gboolean
zb_secret_equal (const ZbSecret *a, const ZbSecret *b)
{
  guint8 diff = 0;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind || a->length != b->length)
    return FALSE;
  /* Constant time over the common length. */
  for (gsize i = 0; i < a->length; i++)
    diff |= (guint8)(a->key[i] ^ b->key[i]);
  return diff == 0;
}

void
zb_secret_wipe_string (char *str)
{
  if (str == NULL)
    return;
  secure_free (str, strlen (str) + 1);
}
