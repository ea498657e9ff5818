package dev.forecourt.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import dev.forecourt.platform.test.architecture.violations.LeakyController;
import dev.forecourt.platform.test.architecture.violations.ShoutingAggregate;
import dev.forecourt.platform.test.architecture.violations.ShoutingAggregates;
import dev.forecourt.platform.test.architecture.violations.UnversionedEvent;
import dev.forecourt.alpha.AlphaUsesBeta;

/** Each rule fails on a class that breaks it, with a message that names the class and says why. */
class ForecourtRulesTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(ShoutingAggregate.class,
            LeakyController.class, UnversionedEvent.class, ShoutingAggregates.class, AlphaUsesBeta.class,
            dev.forecourt.beta.BetaThing.class);

    private static String failure(ArchRule rule) {
        EvaluationResult result = rule.evaluate(VIOLATIONS);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void anAggregateThatThrowsAnHttpProblemFailsWithAReadableMessage() {
        assertThat(failure(ForecourtRules.domainCodeSpeaksNoHttp()))
                .contains("ShoutingAggregate", "org.springframework.http.HttpStatus", "ProblemException",
                        "domain code throws the platform's business exceptions");
    }

    @Test
    void aControllerThatQueriesTheStoreFails() {
        assertThat(failure(ForecourtRules.controllersDoNotUseTheStore())).contains("LeakyController", "MongoTemplate");
    }

    @Test
    void aControllerThatAnswersWithAnAggregateFails() {
        assertThat(failure(ForecourtRules.controllersAnswerWithViews()))
                .contains("LeakyController.leak()", "answers with ShoutingAggregate, a stored document");
    }

    @Test
    void aControllerValidatedThroughAopFails() {
        assertThat(failure(ForecourtRules.controllersLeaveValidationToSpringMvc()))
                .contains("LeakyController", "Validated", "Spring MVC validates a handler's parameters itself");
    }

    @Test
    void oneServiceImportingAnothersClassFails() {
        assertThat(failure(ForecourtRules.servicesDoNotImportEachOther("dev.forecourt.alpha")))
                .contains("AlphaUsesBeta", "BetaThing");
    }

    @Test
    void anEventTypeWithoutItsVersionFails() {
        assertThat(failure(ForecourtRules.eventTypesAreVersioned()))
                .contains("forecourt.sample.something-happened", "forecourt.<family>.<kebab-name>.v<N>");
    }

    @Test
    void aSpringDataRepositoryOfAnAggregateFails() {
        assertThat(failure(ForecourtRules.aggregatesHaveNoSpringDataRepository()))
                .contains("ShoutingAggregates", "write with AggregateStore");
    }

    @Test
    void theSampleServiceKeepsEveryRule() {
        // the sample service's production classes (its tests may use the embedded broker, as tests do)
        JavaClasses sample = new ClassFileImporter()
                .withImportOption(location -> !location.contains("Test"))
                .importPackages("dev.forecourt.platform.sample");
        ForecourtRules.all("dev.forecourt.platform.sample").forEach(rule -> rule.check(sample));
    }
}
