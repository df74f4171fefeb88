package org.certboard.platform.program;

import java.util.Map;

/** One service's rules of each program (its exam scale, its renewal calendar, ...), by program code. */
public final class ProgramRules<T> {
    private final Map<String, T> byCode;

    ProgramRules(Map<String, T> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /**
     * The rules of a program this deployment runs. An unknown code is a bug or an event from a program since removed
     * from the configuration: the caller validated request input through {@link Programs#require(String)} before.
     */
    public T of(String code) {
        T rules = byCode.get(code);
        if (rules == null) {
            throw new IllegalArgumentException("certboard.programs has no program " + code);
        }
        return rules;
    }
}
