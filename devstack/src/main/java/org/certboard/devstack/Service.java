package org.certboard.devstack;

/** The three certboard services: their module, database and ports (API, management) in the local stack. */
public enum Service {
    CANDIDATE("candidate-service", "candidate", 8081, 9181),
    EXAM("exam-service", "exam", 8082, 9182),
    RENEWAL("renewal-service", "renewal", 8083, 9183);

    private final String module;
    private final String database;
    private final int defaultPort;
    private final int defaultManagementPort;

    Service(String module, String database, int defaultPort, int defaultManagementPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Health and metrics (Quarkus' management interface) in the local stack. */
    public int defaultManagementPort() {
        return defaultManagementPort;
    }
}
