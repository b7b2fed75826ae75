package dev.driftless.engine.build;

/**
 * Credentials for {@code docker login}. The password is a 12-hour ECR token: it is masked before anything
 * prints, handed to docker on stdin only, and never part of {@link #toString()}.
 *
 * @param host the registry host (no scheme), e.g. 123456789012.dkr.ecr.us-west-2.amazonaws.com
 */
public record RegistryLogin(String host, String username, String password) {
    public RegistryLogin withHost(String other) {
        return new RegistryLogin(other, username, password);
    }

    @Override
    public String toString() {
        return "RegistryLogin[host=" + host + ", username=" + username + ", password=***]";
    }
}
