package com.tobacco.retailcrm.security.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.security.api.CurrentUsers;
import com.tobacco.retailcrm.security.api.Role;
import com.tobacco.retailcrm.security.domain.DelegationCommand;
import com.tobacco.retailcrm.security.domain.DelegationView;
import com.tobacco.retailcrm.security.domain.UserAdministration;
import com.tobacco.retailcrm.security.domain.UserCommand;
import com.tobacco.retailcrm.security.domain.UserUpdate;
import com.tobacco.retailcrm.security.domain.UserView;
import com.tobacco.retailcrm.shared.api.PageQuery;
import com.tobacco.retailcrm.shared.api.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 用户 — users for SYSTEM_ADMIN (create, change, disable, reset) and their roles for SECURITY_ADMIN. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserAdministration users;

    UserController(UserAdministration users) {
        this.users = users;
    }

    record RolesRequest(@NotNull @Size(max = 12) List<@NotNull Role> roles) {
    }

    record PasswordReset(@NotBlank @Size(max = 128) String newPassword) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    PageResponse<UserView> list(@RequestParam(required = false) @Size(max = 100) String q,
                                @RequestParam(required = false) String orgUnitCode,
                                @RequestParam(required = false) Role role,
                                @RequestParam(required = false) Boolean enabled,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size,
                                @RequestParam(required = false) String sort) {
        return users.list(q, orgUnitCode, role, enabled, PageQuery.of(page, size, sort, UserAdministration.SORTABLE, "username"));
    }

    @GetMapping("/{username}")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    UserView create(@Valid @RequestBody UserCommand cmd) {
        return users.create(cmd);
    }

    @PatchMapping("/{username}")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    UserView update(@PathVariable String username, @Valid @RequestBody UserUpdate cmd) {
        return users.update(username, cmd);
    }

    @PostMapping("/{username}/password-reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    void resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset req) {
        users.resetPassword(username, req.newPassword());
    }

    @PutMapping("/{username}/roles")
    @PreAuthorize(Roles.SECURITY_ADMIN)
    UserView assignRoles(@PathVariable String username, @Valid @RequestBody RolesRequest req) {
        Set<Role> roles = req.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(req.roles());
        return users.assignRoles(CurrentUsers.require().username(), username, roles);
    }

    @GetMapping("/{username}/delegations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN') or #username == authentication.name")
    List<DelegationView> delegations(@PathVariable String username) {
        return users.delegations(username);
    }

    @PostMapping("/{username}/delegations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN') or #username == authentication.name")
    DelegationView delegate(@PathVariable String username, @Valid @RequestBody DelegationCommand cmd) {
        return users.delegate(username, cmd);
    }
}
