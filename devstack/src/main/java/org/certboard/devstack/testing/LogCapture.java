package org.certboard.devstack.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a log category recorded while a test's work ran: messages, or the SQL statements one unit of work sent. */
public final class LogCapture {
    private LogCapture() {
    }

    /** The messages {@code category} logged at DEBUG or above while {@code work} ran (they still reach the console). */
    public static List<String> logged(String category, Runnable work) {
        return capture(category, false, work).stream().map(LogRecord::getMessage).toList();
    }

    /**
     * The SQL statements {@code work} sent, as Hibernate Reactive logs each (a batch once, as it travels): those logged
     * on the thread that logged the first, since one request's or poll's statements all run on its event loop, so
     * those of other work meanwhile (a consumer's poll, the clock job) are left out.
     */
    public static List<String> statementsOf(Runnable work) {
        List<LogRecord> records = new ArrayList<>(capture("org.hibernate.SQL", true, work));
        if (records.isEmpty()) {
            return List.of();
        }
        long thread = records.get(0).getLongThreadID();
        return records.stream().filter(record -> record.getLongThreadID() == thread).map(LogRecord::getMessage)
                .toList();
    }

    /** {@code quiet}: what is captured does not also go to the console. */
    private static Collection<LogRecord> capture(String category, boolean quiet, Runnable work) {
        ConcurrentLinkedQueue<LogRecord> captured = new ConcurrentLinkedQueue<>();
        Logger logger = Logger.getLogger(category);
        Level level = logger.getLevel();
        boolean parents = logger.getUseParentHandlers();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                captured.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        logger.setUseParentHandlers(!quiet && parents);
        logger.setLevel(Level.FINE);
        try {
            work.run();
        } finally {
            logger.setLevel(level);
            logger.setUseParentHandlers(parents);
            logger.removeHandler(handler);
        }
        return captured;
    }
}
