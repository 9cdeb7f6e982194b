package io.roomwatch.emulator;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The emulator's own house rules (the project-wide ArchitectureTest may add more). */
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
}
