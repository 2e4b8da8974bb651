package dev.orderpay.application.service;

import dev.orderpay.application.port.in.InvalidCommandException;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointCommand;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult;
import dev.orderpay.application.port.in.idempotency.IdempotencyKey;
import dev.orderpay.application.port.in.idempotency.IdempotencyKeyReusedException;
import dev.orderpay.application.port.in.idempotency.IdempotentResult;
import dev.orderpay.application.port.in.idempotency.RecordedAnswer;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult.Created;
import dev.orderpay.application.port.in.webhook.CreateWebhookEndpointResult.LimitReached;
import dev.orderpay.application.port.in.webhook.RotatedSecret;
import dev.orderpay.application.port.in.webhook.UpdateWebhookEndpointCommand;
import dev.orderpay.application.port.in.webhook.WebhookEndpointBusyException;
import dev.orderpay.application.port.in.webhook.WebhookEndpointNotFoundException;
import dev.orderpay.application.port.out.IdempotentRequests;
import dev.orderpay.application.port.out.InMemoryIdempotentRequests;
import dev.orderpay.application.port.out.PlainIdempotentAnswers;
import dev.orderpay.application.port.out.webhook.ConcurrentWebhookEndpointUpdateException;
import dev.orderpay.application.port.out.webhook.InMemoryWebhookEndpoints;
import dev.orderpay.application.port.out.webhook.WebhookDestinations;
import dev.orderpay.domain.TestClock;
import dev.orderpay.domain.audit.AuditAction;
import dev.orderpay.domain.audit.AuditEntry;
import dev.orderpay.domain.audit.TestActors;
import dev.orderpay.domain.event.EventType;
import dev.orderpay.domain.webhook.EventSelection;
import dev.orderpay.domain.webhook.PreviousSecret;
import dev.orderpay.domain.webhook.SigningSecretGenerator;
import dev.orderpay.domain.webhook.WebhookEndpoint;
import dev.orderpay.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dev.orderpay.application.port.in.idempotency.IdempotentResults.executed;
import static dev.orderpay.application.port.in.idempotency.IdempotentResults.replayed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class WebhookEndpointServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-08T12:00:00Z");
    private static final Duration OVERLAP = Duration.ofHours(24);
    private static final String URL = "https://merchant.example.test/hooks";
    private static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final IdempotencyKey KEY = new IdempotencyKey("client-1", "key-1");
    private static final PlainIdempotentAnswers ANSWERS = new PlainIdempotentAnswers();
    // The sender's rule, as a stub: only https.
    private static final WebhookDestinations HTTPS_ONLY = url -> "https".equals(url.getScheme())
            ? Optional.empty() : Optional.of("must be an https URL");

    private final TestClock clock = TestClock.standingAt(NOW);
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final InMemoryIdempotentRequests requests = new InMemoryIdempotentRequests(clock);

    private WebhookEndpointService service(InMemoryWebhookEndpoints store, int maxEndpoints) {
        return new WebhookEndpointService(store, HTTPS_ONLY, new SigningSecretGenerator(new Random(1)), clock,
                new WebhookEndpointService.Policy(maxEndpoints, OVERLAP),
                new KeyedRequests(requests, clock, new KeyedRequests.Policy(KEY_LIFETIME, HOLD)), ANSWERS);
    }

    private final WebhookEndpointService service = service(endpoints, 16);

    @Test
    void given_an_endpoint_created_changed_rotated_and_deleted_then_each_left_one_audit_entry_naming_it() {
        WebhookEndpointId id = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT))).endpoint().id();

        service.updateEndpoint(UpdateWebhookEndpointCommand.of(id, false, null, null, null, TestActors.CLIENT));
        service.rotateSecret(id, TestActors.CLIENT);
        service.deleteEndpoint(id, TestActors.CLIENT);

        assertThat(endpoints.auditLog().all())
                .extracting(AuditEntry::action, AuditEntry::targetId, AuditEntry::actor)
                .containsExactly(tuple(AuditAction.WEBHOOK_ENDPOINT_CREATED, id.toString(), TestActors.CLIENT),
                        tuple(AuditAction.WEBHOOK_ENDPOINT_UPDATED, id.toString(), TestActors.CLIENT),
                        tuple(AuditAction.WEBHOOK_ENDPOINT_SECRET_ROTATED, id.toString(), TestActors.CLIENT),
                        tuple(AuditAction.WEBHOOK_ENDPOINT_DELETED, id.toString(), TestActors.CLIENT));
    }

    @Test
    void given_requests_refused_for_the_limit_or_an_unknown_endpoint_then_they_leave_no_audit_entry() {
        WebhookEndpointService oneAllowed = service(endpoints, 1);
        created(oneAllowed.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null, TestActors.CLIENT)));
        WebhookEndpointId unknown = WebhookEndpointId.newId();

        oneAllowed.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null, TestActors.CLIENT));
        assertThatThrownBy(() -> oneAllowed.deleteEndpoint(unknown, TestActors.CLIENT))
                .isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> oneAllowed.rotateSecret(unknown, TestActors.CLIENT))
                .isInstanceOf(WebhookEndpointNotFoundException.class);

        assertThat(endpoints.auditLog().all()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.WEBHOOK_ENDPOINT_CREATED);
    }

    @Test
    void given_a_url_when_an_endpoint_is_created_then_it_is_stored_enabled_for_every_type_with_the_secret_returned() {
        Created created = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, "shop",
                TestActors.CLIENT)));

        WebhookEndpoint stored = endpoints.findById(created.endpoint().id()).orElseThrow();
        assertThat(stored.url()).isEqualTo(URI.create(URL));
        assertThat(stored.events()).isEqualTo(EventSelection.all());
        assertThat(stored.enabled()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.description()).contains("shop");
        assertThat(stored.secret()).isEqualTo(created.secret());
        assertThat(created.secret().value()).startsWith("whsec_");
    }

    @Test
    void given_two_endpoints_when_created_then_each_has_its_own_secret() {
        Created first = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)));
        Created second = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)));

        assertThat(first.secret()).isNotEqualTo(second.secret());
    }

    @Test
    void given_a_url_webhooks_may_not_go_to_when_created_then_the_url_is_named_and_nothing_is_stored() {
        InvalidCommandException invalid = catchThrowableOfType(() -> service.createEndpoint(
                CreateWebhookEndpointCommand.of("http://merchant.example.test/hooks", null, null, TestActors.CLIENT)),
                InvalidCommandException.class);

        assertThat(invalid.fieldErrors()).containsEntry("url", "must be an https URL");
        assertThat(endpoints.findAll()).isEmpty();
    }

    @Test
    void given_as_many_endpoints_as_allowed_when_another_is_created_then_the_limit_is_reported_and_nothing_stored() {
        WebhookEndpointService limited = service(endpoints, 2);
        limited.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null, TestActors.CLIENT));
        limited.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null, TestActors.CLIENT));

        CreateWebhookEndpointResult third = executed(limited.createEndpoint(CreateWebhookEndpointCommand.of(URL, null,
                null, TestActors.CLIENT)));

        assertThat(third).isEqualTo(new LimitReached(2));
        assertThat(endpoints.findAll()).hasSize(2);
    }

    @Test
    void given_endpoints_when_listed_then_they_come_oldest_first() {
        WebhookEndpointId first = createEndpoint();
        clock.advance(Duration.ofMinutes(1));
        WebhookEndpointId second = createEndpoint();

        assertThat(service.listEndpoints()).extracting(WebhookEndpoint::id).containsExactly(first, second);
    }

    @Test
    void given_an_unknown_id_then_get_update_rotate_and_delete_report_it_not_found() {
        WebhookEndpointId unknown = WebhookEndpointId.newId();

        assertThatThrownBy(() -> service.getEndpoint(unknown)).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.updateEndpoint(UpdateWebhookEndpointCommand.of(unknown, false, null, null,
                null, TestActors.CLIENT))).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.rotateSecret(unknown,
                TestActors.CLIENT)).isInstanceOf(WebhookEndpointNotFoundException.class);
        assertThatThrownBy(() -> service.deleteEndpoint(unknown,
                TestActors.CLIENT)).isInstanceOf(WebhookEndpointNotFoundException.class);
    }

    @Test
    void given_an_endpoint_when_the_merchant_disables_it_then_it_says_so_and_enabling_forgets_why() {
        WebhookEndpointId id = createEndpoint();

        WebhookEndpoint disabled = service.updateEndpoint(UpdateWebhookEndpointCommand.of(id, false, null, null, null,
                TestActors.CLIENT));
        WebhookEndpoint enabled = service.updateEndpoint(UpdateWebhookEndpointCommand.of(id, true, null, null, null,
                TestActors.CLIENT));

        assertThat(disabled.disabled())
                .contains(new WebhookEndpoint.Disabled(WebhookEndpointService.DISABLED_BY_MERCHANT, NOW));
        assertThat(enabled.disabled()).isEmpty();
        assertThat(endpoints.findById(id).orElseThrow().enabled()).isTrue();
    }

    @Test
    void given_several_changes_when_updated_then_all_are_stored_together() {
        WebhookEndpointId id = createEndpoint();

        WebhookEndpoint updated = service.updateEndpoint(UpdateWebhookEndpointCommand.of(id, null,
                List.of("order.captured"), "", "https://other.example.test/hooks", TestActors.CLIENT));

        assertThat(updated.url()).isEqualTo(URI.create("https://other.example.test/hooks"));
        assertThat(updated.events().chosen()).containsExactly(EventType.ORDER_CAPTURED);
        assertThat(updated.description()).isEmpty();
        assertThat(endpoints.findById(id).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void given_a_new_url_webhooks_may_not_go_to_when_updated_then_it_is_named_and_nothing_changes() {
        WebhookEndpointId id = createEndpoint();

        InvalidCommandException invalid = catchThrowableOfType(() -> service.updateEndpoint(
                UpdateWebhookEndpointCommand.of(id, false, null, null, "http://merchant.example.test/",
                        TestActors.CLIENT)),
                InvalidCommandException.class);

        assertThat(invalid.fieldErrors()).containsOnlyKeys("url");
        WebhookEndpoint stored = endpoints.findById(id).orElseThrow();
        assertThat(stored.url()).isEqualTo(URI.create(URL));
        assertThat(stored.enabled()).isTrue();
    }

    @Test
    void given_the_delivery_engine_disables_an_endpoint_while_the_merchant_edits_it_then_both_changes_stand() {
        InMemoryWebhookEndpoints racing = new InMemoryWebhookEndpoints() {
            private boolean raced;

            @Override
            public synchronized WebhookEndpoint update(WebhookEndpoint endpoint, Optional<AuditEntry> audit) {
                if (!raced) {
                    raced = true;
                    disable(endpoint.id(), "Every delivery failed for 3 days.", NOW);
                }
                return super.update(endpoint, audit);
            }
        };
        WebhookEndpointService raced = service(racing, 16);
        WebhookEndpointId id = created(raced.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)))
                .endpoint().id();

        WebhookEndpoint updated = raced.updateEndpoint(UpdateWebhookEndpointCommand.of(id, null, null, "edited", null,
                TestActors.CLIENT));

        assertThat(updated.description()).contains("edited");
        assertThat(updated.disabled()).map(WebhookEndpoint.Disabled::reason)
                .contains("Every delivery failed for 3 days.");
    }

    @Test
    void given_an_endpoint_that_keeps_changing_when_updated_then_the_request_gives_up_and_reports_it() {
        InMemoryWebhookEndpoints alwaysLosing = new InMemoryWebhookEndpoints() {
            @Override
            public synchronized WebhookEndpoint update(WebhookEndpoint endpoint, Optional<AuditEntry> audit) {
                throw new ConcurrentWebhookEndpointUpdateException(endpoint.id());
            }
        };
        WebhookEndpointService losing = service(alwaysLosing, 16);
        WebhookEndpointId id = created(losing.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)))
                .endpoint().id();

        assertThatThrownBy(() -> losing.updateEndpoint(UpdateWebhookEndpointCommand.of(id, false, null, null, null,
                TestActors.CLIENT)))
                .isInstanceOf(WebhookEndpointBusyException.class);
    }

    @Test
    void given_an_endpoint_when_its_secret_is_rotated_then_the_new_one_is_returned_and_the_old_signs_for_the_overlap() {
        Created created = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)));
        clock.advance(Duration.ofHours(1));

        RotatedSecret rotated = service.rotateSecret(created.endpoint().id(), TestActors.CLIENT);

        Instant rotatedAt = NOW.plus(Duration.ofHours(1));
        WebhookEndpoint stored = endpoints.findById(created.endpoint().id()).orElseThrow();
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(stored.secret()).isEqualTo(rotated.secret());
        assertThat(stored.previousSecret()).contains(new PreviousSecret(created.secret(), rotatedAt.plus(OVERLAP)));
        assertThat(rotated.endpoint().previousSecret()).isEqualTo(stored.previousSecret());
        assertThat(stored.secretsInForce(rotatedAt)).containsExactly(rotated.secret(), created.secret());
        assertThat(stored.secretsInForce(rotatedAt.plus(OVERLAP))).containsExactly(rotated.secret());
    }

    @Test
    void given_a_clock_with_nanoseconds_then_the_times_recorded_are_in_microseconds_as_the_database_keeps_them() {
        clock.set(NOW.plusNanos(123_456_789));

        Created created = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)));
        RotatedSecret rotated = service.rotateSecret(created.endpoint().id(), TestActors.CLIENT);

        assertThat(created.endpoint().createdAt()).isEqualTo(NOW.plusNanos(123_456_000));
        assertThat(rotated.endpoint().previousSecret().orElseThrow().signsUntil())
                .isEqualTo(NOW.plusNanos(123_456_000).plus(OVERLAP));
    }

    @Test
    void given_an_endpoint_when_deleted_then_it_is_gone() {
        WebhookEndpointId id = createEndpoint();

        service.deleteEndpoint(id, TestActors.CLIENT);

        assertThat(endpoints.findById(id)).isEmpty();
        assertThatThrownBy(() -> service.getEndpoint(id)).isInstanceOf(WebhookEndpointNotFoundException.class);
    }

    @Test
    void given_an_endpoint_created_with_a_key_when_the_request_is_repeated_then_the_answer_without_the_secret_is_replayed() {
        CreateWebhookEndpointCommand keyed = CreateWebhookEndpointCommand.of(URL, List.of("order.captured"), "shop",
                TestActors.CLIENT)
                .withIdempotencyKey(KEY);
        Created first = created(service.createEndpoint(keyed));

        RecordedAnswer repeat = replayed(service.createEndpoint(keyed));

        assertThat(repeat).isEqualTo(ANSWERS.webhookEndpoint(first));
        assertThat(endpoints.findAll()).hasSize(1);
    }

    @Test
    void given_a_key_used_to_create_an_endpoint_when_another_endpoint_is_asked_for_with_it_then_it_is_refused() {
        service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT).withIdempotencyKey(KEY));

        assertThatThrownBy(() -> service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, "other",
                TestActors.CLIENT)
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> service.createEndpoint(CreateWebhookEndpointCommand.of(URL + "/other", null, null,
                TestActors.CLIENT)
                .withIdempotencyKey(KEY))).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(endpoints.findAll()).hasSize(1);
    }

    @Test
    void given_the_same_event_types_in_another_order_then_the_request_is_the_same() {
        CreateWebhookEndpointCommand one = CreateWebhookEndpointCommand.of(URL,
                List.of("order.captured", "order.authorized"), null, TestActors.CLIENT);
        CreateWebhookEndpointCommand other = CreateWebhookEndpointCommand.of(URL,
                List.of("order.authorized", "order.captured"), null, TestActors.CLIENT);

        assertThat(one.fingerprint()).isEqualTo(other.fingerprint());
        assertThat(one.fingerprint()).isNotEqualTo(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT).fingerprint());
    }

    @Test
    void given_a_url_refused_when_created_with_a_key_then_the_key_stays_free_for_a_corrected_request() {
        assertThatThrownBy(() -> service.createEndpoint(CreateWebhookEndpointCommand.of("http://merchant.example",
                null, null, TestActors.CLIENT).withIdempotencyKey(KEY))).isInstanceOf(InvalidCommandException.class);

        assertThat(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT).withIdempotencyKey(KEY)))
                .isInstanceOf(IdempotentResult.Executed.class);
    }

    @Test
    void given_a_keyed_creation_that_stopped_after_storing_its_endpoint_when_repeated_then_it_answers_without_the_secret() {
        CreateWebhookEndpointCommand keyed = CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT).withIdempotencyKey(KEY);
        Created stored = created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT)));
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CREATE_WEBHOOK_ENDPOINT,
                Optional.empty(), keyed.fingerprint()), Optional.of(stored.endpoint().id().value()),
                clock.instant().plus(HOLD), clock.instant().plus(KEY_LIFETIME));
        clock.advance(HOLD.plusSeconds(1));

        RecordedAnswer settled = replayed(service.createEndpoint(keyed));

        assertThat(settled).isEqualTo(ANSWERS.webhookEndpoint(stored));
        assertThat(endpoints.findAll()).hasSize(1);
        assertThat(replayed(service.createEndpoint(keyed))).isEqualTo(settled);
    }

    @Test
    void given_a_keyed_creation_that_stopped_before_storing_its_endpoint_when_repeated_then_it_is_created_under_the_claimed_id() {
        CreateWebhookEndpointCommand keyed = CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT).withIdempotencyKey(KEY);
        WebhookEndpointId claimed = WebhookEndpointId.newId();
        requests.claim(new IdempotentRequests.Request(KEY, IdempotentRequests.Operation.CREATE_WEBHOOK_ENDPOINT,
                Optional.empty(), keyed.fingerprint()), Optional.of(claimed.value()),
                clock.instant().plus(HOLD), clock.instant().plus(KEY_LIFETIME));
        clock.advance(HOLD.plusSeconds(1));

        Created created = created(service.createEndpoint(keyed));

        assertThat(created.endpoint().id()).isEqualTo(claimed);
        assertThat(endpoints.findAll()).hasSize(1);
    }

    private WebhookEndpointId createEndpoint() {
        return created(service.createEndpoint(CreateWebhookEndpointCommand.of(URL, null, null,
                TestActors.CLIENT))).endpoint().id();
    }

    private static Created created(IdempotentResult<CreateWebhookEndpointResult> result) {
        assertThat(executed(result)).isInstanceOf(Created.class);
        return (Created) executed(result);
    }
}
