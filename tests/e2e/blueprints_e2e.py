#!/usr/bin/env python3
"""End-to-end: Kanister blueprints from examples/ run by `kanon run` on the embedded cluster
against real PostgreSQL, MariaDB and Redis servers (started as StatefulSet pods of that cluster):
backup, destroy, restore --from, verify, delete; and a failing phase whose defer phase still runs.

Usage: blueprints_e2e.py --bin BUILD/bin {postgres|mariadb|redis|failure}
Each case uses its own state directory, object directory and port, and stops its servers on
every path.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class Failure(Exception):
    pass


class Env:
    def __init__(self, bin_dir, name):
        self.bin = bin_dir
        self.dir = tempfile.mkdtemp(prefix="kanon-e2e-%s-" % name)
        os.chmod(self.dir, 0o755)
        self.state = os.path.join(self.dir, "state")
        self.objects = os.path.join(self.dir, "objects")
        os.makedirs(self.objects)
        self.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])

    def kanon(self, *args, check=True, timeout=300):
        cmd = [os.path.join(self.bin, "kanon"), "--local", self.state] + list(args)
        p = subprocess.run(cmd, capture_output=True, text=True, env=self.env, timeout=timeout)
        if check and p.returncode != 0:
            raise Failure("kanon %s failed (%d):\n%s\n%s" % (" ".join(args), p.returncode, p.stdout, p.stderr))
        return p

    def apply_text(self, text, name):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        self.kanon("apply", "-f", path)

    def profile(self):
        self.apply_text("""apiVersion: cr.kanister.io/v1alpha1
kind: Profile
metadata: {name: e2e-fs, namespace: kanister}
location: {type: filesystem, bucket: %s, prefix: e2e}
""" % self.objects, "profile.yaml")

    def run_action(self, *args, expect_ok=True):
        p = self.kanon("-n", "kanister", "run", "-q", *args, check=False)
        m = re.search(r"^actionset (\S+) created$", p.stdout, re.M)
        if not m:
            raise Failure("no actionset created:\n%s\n%s" % (p.stdout, p.stderr))
        if expect_ok and p.returncode != 0:
            raise Failure("action failed:\n%s\n%s" % (p.stdout, p.stderr))
        return m.group(1), p

    def actionset(self, name):
        return json.loads(self.kanon("-n", "kanister", "get", "actionset", name, "-o", "json").stdout)

    def object_files(self):
        found = []
        for root, _, files in os.walk(self.objects):
            found += [os.path.join(root, f) for f in files]
        return found

    def close(self, workload):
        if workload:
            self.kanon("-n", "shop", "delete", "statefulset", workload, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_port(port, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise Failure("nothing listens on port %d after %ds" % (port, timeout))


def sh(cmd, **kw):
    p = subprocess.run(cmd, shell=True, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        raise Failure("%s failed:\n%s%s" % (cmd, p.stdout, p.stderr))
    return p.stdout.strip()


def read(path):
    with open(os.path.join(ROOT, path)) as f:
        return f.read()


def backup_restore_delete(env, blueprint, sts, artifact, key, fingerprint, damage, extra_check=None):
    env.kanon("apply", "-f", os.path.join(ROOT, "examples", blueprint))
    before = fingerprint()
    backup, _ = env.run_action("--action", "backup", "--blueprint", blueprint_name(blueprint),
                               "--statefulset", "shop/" + sts, "--profile", "kanister/e2e-fs")
    status = env.actionset(backup)["status"]
    assert status["state"] == "complete", status
    location = status["actions"][0]["artifacts"][artifact]["keyValue"][key]
    files = env.object_files()
    if len(files) != 1 or os.path.getsize(files[0]) == 0:
        raise Failure("expected one non-empty backup object, found %s" % files)
    damage()
    if fingerprint() == before:
        raise Failure("damage did not change the data")
    restore, _ = env.run_action("--action", "restore", "--from", backup)
    after = fingerprint()
    if after != before:
        raise Failure("restored data differs:\nbefore %s\nafter  %s" % (before, after))
    if extra_check:
        extra_check()
    env.run_action("--action", "delete", "--from", backup)
    if env.object_files():
        raise Failure("delete left objects behind: %s" % env.object_files())
    print("ok: %s backup %s (%s) restore %s, data identical: %s" % (blueprint, backup, location, restore, before))


def blueprint_name(path):
    return re.search(r"^  name: (\S+)", read(os.path.join("examples", path)), re.M).group(1)


def case_postgres(env):
    port = 55441
    text = read("examples/postgres/workload.yaml").replace("55433", str(port)).replace("/tmp/kanon-demo", env.dir)
    env.apply_text(read("examples/postgres/namespaces.yaml"), "ns.yaml")
    env.apply_text(text, "workload.yaml")
    wait_port(port)
    psql = "psql -h 127.0.0.1 -p %d -U postgres -v ON_ERROR_STOP=1 -qAt" % port
    for _ in range(100):
        if subprocess.run(psql + " -c 'select 1'", shell=True, capture_output=True).returncode == 0:
            break
        time.sleep(0.1)
    sh(psql + " -f " + os.path.join(ROOT, "examples/postgres/shop.sql"))
    env.profile()

    def fingerprint():
        return subprocess.run(psql + " -d shop -c \"SELECT (SELECT count(*) FROM customers) || '/' || (SELECT count(*) FROM orders) || '/' || md5((SELECT string_agg(c::text, '|' ORDER BY id) FROM customers c) || (SELECT string_agg(o::text, '|' ORDER BY id) FROM orders o))\"", shell=True, capture_output=True, text=True).stdout.strip()

    backup_restore_delete(env, "postgres/blueprint.yaml", "shop-postgresql", "cloudObject", "backupLocation",
                          fingerprint, lambda: sh(psql + " -d shop -c 'DROP TABLE orders; DELETE FROM customers WHERE id % 2 = 0'"))
    return "shop-postgresql"


def case_mariadb(env):
    port = 53317
    text = read("examples/mariadb/workload.yaml").replace("53307", str(port)).replace("/tmp/kanon-e2e/mariadb", os.path.join(env.dir, "mariadb"))
    env.apply_text(read("examples/postgres/namespaces.yaml"), "ns.yaml")
    env.apply_text(text, "workload.yaml")
    wait_port(port, 120)
    cli = "mariadb --no-defaults -h 127.0.0.1 -P %d -u root -pdemo-only-password" % port
    for _ in range(100):
        if subprocess.run(cli + " -e 'select 1'", shell=True, capture_output=True).returncode == 0:
            break
        time.sleep(0.2)
    sh(cli + " < " + os.path.join(ROOT, "examples/mariadb/shop.sql"))
    env.profile()

    def fingerprint():
        return subprocess.run(cli + " -N -e \"SELECT COUNT(*) FROM shop.customers; SELECT COUNT(*) FROM shop.orders; "
                              "CHECKSUM TABLE shop.customers, shop.orders EXTENDED;\"", shell=True,
                              capture_output=True, text=True).stdout.strip()

    backup_restore_delete(env, "mariadb/blueprint.yaml", "shop-mariadb", "mysqlCloudDump", "s3path", fingerprint,
                          lambda: sh(cli + " -e 'DROP TABLE shop.orders; DELETE FROM shop.customers WHERE id % 2 = 0'"))
    return "shop-mariadb"


def case_redis(env):
    port = 56390
    text = read("examples/redis/workload.yaml").replace("56380", str(port)).replace("/tmp/kanon-e2e/redis", os.path.join(env.dir, "redis"))
    env.apply_text(read("examples/postgres/namespaces.yaml"), "ns.yaml")
    env.apply_text(text, "workload.yaml")
    wait_port(port)
    cli = "redis-cli -p %d" % port
    sh("for i in $(seq 1 500); do echo \"SET user:$i customer$i@example.com\"; done | %s >/dev/null" % cli)
    sh(cli + " HSET profile:1 name Ada email ada@example.com")
    env.profile()

    def fingerprint():
        keys = sh(cli + " --scan | sort | md5sum")
        return "%s keys, %s, %s" % (sh(cli + " DBSIZE"), sh(cli + " GET user:77"), keys)

    backup_restore_delete(env, "redis/blueprint.yaml", "cache-redis", "redisBackup", "path", fingerprint,
                          lambda: sh(cli + " FLUSHALL"))
    return "cache-redis"


FAILING = """apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: failing-bp, namespace: kanister}
actions:
  backup:
    outputArtifacts:
      never: {keyValue: {x: "{{ .Phases.second.Output.x }}"}}
    phases:
    - func: KubeTask
      name: first
      args:
        image: busybox
        namespace: shop
        command: [sh, -c, "echo working; echo 'disk full' >&2; exit 7"]
    - func: KubeTask
      name: second
      args: {image: busybox, namespace: shop, command: [sh, -c, "kando output x y"]}
    deferPhase:
      func: KubeTask
      name: cleanup
      args: {image: busybox, namespace: shop, command: [sh, -c, "echo cleaned > %s/cleaned"]}
"""


def case_failure(env):
    env.apply_text(read("examples/postgres/namespaces.yaml"), "ns.yaml")
    env.apply_text("""apiVersion: v1
kind: ConfigMap
metadata: {name: target, namespace: shop}
data: {a: b}
""", "cm.yaml")
    env.apply_text(FAILING % env.dir, "bp.yaml")
    name, p = env.run_action("--action", "backup", "--blueprint", "failing-bp", "--namespacetargets", "shop",
                             expect_ok=False)
    if p.returncode == 0:
        raise Failure("a failing phase must give a non-zero exit")
    st = env.actionset(name)["status"]
    phases = st["actions"][0]["phases"]
    checks = [
        (st["state"] == "failed", "state failed"),
        (phases[0]["state"] == "failed", "first phase failed"),
        (phases[1]["state"] == "pending", "second phase still pending"),
        (st["actions"][0]["deferPhase"]["state"] == "complete", "defer phase complete"),
        ("exited 7" in st["error"]["message"], "exit code in error.message"),
        ("disk full" in st["error"]["message"], "last log lines in error.message"),
        ("exited 7" in p.stderr, "error on stderr"),
        (os.path.exists(os.path.join(env.dir, "cleaned")), "defer phase ran its command"),
        (st["actions"][0]["artifacts"]["never"]["keyValue"]["x"].startswith("{{"), "artifacts unrendered"),
    ]
    bad = [what for ok, what in checks if not ok]
    if bad:
        raise Failure("failure case: %s\nstatus: %s" % (bad, json.dumps(st, indent=1)))
    print("ok: failing phase reported (%s); defer ran" % st["error"]["message"].splitlines()[0])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("case", choices=["postgres", "mariadb", "redis", "failure"])
    a = ap.parse_args()
    env = Env(os.path.abspath(a.bin), a.case)
    workload = {"postgres": "shop-postgresql", "mariadb": "shop-mariadb", "redis": "cache-redis"}.get(a.case)
    try:
        globals()["case_" + a.case](env)
        return 0
    except Failure as e:
        print("FAIL: %s" % e, file=sys.stderr)
        return 1
    finally:
        env.close(workload)


if __name__ == "__main__":
    sys.exit(main())
