package com.tobacco.retailcrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tobacco.retailcrm.shared.api.BusinessRuleException;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.FieldProblem;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

/** A refusal of the domain lands on the form: on its field when the form has it, above the form otherwise. */
class FormErrorsTest {

    /** A form with two fields. */
    public static class Form {
        private String name;
        private String orgUnit;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrgUnit() {
            return orgUnit;
        }

        public void setOrgUnit(String orgUnit) {
            this.orgUnit = orgUnit;
        }
    }

    private FormErrors errors;
    private BeanPropertyBindingResult form;

    @BeforeEach
    void setUp() {
        var source = new StaticMessageSource();
        source.addMessage("error.name", Locale.SIMPLIFIED_CHINESE, "名称不对");
        source.addMessage("error.dup", Locale.SIMPLIFIED_CHINESE, "{0} 已存在");
        source.addMessage("error.rule", Locale.SIMPLIFIED_CHINESE, "规则不允许");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        errors = new FormErrors(new Messages(source));
        form = new BeanPropertyBindingResult(new Form(), "form");
    }

    @AfterEach
    void tearDown() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFieldProblemIsShownOnItsFieldInTheUsersLanguage() {
        assertThat(errors.reject(new InvalidInputException("name", "{error.name}"), form)).isTrue();
        assertThat(form.getFieldError("name").getDefaultMessage()).isEqualTo("名称不对");
    }

    @Test
    void aProblemAboutAFieldTheFormLacksIsShownAboveItUnlessAnAliasNamesTheField() {
        var problem = new InvalidInputException(List.of(new FieldProblem("orgUnitCode", "{error.name}"),
                new FieldProblem("elsewhere", "{error.name}")));
        errors.reject(problem, form, Map.of("orgUnitCode", "orgUnit"));
        assertThat(form.getFieldError("orgUnit").getDefaultMessage()).isEqualTo("名称不对");
        assertThat(form.getGlobalErrors()).extracting(e -> e.getDefaultMessage()).containsExactly("名称不对");
    }

    @Test
    void conflictsGoToTheirFieldAndBusinessRulesAboveTheForm() {
        errors.reject(new ConflictException("name", "error.dup", "市场部"), form);
        errors.reject(new BusinessRuleException("error.rule"), form);
        assertThat(form.getFieldError("name").getDefaultMessage()).isEqualTo("市场部 已存在");
        assertThat(form.getGlobalError().getDefaultMessage()).isEqualTo("规则不允许");
    }

    @Test
    void anythingElseIsNotARefusalOfTheInputAndIsLeftToTheCaller() {
        assertThat(errors.reject(new IllegalStateException("defect"), form)).isFalse();
        assertThat(form.hasErrors()).isFalse();
    }
}
