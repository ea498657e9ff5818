package dev.forecourt.platform.test.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dev.forecourt.platform.domain.Lifecycle;
import dev.forecourt.platform.events.DomainEvent;
import dev.forecourt.platform.events.EventType;
import dev.forecourt.platform.events.consume.HandlesEvent;
import dev.forecourt.platform.events.outbox.OutboxAggregate;

/**
 * The conventions of every Forecourt service, as ArchUnit rules (docs/service-guide.md explains
 * each). {@link ServiceArchitectureTest} runs them all over a service's classes.
 */
public final class ForecourtRules {

    private static final Pattern EVENT_TYPE = Pattern.compile("forecourt\\.[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*\\.v[1-9][0-9]*");

    private ForecourtRules() {
    }

    /**
     * Domain code: aggregates, their documents, events, status enums, policies and whatever lives in a
     * {@code domain} package. It decides business rules and records facts; it knows no request.
     */
    public static final DescribedPredicate<JavaClass> DOMAIN_CODE = describe("domain code (aggregates, documents, events, "
            + "status enums, policies)", type -> type.isAssignableTo(OutboxAggregate.class)
            || type.isAssignableTo(DomainEvent.class)
            || type.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")
            || (type.isEnum() && type.isAssignableTo(Lifecycle.class))
            || type.getSimpleName().endsWith("Policy")
            || type.getPackageName().contains(".domain"));

    private static final DescribedPredicate<JavaClass> CONTROLLERS = describe("controllers", type ->
            type.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                    || type.isAnnotatedWith("org.springframework.stereotype.Controller"));

    public static ArchRule domainCodeSpeaksNoHttp() {
        return noClasses().that(DOMAIN_CODE)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "org.springframework.web..",
                        "org.springframework.security..", "jakarta.servlet..", "dev.forecourt.platform.security..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.forecourt.platform.errors.ProblemException")
                .because("domain code throws the platform's business exceptions (RuleViolated, IllegalTransition, …) and records "
                        + "an Actor; HTTP answers, tokens and permission checks belong to controllers and application services");
    }

    public static ArchRule controllersDoNotUseTheStore() {
        return noClasses().that(CONTROLLERS)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoTemplate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.data.mongodb.core.MongoOperations")
                .because("controllers translate HTTP; queries and writes live in the feature's application service or store");
    }

    public static ArchRule controllersAnswerWithViews() {
        return methods().that().areDeclaredInClassesThat(CONTROLLERS).and().areNotPrivate()
                .should(new ArchCondition<JavaMethod>("answer with view records, never aggregates or stored documents") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (JavaClass answered : classesIn(method.getReturnType())) {
                            if (answered.isAssignableTo(OutboxAggregate.class)
                                    || answered.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName() + " answers with "
                                        + answered.getSimpleName() + ", a stored document: answer with a view record"));
                            }
                        }
                    }
                }).allowEmptyShould(true);
    }

    public static ArchRule controllersLeaveValidationToSpringMvc() {
        return noClasses().that(CONTROLLERS)
                .should().beAnnotatedWith("org.springframework.validation.annotation.Validated")
                .because("Spring MVC validates a handler's parameters itself, every problem of a request in one answer and a "
                        + "parameter object's by its field name; @Validated's AOP validation answers otherwise (docs/service-guide.md)");
    }

    /** @param servicePackage e.g. {@code dev.forecourt.parts} */
    public static ArchRule servicesDoNotImportEachOther(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(describe("classes of another Forecourt service", type ->
                        type.getPackageName().startsWith("dev.forecourt.")
                                && !type.getPackageName().equals(servicePackage) && !type.getPackageName().startsWith(servicePackage + ".")
                                && !type.getPackageName().startsWith("dev.forecourt.platform")))
                .because("services share nothing but the platform: they learn of each other from events and HTTP");
    }

    public static ArchRule eventTypesAreVersioned() {
        return classes().that().areAnnotatedWith(EventType.class)
                .should(new ArchCondition<JavaClass>("name a type forecourt.<family>.<kebab-name>.v<N>") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        String value = type.getAnnotationOfType(EventType.class).value();
                        if (!EVENT_TYPE.matcher(value).matches()) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " has event type '" + value
                                    + "', which is not forecourt.<family>.<kebab-name>.v<N>"));
                        }
                    }
                });
    }

    public static ArchRule handledEventTypesAreVersioned() {
        return methods().that().areAnnotatedWith(HandlesEvent.class)
                .should(new ArchCondition<JavaMethod>("handle a type forecourt.<family>.<kebab-name>.v<N>") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String value = method.getAnnotationOfType(HandlesEvent.class).value();
                        if (!EVENT_TYPE.matcher(value).matches()) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " handles '" + value
                                    + "', which is not forecourt.<family>.<kebab-name>.v<N>"));
                        }
                    }
                }).allowEmptyShould(true);
    }

    public static ArchRule aggregatesHaveNoSpringDataRepository() {
        return noClasses().that().areInterfaces()
                .and().areAssignableTo("org.springframework.data.repository.Repository")
                .should(new ArchCondition<JavaClass>("manage an outbox aggregate (its save() would bypass the AggregateStore)") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        for (Type generic : repository.reflect().getGenericInterfaces()) {
                            if (generic instanceof ParameterizedType parameterized
                                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> managed
                                    && OutboxAggregate.class.isAssignableFrom(managed)) {
                                events.add(SimpleConditionEvent.satisfied(repository, repository.getName() + " is a Spring Data "
                                        + "repository of " + managed.getSimpleName() + ": read with MongoTemplate queries, "
                                        + "write with AggregateStore"));
                            }
                        }
                    }
                });
    }

    /** Every rule, for a service whose classes live under {@code servicePackage}. */
    public static List<ArchRule> all(String servicePackage) {
        // a service without, say, Spring Data repositories has nothing for that rule to check: that is fine
        return java.util.stream.Stream.of(domainCodeSpeaksNoHttp(), controllersDoNotUseTheStore(), controllersAnswerWithViews(),
                servicesDoNotImportEachOther(servicePackage), eventTypesAreVersioned(), handledEventTypesAreVersioned(),
                aggregatesHaveNoSpringDataRepository(), controllersLeaveValidationToSpringMvc()).map(rule -> rule.allowEmptyShould(true)).toList();
    }

    private static List<JavaClass> classesIn(JavaType type) {
        List<JavaClass> found = new java.util.ArrayList<>();
        found.add(type.toErasure());
        if (type instanceof JavaParameterizedType parameterized) {
            parameterized.getActualTypeArguments().forEach(argument -> found.addAll(classesIn(argument)));
        }
        return found;
    }
}
