package org.certboard.exam.window;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A testing window of one credential program: its sittings, bookings and results are that program's. */
@Entity
public class ExamWindow {
    @Id
    public UUID id;
    public String program;
    public String name;
    public LocalDate opensOn;
    public LocalDate closesOn;
    /** Null: the program's pass mark is in force. */
    public Integer passMark;

    public static ExamWindow open(String program, String name, LocalDate opensOn, LocalDate closesOn,
            Integer passMark) {
        ExamWindow window = new ExamWindow();
        window.id = UUID.randomUUID();
        window.program = program;
        window.name = name;
        window.opensOn = opensOn;
        window.closesOn = closesOn;
        window.passMark = passMark;
        return window;
    }

    public boolean contains(LocalDate day) {
        return WindowRules.contains(opensOn, closesOn, day);
    }
}
