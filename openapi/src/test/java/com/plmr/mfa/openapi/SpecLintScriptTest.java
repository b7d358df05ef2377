package com.plmr.mfa.openapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's spec lint ({@code lint-spec.sh}, run by this module's {@code validate} phase) on
 * machines with and without Node.js. {@code PATH} holds only the stand-ins each case needs, so a
 * machine without Node.js is simulated even where Node.js is installed.
 */
class SpecLintScriptTest {

    private static final String SCRIPT = Path.of("lint-spec.sh").toAbsolutePath().toString();
    private static final String QUIET = "log-level-3";
    private static final String VERBOSE = "log-level-1";
    private static final String REDOCLY_BOX = "Deprecation warning: Node.js 20 support is ending";

    @TempDir
    Path bin;

    private record Run(int status, String out, String err) {
    }

    private Run lint(String required, String level) throws IOException, InterruptedException {
        Path out = bin.resolveSibling(bin.getFileName() + ".out");
        Path err = bin.resolveSibling(bin.getFileName() + ".err");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", SCRIPT, required, level, "2.77.0", "20.19",
                "redocly.yaml", "mfa-totp.yaml").redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("lint-spec.sh finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void fake(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void node(String version) throws IOException {
        fake("node", "echo " + version);
    }

    private void npx(String output, int status) throws IOException {
        fake("npx", "echo \"$@\" > \"" + bin.resolve("npx.args") + "\"\nprintf '%s\\n' '" + output + "'\nexit " + status);
    }

    @Test
    void without_node_the_lint_is_skipped_with_one_line_that_says_so() throws Exception {
        Run run = lint("false", QUIET);

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().toList()).singleElement().asString()
                .startsWith("[WARNING] spec lint skipped: Node.js (node, npx) not found")
                .contains("install Node.js 20.19 or later");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void without_node_a_required_lint_fails_the_build() throws Exception {
        Run run = lint("true", QUIET);

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("Node.js (node, npx) not found").contains("spec.lint.required=true");
    }

    @Test
    void a_node_older_than_redocly_needs_is_skipped_like_a_missing_one() throws Exception {
        node("18.20.4");
        npx("must not run", 0);

        Run run = lint("false", QUIET);

        assertThat(run.status()).isZero();
        assertThat(run.out().lines().toList()).singleElement().asString()
                .contains("Node.js 18.20.4 is older than 20.19");
        assertThat(bin.resolve("npx.args")).doesNotExist();
        assertThat(lint("true", QUIET).status()).isNotZero();
    }

    @Test
    void a_passing_lint_prints_nothing_in_a_quiet_build_and_its_report_otherwise() throws Exception {
        node("20.20.2");
        npx(REDOCLY_BOX + "\nWoohoo! Your API description is valid.", 0);

        Run quiet = lint("true", QUIET);
        Run verbose = lint("true", VERBOSE);

        assertThat(quiet.status()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
        assertThat(verbose.out()).contains("Woohoo! Your API description is valid.");
        assertThat(Files.readString(bin.resolve("npx.args")).strip())
                .isEqualTo("--yes @redocly/cli@2.77.0 lint --config redocly.yaml mfa-totp.yaml");
    }

    @Test
    void a_failing_lint_fails_the_build_and_shows_the_report_even_in_a_quiet_build() throws Exception {
        node("22.12.0");
        npx("[1] mfa-totp.yaml:12:3 at #/paths: Operation must have at least one 4XX response.", 1);

        Run run = lint("false", QUIET);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("Operation must have at least one 4XX response.");
        assertThat(run.out()).isEmpty();
    }
}
