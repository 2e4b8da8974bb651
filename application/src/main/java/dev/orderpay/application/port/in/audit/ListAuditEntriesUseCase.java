package dev.orderpay.application.port.in.audit;

/** Reading the audit log: who asked for which sensitive action, newest first. */
public interface ListAuditEntriesUseCase {

    AuditPage listAuditEntries(ListAuditEntriesQuery query);
}
