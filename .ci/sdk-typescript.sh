#!/usr/bin/env bash
# The generated TypeScript SDK as a consumer gets it: packed with `npm pack` (the package's files
# and metadata checked), installed from that tarball into an empty project, and used from Node
# against the running service (the main step-up flow, the plain accessToken usage, readApiError).
# Usage: .ci/sdk-typescript.sh   (MVN_FLAGS='' to let Maven go online; default -o)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"

mfa_build_if_needed
sdk="$MFA_ROOT/client-typescript/target/generated-sources/typescript"
(cd "$sdk" && npm install --no-audit --no-fund --loglevel=error >/dev/null)

packed="$MFA_WORK/sdk-typescript"
rm -rf "$packed" && mkdir -p "$packed/consumer"
# npm install above ran the package's prepare script (the build); pack what it built
(cd "$sdk" && npm pack --json --ignore-scripts --loglevel=error --pack-destination "$packed" >"$packed/pack.json")
tarball="$packed/$(node -p 'require(process.argv[1])[0].filename' "$packed/pack.json")"
# jose: an independent JWT library that verifies the service's step-up assertions in the tests
(cd "$packed/consumer" && npm init -y >/dev/null \
  && npm install --no-audit --no-fund --loglevel=error "$tarball" jose@6 >/dev/null)

mfa_start
MFA_TS_PACK="$packed/pack.json" MFA_TS_SDK="$packed/consumer/node_modules/@plmr/mfa-totp-client" \
  MFA_SPEC="$MFA_ROOT/openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml" \
  node --test "$MFA_ROOT/client-typescript/src/test/node/"
