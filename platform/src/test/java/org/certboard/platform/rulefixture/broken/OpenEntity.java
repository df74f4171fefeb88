package org.certboard.platform.rulefixture.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Its status is set from outside ({@link Outsider}): breaks "entity fields are written by their entity". */
@Entity
@Table(name = "rule_fixture_open_entity")
public class OpenEntity {
    @Id
    public long id;
    public String status;
}
