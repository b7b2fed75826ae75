package dev.driftless.adopt;

/**
 * An image reference split the way the spec says it: the ECR repository (in the spec's account and region)
 * and the tag or digest that runs now.
 *
 * @param repository the repository name (for an image elsewhere, its path without registry and tag)
 * @param reference ":tag" or "@sha256:...", or null
 * @param inOwnEcr true when the image lives in the account's ECR in the region
 */
record ImageName(String repository, String reference, boolean inOwnEcr) {

    static ImageName parse(String image, String account, String region) {
        String rest = image;
        String reference = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            reference = rest.substring(at);
            rest = rest.substring(0, at);
        } else {
            int colon = rest.lastIndexOf(':');
            if (colon > rest.lastIndexOf('/')) {
                reference = rest.substring(colon);
                rest = rest.substring(0, colon);
            }
        }
        String ownRegistry = account + ".dkr.ecr." + region + ".amazonaws.com/";
        if (rest.startsWith(ownRegistry)) {
            return new ImageName(rest.substring(ownRegistry.length()), reference, true);
        }
        int slash = rest.indexOf('/');
        boolean hasRegistry = slash > 0 && (rest.substring(0, slash).contains(".") || rest.substring(0, slash).contains(":"));
        return new ImageName(hasRegistry ? rest.substring(slash + 1) : rest, reference, false);
    }
}
