package org.certboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.function.Consumer;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.system.contract.RecordingHttpClient;
import org.certboard.system.contract.Traffic;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Java clients generated from the committed OpenAPI documents (module build, {@code org.certboard.client.*}),
 * pointed at a stack as a front end would configure them: the caller's bearer token on every request, and every
 * answer recorded for {@link ContractReplayIT}.
 */
final class GeneratedClients {
    private final LocalStack stack;

    GeneratedClients(LocalStack stack) {
        this.stack = stack;
    }

    /** candidate-service, called with {@code token} (null: anonymously). */
    org.certboard.client.candidate.ApiClient candidate(String token) {
        org.certboard.client.candidate.ApiClient client = new org.certboard.client.candidate.ApiClient(
                RecordingHttpClient.builder(Service.CANDIDATE, Traffic::record),
                org.certboard.client.candidate.ApiClient.createDefaultObjectMapper(), stack.url(Service.CANDIDATE));
        return client.setRequestInterceptor(bearer(token));
    }

    /** exam-service, called with {@code token} (null: anonymously). */
    org.certboard.client.exam.ApiClient exam(String token) {
        org.certboard.client.exam.ApiClient client = new org.certboard.client.exam.ApiClient(
                RecordingHttpClient.builder(Service.EXAM, Traffic::record),
                org.certboard.client.exam.ApiClient.createDefaultObjectMapper(), stack.url(Service.EXAM));
        return client.setRequestInterceptor(bearer(token));
    }

    /** renewal-service, called with {@code token} (null: anonymously). */
    org.certboard.client.renewal.ApiClient renewal(String token) {
        org.certboard.client.renewal.ApiClient client = new org.certboard.client.renewal.ApiClient(
                RecordingHttpClient.builder(Service.RENEWAL, Traffic::record),
                org.certboard.client.renewal.ApiClient.createDefaultObjectMapper(), stack.url(Service.RENEWAL));
        return client.setRequestInterceptor(bearer(token));
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }

    /** A call through a generated client that is expected to be refused. */
    @FunctionalInterface
    interface Call {
        void run() throws Exception;
    }

    /**
     * A refusal as the generated clients report it: each client throws its own {@code ApiException} with the status,
     * headers and the body as text, which {@link #problem(Class)} reads into the client's generated problem model.
     */
    record Refusal(int status, HttpHeaders headers, String body) {
        private static final ObjectMapper MAPPER = org.certboard.client.candidate.ApiClient.createDefaultObjectMapper();

        /** The problem document as the generated model {@code type} of the client that was refused. */
        <T> T problem(Class<T> type) {
            String contentType = headers.firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                throw new AssertionError("expected a problem document, got " + contentType + ": " + body);
            }
            try {
                return MAPPER.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The refusal {@code call} met; fails if it succeeded. */
    static Refusal refusal(Call call) {
        try {
            call.run();
        } catch (org.certboard.client.candidate.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
        } catch (org.certboard.client.exam.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
        } catch (org.certboard.client.renewal.ApiException e) {
            return new Refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody());
        } catch (Exception e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError("expected a refusal, but the call succeeded");
    }
}
