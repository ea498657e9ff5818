package dev.forecourt.platform.test.architecture;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.stream.Stream;

/**
 * The conventions every service keeps, checked over its production classes. A service's suite
 * has one subclass in its base package:
 * <pre>{@code class ArchitectureTest extends ServiceArchitectureTest {}}</pre>
 * Each rule of {@link ForecourtRules} runs as its own test and names the classes that break it.
 */
public abstract class ServiceArchitectureTest {

    @TestFactory
    Stream<DynamicTest> theServiceKeepsTheForecourtConventions() {
        String servicePackage = getClass().getPackageName();
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(servicePackage);
        return ForecourtRules.all(servicePackage).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }
}
