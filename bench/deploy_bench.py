"""Deploys 1 and 20 services with the driftless jar against moto and prints, per run, the whole process's
wall time, CPU time (user+sys) and peak RSS (from /usr/bin/time -v) and the AWS calls it made (from moto's
request recorder). Each size runs four deploys: the first creates the services (v1), the next two change
every service's image (v2, v3: the happy path of a push, once after a create and once in the steady state),
the last repeats v3 (nothing changed: no revision, no UpdateService).

Usage: bench/deploy-bench.sh   (builds target/driftless.jar when missing)
"""
import base64
import collections
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import boto3

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "target", "driftless.jar")
LAUNCHER = os.path.join(ROOT, "src", "main", "resources", "moto", "rollouts.py")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(endpoint, path):
    req = urllib.request.Request(endpoint + path, data=b"", method="POST")
    return urllib.request.urlopen(req).read()


def spec(n, subnet, sg):
    services = "\n".join(
        f"""  svc{i:02d}:
    image: {{ repository: bench-svc{i:02d} }}
    cpu: 256
    memory: 512
    port: 8080
    environment: {{ LOG_LEVEL: info }}
    desiredCount: 1""" for i in range(1, n + 1))
    return f"""apiVersion: driftless/v1
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
{services}
"""


def run_deploy(endpoint, spec_file, tag, recording):
    env = dict(os.environ, AWS_ENDPOINT_URL=endpoint, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_REGION="us-west-2")
    for k in [k for k in env if k.startswith("GITHUB_") or k.startswith("INPUT_")]:
        del env[k]
    open(recording, "w").close()
    post(endpoint, "/moto-api/recorder/start-recording")
    p = subprocess.run(["/usr/bin/time", "-v", "java", "-jar", JAR, "deploy", "--specs", spec_file, "--env", "dev",
                        "--image-tag", tag], env=env, capture_output=True, text=True)
    post(endpoint, "/moto-api/recorder/stop-recording")
    if p.returncode != 0:
        sys.exit(f"deploy failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    t = p.stderr
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
    wall_s = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3)))
    cpu_s = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + \
        float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
    rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    calls = collections.Counter()
    with open(recording) as f:
        for line in f:
            entry = json.loads(line)
            target = entry["headers"].get("X-Amz-Target")
            if target:
                calls[target.split(".")[-1]] += 1
            else:
                body = entry.get("body") or ""
                if entry.get("body_encoded"):
                    body = base64.b64decode(body).decode("utf-8", "replace")
                m = re.search(r"Action=(\w+)", body)
                calls[m.group(1) if m else entry["url"]] += 1
    return wall_s, cpu_s, rss_mb, calls


def main():
    if not os.path.exists(JAR):
        sys.exit(f"no {JAR}; run: mvn -q -B package -DskipTests")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    work = tempfile.mkdtemp(prefix="driftless-bench-")
    recording = os.path.join(work, "recording.jsonl")
    moto = subprocess.Popen([sys.executable, LAUNCHER, "-H", "127.0.0.1", "-p", str(port)],
                            env=dict(os.environ, MOTO_RECORDER_FILEPATH=recording),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(endpoint + "/moto-api/")
                break
            except OSError:
                time.sleep(0.2)
        print(f"driftless deploy against moto (rollouts launcher), java {subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}")
        print(f"{'services':>8} {'run':<20} {'wall s':>7} {'cpu s':>7} {'peak RSS MB':>12}  AWS calls")
        for n in (1, 20):
            post(endpoint, "/moto-api/reset")
            kw = dict(endpoint_url=endpoint, region_name="us-west-2", aws_access_key_id="testing",
                      aws_secret_access_key="testing")
            ec2 = boto3.client("ec2", **kw)
            vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
            sg = ec2.create_security_group(GroupName="bench", Description="bench", VpcId=vpc)["GroupId"]
            boto3.client("ecs", **kw).create_cluster(clusterName="bench-dev", capacityProviders=["FARGATE", "FARGATE_SPOT"])
            spec_file = os.path.join(work, f"bench-{n}.yaml")
            with open(spec_file, "w") as f:
                f.write(spec(n, subnet, sg))
            for label, tag in (("create (v1)", "v1"), ("image change (v2)", "v2"), ("image change (v3)", "v3"),
                               ("nothing changed (v3)", "v3")):
                wall, cpu, rss, calls = run_deploy(endpoint, spec_file, tag, recording)
                listed = ", ".join(f"{k} {v}" for k, v in sorted(calls.items()))
                print(f"{n:>8} {label:<20} {wall:>7.2f} {cpu:>7.2f} {rss:>12.0f}  {sum(calls.values())} = {listed}")
    finally:
        moto.terminate()
        moto.wait(10)


if __name__ == "__main__":
    main()
