package dev.orderpay.bootstrap;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.orderpay.application.port.out.IdempotentAnswers;
import dev.orderpay.application.port.out.PaymentUrls;
import dev.orderpay.application.port.out.PublicBaseUrl;
import dev.orderpay.application.port.out.event.EventPayloads;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

/**
 * The second guard after the Maven module graph: it also sees what Maven cannot, such as one adapter
 * reaching into another, or a class placed in a package no rule covers.
 */
@AnalyzeClasses(packages = "dev.orderpay",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The modules' test-jars (fakes, fixtures) are on this test's classpath but are not production code. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule dependencies_point_inward_and_adapters_never_see_each_other = onionArchitecture()
            .domainModels("dev.orderpay.domain..")
            .domainServices("dev.orderpay.application.port..")
            .applicationServices("dev.orderpay.application.service..")
            .adapter("rest", "dev.orderpay.adapter.rest..")
            .adapter("dintero", "dev.orderpay.adapter.dintero..")
            .adapter("simulator", "dev.orderpay.adapter.simulator..")
            .adapter("persistence", "dev.orderpay.adapter.persistence..")
            .adapter("webhooks", "dev.orderpay.adapter.webhooks..")
            // The wiring module sits outside the layers: it may see everything, and nothing may see it (below).
            .ignoreDependency(resideInAPackage("dev.orderpay.bootstrap.."), alwaysTrue())
            .ensureAllClassesAreContainedInArchitectureIgnoring("dev.orderpay.bootstrap..");

    // The onion rule sees both port packages as one ring; these two keep outbound types from leaking inward.
    @ArchTest
    static final ArchRule inbound_ports_never_speak_of_outbound_ports = noClasses()
            .that().resideInAPackage("dev.orderpay.application.port.in..")
            .should().dependOnClassesThat().resideInAPackage("dev.orderpay.application.port.out..");

    @ArchTest
    static final ArchRule the_rest_adapter_uses_inbound_ports_and_of_outbound_ones_only_those_it_implements = noClasses()
            .that().resideInAPackage("dev.orderpay.adapter.rest..")
            .should().dependOnClassesThat(resideInAPackage("dev.orderpay.application.port.out..")
                    .and(not(equivalentTo(PaymentUrls.class)))
                    .and(not(equivalentTo(PublicBaseUrl.class)))
                    // The events' payload is the order as this adapter shows it, so it renders them; and the answers
                    // recorded for requests with an idempotency key are this adapter's answers.
                    .and(not(equivalentTo(EventPayloads.class)))
                    .and(not(equivalentTo(IdempotentAnswers.class))));

    @ArchTest
    static final ArchRule the_core_does_not_know_any_framework = noClasses()
            .that().resideInAnyPackage("dev.orderpay.domain..", "dev.orderpay.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.micronaut..", "jakarta..", "javax..", "java.sql..", "com.fasterxml..", "org.slf4j..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_wiring = noClasses()
            .that().resideOutsideOfPackage("dev.orderpay.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.orderpay.bootstrap..");

    @ArchTest
    static final ArchRule the_provider_is_named_only_inside_its_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.orderpay.adapter.dintero..")
            .should().haveSimpleNameContaining("Dintero")
            .orShould().dependOnClassesThat().resideInAPackage("dev.orderpay.adapter.dintero..");
}
