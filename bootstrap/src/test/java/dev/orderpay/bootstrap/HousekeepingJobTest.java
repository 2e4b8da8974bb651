package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Housekeeping as the service runs it, over real PostgreSQL: with a retention of a millisecond every event is past
 * it, and those whose webhooks are all done go, with their deliveries; one still to be delivered stays. Every audit
 * entry is past its retention too, and goes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HousekeepingJobTest implements TestPropertyProvider {

    @RegisterExtension
    static final ServiceUnderTest orderpay = ServiceUnderTest.withSimulator().with("orderpay.event-retention", "1ms")
            .with("orderpay.audit-retention", "1ms");

    private final ServiceClient merchant = orderpay.client();
    private final JsonMapper json = JsonMapper.createDefault();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private String endpointId;

    @Inject
    HousekeepingJob job;

    @Override
    public Map<String, String> getProperties() {
        logged.start();
        jobLogger().addAppender(logged);
        return orderpay.properties();
    }

    @AfterAll
    void cleanUp() throws Exception {
        jobLogger().detachAppender(logged);
        // The database outlives this class: its endpoint must not receive the events of the tests after it.
        if (endpointId != null) {
            merchant.delete("/webhook-endpoints/" + endpointId);
        }
    }

    @Test
    void given_events_past_their_retention_then_a_run_forgets_those_with_nothing_left_to_deliver() throws Exception {
        // The database is shared with the test classes before this one: their endpoints would get deliveries too.
        for (JsonNode earlier : merchant.json(merchant.get("/webhook-endpoints")).get("endpoints").values()) {
            merchant.delete("/webhook-endpoints/" + earlier.get("id").getStringValue());
        }
        String toNobody = merchant.createOrder(1_000, "NOK", "before any endpoint");
        // A receiver that refuses every connection: its delivery stays pending, to be tried again in a minute.
        String url = "http://127.0.0.1:" + ServiceUnderTest.freePort() + "/hooks";
        endpointId = merchant.json(merchant.postJson("/webhook-endpoints",
                json.writeValueAsString(Map.of("url", url)))).get("id").getStringValue();
        String toRefusingReceiver = merchant.createOrder(2_000, "NOK", "after the endpoint");

        assertThat(merchant.json(merchant.get("/audit-log?target_id=" + endpointId)).get("entries").size())
                .isEqualTo(1);

        job.run();

        assertThat(merchant.json(merchant.get("/audit-log?target_id=" + endpointId)).get("entries").size()).isZero();
        assertThat(merchant.json(merchant.get("/orders/" + toNobody + "/events")).get("events").size()).isZero();
        assertThat(merchant.json(merchant.get("/orders/" + toRefusingReceiver + "/events")).get("events").size())
                .isEqualTo(1);
        assertThat(logged.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("Housekeeping forgot ").endsWith(" audit entries past their retention")
                .doesNotContain("before any endpoint");
    }

    private static Logger jobLogger() {
        return (Logger) LoggerFactory.getLogger(HousekeepingJob.class);
    }
}
