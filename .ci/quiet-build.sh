#!/usr/bin/env bash
# The README's build, held to its word on a machine with only a JDK: the build part of its run
# command (read from README.md), run with node, npm and npx taken off PATH, must succeed and print
# exactly one line, the notice that the spec lint was skipped; no banner, no warning, nothing
# else. With Node.js, the lint of a quiet build (-q) prints nothing when the spec passes.
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"
source "$(dirname "$0")/lib/readme.sh"

run=$(readme_run_command)
build=${run%% && java -jar *}

# This machine's PATH, every program on it but Node.js's.
without_node=$(mktemp -d)
trap 'rm -rf "$without_node"' EXIT
IFS=: read -r -a path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  [[ -d "$dir" ]] || continue
  for program in "$dir"/*; do
    name=${program##*/}
    case "$name" in node | nodejs | npm | npx | corepack) continue ;; esac
    [[ -x "$program" && ! -d "$program" && ! -e "$without_node/$name" ]] && ln -s "$program" "$without_node/$name"
  done
done
if PATH="$without_node" command -v node >/dev/null 2>&1; then
  echo "node is still on the reduced PATH" >&2
  exit 1
fi

echo "without Node.js: $build" >&2
if ! output=$(cd "$MFA_ROOT" && PATH="$without_node" bash -c "$build" 2>&1); then
  printf '%s\n' "$output" >&2
  echo "the README's build failed on a PATH without Node.js" >&2
  exit 1
fi
if [[ "$output" != "[WARNING] spec lint skipped: Node.js (node, npx) not found"* || "$output" == *$'\n'* ]]; then
  printf '%s\n' "$output" >&2
  echo "the README's build printed more than the one line saying that the spec lint was skipped (above)" >&2
  exit 1
fi

echo "with Node.js: the spec lint of a quiet build" >&2
output=$(cd "$MFA_ROOT" && ./mvnw -B -q -pl openapi validate -Dspec.lint.required=true 2>&1)
if [[ -n "$output" ]]; then
  printf '%s\n' "$output" >&2
  echo "a quiet build's passing spec lint printed the above" >&2
  exit 1
fi
echo "the README's build works with only a JDK, says in one line that it skipped the lint, and is otherwise silent" >&2
