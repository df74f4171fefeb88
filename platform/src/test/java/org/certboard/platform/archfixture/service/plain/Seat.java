package org.certboard.platform.archfixture.service.plain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.platform.domain.Refusal;

/** Keeps every rule: a plain entity that changes only through its own method and refuses without HTTP. */
@Entity
@Table(name = "archfixture_seat")
public class Seat {
    @Id
    public long id;
    public boolean taken;

    public void take() {
        if (taken) {
            throw Refusal.conflict("Seat taken", "seat " + id);
        }
        taken = true;
    }
}
