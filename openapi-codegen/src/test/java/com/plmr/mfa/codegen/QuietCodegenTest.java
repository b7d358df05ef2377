package com.plmr.mfa.codegen;

import org.junit.jupiter.api.Test;
import org.openapitools.codegen.CodegenConfig;
import org.openapitools.codegen.CodegenConfigLoader;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The quiet generators are the stock ones, found by class name, minus the console banner. */
class QuietCodegenTest {

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

    @Test
    void the_stock_generators_print_the_banner_after_a_run() {
        assertThat(printedBy(new JavaClientCodegen())).contains("opencollective.com/openapi_generator/donate");
        assertThat(printedBy(new TypeScriptFetchClientCodegen())).contains("opencollective.com/openapi_generator/donate");
    }

    @Test
    void the_quiet_generators_are_found_by_class_name_and_print_nothing() {
        CodegenConfig java = CodegenConfigLoader.forName(QuietJavaClientCodegen.class.getName());
        CodegenConfig typescript = CodegenConfigLoader.forName(QuietTypeScriptFetchClientCodegen.class.getName());

        assertThat(java.getName()).isEqualTo("java");
        assertThat(typescript.getName()).isEqualTo("typescript-fetch");
        assertThat(printedBy(java)).isEmpty();
        assertThat(printedBy(typescript)).isEmpty();
    }
}
