package org.certboard.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C {@code traceparent} that carries a trace from the request that wrote an outbox row, through the relay (which
 * bypasses SmallRye and so its tracing), to the consumer of the event.
 */
public final class TraceParent {
    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () -> java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private TraceParent() {
    }

    /** The current span's traceparent; empty when there is no sampled-or-not valid span (tracing off). */
    public static Optional<String> current() {
        return Optional.ofNullable(header(Context.current()));
    }

    /** The span's traceparent; null when it is not valid (tracing off). */
    public static String header(Span span) {
        return header(Context.root().with(span));
    }

    private static String header(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The trace context a Kafka record carries; {@link Context#root()} when it carries none. */
    public static Context of(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, KAFKA_HEADERS);
    }
}
