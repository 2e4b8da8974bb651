package dev.orderpay.adapter.rest.ratelimit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rate-limit group of a controller's routes (on the class) or of one route (on the method, which wins). A route
 * without one, and a request no route serves, falls under the public limit, counted per client address.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {
    RouteGroup value();
}
