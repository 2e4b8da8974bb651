package dev.orderpay.domain.audit;

import java.util.Arrays;
import java.util.Optional;

/** The sensitive actions the audit log records, each with the kind of thing it acts on. */
public enum AuditAction {
    PAYMENT_CAPTURE_REQUESTED("payment.capture_requested", TargetType.ORDER),
    PAYMENT_REFUND_REQUESTED("payment.refund_requested", TargetType.ORDER),
    PAYMENT_CANCEL_REQUESTED("payment.cancel_requested", TargetType.ORDER),
    WEBHOOK_ENDPOINT_CREATED("webhook_endpoint.created", TargetType.WEBHOOK_ENDPOINT),
    WEBHOOK_ENDPOINT_UPDATED("webhook_endpoint.updated", TargetType.WEBHOOK_ENDPOINT),
    WEBHOOK_ENDPOINT_DELETED("webhook_endpoint.deleted", TargetType.WEBHOOK_ENDPOINT),
    WEBHOOK_ENDPOINT_SECRET_ROTATED("webhook_endpoint.secret_rotated", TargetType.WEBHOOK_ENDPOINT),
    EVENT_REDELIVERED("event.redelivered", TargetType.EVENT),
    API_KEY_CREATED("api_key.created", TargetType.API_KEY),
    API_KEY_REVOKED("api_key.revoked", TargetType.API_KEY);

    /** What an action's target id names. */
    public enum TargetType {
        ORDER("order"),
        WEBHOOK_ENDPOINT("webhook_endpoint"),
        EVENT("event"),
        API_KEY("api_key");

        private final String wireName;

        TargetType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    private final String wireName;
    private final TargetType targetType;

    AuditAction(String wireName, TargetType targetType) {
        this.wireName = wireName;
        this.targetType = targetType;
    }

    public String wireName() {
        return wireName;
    }

    public TargetType targetType() {
        return targetType;
    }

    public static Optional<AuditAction> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(action -> action.wireName.equals(wireName)).findFirst();
    }
}
