#!/usr/bin/env bash
# Sets up, then runs every check and test: formatting, lints, the library
# and service tests (SQLite and a real PostgreSQL), and the end-to-end tests
# of the real app binary under Xvfb. Screenshots land in target/e2e-artifacts.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/setup.sh"
cd "$ROOT"

# A cold run writes about NEEDED_GIB to target/; say so before starting rather
# than failing half way with "No space left on device".
NEEDED_GIB=8
free_gib="$(df -P -BG "$ROOT" | awk 'NR==2 { gsub("G", "", $4); print $4 }')"
if [ -n "$free_gib" ] && [ "$free_gib" -lt "$NEEDED_GIB" ]; then
  say "warning: only ${free_gib} GiB free on the disk of $ROOT; a cold run needs about ${NEEDED_GIB} GiB"
fi

XVFB_PID=""
# A PostgreSQL cluster of this run's own, so two runs on one machine never
# stop each other's server.
export KULNA_PG_DIR="$(mktemp -d /tmp/kulna-pg-XXXXXX)"
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  "$ROOT/scripts/postgres-test-server.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

say "formatting"
cargo fmt --all --check || fail "code is not formatted: run 'cargo fmt --all'"

# The app embeds the built UI at compile time, so build it before linting.
build_ui

say "lints (native)"
cargo clippy -q --workspace --all-targets -- -D warnings || fail "clippy found problems (above)"
say "lints (UI, wasm32)"
cargo clippy -q -p kulna-ui --target wasm32-unknown-unknown -- -D warnings || fail "clippy found problems in the UI (above)"

say "starting a throwaway PostgreSQL"
KULNA_TEST_POSTGRES_URL="$("$ROOT/scripts/postgres-test-server.sh")" || fail "PostgreSQL did not start (see above)"
export KULNA_TEST_POSTGRES_URL

say "library and service tests"
cargo test --workspace --exclude kulna-app --exclude kulna-ui --exclude kulna-e2e

build_app_and_service

say "the app shell's own tests"
cargo test -p kulna-app --features custom-protocol --lib

say "end-to-end tests of the real app (Xvfb, tauri-driver, WebKitWebDriver)"
start_xvfb
cargo test -p kulna-e2e -- --test-threads=1

say "all tests passed; screenshots in $CARGO_TARGET_DIR/e2e-artifacts"
