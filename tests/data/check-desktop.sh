#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Validates the built desktop file and checks that the zh_CN translation was
# merged into it (users see the Chinese name in their menus).
set -eu
desktop=$1

desktop-file-validate "$desktop"

for key in 'Name' 'Comment' 'Keywords'; do
  if ! grep -q "^${key}\[zh_CN\]=" "$desktop"; then
    echo "FAIL: $desktop has no ${key}[zh_CN]: the Chinese translation was not merged" >&2
    exit 1
  fi
done
echo "ok: $desktop is valid and translated"
