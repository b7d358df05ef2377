package com.plmr.mfa.codegen;

import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenSecurity;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.TypeScriptFetchClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

import java.util.List;

/**
 * OpenAPI Generator's {@code typescript-fetch} client generator as the TypeScript SDK uses it.
 * Three differences from the stock one, nothing else:
 * <ul>
 *   <li>An OAuth 2.0 scheme sends its token as RFC 6750 (section 2.1) says, {@code Authorization:
 *   Bearer <token>}, like an http bearer scheme. The stock templates use whatever
 *   {@code accessToken} returns as the whole header for OAuth 2.0, so {@code new Configuration({
 *   accessToken })} sent a bare token on the operations the spec secures with {@code serviceToken}.
 *   The callback still receives the scheme's name and the operation's scopes.</li>
 *   <li>{@code src/errors.ts} reads a refusal's body as the error shape of the answer,
 *   {@code src/assertion.ts} verifies step-up assertions; the package's
 *   metadata, README and index come from the templates under {@code mfa-sdk/typescript-fetch} on
 *   the classpath (each other template falls back to the stock one).</li>
 *   <li>No donation banner after every run (the stock {@code postProcess()} prints only that).</li>
 * </ul>
 * Named by its class in {@code generatorName}.
 */
public class TypeScriptSdkCodegen extends TypeScriptFetchClientCodegen {

    public TypeScriptSdkCodegen() {
        templateDir = "mfa-sdk/typescript-fetch";
    }

    @Override
    public void processOpts() {
        super.processOpts();
        String sources = supportingFiles.stream().filter(file -> "runtime.ts".equals(file.getDestinationFilename()))
                .findFirst().map(SupportingFile::getFolder).orElseThrow();
        supportingFiles.add(new SupportingFile("errors.mustache", sources, "errors.ts"));
        supportingFiles.add(new SupportingFile("assertion.mustache", sources, "assertion.ts"));
    }

    @Override
    public OperationsMap postProcessOperationsWithModels(OperationsMap operations, List<ModelMap> models) {
        OperationsMap processed = super.postProcessOperationsWithModels(operations, models);
        for (CodegenOperation operation : processed.getOperations().getOperation()) {
            if (operation.authMethods != null) {
                operation.authMethods.forEach(TypeScriptSdkCodegen::sendAsBearer);
            }
        }
        return processed;
    }

    /** Renders an OAuth 2.0 scheme through the template's http bearer branch, scopes included. */
    static void sendAsBearer(CodegenSecurity scheme) {
        if (Boolean.TRUE.equals(scheme.isOAuth)) {
            scheme.isOAuth = false;
            scheme.isBasic = true;
            scheme.isBasicBearer = true;
            scheme.isBasicBasic = false;
        }
    }

    @Override
    public void postProcess() {
        // the inherited method only prints the banner
    }
}
