package org.certboard.candidate.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.exam.ExamFailed;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A replay on a populated system: the timeline afterwards is the timeline before, and nothing was announced. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class TimelineReplayTest {
    private static final String TIMELINE = "select coalesce(string_agg(concat_ws('|', event_id, step, candidate_id,"
            + " occurred_at, recorded_at, service, ref, actor_subject, actor_role, detail), E'\\n'"
            + " order by event_id, step), '') from timeline_entry";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aReplayRebuildsTheSameTimelineAndWritesNoOutboxRows() {
        for (int i = 0; i < 5; i++) {
            String candidate = Api.eligibleCandidate();
            Api.submit(candidate).statusCode(201);
            UUID id = UUID.fromString(candidate);
            UUID booking = UUID.randomUUID();
            Instant startsAt = Instant.now().plus(Duration.ofDays(30));
            send(EventType.EXAM_BOOKED, EventCodec.toJson(new ExamBooked(id, booking, UUID.randomUUID(), "Albany",
                    startsAt)), candidate);
            send(EventType.EXAM_FAILED, EventCodec.toJson(new ExamFailed(id, booking,
                    startsAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 401, false, null)), candidate);
        }
        // a replay another test started (the access table's) finishes first
        await().atMost(Duration.ofSeconds(120)).until(() -> !"RUNNING".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));
        String before = quiet();
        long outbox = TestDatabase.count("select count(*) from outbox_event");
        long processed = TestDatabase.count("select count(*) from processed_event");
        assertThat(TestDatabase.count("select count(*) from timeline_entry")).isGreaterThanOrEqualTo(5 * 6);

        Requests.admin().post("/admin/replay").then().statusCode(202).body("state", equalTo("RUNNING"));
        Requests.admin().post("/admin/replay").then().statusCode(409);
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(
                Requests.admin().get("/admin/replay").then().statusCode(200).extract().path("state")));

        Map<String, Object> status = Requests.admin().get("/admin/replay").then().extract().jsonPath().getMap("");
        assertThat(status).containsEntry("projection", "timeline").containsEntry("deadLettered", 0);
        assertThat(((Number) status.get("read")).longValue()).isGreaterThanOrEqualTo(processed);
        assertThat(Requests.admin().get("/admin/replay").then().extract().jsonPath()
                .getList("partitions.findAll { it.position != it.end }")).isEmpty();
        assertThat(TestDatabase.text(TIMELINE)).isEqualTo(before);
        assertThat(TestDatabase.count("select count(*) from processed_event")).isEqualTo(processed);
        assertThat(TestDatabase.count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    /** Waits until the relay has sent everything and the timeline stopped changing; returns it. */
    private static String quiet() {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = TestDatabase.count("select count(*) from processed_event");
            return now == last.getAndSet(now) && TestDatabase.count(
                    "select count(*) from outbox_event where published_at is null") == 0;
        });
        return TestDatabase.text(TIMELINE);
    }

    private void send(EventType type, String json, String candidate) {
        TopicProbe.send(bootstrapServers, Topics.EXAM_EVENTS, candidate, json, Map.of("ce_id",
                UUID.randomUUID().toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                "ce_subject", candidate, "ce_time", Instant.now().toString(), "ce_specversion", "1.0"));
    }
}
