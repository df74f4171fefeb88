package org.certboard.platform.archfixture.service.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Its status is set from outside ({@link Outsider}): breaks "entity fields are written by their entity". */
@Entity
@Table(name = "archfixture_open_entity")
public class OpenEntity {
    @Id
    public long id;
    public String status;
}
