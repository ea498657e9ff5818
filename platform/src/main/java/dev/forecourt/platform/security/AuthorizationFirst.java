package dev.forecourt.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a controller method's {@code @PreAuthorize} before its arguments are read and validated:
 * a caller without the permission gets 403, and never learns the request's schema from a 400.
 * Expressions that refer to arguments ({@code #id}) are left to method security, which runs after.
 */
public class AuthorizationFirst implements HandlerInterceptor {

    private final DefaultMethodSecurityExpressionHandler expressions = new DefaultMethodSecurityExpressionHandler();
    private final SpelExpressionParser parser = new SpelExpressionParser();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().contains("#")) {
            return true;
        }
        Expression expression = parser.parseExpression(rule.value());
        var context = expressions.createEvaluationContext(() -> SecurityContextHolder.getContext().getAuthentication(),
                new SimpleMethodInvocation(method.getBean(), method.getMethod()));
        if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
            throw new AccessDeniedException("Access denied");
        }
        return true;
    }
}
