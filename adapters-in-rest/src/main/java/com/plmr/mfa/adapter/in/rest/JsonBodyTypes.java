package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.model.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Refuses a JSON body whose fields have the wrong JSON type ({@link JsonTypes}) with 400
 * {@code BAD_REQUEST} and an {@code INVALID_VALUE} field error per field, before the decoder
 * coerces them. It reads the copy {@link BodyCopy} kept and the body type of the matched
 * route, and runs after the security filter, so a caller without a valid token learns nothing
 * about the body. A body that is no JSON at all is left to the decoder's own error.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
class JsonBodyTypes implements Ordered {

    private final JsonMapper mapper;

    JsonBodyTypes(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        byte[] body = BodyCopy.of(request).orElse(null);
        var model = RouteAttributes.getRouteInfo(request).flatMap(RouteInfo::getBodyArgument).orElse(null);
        if (body == null || model == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = mapper.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
        List<FieldError> errors = JsonTypes.mismatches(tree, model);
        return errors.isEmpty() ? null : ApiErrors.of(request, HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST,
                "The request has invalid fields", errors, UnaryOperator.identity());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
