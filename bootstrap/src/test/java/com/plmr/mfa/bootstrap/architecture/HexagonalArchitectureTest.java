package com.plmr.mfa.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the hexagon, said as sentences. Maven's module graph already points
 * inward; these rules also guard what Maven cannot see (the clock, generated types, packages
 * inside one module). {@link ArchitectureRulesFireTest} proves that each rule fails on a violation
 * planted for it and that the packages they guard are not empty.
 */
@AnalyzeClasses(packages = "com.plmr.mfa", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    static final String DOMAIN = "com.plmr.mfa.domain..";
    static final String APPLICATION = "com.plmr.mfa.application..";
    static final String INCOMING_PORTS = "com.plmr.mfa.application.port.in..";
    static final String OUTGOING_PORTS = "com.plmr.mfa.application.port.out..";
    static final String SERVICES = "com.plmr.mfa.application.service..";
    static final String ADAPTERS = "com.plmr.mfa.adapter..";
    static final String REST = "com.plmr.mfa.adapter.in.rest..";
    static final String PERSISTENCE = "com.plmr.mfa.adapter.out.persistence..";
    static final String NOTIFY = "com.plmr.mfa.adapter.out.notify..";
    static final String PHONE_NUMBERS = "com.plmr.mfa.adapter.out.notify.phone..";
    static final String[] GENERATED_API = {"com.plmr.mfa.adapter.in.rest.api..", "com.plmr.mfa.adapter.in.rest.model.."};

    @ArchTest
    static final ArchRule the_domain_depends_only_on_java = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", DOMAIN)
            .because("the domain is pure Java: no framework, no adapter (javax.crypto is the JDK's HMAC and AES)");

    @ArchTest
    static final ArchRule the_domain_packages_are_free_of_cycles = slices().matching("com.plmr.mfa.domain.(*)..")
            .should().beFreeOfCycles()
            .because("each domain package can be read and tested from the packages it uses, without the ones using it");

    @ArchTest
    static final ArchRule the_application_depends_only_on_the_domain = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("use cases and ports carry no framework; bootstrap wires them");

    @ArchTest
    static final ArchRule incoming_ports_do_not_use_outgoing_ports = noClasses().that().resideInAPackage(INCOMING_PORTS)
            .should().dependOnClassesThat().resideInAPackage(OUTGOING_PORTS)
            .because("a use case answers in the domain's terms; how it stores and sends stays behind it");

    @ArchTest
    static final ArchRule the_rest_adapter_uses_no_outgoing_ports = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAPackage(OUTGOING_PORTS)
            .because("the REST adapter sees use cases and the domain only, as a caller of the service would");

    @ArchTest
    static final ArchRule adapters_use_use_cases_not_services = noClasses().that().resideInAPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAPackage(SERVICES)
            .because("adapters call use cases (port.in) and implement ports (port.out); bootstrap alone builds services");

    @ArchTest
    static final ArchRule mapped_entities_stay_in_the_persistence_adapter = classes().that()
            .areAnnotatedWith("io.micronaut.data.annotation.MappedEntity").should().resideInAPackage(PERSISTENCE)
            .because("rows are the persistence adapter's own: no other ring sees a table");

    @ArchTest
    static final ArchRule the_rest_adapter_does_not_use_outgoing_adapters = noClasses().that().resideInAPackage(REST)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, NOTIFY);

    @ArchTest
    static final ArchRule the_persistence_adapter_does_not_use_other_adapters = noClasses().that()
            .resideInAPackage(PERSISTENCE).should().dependOnClassesThat().resideInAnyPackage(REST, NOTIFY);

    @ArchTest
    static final ArchRule the_notification_adapter_does_not_use_other_adapters = noClasses().that()
            .resideInAPackage(NOTIFY).should().dependOnClassesThat().resideInAnyPackage(REST, PERSISTENCE);

    @ArchTest
    static final ArchRule numbering_plans_are_read_by_the_phone_numbers_adapter_only = noClasses().that()
            .resideOutsideOfPackage(PHONE_NUMBERS).should().dependOnClassesThat()
            .resideInAPackage("com.google.i18n.phonenumbers..")
            .because("libphonenumber's plans are data that changes every few weeks: one adapter reads them behind"
                    + " PhoneNumbersPort, and the domain keeps only the E.164 shape");

    @ArchTest
    static final ArchRule generated_api_types_never_leave_the_rest_adapter = noClasses().that()
            .resideOutsideOfPackage(REST).should().dependOnClassesThat().resideInAnyPackage(GENERATED_API)
            .because("the wire format is mapped to commands at the edge and stops there");

    @ArchTest
    static final ArchRule the_core_never_reads_the_clock_itself = noClasses().that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("time is an input: expiry, lockout and TOTP steps must be testable with a fixed clock");

    @ArchTest
    static final ArchRule the_core_never_creates_its_own_randomness = noClasses().that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callConstructor(java.security.SecureRandom.class)
            .orShould().callConstructor(java.util.Random.class)
            .because("randomness is an input, injected as a RandomGenerator");
}
