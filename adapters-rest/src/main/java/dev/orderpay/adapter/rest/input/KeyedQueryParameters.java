package dev.orderpay.adapter.rest.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Query parameters a route reads by their names' prefix rather than one by one: {@code value()[key]} for any key, such
 * as {@code metadata[channel]=web}. {@link StrictInputFilter} lets them through; the route reads and checks them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KeyedQueryParameters {

    /** The prefix before the brackets. */
    String value();
}
