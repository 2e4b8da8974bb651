package dev.orderpay.domain.contents;

import dev.orderpay.domain.InvalidValueException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The ledgers of an order's lines, one per line in the lines' order: what captures and refunds by line may still
 * take. None for an order without lines, or whose lines were only counted (a listing).
 */
public final class LineLedgers {

    public static final LineLedgers NONE = new LineLedgers(List.of());

    private final Map<String, LineLedger> byLineId = new LinkedHashMap<>();

    private LineLedgers(List<LineLedger> ledgers) {
        ledgers.forEach(ledger -> byLineId.put(ledger.lineId(), ledger));
    }

    /** Lines nothing was captured from yet; none when only their number is known. */
    public static LineLedgers untouched(OrderLines lines) {
        return lines.isLoaded() ? new LineLedgers(lines.items().stream().map(LineLedger::untouched).toList()) : NONE;
    }

    /**
     * The ledgers as stored.
     *
     * @throws IllegalArgumentException unless there is one for each of {@code lines}, in their order
     */
    public static LineLedgers of(OrderLines lines, List<LineLedger> ledgers) {
        List<LineItem> ledgered = ledgers.stream().map(LineLedger::line).toList();
        if (!lines.isLoaded() ? !ledgers.isEmpty() : !ledgered.equals(lines.items())) {
            throw new IllegalArgumentException("an order's line ledgers are those of its lines, in their order");
        }
        return new LineLedgers(ledgers);
    }

    public boolean isEmpty() {
        return byLineId.isEmpty();
    }

    public List<LineLedger> all() {
        return List.copyOf(byLineId.values());
    }

    /**
     * What a capture of the lines asked for moves.
     *
     * @param refusal makes what is thrown when more of a line is asked for than is left
     * @throws InvalidValueException naming {@code items[i].line_id} for a line the order does not have or that is
     *                               asked for twice
     */
    public List<LineMovement> toCapture(List<LineSelection> asked,
                                        Function<LineShortfall, ? extends RuntimeException> refusal) {
        List<LineMovement> movements = new ArrayList<>();
        forEachAsked(asked, (ledger, selection) -> movements.add(ledger.toCapture(selection, refusal)));
        return movements;
    }

    /** What a refund of the lines asked for moves; as {@link #toCapture}. */
    public List<LineMovement> toRefund(List<LineSelection> asked,
                                       Function<LineShortfall, ? extends RuntimeException> refusal) {
        List<LineMovement> movements = new ArrayList<>();
        forEachAsked(asked, (ledger, selection) -> movements.add(ledger.toRefund(selection, refusal)));
        return movements;
    }

    /** Each line's remainder not yet captured, for a capture of all that is left; lines with none left move nothing. */
    public List<LineMovement> restToCapture() {
        return byLineId.values().stream()
                .filter(ledger -> !ledger.leftToCapture().isNothing())
                .map(ledger -> movement(ledger.lineId(), ledger.leftToCapture()))
                .toList();
    }

    /** Each line's captured remainder not yet refunded, for a refund of all that is left. */
    public List<LineMovement> restToRefund() {
        return byLineId.values().stream()
                .filter(ledger -> !ledger.leftToRefund().isNothing())
                .map(ledger -> movement(ledger.lineId(), ledger.leftToRefund()))
                .toList();
    }

    /**
     * With a capture's movements added; only the lines moved change. Empty when the lines cannot take them all: a
     * line the order lacks, or more of a line than is left to capture. Movements worked out by {@link #toCapture}
     * or {@link #restToCapture} from these same ledgers always fit.
     */
    public Optional<LineLedgers> afterCapture(List<LineMovement> movements) {
        return after(movements, LineLedger::canCapture, LineLedger::afterCapture);
    }

    /** With a refund's movements added; empty when the lines cannot take them all, as {@link #afterCapture}. */
    public Optional<LineLedgers> afterRefund(List<LineMovement> movements) {
        return after(movements, LineLedger::canRefund, LineLedger::afterRefund);
    }

    private Optional<LineLedgers> after(List<LineMovement> movements, BiPredicate<LineLedger, LineMovement> fits,
                                        BiFunction<LineLedger, LineMovement, LineLedger> apply) {
        LineLedgers next = new LineLedgers(all());
        for (LineMovement movement : movements) {
            LineLedger ledger = next.byLineId.get(movement.lineId());
            if (ledger == null || !fits.test(ledger, movement)) {
                return Optional.empty();
            }
            next.byLineId.put(movement.lineId(), apply.apply(ledger, movement));
        }
        return Optional.of(next);
    }

    private void forEachAsked(List<LineSelection> asked,
                              BiConsumer<LineLedger, LineSelection> action) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < asked.size(); index++) {
            LineSelection selection = asked.get(index);
            LineLedger ledger = byLineId.get(selection.lineId());
            if (ledger == null) {
                throw new InvalidValueException("items[" + index + "].line_id", "is not a line of this order");
            }
            if (!seen.add(selection.lineId())) {
                throw new InvalidValueException("items[" + index + "].line_id", "names a line already asked for");
            }
            action.accept(ledger, selection);
        }
    }

    private static LineMovement movement(String lineId, LineShare share) {
        return new LineMovement(lineId, share.quantity(), share.amount(), share.vatAmount());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LineLedgers ledgers && byLineId.equals(ledgers.byLineId);
    }

    @Override
    public int hashCode() {
        return byLineId.hashCode();
    }

    @Override
    public String toString() {
        return "LineLedgers" + byLineId.values();
    }
}
