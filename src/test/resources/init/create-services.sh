#!/usr/bin/env bash
# Creates the eight services of cluster shop-prod with the aws CLI, the way their teams did: one
# register-task-definition per file in live/, then create-service (some with launchType FARGATE, some with a
# capacity provider strategy), one autoscaled service. Runs against AWS_ENDPOINT_URL (moto in the tests).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export AWS_DEFAULT_REGION="${AWS_REGION:-us-west-2}" AWS_PAGER=""

vpc=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId --output text)
subnet=$(aws ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.1.0/24 --query Subnet.SubnetId --output text)
sg=$(aws ec2 create-security-group --group-name shop --description shop --vpc-id "$vpc" --query GroupId --output text)
aws ecs create-cluster --cluster-name shop-prod --capacity-providers FARGATE FARGATE_SPOT >/dev/null

network="awsvpcConfiguration={subnets=[$subnet],securityGroups=[$sg],assignPublicIp=DISABLED}"
breaker="deploymentCircuitBreaker={enable=true,rollback=true},maximumPercent=200,minimumHealthyPercent=100"
tags="key=team,value=shop key=cost-center,value=retail"

for service in web api worker files gateway collector admin jobs; do
  arn=$(aws ecs register-task-definition --cli-input-json "file://$here/live/$service.json" \
        --query taskDefinition.taskDefinitionArn --output text)
  placement=(--launch-type FARGATE)
  case "$service" in
    api|files|jobs) placement=(--capacity-provider-strategy capacityProvider=FARGATE,weight=1,base=0) ;;
  esac
  extra=()
  [ "$service" = web ] && extra=(--load-balancers "targetGroupArn=arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/shop-web/0123456789abcdef,containerName=web,containerPort=80")
  count=2
  [ "$service" = jobs ] && count=1
  # shellcheck disable=SC2086
  aws ecs create-service --cluster shop-prod --service-name "$service" --task-definition "$arn" \
    --desired-count "$count" "${placement[@]}" --network-configuration "$network" \
    --deployment-configuration "$breaker" --propagate-tags SERVICE --tags $tags "${extra[@]}" >/dev/null
done

aws application-autoscaling register-scalable-target --service-namespace ecs --resource-id service/shop-prod/api \
  --scalable-dimension ecs:service:DesiredCount --min-capacity 2 --max-capacity 6 >/dev/null
for metric in CPU:60 Memory:75; do
  aws application-autoscaling put-scaling-policy --service-namespace ecs --resource-id service/shop-prod/api \
    --scalable-dimension ecs:service:DesiredCount --policy-name "api-${metric%%:*}" --policy-type TargetTrackingScaling \
    --target-tracking-scaling-policy-configuration \
    "{\"TargetValue\": ${metric##*:}, \"PredefinedMetricSpecification\": {\"PredefinedMetricType\": \"ECSServiceAverage${metric%%:*}Utilization\"}}" >/dev/null
done
echo "$subnet $sg"
