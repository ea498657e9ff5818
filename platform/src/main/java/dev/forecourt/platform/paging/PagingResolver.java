package dev.forecourt.platform.paging;

import jakarta.validation.Validator;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * A list's {@link Paging} from {@code page} and {@code size}: plain numbers within the bounds make the record at
 * once; anything else — text, a fraction, a value out of bounds — goes to Spring MVC's own binding, which answers
 * it as it always has (the field, Spring's message, and with the request's other invalid fields when the method
 * is validated). Spring binds a record through its constructor, looking the parameters' annotations up anew and
 * converting through annotated type descriptors on each request: 11 % of crm's request threads on a list
 * (JFR, docs/benchmarks.md), for two numbers.
 */
public final class PagingResolver implements HandlerMethodArgumentResolver {

    /** Any number of nine digits fits an {@code int}; which of them are allowed is the validator's to say. */
    private static final int MAX_DIGITS = 9;

    private final Validator validator;
    private final HandlerMethodArgumentResolver binding = new ServletModelAttributeMethodProcessor(true);

    public PagingResolver(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Paging.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) throws Exception {
        String[] page = request.getParameterValues("page");
        String[] size = request.getParameterValues("size");
        if (plain(page) && plain(size)) {
            Paging paging = new Paging(number(page), number(size));
            if (validator.validate(paging).isEmpty()) {
                return paging;
            }
        }
        return binding.resolveArgument(parameter, mavContainer, request, binderFactory);
    }

    /** Absent, or one value of digits only (a sign, a space, an empty value are Spring's to answer). */
    private static boolean plain(String[] values) {
        if (values == null) {
            return true;
        }
        if (values.length != 1 || values[0].isEmpty() || values[0].length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < values[0].length(); i++) {
            if (values[0].charAt(i) < '0' || values[0].charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Integer number(String[] values) {
        return values == null ? null : Integer.valueOf(values[0]);
    }
}
