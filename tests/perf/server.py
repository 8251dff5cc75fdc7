"""A production-like portal under gunicorn for the load benchmarks: production settings, collected
static files, demo content, a temporary SQLite file unless DATABASE_URL is set."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("BENCH_PORT", 8765))  # another port when benchmarks run side by side


def production_environment(workdir):
    """Production settings on this machine, static and media files in `workdir`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }


def prepare(workdir, reuse=False):
    """The environment of a portal in `workdir`, migrated, with static files and demo content (kept from an
    earlier run with `reuse`)."""
    env = {
        **production_environment(workdir),
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"),
    }
    env.pop("REDIS_URL", None)
    if reuse and (workdir / "static").is_dir():
        return env
    with_demo = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}  # production settings leave the demo app out
    for command, command_env in (
        (["migrate", "--noinput"], env),
        (["collectstatic", "--noinput"], env),
        (["load_demo"], with_demo),
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v", "0"], cwd=ROOT, env=command_env, check=True, stdout=subprocess.DEVNULL
        )
    return env


def serve(env, app="portal.wsgi", redis_url=None, ready_path="/healthz", python=sys.executable, cwd=ROOT):
    """`app` under gunicorn with the portal's gunicorn.conf.py (another site's too, given its python and folder)."""
    env = dict(env)
    if redis_url:
        env["REDIS_URL"] = redis_url
    process = subprocess.Popen(
        [python, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{PORT}", app],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{ready_path}", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"gunicorn did not start {app}")


def manage_output(env, code):
    return (
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", code],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
