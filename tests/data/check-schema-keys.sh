#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The schema compiled into <build>/data (where tests and `build-aux/dev run`
# find it) has exactly the agreed keys, types and defaults.
set -eu
schemadir=$1

expected='org.zhibu.Zhibu contents-recheck-minutes uint32 10
org.zhibu.Zhibu idle-lock-minutes uint32 10
org.zhibu.Zhibu last-workspace '"''"'
org.zhibu.Zhibu recent-workspaces @as []
org.zhibu.Zhibu window-height 720
org.zhibu.Zhibu window-maximized false
org.zhibu.Zhibu window-width 1100'

actual=$(GSETTINGS_BACKEND=memory gsettings --schemadir "$schemadir" \
           list-recursively org.zhibu.Zhibu | LC_ALL=C sort)

if [ "$actual" != "$expected" ]; then
  echo "FAIL: the compiled schema in $schemadir differs from the agreed keys" >&2
  echo "expected:" >&2; echo "$expected" >&2
  echo "actual:" >&2; echo "$actual" >&2
  exit 1
fi
echo "ok: $schemadir/gschemas.compiled has the agreed keys and defaults"
