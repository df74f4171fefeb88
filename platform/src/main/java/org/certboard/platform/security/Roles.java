package org.certboard.platform.security;

/** The board's four roles, as realm roles in the caller's token. docs/security.md says what each may do. */
public final class Roles {
    /** A person: their token's subject is bound to exactly one candidate profile. */
    public static final String CANDIDATE = "candidate";
    /** Board staff: decisions, windows and sittings, audits, every read. */
    public static final String STAFF = "staff";
    /** The test vendor's service account: results and the rosters it needs for them. */
    public static final String VENDOR = "vendor";
    /** Operations: the sandbox clock. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
