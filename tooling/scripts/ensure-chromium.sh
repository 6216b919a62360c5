#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests: Debian's package (browser downloads
# are not reachable from the project's machines). A CHROMIUM_PATH that points at a browser
# is used as it is.
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if command -v chromium >/dev/null; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "The browser tests need Chromium: install Debian's 'chromium' package (as root:" >&2
  echo "apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq chromium >/dev/null
