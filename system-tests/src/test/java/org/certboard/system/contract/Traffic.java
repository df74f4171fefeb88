package org.certboard.system.contract;

import java.util.ArrayList;
import java.util.List;

import org.certboard.devstack.scenario.BoardClient.Exchange;

/**
 * Every exchange the system tests of this JVM made through a recording client (the scenarios' {@code BoardClient}
 * and the generated clients), for {@link ContractReplay} to check once they have all run.
 */
public final class Traffic {
    private static final List<Exchange> RECORDED = new ArrayList<>();

    private Traffic() {
    }

    public static void record(Exchange exchange) {
        synchronized (RECORDED) {
            RECORDED.add(exchange);
        }
    }

    public static List<Exchange> recorded() {
        synchronized (RECORDED) {
            return List.copyOf(RECORDED);
        }
    }
}
