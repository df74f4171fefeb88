package org.certboard.platform.program;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * The board's credential programs as every service reads them, by code. platform's defaults define CCM; a board
 * adds a program by configuration alone (docs/programs.md).
 */
@ConfigMapping(prefix = "certboard.programs")
public interface ProgramsConfig {

    @WithParentName
    Map<String, ProgramEntry> programs();
}
