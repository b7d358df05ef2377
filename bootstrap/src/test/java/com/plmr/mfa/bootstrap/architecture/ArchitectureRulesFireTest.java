package com.plmr.mfa.bootstrap.architecture;

import com.plmr.mfa.domain.planted.PlantedViolation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The architecture rules are not vacuous: they fire on a planted violation, and they guard real classes. */
class ArchitectureRulesFireTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.plmr.mfa");
    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PlantedViolation.class);

    @Test
    void a_domain_class_using_a_framework_is_reported() {
        assertViolated(HexagonalArchitectureTest.the_domain_depends_only_on_java, "io.micronaut");
    }

    @Test
    void a_domain_class_reading_the_clock_is_reported() {
        assertViolated(HexagonalArchitectureTest.the_core_never_reads_the_clock_itself, "Instant.now()");
    }

    @Test
    void a_domain_class_creating_its_own_randomness_is_reported() {
        assertViolated(HexagonalArchitectureTest.the_core_never_creates_its_own_randomness, "SecureRandom");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.plmr.mfa.domain", "com.plmr.mfa.application", "com.plmr.mfa.adapter.in.rest",
            "com.plmr.mfa.adapter.in.rest.api", "com.plmr.mfa.adapter.in.rest.model",
            "com.plmr.mfa.adapter.out.persistence", "com.plmr.mfa.adapter.out.notify", "com.plmr.mfa.bootstrap"})
    void every_guarded_package_has_classes(String packageName) {
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().startsWith(packageName)).count())
                .as("classes in %s", packageName).isGreaterThan(3);
    }

    @Test
    void the_production_classes_keep_every_rule() {
        HexagonalArchitectureTest.the_domain_depends_only_on_java.check(PRODUCTION);
        HexagonalArchitectureTest.the_core_never_reads_the_clock_itself.check(PRODUCTION);
    }

    private static void assertViolated(ArchRule rule, String evidence) {
        assertThatThrownBy(() -> rule.check(PLANTED)).isInstanceOf(AssertionError.class)
                .hasMessageContaining(PlantedViolation.class.getSimpleName()).hasMessageContaining(evidence);
    }
}
