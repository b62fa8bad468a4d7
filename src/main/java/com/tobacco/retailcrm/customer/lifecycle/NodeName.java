package com.tobacco.retailcrm.customer.lifecycle;

import java.lang.management.ManagementFactory;

/** This instance of the application as a log or audit line names it: host and process id. */
final class NodeName {

    private static final String NAME = ManagementFactory.getRuntimeMXBean().getName();

    private NodeName() {
    }

    static String get() {
        return NAME;
    }
}
