package com.tobacco.retailcrm;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.PermitAll;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every page and API handler says who may call it ({@code @PreAuthorize} or {@code @PermitAll}). The interceptor
 * refuses undeclared handlers at run time; this finds them before anyone calls one.
 */
class ControllerAccessTest {

    @Test
    void everyHandlerMethodDeclaresItsAccessRule() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> undeclared = new ArrayList<>();
        int handlers = 0;
        for (var candidate : scanner.findCandidateComponents("com.tobacco.retailcrm")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            boolean classRule = AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class);
            for (Method m : type.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)) {
                    continue;
                }
                handlers++;
                if (!classRule && !AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)
                        && !AnnotatedElementUtils.hasAnnotation(m, PermitAll.class)) {
                    undeclared.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertThat(handlers).as("handlers found").isGreaterThan(20);
        assertThat(undeclared).isEmpty();
    }
}
