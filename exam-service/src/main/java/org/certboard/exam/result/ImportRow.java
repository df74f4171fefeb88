package org.certboard.exam.result;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Values stay text so that a bad one rejects its row, not the whole import. */
@Schema(name = "ResultImportRow",
        description = "One row of an import. The values are text so that a bad one rejects"
        + " its row (reported with its line), not the whole import")
public record ImportRow(
        @Schema(description = "The booking's id, a UUID",
                pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                example = "7b0c9e7e-2d1a-4c55-9a35-0d2b8f1c3e4a") String bookingId,
        @Schema(description = "The scaled score, a whole number on the board's scale", pattern = "^[0-9]+$",
                example = "640") String scaledScore) {
}
