package org.certboard.platform.program;

import java.util.Optional;

/**
 * What every service reads of one credential program, {@code certboard.programs.<code>.*}. Each service's own
 * mapping of its program rules extends this, so a program that sets nothing but its name still gets that service's
 * defaults (the map keys are found through {@code name}).
 */
public interface ProgramEntry {

    /** The credential's name as people read it: the verification page, credentials, mail. */
    String name();

    /** Prefix of the program's certification numbers (CCM in CCM-2026-000123); the code when unset. */
    Optional<String> numberPrefix();

    /** One or two sentences for front ends listing the programs. */
    Optional<String> description();
}
