"""What a web worker loads: every package imported at start stays in each gunicorn worker's memory for
its whole life, so libraries for what a site does not use must not be imported to serve pages."""

import ast
import gc
import importlib.util
import inspect
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.apps import apps

from portal.wagtail_apps import DocumentsConfig, ImagesConfig, RedirectsConfig, SnippetsConfig

ROOT = Path(__file__).resolve().parents[2]
PROBE = "import json, sys; import portal.wsgi; print(json.dumps(sorted(m for m in sys.modules if '.' not in m)))"


def loaded_by_a_worker(**environment):
    """Top-level packages imported once portal.wsgi is (what gunicorn's preload does), production settings."""
    env = {k: v for k, v in os.environ.items() if k not in ("ELASTICSEARCH_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cchc.example.gov.vn",
        DATABASE_URL=os.environ.get("DATABASE_URL", "sqlite:///:memory:"),
        **environment,
    )
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.fixture(scope="module")
def on_the_database_store():
    return loaded_by_a_worker()


@pytest.mark.parametrize("package", ["elasticsearch", "elastic_transport"])
def test_a_site_without_elasticsearch_does_not_load_its_client(on_the_database_store, package):
    assert package not in on_the_database_store


@pytest.mark.parametrize("package", ["ninja"])
def test_wagtails_v3_api_which_the_portal_does_not_route_is_not_loaded(on_the_database_store, package):
    assert package not in on_the_database_store


def test_a_site_with_elasticsearch_loads_its_client_before_the_workers_fork():
    """Loaded at start, the client's memory is shared by every worker instead of copied into each."""
    assert "elasticsearch" in loaded_by_a_worker(ELASTICSEARCH_URL="http://127.0.0.1:9")


def setup_steps(config_class):
    """What a ready() does (its statements, in order) and what it imports to do it (absolute names),
    leaving out what concerns Wagtail's v3 API."""
    source = textwrap.dedent(inspect.getsource(config_class.ready))
    package = config_class.__module__.rpartition(".")[0]
    steps, imported = [], set()
    for statement in ast.parse(source).body[0].body:
        code = ast.unparse(statement)
        if "api" in code or "register_content_types" in code:
            continue
        if isinstance(statement, ast.ImportFrom):
            module = ".".join(filter(None, [package if statement.level else "", statement.module]))
            imported |= {(module, alias.name) for alias in statement.names}
        else:
            steps.append(code)
    return steps, imported


@pytest.mark.parametrize("config_class", [ImagesConfig, DocumentsConfig, SnippetsConfig, RedirectsConfig])
def test_the_portals_wagtail_apps_set_up_everything_wagtails_do_but_the_v3_api(config_class):
    wagtails = config_class.__mro__[1]
    assert apps.get_app_config(wagtails.label).__class__ is config_class
    steps, imported = setup_steps(config_class)
    wagtails_steps, wagtails_imports = setup_steps(wagtails)
    assert steps == wagtails_steps
    assert imported >= wagtails_imports
    assert "wagtail.api.v3" in inspect.getsource(wagtails.ready)  # what the portal's version leaves out


def test_gunicorn_freezes_the_preloaded_app_before_each_fork():
    """So that a worker's garbage collections leave the memory it shares with the master untouched."""
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    gc.unfreeze()
    try:
        conf.pre_fork(server=None, worker=None)
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
