package dev.orderpay.adapter.dintero;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderpay.application.port.in.confirmation.InboundNotification;
import dev.orderpay.application.port.out.CheckoutRequest;
import dev.orderpay.application.port.out.PaymentGatewayContract;
import dev.orderpay.domain.PaymentSession;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.orderpay.adapter.dintero.DinteroSandbox.dinteroError;

/**
 * Dintero's checkout behind WireMock, answering from what happened before: a session created from the profile can
 * be read and cancelled; the buyer pays in it or cancels; the transaction can be read, captured, refunded and
 * voided, and Dintero refuses with 400 what it would not do. On the buyer's return and in its signed callbacks it
 * puts the parameters Dintero puts there. Only what {@link PaymentGatewayContract} asks of a provider is played.
 * Give it to the sandbox with {@link DinteroSandbox#playing}, which starts it over with every test.
 */
final class DinteroCheckoutDouble implements ResponseDefinitionTransformerV2, DinteroSandbox.StatefulDouble,
        PaymentGatewayContract.ProviderDouble {

    private static final String NAME = "dintero-checkout-double";
    private static final Pattern SESSION = Pattern.compile("/v1/sessions/([^/]+)");
    private static final Pattern SESSION_CANCEL = Pattern.compile("/v1/sessions/([^/]+)/cancel");
    private static final Pattern TRANSACTION = Pattern.compile("/v1/transactions/([^/]+)");
    private static final Pattern OPERATION = Pattern.compile("/v1/transactions/([^/]+)/(capture|refund|void)");

    private final String accountId;
    private final String callbackSecret;
    private final JsonMapper json = JsonMapper.createDefault();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Transaction> transactions = new HashMap<>();
    private int sequence;

    /** What Dintero keeps of a session; changed only while holding the double's lock. */
    private static final class Session {
        final String id;
        final long amount;
        final String currency;
        final String merchantReference;
        final Optional<String> callbackUrl;
        final Optional<String> expiresAt;
        final List<String> events = new ArrayList<>();
        String transactionId;
        String cancelledAt;

        Session(String id, long amount, String currency, String merchantReference, Optional<String> callbackUrl,
                Optional<String> expiresAt) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
            this.merchantReference = merchantReference;
            this.callbackUrl = callbackUrl;
            this.expiresAt = expiresAt;
        }
    }

    /** What Dintero keeps of a transaction; changed only while holding the double's lock. */
    private static final class Transaction {
        final String id;
        final Session session;
        final List<Map<String, Object>> events = new ArrayList<>();
        String status = "AUTHORIZED";
        long captured;
        long refunded;

        Transaction(String id, Session session) {
            this.id = id;
            this.session = session;
        }

        void record(String event, long amount) {
            events.add(Map.of("event", event, "success", true, "amount", amount));
        }
    }

    /** Signs callbacks as Dintero does for an account with a callback secret. */
    DinteroCheckoutDouble(String accountId, String callbackSecret) {
        this.accountId = accountId;
        this.callbackSecret = callbackSecret;
    }

    /** Forgets every session and transaction, and routes Dintero's checkout endpoints on WireMock to this double. */
    @Override
    public synchronized void startOver(WireMockServer wireMock) {
        sessions.clear();
        transactions.clear();
        wireMock.stubFor(post(urlEqualTo(DinteroSandbox.SESSION_PATH)).willReturn(aResponse().withTransformers(NAME)));
        wireMock.stubFor(any(urlPathMatching("/v1/(sessions|transactions)/.+"))
                .willReturn(aResponse().withTransformers(NAME)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String method = request.getMethod().getName();
        String path = URI.create(request.getUrl()).getPath();
        Matcher matcher;
        if (method.equals("POST") && path.equals(DinteroSandbox.SESSION_PATH)) {
            return createSession(read(request.getBodyAsString())).build();
        }
        if (method.equals("POST") && (matcher = SESSION_CANCEL.matcher(path)).matches()) {
            return cancelSession(matcher.group(1)).build();
        }
        if (method.equals("GET") && (matcher = SESSION.matcher(path)).matches()) {
            return Optional.ofNullable(sessions.get(matcher.group(1))).map(this::answer)
                    .orElseGet(() -> dinteroError(404, "NOT_FOUND", "session not found")).build();
        }
        if (method.equals("POST") && (matcher = OPERATION.matcher(path)).matches()) {
            return operate(matcher.group(1), matcher.group(2), request.getBodyAsString()).build();
        }
        if (method.equals("GET") && (matcher = TRANSACTION.matcher(path)).matches()) {
            return Optional.ofNullable(transactions.get(matcher.group(1))).map(this::answer)
                    .orElseGet(() -> dinteroError(404, "NOT_FOUND", "transaction not found")).build();
        }
        return dinteroError(404, "NOT_FOUND", "not played by this double: " + method + " " + path).build();
    }

    @Override
    public synchronized Map<String, List<String>> buyerPays(PaymentSession paymentSession, CheckoutRequest request) {
        Session session = known(paymentSession);
        Transaction transaction = new Transaction(accountId + ".tx" + ++sequence, session);
        transaction.record("AUTHORIZE", session.amount);
        transactions.put(transaction.id, transaction);
        session.transactionId = transaction.id;
        session.events.add("AUTHORIZED");
        return Map.of("transaction_id", List.of(transaction.id), "session_id", List.of(session.id),
                "merchant_reference", List.of(session.merchantReference));
    }

    @Override
    public synchronized Map<String, List<String>> buyerCancels(PaymentSession paymentSession) {
        Session session = known(paymentSession);
        session.events.add("CANCELLED");
        return Map.of("error", List.of("cancelled"), "session_id", List.of(session.id),
                "merchant_reference", List.of(session.merchantReference));
    }

    @Override
    public InboundNotification paymentNotification(PaymentSession session, CheckoutRequest request) {
        return callbackOfPayment(session, callbackSecret);
    }

    @Override
    public InboundNotification forgedPaymentNotification(PaymentSession session, CheckoutRequest request) {
        return callbackOfPayment(session, "a-guess-at-" + callbackSecret);
    }

    /**
     * Dintero calls the callback_url it was given, with the payment's parameters appended, and signs it
     * ({@link DinteroSandbox#callbackSignature}).
     */
    private synchronized InboundNotification callbackOfPayment(PaymentSession paymentSession, String secret) {
        Session session = known(paymentSession);
        URI callbackUrl = URI.create(session.callbackUrl.orElseThrow(() ->
                new IllegalStateException("the session was opened without a callback_url: Dintero would not call")));
        String rawQuery = callbackUrl.getRawQuery() + "&transaction_id=" + formEncoded(session.transactionId)
                + "&session_id=" + formEncoded(session.id)
                + "&merchant_reference=" + formEncoded(session.merchantReference)
                + "&time=" + formEncoded(Instant.now().toString());
        String signature = DinteroSandbox.callbackSignature(secret, accountId, callbackUrl.getHost(),
                callbackUrl.getRawPath(), rawQuery);
        return new InboundNotification("GET", callbackUrl.getHost(), callbackUrl.getRawPath(), rawQuery,
                decoded(rawQuery), Map.of("Dintero-Signature", List.of(signature),
                "event-delivery", List.of(UUID.randomUUID().toString())));
    }

    /** Dintero refuses a session whose items do not add up to the order's amount (without partial payment). */
    private ResponseDefinitionBuilder createSession(JsonNode request) {
        JsonNode order = request.get("order");
        JsonNode urls = request.get("url");
        JsonNode items = order.get("items");
        if (items != null) {
            long itemsSum = 0;
            for (JsonNode item : items.values()) {
                itemsSum += item.get("amount").getLongValue();
            }
            if (itemsSum != order.get("amount").getLongValue()) {
                return dinteroError(400, "INVALID_REQUEST", "order.amount must equal the sum of order.items.amount");
            }
        }
        Session session = new Session(accountId + ".ses" + ++sequence, order.get("amount").getLongValue(),
                order.get("currency").getStringValue(), order.get("merchant_reference").getStringValue(),
                text(urls, "callback_url"), text(request, "expires_at"));
        sessions.put(session.id, session);
        return okJson(write(Map.of("id", session.id, "url", "https://checkout.test.dintero.com/v1/view/" + session.id)));
    }

    private ResponseDefinitionBuilder cancelSession(String sessionId) {
        Session session = sessions.get(sessionId);
        if (session == null) {
            return dinteroError(404, "NOT_FOUND", "session not found");
        }
        session.cancelledAt = Instant.now().toString();
        return answer(session);
    }

    private static String refundedStatus(Transaction transaction, long authorized) {
        return transaction.refunded == transaction.captured ? "REFUNDED"
                : transaction.captured == authorized ? "PARTIALLY_REFUNDED" : "PARTIALLY_CAPTURED_REFUNDED";
    }

    private ResponseDefinitionBuilder operate(String transactionId, String operation, String body) {
        Transaction transaction = transactions.get(transactionId);
        if (transaction == null) {
            return dinteroError(404, "NOT_FOUND", "transaction not found");
        }
        long authorized = transaction.session.amount;
        switch (operation) {
            case "capture" -> {
                long amount = read(body).get("amount").getLongValue();
                // What is left of an authorization can still be captured after a part of the capture was refunded.
                if (!List.of("AUTHORIZED", "PARTIALLY_CAPTURED", "PARTIALLY_CAPTURED_REFUNDED")
                        .contains(transaction.status) || transaction.captured + amount > authorized) {
                    return dinteroError(400, "BAD_REQUEST", "amount exceeds the remaining authorized amount");
                }
                transaction.captured += amount;
                transaction.record("CAPTURE", amount);
                transaction.status = transaction.refunded > 0 ? refundedStatus(transaction, authorized)
                        : transaction.captured == authorized ? "CAPTURED" : "PARTIALLY_CAPTURED";
            }
            case "refund" -> {
                long amount = read(body).get("amount").getLongValue();
                if (transaction.refunded + amount > transaction.captured) {
                    return dinteroError(400, "BAD_REQUEST", "amount exceeds the captured amount");
                }
                transaction.refunded += amount;
                transaction.record("REFUND", amount);
                transaction.status = refundedStatus(transaction, authorized);
            }
            default -> {
                if (!transaction.status.equals("AUTHORIZED")) {
                    return dinteroError(400, "BAD_REQUEST", "only an authorization can be voided");
                }
                transaction.record("VOID", authorized);
                transaction.status = "AUTHORIZATION_VOIDED";
            }
        }
        return answer(transaction);
    }

    private ResponseDefinitionBuilder answer(Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", session.id);
        body.put("order", Map.of("amount", session.amount, "currency", session.currency,
                "merchant_reference", session.merchantReference));
        session.expiresAt.ifPresent(expiresAt -> body.put("expires_at", expiresAt));
        Optional.ofNullable(session.transactionId).ifPresent(id -> body.put("transaction_id", id));
        Optional.ofNullable(session.cancelledAt).ifPresent(at -> body.put("cancelled_at", at));
        body.put("events", session.events.stream().map(name -> Map.of("name", name)).toList());
        return okJson(write(body));
    }

    private ResponseDefinitionBuilder answer(Transaction transaction) {
        Session session = transaction.session;
        return okJson(write(Map.of("id", transaction.id, "session_id", session.id,
                "merchant_reference", session.merchantReference, "amount", session.amount,
                "currency", session.currency, "status", transaction.status, "events", transaction.events)));
    }

    private Session known(PaymentSession paymentSession) {
        Session session = sessions.get(paymentSession.id().value());
        if (session == null) {
            throw new IllegalArgumentException("Dintero created no session " + paymentSession.id());
        }
        return session;
    }

    private JsonNode read(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private static Optional<String> text(JsonNode parent, String field) {
        return Optional.ofNullable(parent).map(node -> node.get(field)).map(JsonNode::getStringValue);
    }

    private static Map<String, List<String>> decoded(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            query.computeIfAbsent(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8), name -> new ArrayList<>())
                    .add(URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String formEncoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
