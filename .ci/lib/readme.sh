# The README's commands, read from README.md itself so the .ci scripts run what a reader runs.
# Source it (after lib/service.sh, which sets MFA_ROOT).
# shellcheck shell=bash

# readme_block SECTION N: the N-th ```sh block (from 1) under the heading "## SECTION", its
# subsections included.
readme_block() {
  awk -v section="## $1" -v wanted="$2" '
    /^## / { inside = ($0 == section) }
    inside && /^```sh$/ { n++; block = 1; next }
    block && /^```$/ { block = 0; next }
    block && n == wanted { print }
  ' "$MFA_ROOT/README.md"
}

# readme_block_count SECTION: how many ```sh blocks the section has.
readme_block_count() {
  awk -v section="## $1" '
    /^## / { inside = ($0 == section) }
    inside && /^```sh$/ { n++ }
    END { print n + 0 }
  ' "$MFA_ROOT/README.md"
}

# readme_run_command: the README's run command, checked to be "BUILD && java -jar JAR".
readme_run_command() {
  local run
  run=$(readme_block "Run it" 1)
  if [[ "$run" != ./mvnw*" && java -jar "* || "$run" == *$'\n'* ]]; then
    echo "the README's run command is no longer one line 'BUILD && java -jar JAR': $run" >&2
    return 1
  fi
  printf '%s\n' "$run"
}
