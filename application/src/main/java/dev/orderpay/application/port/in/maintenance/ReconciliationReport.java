package dev.orderpay.application.port.in.maintenance;

/**
 * @param examined orders asked about
 * @param changed  orders whose status changed
 * @param failed   orders the provider could not be asked about; they are asked again later
 */
public record ReconciliationReport(int examined, int changed, int failed) {

    /** What two batches did together. */
    public ReconciliationReport plus(ReconciliationReport other) {
        return new ReconciliationReport(examined + other.examined, changed + other.changed, failed + other.failed);
    }
}
