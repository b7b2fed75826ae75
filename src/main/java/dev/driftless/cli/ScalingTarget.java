package dev.driftless.cli;

import dev.driftless.aws.AppAutoScalingTargets;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.aws.EcsServiceScaling;
import dev.driftless.engine.EnvironmentScaler;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.PriceTable;
import dev.driftless.plan.ScheduleEvaluator;
import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.plan.ScheduleSavings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** What schedule/stop/start act on, resolved from the options before any AWS call, and the wiring they share. */
record ScalingTarget(DeploySpec spec, EnvironmentSpec env, List<ServiceView> services) {

    static ScalingTarget resolve(CommonOptions common, CommandContext ctx) {
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        List<ServiceView> services = List.copyOf(Specs.services(spec, env, common, ctx).values());
        return new ScalingTarget(spec, env, services);
    }

    EnvironmentScaler scaler(AwsClients aws) {
        return new EnvironmentScaler(reader(aws), new AppAutoScalingTargets(aws::autoScaling), new EcsServiceScaling(aws.ecs()));
    }

    static EcsLiveStateReader reader(AwsClients aws) {
        return new EcsLiveStateReader(aws.ecs(), aws::autoScaling);
    }

    ZoneId zone() {
        return env.scheduleIfAny().map(s -> s.timezone()).orElse(ZoneOffset.UTC);
    }

    Optional<Transition> next(Instant now) {
        return env.scheduleIfAny().flatMap(s -> new ScheduleEvaluator(s).nextTransition(now));
    }

    /** This month's savings from the schedule (the month {@code now} falls in, in the schedule's zone). */
    ScheduleSavings savings(Instant now) {
        // every service of the environment, not only --service ones: the schedule stops them all
        List<ServiceView> all = List.copyOf(spec.servicesIn(env.name()).values());
        return ScheduleSavings.of(spec, env, all, YearMonth.from(now.atZone(zone())), new CostModel(PriceTable.builtIn()));
    }
}
