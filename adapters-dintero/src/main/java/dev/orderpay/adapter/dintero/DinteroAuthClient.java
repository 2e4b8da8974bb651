package dev.orderpay.adapter.dintero;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;

/**
 * Dintero's account API, where client credentials are exchanged for an access token. Returns the whole response
 * for the reason given on {@link DinteroCheckoutClient}. Asking for a token twice is harmless, so it is retried.
 */
@Client(id = "dintero-api")
@Header(name = DinteroSystem.NAME_HEADER, value = DinteroSystem.NAME)
@Header(name = DinteroSystem.VERSION_HEADER, value = DinteroSystem.VERSION)
interface DinteroAuthClient {

    /** {@code basicCredentials} is the whole Authorization header value: {@code Basic base64(client_id:client_secret)}. */
    @Post("/v1/accounts/{accountId}/auth/token")
    @RetryWhileUnavailable
    HttpResponse<DinteroAccessToken> requestToken(@PathVariable String accountId,
                                                  @Header(HttpHeaders.AUTHORIZATION) String basicCredentials,
                                                  @Body DinteroTokenRequest request);
}
