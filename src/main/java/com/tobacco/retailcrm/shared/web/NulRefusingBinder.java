package com.tobacco.retailcrm.shared.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses the NUL character in request parameters, path variables and form fields, where the JSON reader cannot
 * see it: PostgreSQL cannot store or compare it, and the caller should hear which parameter is wrong rather than
 * get a database refusal naming nothing.
 */
@ControllerAdvice
class NulRefusingBinder {

    @InitBinder
    void refuseNul(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new NulRefusingEditor());
    }

    /** The reason a parameter was refused; {@link ApiExceptionHandler} says so in the caller's language. */
    static final class NulCharacterException extends IllegalArgumentException {
        NulCharacterException() {
            super("NUL character");
        }
    }

    private static final class NulRefusingEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text != null && text.indexOf('\0') >= 0) {
                throw new NulCharacterException();
            }
            setValue(text);
        }
    }
}
