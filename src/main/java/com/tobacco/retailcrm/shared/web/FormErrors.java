package com.tobacco.retailcrm.shared.web;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Turns what the domain refuses into errors of the form on the page, in the user's language, so a page shows a
 * refused input next to its field (or above the form) instead of an error page. The API does the same through
 * {@link ApiExceptionHandler}; pages catch the exception around the service call and hand it here.
 */
@Component
public class FormErrors {

    private final Messages messages;

    FormErrors(Messages messages) {
        this.messages = messages;
    }

    /**
     * Records the refusal on the form. A problem about a field the form does not have (the domain's name differs
     * from the form's) is mapped through {@code fieldAliases} (domain name → form field) or else shown above the form.
     *
     * @return true when the exception was a refusal of the input; false for anything else, which the caller rethrows
     */
    public boolean reject(RuntimeException e, BindingResult form, Map<String, String> fieldAliases) {
        if (e instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> field(form, fieldAliases, p));
        } else if (e instanceof ConflictException conflict) {
            field(form, fieldAliases, new FieldProblem(conflict.field(), messages.text(conflict.getMessage(), conflict.args())));
        } else if (e instanceof BusinessRuleException rule) {
            form.reject("rule", messages.text(rule.getMessage(), rule.args()));
        } else if (e instanceof ForbiddenException forbidden) {
            forbidden.problems().forEach(p -> field(form, fieldAliases, p));
            form.reject("forbidden", messages.text(forbidden.getMessage(), forbidden.args()));
        } else if (e instanceof com.tobacco.retailcrm.shared.api.TooManyRequestsException tooMany) {
            form.reject("tooMany", messages.text(tooMany.getMessage(), tooMany.args()));
        } else if (e instanceof NotFoundException missing) {
            form.reject("notFound", messages.text(missing.getMessage(), missing.args()));
        } else {
            return false;
        }
        return true;
    }

    public boolean reject(RuntimeException e, BindingResult form) {
        return reject(e, form, Map.of());
    }

    /**
     * The refusal as lines for a page that lists its errors itself, in the user's language (field null: the form as a
     * whole); anything that is not a refusal of the input is thrown again.
     */
    public List<FieldProblem> lines(RuntimeException e) {
        return lines(e, messages);
    }

    /** {@link #lines(RuntimeException)} for code that holds the messages but not this bean. */
    public static List<FieldProblem> lines(RuntimeException e, Messages messages) {
        List<FieldProblem> lines = new ArrayList<>();
        if (e instanceof InvalidInputException invalid) {
            invalid.problems().forEach(p -> lines.add(new FieldProblem(p.field(), messages.text(p.message()))));
        } else if (e instanceof BusinessRuleException rule) {
            lines.add(new FieldProblem(null, messages.text(rule.getMessage(), rule.args())));
        } else if (e instanceof ConflictException conflict) {
            lines.add(new FieldProblem(null, messages.text(conflict.getMessage(), conflict.args())));
        } else if (e instanceof NotFoundException missing) {
            lines.add(new FieldProblem(null, messages.text(missing.getMessage(), missing.args())));
        } else if (e instanceof ForbiddenException forbidden) {
            lines.add(new FieldProblem(null, messages.text(forbidden.getMessage(), forbidden.args())));
        } else {
            throw e;
        }
        return lines;
    }

    private void field(BindingResult form, Map<String, String> aliases, FieldProblem p) {
        String name = aliases.getOrDefault(p.field(), p.field());
        String text = messages.text(p.message());
        Object target = form.getTarget();
        if (name != null && target != null && new BeanWrapperImpl(target).isReadableProperty(name)) {
            form.rejectValue(name, "domain", text);
        } else {
            form.reject("domain", text);
        }
    }
}
