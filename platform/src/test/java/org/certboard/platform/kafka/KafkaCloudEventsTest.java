package org.certboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.certboard.events.CloudEventHeaders;
import org.certboard.events.InvalidEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaCloudEventsTest {
    private static final KafkaCloudEvents.Envelope ENVELOPE = new KafkaCloudEvents.Envelope(UUID.randomUUID(),
            "org.certboard.exam.ExamPassed.v1", "/certboard/exam", "candidate-1",
            Instant.parse("2026-11-27T10:15:30.123456Z"));

    @Test
    void whatTheRelayWritesAConsumerReadsBack() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record("certboard.exam.events", "candidate-1",
                ENVELOPE, "{\"a\":1}", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        assertThat(KafkaCloudEvents.envelope(record.headers())).isEqualTo(ENVELOPE);
        assertThat(record.topic()).isEqualTo("certboard.exam.events");
        assertThat(record.key()).isEqualTo("candidate-1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(header(record.headers(), CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record.headers(), CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record.headers(), "traceparent")).startsWith("00-0af7");
    }

    @Test
    void noTraceparentHeaderWithoutATrace() {
        ProducerRecord<String, byte[]> record = KafkaCloudEvents.record("t", "k", ENVELOPE, "{}", null);

        assertThat(record.headers().lastHeader("traceparent")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
            CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME })
    void aRecordWithoutAnAttributeIsNotAnEvent(String attribute) {
        Headers headers = KafkaCloudEvents.record("t", "k", ENVELOPE, "{}", null).headers();
        headers.remove(attribute);

        assertThatThrownBy(() -> KafkaCloudEvents.envelope(headers)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(attribute);
    }

    @ParameterizedTest
    @ValueSource(strings = { CloudEventHeaders.ID, CloudEventHeaders.TIME })
    void aMalformedAttributeIsNotAnEvent(String attribute) {
        Headers headers = KafkaCloudEvents.record("t", "k", ENVELOPE, "{}", null).headers();
        headers.remove(attribute);
        headers.add(attribute, "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KafkaCloudEvents.envelope(headers)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("bad CloudEvents attribute");
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
