package com.tobacco.retailcrm.shared.infrastructure;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * How the API reads JSON: unknown properties and NUL characters are refused (PostgreSQL cannot store NUL and a
 * silently dropped property hides a client's mistake), and numbers are read as decimals, never as floats. A
 * number is not an enum code (Jackson would take it as the constant's position: {@code "type": 1} silently meant
 * DEPARTMENT) and a fraction is not an integer (1.5 would become 1).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .addModule(new SimpleModule("no-nul-strings").addDeserializer(String.class, new NoNulStringDeserializer()));
    }

    /** Refuses strings that contain the NUL character, naming the field through Jackson's path. */
    static final class NoNulStringDeserializer extends StdScalarDeserializer<String> {

        NoNulStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.currentToken().isScalarValue()) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = p.getValueAsString();
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, "NUL character");
            }
            return value;
        }
    }
}
