/* zb-talk-repo-batch.c — 谈心谈话 and undoing a member import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "zhibu-talks"

#include "config.h"

#include "zb-talks-private.h"

/* Talks are archived, never deleted, so archived talks name their people as
 * much as the others do. */
static const char SQL_BATCH_REFERENCES[]
    = "SELECT count(*) FROM member b WHERE b.import_batch_id = ?1 AND ("
      " EXISTS (SELECT 1 FROM talk_participant WHERE member_id = b.id)"
      " OR EXISTS (SELECT 1 FROM talk_action WHERE owner_id = b.id)"
      " OR EXISTS (SELECT 1 FROM talk WHERE recorder_id = b.id))";

gboolean
zb_talk_repo_count_batch_references (ZbTalkRepo *self, gint64 import_batch_id, guint *n_members,
                                     GError **error)
{
  g_return_val_if_fail (ZB_IS_TALK_REPO (self), FALSE);
  g_return_val_if_fail (n_members != NULL, FALSE);

  return _zb_database_count_for_id (zb_talk_repo_get_database (self), SQL_BATCH_REFERENCES,
                                    import_batch_id, n_members, error);
}
