package org.certboard.exam.window;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "exam_window")
public class ExamWindow extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    /** Null: the board's default pass mark is in force. */
    @Column(name = "pass_mark")
    public Integer passMark;

    public boolean contains(LocalDate day) {
        return WindowRules.contains(opensOn, closesOn, day);
    }
}
