"""Write MLflow data the way an older MLflow release stores it, for the upgrade tests.

Run by ANOTHER venv's interpreter (e.g. .cache/mlflow-previous-venv or mlflow-bitnami-venv),
never imported by the tests: it uses only that MLflow's own stores, so the tables, rows and
alembic revision are exactly what that release writes (a fresh database is created at its
head). Input: argv[1], a JSON object:

  {"tracking_uri": ..., "auth_uri": ..., "artifact_root": ..., "experiment": ..., "model": ...,
   "users": [{"username": ..., "password": ..., "is_admin": bool}, ...],
   "experiment_permissions": {"username": "READ" | "EDIT" | ...},
   "model_permissions": {"username": ...}}

Output on stdout: one JSON line with the ids it created and the MLflow version.
"""

from __future__ import annotations

import json
import sys
import time

import mlflow
from mlflow.entities import Metric, Param, RunStatus, RunTag
from mlflow.server.auth.sqlalchemy_store import SqlAlchemyStore as AuthStore
from mlflow.store.model_registry.sqlalchemy_store import SqlAlchemyStore as RegistryStore
from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore as TrackingStore


def main(spec: dict) -> dict:
    tracking = TrackingStore(spec["tracking_uri"], spec["artifact_root"])
    experiment_id = tracking.create_experiment(spec["experiment"])
    now = int(time.time() * 1000)
    run = tracking.create_run(
        experiment_id=experiment_id,
        user_id="alice",
        start_time=now,
        tags=[],
        run_name="written-by-old-mlflow",
    )
    run_id = run.info.run_id
    tracking.log_batch(
        run_id,
        metrics=[Metric("rmse", 0.25, now, 0), Metric("rmse", 0.125, now + 1, 1)],
        params=[Param("alpha", "0.5"), Param("l1_ratio", "0.1")],
        tags=[RunTag("written_by", f"mlflow {mlflow.__version__}")],
    )
    tracking.update_run_info(run_id, RunStatus.FINISHED, now + 2, "written-by-old-mlflow")

    registry = RegistryStore(spec["tracking_uri"])
    registry.create_registered_model(spec["model"], description="registered by the old MLflow")
    version = registry.create_model_version(
        spec["model"], source=f"runs:/{run_id}/model", run_id=run_id
    )
    registry.set_registered_model_alias(spec["model"], "champion", version.version)

    auth = AuthStore()
    auth.init_db(spec["auth_uri"])
    for user in spec["users"]:
        auth.create_user(user["username"], user["password"], user.get("is_admin", False))
    for username, permission in spec["experiment_permissions"].items():
        auth.create_experiment_permission(experiment_id, username, permission)
    for username, permission in spec["model_permissions"].items():
        auth.create_registered_model_permission(spec["model"], username, permission)
    return {
        "experiment_id": experiment_id,
        "run_id": run_id,
        "version": str(version.version),
        "mlflow": mlflow.__version__,
    }


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
