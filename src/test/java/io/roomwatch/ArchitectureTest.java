package io.roomwatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import io.roomwatch.model.AppState;
import io.roomwatch.model.planted.PlantedViolation;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The layering of shared/style.md §2.2, enforced. Rules about packages that do not exist yet pass vacuously. */
@AnalyzeClasses(packages = "io.roomwatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPure = classes()
            .that()
            .resideInAnyPackage("..roomwatch.model..", "..roomwatch.diff..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("..roomwatch.model..", "..roomwatch.diff..", "java..", "org.jspecify..")
            .because("diffing must stay a deterministic function we can test without Reactor or I/O");

    @ArchTest
    static final ArchRule loopsSeeOnlySpis = noClasses()
            .that()
            .resideInAPackage("..roomwatch.poll..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..roomwatch.provider.*..", "..roomwatch.sink.*..", "..roomwatch.state.*..", "..roomwatch.kafka..")
            .because("poll talks to RtcProvider/EventSink/SnapshotStore; app picks the implementations")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theEngineOwnsCommittedState = noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage("..roomwatch.kafka..", "..roomwatch.sink..", "..roomwatch.connect..")
            .should()
            .haveRawType(AppState.class)
            .because("the engine owns the committed state and tells the sink what to write (StateChange); a sink"
                    + " that kept its own copy would fold every batch twice and could disagree with the engine");

    @ArchTest
    static final ArchRule budgetsArePaidOnlyByTheClients = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..roomwatch.provider.budget..",
                    "..roomwatch.provider.http..",
                    "..roomwatch.provider.volcengine..",
                    "..roomwatch.provider.tencent..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..roomwatch.provider.budget..")
            .because("the SPI shows rate budgets as read-only BudgetViews; the app binds their meters from those");

    @ArchTest
    static final ArchRule kafkaStaysInItsAdapters = noClasses()
            .that()
            .resideOutsideOfPackages("..roomwatch.kafka..", "..roomwatch.broker..", "..roomwatch.connect..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..")
            .because("only the Kafka adapter (sink, state store), the embedded broker and the Kafka Connect plugin"
                    + " need Kafka types");

    @ArchTest
    static final ArchRule nothingDependsOnConnect = noClasses()
            .that()
            .resideOutsideOfPackage("..roomwatch.connect..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..roomwatch.connect..")
            .because("the Kafka Connect plugin is a composition root of its own, like app; connect-api is provided"
                    + " by the worker and absent when roomwatch runs standalone");

    @ArchTest
    static final ArchRule nettyStaysAtTheEdges = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..roomwatch.provider..",
                    "..roomwatch.emulator..",
                    "..roomwatch.admin..",
                    "..roomwatch.callback.http..",
                    "..roomwatch.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("reactor.netty..", "io.netty..")
            .because("HTTP is an edge concern: vendor clients, the emulator, the admin endpoint and the callback"
                    + " receiver");

    @ArchTest
    static final ArchRule jacksonStaysAtTheEdges = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..roomwatch.provider..",
                    "..roomwatch.kafka..",
                    "..roomwatch.connect..",
                    "..roomwatch.config..",
                    "..roomwatch.emulator..",
                    "..roomwatch.admin..",
                    "..roomwatch.callback.http..",
                    "..roomwatch.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml.jackson..")
            .because("wire formats are translated at the boundary; the core sees records only");

    @ArchTest
    static final ArchRule nothingDependsOnApp = noClasses()
            .that()
            .resideOutsideOfPackage("..roomwatch.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..roomwatch.app..")
            .because("app is the composition root");

    @ArchTest
    static final ArchRule emulatorIsAnIndependentVendor = noClasses()
            .that()
            .resideInAPackage("..roomwatch.emulator..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..roomwatch.model..",
                    "..roomwatch.diff..",
                    "..roomwatch.poll..",
                    "..roomwatch.provider..",
                    "..roomwatch.sink..",
                    "..roomwatch.state..",
                    "..roomwatch.kafka..",
                    "..roomwatch.config..")
            .because("the emulator plays the vendor: sharing our client code would hide protocol mistakes")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule productDoesNotUseEmulator = noClasses()
            .that()
            .resideOutsideOfPackages("..roomwatch.emulator..", "..roomwatch.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..roomwatch.emulator..")
            .because("only app wires the emulator (demo, emulator commands)");

    @ArchTest
    static final ArchRule appStartsTheEmulatorThroughItsEntryPoints = noClasses()
            .that()
            .resideOutsideOfPackage("..roomwatch.emulator..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..roomwatch.emulator.*..")
            .because("the emulator's public surface is its root package; its parts (world, http, vendors, scenario, "
                    + "control) are its own business");

    @ArchTest
    static final ArchRule noWallClock = noClasses()
            .that()
            .resideOutsideOfPackage("..roomwatch.app..")
            .should(invoke(System.class, "currentTimeMillis"))
            .orShould(invoke(System.class, "nanoTime"))
            .orShould(invoke(Instant.class, "now"))
            .orShould(invoke(Clock.class, "systemUTC"))
            .orShould(invoke(Clock.class, "systemDefaultZone"))
            .orShould(invoke(Thread.class, "sleep"))
            .because("take time from the injected Scheduler so VirtualTimeScheduler can drive it");

    @ArchTest
    static final ArchRule onlyAppBlocks = noClasses()
            .that()
            .resideOutsideOfPackages("..roomwatch.app..", "..roomwatch.emulator..")
            .should()
            .callMethod(Mono.class, "block")
            .orShould()
            .callMethod(Flux.class, "blockFirst")
            .orShould()
            .callMethod(Flux.class, "blockLast")
            .because("blocking a Reactor thread stalls every pipeline on it; only the composition root may wait");

    @ArchTest
    static final ArchRule noPrinting = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noGenericExceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    /** Calls or method references ({@code Instant::now}) to any overload of {@code owner.name}. */
    private static ArchCondition<JavaClass> invoke(Class<?> owner, String name) {
        return new ArchCondition<>("call or reference " + owner.getSimpleName() + "." + name) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Stream.concat(item.getMethodCallsFromSelf().stream(), item.getMethodReferencesFromSelf().stream())
                        .filter(access -> access.getTargetOwner().isEquivalentTo(owner)
                                && access.getName().equals(name))
                        .forEach(access -> events.add(SimpleConditionEvent.satisfied(access, access.getDescription())));
            }
        };
    }

    @Test
    void rulesCatchAPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedViolation.class);

        assertThatThrownBy(() -> noWallClock.check(planted)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> onlyAppBlocks.check(planted)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> noPrinting.check(planted)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> coreIsPure.check(planted)).isInstanceOf(AssertionError.class);
    }
}
