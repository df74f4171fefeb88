package org.certboard.candidate.eligibility;

/**
 * The three experience pathways, in the order they are preferred when several are met. The names are a contract
 * (renewal-service reads them from EligibilityDecided) and keep the default month counts even when a board configures
 * other numbers.
 */
public enum ExperiencePathway {
    SUPERVISED_BY_CCM_12_MONTHS("case management supervised by a certified case manager"),
    ANY_SUPERVISOR_24_MONTHS("case management under any supervisor"),
    SUPERVISOR_12_MONTHS("supervision of people who do case management");

    private final String description;

    ExperiencePathway(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether an entry is the kind of work this pathway counts. */
    boolean counts(ExperienceEntry entry) {
        return switch (this) {
            case SUPERVISED_BY_CCM_12_MONTHS -> entry.role() == ExperienceRole.CASE_MANAGER
                    && entry.supervisedByCertifiedCaseManager();
            case ANY_SUPERVISOR_24_MONTHS -> entry.role() == ExperienceRole.CASE_MANAGER;
            case SUPERVISOR_12_MONTHS -> entry.role() == ExperienceRole.SUPERVISOR;
        };
    }

    /** The pathway string of the contract, e.g. {@code LICENCE_ANY_SUPERVISOR_24_MONTHS}. */
    public String pathway(Basis basis) {
        return basis.name() + "_" + name();
    }
}
