package dev.forecourt.platform.vin;

import java.util.Locale;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.RuleViolated;

/**
 * A vehicle identification number: 17 characters (ISO 3779) whose ninth character is the check
 * digit (mandatory for vehicles sold in China under GB 16735, as in North America). A format
 * library, like {@code Money}: it knows how a VIN is written, nothing about what a service does
 * with the vehicle.
 *
 * <p>{@link #of} normalises (trims, upper-cases) and refuses a malformed VIN or a wrong check
 * digit with 422 ({@code vin-format}, {@code vin-check-digit}, field {@code vin}); {@link #isValid}
 * answers the same question for code that reports the problem in its own words.
 */
public record Vin(String value) {

    private static final int LENGTH = 17;
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int CHECK_POSITION = 8;

    public Vin {
        value = normalise(value);
        String problem = formatProblem(value);
        if (problem != null) {
            throw new RuleViolated("vin-format", "Invalid VIN", problem, new FieldProblem("vin", problem));
        }
        char expected = checkDigitOf(value);
        if (value.charAt(CHECK_POSITION) != expected) {
            String detail = "VIN " + value + " has check digit " + value.charAt(CHECK_POSITION) + " but its characters give " + expected;
            throw new RuleViolated("vin-check-digit", "Wrong VIN check digit", detail,
                    new FieldProblem("vin", "check digit does not match"));
        }
    }

    public static Vin of(String value) {
        return new Vin(value);
    }

    /**
     * Whether {@code vin}, as written (not normalised), is 17 VIN characters (digits and capital
     * letters except I, O, Q) whose check digit matches.
     */
    public static boolean isValid(String vin) {
        if (vin == null || vin.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (transliterate(vin.charAt(i)) < 0) {
                return false;
            }
        }
        return vin.charAt(CHECK_POSITION) == checkDigitOf(vin);
    }

    /** The check digit the other 16 characters call for: weighted sum modulo 11, 10 written as X. */
    public static char checkDigitOf(String vin) {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = transliterate(vin.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("Not a VIN character: " + vin.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
    }

    private static String formatProblem(String vin) {
        if (vin.length() != LENGTH) {
            return "must have 17 characters, has " + vin.length();
        }
        for (char c : vin.toCharArray()) {
            // I, O and Q are never used: they are too easily read as 1 and 0.
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') || c == 'I' || c == 'O' || c == 'Q') {
                return "contains '" + c + "'; only digits and letters except I, O, Q are allowed";
            }
        }
        return null;
    }

    /** ISO 3779 transliteration of letters to numbers (digits stand for themselves); -1 for what a VIN cannot contain. */
    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> -1;
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
