"""moto with one-off Fargate tasks that end the way ECS ends them (test-only).

Plain moto fails RunTask on Fargate definitions (it sums container memory, which Fargate definitions may
leave out, and reads an ENI DNS name it lacks), and its tasks always exit 0 with no stoppedReason. This
launcher fixes both and models ECS's documented ending of a task whose essential container exits: the
task reports RUNNING once, then STOPPED with the container's exit code and the stoppedReason "Essential
container in task exited"; the container's awslogs stream (<prefix>/<container>/<task id>) gets what it
printed. The outcome is read from the command override, so a test says what the task does:
  "... exit N"        → exits N after printing its command and "exit N"
  "... sleep infinity" → never stops by itself (only StopTask ends it)
When ROLLOUTS_PY names a copy of rollouts.py, its service rollout patches are applied too.

Usage: python3 tasks.py -H 127.0.0.1 -p PORT   (arguments as for moto.server)
"""
import inspect
import os
import re
import sys

if os.environ.get("ROLLOUTS_PY"):
    with open(os.environ["ROLLOUTS_PY"]) as f:
        exec(compile(f.read(), "rollouts.py", "exec"), {"__name__": "rollouts"})

from moto.core.utils import unix_time_millis, utcnow
from moto.ec2.models.elastic_network_interfaces import NetworkInterface
from moto.ecs import models
from moto.logs.models import logs_backends

if not hasattr(NetworkInterface, "private_dns_name"):
    NetworkInterface.private_dns_name = property(
        lambda self: "ip-" + str(self.private_ip_address).replace(".", "-") + ".ec2.internal")

_requirements = models.EC2ContainerServiceBackend._calculate_task_resource_requirements


def _fargate_requirements(task_definition):
    try:
        return _requirements(task_definition)
    except (TypeError, KeyError):
        # Fargate sizes the task, not its containers
        return {"CPU": int(task_definition.cpu or 0), "MEMORY": int(task_definition.memory or 0),
                "PORTS": [], "PORTS_UDP": []}


models.EC2ContainerServiceBackend._calculate_task_resource_requirements = staticmethod(_fargate_requirements)

_run = models.EC2ContainerServiceBackend.run_task


def _command(task):
    for override in (task.overrides or {}).get("containerOverrides", []):
        if override.get("command"):
            return " ".join(override["command"])
    return ""


_run_signature = inspect.signature(_run)


def run_task(self, *args, **kwargs):
    bound = _run_signature.bind(self, *args, **kwargs)
    if not bound.arguments.get("launch_type"):
        # a capacity provider strategy of FARGATE/FARGATE_SPOT runs on Fargate; moto only knows launchType
        bound.arguments["launch_type"] = "FARGATE"
    tasks = _run(*bound.args, **bound.kwargs)
    for task in tasks:
        command = _command(task)
        match = re.search(r"exit (\d+)", command)
        task.driftless_exit = int(match.group(1)) if match else (None if "sleep infinity" in command else 0)
        task.driftless_polls = 0
        task.driftless_command = command
        task.driftless_definition = self.describe_task_definition(task.task_definition_arn)
    return tasks


_describe = models.EC2ContainerServiceBackend.describe_tasks


def _write_logs(backend, task):
    definition = task.driftless_definition
    main = definition.container_definitions[0]
    options = (main.get("logConfiguration") or {}).get("options") or {}
    group = options.get("awslogs-group")
    if not group:
        return
    stream = "/".join(p for p in (options.get("awslogs-stream-prefix"), main["name"], task.id) if p)
    logs = logs_backends[backend.account_id][backend.region_name]
    if group not in logs.groups:
        logs.create_log_group(group, {})
    if stream not in logs.groups[group].streams:
        logs.create_log_stream(group, stream)
    now = int(unix_time_millis(utcnow()))
    lines = [f"$ {task.driftless_command}", "working…", f"exit {task.driftless_exit}"]
    logs.put_log_events(group, stream, [{"timestamp": now + i, "message": m} for i, m in enumerate(lines)])


def _hold(task, status):
    # moto's managed state moves on when read after a DescribeTasks tick; this lifecycle is the launcher's
    task.status = status
    task._tick = 0


def describe_tasks(self, cluster_str, tasks):
    found = _describe(self, cluster_str, tasks)
    for task in found:
        if not hasattr(task, "driftless_exit"):
            continue
        if task.desired_status == "STOPPED" or task.driftless_exit is None:
            # stopped by StopTask, or never stops: hold the state StopTask or RunTask left
            _hold(task, "STOPPED" if task.desired_status == "STOPPED" else "RUNNING")
            continue
        task.driftless_polls += 1
        if task.driftless_polls < 2:
            _hold(task, "RUNNING")
            continue
        if task.driftless_polls == 2:
            _hold(task, "STOPPED")
            task.desired_status = "STOPPED"
            task.stopped_reason = "Essential container in task exited"
            for container in task.containers:
                container.exitCode = task.driftless_exit
                container.last_status = "STOPPED"
            _write_logs(self, task)
        else:
            _hold(task, "STOPPED")
    return found


models.EC2ContainerServiceBackend.run_task = run_task
models.EC2ContainerServiceBackend.describe_tasks = describe_tasks

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
