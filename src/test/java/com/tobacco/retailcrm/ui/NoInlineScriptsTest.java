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
 * The pages' Content-Security-Policy blocks inline JavaScript, so an inline handler or script silently does nothing
 * (the status filter of 修改维护任务单 once did). Behaviour belongs in static .js files wired by data- attributes.
 */
class NoInlineScriptsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** onclick=, onchange=, th:onclick=, … as attributes of a tag. */
    private static final Pattern HANDLER = Pattern.compile("<[^>]*?\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    /** A script element with a body that is code (JSON data islands are not run). */
    private static final Pattern SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("href\\s*=\\s*\"\\s*javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasAnInlineEventHandlerScriptOrJavascriptUrl() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                Matcher handler = HANDLER.matcher(html);
                while (handler.find()) {
                    found.add(file + ": inline handler in " + shorten(handler.group()));
                }
                Matcher script = SCRIPT.matcher(html);
                while (script.find()) {
                    boolean data = script.group(1).contains("application/json");
                    if (!data && !script.group(2).isBlank()) {
                        found.add(file + ": inline script " + shorten(script.group()));
                    }
                }
                if (JAVASCRIPT_URL.matcher(html).find()) {
                    found.add(file + ": javascript: URL");
                }
            }
        }
        assertThat(found).as("move these into static/js and wire them with data- attributes").isEmpty();
    }

    @Test
    void theCheckSeesAnInlineHandler() {
        assertThat(HANDLER.matcher("<select name=\"status\" onchange=\"this.form.submit()\">").find()).isTrue();
        assertThat(HANDLER.matcher("<select name=\"status\" data-crm-autosubmit>").find()).isFalse();
        assertThat(HANDLER.matcher("<td th:text=\"${one}\">").find()).isFalse();
    }

    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
