package dev.driftless.plan;

/**
 * Fargate prices in USD for one region and CPU architecture.
 *
 * @param spotVcpuHour null where Fargate Spot is not offered (ARM64)
 * @param spotGbHour null where Fargate Spot is not offered (ARM64)
 * @param storageGbHour ephemeral storage beyond the free 20 GiB per task, per GB-hour; null when unknown (not priced)
 */
public record FargateRates(double vcpuHour, double gbHour, Double spotVcpuHour, Double spotGbHour, Double storageGbHour) {

    public FargateRates(double vcpuHour, double gbHour, Double spotVcpuHour, Double spotGbHour) {
        this(vcpuHour, gbHour, spotVcpuHour, spotGbHour, null);
    }

    /** USD per hour for one task's ephemeral storage of {@code gib} (null: the free 20). */
    public double storageTaskHour(Integer gib) {
        return gib == null || storageGbHour == null ? 0 : Math.max(0, gib - dev.driftless.spec.TaskSettings.FREE_EPHEMERAL_GIB) * storageGbHour;
    }

    public boolean hasSpot() {
        return spotVcpuHour != null && spotGbHour != null;
    }

    /** USD per hour for one on-demand task of this size. */
    public double onDemandTaskHour(double vcpu, double memoryGb) {
        return vcpu * vcpuHour + memoryGb * gbHour;
    }

    /** USD per hour for one Spot task of this size; on-demand where there is no Spot rate. */
    public double spotTaskHour(double vcpu, double memoryGb) {
        return hasSpot() ? vcpu * spotVcpuHour + memoryGb * spotGbHour : onDemandTaskHour(vcpu, memoryGb);
    }
}
