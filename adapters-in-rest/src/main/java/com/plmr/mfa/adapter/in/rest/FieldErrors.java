package com.plmr.mfa.adapter.in.rest;

import com.plmr.mfa.adapter.in.rest.model.FieldError;
import com.plmr.mfa.adapter.in.rest.model.FieldErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects field errors while a request body is turned into a command; {@link #throwIfAny()}
 * ends the request with 400 {@code BAD_REQUEST} listing all of them at once.
 */
final class FieldErrors {

    /** The message of every answer that lists field errors. */
    static final String INVALID_FIELDS = "The request has invalid fields";

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks a required text field: missing is NOT_NULL, empty or white space NOT_BLANK. */
    FieldErrors text(String field, String value) {
        if (value == null) {
            add(field, FieldErrorCode.NOT_NULL, "must not be null");
        } else if (value.isBlank()) {
            add(field, FieldErrorCode.NOT_BLANK, "must not be blank");
        }
        return this;
    }

    /** Checks a present value's meaning: INVALID_VALUE with {@code message} when the rule fails. */
    FieldErrors valid(String field, String value, Predicate<String> rule, String message) {
        if (value != null && !value.isBlank() && !rule.test(value)) {
            add(field, FieldErrorCode.INVALID_VALUE, message);
        }
        return this;
    }

    FieldErrors add(String field, FieldErrorCode code, String message) {
        errors.add(new FieldError().field(field).code(code).message(message));
        return this;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors));
        }
    }

    /** A request whose fields do not make a valid command; rendered as 400 with the field errors. */
    static final class InvalidRequestException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> fieldErrors;

        InvalidRequestException(List<FieldError> fieldErrors) {
            super("invalid request fields", null, false, false);
            this.fieldErrors = fieldErrors;
        }

        List<FieldError> fieldErrors() {
            return fieldErrors;
        }
    }
}
