#!/usr/bin/env bash
# Installs everything Köprü needs on a fresh Debian machine: Node 22 (if the system one is older),
# the npm dependencies, and Debian's Chromium for the end-to-end tests (with fonts for Turkish text).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$kopru_root"

if [ "${KOPRU_SKIP_CHROMIUM:-}" != "1" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "Debian Chromium kuruluyor / installing Debian's Chromium" >&2
  SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >&2
fi

stamp="node_modules/.kopru-lock-hash"
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund >&2
  echo "$lock_hash" > "$stamp"
fi
