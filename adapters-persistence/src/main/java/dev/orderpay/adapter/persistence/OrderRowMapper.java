package dev.orderpay.adapter.persistence;

import dev.orderpay.domain.Money;
import dev.orderpay.domain.Order;
import dev.orderpay.domain.OrderId;
import dev.orderpay.domain.OrderPayment;
import dev.orderpay.domain.OrderStatus;
import dev.orderpay.domain.PaymentId;
import dev.orderpay.domain.PaymentSession;
import dev.orderpay.domain.PendingOperation;
import dev.orderpay.domain.Receipt;
import dev.orderpay.domain.SessionId;
import dev.orderpay.domain.contents.Address;
import dev.orderpay.domain.contents.CountryCode;
import dev.orderpay.domain.contents.Customer;
import dev.orderpay.domain.contents.EmailAddress;
import dev.orderpay.domain.contents.LineItem;
import dev.orderpay.domain.contents.LineLedger;
import dev.orderpay.domain.contents.LineMovement;
import dev.orderpay.domain.contents.LineShare;
import dev.orderpay.domain.contents.Metadata;
import dev.orderpay.domain.contents.OrderContents;
import dev.orderpay.domain.contents.OrderLines;
import dev.orderpay.domain.contents.PersonName;
import dev.orderpay.domain.contents.PhoneNumber;
import dev.orderpay.domain.webhook.CallbackUrl;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Flattens an order into its row and back; the status and the pending operation's type are stored by name, and
 * every amount in minor units of the order's one currency. Its lines go to their own rows ({@link OrderLineRow}).
 */
final class OrderRowMapper {

    private OrderRowMapper() {
    }

    static OrderRow toRow(Order order, long version, Instant updatedAt, Instant creationHeldUntil) {
        OrderContents contents = order.contents();
        PaymentSession session = order.session().orElse(null);
        OrderPayment payment = order.payment();
        PendingOperation pending = order.pendingOperation().orElse(null);
        return new OrderRow(
                order.id().value(),
                order.amount().minorUnits(),
                order.amount().currencyCode(),
                order.receipt().value(),
                order.callbackUrl().map(CallbackUrl::toString).orElse(null),
                order.status().name(),
                session == null ? null : session.id().value(),
                session == null ? null : session.link().toString(),
                payment.paymentId().map(PaymentId::value).orElse(null),
                payment.captured().minorUnits(),
                payment.refunded().minorUnits(),
                pending == null ? null : pending.type().name(),
                pending == null ? null : pending.amount().minorUnits(),
                pending == null ? null : pending.baseline().minorUnits(),
                pending == null ? null : pending.startedAt(),
                pending == null || pending.lines().isEmpty() ? null : toDocuments(pending.lines()),
                order.createdAt(),
                updatedAt,
                creationHeldUntil,
                order.lastEventSequence(),
                contents.lines().count(),
                contents.customer().email().map(EmailAddress::value).orElse(null),
                contents.customer().isEmpty() ? null : toDocument(contents.customer()),
                contents.shippingAddress().map(OrderRowMapper::toDocument).orElse(null),
                contents.billingAddress().map(OrderRowMapper::toDocument).orElse(null),
                contents.metadata().values(),
                version);
    }

    /** The order's lines as the columns of one insert, each an array in the lines' order. */
    static LineColumns toLineColumns(OrderLines lines) {
        List<LineItem> items = lines.items();
        return new LineColumns(
                items.stream().map(LineItem::lineId).toArray(String[]::new),
                items.stream().map(LineItem::description).toArray(String[]::new),
                items.stream().map(item -> item.quantity().toPlainString()).toArray(String[]::new),
                items.stream().map(item -> item.amount().minorUnits()).toArray(Long[]::new),
                items.stream().map(item -> item.vat().toPlainString()).toArray(String[]::new),
                items.stream().map(item -> item.vatAmount().minorUnits()).toArray(Long[]::new),
                items.stream().map(item -> item.sku().orElse(null)).toArray(String[]::new));
    }

    record LineColumns(String[] lineIds, String[] descriptions, String[] quantities, Long[] amounts, String[] vats,
                       Long[] vatAmounts, String[] skus) {
    }

    /** What these lines' ledgers hold, as the columns of one update, each an array in the same order. */
    static LedgerColumns toLedgerColumns(List<LineLedger> ledgers) {
        return new LedgerColumns(
                ledgers.stream().map(LineLedger::lineId).toArray(String[]::new),
                ledgers.stream().map(ledger -> ledger.captured().quantity().toPlainString()).toArray(String[]::new),
                ledgers.stream().map(ledger -> ledger.captured().amount().minorUnits()).toArray(Long[]::new),
                ledgers.stream().map(ledger -> ledger.captured().vatAmount().minorUnits()).toArray(Long[]::new),
                ledgers.stream().map(ledger -> ledger.refunded().quantity().toPlainString()).toArray(String[]::new),
                ledgers.stream().map(ledger -> ledger.refunded().amount().minorUnits()).toArray(Long[]::new),
                ledgers.stream().map(ledger -> ledger.refunded().vatAmount().minorUnits()).toArray(Long[]::new));
    }

    record LedgerColumns(String[] lineIds, String[] capturedQuantities, Long[] capturedAmounts,
                         Long[] capturedVatAmounts, String[] refundedQuantities, Long[] refundedAmounts,
                         Long[] refundedVatAmounts) {
    }

    /** An order whose contents are read whole: its row and its lines, in their order, with what moved of each. */
    static Order toOrder(OrderRow row, List<OrderLineRow> lines) {
        Currency currency = Currency.getInstance(row.currency());
        List<LineLedger> ledgers = lines.stream().map(line -> toLedger(line, currency)).toList();
        OrderLines orderLines = row.lineCount() == 0 ? OrderLines.NONE
                : new OrderLines(ledgers.stream().map(LineLedger::line).toList());
        return toOrder(row, new OrderContents(orderLines, toCustomer(row.customer()),
                Optional.ofNullable(row.shippingAddress()).map(OrderRowMapper::toAddress),
                Optional.ofNullable(row.billingAddress()).map(OrderRowMapper::toAddress),
                Metadata.of(row.metadata())), row.lineCount() == 0 ? List.of() : ledgers);
    }

    /** An order as a listing reads it: a summary of its contents, no lines. */
    static Order toListedOrder(OrderRow row) {
        return toOrder(row, OrderContents.summary(row.lineCount(),
                Optional.ofNullable(row.customerEmail()).map(EmailAddress::new), Metadata.of(row.metadata())),
                List.of());
    }

    private static LineLedger toLedger(OrderLineRow line, Currency currency) {
        LineItem item = new LineItem(line.lineId(), line.description(), line.quantity(),
                new Money(line.amountMinor(), currency), line.vat(), new Money(line.vatAmountMinor(), currency),
                Optional.ofNullable(line.sku()));
        return new LineLedger(item,
                new LineShare(line.capturedQuantity(), new Money(line.capturedMinor(), currency),
                        new Money(line.capturedVatMinor(), currency)),
                new LineShare(line.refundedQuantity(), new Money(line.refundedMinor(), currency),
                        new Money(line.refundedVatMinor(), currency)));
    }

    private static List<PendingLineDocument> toDocuments(List<LineMovement> movements) {
        return movements.stream()
                .map(movement -> new PendingLineDocument(movement.lineId(), movement.quantity().toPlainString(),
                        movement.amount().minorUnits(), movement.vatAmount().minorUnits()))
                .toList();
    }

    private static List<LineMovement> toMovements(List<PendingLineDocument> documents, Currency currency) {
        return documents.stream()
                .map(document -> new LineMovement(document.lineId(), new BigDecimal(document.quantity()),
                        new Money(document.amountMinor(), currency), new Money(document.vatAmountMinor(), currency)))
                .toList();
    }

    private static CustomerDocument toDocument(Customer customer) {
        return new CustomerDocument(customer.email().map(EmailAddress::value).orElse(null),
                customer.phoneNumber().map(PhoneNumber::value).orElse(null),
                customer.firstName().map(PersonName::value).orElse(null),
                customer.lastName().map(PersonName::value).orElse(null));
    }

    private static Customer toCustomer(CustomerDocument document) {
        if (document == null) {
            return Customer.NONE;
        }
        return new Customer(Optional.ofNullable(document.email()).map(EmailAddress::new),
                Optional.ofNullable(document.phoneNumber()).map(PhoneNumber::new),
                Optional.ofNullable(document.firstName()).map(PersonName::new),
                Optional.ofNullable(document.lastName()).map(PersonName::new));
    }

    private static AddressDocument toDocument(Address address) {
        return new AddressDocument(address.firstName().map(PersonName::value).orElse(null),
                address.lastName().map(PersonName::value).orElse(null), address.addressLine(),
                address.addressLine2().orElse(null), address.postalCode(), address.postalPlace(),
                address.country().value(), address.phoneNumber().map(PhoneNumber::value).orElse(null),
                address.email().map(EmailAddress::value).orElse(null));
    }

    private static Address toAddress(AddressDocument document) {
        return new Address(Optional.ofNullable(document.firstName()).map(PersonName::new),
                Optional.ofNullable(document.lastName()).map(PersonName::new), document.addressLine(),
                Optional.ofNullable(document.addressLine2()), document.postalCode(), document.postalPlace(),
                new CountryCode(document.country()), Optional.ofNullable(document.phoneNumber()).map(PhoneNumber::new),
                Optional.ofNullable(document.email()).map(EmailAddress::new));
    }

    /**
     * An order with the contents it is known to have: they never change, so an update gives them back as given, with
     * its lines' ledgers as the update left them.
     *
     * @param lineLedgers one per line in their order; none when nothing of any line moved or the lines were not read
     */
    static Order toOrder(OrderRow row, OrderContents contents, List<LineLedger> lineLedgers) {
        Money amount = Money.of(row.amountMinor(), row.currency());
        Currency currency = amount.currency();
        // The table's constraints keep id and link together, so one null check covers both; the same goes for
        // the pending operation's columns.
        PaymentSession session = row.sessionId() == null
                ? null
                : new PaymentSession(new SessionId(row.sessionId()), URI.create(row.sessionUrl()));
        PendingOperation pending = row.pendingOperation() == null
                ? null
                : new PendingOperation(PendingOperation.Type.valueOf(row.pendingOperation()),
                        new Money(row.pendingAmountMinor(), currency), new Money(row.pendingBaselineMinor(), currency),
                        row.pendingStartedAt(),
                        row.pendingLines() == null ? List.of() : toMovements(row.pendingLines(), currency));
        return Order.rehydrate(
                new OrderId(row.id()),
                amount,
                new Receipt(row.receipt()),
                row.callbackUrl() == null ? null : new CallbackUrl(URI.create(row.callbackUrl())),
                contents,
                row.createdAt(),
                OrderStatus.valueOf(row.status()),
                session,
                new OrderPayment(Optional.ofNullable(row.paymentId()).map(PaymentId::new),
                        new Money(row.capturedMinor(), currency), new Money(row.refundedMinor(), currency)),
                lineLedgers,
                pending,
                row.lastEventSequence(),
                row.version());
    }
}
