#!/usr/bin/env bash
# Runs the portal: installs what is missing, then builds and serves it.
# Open the address trunk prints (http://127.0.0.1:8080 by default).
# Pass --release for an optimised build; PORT=9000 to change the port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
exec trunk serve --port "${PORT:-8080}" "$@"
