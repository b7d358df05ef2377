package com.plmr.mfa.codegen;

import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;

/**
 * OpenAPI Generator's {@code typescript-fetch} client generator, generating exactly what it
 * generates, minus the donation banner its {@code postProcess()} prints to standard output after
 * every run. Named by its class in {@code generatorName}.
 */
public class QuietTypeScriptFetchClientCodegen extends TypeScriptFetchClientCodegen {

    @Override
    public void postProcess() {
        // the inherited method only prints the banner
    }
}
