package com.tobacco.retailcrm.org.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);

    boolean existsByParentIdIsNull();
}
