package org.certboard.platform.paging;

import java.util.List;

/** One page of a collection: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
