package com.tobacco.retailcrm;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tobacco.retailcrm.shared.web.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of the modular monolith: each capability uses only the others' API packages, and only those
 * its package-info declares ({@code @ApplicationModule(allowedDependencies = ...)}; a module declaring none is held
 * to the API rule alone). Inside a module, the domain stays free of HTTP and storage. The test also writes the module
 * documentation (the C4 component diagram of all modules and one per module) into {@code docs/modules}, so the
 * committed diagrams follow the code.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RetailCrmApplication.class);

    @Test
    void modulesOnlyUseEachOthersApi() {
        MODULES.verify();
    }

    @Test
    void domainPackagesImportNeitherWebNorPersistence() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(RetailCrmApplication.class.getPackageName());
        // The message lookup only renders texts in the reader's language; it is the one web-package type rules use.
        noClasses().that().resideInAPackage("com.tobacco.retailcrm..domain..")
                .should().dependOnClassesThat(resideInAnyPackage("com.tobacco.retailcrm..web..",
                        "com.tobacco.retailcrm..persistence..").and(not(equivalentTo(Messages.class))))
                .because("rules live in the domain, free of HTTP and storage, so each has a plain unit test")
                .check(classes);
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // No module canvases: Spring Modulith 2.1.1 fails reading the Javadoc metadata of a record's accessors
        // ("No signature found in source map!" for CalendarProperties), so only the diagrams are written.
        assertThat(Path.of("docs/modules/components.puml")).exists();
        try (var files = Files.list(Path.of("docs/modules"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("module-")).count())
                    .isGreaterThanOrEqualTo(MODULES.stream().count());
        }
    }
}
