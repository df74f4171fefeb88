package org.certboard.exam.scoring;

/** The scaled-score range and the board's default pass mark; a score at the pass mark passes. */
public record ScoreScale(int min, int max, int defaultPassMark) {

    public ScoreScale {
        if (min >= max) {
            throw new IllegalArgumentException("the score scale must have min < max, got " + min + ".." + max);
        }
        if (!(min <= defaultPassMark && defaultPassMark <= max)) {
            throw new IllegalArgumentException("the pass mark " + defaultPassMark + " lies outside the scale "
                    + min + ".." + max);
        }
    }

    public boolean contains(int score) {
        return min <= score && score <= max;
    }

    /** {@code formPassMark} is the pass mark in force for the exam form, null when it is the board default. */
    public boolean passes(int score, Integer formPassMark) {
        return score >= (formPassMark != null ? formPassMark : defaultPassMark);
    }

    public String describe() {
        return "must be between " + min + " and " + max;
    }
}
