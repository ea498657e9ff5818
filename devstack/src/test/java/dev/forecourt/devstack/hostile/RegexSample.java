package dev.forecourt.devstack.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A string matching a simple regular expression, for the patterns our schemas use: literals,
 * escapes ({@code \d \w \s \.}), character classes with ranges, groups with alternatives, and the
 * quantifiers {@code ? * + {n} {n,m} {n,}}. Anything fancier throws, and the caller falls back.
 */
final class RegexSample {

    private final String pattern;
    private final Random random;
    private int at;

    private RegexSample(String pattern, Random random) {
        this.pattern = pattern;
        this.random = random;
    }

    static String of(String pattern, Random random) {
        RegexSample sample = new RegexSample(pattern.replaceAll("^\\^|\\$$", ""), random);
        StringBuilder out = new StringBuilder();
        sample.alternatives(out);
        if (sample.at != sample.pattern.length()) {
            throw new IllegalArgumentException("unsupported pattern " + pattern);
        }
        return out.toString();
    }

    private void alternatives(StringBuilder out) {
        List<StringBuilder> options = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        options.add(current);
        while (at < pattern.length() && pattern.charAt(at) != ')') {
            if (pattern.charAt(at) == '|') {
                at++;
                current = new StringBuilder();
                options.add(current);
                continue;
            }
            atom(current);
        }
        out.append(options.get(0));
    }

    private void atom(StringBuilder out) {
        int start = out.length();
        char c = pattern.charAt(at);
        String chars;
        if (c == '(') {
            at++;
            if (pattern.startsWith("?:", at)) {
                at += 2;
            }
            StringBuilder group = new StringBuilder();
            alternatives(group);
            expect(')');
            repeat(out, () -> group.toString());
            return;
        } else if (c == '[') {
            chars = charClass();
        } else if (c == '\\') {
            at++;
            chars = escape(pattern.charAt(at++));
        } else if (c == '.') {
            at++;
            chars = "abcxyz";
        } else if ("*+?{".indexOf(c) >= 0) {
            throw new IllegalArgumentException("dangling quantifier");
        } else {
            at++;
            chars = String.valueOf(c);
        }
        String options = chars;
        repeat(out, () -> String.valueOf(options.charAt(random.nextInt(options.length()))));
        if (out.length() < start) {
            throw new IllegalStateException();
        }
    }

    private void repeat(StringBuilder out, java.util.function.Supplier<String> one) {
        int min = 1;
        int max = 1;
        if (at < pattern.length()) {
            char q = pattern.charAt(at);
            if (q == '?') {
                min = 0;
                max = 1;
                at++;
            } else if (q == '*') {
                min = 0;
                max = 3;
                at++;
            } else if (q == '+') {
                min = 1;
                max = 3;
                at++;
            } else if (q == '{') {
                int close = pattern.indexOf('}', at);
                String[] bounds = pattern.substring(at + 1, close).split(",", -1);
                min = Integer.parseInt(bounds[0].trim());
                max = bounds.length == 1 ? min : bounds[1].isBlank() ? min + 3 : Integer.parseInt(bounds[1].trim());
                at = close + 1;
            }
        }
        int times = min == max ? min : Math.max(min, Math.min(max, min + 1));
        for (int i = 0; i < times; i++) {
            out.append(one.get());
        }
    }

    private String charClass() {
        expect('[');
        boolean negated = at < pattern.length() && pattern.charAt(at) == '^';
        if (negated) {
            at++;
        }
        StringBuilder chars = new StringBuilder();
        while (pattern.charAt(at) != ']') {
            char c = pattern.charAt(at++);
            if (c == '\\') {
                chars.append(escape(pattern.charAt(at++)));
            } else if (at + 1 < pattern.length() && pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
                char to = pattern.charAt(at + 1);
                at += 2;
                for (char x = c; x <= to; x++) {
                    chars.append(x);
                }
            } else {
                chars.append(c);
            }
        }
        at++;
        if (negated) {
            StringBuilder allowed = new StringBuilder();
            for (char x : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".toCharArray()) {
                if (chars.indexOf(String.valueOf(x)) < 0) {
                    allowed.append(x);
                }
            }
            return allowed.toString();
        }
        return chars.toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case 'd' -> "0123456789";
            case 'w' -> "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
            case 's' -> " ";
            case 'p' -> throw new IllegalArgumentException("unicode classes unsupported");
            default -> String.valueOf(c);
        };
    }

    private void expect(char c) {
        if (at >= pattern.length() || pattern.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + at + " in " + pattern);
        }
        at++;
    }
}
