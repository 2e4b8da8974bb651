package dev.orderpay.adapter.dintero;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

/**
 * Dintero's checkout API. Every call returns the whole response: a declarative client does not throw on 404 for
 * blocking calls, and the 404's error body is still worth reading. Only the reads are retried; creating a
 * session is not, since a session created by a call that timed out would otherwise be left behind unseen.
 */
@Client(id = "dintero-checkout")
@Header(name = DinteroSystem.NAME_HEADER, value = DinteroSystem.NAME)
@Header(name = DinteroSystem.VERSION_HEADER, value = DinteroSystem.VERSION)
interface DinteroCheckoutClient {

    @Post("/v1/sessions-profile")
    HttpResponse<DinteroSessionCreated> createSession(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                                      @Body DinteroSessionRequest request);

    @Get("/v1/sessions/{sessionId}")
    @RetryWhileUnavailable
    HttpResponse<DinteroSession> getSession(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                            @PathVariable String sessionId);

    @Get("/v1/transactions/{transactionId}")
    @RetryWhileUnavailable
    HttpResponse<DinteroTransaction> getTransaction(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                                    @PathVariable String transactionId);
}
