"""Entry point (`cdk8s synth` runs this): render every overlay into dist/."""

import sys

from mlflow_gitops.cli import main

if __name__ == "__main__":
    sys.exit(main())
