package org.certboard.system.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.BoardClient.Exchange;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks recorded answers against the committed OpenAPI document of the service that gave them, with the Atlassian
 * swagger-request-validator: the path and method are documented, the status is, the content type is for that status,
 * and the body validates against the documented schema (required members, types, nullable, enums, no undocumented
 * members). Known mismatches are listed, each with its reason, in an {@linkplain #allowList(String) allow-list}.
 */
public final class ContractReplay {
    /**
     * One way an answer differs from its document: {@code path} is the documented template where one matched,
     * {@code member} the JSON pointer of the body member concerned with array indices as {@code *} (empty when the
     * mismatch is not about one member).
     */
    public record Mismatch(Service service, String method, String path, int status, String key, String member,
            String message) {
        /** What an allow-list entry names: service, method, path, status, the validator's message key and the member. */
        public String id() {
            return (service.module() + " " + method + " " + path + " " + status + " " + key + " " + member).strip();
        }

        @Override
        public String toString() {
            return id() + ": " + message;
        }
    }

    /** The mismatches of a replay, less the allowed ones, and the allowed ones that no answer showed. */
    public record Outcome(int checked, List<Mismatch> mismatches, Set<String> allowedButNotSeen) {
    }

    private final Map<Service, OpenApiInteractionValidator> validators;
    private final Map<String, String> allowed;

    /**
     * @param documents the folder of the committed documents, {@code <service module>.json}
     * @param allowed   allow-list entries ({@link Mismatch#id()}) by their reason
     */
    public ContractReplay(Path documents, Map<String, String> allowed) {
        this.validators = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            validators.put(service, OpenApiInteractionValidator
                    .createForInlineApiSpecification(read(documents.resolve(service.module() + ".json"))).build());
        }
        this.allowed = Map.copyOf(allowed);
    }

    public Outcome check(Collection<Exchange> exchanges) {
        List<Mismatch> mismatches = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Exchange exchange : exchanges) {
            for (Mismatch mismatch : check(exchange)) {
                if (allowed.containsKey(mismatch.id())) {
                    seen.add(mismatch.id());
                } else if (!mismatches.contains(mismatch)) {
                    mismatches.add(mismatch);
                }
            }
        }
        Set<String> notSeen = new TreeSet<>(allowed.keySet());
        notSeen.removeAll(seen);
        return new Outcome(exchanges.size(), mismatches, notSeen);
    }

    /** Every way one answer differs from the document of the service that gave it. */
    public List<Mismatch> check(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (exchange.contentType() != null) {
            response.withContentType(exchange.contentType());
        }
        if (exchange.body() != null && !exchange.body().isEmpty()) {
            response.withBody(exchange.body());
        }
        ValidationReport report = validators.get(exchange.service())
                .validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()), response.build());
        List<Mismatch> mismatches = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String path = message.getContext().flatMap(ValidationReport.MessageContext::getApiOperation)
                    .map(operation -> operation.getApiPath().original()).orElse(exchange.path());
            String member = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                    .map(pointers -> pointers.getInstance().replaceAll("/\\d+(?=/|$)", "/*")).orElse("");
            mismatches.add(new Mismatch(exchange.service(), exchange.method(), path, exchange.status(),
                    message.getKey(), member, describe(message)));
        }
        return mismatches;
    }

    private static String describe(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .ifPresent(pointers -> text.append(" (at ").append(pointers.getInstance()).append(')'));
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append("; ").append(describe(nested));
        }
        return text.toString();
    }

    /**
     * Reads an allow-list: one entry a line, {@code <service> <METHOD> <path> <status> <message key> [<member>] #
     * <reason>};
     * blank lines and lines starting with {@code #} are comments. An entry without a reason is refused.
     */
    public static Map<String, String> allowList(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int hash = trimmed.indexOf('#');
            String reason = hash < 0 ? "" : trimmed.substring(hash + 1).strip();
            if (reason.isEmpty()) {
                throw new IllegalArgumentException("allow-list entry without a reason: " + trimmed);
            }
            entries.put(trimmed.substring(0, hash).strip().replaceAll("\\s+", " "), reason);
        }
        return entries;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
