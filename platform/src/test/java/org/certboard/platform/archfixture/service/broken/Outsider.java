package org.certboard.platform.archfixture.service.broken;

import org.certboard.platform.problem.ProblemException;

/** A service that writes an entity's field and speaks HTTP: breaks two rules. */
public class Outsider {
    public void retire(OpenEntity entity) {
        if ("RETIRED".equals(entity.status)) {
            throw ProblemException.conflict("Already retired", "entity " + entity.id);
        }
        entity.status = "RETIRED";
    }
}
