package dev.orderpay.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvenanceTest {

    private static final Instant AT = Instant.parse("2026-03-08T13:24:40.818123Z");

    @Test
    void given_a_provider_reference_then_it_is_kept_with_source_and_time() {
        Provenance provenance = Provenance.of(ChangeSource.CALLBACK, "event-7", AT);

        assertThat(provenance.source()).isEqualTo(ChangeSource.CALLBACK);
        assertThat(provenance.providerReference()).contains("event-7");
        assertThat(provenance.at()).isEqualTo(AT);
    }

    @Test
    void given_no_provider_reference_then_the_change_is_unreferenced() {
        assertThat(Provenance.of(ChangeSource.REDIRECT, null, AT).providerReference()).isEmpty();
        assertThat(Provenance.unreferenced(ChangeSource.REDIRECT, AT))
                .isEqualTo(new Provenance(ChangeSource.REDIRECT, Optional.empty(), AT));
    }

    @Test
    void given_no_source_or_no_time_then_no_provenance_can_be_made() {
        assertThatThrownBy(() -> Provenance.of(null, "event-7", AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Provenance.unreferenced(ChangeSource.API, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Provenance(ChangeSource.API, null, AT)).isInstanceOf(NullPointerException.class);
    }
}
