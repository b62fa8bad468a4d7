package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.audit.api.AuditEntry;
import com.tobacco.retailcrm.audit.api.AuditLog;
import com.tobacco.retailcrm.org.api.OrgDirectory;
import com.tobacco.retailcrm.org.api.OrgUnitRef;
import com.tobacco.retailcrm.org.api.OrgTreeChanged;
import com.tobacco.retailcrm.org.api.OrgUnitType;
import com.tobacco.retailcrm.shared.api.ConflictException;
import com.tobacco.retailcrm.shared.api.InvalidInputException;
import com.tobacco.retailcrm.shared.api.NotFoundException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the organisation tree and answers questions about it. The tree is small: it is read whole. */
@Service
public class OrgUnitService implements OrgDirectory {

    /** Unit id → code: a code is never updated (the column is not updatable) and an id never reused. */
    private final java.util.Map<Long, String> codes = new java.util.concurrent.ConcurrentHashMap<>();

    private final OrgUnitRepository units;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrgUnitService(OrgUnitRepository units, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public OrgUnitView create(OrgUnitCommand cmd) {
        if (units.findByCode(cmd.code()).isPresent()) {
            throw new ConflictException("code", "error.orgUnit.duplicate", cmd.code());
        }
        OrgUnit parent = null;
        if (cmd.parentCode() != null && !cmd.parentCode().isBlank()) {
            parent = units.findByCode(cmd.parentCode())
                    .orElseThrow(() -> new InvalidInputException("parentCode", "{error.orgUnit.parentUnknown}"));
        } else if (units.existsByParentIdIsNull()) {
            throw new InvalidInputException("parentCode", "{error.orgUnit.parentRequired}");
        }
        if (!OrgUnit.mayBeChildOf(cmd.type(), parent == null ? null : parent.getType())) {
            throw new InvalidInputException("type", "{error.orgUnit.typeUnderParent}");
        }
        var unit = units.save(new OrgUnit(cmd.code().trim(), cmd.name().trim(), cmd.type(),
                parent == null ? null : parent.getId(), clock.instant()));
        audit.record(AuditEntry.of("ORG_UNIT_CREATED", "ORG_UNIT", unit.getCode())
                .detail(unit.getName() + " (" + unit.getType() + ")"));
        events.publishEvent(new OrgTreeChanged(unit.getCode()));
        return view(unit, parent == null ? null : parent.getCode());
    }

    @Transactional
    public OrgUnitView update(String code, OrgUnitUpdate cmd) {
        OrgUnit unit = units.findByCode(code).orElseThrow(() -> new NotFoundException("error.orgUnit.notFound", code));
        if (unit.getVersion() != cmd.version()) {
            throw new ConflictException("version", "error.version.stale");
        }
        if (cmd.name() != null) {
            unit.rename(cmd.name().trim());
        }
        if (cmd.parentCode() != null) {
            OrgUnit parent = units.findByCode(cmd.parentCode())
                    .orElseThrow(() -> new InvalidInputException("parentCode", "{error.orgUnit.parentUnknown}"));
            if (subtreeIds(unit.getId()).contains(parent.getId())) {
                throw new InvalidInputException("parentCode", "{error.orgUnit.cycle}");
            }
            if (!OrgUnit.mayBeChildOf(unit.getType(), parent.getType())) {
                throw new InvalidInputException("parentCode", "{error.orgUnit.typeUnderParent}");
            }
            unit.moveUnder(parent.getId());
        }
        units.flush();
        audit.record(AuditEntry.of("ORG_UNIT_UPDATED", "ORG_UNIT", unit.getCode()).detail(unit.getName()));
        events.publishEvent(new OrgTreeChanged(unit.getCode()));
        return view(unit, parentCode(unit));
    }

    @Transactional(readOnly = true)
    public List<OrgUnitView> list() {
        Map<Long, OrgUnit> byId = byId();
        return byId.values().stream()
                .sorted(Comparator.comparing(OrgUnit::getCode))
                .map(u -> view(u, u.getParentId() == null ? null : byId.get(u.getParentId()).getCode()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrgUnitRef> findByCode(String code) {
        return units.findByCode(code).map(u -> ref(u, parentCode(u)));
    }

    @Override
    public Optional<String> codeOf(long id) {
        String code = codes.get(id);
        if (code == null) {
            code = units.findById(id).map(OrgUnit::getCode).orElse(null);
            if (code != null) {
                codes.put(id, code);
            }
        }
        return Optional.ofNullable(code);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrgUnitRef> findById(long id) {
        return units.findById(id).map(u -> ref(u, parentCode(u)));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> subtreeIds(long orgUnitId) {
        Map<Long, List<Long>> children = new HashMap<>();
        units.findAll().forEach(u -> {
            if (u.getParentId() != null) {
                children.computeIfAbsent(u.getParentId(), k -> new java.util.ArrayList<>()).add(u.getId());
            }
        });
        Set<Long> result = new HashSet<>();
        var queue = new ArrayDeque<Long>();
        queue.add(orgUnitId);
        while (!queue.isEmpty()) {
            Long id = queue.poll();
            if (result.add(id)) {
                queue.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrgUnitRef> countyOf(long orgUnitId) {
        Map<Long, OrgUnit> byId = byId();
        for (OrgUnit u = byId.get(orgUnitId); u != null; u = u.getParentId() == null ? null : byId.get(u.getParentId())) {
            if (u.getType() == OrgUnitType.COUNTY) {
                return Optional.of(ref(u, u.getParentId() == null ? null : byId.get(u.getParentId()).getCode()));
            }
        }
        return Optional.empty();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrgUnitRef> all() {
        Map<Long, OrgUnit> byId = byId();
        return byId.values().stream()
                .sorted(Comparator.comparing(OrgUnit::getCode))
                .map(u -> ref(u, u.getParentId() == null ? null : byId.get(u.getParentId()).getCode()))
                .toList();
    }

    private Map<Long, OrgUnit> byId() {
        Map<Long, OrgUnit> byId = new HashMap<>();
        units.findAll().forEach(u -> byId.put(u.getId(), u));
        return byId;
    }

    private String parentCode(OrgUnit u) {
        return u.getParentId() == null ? null : units.findById(u.getParentId()).map(OrgUnit::getCode).orElse(null);
    }

    private static OrgUnitView view(OrgUnit u, String parentCode) {
        return new OrgUnitView(u.getCode(), u.getName(), u.getType(), parentCode, u.getVersion());
    }

    private static OrgUnitRef ref(OrgUnit u, String parentCode) {
        return new OrgUnitRef(u.getId(), u.getCode(), u.getName(), u.getType(), parentCode);
    }
}
