package dev.forecourt.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port against the shared test stack (real Kafka, MongoDB-wire
 * server, JWKS). Use {@link Api} with {@link TestTokens} to call it and {@link EventProbe} to read
 * what it published.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = ForecourtTestStack.Initializer.class)
public @interface ForecourtServiceTest {

    /** Extra properties, e.g. a peer's WireMock URL. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
