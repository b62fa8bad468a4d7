package com.tobacco.retailcrm.service.supply;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import java.util.stream.Collectors;

/** A refusal as one line in the reader's language, for a page's flash message; anything else is rethrown. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String of(RuntimeException e, Messages messages) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(p -> messages.text(p.message())).distinct()
                    .collect(Collectors.joining("；"));
        }
        if (e instanceof BusinessRuleException rule) {
            return messages.text(rule.getMessage(), rule.args());
        }
        if (e instanceof ForbiddenException forbidden) {
            return messages.text(forbidden.getMessage(), forbidden.args());
        }
        if (e instanceof ConflictException conflict) {
            return messages.text(conflict.getMessage(), conflict.args());
        }
        if (e instanceof NotFoundException missing) {
            return messages.text(missing.getMessage(), missing.args());
        }
        throw e;
    }
}
