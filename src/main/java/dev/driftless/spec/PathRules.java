package dev.driftless.spec;

/** Every path a spec names stays inside the repository: tracker file, build context and dockerfile. */
final class PathRules implements SpecRule {
    @Override
    public void check(DeploySpec spec, Problems problems) {
        if (spec.tracker() != null && spec.tracker().path() != null) {
            RepositoryPath.problem(spec.tracker().path()).ifPresent(why ->
                    problems.error("tracker.path", "tracker path '" + spec.tracker().path() + "' " + why));
        }
        spec.services().forEach((name, s) -> {
            if (s.image() == null || s.image().build() == null) {
                return;
            }
            String path = "services." + name + ".image.build";
            ImageSpec.BuildSpec build = s.image().build();
            RepositoryPath.problem(build.context()).ifPresent(why ->
                    problems.error(path + ".context", "build context '" + build.context() + "' " + why));
            RepositoryPath.problem(build.dockerfile()).ifPresent(why ->
                    problems.error(path + ".dockerfile", "dockerfile '" + build.dockerfile() + "' " + why));
        });
    }
}
