package dev.orderpay.domain;

/**
 * The rule for short text from outside (a receipt or a refund's reason from the merchant, a payment or session id
 * from the provider): well-formed Unicode, not blank, no control characters, and at most a number of characters
 * counted as people count them, in code points, so that an emoji is one character and not two UTF-16 units.
 */
public final class PlainText {

    private PlainText() {
    }

    /** @throws InvalidValueException naming {@code subject} if the text breaks the rule */
    public static String require(String subject, String text, int maxCharacters) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(subject, "must not be blank");
        }
        if (!isWellFormed(text)) {
            // A lone surrogate cannot be stored or sent on as UTF-8; it would come back as '?'.
            throw new InvalidValueException(subject, "must be valid Unicode text");
        }
        if (text.codePointCount(0, text.length()) > maxCharacters) {
            throw new InvalidValueException(subject, "must be at most " + maxCharacters + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(subject, "must not contain control characters");
        }
        return text;
    }

    private static boolean isWellFormed(String text) {
        for (int index = 0; index < text.length(); index++) {
            char unit = text.charAt(index);
            if (Character.isHighSurrogate(unit) && index + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(index + 1))) {
                index++;
            } else if (Character.isSurrogate(unit)) {
                return false;
            }
        }
        return true;
    }
}
