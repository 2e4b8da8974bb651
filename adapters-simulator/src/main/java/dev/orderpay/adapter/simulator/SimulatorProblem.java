package dev.orderpay.adapter.simulator;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;

/**
 * An RFC 9457 problem detail for API clients of the simulated checkout, in the same shape and with the same
 * {@code code} names as the service's other problems. The simulator has its own: adapters never see each other.
 */
@Serdeable
record SimulatorProblem(URI type, String title, int status, String detail, String code) {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    static SimulatorProblem notFound(String detail) {
        return new SimulatorProblem(ABOUT_BLANK, HttpStatus.NOT_FOUND.getReason(), HttpStatus.NOT_FOUND.getCode(),
                detail, "not_found");
    }
}
