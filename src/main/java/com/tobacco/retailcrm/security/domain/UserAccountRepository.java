package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.security.api.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findBySupervisorIdIn(Collection<Long> supervisorIds);

    @Query("select u from UserAccount u join u.roles r where r = :role and u.enabled = true and u.orgUnitId in :orgUnitIds")
    List<UserAccount> findEnabledWithRoleIn(Role role, Collection<Long> orgUnitIds);
}
