package dev.driftless.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run has changed so far, per service, written as each change is made: so that whatever stops
 * the run (an AWS error, a lost answer, a signal) the report can still say what was changed and what must
 * be undone. Used by one thread.
 */
final class ChangeJournal {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        String registered;
        String updatedTo;
        boolean created;
        final List<String> lines = new ArrayList<>();
    }

    private Entry entry(String service) {
        return entries.computeIfAbsent(service, s -> new Entry());
    }

    void registered(String service, String arn) {
        entry(service).registered = arn;
        entry(service).lines.add("registered " + Deployer.shortArn(arn));
    }

    void created(String service, String arn) {
        Entry e = entry(service);
        e.created = true;
        e.updatedTo = arn;
        e.lines.add("created the service on " + Deployer.shortArn(arn));
    }

    void updated(String service, String arn, boolean taskDefinitionChanged) {
        Entry e = entry(service);
        e.updatedTo = arn;
        e.lines.add(taskDefinitionChanged ? "updated the service to " + Deployer.shortArn(arn) : "updated the service's settings");
    }

    void note(String service, String line) {
        entry(service).lines.add(line);
    }

    /** The service was created or updated by this run (so ECS may be rolling it out). */
    boolean touched(String service) {
        Entry e = entries.get(service);
        return e != null && e.updatedTo != null;
    }

    boolean created(String service) {
        Entry e = entries.get(service);
        return e != null && e.created;
    }

    /** The revision this run registered for the service, or null. */
    String registered(String service) {
        Entry e = entries.get(service);
        return e == null ? null : e.registered;
    }

    /** The revision this run put on the service (created or updated), or null. */
    String updatedTo(String service) {
        Entry e = entries.get(service);
        return e == null ? null : e.updatedTo;
    }

    List<String> lines(String service) {
        Entry e = entries.get(service);
        return e == null ? List.of() : List.copyOf(e.lines);
    }
}
