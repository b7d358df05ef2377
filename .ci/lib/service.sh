# Shared by the .ci scripts that need the service running as a process: build it when needed,
# start it on a free port in the dev environment (dev tokens, dev message sink) on a fresh schema
# of the MariaDB at 127.0.0.1:3306 with the production artifact (bootstrap/target/mfa-totp.jar),
# or, when that server is not reachable, the zero-set-up run of the development artifact
# (dev-launcher/target/mfa-totp-dev.jar, embedded MariaDB); wait for /health and stop it again.
# Source it; call mfa_start, then mfa_stop (also set as EXIT trap).
#
# Each mfa_start starts one more instance (MFA_PID, MFA_PORT, MFA_BASE_URL, MFA_SCHEMA name the
# latest) and mfa_stop stops them all. MFA_JAR runs that production jar (with its lib/ folder)
# instead of the one built here, on the local MariaDB (the benchmarks compare two builds so);
# MFA_JAVA_OPTS are options for its JVM. A production jar starts with the class-data archive the
# build made beside it (mfa-totp.jsa, bootstrap/class-data-archive.sh) when there is one.
# shellcheck shell=bash

MFA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MFA_WORK="${MFA_WORK:-$MFA_ROOT/target/ci}"
MVN_FLAGS="${MVN_FLAGS:--o}"
MFA_PIDS=()
MFA_SCHEMAS=()

mfa_build_if_needed() {
  local stamp="$MFA_ROOT/bootstrap/target/ci-build.stamp"
  if [[ -f "$stamp" && -f "$MFA_ROOT/bootstrap/target/mfa-totp.jar" && -f "$MFA_ROOT/dev-launcher/target/mfa-totp-dev.jar" ]] \
     && [[ -z "$(find "$MFA_ROOT" -path '*/target' -prune -o -path "$MFA_ROOT/.git" -prune -o -path '*/node_modules' -prune \
                -o -path "$MFA_ROOT/.ci" -prune -o -type f -path '*/src/main/*' -newer "$stamp" -print \
                -o -type f \( -name pom.xml -o -name '*.yaml' \) -newer "$stamp" -print | head -1)" ]]; then
    return 0
  fi
  echo "building the service and the SDKs" >&2
  (cd "$MFA_ROOT" && ./mvnw -B -q $MVN_FLAGS -Dspec.lint.skip=true -DskipTests \
      -pl bootstrap,dev-launcher,client-typescript -am package)
  touch "$stamp"
}

mfa_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

mfa_start() {
  [[ -n "${MFA_JAR:-}" ]] || mfa_build_if_needed
  if mysql -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1; then
    mfa_new_schema
    mfa_launch "${MFA_JAR:-$MFA_ROOT/bootstrap/target/mfa-totp.jar}" MFA_DB_URL="$MFA_DB_URL"
  elif [[ -n "${MFA_JAR:-}" ]]; then
    echo "MFA_JAR needs the MariaDB at 127.0.0.1:3306" >&2
    return 1
  else
    mfa_launch "$MFA_ROOT/dev-launcher/target/mfa-totp-dev.jar"
  fi
  mfa_wait_up "$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log" 120
  echo "service up at $MFA_BASE_URL (pid $MFA_PID, log $MFA_RUN_DIR/service.log)" >&2
}

# mfa_new_schema: a fresh schema on the MariaDB at 127.0.0.1:3306 (MFA_SCHEMA, its URL MFA_DB_URL),
# dropped by mfa_stop.
mfa_new_schema() {
  MFA_SCHEMA="${MFA_SCHEMA_PREFIX:-mfa_ci}_$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  mysql -h127.0.0.1 -uroot -e "CREATE DATABASE $MFA_SCHEMA CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  MFA_SCHEMAS+=("$MFA_SCHEMA")
  MFA_DB_URL="jdbc:mysql://127.0.0.1:3306/$MFA_SCHEMA"
  trap mfa_stop EXIT
}

# mfa_launch JAR [VAR=value ...]: starts JAR in the dev environment (dev tokens, dev message sink) on
# a free port, in a run directory of its own, with the given variables; does not wait for it. Sets
# MFA_PID, MFA_PORT, MFA_BASE_URL and MFA_RUN_DIR; mfa_stop stops it.
mfa_launch() {
  local jar="$1"
  shift
  mkdir -p "$MFA_WORK"
  MFA_RUN_DIR="$(mktemp -d "$MFA_WORK/run.XXXXXX")"
  MFA_PORT="$(mfa_free_port)"
  MFA_BASE_URL="http://127.0.0.1:$MFA_PORT"
  MFA_DEV_SINK_FILE="$MFA_RUN_DIR/dev-sink.log"
  MFA_DEV_JWT_SECRET="ci-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-jwt-secret-0123456789"
  # the issuer of step-up assertions is the service as its clients reach it
  MFA_ASSERTION_ISSUER="$MFA_BASE_URL"
  export MFA_PORT MFA_BASE_URL MFA_DEV_SINK_FILE MFA_DEV_JWT_SECRET MFA_ASSERTION_ISSUER
  local -a env=(MICRONAUT_ENVIRONMENTS=dev MFA_OUTBOX_POLL_INTERVAL="${MFA_OUTBOX_POLL_INTERVAL:-200ms}"
    MFA_DEV_DIR="$MFA_RUN_DIR/dev" "$@")
  # the class-data archive the build made beside the jar (bootstrap/class-data-archive.sh), as
  # production runs it; MFA_JAVA_OPTS naming an archive or -Xshare choose for themselves
  local archive="${jar%.jar}.jsa" share=""
  [[ -f "$archive" && "${MFA_JAVA_OPTS:-}" != *SharedArchiveFile* && "${MFA_JAVA_OPTS:-}" != *Xshare* \
     && "${MFA_JAVA_OPTS:-}" != *DumpLoadedClassList* ]] && share="-XX:SharedArchiveFile=$archive"
  # shellcheck disable=SC2086 # MFA_JAVA_OPTS are separate options
  (cd "$MFA_RUN_DIR" && exec env "${env[@]}" java $share ${MFA_JAVA_OPTS:-} -Dmfa.notify.dev-sink.file="$MFA_DEV_SINK_FILE" \
      -jar "$jar" \
      >"$MFA_RUN_DIR/service.log" 2>&1) &
  MFA_PID=$!
  MFA_PIDS+=("$MFA_PID")
  trap mfa_stop EXIT
}

# mfa_wait_up PID BASE_URL LOG SECONDS: waits until the service answers /health, at most SECONDS;
# shows the end of its log when it died or did not come up in time.
mfa_wait_up() {
  local deadline=$((SECONDS + $4))
  until curl -fsS "$2/health" >/dev/null 2>&1; do
    if ! kill -0 "$1" 2>/dev/null || ((SECONDS > deadline)); then
      echo "the service did not come up; its log:" >&2
      tail -50 "$3" >&2
      return 1
    fi
    sleep 0.5
  done
}

mfa_stop() {
  local pid schema
  for pid in "${MFA_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  for schema in "${MFA_SCHEMAS[@]}"; do
    mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $schema" >/dev/null 2>&1 || true
  done
  MFA_PIDS=() MFA_SCHEMAS=() MFA_PID="" MFA_SCHEMA=""
}
