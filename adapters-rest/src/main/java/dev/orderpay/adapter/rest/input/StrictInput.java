package dev.orderpay.adapter.rest.input;

import io.micronaut.http.annotation.FilterMatcher;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the merchant API's controllers, whose input {@link StrictInputFilter} checks strictly. Routes that the
 * provider or the buyer's browser call stay lenient about what they are sent, as providers expect.
 */
@FilterMatcher
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StrictInput {
}
