"""moto with ECS rollouts: every create/update that sets a task definition gets a new PRIMARY deployment
that is COMPLETED at once (running = desired), the way a healthy ECS rollout ends. Plain moto keeps the
first deployment forever and drops capacityProviderStrategy/deploymentConfiguration on create.

Usage: python3 rollouts.py -H 127.0.0.1 -p PORT   (arguments as for moto.server)
"""
import sys

from moto.core.utils import utcnow
from moto.ecs import models, responses
from moto.moto_api._internal import mock_random


def _new_primary(service):
    now = utcnow()
    deployment_id = f"ecs-svc/{mock_random.randint(0, 32**12)}"
    service.running_count = service.desired_count
    service.pending_count = 0
    service.deployments = [{
        "createdAt": now, "updatedAt": now, "id": deployment_id, "status": "PRIMARY",
        "taskDefinition": service.task_definition, "desiredCount": service.desired_count,
        "runningCount": service.desired_count, "pendingCount": 0, "failedTasks": 0,
        "launchType": service.launch_type, "rolloutState": "COMPLETED",
        "rolloutStateReason": f"ECS deployment {deployment_id} completed.",
    }]
    service.events.insert(0, {"id": str(mock_random.uuid4()), "createdAt": now,
                              "message": f"(service {service.name}) has reached a steady state."})


_create = models.EC2ContainerServiceBackend.create_service


def create_service(self, cluster_str, service_name, desired_count, task_definition_str=None, *args, **kwargs):
    service = _create(self, cluster_str, service_name, desired_count, task_definition_str, *args, **kwargs)
    if task_definition_str:
        service.task_definition = self.describe_task_definition(task_definition_str).arn
    _new_primary(service)
    return service


_update = models.EC2ContainerServiceBackend.update_service


def update_service(self, props):
    task_definition_str = props.get("task_definition")
    force = props.get("force_new_deployment", False)
    service = _update(self, props)
    if task_definition_str:
        service.task_definition = self.describe_task_definition(task_definition_str).arn
    if task_definition_str or force:
        _new_primary(service)
    else:
        for d in service.deployments:
            d["desiredCount"] = service.desired_count
            d["runningCount"] = service.desired_count
    return service


_create_response = responses.EC2ContainerServiceResponse.create_service


def create_service_response(self):
    result = _create_response(self)
    # keep what plain moto drops on create (update-service keeps them already)
    name = self._get_param("serviceName")
    cluster = self.ecs_backend._get_cluster(self._get_param("cluster", "default"))
    service = self.ecs_backend.services[f"{cluster.name}:{name}"]
    for param, attr in (("capacityProviderStrategy", "capacity_provider_strategy"),
                        ("deploymentConfiguration", "deployment_configuration"),
                        ("enableECSManagedTags", "enable_ecs_managed_tags")):
        value = self._get_param(param)
        if value is not None:
            setattr(service, attr, value)
    return result


models.EC2ContainerServiceBackend.create_service = create_service
models.EC2ContainerServiceBackend.update_service = update_service
responses.EC2ContainerServiceResponse.create_service = create_service_response

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
