package dev.driftless.engine;

import dev.driftless.plan.TaskDefinition;
import java.util.List;
import java.util.Map;

/** Task-definition revisions of a family: register, list, read their tags, deregister. */
public interface TaskDefinitionStore {

    /** Registers a new revision with these tags; returns its ARN. */
    String register(TaskDefinition definition, Map<String, String> tags);

    /** The family's ACTIVE revisions, newest first (sorted here: not every endpoint honours the sort order). */
    List<Revision> revisions(String family);

    /** One revision's image and tags (DescribeTaskDefinition include=TAGS). */
    RevisionDetails details(String arn);

    void deregister(String arn);

    /** A revision by ARN ({@code ...:task-definition/<family>:<revision>}). */
    record Revision(String arn, String family, int revision) {
        public static Revision of(String arn) {
            String tail = arn.substring(arn.lastIndexOf('/') + 1);
            int colon = tail.lastIndexOf(':');
            return new Revision(arn, tail.substring(0, colon), Integer.parseInt(tail.substring(colon + 1)));
        }

        public String shortName() {
            return family + ":" + revision;
        }
    }

    /** @param image the first container's image */
    record RevisionDetails(Revision revision, String image, Map<String, String> tags) {
        public RevisionDetails {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }
    }
}
