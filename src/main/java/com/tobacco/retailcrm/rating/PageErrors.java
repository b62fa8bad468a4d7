package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.web.FormErrors;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.List;

/** The refusals of a form post as lines for the page, in the user's language (field null: the form as a whole). */
public final class PageErrors {

    private PageErrors() {
    }

    public static List<FieldProblem> of(RuntimeException e, Messages messages) {
        return FormErrors.lines(e, messages);
    }

    /** The problems as one line each, "field: message" (for a flash message after a redirect). */
    public static String text(List<FieldProblem> problems, Messages messages) {
        return String.join("；", problems.stream().map(p -> p.field() == null ? p.message()
                : messages.text("rating.field." + p.field()) + "：" + p.message()).toList());
    }
}
