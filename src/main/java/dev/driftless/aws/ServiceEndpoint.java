package dev.driftless.aws;

import java.net.URI;

/**
 * Where to send a service's requests and how to sign them (for clients we build ourselves, such as the
 * Cost Explorer JSON client).
 *
 * @param overridden true when the URI came from {@code AWS_ENDPOINT_URL[_<SERVICE>]}
 */
public record ServiceEndpoint(URI uri, String signingRegion, String signingName, boolean overridden) {
}
