package com.tobacco.retailcrm.security.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityPolicyRepository extends JpaRepository<SecurityPolicy, Integer> {

    default SecurityPolicy current() {
        return findById(1).orElseThrow();
    }
}
