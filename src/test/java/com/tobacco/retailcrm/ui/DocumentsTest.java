package com.tobacco.retailcrm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules live in the repository: code points to docs/, every document it names exists, and nothing points to the
 * requirement files that are not part of the project. The README tells a new machine what the first run needs.
 */
class DocumentsTest {

    private static final Pattern DOC = Pattern.compile("docs/[a-z0-9/-]+\\.md");
    private static final Pattern OUTSIDE = Pattern.compile("\\b(?:DOMAIN|API)\\.md\\b");

    @Test
    void codePointsToDocumentsThatExistAndNotToFilesOutsideTheProject() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(DocumentsTest::text).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                // applied migrations are never edited (their checksums), so old ones may keep the old name
                if (OUTSIDE.matcher(content).find() && !file.toString().contains("db/migration")) {
                    problems.add(file + " points to a file outside the project");
                }
                Matcher doc = DOC.matcher(content);
                while (doc.find()) {
                    if (!Files.exists(Path.of(doc.group()))) {
                        problems.add(file + " points to the missing " + doc.group());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(Path.of("docs/architecture.md")).exists();
        assertThat(Path.of("docs/api.md")).exists();
        assertThat(Files.readString(Path.of("docs/architecture.md"))).contains("maintenance", "service", "survey");
    }

    @Test
    void theReadmeSaysWhatAFreshMachineNeedsOnItsFirstRun() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme.lines().skip(3).findFirst()).hasValue(
                "CRM_DEMO=true ./mvnw spring-boot:run      # run: http://localhost:8080, embedded PostgreSQL under ./data, demo data on an empty database");
        assertThat(readme).contains("Maven Central", "two minutes", "/actuator/health", "data.key", "CRM_DATA_KEY");
    }

    private static boolean text(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".xml") || name.endsWith(".yml") || name.endsWith(".sql")
                || name.endsWith(".properties") || name.endsWith(".html");
    }
}
