package com.plmr.mfa.codegen;

import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * OpenAPI Generator's {@code java} client generator, generating exactly what it generates, minus
 * the donation banner its {@code postProcess()} prints to standard output after every run. Named
 * by its class in {@code generatorName}.
 */
public class QuietJavaClientCodegen extends JavaClientCodegen {

    @Override
    public void postProcess() {
        // the inherited method only prints the banner
    }
}
