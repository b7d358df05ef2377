package com.plmr.mfa.adapter.in.rest;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.DefaultConstraintValidators;
import io.micronaut.validation.validator.constraints.SizeValidator;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.util.Optional;

/**
 * Counts the length of text the way the spec does: JSON Schema's {@code minLength} and
 * {@code maxLength} count characters (Unicode code points), while Bean Validation's {@code @Size}
 * on a string counts UTF-16 units, so 41 emoji would be "more than 80". The generated models
 * carry {@code @Size} from the spec's lengths; this registry answers them for text by code points
 * and leaves every other constraint to the framework's validators.
 */
@Singleton
@Replaces(DefaultConstraintValidators.class)
class CodePointLengths extends DefaultConstraintValidators {

    private static final SizeValidator<CharSequence> CODE_POINTS =
            text -> Character.codePointCount(text, 0, text.length());

    CodePointLengths(BeanContext beanContext) {
        super(beanContext);
    }

    @Override
    @SuppressWarnings("unchecked") // the text validator is returned only for Size on text
    public <A extends java.lang.annotation.Annotation, T> Optional<ConstraintValidator<A, T>> findConstraintValidator(
            Class<A> constraintType, Class<T> targetType) {
        if (constraintType == Size.class && CharSequence.class.isAssignableFrom(targetType)) {
            return Optional.of((ConstraintValidator<A, T>) (ConstraintValidator<?, ?>) CODE_POINTS);
        }
        return super.findConstraintValidator(constraintType, targetType);
    }
}
