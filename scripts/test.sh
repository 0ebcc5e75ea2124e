#!/usr/bin/env bash
# One command for the whole test suite on a fresh machine: set up, then lint, typecheck, migration check,
# unit/integration tests and end-to-end tests in Chromium. Ends with "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$kopru_root/scripts/setup.sh"
cd "$kopru_root"
exec npm test --silent
