package dev.driftless.engine.build;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.spec.ImageSpec;

/** ECR lifecycle policies: the one driftless writes from the spec, and comparing policies by meaning. */
public final class LifecyclePolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LifecyclePolicy() {
    }

    /**
     * Untagged images go first (they are leftovers of re-tagged builds); then only the newest tagged
     * images are kept. ECR evaluates rules by priority, so the untagged rule must come first.
     */
    public static String from(ImageSpec.Lifecycle lifecycle) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rules = root.putArray("rules");
        ObjectNode untagged = rules.addObject();
        untagged.put("rulePriority", 1);
        untagged.put("description", "Expire untagged images after " + lifecycle.untaggedDays() + " days");
        ObjectNode sel1 = untagged.putObject("selection");
        sel1.put("tagStatus", "untagged");
        sel1.put("countType", "sinceImagePushed");
        sel1.put("countUnit", "days");
        sel1.put("countNumber", lifecycle.untaggedDays());
        untagged.putObject("action").put("type", "expire");
        ObjectNode tagged = rules.addObject();
        tagged.put("rulePriority", 2);
        tagged.put("description", "Keep the newest " + lifecycle.keepTagged() + " tagged images");
        ObjectNode sel2 = tagged.putObject("selection");
        sel2.put("tagStatus", "tagged");
        sel2.putArray("tagPatternList").add("*");
        sel2.put("countType", "imageCountMoreThan");
        sel2.put("countNumber", lifecycle.keepTagged());
        tagged.putObject("action").put("type", "expire");
        return root.toString();
    }

    /** Same rules, whatever the whitespace or key order ECR hands back. */
    public static boolean sameMeaning(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return parse(a).equals(parse(b));
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            // an unparsable live policy differs from ours by definition
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
