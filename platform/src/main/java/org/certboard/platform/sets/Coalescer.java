package org.certboard.platform.sets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs single requests in sets, as the consumers apply a poll: a request that arrives while {@code concurrentSets}
 * sets are running waits, and the next set takes every request waiting (up to {@code setSize}, one per key) at once.
 * At low load a request runs at once and alone; under load the waiting requests share one set's statements instead of
 * each running its own. Requests with the same key never share a set: the second waits for the next, so it sees
 * what the first did.
 * <p>
 * {@code work} answers one outcome per request of a set, in the set's order; a refusal is one request's outcome, not
 * the set's. A set whose work fails runs again one request at a time, so that a request fails alone. Each request
 * is answered on the Vert.x context it came from.
 *
 * @param <K> what two requests must not share a set on
 * @param <I> a request
 * @param <O> its outcome
 */
public final class Coalescer<K, I, O> {

    /** One request's outcome: its value, or the refusal it gets. */
    public record Outcome<O>(O value, RuntimeException refusal) {
        public static <O> Outcome<O> of(O value) {
            return new Outcome<>(value, null);
        }

        public static <O> Outcome<O> refused(RuntimeException refusal) {
            return new Outcome<>(null, refusal);
        }
    }

    private record Waiting<I, O>(I request, UniEmitter<? super O> answer, Context context) {
        void complete(O value) {
            on(() -> answer.complete(value));
        }

        void fail(Throwable failure) {
            on(() -> answer.fail(failure));
        }

        private void on(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }

    private final Function<I, K> key;
    private final Function<List<I>, Uni<List<Outcome<O>>>> work;
    private final int concurrentSets;
    private final int setSize;
    private final Object lock = new Object();
    // guarded by lock
    private final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
    private int running;

    public Coalescer(Function<I, K> key, Function<List<I>, Uni<List<Outcome<O>>>> work, int concurrentSets,
            int setSize) {
        if (concurrentSets < 1 || setSize < 1) {
            throw new IllegalArgumentException("at least one set of at least one request");
        }
        this.key = key;
        this.work = work;
        this.concurrentSets = concurrentSets;
        this.setSize = setSize;
    }

    public Uni<O> submit(I request) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(answer -> {
            synchronized (lock) {
                waiting.add(new Waiting<>(request, answer, context));
            }
            drain();
        });
    }

    private void drain() {
        while (true) {
            List<Waiting<I, O>> set;
            synchronized (lock) {
                if (running >= concurrentSets || waiting.isEmpty()) {
                    return;
                }
                set = take();
                running++;
            }
            // run answers every request of the set, and never fails
            run(set).subscribe().with(done -> finished(), failure -> finished());
        }
    }

    private void finished() {
        synchronized (lock) {
            running--;
        }
        drain();
    }

    /** The oldest waiting requests, one per key; the others keep their place. Called holding the lock. */
    private List<Waiting<I, O>> take() {
        List<Waiting<I, O>> set = new ArrayList<>(Math.min(setSize, waiting.size()));
        Set<K> keys = new HashSet<>();
        Iterator<Waiting<I, O>> oldestFirst = waiting.iterator();
        while (oldestFirst.hasNext() && set.size() < setSize) {
            Waiting<I, O> next = oldestFirst.next();
            if (keys.add(key.apply(next.request()))) {
                set.add(next);
                oldestFirst.remove();
            }
        }
        return set;
    }

    private Uni<Void> run(List<Waiting<I, O>> set) {
        List<I> requests = set.stream().map(Waiting::request).toList();
        return Uni.createFrom().deferred(() -> work.apply(requests)).onItemOrFailure().transformToUni(
                (outcomes, failure) -> {
                    Throwable failed = failure != null || outcomes.size() == set.size() ? failure
                            : new IllegalStateException(outcomes.size() + " outcomes for a set of " + set.size());
                    if (failed == null) {
                        for (int i = 0; i < set.size(); i++) {
                            Outcome<O> outcome = outcomes.get(i);
                            if (outcome.refusal() == null) {
                                set.get(i).complete(outcome.value());
                            } else {
                                set.get(i).fail(outcome.refusal());
                            }
                        }
                        return Uni.createFrom().voidItem();
                    }
                    if (set.size() == 1) {
                        set.get(0).fail(failed);
                        return Uni.createFrom().voidItem();
                    }
                    return Multi.createFrom().iterable(set).onItem()
                            .transformToUniAndConcatenate(alone -> run(List.of(alone)))
                            .collect().last().replaceWithVoid();
                });
    }
}
