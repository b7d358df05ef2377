package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import org.reactivestreams.Publisher;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps a custom-method path ({@code {challengeId}:consume}) from falling into the plain route
 * of another method: Micronaut lets a path variable hold a colon, so {@code GET
 * .../challenges/c1:consume} would match {@code GET .../challenges/{challengeId}} with the id
 * {@code c1:consume}. No id of this API holds a colon (its pattern is {@code [A-Za-z0-9_-]}), so
 * a route whose variable took one is never the request's resource: when the path names a custom
 * method of other HTTP methods, the answer is 405 with {@code Allow} listing them, as for any
 * other method the resource does not support.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CustomMethodPaths implements HttpServerFilter {

    private final Router router;

    CustomMethodPaths(Router router) {
        this.router = router;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getPath().indexOf(':') < 0) {
            return chain.proceed(request);
        }
        Set<String> allowed = router.findAny(request).stream()
                .filter(CustomMethodPaths::noVariableHoldsAColon)
                .map(match -> match.getHttpMethod().name())
                .collect(Collectors.toCollection(TreeSet::new));
        HttpMethod method = request.getMethod() == HttpMethod.HEAD ? HttpMethod.GET : request.getMethod();
        if (allowed.isEmpty() || allowed.contains(method.name())) {
            return chain.proceed(request);
        }
        return Publishers.just(ApiErrors.of(request, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.RESOURCE_UNKNOWN,
                ApiErrorResponseProcessor.messageFor(HttpStatus.METHOD_NOT_ALLOWED, false))
                .header("Allow", String.join(", ", allowed)));
    }

    private static boolean noVariableHoldsAColon(UriRouteMatch<?, ?> match) {
        return match.getVariableValues().values().stream().noneMatch(value -> String.valueOf(value).indexOf(':') >= 0);
    }

    @Override
    public int getOrder() {
        return FilterOrder.CUSTOM_METHOD_PATHS;
    }
}
