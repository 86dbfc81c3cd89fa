package com.qleven.host;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency rules of ARCHITECTURE.md and STYLE.md. Every package a rule names must exist and
 * hold classes, so a misspelt rule cannot pass by checking nothing; a context's rules are added in
 * the change that creates the context.
 */
class ArchitectureTest {
    private static final String[] CONTEXTS = {"tenancy", "clients", "audit", "privacy", "consent", "billing",
            "scheduling", "messaging", "devices"};
    /**
     * The published types a context's domain may use from another context: an audit event names who
     * acted, as tenancy's principal and session; a consent entry and a data-subject request name
     * their client by the clients context's id, and so do an invoice and an appointment; a service's
     * price is billing's money; a device is a piece of scheduling's equipment, and its commands and
     * treatment sessions name their appointment.
     */
    private static final Map<String, List<Class<?>>> PUBLISHED_TO = Map.of(
            "audit", List.of(com.qleven.domain.tenancy.Principal.class, com.qleven.domain.tenancy.SessionId.class),
            "consent", List.of(com.qleven.domain.clients.ClientId.class),
            "privacy", List.of(com.qleven.domain.clients.ClientId.class),
            "billing", List.of(com.qleven.domain.clients.ClientId.class),
            "scheduling", List.of(com.qleven.domain.clients.ClientId.class, com.qleven.domain.billing.Money.class),
            "devices", List.of(com.qleven.domain.scheduling.EquipmentId.class,
                    com.qleven.domain.scheduling.AppointmentId.class));
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // The other modules arrive as folders in a reactor build and as jars otherwise; test code
        // arrives as test-classes folders and as the *-tests.jar of the shared test fixtures.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                // The SDK examples are partners' programs (the device simulator is a machine, with its own
                // MQTT client), on the host's test classpath only for the end-to-end device tests.
                .withImportOption(location -> !location.contains("qleven-sdk-examples"))
                .importPackages("com.qleven");
    }

    static List<String> namedPackages() {
        List<String> names = new java.util.ArrayList<>(List.of(
                "com.qleven.domain.shared", "com.qleven.ports.shared.out", "com.qleven.application",
                "com.qleven.application.shared", "com.qleven.adapters.memory", "com.qleven.adapters.crypto",
                "com.qleven.adapters.postgres", "com.qleven.host", "com.qleven.ports.shared.in",
                "com.qleven.adapters.smtp", "com.qleven.adapters.ical", "com.qleven.adapters.pdf",
                "com.qleven.adapters.whatsapp", "com.qleven.host.whatsapp", "com.qleven.adapters.mqtt"));
        for (String context : CONTEXTS) {
            names.add("com.qleven.domain." + context);
            names.add("com.qleven.ports." + context + ".in");
            names.add("com.qleven.ports." + context + ".out");
            names.add("com.qleven.application." + context);
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("namedPackages")
    void everyPackageARuleNamesHoldsClasses(String name) {
        assertThat(classes.stream().filter(c -> c.getPackageName().equals(name)).count())
                .as("classes in %s", name).isPositive();
    }

    @Test
    void theDomainUsesTheJdkOnly() {
        classes().that().resideInAPackage("com.qleven.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.qleven.domain..")
                .check(classes);
    }

    @Test
    void portsAndUseCasesUseTheDomainAndTheJdkOnly() {
        classes().that().resideInAnyPackage("com.qleven.ports..", "com.qleven.application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.qleven.domain..", "com.qleven.ports..", "com.qleven.application..")
                .check(classes);
    }

    @Test
    void theSharedKernelDependsOnNoContext() {
        classes().that().resideInAPackage("com.qleven.domain.shared..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.qleven.domain.shared..")
                .check(classes);
        classes().that().resideInAPackage("com.qleven.ports.shared..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.qleven.domain.shared..", "com.qleven.ports.shared..")
                .check(classes);
    }

    @Test
    void adaptersNeverUseEachOtherOrTheHost() {
        slices().matching("com.qleven.adapters.(*)..").should().notDependOnEachOther().check(classes);
        noClasses().that().resideOutsideOfPackage("com.qleven.host..")
                .should().dependOnClassesThat().resideInAPackage("com.qleven.host..")
                .check(classes);
    }

    @Test
    void daggerAndUndertowLiveInTheHostOnly() {
        noClasses().that().resideOutsideOfPackage("com.qleven.host..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..", "io.undertow..", "picocli..")
                .check(classes);
    }

    @Test
    void jacksonLivesInTheHostAndTheWhatsAppAndMqttAdaptersOnly() {
        // The Graph API's JSON is the WhatsApp adapter's own (Retrofit's converter); its DTOs stay there.
        // The devices' wire JSON is read and written by the MQTT adapter.
        noClasses().that().resideOutsideOfPackages("com.qleven.host..", "com.qleven.adapters.whatsapp..",
                        "com.qleven.adapters.mqtt..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void retrofitAndOkHttpLiveInTheWhatsAppAdapterOnly() {
        noClasses().that().resideOutsideOfPackage("com.qleven.adapters.whatsapp..")
                .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "okhttp3..")
                .check(classes);
    }

    /**
     * A device's secret is checked in constant time: the keyed hashes are compared with
     * {@link java.security.MessageDigest#isEqual}, never with an early-exit equals.
     */
    @Test
    void deviceSecretsAreComparedInConstantTime() {
        classes().that().haveFullyQualifiedName(com.qleven.application.devices.RegistryAuthentication.class.getName())
                .should().callMethod(java.security.MessageDigest.class, "isEqual", byte[].class, byte[].class)
                .check(classes);
        noClasses().that().haveFullyQualifiedName(
                        com.qleven.application.devices.RegistryAuthentication.class.getName())
                .should().callMethod(java.util.Arrays.class, "equals", byte[].class, byte[].class)
                .orShould().callMethod(com.qleven.ports.shared.out.BlindIndex.class, "equals", Object.class)
                .check(classes);
    }

    @Test
    void pahoAndHiveMqLiveInTheMqttAdapterOnly() {
        noClasses().that().resideOutsideOfPackage("com.qleven.adapters.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..", "com.hivemq..")
                .check(classes);
    }

    @Test
    void boundedContextsFormNoCycles() {
        slices().matching("com.qleven.domain.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("com.qleven.ports.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("com.qleven.application.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void contextsReachOnlyTheSharedKernelOfOtherContexts() {
        for (String context : CONTEXTS) {
            classes().that().resideInAPackage("com.qleven.domain." + context + "..")
                    .should().onlyDependOnClassesThat(JavaClass.Predicates
                            .resideInAnyPackage("java..", "com.qleven.domain.shared..", "com.qleven.domain." + context + "..")
                            .or(JavaClass.Predicates.belongToAnyOf(
                                    PUBLISHED_TO.getOrDefault(context, List.of()).toArray(Class<?>[]::new))))
                    .check(classes);
        }
    }

    /**
     * Each service is given the narrow ports it uses in its constructor; only the composition
     * ({@code Qleven} and its builder) reads the whole store, so a service's constructor shows what it touches.
     */
    @Test
    void onlyTheCompositionReadsTheWholeStore() {
        String store = com.qleven.application.QlevenStore.class.getName();
        String composition = com.qleven.application.Qleven.class.getName();
        String foundation = com.qleven.application.Foundation.class.getName();
        assertThat(classes.get(com.qleven.application.clients.ClientsFacade.class.getName())
                .getDirectDependenciesFromSelf())
                .as("a facade reads the store, so the rule below looks at real dependencies")
                .anyMatch(d -> d.getTargetClass().getName().equals(store));
        // The composition: Qleven, the Foundation it hands out, and each context's facade, which
        // gives its services the narrow ports they use. No service sees the whole store.
        noClasses().that().resideInAPackage("com.qleven.application..")
                .and().doNotHaveFullyQualifiedName(composition)
                .and().doNotHaveFullyQualifiedName(foundation)
                .and().doNotHaveFullyQualifiedName(store)
                .and().haveSimpleNameNotEndingWith("Facade")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not nested in " + composition,
                        (JavaClass c) -> !c.getName().startsWith(composition + "$")))
                .should().dependOnClassesThat().haveFullyQualifiedName(store)
                .check(classes);
    }

    @Test
    void servicesAreReachedThroughTheirContextsFacade() {
        // Qleven exposes facades only: a use case is a verb of qleven.<context>(), never an accessor of its own.
        assertThat(java.util.Arrays.stream(com.qleven.application.Qleven.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers())
                        && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .map(m -> m.getReturnType().getSimpleName()))
                .allMatch(name -> name.endsWith("Facade"));
    }
}
