package dev.forecourt.platform.web;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.forecourt.platform.domain.Actor;
import dev.forecourt.platform.events.outbox.ExpectedVersion;
import dev.forecourt.platform.security.Staff;

/**
 * What every controller may take without ceremony: the calling {@link Actor} (from the token, not
 * shown in the API documents) and {@code If-Match} as an {@link ExpectedVersion} (documented as the
 * string header it is).
 */
public class WebShape implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
        SpringDocUtils.getConfig().replaceWithClass(ExpectedVersion.class, String.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorResolver());
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ExpectedVersion.class, ExpectedVersion::parse);
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
