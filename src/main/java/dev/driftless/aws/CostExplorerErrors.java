package dev.driftless.aws;

import dev.driftless.DriftlessException;
import java.util.Locale;

/** Turns a Cost Explorer error answer into a message that names the fix. */
final class CostExplorerErrors {
    private CostExplorerErrors() {
    }

    /** The error code from {@code __type} ("aws.ce#DataUnavailableException" → "DataUnavailableException"). */
    static String code(String type) {
        if (type == null) {
            return null;
        }
        String t = type.substring(type.lastIndexOf('#') + 1);
        int colon = t.indexOf(':');
        return colon < 0 ? t : t.substring(0, colon);
    }

    static DriftlessException translate(String operation, int status, String code, String message) {
        String action = "ce:" + operation;
        String msg = message == null ? "" : message;
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("not enabled for cost explorer")) {
            return new DriftlessException(
                    "Cost Explorer is not enabled for this AWS account (" + operation + ": " + msg + ")",
                    "enable it once in the Billing and Cost Management console (Cost Explorer → Launch Cost Explorer), "
                            + "signed in to the management (payer) account; data appears within about 24 hours");
        }
        if ("AccessDeniedException".equals(code) || "AccessDenied".equals(code) || status == 403) {
            return new DriftlessException(
                    "not allowed to call " + action + (msg.isEmpty() ? "" : " (" + msg + ")"),
                    "grant " + action + " on Resource \"*\" to the role driftless runs as");
        }
        if ("DataUnavailableException".equals(code)) {
            return new DriftlessException(
                    "Cost Explorer has no data for this period (" + operation + ": " + msg + ")",
                    "Cost Explorer needs up to 24 hours after it is enabled, and a forecast needs enough "
                            + "spending history (AWS asks for at least a few days, ideally a month)");
        }
        if ("UnrecognizedClientException".equals(code) || "InvalidSignatureException".equals(code)
                || "ExpiredTokenException".equals(code) || "InvalidClientTokenId".equals(code)) {
            return new DriftlessException(
                    "Cost Explorer rejected the credentials (" + code + ": " + msg + ")",
                    "check that the AWS credentials are current; with OIDC, that the role was assumed for this job");
        }
        return new DriftlessException(
                "Cost Explorer " + operation + " failed: HTTP " + status
                        + (code == null ? "" : " " + code) + (msg.isEmpty() ? "" : ": " + msg));
    }
}
