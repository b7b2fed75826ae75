package dev.driftless.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds what goes beyond one container of a service: its sidecars, the container settings the main
 * container and sidecars share (start order, logging, mounts, hardening, {@code extra}), and the task
 * settings (runtime platform, storage, volumes, exec, task {@code extra}).
 */
final class ContainerBinder {
    private final Problems problems;
    private final ServiceBinder images;

    ContainerBinder(Problems problems, ServiceBinder images) {
        this.problems = problems;
        this.images = images;
    }

    Map<String, Sidecar> sidecars(MappingReader service) {
        return service.named("sidecars", "sidecar", (name, node, path) ->
                MappingReader.object(node, path, Shapes.SIDECAR, problems).map(s -> sidecar(name, s)).orElse(null));
    }

    private Sidecar sidecar(String name, MappingReader s) {
        SidecarImage image = s.require("image") ? sidecarImage(s) : null;
        Boolean essential = s.bool("essential");
        if (s.has("logOptions") && ContainerSettings.FIRELENS.equals(s.string("logging"))) {
            problems.error(s.child("logOptions"), "logOptions are awslogs options, but this sidecar's logging is firelens; "
                    + "remove logOptions, or use logging: awslogs");
        }
        return new Sidecar(name, image, Boolean.TRUE.equals(essential), s.integer("cpu"), s.integer("memory"),
                s.integer("memoryReservation"), s.integer("port"), s.stringMap("environment", "variable"),
                s.stringMap("secrets", "secret"), s.strings("command"), s.strings("entryPoint"),
                s.object("healthCheck", Shapes.HEALTH_CHECK).map(images::healthCheck).orElse(null),
                s.object("firelens", Shapes.FIRELENS).map(f -> new FireLens(f.requiredString("type"),
                        f.stringMap("options", "option"))).orElse(null),
                settings(s, "extra"), s.stringMap("logOptions", "log option"));
    }

    private SidecarImage sidecarImage(MappingReader s) {
        Node node = s.node("image");
        if (node instanceof MappingNode) {
            return s.object("image", Shapes.IMAGE).map(images::image).map(SidecarImage.Repository::new).orElse(null);
        }
        String uri = s.string("image");
        return uri == null ? null : new SidecarImage.Reference(uri);
    }

    /** The settings every container can have; {@code extraKey} is "containerExtra" on a service, "extra" on a sidecar. */
    ContainerSettings settings(MappingReader c, String extraKey) {
        List<ContainerDependency> dependsOn = c.list("dependsOn", (node, path) ->
                MappingReader.object(node, path, Shapes.DEPENDENCY, problems).map(d -> {
                    String container = d.requiredString("container");
                    String condition = d.string("condition");
                    return container == null ? null : new ContainerDependency(container,
                            condition == null ? ContainerDependency.START : condition);
                }).orElse(null));
        List<MountPoint> mounts = c.list("mountPoints", (node, path) ->
                MappingReader.object(node, path, Shapes.MOUNT_POINT, problems).map(m -> {
                    String volume = m.requiredString("sourceVolume");
                    String at = m.requiredString("containerPath");
                    return volume == null || at == null ? null
                            : new MountPoint(volume, at, Boolean.TRUE.equals(m.bool("readOnly")));
                }).orElse(null));
        List<Ulimit> ulimits = c.list("ulimits", (node, path) ->
                MappingReader.object(node, path, Shapes.ULIMIT, problems).map(u -> {
                    String name = u.requiredString("name");
                    Integer soft = u.require("softLimit") ? u.integer("softLimit") : null;
                    Integer hard = u.require("hardLimit") ? u.integer("hardLimit") : null;
                    return name == null || soft == null || hard == null ? null : new Ulimit(name, soft, hard);
                }).orElse(null));
        Boolean init = c.object("linuxParameters", Shapes.LINUX_PARAMETERS).map(l -> l.bool("initProcessEnabled"))
                .orElse(null);
        return new ContainerSettings(dependsOn, c.string("logging"), mounts, c.bool("readonlyRootFilesystem"),
                c.integer("stopTimeout"), c.string("user"), ulimits, init, extra(c, extraKey));
    }

    /** runtimePlatform (arm64/x86_64) as the architecture it sets; null when absent or wrong (reported). */
    String runtimePlatform(MappingReader s) {
        String text = s.string("runtimePlatform");
        if (text == null) {
            return null;
        }
        String arch = switch (text.toLowerCase(Locale.ROOT)) {
            case "arm64" -> ServiceSpec.ARM64;
            case "x86_64" -> ServiceSpec.X86_64;
            default -> null;
        };
        if (arch == null) {
            problems.error(s.child("runtimePlatform"), "runtimePlatform '" + text + "' is not one Fargate runs; use arm64 "
                    + "or x86_64" + DidYouMean.hint(text, List.of("arm64", "x86_64")));
        } else if (s.has("architecture")) {
            problems.error(s.child("runtimePlatform"), "runtimePlatform and architecture both set the CPU architecture; "
                    + "keep one (runtimePlatform: " + text + ")");
        }
        return arch;
    }

    TaskSettings task(MappingReader s) {
        Map<String, Volume> volumes = s.named("volumes", "volume", this::volume);
        Map<String, Object> extra = s.object("taskDefinition", Shapes.TASK_DEFINITION).map(t -> extra(t, "extra"))
                .orElse(null);
        return new TaskSettings(s.integer("ephemeralStorage"), volumes,
                Boolean.TRUE.equals(s.bool("enableExecuteCommand")), extra);
    }

    private Volume volume(String name, Node node, String path) {
        if (Scalars.isNull(node)) {
            problems.locations().put(path, MappingReader.position(node));
            return new Volume.Bind(name);
        }
        return MappingReader.object(node, path, Shapes.VOLUME, problems).map(v -> v.object("efs", Shapes.EFS)
                .map(e -> (Volume) new Volume.Efs(name, e.requiredString("fileSystemId"), e.string("rootDirectory"),
                        e.string("accessPointId"), Boolean.TRUE.equals(e.bool("transitEncryption")),
                        Boolean.TRUE.equals(e.bool("iam"))))
                .orElse(new Volume.Bind(name))).orElse(null);
    }

    private Map<String, Object> extra(MappingReader m, String key) {
        return MappingReader.names(m.node(key), m.child(key), "field", problems).map(x -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : x.keys()) {
                out.put(k, RawValues.of(x.node(k)));
            }
            return out;
        }).orElse(null);
    }
}
