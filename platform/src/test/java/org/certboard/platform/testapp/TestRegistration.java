package org.certboard.platform.testapp;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "test_registration")
public class TestRegistration extends PanacheEntityBase {
    @Id
    public UUID id;
    public String email;
}
