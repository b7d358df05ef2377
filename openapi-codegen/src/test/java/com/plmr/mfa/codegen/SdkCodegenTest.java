package com.plmr.mfa.codegen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.CodegenConfig;
import org.openapitools.codegen.CodegenConfigLoader;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK generators are the stock ones, found by class name, minus the console banner, plus what
 * they add: a bearer header for the OAuth 2.0 scheme, the error helpers and publishable metadata.
 * Each is run on the spec as client-java and client-typescript run it.
 */
class SdkCodegenTest {

    private static final Path SPEC = Path.of("../openapi/src/main/resources/META-INF/openapi/mfa-totp.yaml");

    /** As client-typescript/pom.xml configures the generator. */
    private static final Map<String, Object> TYPESCRIPT_OPTIONS = Map.of("npmName", "@plmr/mfa-totp-client",
            "licenseName", "UNLICENSED", "supportsES6", "true", "typescriptThreePlus", "true", "stringEnums", "true",
            "hideGenerationTimestamp", "true");

    @TempDir
    Path output;

    @Test
    void the_stock_generators_print_the_banner_after_a_run() {
        assertThat(printedBy(new JavaClientCodegen())).contains("opencollective.com/openapi_generator/donate");
        assertThat(printedBy(new TypeScriptFetchClientCodegen())).contains("opencollective.com/openapi_generator/donate");
    }

    @Test
    void the_sdk_generators_are_found_by_class_name_and_print_nothing() {
        CodegenConfig java = CodegenConfigLoader.forName(JavaSdkCodegen.class.getName());
        CodegenConfig typescript = CodegenConfigLoader.forName(TypeScriptSdkCodegen.class.getName());

        assertThat(java.getName()).isEqualTo("java");
        assertThat(typescript.getName()).isEqualTo("typescript-fetch");
        assertThat(printedBy(java)).isEmpty();
        assertThat(printedBy(typescript)).isEmpty();
    }

    @Test
    void the_typescript_sdk_sends_the_service_token_as_a_bearer_token_with_the_operations_scopes() throws IOException {
        generate(TypeScriptSdkCodegen.class, TYPESCRIPT_OPTIONS);

        String challenges = Files.readString(output.resolve("src/apis/ChallengesApi.ts"));
        assertThat(challenges).doesNotContain("oauth required")
                .contains("await token(\"serviceToken\", [\"mfa.challenges.create\"])")
                .contains("headerParameters[\"Authorization\"] = `Bearer ${tokenString}`;");
        assertThat(Files.readString(output.resolve("src/apis/TotpSmsApi.ts")))
                .contains("await token(\"bearerAuth\", [])", "await token(\"serviceToken\", [\"mfa.challenges.verify\"])");
    }

    @Test
    void the_typescript_sdk_exports_its_error_helper_and_is_a_publishable_package_of_the_specs_version()
            throws IOException {
        generate(TypeScriptSdkCodegen.class, TYPESCRIPT_OPTIONS);

        assertThat(Files.readString(output.resolve("src/index.ts"))).contains("export * from './errors';");
        assertThat(Files.readString(output.resolve("src/errors.ts")))
                .contains("export async function readApiError(", "ErrorResponseFromJSON(json)", "StatusFromJSON(json)");
        String pkg = Files.readString(output.resolve("package.json"));
        assertThat(pkg).contains("\"version\": \"" + specVersion() + "\"", "\"license\": \"UNLICENSED\"",
                "\"author\": \"mfa-totp team\"", "\"files\": [", "\"access\": \"restricted\"")
                .doesNotContain("GIT_USER_ID", "GIT_REPO_ID", "OpenAPI-Generator");
        assertThat(Files.readString(output.resolve("README.md"))).contains("readApiError").doesNotContain("GIT_");
    }

    @Test
    void the_java_sdk_reads_both_error_shapes_from_its_api_exception() throws IOException {
        generate(JavaSdkCodegen.class, Map.of("library", "native", "invokerPackage", "com.example.client",
                "modelPackage", "com.example.client.model", "apiPackage", "com.example.client.api"));

        String exception = Files.readString(output.resolve("src/main/java/com/example/client/ApiException.java"));
        assertThat(exception).contains("import com.example.client.model.ErrorResponse;",
                "public Optional<ErrorResponse> getErrorResponse()", "public Optional<Status> getRpcStatus()",
                "public String getResponseBody()");
    }

    private void generate(Class<? extends CodegenConfig> generator, Map<String, Object> options) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName(generator.getName())
                .setInputSpec(SPEC.toString())
                .setOutputDir(output.toString())
                .setAdditionalProperties(new java.util.HashMap<>(options));
        PrintStream console = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
        } finally {
            System.setOut(console);
        }
    }

    private static String specVersion() throws IOException {
        Matcher version = Pattern.compile("(?m)^info:\\n(?:[ ].*\\n)*?  version: (\\S+)$").matcher(Files.readString(SPEC));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String printedBy(CodegenConfig generator) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            generator.postProcess();
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
