package dev.driftless.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --images} (input {@code images}): the build step's {@code images} output, a JSON object of service to
 * image. Its shape is a usage error (exit 2) caught before anything runs; each image's form is checked by
 * {@link dev.driftless.engine.ImageSelection}.
 */
final class ImagesOption {
    private ImagesOption() {
    }

    /** The value of {@code --images}, else the input {@code images}; null when neither is given or it is blank. */
    static String given(String option, CommandContext ctx) {
        String json = option != null ? option : ctx.actions().input("images").orElse(null);
        return json == null || json.isBlank() ? null : json;
    }

    /** service → image, in the order given. */
    static Map<String, String> parse(String json, CommandLine commandLine) {
        JsonNode node;
        try {
            node = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(json);
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                throw new ParameterException(commandLine, "--images names a service twice ("
                        + e.getOriginalMessage() + "); give each service one image");
            }
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new ParameterException(commandLine, "--images is not a JSON object"
                    + " of service to image, like {\"backend\":\"<uri>@sha256:<digest>\"}: " + abbreviate(json));
        }
        Map<String, String> byService = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
            if (!field.getValue().isTextual()) {
                throw new ParameterException(commandLine, "--images: the image for "
                        + field.getKey() + " is " + field.getValue() + ", not a string like \"<uri>@sha256:<digest>\"");
            }
            byService.put(field.getKey(), field.getValue().asText());
        }
        return Collections.unmodifiableMap(byService);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }
}
