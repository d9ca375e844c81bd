#!/usr/bin/env bash
# Sets up, builds, and runs the app against a central service embedded for
# the session (SQLite under target/dev-central), stopped when the app closes.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$ROOT/scripts/setup.sh"
cd "$ROOT"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  fail "no display: run this from a desktop session, or headless with 'xvfb-run -a scripts/run.sh'"
fi

build_ui
build_app_and_service

# The development service keeps its data and a generated operator
# passphrase under target/dev-central (readable by this user only).
DEV="$CARGO_TARGET_DIR/dev-central"
mkdir -p "$DEV"
chmod 700 "$DEV"
if [ ! -s "$DEV/passphrase" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 > "$DEV/passphrase")
fi
CENTRAL="$CARGO_TARGET_DIR/debug/kulna-central"
"$CENTRAL" init --data-dir "$DEV/data" --passphrase-file "$DEV/passphrase" >/dev/null \
  || fail "the central service could not initialise $DEV/data"

coproc CENTRAL_PROC { exec "$CENTRAL" serve --data-dir "$DEV/data" --passphrase-file "$DEV/passphrase" --listen "${KULNA_DEV_LISTEN:-127.0.0.1:0}"; }
CENTRAL_PID=$CENTRAL_PROC_PID
trap 'kill -TERM "$CENTRAL_PID" 2>/dev/null || true; wait "$CENTRAL_PID" 2>/dev/null || true' EXIT
read -r -t 30 line <&"${CENTRAL_PROC[0]}" || fail "the central service did not start (see the messages above)"
URL="${line#listening on }"
[ "$URL" != "$line" ] || fail "unexpected answer from the central service: $line"
say "central service at $URL (stops when the app closes)"

# Pin the service's sealing key, as a field deployment does, so the panic
# button can seal an alert even before the app has ever reached the service.
HOSTPORT="${URL#http://}"
exec 3<>"/dev/tcp/${HOSTPORT%:*}/${HOSTPORT##*:}" || fail "cannot reach the central service at $URL"
printf 'GET /v1/service-key HTTP/1.0\r\nHost: %s\r\n\r\n' "$HOSTPORT" >&3
KEY="$(tr -d '\r' <&3 | sed -n 's/.*"sealing_public_key" *: *"\([^"]*\)".*/\1/p')"
exec 3<&-
[ -n "$KEY" ] || fail "the central service did not give its public key"

KULNA_SERVICE_URL="$URL" KULNA_SERVICE_KEY="$KEY" "$CARGO_TARGET_DIR/debug/kulna-app"
