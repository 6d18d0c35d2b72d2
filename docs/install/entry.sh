#!/bin/sh
# Entry point of the offline bundle (generated from docs/install/entry.sh by `pnpm bundle`).
# Runs the Node.js shipped in runtime/ on the compiled program in app/; the configuration is the
# same environment variables as `pnpm start` (INSTALL.*.md). The data directory defaults to
# data/ inside this folder, so nothing is written outside it unless DATA_DIR says so.
set -eu
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
export NODE_ENV=production
export DATA_DIR="${DATA_DIR:-$here/data}"
exec "$here/runtime/node" "$here/app/@ENTRY@.mjs" "$@"
