package com.plmr.mfa.client;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK is published with the version of the spec it was generated from: this module's
 * {@code <version>}, the parent's {@code sdk.version} (what the other modules depend on) and the
 * spec's {@code info.version} are one number, never a SNAPSHOT, and CHANGELOG.md (shipped in the
 * npm package) has a section for it.
 */
class SdkVersionTest {

    private static final Path SPEC = Path.of("../openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml");

    @Test
    void the_sdk_carries_the_version_of_the_spec_and_the_changelog_has_its_section() throws IOException {
        Matcher info = Pattern.compile("(?m)^info:\\n(?:[ ].*\\n)*?  version: (\\S+)$").matcher(Files.readString(SPEC));
        assertThat(info.find()).as("info.version in " + SPEC).isTrue();

        assertThat(System.getProperty("sdk.version")).as("client-java/pom.xml <version>").isEqualTo(info.group(1));
        assertThat(System.getProperty("sdk.parent.version")).as("sdk.version in pom.xml").isEqualTo(info.group(1));
        assertThat(info.group(1)).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
        assertThat(Files.readString(Path.of("../CHANGELOG.md")))
                .as("a section of CHANGELOG.md for " + info.group(1)).containsPattern("(?m)^## " + Pattern.quote(info.group(1)) + " ");
    }
}
