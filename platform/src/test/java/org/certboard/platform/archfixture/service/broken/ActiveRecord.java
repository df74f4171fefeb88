package org.certboard.platform.archfixture.service.broken;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Breaks "entities are not active records". */
@Entity
@Table(name = "archfixture_active_record")
public class ActiveRecord extends PanacheEntityBase {
    @Id
    public long id;
}
