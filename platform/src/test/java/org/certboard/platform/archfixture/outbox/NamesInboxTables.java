package org.certboard.platform.archfixture.outbox;

/** Fixture for PlatformRulesTest: a relay that deletes the inbox's rows (breaks inboxTablesNamedUnder). */
public class NamesInboxTables {
    public String cleanUp() {
        return "delete from processed_event where recorded_at < clock_timestamp() - ?::interval";
    }
}
