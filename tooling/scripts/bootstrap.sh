#!/usr/bin/env bash
# Brings a machine that has only Node 20 + npm to a ready workspace:
# pnpm 12.21.0 on PATH and the locked dependencies installed (Node 24 comes with them).
set -euo pipefail
cd "$(dirname "$0")/../.."

PNPM_VERSION=12.21.0
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  npm install -g --allow-scripts=pnpm "pnpm@$PNPM_VERSION"
fi

pnpm install --frozen-lockfile
