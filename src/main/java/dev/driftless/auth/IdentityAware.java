package dev.driftless.auth;

import java.util.Optional;

/** A credentials provider that knows whose credentials it gives (an assumed role), sparing a GetCallerIdentity. */
public interface IdentityAware {
    /** The identity of the current credentials, resolving them first if needed. */
    Optional<AwsIdentity> identity();
}
