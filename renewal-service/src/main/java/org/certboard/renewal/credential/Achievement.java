package org.certboard.renewal.credential;

import java.net.URI;
import java.util.Optional;

/**
 * What a program's Open Badges 3.0 credentials state about the achievement: the program's code (its human code and
 * part of its id), name, description, criteria narrative and, if the board has one, an image of the badge.
 */
public record Achievement(String code, String name, String description, String criteria, Optional<URI> image) {

    public Achievement {
        if (name == null || name.isBlank() || description == null || description.isBlank() || criteria == null
                || criteria.isBlank()) {
            throw new IllegalArgumentException("the achievement's name, description and criteria must not be blank");
        }
        image = image == null ? Optional.empty() : image;
    }
}
