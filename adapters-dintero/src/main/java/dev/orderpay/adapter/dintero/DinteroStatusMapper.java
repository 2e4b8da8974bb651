package dev.orderpay.adapter.dintero;

import dev.orderpay.domain.OrderStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates a Dintero transaction status into the order status it stands for. */
final class DinteroStatusMapper {

    private static final Logger LOG = LoggerFactory.getLogger(DinteroStatusMapper.class);

    private DinteroStatusMapper() {
    }

    static OrderStatus toOrderStatus(String dinteroStatus) {
        if (dinteroStatus == null) {
            LOG.warn("Dintero transaction without a status; treating it as pending");
            return OrderStatus.PENDING;
        }
        return switch (dinteroStatus) {
            case "INITIATED", "UNKNOWN" -> OrderStatus.PENDING;
            case "ON_HOLD" -> OrderStatus.ON_HOLD;
            case "AUTHORIZED" -> OrderStatus.AUTHORIZED;
            case "PARTIALLY_CAPTURED" -> OrderStatus.PARTIALLY_CAPTURED;
            case "CAPTURED" -> OrderStatus.CAPTURED;
            // Part of the money was captured and some of that given back: what matters now is that a refund
            // happened, and the captured and refunded amounts say how much.
            case "PARTIALLY_REFUNDED", "PARTIALLY_CAPTURED_REFUNDED" -> OrderStatus.PARTIALLY_REFUNDED;
            case "REFUNDED" -> OrderStatus.REFUNDED;
            case "DECLINED" -> OrderStatus.DECLINED;
            case "FAILED" -> OrderStatus.FAILED;
            case "AUTHORIZATION_VOIDED" -> OrderStatus.CANCELLED;
            default -> {
                // A status newer than this adapter: wait for one it knows rather than guess at the money.
                LOG.warn("unknown Dintero transaction status '{}'; treating it as pending", printable(dinteroStatus));
                yield OrderStatus.PENDING;
            }
        };
    }

    /** Values from outside: keep log lines short and on one line. */
    static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
