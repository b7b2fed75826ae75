package dev.driftless.aws;

import dev.driftless.testing.MotoServer;

/** Injects a completed ECR scan with one finding into moto, for an image by digest. */
public final class ScanFindings {
    private ScanFindings() {
    }

    public static void inject(MotoServer moto, String repository, String digest, String cve, String severity) {
        String result = "{\"registryId\":\"123456789012\",\"repositoryName\":\"" + repository + "\","
                + "\"imageId\":{\"imageDigest\":\"" + digest + "\"},"
                + "\"imageScanStatus\":{\"status\":\"COMPLETE\",\"description\":\"The scan was completed successfully.\"},"
                + "\"imageScanFindings\":{\"findings\":[{\"name\":\"" + cve + "\","
                + "\"uri\":\"https://nvd.nist.gov/vuln/detail/" + cve + "\",\"severity\":\"" + severity + "\","
                + "\"attributes\":[{\"key\":\"package_name\",\"value\":\"openssl\"},{\"key\":\"package_version\",\"value\":\"3.0.2\"}]},"
                + "{\"name\":\"CVE-2020-0001\",\"uri\":\"https://nvd.nist.gov/vuln/detail/CVE-2020-0001\",\"severity\":\"LOW\"}],"
                + "\"findingSeverityCounts\":{\"" + severity + "\":1,\"LOW\":1}}}";
        moto.post("/moto-api/static/ecr/scan-finding-results",
                "{\"region\":\"us-west-2\",\"account_id\":\"123456789012\",\"results\":[" + result + "]}", "application/json");
    }
}
