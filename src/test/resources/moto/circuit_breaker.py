"""moto with the project's rollouts (rollouts.py beside this file) plus an ECS circuit breaker that trips
inside UpdateService: for the services named in MOTO_CIRCUIT_BREAKER_SERVICES (comma-separated), an update to a
new task definition fails at once the way ECS reports a fast failure - the new deployment's rolloutState is
FAILED ("tasks failed to start"), ECS rolls back to the previous task definition (a new PRIMARY deployment,
COMPLETED), and the service events say so, all written before UpdateService answers, so they predate any clock
the caller reads afterwards. Test-only.

Usage: python3 circuit_breaker.py -H 127.0.0.1 -p PORT
"""
import importlib.util
import os
import sys
from datetime import timedelta

spec = importlib.util.spec_from_file_location("rollouts", os.path.join(os.path.dirname(__file__), "rollouts.py"))
rollouts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rollouts)

from moto.core.utils import utcnow
from moto.ecs import models
from moto.moto_api._internal import mock_random

FAILING = {s for s in os.environ.get("MOTO_CIRCUIT_BREAKER_SERVICES", "").split(",") if s}

_update = models.EC2ContainerServiceBackend.update_service  # rollouts.py's


def update_service(self, props):
    name = props.get("service")
    cluster = props.get("cluster", "default")
    before = None
    existing = self.services.get(f"{cluster.split('/')[-1]}:{name}")
    if existing is not None:
        before = existing.task_definition
    asked = props.get("task_definition")
    started = utcnow()
    service = _update(self, props)
    if name not in FAILING or not asked or before is None or service.task_definition == before:
        return service
    now = utcnow()
    failed_id = f"ecs-svc/{mock_random.randint(0, 32**12)}"
    back_id = f"ecs-svc/{mock_random.randint(0, 32**12)}"
    failed_td = service.task_definition
    service.task_definition = before
    service.deployments = [
        {"createdAt": now, "updatedAt": now, "id": back_id, "status": "PRIMARY", "taskDefinition": before,
         "desiredCount": service.desired_count, "runningCount": service.desired_count, "pendingCount": 0,
         "failedTasks": 0, "launchType": service.launch_type, "rolloutState": "COMPLETED",
         "rolloutStateReason": f"ECS deployment {back_id} completed."},
        {"createdAt": now, "updatedAt": now, "id": failed_id, "status": "ACTIVE", "taskDefinition": failed_td,
         "desiredCount": 0, "runningCount": 0, "pendingCount": 0, "failedTasks": 3,
         "launchType": service.launch_type, "rolloutState": "FAILED",
         "rolloutStateReason": "ECS deployment circuit breaker: tasks failed to start."},
    ]
    # newest first, as ECS lists them; the steady-state event rollouts.py wrote for the failed deployment goes
    service.events = [e for e in service.events if "steady state" not in e["message"] or e["createdAt"] < started]
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": now + timedelta(milliseconds=1),
                              "message": f"(service {name}) (deployment {failed_id}) deployment failed: tasks failed to start."})
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": now + timedelta(milliseconds=2),
                              "message": f"(service {name}) rolling back to deployment {back_id}."})
    return service


models.EC2ContainerServiceBackend.update_service = update_service

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
