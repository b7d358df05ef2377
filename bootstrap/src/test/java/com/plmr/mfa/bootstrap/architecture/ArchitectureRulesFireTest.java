package com.plmr.mfa.bootstrap.architecture;

import com.plmr.mfa.adapter.in.rest.model.ErrorCode;
import com.plmr.mfa.adapter.in.rest.planted.PlantedRestAdapter;
import com.plmr.mfa.adapter.out.notify.planted.PlantedNotifyAdapter;
import com.plmr.mfa.adapter.out.persistence.planted.PlantedPersistenceAdapter;
import com.plmr.mfa.application.planted.PlantedApplicationViolation;
import com.plmr.mfa.application.port.in.planted.PlantedIncomingPort;
import com.plmr.mfa.application.service.planted.PlantedService;
import com.plmr.mfa.bootstrap.planted.PlantedGeneratedTypeUse;
import com.plmr.mfa.domain.planted.PlantedViolation;
import com.plmr.mfa.domain.plantedcycle.PlantedCycle;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The architecture rules are not vacuous: each fires on a violation planted for it in the test
 * sources, every rule has one, and the rules guard real classes that keep them.
 */
class ArchitectureRulesFireTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.plmr.mfa");
    private static final JavaClasses PLANTED = new ClassFileImporter().importClasses(PlantedViolation.class,
            PlantedCycle.class, PlantedApplicationViolation.class, PlantedIncomingPort.class,
            PlantedRestAdapter.class, PlantedPersistenceAdapter.class, PlantedNotifyAdapter.class,
            PlantedGeneratedTypeUse.class);

    /** Each rule, the planted class that breaks it and what the report must name as the evidence. */
    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                arguments("the_domain_depends_only_on_java", PlantedViolation.class, "io.micronaut"),
                arguments("the_domain_packages_are_free_of_cycles", PlantedCycle.class, "Cycle detected"),
                arguments("the_application_depends_only_on_the_domain", PlantedApplicationViolation.class,
                        "io.micronaut"),
                arguments("incoming_ports_do_not_use_outgoing_ports", PlantedIncomingPort.class,
                        "TransactionPort"),
                arguments("the_rest_adapter_does_not_use_outgoing_adapters", PlantedRestAdapter.class,
                        PlantedPersistenceAdapter.class.getSimpleName()),
                arguments("the_persistence_adapter_does_not_use_other_adapters", PlantedPersistenceAdapter.class,
                        PlantedNotifyAdapter.class.getSimpleName()),
                arguments("the_notification_adapter_does_not_use_other_adapters", PlantedNotifyAdapter.class,
                        PlantedRestAdapter.class.getSimpleName()),
                arguments("the_rest_adapter_uses_no_outgoing_ports", PlantedRestAdapter.class, "TransactionPort"),
                arguments("adapters_use_use_cases_not_services", PlantedRestAdapter.class,
                        PlantedService.class.getSimpleName()),
                arguments("mapped_entities_stay_in_the_persistence_adapter", PlantedRestAdapter.class,
                        "does not reside in a package"),
                arguments("numbering_plans_are_read_by_the_phone_numbers_adapter_only", PlantedNotifyAdapter.class,
                        "PhoneNumberUtil"),
                arguments("generated_api_types_never_leave_the_rest_adapter", PlantedGeneratedTypeUse.class,
                        ErrorCode.class.getName()),
                arguments("the_core_never_reads_the_clock_itself", PlantedViolation.class, "Instant.now()"),
                arguments("the_core_never_creates_its_own_randomness", PlantedViolation.class, "SecureRandom"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void each_rule_fires_on_its_planted_violation(String rule, Class<?> planted, String evidence) {
        assertThatThrownBy(() -> rules().get(rule).check(PLANTED)).as(rule).isInstanceOf(AssertionError.class)
                .hasMessageContaining(planted.getSimpleName()).hasMessageContaining(evidence);
    }

    @Test
    void every_rule_has_a_planted_violation() {
        assertThat(plantedViolations().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(rules().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.plmr.mfa.domain", "com.plmr.mfa.application", "com.plmr.mfa.application.port.in",
            "com.plmr.mfa.application.port.out", "com.plmr.mfa.application.service", "com.plmr.mfa.adapter.in.rest",
            "com.plmr.mfa.adapter.in.rest.api", "com.plmr.mfa.adapter.in.rest.model",
            "com.plmr.mfa.adapter.out.persistence", "com.plmr.mfa.adapter.out.notify", "com.plmr.mfa.bootstrap"})
    void every_guarded_package_has_classes(String packageName) {
        assertThat(PRODUCTION.stream().filter(c -> c.getPackageName().startsWith(packageName)).count())
                .as("classes in %s", packageName).isGreaterThan(3);
    }

    @Test
    void the_guarded_domain_packages_and_mapped_entities_exist() {
        assertThat(PRODUCTION.stream().map(c -> c.getPackageName()).filter(p -> p.startsWith("com.plmr.mfa.domain."))
                .distinct().count()).as("domain packages").isGreaterThan(3);
        assertThat(PRODUCTION.stream().filter(c -> c.isAnnotatedWith("io.micronaut.data.annotation.MappedEntity"))
                .count()).as("mapped entities").isGreaterThan(3);
    }

    @Test
    void the_production_classes_keep_every_rule() {
        assertThat(rules()).hasSizeGreaterThanOrEqualTo(12);
        rules().forEach((name, rule) -> assertThatCode(() -> rule.check(PRODUCTION)).as(name).doesNotThrowAnyException());
    }

    /** Every rule of {@link HexagonalArchitectureTest}, by field name, so none can be left out here. */
    private static Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new TreeMap<>();
        List<Field> fields = Arrays.stream(HexagonalArchitectureTest.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType()))
                .toList();
        for (Field field : fields) {
            try {
                rules.put(field.getName(), (ArchRule) field.get(null));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return rules;
    }
}
