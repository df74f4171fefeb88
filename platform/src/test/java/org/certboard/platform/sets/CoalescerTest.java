package org.certboard.platform.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.certboard.platform.sets.Coalescer.Outcome;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** Sets held open by the test: each set's work answers only when the test completes it. */
class CoalescerTest {

    /** A set the work was asked for, and how to answer it. */
    private record Asked(List<String> set, UniEmitter<? super List<Outcome<String>>> answer) {
        void answerEach() {
            answer.complete(set.stream().map(r -> r.startsWith("refuse") ? Outcome.<String>refused(
                    new IllegalArgumentException(r)) : Outcome.of(r.toUpperCase())).toList());
        }
    }

    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private final Function<List<String>, Uni<List<Outcome<String>>>> heldOpen =
            set -> Uni.createFrom().emitter(answer -> asked.add(new Asked(set, answer)));

    @Test
    void requestsArrivingWhileTheSetsRunShareTheNextSetOneByKey() {
        Coalescer<Character, String, String> coalescer = new Coalescer<>(r -> r.charAt(0), heldOpen, 1, 10);
        List<Uni<String>> answers = new ArrayList<>();
        for (String request : List.of("a1", "b1", "a2", "c1", "refuse", "a3")) {
            Uni<String> answer = coalescer.submit(request).memoize().indefinitely();
            answer.subscribe().with(ignored -> { }, ignored -> { });
            answers.add(answer);
        }

        // the first ran alone at once; the others waited for it, then went together, one per key
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("a1"));
        asked.get(0).answerEach();
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("a1"), List.of("b1", "a2", "c1", "refuse"));
        asked.get(1).answerEach();
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("a1"), List.of("b1", "a2", "c1", "refuse"),
                List.of("a3"));
        asked.get(2).answerEach();

        assertThat(answers.get(0).await().atMost(Duration.ofSeconds(1))).isEqualTo("A1");
        assertThat(answers.get(2).await().atMost(Duration.ofSeconds(1))).isEqualTo("A2");
        assertThat(answers.get(5).await().atMost(Duration.ofSeconds(1))).isEqualTo("A3");
        assertThatThrownBy(() -> answers.get(4).await().atMost(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refuse");
    }

    @Test
    void aSetThatFailsRunsAgainOneRequestAtATimeSoThatOnlyTheBadOneFails() {
        Coalescer<String, String, String> coalescer = new Coalescer<>(r -> r, set -> set.contains("bad")
                ? Uni.createFrom().failure(new IllegalStateException("the set broke on " + set))
                : heldOpen.apply(set), 1, 10);
        Uni<String> first = coalescer.submit("first").memoize().indefinitely();
        first.subscribe().with(ignored -> { }, ignored -> { });
        List<Uni<String>> rest = new ArrayList<>();
        for (String request : List.of("x", "bad", "y")) {
            Uni<String> answer = coalescer.submit(request).memoize().indefinitely();
            answer.subscribe().with(ignored -> { }, ignored -> { });
            rest.add(answer);
        }

        asked.get(0).answerEach();
        // the set x, bad, y failed; x and y ran again alone, one after the other
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("first"), List.of("x"));
        asked.get(1).answerEach();
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("first"), List.of("x"), List.of("y"));
        asked.get(2).answerEach();

        assertThat(rest.get(0).await().atMost(Duration.ofSeconds(1))).isEqualTo("X");
        assertThat(rest.get(2).await().atMost(Duration.ofSeconds(1))).isEqualTo("Y");
        assertThatThrownBy(() -> rest.get(1).await().atMost(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the set broke on [bad]");
    }

    @Test
    void noMoreSetsRunAtOnceThanAllowedAndNoneLargerThanItsSize() {
        Coalescer<String, String, String> coalescer = new Coalescer<>(r -> r, heldOpen, 2, 3);
        for (int i = 0; i < 8; i++) {
            coalescer.submit("r" + i).subscribe().with(ignored -> { }, ignored -> { });
        }
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("r0"), List.of("r1"));
        asked.get(1).answerEach();
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("r0"), List.of("r1"),
                List.of("r2", "r3", "r4"));
        asked.get(0).answerEach();
        assertThat(asked).extracting(Asked::set).containsExactly(List.of("r0"), List.of("r1"),
                List.of("r2", "r3", "r4"), List.of("r5", "r6", "r7"));
    }
}
