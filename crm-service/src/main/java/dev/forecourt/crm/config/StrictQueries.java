package dev.forecourt.crm.config;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.forecourt.platform.errors.FieldProblem;
import dev.forecourt.platform.errors.ProblemException;

/**
 * Malformed filters are refused, never dropped: a query parameter an operation does not know (a
 * misspelt {@code stauts=OPEN}), a known one given empty or more than once answers 400 naming the
 * parameter, instead of a list silently widened to everything. (Values of the wrong type or pattern
 * are refused by conversion and validation of the parameters themselves.)
 */
@Component
class StrictQueries implements WebMvcConfigurer, HandlerInterceptor {

    private static final String OWN_PACKAGE = "dev.forecourt.crm";
    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<Method, Optional<Set<String>>> known = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(1); // after the permission check (order 0)
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith(OWN_PACKAGE)
                || request.getQueryString() == null) {
            return true;
        }
        Optional<Set<String>> names = known.computeIfAbsent(method.getMethod(), m -> parameterNames(method));
        if (names.isEmpty()) {
            return true; // the operation takes any parameter (a map of them)
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            if (!names.get().contains(name)) {
                throw refused(name, "is not a parameter of this resource",
                        "Parameter '" + name + "' is not one of this resource's (known: " + String.join(", ", names.get().stream().sorted().toList()) + ")");
            }
            String[] values = parameter.getValue();
            if (values.length > 1) {
                throw refused(name, "is given more than once", "Parameter '" + name + "' is given more than once");
            }
            if (values.length == 1 && values[0].isBlank()) {
                throw refused(name, "is empty: leave it out not to filter by it", "Parameter '" + name + "' is empty");
            }
        }
        return true;
    }

    private static ProblemException refused(String name, String why, String detail) {
        return ProblemException.invalid(detail, new FieldProblem(name, why));
    }

    /** The query parameters the operation declares: its request parameters and the components of its parameter objects. */
    private static Optional<Set<String>> parameterNames(HandlerMethod method) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                    return Optional.empty();
                }
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                names.add(name);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class) && parameter.getParameterType().isRecord()) {
                Arrays.stream(parameter.getParameterType().getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
            }
        }
        return Optional.of(names);
    }
}
