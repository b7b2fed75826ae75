package dev.driftless.cli;

import dev.driftless.auth.RoleArn;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --role-arn}: a malformed ARN is a usage error (exit 2) reported before anything else runs. */
public final class RoleArnConverter implements ITypeConverter<RoleArn> {
    @Override
    public RoleArn convert(String value) {
        return RoleArn.match(value).orElseThrow(() ->
                new TypeConversionException("'" + value + "' is not an IAM role ARN; " + RoleArn.HINT));
    }
}
