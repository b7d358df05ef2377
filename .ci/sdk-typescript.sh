#!/usr/bin/env bash
# The generated TypeScript SDK against the running service: the main step-up flow from Node.
# Usage: .ci/sdk-typescript.sh   (MVN_FLAGS='' to let Maven go online; default -o)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"

mfa_build_if_needed
sdk="$MFA_ROOT/client-typescript/target/generated-sources/typescript"
(cd "$sdk" && npm install --no-audit --no-fund --loglevel=error && npm run --silent build)

mfa_start
MFA_TS_SDK="$sdk" node --test "$MFA_ROOT/client-typescript/src/test/node/"
