package com.plmr.mfa.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's versioning check (the first test) and the proof that it fires: deliberately broken
 * variants of the spec are refused unless their major version was raised.
 */
class SpecCompatibilityTest {

    private static final Path SPEC = Path.of("src/main/resources/META-INF/openapi/mfa-totp.yaml");
    private static final Path RELEASED = Path.of("released");

    @TempDir
    Path temp;

    @Test
    void the_spec_is_compatible_with_the_last_release_or_raises_the_major_version() {
        Path baseline = SpecCompatibility.latestRelease(RELEASED).orElseThrow();

        SpecCompatibility.Verdict verdict = SpecCompatibility.check(baseline, SPEC);

        assertThat(verdict.accepted()).as(verdict.reason() + "\n" + verdict.report()).isTrue();
    }

    @Test
    void refuses_a_removed_operation_under_the_same_major_version() throws IOException {
        Path broken = variant(spec().replace("  /internal/v1/mfa/challenges/{challengeId}:cancel:",
                "  /internal/v1/mfa/challenges/{challengeId}:withdraw:"), minor());

        SpecCompatibility.Verdict verdict = SpecCompatibility.check(SPEC, broken);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).contains("raise the major version");
        assertThat(verdict.report()).contains(":cancel");
    }

    @Test
    void refuses_a_new_required_request_field_under_the_same_major_version() throws IOException {
        String spec = spec();
        String required = "      required: [userId, context]\n";
        assertThat(spec).contains(required);
        Path broken = variant(spec.replace(required, "      required: [userId, context, locale]\n"), patch());

        assertThat(SpecCompatibility.check(SPEC, broken).accepted()).isFalse();
    }

    @Test
    void accepts_the_same_break_with_a_new_major_version() throws IOException {
        Path major = variant(spec().replace("  /internal/v1/mfa/challenges/{challengeId}:cancel:",
                "  /internal/v1/mfa/challenges/{challengeId}:withdraw:"), "2.0.0");

        SpecCompatibility.Verdict verdict = SpecCompatibility.check(SPEC, major);

        assertThat(verdict.accepted()).as(verdict.reason()).isTrue();
    }

    @Test
    void accepts_an_added_optional_field_as_a_minor_change() throws IOException {
        Path added = variant(spec().replace("        locale:\n          type: string\n          maxLength: 35\n",
                "        locale:\n          type: string\n          maxLength: 35\n        channelHint:\n          type: string\n"),
                minor());

        assertThat(SpecCompatibility.check(SPEC, added).accepted()).isTrue();
    }

    @Test
    void refuses_a_change_under_the_released_version() throws IOException {
        String spec = spec();
        String summary = "      summary: Create a step-up challenge\n";
        assertThat(spec).contains(summary);
        Path changed = variant(spec.replace(summary, "      summary: Create a challenge\n"),
                SpecCompatibility.version(SPEC).toString());

        SpecCompatibility.Verdict verdict = SpecCompatibility.check(SPEC, changed);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reason()).contains("changed since its release", "raise info.version");
    }

    @Test
    void accepts_the_released_spec_itself() {
        assertThat(SpecCompatibility.check(SPEC, SPEC).accepted()).isTrue();
    }

    @Test
    void refuses_a_version_lower_than_the_release() throws IOException {
        assertThat(SpecCompatibility.check(SPEC, variant(spec(), "0.9.0")).reason()).contains("lower than");
    }

    private static String patch() {
        SpecCompatibility.Version now = SpecCompatibility.version(SPEC);
        return now.major() + "." + now.minor() + "." + (now.patch() + 1);
    }

    private static String minor() {
        SpecCompatibility.Version now = SpecCompatibility.version(SPEC);
        return now.major() + "." + (now.minor() + 1) + ".0";
    }

    private String spec() throws IOException {
        return Files.readString(SPEC);
    }

    private Path variant(String text, String version) throws IOException {
        String versioned = text.replaceFirst("(?m)^  version: [0-9]+\\.[0-9]+\\.[0-9]+$", "  version: " + version);
        assertThat(versioned).contains("  version: " + version);
        Path file = temp.resolve("mfa-totp-variant-" + version + ".yaml");
        Files.writeString(file, versioned);
        return file;
    }
}
