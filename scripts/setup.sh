#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine with rustup lacks, from Debian's
# packages and crates.io only. Idempotent: quick when everything is there.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

APT_PACKAGES=(
  build-essential pkg-config libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev libayatana-appindicator3-dev
  webkit2gtk-driver xvfb xauth
  fonts-noto-core
  # Voice notes: WebKitGTK records them through GStreamer (its MediaRecorder
  # needs transcodebin, from -bad; here it records AAC in MP4) and plays them
  # back (the AAC decoder is in -libav).
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
  postgresql
)

command -v cargo >/dev/null 2>&1 || fail "Rust is not installed: install it with rustup, then run this again"
command -v dpkg >/dev/null 2>&1 || fail "this setup expects Debian 12 (dpkg not found)"

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || fail "need root or sudo to install: ${missing[*]}"
    SUDO="sudo"
  fi
  say "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq >/dev/null || fail "apt-get update failed: check the network and the Debian mirrors, then run again"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "installing ${missing[*]} failed: run 'apt-get install ${missing[*]}' to see why"
fi

cd "$ROOT"
# rust-toolchain.toml pins the toolchain; make sure it has the wasm target.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown >/dev/null || fail "could not add the wasm32-unknown-unknown target with rustup"
fi

installed() {
  # "trunk v0.21.14:" lines of `cargo install --list`
  cargo install --list 2>/dev/null | grep -q "^$1 v$2:"
}

install_crate() {
  local name=$1 version=$2 locked=$3
  if ! installed "$name" "$version"; then
    say "installing $name $version from crates.io (a few minutes, once)"
    # shellcheck disable=SC2086
    cargo install -q $locked "$name" --version "$version" || fail "cargo install $name $version failed"
  fi
}

# trunk 0.22 needs a newer rustc than we pin; tauri-driver's newest is a 3.0 alpha.
install_crate trunk 0.21.14 --locked
install_crate tauri-driver 2.1.0 --locked
# The CLI must equal the library version in Cargo.lock. Its own lockfile
# names a crate version the registry lacks, so no --locked here.
WB="$(wasm_bindgen_version)"
[ -n "$WB" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
install_crate wasm-bindgen-cli "$WB" ""

say "setup complete"
