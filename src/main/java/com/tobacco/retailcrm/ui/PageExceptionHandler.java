package com.tobacco.retailcrm.ui;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.ForbiddenException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import com.tobacco.retailcrm.shared.web.Messages;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a page shows when the domain refuses something the page did not turn into a form error: the Chinese error
 * page with the reason and the right status, never a white-label page. The API's own handler comes first and
 * answers API calls with problem+json.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Messages messages;
    private final LayoutModel layout;
    private final jakarta.servlet.http.HttpServletRequest request;

    PageExceptionHandler(Messages messages, LayoutModel layout, jakarta.servlet.http.HttpServletRequest request) {
        this.messages = messages;
        this.layout = layout;
        this.request = request;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, messages.text(e.getMessage(), e.args()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e) {
        return page(HttpStatus.FORBIDDEN, messages.text(e.getMessage(), e.args()));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ModelAndView rule(BusinessRuleException e) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, messages.text(e.getMessage(), e.args()));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e) {
        return page(HttpStatus.CONFLICT, messages.text(e.getMessage(), e.args()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e) {
        String text = String.join("；", e.problems().stream().map(p -> messages.text(p.message())).toList());
        return page(HttpStatus.BAD_REQUEST, text);
    }

    /** The error page inside the layout; the layout's model is added here since no postHandle runs after a throw. */
    private ModelAndView page(HttpStatus status, String message) {
        var mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("message", message);
        layout.fill(mav, request);
        return mav;
    }
}
