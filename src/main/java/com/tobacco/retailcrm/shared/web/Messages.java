package com.tobacco.retailcrm.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns message keys into text in the caller's language. A message written as {@code {key}} or as a bare key
 * is looked up; anything else is already text and passes through.
 */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String keyOrText, Object... args) {
        return text(LocaleContextHolder.getLocale(), keyOrText, args);
    }

    public String text(Locale locale, String keyOrText, Object... args) {
        if (keyOrText == null) {
            return "";
        }
        String key = keyOrText.startsWith("{") && keyOrText.endsWith("}")
                ? keyOrText.substring(1, keyOrText.length() - 1) : keyOrText;
        try {
            return source.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return keyOrText;
        }
    }
}
