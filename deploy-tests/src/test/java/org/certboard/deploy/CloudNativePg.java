package org.certboard.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CloudNativePG publishes its CRDs neither to Maven Central nor to npm, so its objects are checked on the fields these
 * manifests rely on, with the types and values of the CloudNativePG API reference (postgresql.cnpg.io/v1).
 */
final class CloudNativePg {
    private static final Set<String> CLUSTER_SPEC = Set.of("instances", "storage", "bootstrap", "postgresql", "backup");
    private static final Set<String> SCHEDULED_BACKUP_SPEC = Set.of("schedule", "backupOwnerReference", "cluster");

    private CloudNativePg() {
    }

    static List<String> check(JsonNode object, boolean production) {
        List<String> problems = new ArrayList<>();
        String name = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
        JsonNode spec = object.path("spec");
        switch (object.path("kind").asText()) {
            case "Cluster" -> {
                spec.fieldNames().forEachRemaining(field -> {
                    if (!CLUSTER_SPEC.contains(field)) {
                        problems.add(name + ": unexpected spec." + field);
                    }
                });
                if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
                    problems.add(name + ": spec.instances must be a positive integer");
                }
                if (!spec.at("/storage/size").asText().matches("\\d+(Mi|Gi|Ti)")) {
                    problems.add(name + ": spec.storage.size must be a quantity");
                }
                if (!spec.at("/bootstrap/initdb/database").isTextual() || !spec.at("/bootstrap/initdb/owner").isTextual()) {
                    problems.add(name + ": spec.bootstrap.initdb needs database and owner");
                }
                if (production) {
                    JsonNode synchronous = spec.at("/postgresql/synchronous");
                    if (!Set.of("any", "first").contains(synchronous.path("method").asText())
                            || synchronous.path("number").asInt() < 1
                            || synchronous.path("number").asInt() >= spec.path("instances").asInt()
                            || !synchronous.path("dataDurability").asText().equals("required")) {
                        problems.add(name + ": production needs a synchronous standby (method any|first, 1 <= number"
                                + " < instances, dataDurability required)");
                    }
                    JsonNode store = spec.at("/backup/barmanObjectStore");
                    if (!store.path("destinationPath").asText().matches("(s3|gs|https)://.+")
                            || !store.at("/s3Credentials/accessKeyId/name").isTextual()
                            || !store.at("/s3Credentials/accessKeyId/key").isTextual()
                            || !store.at("/s3Credentials/secretAccessKey/name").isTextual()
                            || !store.at("/s3Credentials/secretAccessKey/key").isTextual()) {
                        problems.add(name + ": production needs backups to object storage with Secret references");
                    }
                    if (!spec.at("/backup/retentionPolicy").asText().matches("\\d+[dwm]")) {
                        problems.add(name + ": spec.backup.retentionPolicy must look like 30d");
                    }
                }
            }
            case "ScheduledBackup" -> {
                spec.fieldNames().forEachRemaining(field -> {
                    if (!SCHEDULED_BACKUP_SPEC.contains(field)) {
                        problems.add(name + ": unexpected spec." + field);
                    }
                });
                // Six fields: CloudNativePG's cron format starts with seconds.
                if (spec.path("schedule").asText().trim().split("\\s+").length != 6) {
                    problems.add(name + ": spec.schedule must have six fields (seconds first)");
                }
                if (!Set.of("self", "cluster", "none").contains(spec.path("backupOwnerReference").asText())) {
                    problems.add(name + ": spec.backupOwnerReference must be self, cluster or none");
                }
                if (!spec.at("/cluster/name").isTextual()) {
                    problems.add(name + ": spec.cluster.name missing");
                }
            }
            default -> problems.add(name + ": kind not checked");
        }
        return problems;
    }
}
