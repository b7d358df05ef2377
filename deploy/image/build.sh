#!/usr/bin/env bash
# Builds the container image as a tar, without a Docker daemon or a registry:
#   deploy/image/build.sh            -> bootstrap/target/mfa-totp-image.tar (docker load / skopeo / crane)
# Needs what the build needs: a JDK 17 with its jmods (Debian's openjdk-17-jdk-headless has them). The image holds no shell and no package
# manager: a Java runtime made by jlink from this JDK under /opt/java, the C libraries that runtime
# loads (taken from this machine, found with ldd), an /etc/passwd naming the user nonroot (65532),
# and the production artifact (bootstrap/target/mfa-totp.jar and its lib/, no embedded database).
set -euo pipefail
cd "$(dirname "$0")/../.."

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
root=bootstrap/target/image-root
[ -f bootstrap/target/mfa-totp.jar ] || ./mvnw -B -q -pl bootstrap -am package -DskipTests
[ -d "$java_home/jmods" ] || { echo "$java_home has no jmods: jlink needs a full JDK (Debian: openjdk-17-jdk-headless)" >&2; exit 1; }

rm -rf "$root"
mkdir -p "$root/opt" "$root/etc" "$root/tmp"

# The modules the service and its libraries use (jdeps), and the ones found only at run time:
# EC keys and TLS (jdk.crypto.ec), locales of the messages (jdk.localedata), DNS names in JNDI
# (jdk.naming.dns), Netty's Unsafe (jdk.unsupported), flight recordings (jdk.jfr) and JMX (jdk.management).
modules=$("$java_home/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path 'bootstrap/target/lib/*' bootstrap/target/mfa-totp.jar)
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.naming.dns,jdk.unsupported,jdk.jfr,jdk.management,jdk.zipfs"
"$java_home/bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java"
# Debian's JDK keeps the trust store outside the JDK (a link to /etc/ssl/certs/java/cacerts)
rm -f "$root/opt/java/lib/security/cacerts"
cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"

# Every shared library the runtime's binaries and libraries load, with the dynamic loader, from
# this machine: the same ones this JDK was built for and runs with here.
find "$root/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' | sort -u \
  | while read -r library; do
      [[ "$library" == "$root"* || "$library" == "$java_home"* ]] && continue
      mkdir -p "$root$(dirname "$library")"
      cp -L "$library" "$root$library"
    done
interpreter=$(readlink -f /lib64/ld-linux-x86-64.so.2)
mkdir -p "$root/lib64"
cp -L "$interpreter" "$root/lib64/ld-linux-x86-64.so.2"

printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

# the profile binds jib:buildTar to bootstrap's package phase; the modules before it are only packaged
image() { ./mvnw -B -q -pl bootstrap -am -Pimage package -DskipTests -Dspec.lint.skip=true "$@"; }
image -Dcds.archive.required=true

# The class-data archive (/app/cds/mfa-totp.jsa, named by the entrypoint): the classes the build's
# training run listed (bootstrap/class-data-archive.sh), dumped by the image's own runtime for the
# jars where the image holds them, with the times Jib gave them. The JDK checks both at start, so it
# is made in the image's file system (unpacked, entered as root of a user namespace of its own) and
# then added to the image, whose other layers Jib writes again byte for byte.
classes=bootstrap/target/cds/classes.txt
[ -s "$classes" ] || { echo "no class list in $classes: the build's training run needs the MariaDB at 127.0.0.1:3306" >&2; exit 1; }
unpacked="$(mktemp -d)"
trap 'rm -rf --one-file-system "$unpacked"' EXIT
deploy/image/unpack.sh bootstrap/target/mfa-totp-image.tar "$unpacked"
mkdir -p "$unpacked/root/proc" "$unpacked/root/app/cds"
cp "$classes" "$unpacked/root/tmp/classes.txt"
unshare --user --map-root-user --mount --pid --fork --mount-proc="$unpacked/root/proc" \
  chroot "$unpacked/root" /opt/java/bin/java -Xshare:dump -XX:SharedClassListFile=/tmp/classes.txt \
  -XX:SharedArchiveFile=/app/cds/mfa-totp.jsa -cp @/app/jib-classpath-file >"$unpacked/dump.log" 2>&1 \
  || { cat "$unpacked/dump.log" >&2; echo "the image's class-data archive could not be made" >&2; exit 1; }
mkdir -p "$root/app/cds"
cp "$unpacked/root/app/cds/mfa-totp.jsa" "$root/app/cds/"
image
ls -l bootstrap/target/mfa-totp-image.tar
