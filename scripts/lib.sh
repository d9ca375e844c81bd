# Shared by setup.sh, run.sh and test.sh. Sourced, not run.

# One sentence on stderr, then stop. Never a stack trace.
fail() {
  echo "kulna: $*" >&2
  exit 1
}

say() {
  echo "==> $*" >&2
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen version the UI was locked to: the CLI must match it.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# A display number with no X server on it.
free_display() {
  local n
  for n in $(seq 90 199); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      echo "$n"
      return 0
    fi
  done
  return 1
}

# Starts Xvfb on a free display and exports DISPLAY; XVFB_PID is set so the
# caller's trap can stop it.
start_xvfb() {
  local n
  n="$(free_display)" || fail "no free X display number between :90 and :199; stop stale Xvfb servers and run again"
  Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 50); do
    [ -e "/tmp/.X11-unix/X$n" ] && break
    sleep 0.1
  done
  [ -e "/tmp/.X11-unix/X$n" ] || fail "Xvfb did not start on :$n"
  export DISPLAY=":$n"
}

# Builds the UI into src-ui/dist (the app binary embeds it).
build_ui() {
  say "building the UI (trunk)"
  (cd "$ROOT/src-ui" && trunk build --offline) >/dev/null || fail "the UI did not build; run 'cd src-ui && trunk build' to see why"
}

# Builds the app with the UI embedded, and the central service.
build_app_and_service() {
  say "building the central service"
  cargo build -q -p kulna-central || fail "the central service did not build"
  say "building the app"
  cargo build -q -p kulna-app --features custom-protocol || fail "the app did not build"
}
