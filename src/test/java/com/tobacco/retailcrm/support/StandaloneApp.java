package com.tobacco.retailcrm.support;

import com.tobacco.retailcrm.RetailCrmApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The plain application started by a test on a data directory of its own, on the embedded database, apart from the
 * shared test context (for what that context cannot show: a restart, a backup restored, the production settings).
 */
public final class StandaloneApp {

    private StandaloneApp() {
    }

    public static boolean onEmbeddedDatabase() {
        return System.getProperty("crm.test.db.url", "").isBlank();
    }

    /** Leaves test-only configuration (the movable test clock) out of this plain application. */
    static final class TestComponentsExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasMetaAnnotation(TestComponent.class.getName())
                    || reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestComponentsExcluded;
        }

        @Override
        public int hashCode() {
            return TestComponentsExcluded.class.hashCode();
        }
    }

    /** Starts the application on a random port; {@code options} are further {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(Path dataDir, String bootstrapPassword, String... options) {
        return startOn("", dataDir, bootstrapPassword, options);
    }

    /**
     * Starts the application on the PostgreSQL server at {@code datasourceUrl} (blank: the embedded one), signing in
     * with the test database's user and password.
     */
    public static ConfigurableApplicationContext startOn(String datasourceUrl, Path dataDir, String bootstrapPassword,
                                                         String... options) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--crm.data-dir=" + dataDir,
                "--crm.bootstrap-password=" + bootstrapPassword, "--spring.datasource.url=" + datasourceUrl));
        if (!datasourceUrl.isBlank()) {
            args.add("--spring.datasource.username=" + System.getProperty("crm.test.db.user", "postgres"));
            args.add("--spring.datasource.password=" + System.getProperty("crm.test.db.password", ""));
        }
        args.addAll(List.of(options));
        return new SpringApplicationBuilder(RetailCrmApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testComponentsExcluded",
                        new TestComponentsExcluded()))
                // Arguments, not default properties: application.yml would override defaults.
                .run(args.toArray(String[]::new));
    }

    public static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }
}
