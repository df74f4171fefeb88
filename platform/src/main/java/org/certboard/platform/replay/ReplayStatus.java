package org.certboard.platform.replay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Where a replay stands. {@code read} counts the records re-consumed so far (events already applied by the live
 * consumer meanwhile are read and skipped); {@code deadLettered} those the handler still refused, which the live
 * consumer dead-lettered when they first came and the replay leaves there.
 */
@Schema(name = "ReplayStatus")
public record ReplayStatus(String projection, State state, Instant startedAt, Instant finishedAt, long read,
        long deadLettered, List<PartitionProgress> partitions, String error) {

    @Schema(name = "ReplayState")
    public enum State {
        /** No replay since this instance started. */
        IDLE,
        /** Reset done; re-consuming up to the end offsets taken at the start. */
        RUNNING,
        DONE,
        FAILED
    }

    /** One partition: the next offset the replay reads, and the end offset it stops at (taken when it started). */
    public record PartitionProgress(String topic, int partition, long position, long end) {
    }

    static ReplayStatus idle(String projection) {
        return new ReplayStatus(projection, State.IDLE, null, null, 0, 0, List.of(), null);
    }
}
