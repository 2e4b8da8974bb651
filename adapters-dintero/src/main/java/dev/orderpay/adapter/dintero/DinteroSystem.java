package dev.orderpay.adapter.dintero;

/** How this service names itself to Dintero, so Dintero's support can tell its requests apart. */
final class DinteroSystem {

    static final String NAME_HEADER = "Dintero-System-Name";
    static final String VERSION_HEADER = "Dintero-System-Version";
    static final String NAME = "orderpay";
    /** Resolved by Micronaut when the request is made; the application may set {@code orderpay.version}. */
    static final String VERSION = "${orderpay.version:unreleased}";

    private DinteroSystem() {
    }
}
