package org.certboard.exam.support;

import java.util.Map;

import org.certboard.devstack.testing.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Delegates to devstack's {@link RealInfrastructure} (the JVM's real broker and a throwaway database). Declared here
 * because Quarkus loads devstack's class in the system class loader while it expects the lifecycle interface from
 * its own, so naming RealInfrastructure directly in {@code @WithTestResource} fails with a ClassCastException.
 */
public class ExamInfrastructure implements QuarkusTestResourceLifecycleManager {
    private final RealInfrastructure delegate = new RealInfrastructure();

    @Override
    public void init(Map<String, String> initArgs) {
        delegate.init(initArgs);
    }

    @Override
    public Map<String, String> start() {
        return delegate.start();
    }

    @Override
    public void stop() {
        delegate.stop();
    }
}
