/* zb-error.h — error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ZB_DATABASE_ERROR (zb_database_error_quark ())

/* Each failure a user can meet opening a workspace has its own code, so that the
 * UI and zhibu-cli can say exactly what happened. Messages are translated. */
typedef enum
{
  ZB_DATABASE_ERROR_FAILED,          /* anything else (an SQLite error) */
  ZB_DATABASE_ERROR_NOT_FOUND,       /* the file does not exist */
  ZB_DATABASE_ERROR_EXISTS,          /* refusing to create over an existing file */
  ZB_DATABASE_ERROR_READ_ONLY,       /* the file or its folder cannot be written */
  ZB_DATABASE_ERROR_NOT_A_DATABASE,  /* not a database file at all */
  ZB_DATABASE_ERROR_NOT_SQLCIPHER4,  /* a plain SQLite file, or an older SQLCipher format */
  ZB_DATABASE_ERROR_WRONG_KEY,       /* wrong passphrase or key */
  ZB_DATABASE_ERROR_TOO_NEW,         /* written by a newer Zhibu */
  ZB_DATABASE_ERROR_NOT_A_WORKSPACE, /* a SQLCipher database, but not one of ours */
  ZB_DATABASE_ERROR_CIPHER,          /* the SQLCipher library is missing or too old */
  ZB_DATABASE_ERROR_NETWORK_FS,      /* on NFS/SMB, where WAL locking is unsafe */
  ZB_DATABASE_ERROR_CORRUPT,         /* integrity check failed */
  ZB_DATABASE_ERROR_CLOSED,          /* the workspace was closed (locked) meanwhile */
} ZbDatabaseError;

#define ZB_KEY_STORE_ERROR (zb_key_store_error_quark ())

typedef enum
{
  ZB_KEY_STORE_ERROR_FAILED,
  ZB_KEY_STORE_ERROR_UNAVAILABLE, /* no Secret Service answers, or the keyring is locked */
  ZB_KEY_STORE_ERROR_DISMISSED,   /* the user dismissed the unlock prompt */
  ZB_KEY_STORE_ERROR_NOT_FOUND,   /* no key stored for this workspace */
} ZbKeyStoreError;

#define ZB_AUDIT_ERROR (zb_audit_error_quark ())

typedef enum
{
  ZB_AUDIT_ERROR_FAILED,
  ZB_AUDIT_ERROR_BROKEN_CHAIN, /* a row was edited, removed or inserted */
} ZbAuditError;

GQuark zb_database_error_quark (void);
GQuark zb_key_store_error_quark (void);
GQuark zb_audit_error_quark (void);

G_END_DECLS
