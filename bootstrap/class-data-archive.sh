#!/usr/bin/env bash
# Makes target/mfa-totp.jsa, the class-data archive (AppCDS) of the production artifact, in
# bootstrap's package phase: the JDK then maps the classes a start needs already parsed and
# verified instead of loading them from the jars, which halves the start (docs/benchmarks.md).
#
#   class-data-archive.sh TARGET_DIR REQUIRED log-level-MAVEN_LOGGING_LEVEL
#
# A training run starts target/mfa-totp.jar as the CI scripts do (dev environment, a fresh schema
# of the MariaDB at 127.0.0.1:3306, migrated first as a deployment does), sends the requests of the
# README's flows, stops, and leaves the list of the classes it loaded; the JDK then dumps those
# classes, with the JDK's own, into the archive (-Xshare:dump). Run with:
#
#   java -XX:SharedArchiveFile=bootstrap/target/mfa-totp.jsa -jar bootstrap/target/mfa-totp.jar
#
# The archive belongs to the jars it was made from and the JDK that made it: the JDK checks both at
# start and, when either differs, starts without it, only slower. Without a database to train on, or
# without the mysql client, this says so in one line and makes no archive, unless REQUIRED is true
# (.ci/run), where that is an error. An archive newer than the jars is kept.
set -euo pipefail
target="$(cd "$1" && pwd)"
required="$2"
level=${3#log-level-}   # Maven's logging level (0 debug, 1 info, 2 warn, 3 error): from 2 on (-q), quiet
jar="$target/mfa-totp.jar"
archive="$target/mfa-totp.jsa"
work="$target/cds"

# What the archive was made from: each jar's size, time and entries (name and CRC). Every package
# writes the jar and the project's own jars in lib/ anew, with the same entries when nothing
# changed; the JDK knows a jar by its size and time, so jars with the entries the archive was made
# from get back the times they had then, and the archive stays valid without a second training run.
made_from="$work/made-from.txt"
jars() { printf '%s\n' "$jar"; find "$target/lib" -name '*.jar' | sort; }
made_of() {
  local file
  jars | while read -r file; do
    echo "$file $(stat -c '%s %Y' "$file") $(unzip -v "$file" | awk 'NR > 3 && $8 != "" { print $7, $8 }' | sort | sha256sum | cut -c1-64)"
  done
}
if [[ -f "$archive" && -f "$made_from" ]] && command -v unzip >/dev/null \
   && diff -q <(cut -d' ' -f1,2,4 "$made_from") <(made_of | cut -d' ' -f1,2,4) >/dev/null; then
  while read -r file _ time _; do touch -d "@$time" "$file"; done <"$made_from"
  exit 0
fi
rm -f "$archive"
skip() {
  if [[ "$required" == true ]]; then
    echo "[ERROR] class-data archive: $1 (cds.archive.required=true)" >&2
    exit 1
  fi
  echo "[WARNING] class-data archive skipped: $1; the service starts without one, only slower" >&2
  exit 0
}
command -v mysql >/dev/null || skip "no mysql client to make a schema for the training run"
mysql -h127.0.0.1 -uroot -e 'SELECT 1' >/dev/null 2>&1 || skip "no MariaDB/MySQL at 127.0.0.1:3306 for the training run"

export MFA_WORK="$work" MFA_SCHEMA_PREFIX=mfa_cds
# shellcheck source=../.ci/lib/service.sh
source "$(dirname "$0")/../.ci/lib/service.sh"
rm -rf "$work"
mkdir -p "$work"
classes="$work/classes.txt"

mfa_new_schema
mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL" MFA_DB_MIGRATION=only
wait "$MFA_PID" || skip "the migration of the training schema failed, see $MFA_RUN_DIR/service.log"
MFA_JAVA_OPTS="-XX:DumpLoadedClassList=$classes" mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL"
mfa_wait_up "$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log" 120

# The README's flows, so that the classes of the first requests are in the archive too: tokens, a
# phone and an e-mail address, a challenge, an SMS code sent and a wrong one verified, an
# authenticator registration and a wrong app code, the challenge read and cancelled.
base="$MFA_BASE_URL"
call() { curl -s -o /dev/null -X "$1" "$base$2" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"}; }
token() {
  curl -s -X POST "$base/dev/tokens" -H 'Content-Type: application/json' -d "$1" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
service=$(token '{"sub":"payments","scope":"mfa.challenges.create mfa.challenges.read mfa.challenges.consume mfa.challenges.cancel mfa.factors.manage"}')
user=$(token '{"sub":"u-cds"}')
call PUT /resources/v3alpha/users/u-cds/phone "$service" '{"phone":"+4915112345612"}'
call PUT /resources/v3alpha/users/u-cds/email "$service" '{"email":"jane@example.com"}'
challenge=$(curl -s -X POST "$base/internal/v1/mfa/challenges" -H "Authorization: Bearer $service" \
  -H 'Content-Type: application/json' \
  -d '{"userId":"u-cds","context":{"operation":"payment","reference":"pay-1","summary":"payment of EUR 40 to ACME"},"allowedMethods":["sms","email","app"]}' \
  | sed -n 's/.*"challengeId":"\([^"]*\)".*/\1/p')
call POST "/internal/v1/mfa/totp-sms/$challenge:initiate" "$user"
call POST "/internal/v1/mfa/totp-sms/$challenge:verify" "$user" '{"totp":"000000"}'
call POST /resources/v3alpha/users/u-cds/totp "$user" '{}'
call POST "/internal/v1/mfa/totp-app/$challenge:verify" "$user" '{"totp":"000000"}'
call GET "/internal/v1/mfa/challenges/$challenge" "$service"
call POST "/internal/v1/mfa/challenges/$challenge:cancel" "$service"
call GET /resources/v3alpha/users/u-cds/factors "$service"
call GET /health/readiness ""
mfa_stop
[[ -s "$classes" ]] || skip "the training run listed no classes, see $MFA_RUN_DIR/service.log"

# Classes the JDK cannot archive (JFR events, classes of an old format, ones that fail verification
# without their optional dependencies) are left out with a warning each: kept in the dump's log.
if ! java -Xshare:dump -XX:SharedClassListFile="$classes" -XX:SharedArchiveFile="$archive" -cp "$jar" \
    >"$work/dump.log" 2>&1; then
  rm -f "$archive"
  cat "$work/dump.log" >&2
  echo "class-data archive: the dump failed" >&2
  exit 1
fi
if command -v unzip >/dev/null; then made_of >"$made_from"; fi
(( level >= 2 )) || echo "class-data archive: $archive ($(wc -l <"$classes") classes listed by the training run)"
