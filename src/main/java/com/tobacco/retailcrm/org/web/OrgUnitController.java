package com.tobacco.retailcrm.org.web;

import com.tobacco.retailcrm.security.api.Roles;
import com.tobacco.retailcrm.org.domain.OrgUnitCommand;
import com.tobacco.retailcrm.org.domain.OrgUnitService;
import com.tobacco.retailcrm.org.domain.OrgUnitUpdate;
import com.tobacco.retailcrm.org.domain.OrgUnitView;
import com.tobacco.retailcrm.shared.api.PageResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/org-units")
class OrgUnitController {

    private final OrgUnitService service;

    OrgUnitController(OrgUnitService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    OrgUnitView create(@Valid @RequestBody OrgUnitCommand cmd) {
        return service.create(cmd);
    }

    @PatchMapping("/{code}")
    @PreAuthorize(Roles.SYSTEM_ADMIN)
    OrgUnitView update(@PathVariable String code, @Valid @RequestBody OrgUnitUpdate cmd) {
        return service.update(code, cmd);
    }

    /** The whole tree: an organisation has tens of units, never enough to need paging. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    PageResponse<OrgUnitView> list() {
        List<OrgUnitView> all = service.list();
        return new PageResponse<>(all, all.size(), 0, Math.max(all.size(), 1));
    }
}
