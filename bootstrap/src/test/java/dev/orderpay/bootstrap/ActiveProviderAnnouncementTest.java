package dev.orderpay.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider announced is the one configured, named as it is configured, whatever its gateway class is called. */
class ActiveProviderAnnouncementTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ActiveProviderAnnouncement.class);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
    }

    @Test
    void given_the_simulator_configured_when_the_service_starts_then_a_warning_names_the_simulator() {
        ILoggingEvent line = announcementFor("simulator");

        assertThat(line.getLevel()).isEqualTo(Level.WARN);
        assertThat(line.getFormattedMessage()).contains("the SIMULATOR is active");
    }

    @Test
    void given_dintero_configured_when_the_service_starts_then_it_is_announced_by_its_configured_name() {
        ILoggingEvent line = announcementFor("dintero");

        assertThat(line.getLevel()).isEqualTo(Level.INFO);
        assertThat(line.getFormattedMessage()).isEqualTo("PAYMENT PROVIDER: dintero is active");
    }

    private ILoggingEvent announcementFor(String configuredProvider) {
        new ActiveProviderAnnouncement(configuredProvider).announce();
        assertThat(captured.list).hasSize(1);
        return captured.list.get(0);
    }
}
