package org.certboard.exam.window;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class ExamWindow {
    @Id
    public UUID id;
    public String name;
    public LocalDate opensOn;
    public LocalDate closesOn;
    /** Null: the board's default pass mark is in force. */
    public Integer passMark;

    public static ExamWindow open(String name, LocalDate opensOn, LocalDate closesOn, Integer passMark) {
        ExamWindow window = new ExamWindow();
        window.id = UUID.randomUUID();
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
