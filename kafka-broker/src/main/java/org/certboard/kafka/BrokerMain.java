package org.certboard.kafka;

/**
 * Runs {@code kafka.Kafka} and halts when the process that started it is gone, so a killed test run or local stack
 * never leaves a broker behind. Usage: {@code BrokerMain <parent-pid> <server.properties>}.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
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
