package dev.orderpay.adapter.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The OpenAPI document's header. The annotation processor writes the document, generated from the controllers, to
 * {@value #DOCUMENT} in this module's jar.
 */
@OpenAPIDefinition(
        info = @Info(title = ApiDocumentation.TITLE, version = ApiDocumentation.VERSION,
                description = "Orders paid through a payment provider's hosted checkout. Errors are RFC 9457 problem"
                        + " details (application/problem+json) whose `code` is one of a closed set. Every answer"
                        + " carries a `Request-Id` header (in a problem also as `request_id`): the caller's"
                        + " `X-Request-Id` when it is 1 to 128 printable ASCII characters without spaces, else a new"
                        + " one. Every route is rate limited (per API key, per client address, or for the provider's"
                        + " callbacks all together): its answers carry `RateLimit-Policy` and `RateLimit` (the IETF"
                        + " httpapi draft's structured fields), and a request over the limit is answered `429`"
                        + " (`rate_limited`) with `Retry-After`.",
                contact = @Contact(name = "orderpay maintainers")),
        // Relative: the API is wherever this document is served from.
        servers = @Server(url = "/", description = "The service that serves this document"),
        tags = {
                @Tag(name = ApiDocumentation.ORDERS, description = "Merchant API: create, read, list and sum orders"),
                @Tag(name = ApiDocumentation.PAYMENTS, description = "Merchant API: capture, refund and cancel"),
                @Tag(name = ApiDocumentation.EVENTS, description = "Merchant API: what the merchant was told, to find"
                        + " and check what a webhook missed"),
                @Tag(name = ApiDocumentation.WEBHOOKS, description = "Merchant API: the endpoints events are posted"
                        + " to, and their signing secrets"),
                @Tag(name = ApiDocumentation.KEYS, description = "Merchant API: the API keys and the scopes they"
                        + " grant"),
                @Tag(name = ApiDocumentation.AUDIT, description = "Merchant API: who asked for which sensitive"
                        + " action, and when"),
                @Tag(name = ApiDocumentation.BUYER, description = "Where the buyer's browser comes back; public"),
                @Tag(name = ApiDocumentation.PROVIDER, description = "Where the payment provider notifies; public,"
                        + " authenticated by the provider's signature")
        })
@SecurityScheme(name = ApiDocumentation.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The merchant's API key: Authorization: Bearer <key>. Each operation requires a scope of the"
                + " key (orders:read, orders:write, payments:write, webhooks:manage, keys:manage, metrics:read); a key"
                + " without it is answered 403 insufficient_scope, naming the scope in required_scope.")
public final class ApiDocumentation {

    public static final String TITLE = "orderpay";
    public static final String VERSION = "1.0";
    public static final String DOCUMENT = "META-INF/swagger/" + TITLE + "-" + VERSION + ".yml";

    public static final String ORDERS = "orders";
    public static final String PAYMENTS = "payments";
    public static final String EVENTS = "events";
    public static final String WEBHOOKS = "webhooks";
    public static final String KEYS = "api keys";
    public static final String AUDIT = "audit log";
    public static final String BUYER = "buyer returns";
    public static final String PROVIDER = "provider notifications";
    public static final String API_KEY = "apiKey";

    public static final String PROBLEM_JSON = "application/problem+json";

    /** Sent on every answer (RequestIdFilter); documented on the shared problem answers. */
    public static final String REQUEST_ID_HEADER = "Request-Id";
    public static final String REQUEST_ID_DESCRIPTION = "The request's id, also in the problem's request_id: the"
            + " caller's X-Request-Id when it is 1 to 128 printable ASCII characters without spaces, else a new one.";

    /** Sent on every answer of a rate-limited route (ratelimit.RateLimitFilter); documented on 429. */
    public static final String RATE_LIMIT_POLICY_HEADER = "RateLimit-Policy";
    public static final String RATE_LIMIT_POLICY_DESCRIPTION = "The limit this instance applies, as the IETF httpapi"
            + " draft's structured field: the policy's name, q requests per w seconds, e.g. \"merchant\";q=6000;w=60";
    public static final String RATE_LIMIT_HEADER = "RateLimit";
    public static final String RATE_LIMIT_DESCRIPTION = "What is left of the limit: the policy's name, r requests"
            + " remaining, t seconds until all are available again, e.g. \"merchant\";r=0;t=12";

    private ApiDocumentation() {
    }
}
