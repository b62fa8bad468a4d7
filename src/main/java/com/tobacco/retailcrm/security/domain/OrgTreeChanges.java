package com.tobacco.retailcrm.security.domain;

import com.tobacco.retailcrm.org.api.OrgTreeChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A changed organisation tree empties this node's {@link ScopeCache} once the change commits, and the answer waits
 * (briefly) until the database's notification of it (V220) came back, as {@link TokenService} does for sign-ins: by
 * then every other node has been sent it too.
 */
@Component
class OrgTreeChanges {

    private final ScopeCache scopes;
    private final AuthChangeListener listener;

    OrgTreeChanges(ScopeCache scopes, AuthChangeListener listener) {
        this.scopes = scopes;
        this.listener = listener;
    }

    @EventListener
    void on(OrgTreeChanged changed) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            scopes.evictAll();
            return;
        }
        long mark = listener.mark();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scopes.evictAll();
                listener.awaitEcho(AuthChangeListener.ORG_TREE, mark, 1_000);
            }
        });
    }
}
