package org.certboard.candidate.webhook;

import java.util.List;

/** A delivery with every attempt, oldest first. */
public record DeliveryView(Delivery delivery, List<Attempt> attempts) {
}
