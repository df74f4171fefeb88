package org.certboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Alerts name what they measure: the policy accepts the board's rules and refuses one that selects a class. */
class AlertPolicyTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void theBoardsAlertsSelectNoClassOrMethod() throws Exception {
        JsonNode alerts = YAML.readTree(Files.readString(Path.of("../deploy/kubernetes/base/alerts.yaml")));
        assertThat(alerts.at("/spec/groups").findValues("rules")).isNotEmpty();
        assertThat(Policy.alertsNamingCode(List.of(alerts))).isEmpty();
    }

    @Test
    void anAlertSelectingAJavaClassIsRefused() throws Exception {
        JsonNode alerts = YAML.readTree("""
                kind: PrometheusRule
                spec:
                  groups:
                    - name: fixture
                      rules:
                        - alert: ClockNotRun
                          expr: sum(increase(scheduled_methods_seconds_count{class="org.example.ClockJob", method="tick"}[24h])) == 0
                        - alert: Fine
                          expr: sum(increase(certboard_renewal_clock_runs_total{outcome="completed"}[24h])) == 0
                """);
        assertThat(Policy.alertsNamingCode(List.of(alerts))).singleElement().asString()
                .startsWith("ClockNotRun: selects by the code label 'class'");
    }
}
