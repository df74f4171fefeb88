package org.certboard.benchmarks.stack;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The stack app's one entity, so that Hibernate Reactive boots with a model as a service's does. */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {
    @Id
    public UUID id;
    public String body;
}
