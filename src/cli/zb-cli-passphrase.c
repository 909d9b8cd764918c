/* zb-cli-passphrase.c — reading passphrases from files and from the terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "zb-cli-context.h"
#include "zb-cli-passphrase.h"

/* Passphrases are read into a fixed buffer on the stack rather than through stdio
 * or g_file_get_contents(), so that no copy is left behind in a heap or stdio
 * buffer that is never wiped. The buffer is wiped before returning. */
#define PASSPHRASE_BUFFER_SIZE 1024

static gboolean
read_line_from_fd (int fd, char *buf, gsize size, gboolean *too_long, int *saved_errno)
{
  gsize len = 0;

  *too_long = FALSE;
  *saved_errno = 0;

  /* One byte at a time: a terminal or a pipe may hold more than the first line,
   * and what follows is not ours to consume. */
  while (TRUE)
    {
      char c;
      ssize_t n = read (fd, &c, 1);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          buf[len] = '\0';
          return FALSE;
        }
      if (n == 0 || c == '\n')
        break;
      if (len + 1 >= size)
        {
          *too_long = TRUE;
          buf[len] = '\0';
          return FALSE;
        }
      buf[len++] = c;
    }

  /* a file written on Windows ends its lines with \r\n */
  if (len > 0 && buf[len - 1] == '\r')
    len--;
  buf[len] = '\0';

  return TRUE;
}

static gboolean
check_line (const char *buf, const char *display_name, GError **error)
{
  if (buf[0] == '\0')
    {
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   _ ("The first line of the passphrase file “%s” is empty."), display_name);
      return FALSE;
    }

  return TRUE;
}

ZbSecret *
zb_cli_read_passphrase_file (const char *path, GError **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  char buf[PASSPHRASE_BUFFER_SIZE];
  gboolean too_long = FALSE;
  int saved_errno = 0;
  ZbSecret *secret = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   _ ("The passphrase file “%s” could not be read: %s"), display_name,
                   g_strerror (saved_errno));
      return NULL;
    }

  ok = read_line_from_fd (fd, buf, sizeof buf, &too_long, &saved_errno);
  g_close (fd, NULL);

  if (!ok && too_long)
    g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                 _ ("The first line of the passphrase file “%s” is too long."), display_name);
  else if (!ok)
    g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                 _ ("The passphrase file “%s” could not be read: %s"), display_name,
                 g_strerror (saved_errno));
  else if (check_line (buf, display_name, error))
    secret = zb_secret_new_passphrase (buf);

  explicit_bzero (buf, sizeof buf);

  return secret;
}

gboolean
zb_cli_stdin_is_terminal (void)
{
  return isatty (STDIN_FILENO);
}

/* Restored from a signal handler, so that Ctrl+C at a prompt does not leave the
 * terminal without echo. */
static struct termios saved_termios;
static volatile sig_atomic_t termios_saved;

static void
restore_terminal_and_reraise (int signum)
{
  if (termios_saved)
    tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  signal (signum, SIG_DFL);
  raise (signum);
}

/* Reads one line from the terminal without echo into @buf. */
static gboolean
prompt_line (const char *prompt, char *buf, gsize size, GError **error)
{
  struct sigaction action = { 0 };
  struct sigaction old_int, old_term;
  struct termios noecho;
  gboolean too_long = FALSE;
  int saved_errno = 0;
  gboolean ok;

  if (tcgetattr (STDIN_FILENO, &saved_termios) != 0)
    {
      saved_errno = errno;
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   _ ("The passphrase could not be read from the terminal: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  termios_saved = TRUE;

  action.sa_handler = restore_terminal_and_reraise;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, &old_int);
  sigaction (SIGTERM, &action, &old_term);

  noecho = saved_termios;
  noecho.c_lflag &= ~ECHO;
  noecho.c_lflag |= ECHONL; /* still move to the next line on Enter */
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &noecho);

  g_printerr ("%s", prompt);

  ok = read_line_from_fd (STDIN_FILENO, buf, size, &too_long, &saved_errno);

  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved_termios);
  termios_saved = FALSE;
  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);

  if (!ok && too_long)
    g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED, _ ("The passphrase is too long."));
  else if (!ok)
    g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                 _ ("The passphrase could not be read from the terminal: %s"),
                 g_strerror (saved_errno));
  else if (buf[0] == '\0')
    {
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED, _ ("No passphrase was entered."));
      ok = FALSE;
    }

  return ok;
}

ZbSecret *
zb_cli_prompt_passphrase (const char *prompt, GError **error)
{
  char buf[PASSPHRASE_BUFFER_SIZE];
  ZbSecret *secret = NULL;

  if (prompt_line (prompt, buf, sizeof buf, error))
    secret = zb_secret_new_passphrase (buf);

  explicit_bzero (buf, sizeof buf);

  return secret;
}

static gboolean
check_new_passphrase (const char *passphrase, GError **error)
{
  if (!g_utf8_validate (passphrase, -1, NULL))
    {
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   _ ("The new passphrase is not valid UTF-8 text."));
      return FALSE;
    }

  if (g_utf8_strlen (passphrase, -1) < ZB_PASSPHRASE_MIN_CHARS)
    {
      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The new passphrase is too short: use at least %d character.",
                                "The new passphrase is too short: use at least %d characters.",
                                ZB_PASSPHRASE_MIN_CHARS),
                   ZB_PASSPHRASE_MIN_CHARS);
      return FALSE;
    }

  return TRUE;
}

static ZbSecret *
prompt_new_passphrase (GError **error)
{
  char first[PASSPHRASE_BUFFER_SIZE];
  char second[PASSPHRASE_BUFFER_SIZE];
  ZbSecret *secret = NULL;

  if (prompt_line (_ ("New passphrase: "), first, sizeof first, error)
      && check_new_passphrase (first, error)
      && prompt_line (_ ("Type the new passphrase again: "), second, sizeof second, error))
    {
      if (strcmp (first, second) == 0)
        secret = zb_secret_new_passphrase (first);
      else
        g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_FAILED,
                     _ ("The two passphrases are not the same. Nothing was changed."));
    }

  explicit_bzero (first, sizeof first);
  explicit_bzero (second, sizeof second);

  return secret;
}

ZbSecret *
zb_cli_read_new_passphrase (const char *path, const char *option, GError **error)
{
  g_autoptr (ZbSecret) secret = NULL;
  const char *text;

  if (path == NULL)
    {
      if (zb_cli_stdin_is_terminal ())
        return prompt_new_passphrase (error);

      g_set_error (error, ZB_CLI_ERROR, ZB_CLI_ERROR_USAGE,
                   /* TRANSLATORS: %s is a command-line option, e.g. --passphrase-file */
                   _ ("A new passphrase is needed: give it in a file with %s."), option);
      return NULL;
    }

  secret = zb_cli_read_passphrase_file (path, error);
  if (secret == NULL)
    return NULL;

  text = zb_secret_get_sqlcipher_key (secret, NULL);
  if (!check_new_passphrase (text, error))
    return NULL;

  return g_steal_pointer (&secret);
}
