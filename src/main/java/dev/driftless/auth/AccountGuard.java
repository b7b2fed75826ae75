package dev.driftless.auth;

import dev.driftless.DriftlessException;

/**
 * The spec's {@code account} is a promise: driftless acts on that account and no other. A role or
 * profile that lands in another account (a copied workflow, a wrong secret) is stopped here, before
 * any change.
 */
public final class AccountGuard {
    private AccountGuard() {
    }

    /** Returns {@code actual} when it is in {@code expected} (or nothing is expected); throws naming both otherwise. */
    public static AwsIdentity require(String expected, AwsIdentity actual, String specFile) {
        if (expected == null || expected.isBlank()) {
            return actual;
        }
        if (actual.account() == null || !actual.account().equals(expected.trim())) {
            throw new DriftlessException("refusing to act: the credentials are for AWS account " + actual.account()
                    + " (" + actual.arn() + "), but " + (specFile == null ? "the spec" : specFile) + " allows only account "
                    + expected.trim(),
                    "assume a role in account " + expected.trim() + " (role-to-assume / the environment's role), or correct"
                            + " the spec's account if it is wrong");
        }
        return actual;
    }
}
