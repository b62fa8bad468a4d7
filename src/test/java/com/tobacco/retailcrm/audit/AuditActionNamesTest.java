package com.tobacco.retailcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit page names every action and object in Chinese (and English): every code the source records has its
 * message, so a new audited action without a name fails here instead of showing a raw code to the audit
 * administrator (issue 17, point 4).
 */
class AuditActionNamesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/tobacco/retailcrm");
    /** An audit.record(...) statement, to its closing parenthesis and semicolon. */
    private static final Pattern RECORD = Pattern.compile("audit\\.record\\((.*?)\\);", Pattern.DOTALL);
    /** Codes handed to a module's own recording helper (the rating steps, customer changes and their events, calendar writes). */
    private static final Pattern HELPER = Pattern.compile(
            "(?:step|recordChange|changeEvent)\\(\"([A-Z][A-Z0-9_]+)\"|write\\([^;]*?\"([A-Z][A-Z0-9_]+)\"\\);");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]*)*)\"");
    /** Codes the source builds from a prefix, with every ending it can have. */
    private static final Map<String, List<String>> PREFIXED = Map.of(
            "SURVEY_", List.of("SURVEY_REFUSED", "SURVEY_UNREACHABLE"),
            "SUPPLY_REQUEST_", List.of("SUPPLY_REQUEST_APPROVED", "SUPPLY_REQUEST_REJECTED"));
    /** Literals inside audit statements that are only the endings of a prefixed code above. */
    private static final Set<String> NOT_CODES = Set.of("APPROVED", "REJECTED");

    private static Set<String> codesInSource() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher statement = RECORD.matcher(text);
                while (statement.find()) {
                    Matcher literal = CODE.matcher(statement.group(1));
                    while (literal.find()) {
                        codes.add(literal.group(1));
                    }
                }
                Matcher helper = HELPER.matcher(text);
                while (helper.find()) {
                    codes.add(helper.group(1) != null ? helper.group(1) : helper.group(2));
                }
            }
        }
        for (var prefixed : PREFIXED.entrySet()) {
            if (codes.remove(prefixed.getKey())) {
                codes.addAll(prefixed.getValue());
            }
        }
        codes.removeAll(NOT_CODES);
        return codes;
    }

    private static Properties bundle(String name) throws IOException {
        Properties all = new Properties();
        for (String base : List.of("i18n/ui", "i18n/audit")) {
            try (InputStream in = AuditActionNamesTest.class.getClassLoader()
                    .getResourceAsStream(base + name + ".properties")) {
                assertThat(in).as(base + name).isNotNull();
                all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    @Test
    void everyActionAndObjectTheSourceRecordsHasAChineseAndAnEnglishName() throws IOException {
        Set<String> codes = codesInSource();
        assertThat(codes).as("the scan finds the audited actions")
                .contains("LOGIN", "CUSTOMER_CHANGED", "RATING_FINALIZED", "CASE_STEP_COMPLETED", "REQUEST_DENIED",
                        "CALENDAR_EDIT", "SUPPLY_REQUEST_APPROVED", "USER_DISABLED", "CUSTOMER");
        for (String suffix : List.of("", "_en")) {
            Properties messages = bundle(suffix);
            List<String> missing = new ArrayList<>();
            for (String code : codes) {
                if (!messages.containsKey("audit.action." + code) && !messages.containsKey("audit.target." + code)) {
                    missing.add(code);
                }
            }
            assertThat(missing).as("codes without a name in the%s bundles", suffix).isEmpty();
            messages.stringPropertyNames().stream().filter(k -> k.startsWith("audit.action.")).forEach(k -> {
                if (suffix.isEmpty()) {
                    assertThat(messages.getProperty(k)).as(k).matches(".*\\p{IsHan}.*");
                }
            });
        }
    }
}
