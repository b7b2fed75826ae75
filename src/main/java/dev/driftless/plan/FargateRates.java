package dev.driftless.plan;

/**
 * Fargate prices in USD for one region and CPU architecture.
 *
 * @param spotVcpuHour null where Fargate Spot is not offered (ARM64)
 * @param spotGbHour null where Fargate Spot is not offered (ARM64)
 */
public record FargateRates(double vcpuHour, double gbHour, Double spotVcpuHour, Double spotGbHour) {

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
