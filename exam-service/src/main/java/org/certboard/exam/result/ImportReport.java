package org.certboard.exam.result;

import java.util.List;

import org.certboard.exam.result.ImportRows.Rejected;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResultImportReport")
public record ImportReport(int accepted, int unchanged, List<Rejected> rejected) {
}
