package dev.forecourt.platform.web.strict;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service's operations read JSON only: a body of any other media type (XML, a form, text, none declared)
 * answers 415 problem+json before anything else reads it — also where the JSON body is optional,
 * and before path variables are converted (so the answer does not depend on the rest of the
 * request). Runs after the permission check: a caller without the permission still gets 403. A raw
 * body ({@code byte[]}, e.g. a webhook read as the bytes it was signed over) is the operation's own
 * business, and so are the framework's endpoints (only controllers in {@code dev.forecourt} are held to it).
 */
public class JsonBodies implements WebMvcConfigurer, HandlerInterceptor {

    private static final String OWN_PACKAGE = "dev.forecourt.";
    private static final List<MediaType> SUPPORTED = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith(OWN_PACKAGE)
                || !hasBody(request) || !takesBody(method)) {
            return true;
        }
        String declared = request.getContentType();
        MediaType type;
        try {
            type = declared == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage(), SUPPORTED);
        }
        if (SUPPORTED.stream().noneMatch(supported -> supported.includes(type))) {
            throw new HttpMediaTypeNotSupportedException(type, SUPPORTED, org.springframework.http.HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean takesBody(HandlerMethod method) {
        for (var parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return parameter.getParameterType() != byte[].class;
            }
        }
        return false;
    }
}
