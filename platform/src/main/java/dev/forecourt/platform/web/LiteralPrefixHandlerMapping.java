package dev.forecourt.platform.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, with a path that has variables matched against only the mappings whose
 * patterns could match it. Spring looks such a path up by evaluating every mapping of the service in
 * turn — its method, parameters, headers, media types, then its patterns — which cost a service with
 * 60 endpoints 8-10 % of a one-document read's CPU (docs/benchmarks.md, 2026-12-07 night). A path
 * that does not start with the literal part of any of a mapping's patterns (what comes before the first
 * variable or wildcard) cannot match it, so that mapping is passed over before any of its conditions is
 * evaluated; everything else is Spring's own lookup, unchanged: the best match, 404, 405 and 415.
 *
 * <p>A percent-encoded or matrix-parameter path is compared as Spring compares it (decoded, without
 * the parameters) and the plain prefix would not tell: such a path is looked up the ordinary way.
 */
public class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    /** The lookup path of the request this thread is mapping (a servlet request is mapped on one thread). */
    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

    /** Per mapping, the literal prefixes of its patterns; none when one of them could match any path. */
    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        String[] literal = literalPrefixes(mapping);
        if (literal != null) {
            prefixes.put(mapping, literal);
        }
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
        String outer = LOOKUP_PATH.get();
        LOOKUP_PATH.set(plain ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.set(outer);
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        String[] literal = path == null ? null : prefixes.get(info);
        if (literal != null && !startsWithAny(path, literal)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] literal) {
        for (String prefix : literal) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** What any path a mapping matches starts with, per pattern; null when a pattern gives no literal start. */
    static String[] literalPrefixes(RequestMappingInfo mapping) {
        PathPatternsRequestCondition condition = mapping.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return null;
        }
        String[] literal = new String[condition.getPatterns().size()];
        int i = 0;
        for (PathPattern pattern : condition.getPatterns()) {
            String text = pattern.getPatternString();
            int end = text.length();
            for (char wild : new char[] {'{', '*', '?'}) {
                int at = text.indexOf(wild);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            if (end <= 1) {
                return null;
            }
            literal[i++] = text.substring(0, end);
        }
        return literal;
    }
}
