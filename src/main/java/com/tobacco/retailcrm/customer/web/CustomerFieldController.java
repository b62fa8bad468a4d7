package com.tobacco.retailcrm.customer.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.customer.api.FieldDefinition;
import com.tobacco.retailcrm.customer.api.RequiredLevel;
import com.tobacco.retailcrm.customer.domain.EditPermissions;
import com.tobacco.retailcrm.customer.domain.FieldAdministration;
import com.tobacco.retailcrm.customer.domain.FieldDictionary;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The customer field dictionary and the direct-edit permission table over HTTP. */
@RestController
@RequestMapping("/api/v1/customer-fields")
class CustomerFieldController {

    /** The dictionary is configuration, not customer data: every business user and the system administrator read it. */
    static final String DICTIONARY_READERS = "isAuthenticated() and !hasAnyRole('SECURITY_ADMIN', 'AUDIT_ADMIN')";

    private final FieldDictionary dictionary;
    private final FieldAdministration administration;
    private final EditPermissions permissions;

    CustomerFieldController(FieldDictionary dictionary, FieldAdministration administration, EditPermissions permissions) {
        this.dictionary = dictionary;
        this.administration = administration;
        this.permissions = permissions;
    }

    @GetMapping
    @PreAuthorize(DICTIONARY_READERS)
    List<FieldDefinition> list() {
        return dictionary.all();
    }

    @GetMapping("/{key}")
    @PreAuthorize(DICTIONARY_READERS)
    FieldDefinition get(@PathVariable String key) {
        return dictionary.find(key).orElseThrow(() -> new NotFoundException("customer.field.error.notFound", key));
    }

    /** Body: {@code {"requiredLevel": "NATIONAL"|"PROVINCIAL"|"OPTIONAL", "version": n}}. */
    record LevelChange(RequiredLevel requiredLevel, Long version) {
    }

    @PatchMapping(path = "/{key}", consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize(Roles.MARKET_DEPT)
    FieldDefinition changeLevel(@PathVariable String key, @RequestBody LevelChange body) {
        return administration.changeRequiredLevel(key, body.requiredLevel(), body.version());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.MARKET_DEPT)
    FieldDefinition addCustom(@RequestBody FieldAdministration.CustomFieldCommand body) {
        return administration.addCustomField(body);
    }

    @GetMapping("/edit-permissions")
    @PreAuthorize(DICTIONARY_READERS)
    Map<Role, Set<String>> editPermissions() {
        return permissions.table();
    }

    /** Body: {@code {"fields": ["contactPerson", ...]}} ({@code "*"} = every non-SYSTEM field). */
    record PermissionChange(Set<String> fields) {
    }

    @PutMapping("/edit-permissions/{role}")
    @PreAuthorize(Roles.MARKET_DEPT)
    Map<Role, Set<String>> replacePermissions(@PathVariable Role role, @RequestBody(required = false) PermissionChange body) {
        if (body == null || body.fields() == null) {
            // Replacing with nothing must be said ("fields": []), never inferred from a missing list.
            throw new com.tobacco.retailcrm.shared.api.InvalidInputException("fields", "{error.param.missing}");
        }
        return administration.replacePermissions(role, body.fields());
    }
}
