package org.certboard.renewal.ce;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The CE categories a program's credits may name: those its configuration sets a minimum for. */
public record CeCategories(SortedSet<String> codes) {

    public CeCategories(Set<String> codes) {
        this(new TreeSet<>(codes));
    }

    public CeCategories {
        codes = Collections.unmodifiableSortedSet(new TreeSet<>(codes));
    }

    /** The first of {@code named} the program does not know, if any. */
    Optional<String> firstUnknown(List<String> named) {
        return named.stream().filter(category -> !codes.contains(category)).findFirst();
    }
}
