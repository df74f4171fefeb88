package org.certboard.platform.rulefixture.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Breaks "entities are not active records". */
@Entity
@Table(name = "rule_fixture_active_record")
public class ActiveRecord extends PanacheEntityBase {
    @Id
    public long id;
}
