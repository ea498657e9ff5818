package dev.forecourt.platform.events.consume;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import dev.forecourt.platform.events.EventTypes;

/**
 * Finds the {@link HandlesEvent} methods of the service's beans. Several beans may handle the same
 * event type (crm's callbacks and reminders both follow a handover): each is called, in the order
 * the beans were created.
 */
public class EventHandlerRegistry implements BeanPostProcessor {

    record Handler(Object bean, Method method) {
    }

    private final Map<String, List<Handler>> handlers = new HashMap<>();

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
            handlers.computeIfAbsent(annotation.value(), eventType -> new ArrayList<>()).add(new Handler(bean, method));
            ReflectionUtils.makeAccessible(method);
        });
        return bean;
    }

    Map<String, List<Handler>> handlers() {
        return handlers;
    }
}
