"""Startup bench (see startup-bench.sh). Every figure is the median of several runs of a whole process, from
/usr/bin/time -v: wall time, CPU time (user+sys), peak RSS; classes loaded come from one extra run with
-Xlog:class+load. The deploy is an image change of one existing service (the steady state of a push).

Part 1, the matrix: --version, validate and the deploy, on JDK 17 and JDK 25, without and with the class-data
archive action/prepare.sh makes (JDK 25: AOT cache; JDK 17 has none).
Part 2, paired: the same deploy through action/run.sh (JDK 25 and its AOT cache, as action.yml runs it) and
the Node action, alternating which goes first, each on its own service of the same moto cluster.
"""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "driftless.jar")
LAUNCHER = os.path.join(ROOT, "src", "main", "resources", "moto", "rollouts.py")
JDK17 = os.environ.get("JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64")
JDK25 = os.environ.get("JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
NODE_ACTION = os.environ.get("ECS_DEPLOY_ACTION_DIR", "")
RUNS = int(os.environ.get("RUNS", "5"))
PAIRS = int(os.environ.get("PAIRS", "9"))
# what action/jvm.sh gives every run
FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=10", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xss1m",
         "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(cmd, env):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, capture_output=True, text=True)
    t = p.stderr
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout}\n{t}")
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
    wall_s = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu_s = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + \
        float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    return wall_s, cpu_s, rss


def release_version(home):
    with open(os.path.join(home, "release")) as f:
        return re.search(r'JAVA_VERSION="([^"]+)"', f.read()).group(1)


def main():
    work = tempfile.mkdtemp(prefix="driftless-startup-")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    moto = subprocess.Popen([sys.executable, LAUNCHER, "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/")
                break
            except OSError:
                time.sleep(0.2)
        run(work, endpoint)
    finally:
        moto.terminate()
        moto.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def run(work, endpoint):
    kw = dict(endpoint_url=endpoint, region_name="us-west-2", aws_access_key_id="testing", aws_secret_access_key="testing")
    ec2 = boto3.client("ec2", **kw)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    sg = ec2.create_security_group(GroupName="bench", Description="bench", VpcId=vpc)["GroupId"]
    ecs = boto3.client("ecs", **kw)
    ecs.create_cluster(clusterName="bench-dev", capacityProviders=["FARGATE", "FARGATE_SPOT"])
    spec = os.path.join(work, "bench.yaml")
    with open(spec, "w") as f:
        f.write(f"""apiVersion: driftless/v1
kind: Application
name: bench
account: "123456789012"
region: us-west-2
tags: {{ Project: bench }}
environments:
  dev:
    cluster: bench-dev
    capacity: spot
    network: {{ subnets: [{subnet}], securityGroups: [{sg}], publicIp: false }}
services:
  web:
    image: {{ repository: bench-web }}
    cpu: 256
    memory: 512
    port: 8080
    environment: {{ LOG_LEVEL: info }}
    desiredCount: 1
""")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_", "JAVA_TOOL", "JDK_JAVA"))}
    env.update(AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_REGION="us-west-2", GITHUB_ACTIONS="true", RUNNER_TEMP=work,
               GITHUB_OUTPUT=os.path.join(work, "output"), GITHUB_STEP_SUMMARY=os.path.join(work, "summary.md"))
    counter = [0]

    def deploy_args():
        counter[0] += 1
        return ["deploy", "--specs", spec, "--env", "dev", "--service", "web", "--image-tag", f"v{counter[0]}"]

    # the AOT cache, made once by prepare.sh as action.yml does
    cache_dir = os.path.join(work, "cache")
    out = os.path.join(work, "prepare-output")
    open(out, "w").close()
    p = subprocess.run(["bash", os.path.join(ROOT, "action", "prepare.sh")], capture_output=True, text=True,
                       env=dict(env, DRIFTLESS_JAR=JAR, DRIFTLESS_JAVA=os.path.join(JDK25, "bin", "java"),
                                DRIFTLESS_CACHE_DIR=cache_dir, GITHUB_OUTPUT=out))
    archive = dict(l.split("=", 1) for l in open(out).read().splitlines() if "=" in l).get("archive", "")
    print(f"prepare.sh: {p.stdout.strip()} {p.stderr.strip()}")
    subprocess.run(["java", "-jar", JAR] + deploy_args(), env=env, check=True, capture_output=True)  # creates web

    commands = [("--version", lambda: ["--version"]), ("validate", lambda: ["validate", "--specs", spec]),
                ("deploy (1 service)", deploy_args)]
    jvms = [("17 " + release_version(JDK17), JDK17, None), ("25 " + release_version(JDK25), JDK25, None),
            ("25 " + release_version(JDK25) + " +AOT", JDK25, archive)]
    print(f"\nPart 1: median of {RUNS} runs each (cpu = user+sys)")
    print(f"{'command':<20} {'JVM':<18} {'wall s':>7} {'cpu s':>7} {'RSS MiB':>8} {'classes':>8}")
    for name, args in commands:
        for label, home, aot in jvms:
            if aot is not None and not aot:
                print(f"{name:<20} {label:<18} {'(no archive)':>34}")
                continue
            java = [os.path.join(home, "bin", "java")] + FLAGS + ([f"-XX:AOTCache={aot}"] if aot else [])
            results = [timed(java + ["-jar", JAR] + args(), env) for _ in range(RUNS)]
            log = os.path.join(work, "classes.log")
            subprocess.run(java + [f"-Xlog:class+load=info:file={log}", "-jar", JAR] + args(), env=env,
                           check=True, capture_output=True)
            classes = sum(1 for _ in open(log))
            med = [statistics.median(r[i] for r in results) for i in range(3)]
            print(f"{name:<20} {label:<18} {med[0]:>7.2f} {med[1]:>7.2f} {med[2]:>8.0f} {classes:>8}")
    if not NODE_ACTION or not os.path.isfile(os.path.join(NODE_ACTION, "dist", "index.js")):
        print("\nPart 2 skipped: set ECS_DEPLOY_ACTION_DIR to a checkout of aws-actions/amazon-ecs-deploy-task-definition"
              " with dist/ (outside this repository)")
        return
    paired(work, env, ecs, subnet, sg, deploy_args, archive)


def paired(work, env, ecs, subnet, sg, deploy_args, archive):
    td = {"family": "bench-node", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256",
          "memory": "512", "containerDefinitions": [{"name": "node", "image": "bench-node:0", "essential": True,
                                                     "portMappings": [{"containerPort": 8080, "protocol": "tcp"}]}]}
    arn = ecs.register_task_definition(**td)["taskDefinition"]["taskDefinitionArn"]
    ecs.create_service(cluster="bench-dev", serviceName="node", taskDefinition=arn, desiredCount=1,
                       capacityProviderStrategy=[{"capacityProvider": "FARGATE_SPOT", "weight": 1}],
                       networkConfiguration={"awsvpcConfiguration": {"subnets": [subnet], "securityGroups": [sg]}})
    java = os.path.join(JDK25, "bin", "java")
    node_version = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    java_runs, node_runs = [], []
    for i in range(PAIRS):
        td["containerDefinitions"][0]["image"] = f"bench-node:{i + 1}"
        td_file = os.path.join(work, "task-definition.json")
        with open(td_file, "w") as f:
            json.dump(td, f)
        args = deploy_args()
        driftless_env = dict(env, DRIFTLESS_JAR=JAR, DRIFTLESS_JAVA=java, DRIFTLESS_ARCHIVE=archive,
                             INPUT_COMMAND="deploy", INPUT_SPECS=args[2], INPUT_ENVIRONMENT="dev", INPUT_SERVICES="web",
                             INPUT_IMAGE_TAG=args[-1])
        node_env = dict(env, GITHUB_WORKSPACE=work, **{"INPUT_TASK-DEFINITION": td_file, "INPUT_SERVICE": "node",
                                                       "INPUT_CLUSTER": "bench-dev",
                                                       "INPUT_WAIT-FOR-SERVICE-STABILITY": "true"})
        one = lambda: java_runs.append(timed(["bash", os.path.join(ROOT, "action", "run.sh")], driftless_env))
        two = lambda: node_runs.append(timed(["node", os.path.join(NODE_ACTION, "dist", "index.js")], node_env))
        for step in ((one, two) if i % 2 == 0 else (two, one)):
            step()
    print(f"\nPart 2: one-service image deploy, {PAIRS} paired runs (order alternating), medians")
    print(f"{'':<44} {'wall s':>7} {'cpu s':>7} {'RSS MiB':>8}")
    jm = [statistics.median(r[i] for r in java_runs) for i in range(3)]
    nm = [statistics.median(r[i] for r in node_runs) for i in range(3)]
    print(f"{'action/run.sh, JDK 25 + AOT cache':<44} {jm[0]:>7.2f} {jm[1]:>7.2f} {jm[2]:>8.0f}")
    print(f"{'Node action ' + node_version:<44} {nm[0]:>7.2f} {nm[1]:>7.2f} {nm[2]:>8.0f}")
    print(f"{'ratio driftless / Node':<44} {jm[0] / nm[0]:>6.2f}x {jm[1] / nm[1]:>6.2f}x {jm[2] / nm[2]:>7.2f}x")
    ratios = [j[1] / n[1] for j, n in zip(java_runs, node_runs)]
    print(f"per-pair CPU ratios: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(f"per-pair wall ratios: {', '.join(f'{j[0] / n[0]:.2f}' for j, n in zip(java_runs, node_runs))}")


if __name__ == "__main__":
    main()
