package dev.driftless.auth;

/** The role a run was told to assume on its command line ({@code --role-arn}), or null. */
public interface RoleOption {
    RoleArn roleArn();
}
