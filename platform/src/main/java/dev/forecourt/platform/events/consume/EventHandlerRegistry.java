package dev.forecourt.platform.events.consume;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import dev.forecourt.platform.events.EventTypes;

/** Finds the {@link HandlesEvent} methods of the service's beans. */
public class EventHandlerRegistry implements BeanPostProcessor {

    record Handler(Object bean, Method method) {
    }

    private final Map<String, Handler> handlers = new HashMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        ReflectionUtils.doWithMethods(type, method -> {
            HandlesEvent annotation = AnnotatedElementUtils.findMergedAnnotation(method, HandlesEvent.class);
            if (annotation == null) {
                return;
            }
            EventTypes.topicOf(annotation.value()); // fails fast on a malformed type
            if (method.getParameterCount() < 1 || method.getParameterCount() > 2
                    || (method.getParameterCount() == 2 && method.getParameterTypes()[1] != IncomingEvent.class)) {
                throw new IllegalStateException("@HandlesEvent method must take (data) or (data, IncomingEvent): " + method);
            }
            Handler previous = handlers.put(annotation.value(), new Handler(bean, method));
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + annotation.value() + ": " + previous.method() + " and " + method);
            }
            ReflectionUtils.makeAccessible(method);
        });
        return bean;
    }

    Map<String, Handler> handlers() {
        return handlers;
    }
}
