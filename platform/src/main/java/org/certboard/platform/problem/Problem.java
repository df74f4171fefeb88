package org.certboard.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.certboard.platform.domain.Refusal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail. {@code violations} lists field-level validation failures; {@code extensions} carries
 * problem-specific members (for example what a renewal is still missing).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<Violation> violations,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeOf(title), title, status, detail, List.of(), Map.of());
    }

    public static Problem invalid(List<Violation> violations) {
        return new Problem(typeOf("Invalid request"), "Invalid request", 400,
                violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid", violations, Map.of());
    }

    /** The problem a client is told for a refusal: its kind decides the status, its members follow the detail. */
    public static Problem of(Refusal refusal) {
        Problem problem = switch (refusal.kind()) {
            case INVALID -> invalid(refusal.fields().stream().map(field -> new Violation(field.name(), field.message()))
                    .toList());
            case FORBIDDEN -> of(403, refusal.title(), refusal.detail());
            case NOT_FOUND -> of(404, refusal.title(), refusal.detail());
            case CONFLICT -> of(409, refusal.title(), refusal.detail());
            case RULE -> of(422, refusal.title(), refusal.detail());
        };
        for (Map.Entry<String, Object> member : refusal.members().entrySet()) {
            problem = problem.with(member.getKey(), member.getValue());
        }
        return problem;
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, violations, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** A stable, readable type URI per kind of problem, e.g. https://certboard.org/problems/sitting-full. */
    private static URI typeOf(String title) {
        return URI.create("https://certboard.org/problems/" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", ""));
    }
}
