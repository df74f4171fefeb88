package org.certboard.exam.window;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The {@code exam_window} table. Every method runs in the caller's session. */
@ApplicationScoped
public class WindowRepository implements PanacheRepositoryBase<ExamWindow, UUID> {

    /** By opening date; the id breaks ties, so pages never overlap. */
    public PanacheQuery<ExamWindow> byOpening() {
        return findAll(Sort.by("opensOn").and("id"));
    }
}
