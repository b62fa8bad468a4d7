package com.tobacco.retailcrm.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * What a page must never show people: a message key the bundles do not have ({@code ??workflow.caseType.X_zh_CN??})
 * or a bare code of one of the application's enums ({@code INDIVIDUAL}, {@code CHANGE_REQUEST}). Every browser test
 * checks the pages it visits with it, so a new page or a new enum value without its Chinese name fails the build.
 */
public final class ReadableText {

    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s]{1,200}\\?\\?");
    /** A word of capitals, digits and underscores: how enum constants look. */
    private static final Pattern CODE_LIKE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
    /** Short capitals people do read: units, formats, acronyms of the trade. */
    private static final Set<String> ACRONYMS = Set.of("CRM", "GIS", "API", "ID", "CSV", "JSON", "PDF", "PNG", "JPEG",
            "JPG", "AB", "OA", "TOTP", "MFA", "URL", "HTTP", "HTTPS", "UTC", "ISO", "GB", "SM4", "AES", "PC", "IP", "XLSX",
            "KB", "MB", "QR", "SMS", "CN", "EN", "OK", "POS");
    private static volatile Set<String> enumCodes;

    private ReadableText() {
    }

    /** The problems in a page's visible text, empty when people can read all of it. */
    public static List<String> problems(String text) {
        return problems(text, Set.of());
    }

    /** The same, also knowing codes kept as data (the field dictionary's option codes such as INDIVIDUAL). */
    public static List<String> problems(String text, Set<String> dataCodes) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        Matcher keys = MISSING_KEY.matcher(text);
        while (keys.find()) {
            problems.add("missing message " + keys.group());
        }
        Set<String> codes = enumCodes();
        Matcher words = CODE_LIKE.matcher(text);
        while (words.find()) {
            String word = words.group();
            if (!ACRONYMS.contains(word) && (word.contains("_") || codes.contains(word) || dataCodes.contains(word))) {
                problems.add("raw code " + word + " in \"" + around(text, words.start(), words.end()) + "\"");
            }
        }
        return problems;
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 20), Math.min(text.length(), end + 20)).replace('\n', ' ');
    }

    /** The constants of every enum of the application that are longer than an acronym. */
    static Set<String> enumCodes() {
        Set<String> codes = enumCodes;
        if (codes == null) {
            codes = new TreeSet<>();
            var scanner = new ClassPathScanningCandidateComponentProvider(false) {
                @Override
                protected boolean isCandidateComponent(
                        org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                    return true;
                }
            };
            scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
            for (BeanDefinition d : scanner.findCandidateComponents("com.tobacco.retailcrm")) {
                try {
                    Class<?> type = Class.forName(d.getBeanClassName());
                    for (Object constant : type.getEnumConstants()) {
                        String name = ((Enum<?>) constant).name();
                        if (name.length() > 3 && name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
                            codes.add(name);
                        }
                    }
                } catch (ClassNotFoundException | RuntimeException e) {
                    // not an enum we can load: nothing to learn from it
                }
            }
            enumCodes = codes;
        }
        return codes;
    }
}
