package com.plmr.mfa.bootstrap;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Serves the contract under {@code /openapi/} as {@code application/yaml} (RFC 9512): the static
 * resources handler knows no YAML and would answer {@code text/plain}, which tools that pick a
 * parser by media type (Prism, code generators) do not take for an OpenAPI document.
 */
@ServerFilter("/openapi/**")
class SpecMediaType {

    static final String APPLICATION_YAML = "application/yaml";

    @ResponseFilter
    void yaml(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        if (response.code() == 200 && (path.endsWith(".yaml") || path.endsWith(".yml"))) {
            response.contentType(APPLICATION_YAML);
        }
    }
}
