package com.tobacco.retailcrm.service.visit;

import com.tobacco.retailcrm.security.api.CurrentUser;
import com.tobacco.retailcrm.security.api.DataScope;
import com.tobacco.retailcrm.security.api.UserDirectory;
import com.tobacco.retailcrm.security.api.UserRef;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may record a visit and whose plans one may read: a customer's own manager, or a manager above them (the market
 * manager, the county head); reading is also open to whoever's data scope covers the customers.
 */
@Component
public class VisitAccess {

    private final UserDirectory users;

    VisitAccess(UserDirectory users) {
        this.users = users;
    }

    /** The caller or someone reporting to them. */
    public boolean isSelfOrAbove(CurrentUser me, String manager) {
        return manager != null && (manager.equals(me.username()) || reports(me).contains(manager));
    }

    public DataScope.SqlPredicate scope(CurrentUser me, String managerColumn, String countyColumn) {
        return users.scopeOf(me).toSql(managerColumn, countyColumn);
    }

    public DataScope scopeOf(CurrentUser me) {
        return users.scopeOf(me);
    }

    public boolean inScope(CurrentUser me, String manager, Long countyId) {
        DataScope scope = users.scopeOf(me);
        return scope.includes(manager, countyId) || isSelfOrAbove(me, manager);
    }

    private Set<String> reports(CurrentUser me) {
        return users.reportsOf(me.username()).stream().map(UserRef::username).collect(Collectors.toSet());
    }
}
