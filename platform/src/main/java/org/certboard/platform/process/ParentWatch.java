package org.certboard.platform.process;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * When started by the local stack or the system tests ({@code certboard.parent-pid}), stops this service once that
 * process is gone, so a killed launcher never leaves services running.
 */
public class ParentWatch {
    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    void watch(@Observes StartupEvent startup, @ConfigProperty(name = "certboard.parent-pid") Optional<Long> parentPid) {
        parentPid.ifPresent(pid -> {
            Thread watcher = new Thread(() -> {
                while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                LOG.infof("parent process %d is gone; stopping", pid);
                Quarkus.asyncExit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        });
    }
}
