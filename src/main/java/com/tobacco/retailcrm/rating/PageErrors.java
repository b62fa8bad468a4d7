package com.tobacco.retailcrm.rating;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.ArrayList;
import java.util.List;

/** The refusals of a form post as lines for the page, in the user's language (field null: the form as a whole). */
public final class PageErrors {

    private PageErrors() {
    }

    public static List<FieldProblem> of(RuntimeException e, Messages messages) {
        List<FieldProblem> list = new ArrayList<>();
        if (e instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> list.add(new FieldProblem(p.field(), messages.text(p.message()))));
        } else if (e instanceof BusinessRuleException rule) {
            list.add(new FieldProblem(null, messages.text(rule.getMessage(), rule.args())));
        } else if (e instanceof ConflictException conflict) {
            list.add(new FieldProblem(null, messages.text(conflict.getMessage(), conflict.args())));
        } else if (e instanceof NotFoundException notFound) {
            list.add(new FieldProblem(null, messages.text(notFound.getMessage(), notFound.args())));
        } else if (e instanceof ForbiddenException forbidden) {
            list.add(new FieldProblem(null, messages.text(forbidden.getMessage(), forbidden.args())));
        } else {
            throw e;
        }
        return list;
    }

    /** The problems as one line each, "field: message" (for a flash message after a redirect). */
    public static String text(List<FieldProblem> problems, Messages messages) {
        return String.join("；", problems.stream().map(p -> p.field() == null ? p.message()
                : messages.text("rating.field." + p.field()) + "：" + p.message()).toList());
    }
}
