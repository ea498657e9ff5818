package dev.forecourt.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import dev.forecourt.platform.errors.ETags;

/** Every successful answer whose body is a {@link Versioned} view carries the view's version as {@code ETag}. */
@RestControllerAdvice
public class ETagAdvice implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (body instanceof Versioned view && view.version() != null && successful(response)
                && response.getHeaders().getETag() == null) {
            response.getHeaders().setETag(ETags.of(view.version()));
        }
        return body;
    }

    private static boolean successful(ServerHttpResponse response) {
        if (response instanceof ServletServerHttpResponse servlet) {
            int status = servlet.getServletResponse().getStatus();
            return status >= 200 && status < 300;
        }
        return false;
    }
}
