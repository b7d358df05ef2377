#!/usr/bin/env bash
# The Java SDK as a consumer gets it: `mvn deploy` of client-java to a file:// repository (the
# same deploy as to the team's release repository, -Dsdk.repository.url=...), the published pom
# checked (no parent, no SNAPSHOT, the spec's version), and a project that depends on it through
# that repository alone compiled against it, with a local repository of its own.
# Usage: .ci/sdk-java-deploy.sh
set -euo pipefail
MFA_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MFA_WORK="${MFA_WORK:-$MFA_ROOT/target/ci}"

version=$(sed -n '/^info:/,/^[^ ]/s/^  version: *\([0-9.]*\) *$/\1/p' \
  "$MFA_ROOT/openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml")
work="$MFA_WORK/sdk-java"
rm -rf "$work" && mkdir -p "$work/consumer/src/main/java/example"
repo="$work/repository"

# deploy without install: nothing of this build lands in the user's local repository; not offline
# (MVN_FLAGS), since the deploy plugin refuses to run offline even towards a file:// repository
(cd "$MFA_ROOT" && ./mvnw -B -q -Dspec.lint.skip=true -DskipTests -Dmaven.install.skip=true \
  -pl client-java -am deploy -Dsdk.repository.url="file://$repo")

published="$repo/com/plmr/mfa/mfa-totp-client-java/$version"
for file in "mfa-totp-client-java-$version.jar" "mfa-totp-client-java-$version-sources.jar" \
            "mfa-totp-client-java-$version.pom"; do
  [[ -f "$published/$file" ]] || { echo "not deployed: $published/$file" >&2; ls -R "$repo" >&2; exit 1; }
done
pom="$published/mfa-totp-client-java-$version.pom"
if grep -q -e '<parent>' -e 'SNAPSHOT' -e '<distributionManagement>' "$pom"; then
  echo "the published pom is not standalone: $pom" >&2; cat "$pom" >&2; exit 1
fi
[[ "$(find "$repo" -name '*.jar' | wc -l)" -eq 2 ]] || { echo "more than the SDK was deployed:" >&2; find "$repo" -name '*.jar' >&2; exit 1; }

# A consumer resolving the SDK from the deployed repository; its other dependencies and the
# plugins come from the user's local repository, read as a plain file:// repository.
cat >"$work/consumer/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>sdk-consumer</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <repositories>
    <repository><id>deployed</id><url>file://$repo</url></repository>
    <repository><id>cache</id><url>file://$HOME/.m2/repository</url></repository>
  </repositories>
  <pluginRepositories>
    <pluginRepository><id>cache</id><url>file://$HOME/.m2/repository</url></pluginRepository>
  </pluginRepositories>
  <dependencies>
    <dependency>
      <groupId>com.plmr.mfa</groupId>
      <artifactId>mfa-totp-client-java</artifactId>
      <version>$version</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    </plugins>
  </build>
</project>
POM
cat >"$work/consumer/src/main/java/example/Consume.java" <<'JAVA'
package example;

import com.plmr.mfa.client.ApiClient;
import com.plmr.mfa.client.ApiException;
import com.plmr.mfa.client.api.ChallengesApi;
import com.plmr.mfa.client.model.ErrorCode;

class Consume {
    static boolean alreadyConsumed(ApiClient client, String challengeId) {
        try {
            new ChallengesApi(client).consumeChallenge(challengeId);
            return false;
        } catch (ApiException e) {
            return e.getErrorResponse().map(error -> error.getCode() == ErrorCode.CHALLENGE_NOT_FOUND).orElse(false)
                    || e.getRpcStatus().isPresent();
        }
    }
}
JAVA
(cd "$work/consumer" && "$MFA_ROOT/mvnw" -B -q -o -Daether.offline.protocols=file \
  -Dmaven.repo.local="$work/consumer-m2" compile)
echo "deployed and consumed com.plmr.mfa:mfa-totp-client-java:$version from file://$repo"
