/* zb-database-file.c — what can be known of a workspace file without its key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "zhibu-database"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "zb-database-internal.h"

/* Files open in this process. Probing such a file must not open() it: closing any
 * descriptor of a file drops the POSIX locks SQLite holds on it. */
static GMutex open_paths_lock;
static GHashTable *open_paths; /* canonical path → count */

static char *
canonical_path (const char *path)
{
  return g_canonicalize_filename (path, NULL);
}

void
_zb_open_paths_add (const char *path)
{
  char *canon = canonical_path (path);
  guint count;

  g_mutex_lock (&open_paths_lock);
  if (open_paths == NULL)
    open_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_paths, canon));
  g_hash_table_insert (open_paths, canon, GUINT_TO_POINTER (count + 1));
  g_mutex_unlock (&open_paths_lock);
}

void
_zb_open_paths_remove (const char *path)
{
  g_autofree char *canon = canonical_path (path);
  guint count;

  g_mutex_lock (&open_paths_lock);
  count = open_paths ? GPOINTER_TO_UINT (g_hash_table_lookup (open_paths, canon)) : 0;
  if (count > 1)
    g_hash_table_insert (open_paths, g_steal_pointer (&canon), GUINT_TO_POINTER (count - 1));
  else if (count == 1)
    g_hash_table_remove (open_paths, canon);
  g_mutex_unlock (&open_paths_lock);
}

static gboolean
open_paths_contains (const char *path)
{
  g_autofree char *canon = canonical_path (path);
  gboolean found;

  g_mutex_lock (&open_paths_lock);
  found = open_paths != NULL && g_hash_table_contains (open_paths, canon);
  g_mutex_unlock (&open_paths_lock);
  return found;
}

/* ------------------------------------------------------------------------- */
/* Checks without a key                                                      */

static gboolean
is_network_fs (const char *path)
{
  struct statfs buf;

  if (statfs (path, &buf) != 0)
    return FALSE;

  switch ((unsigned long)buf.f_type)
    {
    case 0x6969:     /* NFS */
    case 0x517B:     /* SMB */
    case 0xFF534D42: /* CIFS */
    case 0xFE534D42: /* SMB2 */
    case 0x65735546: /* FUSE (sshfs and friends) */
    case 0x564c:     /* NCP */
    case 0x01021997: /* 9P (v9fs) */
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_zb_database_check_folder (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  /* WAL needs to create -wal and -shm files beside the database. */
  if (g_access (dir, W_OK) != 0
      || (g_stat (dir, &st) == 0 && (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The folder “%s” cannot be written, so the workspace cannot be used "
                      "there. Choose a folder you can write to."),
                   dir);
      return FALSE;
    }
  if (is_network_fs (dir))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NETWORK_FS,
                   _ ("“%s” is on a network drive, where the workspace could be damaged. "
                      "Keep the workspace on this computer."),
                   path);
      return FALSE;
    }
  return TRUE;
}

gboolean
zb_database_probe (const char *path, GError **error)
{
  static const char sqlite_magic[16] = "SQLite format 3";
  char header[16];
  GStatBuf st;
  FILE *file;
  gsize n;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      if (errno == ENOENT || errno == ENOTDIR)
        g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_FOUND,
                     _ ("The workspace file “%s” does not exist."), path);
      else
        g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                     _ ("The workspace file “%s” cannot be read."), path);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Zhibu workspace file."), path);
      return FALSE;
    }
  /* The mode bits are checked too: root passes access(), but a file its owner
   * marked read-only must not be written behind their back. */
  if (g_access (path, R_OK | W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The workspace file “%s” is read-only. Zhibu needs to be able to "
                      "write to it."),
                   path);
      return FALSE;
    }
  if (!_zb_database_check_folder (path, error))
    return FALSE;

  /* A file open in this process is known to be good; and reading it here would
   * close a descriptor and drop SQLite's locks. */
  if (open_paths_contains (path))
    return TRUE;

  /* SQLCipher files are pages of ciphertext: a whole number of pages (512 bytes
   * at the least), with no plain header. */
  if (st.st_size == 0 || st.st_size % 512 != 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_A_DATABASE,
                   _ ("“%s” is not a Zhibu workspace file."), path);
      return FALSE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_READ_ONLY,
                   _ ("The workspace file “%s” cannot be read."), path);
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n == sizeof header && memcmp (header, sqlite_magic, sizeof header) == 0)
    {
      g_set_error (error, ZB_DATABASE_ERROR, ZB_DATABASE_ERROR_NOT_SQLCIPHER4,
                   _ ("“%s” is an unencrypted SQLite database, not a Zhibu workspace."), path);
      return FALSE;
    }
  return TRUE;
}

void
_zb_database_remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}
