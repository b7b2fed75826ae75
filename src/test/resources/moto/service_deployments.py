"""moto with ECS service deployments, for tests (moto answers 500 for these APIs).

Models what ECS documents for its own deployment strategies (ROLLING, BLUE_GREEN, CANARY, LINEAR):
every CreateService/UpdateService that starts a deployment gets a service-deployment record, and each
DescribeServiceDeployments of an unfinished one moves it one lifecycle stage on, in ECS's order:
RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT,
PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP, then SUCCESSFUL.
ListServiceDeployments filters by service, status and createdAt; StopServiceDeployment with ROLLBACK
moves to ROLLBACK_REQUESTED, then ROLLBACK_IN_PROGRESS, then ROLLBACK_SUCCESSFUL with the service back
on the source revision (ABORT ends STOPPED). Traffic weights follow the strategy: nothing on the new
revision before PRODUCTION_TRAFFIC_SHIFT, the canary or step share during it, all of it after.

The switch for an alarm firing during the bake: the file named by MOTO_SD_SWITCH holds an alarm name
(empty: no alarm). While it does, a deployment that reaches BAKE_TIME rolls back, naming that alarm
(alarms.triggeredAlarmNames, rollback.reason), and the service goes back to the source revision.

Rollouts (PRIMARY deployments on every update) come from the shared launcher, whose path is in
DRIFTLESS_ROLLOUTS_PY; its main() is not run.

Usage: DRIFTLESS_ROLLOUTS_PY=.../rollouts.py python3 service_deployments.py -H 127.0.0.1 -p PORT
"""
import os
import sys

rollouts = {"__name__": "rollouts"}
with open(os.environ["DRIFTLESS_ROLLOUTS_PY"]) as source:
    exec(compile(source.read(), "rollouts.py", "exec"), rollouts)

from moto.core.responses import ActionResult  # noqa: E402
from moto.core.utils import utcnow  # noqa: E402
from moto.ecs import models, responses  # noqa: E402
from moto.moto_api._internal import mock_random  # noqa: E402

STAGES = ["RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT",
          "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME",
          "CLEAN_UP"]
UNFINISHED = {"PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS"}
DEPLOYMENTS = []   # newest last; each a dict in DescribeServiceDeployments' shape plus private "_" keys


def _switch_alarm():
    path = os.environ.get("MOTO_SD_SWITCH")
    if not path or not os.path.exists(path):
        return None
    with open(path) as f:
        name = f.read().strip()
    return name or None


def _record(backend, service, source_td):
    """A new service deployment for an update of `service` from `source_td` to its task definition now."""
    now = utcnow()
    config = dict(service.deployment_configuration or {})
    strategy = config.get("strategy") or "ROLLING"
    cluster = service.cluster_arn
    name = service.name
    cluster_name = cluster.split("/")[-1]
    arn = (f"arn:aws:ecs:{backend.region_name}:{backend.account_id}:service-deployment/{cluster_name}/{name}/"
           f"{mock_random.uuid4().hex[:22]}")
    for d in DEPLOYMENTS:
        if d["serviceArn"] == service.arn and d["status"] in UNFINISHED:
            # ECS replaces an unfinished deployment with the new one
            d["status"] = "STOPPED"
            d["statusReason"] = "Superseded by a newer service deployment."
            d["finishedAt"] = now
    alarms = config.get("alarms") or {}
    DEPLOYMENTS.append({
        "serviceDeploymentArn": arn, "serviceArn": service.arn, "clusterArn": cluster,
        "createdAt": now, "startedAt": now, "updatedAt": now, "status": "PENDING",
        "deploymentConfiguration": config,
        "sourceServiceRevisions": [{"arn": f"{arn}/source", "requestedTaskCount": service.desired_count,
                                    "runningTaskCount": service.desired_count, "pendingTaskCount": 0,
                                    "requestedProductionTrafficWeight": 100.0}] if source_td else [],
        "targetServiceRevision": {"arn": f"{arn}/target", "requestedTaskCount": service.desired_count,
                                  "runningTaskCount": 0, "pendingTaskCount": 0,
                                  "requestedProductionTrafficWeight": 0.0},
        "alarms": {"status": "MONITORING" if alarms.get("enable") else "DISABLED",
                   "alarmNames": alarms.get("alarmNames", []), "triggeredAlarmNames": []},
        "deploymentCircuitBreaker": {"status": "MONITORING", "failureCount": 0, "threshold": 10},
        "_stage": -1, "_source_td": source_td, "_target_td": service.task_definition,
        "_backend": backend, "_service": service, "_strategy": strategy,
    })
    if strategy != "ROLLING" and service.deployments:
        # while ECS shifts and bakes, DescribeServices shows green IN_PROGRESS next to blue
        service.deployments[0]["rolloutState"] = "IN_PROGRESS"
        service.deployments[0]["rolloutStateReason"] = "ECS deployment in progress."
        if source_td:
            old = dict(service.deployments[0])
            old.update({"id": f"ecs-svc/{mock_random.randint(0, 32**12)}", "status": "ACTIVE",
                        "taskDefinition": source_td, "rolloutState": "COMPLETED"})
            service.deployments.append(old)


def _weight(d, stage):
    """The new revision's share of production traffic at a stage, as the strategy moves it."""
    if STAGES.index(stage) < STAGES.index("PRODUCTION_TRAFFIC_SHIFT"):
        return 0.0
    if stage == "PRODUCTION_TRAFFIC_SHIFT":
        config = d["deploymentConfiguration"]
        if d["_strategy"] == "CANARY":
            return float((config.get("canaryConfiguration") or {}).get("canaryPercent", 5.0))
        if d["_strategy"] == "LINEAR":
            return float((config.get("linearConfiguration") or {}).get("stepPercent", 10.0))
    return 100.0


def _back_to_source(d, reason):
    service = d["_service"]
    if d["_source_td"]:
        service.task_definition = d["_source_td"]
        rollouts["_new_primary"](service)
    d["status"] = "ROLLBACK_SUCCESSFUL"
    d["finishedAt"] = utcnow()
    d["rollback"] = {"reason": reason, "startedAt": d.get("_rollback_started", utcnow()),
                     "serviceRevisionArn": d["sourceServiceRevisions"][0]["arn"] if d["sourceServiceRevisions"] else None}
    d["targetServiceRevision"]["requestedProductionTrafficWeight"] = 0.0


def _step(d):
    """One poll's worth of progress for an unfinished deployment."""
    now = utcnow()
    d["updatedAt"] = now
    status = d["status"]
    if status == "ROLLBACK_REQUESTED":
        d["status"] = "ROLLBACK_IN_PROGRESS"
        d["_rollback_started"] = now
        return
    if status == "ROLLBACK_IN_PROGRESS":
        _back_to_source(d, d.get("_rollback_reason") or "Service deployment rolled back because of a stop request.")
        return
    if status == "STOP_REQUESTED":
        d["status"] = "STOPPED"
        d["finishedAt"] = now
        return
    if d["_stage"] >= 0 and STAGES[d["_stage"]] == "BAKE_TIME":
        alarm = _switch_alarm()
        if alarm:
            d["alarms"]["triggeredAlarmNames"] = [alarm]
            d["alarms"]["status"] = "TRIGGERED"
            d["status"] = "ROLLBACK_IN_PROGRESS"
            d["_rollback_started"] = now
            d["_rollback_reason"] = f"CloudWatch alarm {alarm} is in ALARM state."
            return
    if d["_stage"] + 1 >= len(STAGES):
        service = d["_service"]
        if service.deployments and service.deployments[0]["taskDefinition"] == d["_target_td"]:
            service.deployments = [service.deployments[0]]
            service.deployments[0]["rolloutState"] = "COMPLETED"
        d["status"] = "SUCCESSFUL"
        d["finishedAt"] = now
        d["lifecycleStage"] = "CLEAN_UP"
        if d["alarms"]["status"] == "MONITORING":
            d["alarms"]["status"] = "MONITORING_COMPLETE"
        return
    d["_stage"] += 1
    d["status"] = "IN_PROGRESS"
    stage = STAGES[d["_stage"]]
    d["lifecycleStage"] = stage
    green = _weight(d, stage)
    d["targetServiceRevision"]["requestedProductionTrafficWeight"] = green
    if stage == "SCALE_UP":
        d["targetServiceRevision"]["runningTaskCount"] = d["targetServiceRevision"]["requestedTaskCount"]
    for source in d["sourceServiceRevisions"]:
        source["requestedProductionTrafficWeight"] = 100.0 - green


def _public(d):
    return {k: v for k, v in d.items() if not k.startswith("_")}


_update = models.EC2ContainerServiceBackend.update_service


def update_service(self, props):
    cluster = props.get("cluster", "default")
    name = props.get("service", "").split("/")[-1]
    before = self._get_service(cluster, name).task_definition
    starts = bool(props.get("task_definition")) or props.get("force_new_deployment", False)
    service = _update(self, props)
    if starts:
        _record(self, service, before)
    return service


_create_response = responses.EC2ContainerServiceResponse.create_service


def create_service_response(self):
    result = _create_response(self)
    name = self._get_param("serviceName")
    cluster = self.ecs_backend._get_cluster(self._get_param("cluster", "default"))
    _record(self.ecs_backend, self.ecs_backend.services[f"{cluster.name}:{name}"], None)
    return result


def list_service_deployments(self):
    cluster = self._get_param("cluster", "default").split("/")[-1]
    service = self._get_param("service").split("/")[-1]
    statuses = self._get_param("status") or []
    after = (self._get_param("createdAt") or {}).get("after")
    found = []
    current = self.ecs_backend.services.get(f"{cluster}:{service}")
    for d in DEPLOYMENTS:
        if d["_service"] is not current:
            # a record of a service that was deleted or reset away
            continue
        if statuses and d["status"] not in statuses:
            continue
        if after is not None and d["createdAt"].timestamp() < _seconds(after):
            continue
        found.append({k: d[k] for k in ("serviceDeploymentArn", "serviceArn", "clusterArn", "createdAt", "startedAt",
                                        "status") if k in d} | {"targetServiceRevisionArn": d["targetServiceRevision"]["arn"]})
    return ActionResult({"serviceDeployments": list(reversed(found))})


def _seconds(value):
    return value.timestamp() if hasattr(value, "timestamp") else float(value)


def describe_service_deployments(self):
    arns = self._get_param("serviceDeploymentArns") or []
    found = []
    failures = []
    for arn in arns:
        d = next((x for x in DEPLOYMENTS if x["serviceDeploymentArn"] == arn), None)
        if d is None:
            failures.append({"arn": arn, "reason": "MISSING"})
            continue
        if d["status"] in UNFINISHED:
            _step(d)
        found.append(_public(d))
    return ActionResult({"serviceDeployments": found, "failures": failures})


def stop_service_deployment(self):
    arn = self._get_param("serviceDeploymentArn")
    stop_type = self._get_param("stopType") or "ABORT"
    d = next((x for x in DEPLOYMENTS if x["serviceDeploymentArn"] == arn), None)
    if d is None:
        from moto.ecs.exceptions import ServiceNotFoundException
        raise ServiceNotFoundException
    if d["status"] in ("PENDING", "IN_PROGRESS"):
        d["status"] = "ROLLBACK_REQUESTED" if stop_type == "ROLLBACK" else "STOP_REQUESTED"
        d["updatedAt"] = utcnow()
    return ActionResult({"serviceDeploymentArn": arn})


models.EC2ContainerServiceBackend.update_service = update_service
responses.EC2ContainerServiceResponse.create_service = create_service_response
responses.EC2ContainerServiceResponse.list_service_deployments = list_service_deployments
responses.EC2ContainerServiceResponse.describe_service_deployments = describe_service_deployments
responses.EC2ContainerServiceResponse.stop_service_deployment = stop_service_deployment

if __name__ == "__main__":
    from moto.server import main
    main(sys.argv[1:])
