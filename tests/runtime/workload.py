"""The users' workload, run by the client venv's Python as a separate process (not imported).

    python workload.py write|read  STATE.json

Environment: MLFLOW_TRACKING_URI and the overlay's own client authentication, exactly as the
users' code sets it (MLFLOW_TRACKING_TOKEN for a Keycloak bearer token, MLFLOW_TRACKING_USERNAME /
MLFLOW_TRACKING_PASSWORD for MLflow basic auth, nothing behind an SSO proxy), and
WORKLOAD_SERVICES: `name:port=ip:port,...`, the cluster DNS of a pod that calls a Service
(Service name and port -> the server pod's address and target port).

`write` creates an experiment, logs params, metrics, a file and a scikit-learn model, registers
it, sets an alias, searches the versions by name, downloads and loads the model and predicts;
it records what it wrote in STATE.json. `read` (after a server restart) reads all of it back and
compares: artifacts byte for byte, predictions exactly. Prints one JSON line of step results.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_SERVICES: dict[tuple[str, int], tuple[str, int]] = {}
for _entry in filter(None, os.environ.get("WORKLOAD_SERVICES", "").split(",")):
    _service, _target = _entry.split("=")
    _name, _port = _service.rsplit(":", 1)
    _ip, _tport = _target.rsplit(":", 1)
    _SERVICES[(_name, int(_port))] = (_ip, int(_tport))
_real_getaddrinfo = socket.getaddrinfo


def _cluster_dns(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    target = _SERVICES.get((str(host), int(port or 0)))
    if target:
        return _real_getaddrinfo(target[0], target[1], *args, **kwargs)
    return _real_getaddrinfo(host, port, *args, **kwargs)


socket.getaddrinfo = _cluster_dns  # the cluster's DNS and Service routing, for this pod only

import mlflow  # noqa: E402
import numpy as np  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

MODEL_NAME = "iris-classifier"
ALIAS = "champion"
EXPERIMENT = "runtime-workload"
X = np.array([[0.0, 0.1], [0.2, 0.0], [1.0, 0.9], [0.9, 1.1], [0.1, 0.3], [1.2, 1.0]])
Y = np.array([0, 0, 1, 1, 0, 1])


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def step(results: dict[str, Any], name: str, fn: Any) -> Any:
    started = time.monotonic()
    try:
        value = fn()
    except Exception as error:  # report every step, then fail
        results[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:500]}
        print(json.dumps(results))
        sys.exit(1)
    results[name] = {"ok": True, "seconds": round(time.monotonic() - started, 2)}
    return value


def write(state_path: Path) -> None:
    results: dict[str, Any] = {}
    client = MlflowClient()
    experiment_id = step(results, "create_experiment", lambda: mlflow.create_experiment(EXPERIMENT))
    mlflow.set_experiment(experiment_id=experiment_id)
    work = Path(tempfile.mkdtemp())
    notes = work / "notes.txt"
    notes.write_bytes(os.urandom(2048).hex().encode())

    def log_run() -> tuple[str, str]:
        with mlflow.start_run() as run:
            mlflow.log_params({"C": 1.0, "solver": "lbfgs"})
            for i, value in enumerate((0.5, 0.7, 0.9)):
                mlflow.log_metric("accuracy", value, step=i)
            mlflow.log_artifact(str(notes), artifact_path="files")
            model = LogisticRegression(C=1.0).fit(X, Y)
            info = mlflow.sklearn.log_model(model, name="model", input_example=X[:2])
            return run.info.run_id, info.model_uri

    run_id, model_uri = step(results, "log_run", log_run)
    version = step(
        results, "register_model", lambda: mlflow.register_model(model_uri, MODEL_NAME).version
    )
    step(
        results, "set_alias", lambda: client.set_registered_model_alias(MODEL_NAME, ALIAS, version)
    )
    found = step(
        results,
        "search_model_versions",
        lambda: [v.version for v in client.search_model_versions(f"name='{MODEL_NAME}'")],
    )
    assert str(version) in [str(v) for v in found], found
    predictions = step(
        results,
        "load_and_predict",
        lambda: mlflow.pyfunc.load_model(f"models:/{MODEL_NAME}@{ALIAS}").predict(X).tolist(),
    )
    artifact_uri = client.get_run(run_id).info.artifact_uri
    state = {
        "experiment_id": experiment_id,
        "run_id": run_id,
        "version": str(version),
        "notes_sha256": sha256(notes),
        "predictions": predictions,
        "artifact_uri": artifact_uri,
    }
    state_path.write_text(json.dumps(state))
    results["state"] = state
    print(json.dumps(results))


def read(state_path: Path) -> None:
    state = json.loads(state_path.read_text())
    results: dict[str, Any] = {}
    client = MlflowClient()
    run = step(results, "get_run", lambda: client.get_run(state["run_id"]))
    assert run.data.params == {"C": "1.0", "solver": "lbfgs"}, run.data.params
    history = step(
        results, "metric_history", lambda: client.get_metric_history(state["run_id"], "accuracy")
    )
    assert [m.value for m in history] == [0.5, 0.7, 0.9], history
    work = Path(tempfile.mkdtemp())
    local = step(
        results,
        "download_artifact",
        lambda: mlflow.artifacts.download_artifacts(
            run_id=state["run_id"], artifact_path="files/notes.txt", dst_path=str(work)
        ),
    )
    assert sha256(Path(local)) == state["notes_sha256"], "artifact bytes differ after restart"
    version = step(
        results,
        "alias_resolves",
        lambda: client.get_model_version_by_alias(MODEL_NAME, ALIAS).version,
    )
    assert str(version) == state["version"], (version, state["version"])
    predictions = step(
        results,
        "load_and_predict",
        lambda: mlflow.pyfunc.load_model(f"models:/{MODEL_NAME}@{ALIAS}").predict(X).tolist(),
    )
    assert predictions == state["predictions"], (predictions, state["predictions"])
    print(json.dumps(results))


def readonly(state_path: Path) -> None:
    """Basic auth: the admin (MLFLOW_TRACKING_USERNAME) creates READONLY_USERNAME through the
    auth app's client and grants it READ on the workload's experiment; that user reads the run
    and is refused a new run in the experiment."""
    from mlflow.exceptions import MlflowException
    from mlflow.server import get_app_client

    state = json.loads(state_path.read_text())
    results: dict[str, Any] = {}
    user, password = os.environ["READONLY_USERNAME"], os.environ["READONLY_PASSWORD"]
    auth = get_app_client("basic-auth", tracking_uri=os.environ["MLFLOW_TRACKING_URI"])
    step(results, "create_user", lambda: auth.create_user(user, password))

    def grant_read() -> None:
        # Today's unified permission API (MLflow 3.17); the 3.3 client has only the old one.
        if hasattr(auth, "grant_user_permission"):
            auth.grant_user_permission(user, "experiment", state["experiment_id"], "READ")
        else:
            auth.create_experiment_permission(state["experiment_id"], user, "READ")

    step(results, "grant_read", grant_read)
    os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = user, password
    client = MlflowClient()
    step(results, "user_reads_run", lambda: client.get_run(state["run_id"]).info.run_id)

    def write_refused() -> str:
        try:
            client.create_run(state["experiment_id"])
        except MlflowException as error:
            if error.get_http_status_code() == 403:
                return "403"
            raise
        raise AssertionError("a READ user created a run")

    step(results, "user_write_refused", write_refused)
    print(json.dumps(results))


if __name__ == "__main__":
    {"write": write, "read": read, "readonly": readonly}[sys.argv[1]](Path(sys.argv[2]))
