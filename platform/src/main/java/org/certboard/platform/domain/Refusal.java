package org.certboard.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A board rule or the state of a record says no. Aggregates and services throw it and know nothing of HTTP; the
 * resource layer's one mapper ({@code ProblemMappers}) turns each {@link Kind} into its problem document, so the answer
 * a client sees is decided in one place.
 */
public final class Refusal extends RuntimeException {
    public enum Kind {
        /** One field of the input breaks a rule that needs no stored state (400, with the field). */
        INVALID,
        /** The caller may not do this to a record it can see (403). */
        FORBIDDEN,
        /** No such record, or not one the caller may see (404). */
        NOT_FOUND,
        /** The record is not in a state that allows this (409). */
        CONFLICT,
        /** Well-formed, but a board rule refuses it (422). */
        RULE
    }

    /** One input field and what is wrong with it. */
    public record Field(String name, String message) {
    }

    private final Kind kind;
    private final String title;
    private final List<Field> fields;
    private final Map<String, Object> members;

    private Refusal(Kind kind, String title, List<Field> fields, String detail, Map<String, Object> members) {
        super(detail, null, false, false);
        this.kind = kind;
        this.title = title;
        this.fields = fields;
        this.members = members;
    }

    public static Refusal invalid(String field, String message) {
        return invalid(List.of(new Field(field, message)));
    }

    /** Several fields at once, in the order given (at least one). */
    public static Refusal invalid(List<Field> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("an invalid refusal names at least one field");
        }
        String detail = fields.size() == 1 ? fields.get(0).name() + ": " + fields.get(0).message()
                : fields.size() + " fields are invalid";
        return new Refusal(Kind.INVALID, "Invalid request", List.copyOf(fields), detail, Map.of());
    }

    public static Refusal forbidden(String title, String detail) {
        return new Refusal(Kind.FORBIDDEN, title, List.of(), detail, Map.of());
    }

    public static Refusal notFound(String what, Object id) {
        return notFoundAs("Not Found", what + " " + id + " does not exist");
    }

    /** A 404 with its own title; named apart from {@link #notFound(String, Object)}, whose id may be a String. */
    public static Refusal notFoundAs(String title, String detail) {
        return new Refusal(Kind.NOT_FOUND, title, List.of(), detail, Map.of());
    }

    public static Refusal conflict(String title, String detail) {
        return new Refusal(Kind.CONFLICT, title, List.of(), detail, Map.of());
    }

    public static Refusal rule(String title, String detail) {
        return new Refusal(Kind.RULE, title, List.of(), detail, Map.of());
    }

    /** The same refusal with one more member for the client (an id, the missing hours), in insertion order. */
    public Refusal with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(member, value);
        return new Refusal(kind, title, fields, getMessage(), Collections.unmodifiableMap(more));
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The input fields an {@link Kind#INVALID} refusal names; empty for the other kinds. */
    public List<Field> fields() {
        return fields;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return members;
    }
}
