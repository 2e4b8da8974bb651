package dev.orderpay.domain.audit;

/** Who asks, in tests. */
public final class TestActors {

    /** A client as the REST adapter names one, in some request. */
    public static final Actor CLIENT = new Actor("key-0123abcd", "test-request");

    private TestActors() {
    }
}
