# Headless Chromium for the .ci scripts that look at the service's pages: Debian's chromium
# (installed with apt-get when missing and this is root), no network but 127.0.0.1.
# Source it; call need_chromium, then run "${CHROMIUM[@]}" with a --user-data-dir of your own.
# shellcheck shell=bash

need_chromium() {
  command -v chromium >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "chromium is missing: apt-get install -y chromium" >&2
    return 1
  fi
}

CHROMIUM=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --disable-dev-shm-usage --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1")

# Removes a Chromium profile directory once no process of that browser holds it any more (a
# crashpad handler or utility process may outlive the browser for a moment and still write there).
remove_profile() {
  local profile="$1"
  for _ in $(seq 1 50); do
    pgrep -f -- "$profile" >/dev/null || break
    sleep 0.1
  done
  pkill -KILL -f -- "$profile" 2>/dev/null || true
  rm -rf "$profile" 2>/dev/null || rm -rf "$profile"
}

