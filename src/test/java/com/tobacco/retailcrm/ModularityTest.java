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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of the modular monolith: each capability uses only the others' API packages, and only those
 * its package-info declares ({@code @ApplicationModule(allowedDependencies = ...)}; a module declaring none is held
 * to the API rule alone). Inside a module, the domain stays free of HTTP and storage. The test also writes the module
 * documentation (the C4 component diagram of all modules and one per module) into {@code docs/modules}, so the
 * committed diagrams follow the code; their elements and relationships are sorted, so a run without a change in the
 * modules leaves them as they are.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(RetailCrmApplication.class);
    private static final Path DIAGRAMS = Path.of("docs/modules");

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
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        // No module canvases: to write them Spring Modulith reads its Javadoc metadata
        // (target/generated-spring-modulith/javadoc.json) through Spring Boot's JsonParserFactory, which finds neither
        // Jackson 2 nor Gson here (we use Jackson 3) and falls back to its BasicJsonParser; that one fails on the file
        // ("Expecting double-quotes around field names", ExceptionInInitializerError). Adding Jackson 2 only for this
        // is not worth it, so only the diagrams are written.
        List<Path> diagrams;
        try (var files = Files.list(DIAGRAMS)) {
            diagrams = files.filter(f -> f.toString().endsWith(".puml")).toList();
        }
        for (Path diagram : diagrams) {
            Files.writeString(diagram, inStableOrder(Files.readString(diagram)));
        }
        assertThat(DIAGRAMS.resolve("components.puml")).exists();
        assertThat(diagrams.stream().filter(f -> f.getFileName().toString().startsWith("module-")).count())
                .isGreaterThanOrEqualTo(MODULES.stream().count());
    }

    @Test
    void diagramsAreWrittenInAStableOrder() {
        String shuffled = "A\n  Component(b)\n  Component(a)\n}\nRel(y, x)\nRel(x, z)\nRel(x, y)\nB\n";
        assertThat(inStableOrder(shuffled))
                .isEqualTo("A\n  Component(a)\n  Component(b)\n}\nRel(x, y)\nRel(x, z)\nRel(y, x)\nB\n");
    }

    /**
     * The diagram with each run of elements and each run of relationships sorted: the Documenter writes them in the
     * order of hash sets, different on every run, and the committed diagrams changed each time the test ran.
     */
    static String inStableOrder(String plantUml) {
        List<String> lines = new ArrayList<>(List.of(plantUml.split("\n", -1)));
        int start = 0;
        while (start < lines.size()) {
            String kind = kindOf(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kindOf(lines.get(end)))) {
                end++;
            }
            if (kind != null) {
                Collections.sort(lines.subList(start, end));
            }
            start = end;
        }
        return String.join("\n", lines);
    }

    /** The kind of diagram statement a line is, when it is one whose order means nothing. */
    private static String kindOf(String line) {
        String statement = line.strip();
        return statement.startsWith("Component(") ? "Component" : statement.startsWith("Rel(") ? "Rel" : null;
    }
}
