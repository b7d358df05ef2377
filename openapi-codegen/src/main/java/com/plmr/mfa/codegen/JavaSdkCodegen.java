package com.plmr.mfa.codegen;

import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * OpenAPI Generator's {@code java} client generator as the Java SDK uses it: the stock templates,
 * except that {@code ApiException} reads its body as the error shape of the answer (templates under
 * {@code mfa-sdk/java} on the classpath, each one falling back to the stock one), and without the
 * donation banner the stock {@code postProcess()} prints after every run. Named by its class in
 * {@code generatorName}.
 */
public class JavaSdkCodegen extends JavaClientCodegen {

    public JavaSdkCodegen() {
        templateDir = "mfa-sdk/java";
    }

    @Override
    public void postProcess() {
        // the inherited method only prints the banner
    }
}
