package org.certboard.platform.program;

import java.util.Optional;

/** One credential program: its code (CCM), the credential's name, its certification numbers' prefix. */
public record Program(String code, String name, String numberPrefix, Optional<String> description) {
}
