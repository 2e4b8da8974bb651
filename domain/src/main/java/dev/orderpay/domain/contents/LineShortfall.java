package dev.orderpay.domain.contents;

import java.util.Objects;

/**
 * Why a capture or refund of a line was refused: more of it was asked for than is left.
 *
 * @param operation "capture" or "refund"
 * @param asked     what was asked for, a quantity or an amount with its currency
 * @param left      what is left of the same, in the same terms
 */
public record LineShortfall(String lineId, String operation, String asked, String left) {

    public LineShortfall {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(left, "left");
    }
}
