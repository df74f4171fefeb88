package org.certboard.kafka;

/**
 * Runs {@code kafka.Kafka} and halts when the process that started it is gone, so a killed test run or local stack
 * never leaves a broker behind. Usage: {@code BrokerMain <parent-pid> <server.properties>}.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        // A terminal's Ctrl-C reaches every process of the foreground group. The launcher stops the broker last,
        // after the services have left their consumer groups (else the next start waits out their sessions), so
        // the broker ignores SIGINT; SIGTERM from the launcher, or the parent watch below, still stop it.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        long parentPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> {
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        kafka.Kafka.main(new String[] { args[1] });
    }
}
