#!/bin/sh
# Lints the OpenAPI document with Redocly CLI (npx); run by the build of this module.
#
# Usage: lint-spec.sh REQUIRED log-level-MAVEN_LOGGING_LEVEL REDOCLY_VERSION MIN_NODE CONFIG SPEC
#   REQUIRED             true: no usable Node.js fails the build (spec.lint.required, set by .ci/run);
#                        otherwise the lint is skipped with one line saying so, and the build goes on
#   MAVEN_LOGGING_LEVEL  Maven's logging level (0 debug, 1 info, 2 warn, 3 error): from 2 on (-q) a
#                        passing lint prints nothing; Redocly's report is always shown when it fails
#   MIN_NODE             the oldest Node.js (major.minor) the Redocly version runs on
set -u
required=$1 level=${2#log-level-} version=$3 min_node=$4 config=$5 spec=$6

unusable() {
  if [ "$required" = true ]; then
    echo "[ERROR] spec lint: $1, and the lint is required (spec.lint.required=true)" >&2
    exit 1
  fi
  echo "[WARNING] spec lint skipped: $1 (install Node.js $min_node or later to lint the OpenAPI document; CI always lints it)"
  exit 0
}

command -v node >/dev/null 2>&1 && command -v npx >/dev/null 2>&1 || unusable "Node.js (node, npx) not found"
node_version=$(node -p 'process.versions.node' 2>/dev/null) || unusable "node does not run"
major=${node_version%%.*} rest=${node_version#*.}
minor=${rest%%.*} min_major=${min_node%%.*} min_minor=${min_node#*.}
if [ "$major" -lt "$min_major" ] || { [ "$major" -eq "$min_major" ] && [ "$minor" -lt "$min_minor" ]; }; then
  unusable "Node.js $node_version is older than $min_node"
fi

report=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx --yes "@redocly/cli@$version" lint --config "$config" "$spec" 2>&1)
status=$?
if [ "$status" -ne 0 ]; then
  printf '%s\n' "$report" >&2
  exit "$status"
fi
[ "$level" -ge 2 ] || printf '%s\n' "$report"
exit 0
