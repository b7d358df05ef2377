package com.plmr.mfa.openapi;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioning rule of the contract: {@code info.version} is semantic, and a change that breaks
 * a consumer of the last released spec (openapi-diff's "incompatible": a removed operation, a
 * new required request field, a narrowed type...) needs a new major version. A version lower than
 * the release is refused too, and so is any change under the released version: the SDKs are
 * published with the spec's version, so one version must mean one document.
 */
final class SpecCompatibility {

    private static final Pattern SPEC_VERSION = Pattern.compile("(?m)^info:\\s*$(?:\\n(?:[ \\t].*)?)*?\\n[ \\t]+version:\\s*['\"]?([0-9]+\\.[0-9]+\\.[0-9]+)['\"]?\\s*$");
    private static final Pattern RELEASED = Pattern.compile("mfa-totp-([0-9]+\\.[0-9]+\\.[0-9]+)\\.yaml");

    /** The verdict: accepted, or refused with the reason and the change report. */
    record Verdict(boolean accepted, String reason, String report) {
    }

    private SpecCompatibility() {
    }

    static Verdict check(Path released, Path current) {
        Version before = version(released);
        Version now = version(current);
        if (now.compareTo(before) < 0) {
            return new Verdict(false, "info.version " + now + " is lower than the released " + before, "");
        }
        if (now.equals(before) && !sameText(released, current)) {
            return new Verdict(false, "the spec changed since its release as " + before
                    + ": raise info.version (the minor version for an additive change), the SDKs carry it", "");
        }
        ChangedOpenApi diff = OpenApiCompare.fromLocations(released.toString(), current.toString());
        boolean breaking = diff.isIncompatible();
        if (breaking && now.major() == before.major()) {
            return new Verdict(false, "the spec breaks consumers of " + before + " but info.version is " + now
                    + ": raise the major version (or keep the change compatible)", render(diff));
        }
        return new Verdict(true, breaking ? "breaking, with a new major version" : "compatible", render(diff));
    }

    /** The highest released spec in the folder, by semantic version. */
    static Optional<Path> latestRelease(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> RELEASED.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparing(f -> {
                        Matcher m = RELEASED.matcher(f.getFileName().toString());
                        return m.matches() ? Version.parse(m.group(1)) : Version.parse("0.0.0");
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Version version(Path spec) {
        try {
            Matcher m = SPEC_VERSION.matcher(Files.readString(spec));
            if (!m.find()) {
                throw new IllegalArgumentException(spec + " has no semantic info.version");
            }
            return Version.parse(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameText(Path one, Path other) {
        try {
            return Files.readString(one).equals(Files.readString(other));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static Version parse(String text) {
            String[] parts = text.split("\\.");
            return new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
