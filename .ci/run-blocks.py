#!/usr/bin/env python3
"""Writes every `run:` block of the workflows and action.yml to its own bash file, for shellcheck.

Expressions (${{ ... }}) are replaced by a plain word: the runner substitutes them before bash sees
the script, and the workflows pass anything user-controlled through `env:` instead.
"""
import pathlib
import re
import sys

import yaml

EXPRESSION = re.compile(r"\$\{\{.*?\}\}", re.S)


def steps_of(document):
    if "runs" in document:  # action.yml
        yield from document["runs"].get("steps", []) or []
    for job in (document.get("jobs") or {}).values():
        yield from job.get("steps", []) or []


def main(out_dir, files):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for name in files:
        document = yaml.safe_load(pathlib.Path(name).read_text()) or {}
        for index, step in enumerate(steps_of(document)):
            script = step.get("run")
            if not script or step.get("shell", "bash") not in ("bash", "sh"):
                continue
            target = out / f"{pathlib.Path(name).stem}-{index:02d}.sh"
            target.write_text(f"#!/usr/bin/env bash\n# {name}: step {index} ({step.get('name', '')})\n"
                              + EXPRESSION.sub("EXPRESSION", script) + "\n")
            count += 1
    print(f"extracted {count} run: blocks into {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
