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
 * session is not, since a session created by a call that timed out would otherwise be left behind unseen. Nor
 * are the operations on a payment: Dintero takes no idempotency key, so a capture or refund whose answer was lost
 * and that was sent again could move the money twice.
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

    /** 200 with the transaction once captured, or 202 when Dintero will capture later. */
    @Post("/v1/transactions/{transactionId}/capture")
    HttpResponse<DinteroTransaction> capture(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                             @PathVariable String transactionId,
                                             @Body DinteroCaptureRequest request);

    /** 200 with the transaction once refunded, or 202 when Dintero will refund later. */
    @Post("/v1/transactions/{transactionId}/refund")
    HttpResponse<DinteroTransaction> refund(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                            @PathVariable String transactionId,
                                            @Body DinteroRefundRequest request);

    /** 200 with the transaction once voided, or 202 when Dintero will void it later. */
    @Post("/v1/transactions/{transactionId}/void")
    HttpResponse<DinteroTransaction> voidAuthorization(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                                       @PathVariable String transactionId);

    /**
     * Answers with the cancelled session, kept as text and never read: once Dintero says it is cancelled, nothing
     * in its details could make this service think otherwise.
     */
    @Post("/v1/sessions/{sessionId}/cancel")
    HttpResponse<String> cancelSession(@Header(HttpHeaders.AUTHORIZATION) String bearerToken,
                                       @PathVariable String sessionId);
}
