package com.tobacco.retailcrm.org.domain;

import com.tobacco.retailcrm.org.api.OrgUnitType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** 组织机构单元 — one unit of the organisation tree. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OrgUnitType type;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "sort_order")
    private int sortOrder;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected OrgUnit() {
    }

    OrgUnit(String code, String name, OrgUnitType type, Long parentId, Instant now) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.parentId = parentId;
        this.createdAt = now;
    }

    /**
     * Which kinds may sit under which: the company at the root, departments and counties under the company or a
     * department, areas under a county. A tree that breaks this would give wrong data scopes.
     */
    static boolean mayBeChildOf(OrgUnitType child, OrgUnitType parent) {
        if (parent == null) {
            return child == OrgUnitType.COMPANY;
        }
        return switch (child) {
            case COMPANY -> false;
            case DEPARTMENT, COUNTY -> parent == OrgUnitType.COMPANY || parent == OrgUnitType.DEPARTMENT;
            case AREA -> parent == OrgUnitType.COUNTY;
        };
    }

    void rename(String newName) {
        this.name = newName;
    }

    void moveUnder(Long newParentId) {
        this.parentId = newParentId;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public OrgUnitType getType() {
        return type;
    }

    public Long getParentId() {
        return parentId;
    }

    public long getVersion() {
        return version;
    }
}
