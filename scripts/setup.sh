#!/usr/bin/env bash
# Installs everything `npm start` and `npm test` need, idempotently: each step checks first.
# Facts behind each step: ../shared/TOOLCHAIN.md (no downloaded browsers; wasm-bindgen pinned).
set -euo pipefail
cd "$(dirname "$0")/.."

# The one place the wasm-bindgen version is read from: Cargo.toml pins it with "=".
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -1)
[ -n "$WASM_BINDGEN_VERSION" ] || { echo "setup: cannot read the wasm-bindgen pin from Cargo.toml" >&2; exit 1; }
export PATH="$HOME/.cargo/bin:$PATH"
# `-` not `:-`: an empty WANT_BROWSERS (what `npm start` passes) means none, not the default.
want_browsers=${WANT_BROWSERS-chromium firefox}
# moto (a second S3 multipart peer for tests/e2e/multipart-moto.test.mjs) is for `npm test` only:
# on by default, off when browsers are off (`npm start` passes WANT_BROWSERS=""); WANT_MOTO=0/1 overrides.
if [ -n "${WANT_MOTO:-}" ]; then want_moto=$WANT_MOTO; elif [ -n "$want_browsers" ]; then want_moto=1; else want_moto=0; fi
MOTO_VERSION=5.2.5

step="checking what is installed"
log() { step=$*; printf '\033[1msetup:\033[0m %s\n' "$*"; }
# A failed step says which, and how to retry: every step checks first, so a rerun skips what
# is done.
trap 'echo "setup: failed while $step. Fix the cause above, then run the same command again (finished steps are skipped)." >&2' ERR

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 min)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --force \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force  # a locked dep can vanish from the mirror
fi


apt_missing=()
case " $want_browsers " in *" chromium "*)
  [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || apt_missing+=(chromium-driver);;
esac
case " $want_browsers " in *" firefox "*)
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || apt_missing+=(firefox-esr);;
esac
if [ "$want_moto" != 0 ] && [ ! -x .venv-moto/bin/moto_server ]; then
  command -v python3 >/dev/null || apt_missing+=(python3)
  # Debian's python3 makes venvs only with python3-venv (ensurepip).
  python3 -c 'import ensurepip' 2>/dev/null || apt_missing+=(python3-venv)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

case " $want_browsers " in *" firefox "*)
  if ! command -v geckodriver >/dev/null; then
    log "building geckodriver (about 2 min)"
    cargo install geckodriver --locked || cargo install geckodriver
  fi;;
esac

if [ "$want_moto" != 0 ] && [ ! -x .venv-moto/bin/moto_server ]; then
  log "installing moto[server] $MOTO_VERSION into .venv-moto (about 30 s)"
  python3 -m venv .venv-moto
  .venv-moto/bin/pip install -q --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
log "ready"
