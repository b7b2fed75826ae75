"""moto with the project's rollouts (rollouts.py beside this file) plus a Fargate Spot capacity shortage: for the
services named in MOTO_SPOT_SHORT_SERVICES (comma-separated), every deployment made while the service's capacity
provider strategy places tasks on FARGATE_SPOT stays IN_PROGRESS with no task running, and the service gets the event
ECS writes when it cannot find capacity ("(service web) was unable to place a task. Reason: Capacity is unavailable at
this time. ..."). A deployment on FARGATE alone rolls out as rollouts.py does. Test-only.

Usage: python3 spot_shortage.py -H 127.0.0.1 -p PORT
"""
import importlib.util
import os
import sys

spec = importlib.util.spec_from_file_location("rollouts", os.path.join(os.path.dirname(__file__), "rollouts.py"))
rollouts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rollouts)

from moto.core.utils import utcnow
from moto.ecs import models, responses
from moto.moto_api._internal import mock_random

SHORT = {s for s in os.environ.get("MOTO_SPOT_SHORT_SERVICES", "").split(",") if s}


def _on_spot(service):
    for item in getattr(service, "capacity_provider_strategy", None) or []:
        if item.get("capacityProvider") == "FARGATE_SPOT" and (int(item.get("weight", 0) or 0) > 0
                                                                or int(item.get("base", 0) or 0) > 0):
            return True
    return False


def _short(service):
    """The newest deployment cannot place its tasks: nothing runs, and ECS says why."""
    if service.name not in SHORT or not _on_spot(service) or not service.deployments:
        return
    primary = service.deployments[0]
    primary.update({"runningCount": 0, "pendingCount": 0, "rolloutState": "IN_PROGRESS",
                    "rolloutStateReason": "ECS deployment " + primary["id"] + " in progress."})
    service.running_count = 0
    service.events = [e for e in service.events if "steady state" not in e["message"]]
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": utcnow(),
                              "message": f"(service {service.name}) was unable to place a task. Reason: Capacity is "
                                         "unavailable at this time. Please try again later or in a different "
                                         "availability zone. For more information, see the Troubleshooting section "
                                         "of the Amazon ECS Developer Guide."})


_update = models.EC2ContainerServiceBackend.update_service  # rollouts.py's


def update_service(self, props):
    service = _update(self, props)
    _short(service)
    return service


_create_response = responses.EC2ContainerServiceResponse.create_service  # rollouts.py's


def create_service_response(self):
    result = _create_response(self)
    name = self._get_param("serviceName")
    cluster = self.ecs_backend._get_cluster(self._get_param("cluster", "default"))
    _short(self.ecs_backend.services[f"{cluster.name}:{name}"])
    return result


models.EC2ContainerServiceBackend.update_service = update_service
responses.EC2ContainerServiceResponse.create_service = create_service_response

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
