package io.roomwatch.emulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The emulator's own house rules (the project-wide ArchitectureTest may add more): it shares no code with roomwatch,
 * its parts build on each other without cycles (world and http know no vendor; the vendors share nothing; scenarios only
 * drive the world; callbacks read the world and sign on their own; the root package wires), and none of its classes bears the name of one of roomwatch's own.
 */
@AnalyzeClasses(packages = "io.roomwatch.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
class EmulatorArchitectureTest {

    static {
        QuietLogs.apply();
    }

    @ArchTest
    static final ArchRule playsTheVendorIndependently = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator..")
            .should()
            .dependOnClassesThat(
                    resideInAPackage("io.roomwatch..").and(resideOutsideOfPackage("io.roomwatch.emulator..")))
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..")
            .because("the emulator must not share code with the clients it checks");

    @ArchTest
    static final ArchRule partsAreFreeOfCycles = slices().matching("io.roomwatch.emulator.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each part (world, http, volcengine, tencent, scenario, control) builds on the ones before it");

    @ArchTest
    static final ArchRule partsUseTheSurfaceNotTheWiring = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.*..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.roomwatch.emulator")
                    .and(simpleName("VendorEmulator")
                            .or(simpleName("RunningEmulator"))
                            .or(simpleName("EmulatorMain"))
                            .or(simpleName("Services"))
                            .or(simpleName("Routes"))
                            .or(simpleName("CallbackSwitch"))))
            .because("the root package wires the parts; they use only its vocabulary (options, read model, faults)");

    @ArchTest
    static final ArchRule groundTruthKnowsNoProtocol = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.world..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.http..",
                    "io.roomwatch.emulator.volcengine..",
                    "io.roomwatch.emulator.tencent..",
                    "io.roomwatch.emulator.scenario..",
                    "io.roomwatch.emulator.control..",
                    "io.roomwatch.emulator.callback..")
            .because("the world is the truth every protocol is answered from");

    @ArchTest
    static final ArchRule plumbingKnowsNoVendorAndNoTruth = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.world..",
                    "io.roomwatch.emulator.volcengine..",
                    "io.roomwatch.emulator.tencent..",
                    "io.roomwatch.emulator.scenario..",
                    "io.roomwatch.emulator.control..",
                    "io.roomwatch.emulator.callback..")
            .because("requests, replies, rate limits and faults are the same for every vendor");

    @ArchTest
    static final ArchRule volcengineSharesNoCodeWithTencent = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.volcengine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.tencent..",
                    "io.roomwatch.emulator.scenario..",
                    "io.roomwatch.emulator.control..",
                    "io.roomwatch.emulator.callback..")
            .because("each vendor is emulated on its own, from its own documentation");

    @ArchTest
    static final ArchRule tencentSharesNoCodeWithVolcengine = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.tencent..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.volcengine..",
                    "io.roomwatch.emulator.scenario..",
                    "io.roomwatch.emulator.control..",
                    "io.roomwatch.emulator.callback..")
            .because("each vendor is emulated on its own, from its own documentation");

    @ArchTest
    static final ArchRule callbacksSignOnTheirOwn = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.callback..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.volcengine..",
                    "io.roomwatch.emulator.tencent..",
                    "io.roomwatch.emulator.scenario..",
                    "io.roomwatch.emulator.control..")
            .because("callbacks report the truth as the vendor's callback service would; the API endpoints and "
                    + "the control API are other services");

    @ArchTest
    static final ArchRule scenariosOnlyDriveTheWorld = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator.scenario..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.roomwatch.emulator.http..",
                    "io.roomwatch.emulator.volcengine..",
                    "io.roomwatch.emulator.tencent..",
                    "io.roomwatch.emulator.control..",
                    "io.roomwatch.emulator.callback..")
            .because("a scenario changes the truth; how vendors show it is not its business");

    @ArchTest
    static final ArchRule noWallClock = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator..")
            .and()
            .doNotHaveSimpleName("EmulatorMain")
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(Thread.class, "sleep", long.class)
            .because("every timed behaviour must follow the injected Scheduler (VirtualTimeScheduler in tests)");

    @ArchTest
    static final ArchRule onlyMainBlocks = noClasses()
            .that()
            .resideInAPackage("io.roomwatch.emulator..")
            .and()
            .doNotHaveSimpleName("EmulatorMain")
            .should()
            .callMethod(Mono.class, "block")
            .orShould()
            .callMethod(Mono.class, "block", Duration.class)
            .orShould()
            .callMethod(Flux.class, "blockFirst")
            .orShould()
            .callMethod(Flux.class, "blockLast")
            .because("handlers run on Netty event loops");

    @ArchTest
    static final ArchRule noPrinting = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    /** A reader who meets {@code RoomKey} or {@code TencentApi} must not have to check which side it is on. */
    @Test
    void noEmulatorClassBearsTheNameOfOneOfRoomwatchsOwn() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roomwatch");
        Set<String> product = main.stream()
                .filter(c -> c.isTopLevelClass() && !inEmulator(c))
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());

        List<String> clashes = main.stream()
                .filter(c -> c.isTopLevelClass() && inEmulator(c))
                .filter(c -> !c.getSimpleName().equals("package-info") && product.contains(c.getSimpleName()))
                .map(JavaClass::getName)
                .toList();

        assertThat(product).contains("RoomKey", "RoomState", "VolcengineApi", "TencentApi"); // the names once clashed
        assertThat(clashes).isEmpty();
    }

    private static boolean inEmulator(JavaClass javaClass) {
        return javaClass.getPackageName().startsWith("io.roomwatch.emulator");
    }
}
