package org.certboard.platform.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.certboard.events.ProgramCode;
import org.certboard.platform.domain.Refusal;

import io.quarkus.runtime.Startup;

/**
 * The board's credential programs, checked at start-up: codes and number prefixes follow {@link ProgramCode}'s rule
 * and no two programs share a prefix (a number must name one program). Each service builds its own part of a
 * program's rules with {@link #rules(Function)}.
 */
@Singleton
@Startup
public class Programs {
    private static final Pattern CODE = Pattern.compile(ProgramCode.PATTERN);

    private final Map<String, Program> byCode;

    public Programs(ProgramsConfig config) {
        this.byCode = of(config.programs());
    }

    /** The catalogue of a configuration's programs, or a start-up failure naming what is wrong. */
    static Map<String, Program> of(Map<String, ? extends ProgramEntry> entries) {
        List<String> problems = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add("no program is defined");
        }
        Map<String, Program> programs = new TreeMap<>();
        Map<String, String> codeByPrefix = new LinkedHashMap<>();
        entries.forEach((code, entry) -> {
            String prefix = entry.numberPrefix().orElse(code);
            if (!CODE.matcher(code).matches()) {
                problems.add("program code '" + code + "' " + ProgramCode.RULE);
            }
            if (!CODE.matcher(prefix).matches()) {
                problems.add(code + ".number-prefix '" + prefix + "' " + ProgramCode.RULE);
            }
            if (entry.name().isBlank()) {
                problems.add(code + ".name is blank");
            }
            String other = codeByPrefix.putIfAbsent(prefix, code);
            if (other != null) {
                problems.add(code + " and " + other + " share the number prefix " + prefix);
            }
            programs.put(code, new Program(code, entry.name(), prefix, entry.description()));
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The board's programs (certboard.programs.*) are invalid: "
                    + String.join("; ", problems) + ". See docs/programs.md.");
        }
        return Map.copyOf(programs);
    }

    /** Every program, by code. */
    public List<Program> all() {
        return byCode.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    public Optional<Program> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    /** The program a request names, or a 404 refusal. */
    public Program require(String code) {
        return find(code).orElseThrow(() -> Refusal.notFound("Program", code));
    }

    /**
     * One service's rules for every program, built once at start-up; a setting the domain refuses stops the service
     * with the program's code in the message.
     */
    public <T> ProgramRules<T> rules(Function<String, T> build) {
        Map<String, T> rules = new TreeMap<>();
        for (String code : byCode.keySet()) {
            try {
                rules.put(code, build.apply(code));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The rules of program " + code + " (certboard.programs." + code
                        + ".*) are invalid: " + e.getMessage() + ". See docs/programs.md.", e);
            }
        }
        return new ProgramRules<>(rules);
    }
}
