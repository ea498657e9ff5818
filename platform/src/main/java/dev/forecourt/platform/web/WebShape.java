package dev.forecourt.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Validator;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.errors.InvalidValue;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.paging.Paging;
import dev.forecourt.platform.paging.PagingResolver;
import dev.forecourt.platform.security.Staff;
import dev.forecourt.platform.web.strict.StrictJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every controller may take without ceremony: the calling {@link Actor} (from the token, not
 * shown in the API documents), {@code If-Match} as an {@link ExpectedVersion} (documented as the
 * string header it is) and a list's {@link Paging} ({@link PagingResolver}); and how input is read: bodies strictly ({@link StrictJson}), dates in
 * query parameters within the same sane range.
 */
public class WebShape implements WebMvcConfigurer {

    private final JsonMapper strictJson;
    private final Validator validator;

    public WebShape(JsonMapper json, Validator validator) {
        this.strictJson = StrictJson.strict(json);
        this.validator = validator;
    }

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        SpringDocUtils.getConfig().replaceWithClass(ExpectedVersion.class, String.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
        resolvers.add(new PagingResolver(validator));
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ExpectedVersion.class, ExpectedVersion::parse);
        // query parameters: ISO dates within the sane range, as bodies have them (these win over Boot's date formatters)
        registry.addConverter(String.class, LocalDate.class, text -> inRange(LocalDate.parse(text.trim())));
        registry.addConverter(String.class, YearMonth.class, text -> inRange(YearMonth.parse(text.trim())));
        registry.addConverter(String.class, Instant.class, text -> inRange(Instant.parse(text.trim())));
        registry.addConverter(String.class, OffsetDateTime.class, text -> inRange(OffsetDateTime.parse(text.trim())));
    }

    /** Request bodies are read strictly (see {@link StrictJson}); the lenient mapper stays for events. */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof JacksonJsonHttpMessageConverter) {
                // just ahead of the ordinary one, which still writes every answer
                converters.add(i, new StrictReader(strictJson));
                return;
            }
        }
    }

    /** Reads request bodies bound to records and objects; raw bodies (bytes, text) and every answer are left to the others. */
    static final class StrictReader extends JacksonJsonHttpMessageConverter {

        StrictReader(JsonMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(org.springframework.core.ResolvableType type, org.springframework.http.MediaType mediaType) {
            Class<?> raw = type.toClass();
            return raw != byte[].class && raw != String.class && !org.springframework.core.io.Resource.class.isAssignableFrom(raw)
                    && super.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(Class<?> clazz, org.springframework.http.MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(org.springframework.core.ResolvableType type, Class<?> clazz, org.springframework.http.MediaType mediaType) {
            return false;
        }
    }

    private static <T> T inRange(T value) {
        Integer year = StrictJson.yearOf(value);
        if (year != null && (year < StrictJson.FIRST_YEAR || year > StrictJson.LAST_YEAR)) {
            throw new InvalidValue("Dates must lie between " + StrictJson.FIRST_YEAR + " and " + StrictJson.LAST_YEAR);
        }
        return value;
    }

    static final class ActorResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Actor.class;
        }

        @Override
        public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                     WebDataBinderFactory binders) {
            return Staff.current().map(Staff::actor)
                    .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No staff token on this request"));
        }
    }
}
