package dev.forecourt.sales.common;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;

/**
 * A vehicle identification number: 17 characters (ISO 3779) whose ninth character is the check
 * digit (mandatory for vehicles sold in China under GB 16735, as in North America). A mistyped VIN
 * on a vehicle's record follows it through warranty claims and registration, so it is refused at
 * the door.
 */
public record Vin(String value) {

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final int CHECK_POSITION = 8;

    public Vin {
        value = normalise(value);
        String problem = formatProblem(value);
        if (problem != null) {
            throw ProblemException.businessRule("vin-format", "Invalid VIN", problem, new FieldProblem("vin", problem));
        }
        char expected = checkDigitOf(value);
        if (value.charAt(CHECK_POSITION) != expected) {
            String detail = "VIN " + value + " has check digit " + value.charAt(CHECK_POSITION) + " but its characters give " + expected;
            throw ProblemException.businessRule("vin-check-digit", "Wrong VIN check digit", detail,
                    new FieldProblem("vin", "check digit does not match"));
        }
    }

    public static Vin of(String value) {
        return new Vin(value);
    }

    /** The check digit the other 16 characters call for: weighted sum modulo 11, 10 written as X. */
    public static char checkDigitOf(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += transliterate(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private static String formatProblem(String vin) {
        if (vin.length() != 17) {
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

    /** ISO 3779 transliteration of letters to numbers (digits stand for themselves). */
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
            default -> throw new IllegalArgumentException("Not a VIN character: " + c);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
