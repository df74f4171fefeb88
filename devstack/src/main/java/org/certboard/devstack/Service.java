package org.certboard.devstack;

/** The three certboard services: their module, database and port in the local stack. */
public enum Service {
    CANDIDATE("candidate-service", "candidate", 8081),
    EXAM("exam-service", "exam", 8082),
    RENEWAL("renewal-service", "renewal", 8083);

    private final String module;
    private final String database;
    private final int defaultPort;

    Service(String module, String database, int defaultPort) {
        this.module = module;
        this.database = database;
        this.defaultPort = defaultPort;
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
}
