#!/usr/bin/env bash
# One command to set up and run the app. Where the Electron binary can be fetched this starts the desktop
# app; where it cannot (machines without internet access beyond the package registries), it serves the
# same UI through the browser harness on http://127.0.0.1:5199 against the same handlers and database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
KOPRU_SKIP_CHROMIUM=1 bash "$kopru_root/scripts/setup.sh"
cd "$kopru_root"
if node -e "require('electron')" >/dev/null 2>&1 || npx --no-install electron --version >/dev/null 2>&1; then
  exec npm start
fi
echo "Electron çalıştırılamıyor; tarayıcı arayüzü açılıyor / Electron unavailable here; serving the browser harness" >&2
exec npm run harness
