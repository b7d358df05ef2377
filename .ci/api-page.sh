#!/usr/bin/env bash
# Opens the service's API page (/api-docs, Swagger UI bundled in the jar) in headless Chromium
# with no network but the service, checks that the spec's operations are listed, and saves a
# screenshot as the build artifact target/api-page.png.
# Usage: .ci/api-page.sh   (installs Debian's chromium with apt-get when it is missing)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"
source "$(dirname "$0")/lib/chromium.sh"

need_chromium

mfa_start
out="$MFA_ROOT/target"
mkdir -p "$out"
profile="$(mktemp -d)"
browser=("${CHROMIUM[@]}" --user-data-dir="$profile" --window-size=1280,2400 --virtual-time-budget=15000)
url="$MFA_BASE_URL/api-docs"

"${browser[@]}" --dump-dom "$url" >"$out/api-page.html" 2>"$out/api-page.chromium.log"
"${browser[@]}" --screenshot="$out/api-page.png" "$url" >>"$out/api-page.chromium.log" 2>&1
remove_profile "$profile"

# Every operationId of the spec must appear on the rendered page (displayOperationId is on).
missing=0
for operation in $(grep -E '^\s+operationId:' "$MFA_ROOT/openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml" | awk '{print $2}'); do
  if ! grep -q ">$operation<" "$out/api-page.html"; then
    echo "not on the page: $operation" >&2
    missing=$((missing + 1))
  fi
done
for text in 'mfa-totp' '/internal/v1/mfa/challenges' '/resources/v3alpha/users/{id}/totp'; do
  grep -qF "$text" "$out/api-page.html" || { echo "not on the page: $text" >&2; missing=$((missing + 1)); }
done
[[ -s "$out/api-page.png" ]] || { echo "no screenshot was written" >&2; missing=$((missing + 1)); }
if ((missing > 0)); then
  echo "the API page is incomplete ($missing missing); DOM in $out/api-page.html" >&2
  exit 1
fi
echo "API page lists all $(grep -cE '^\s+operationId:' "$MFA_ROOT/openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml") operations; screenshot: $out/api-page.png"
