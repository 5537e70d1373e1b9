"""How each Secret the pods read comes to exist (the overlay's ``secrets`` map).

``onepassword`` and ``external-secrets`` render the operator object that writes the Secret;
``operator`` (made out of band) and ``generated`` (made once by the generated-secrets
bootstrap Job) render nothing here: the map is their documentation and the edge check
that every reference resolves. No Secret object, and so no secret value, is ever rendered.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructs import Construct

from mlflow_gitops.config import (
    ExternalSecretSource,
    GeneratedLiteral,
    GeneratedPassword,
    GeneratedSecret,
    GeneratedToken,
    OnePasswordSecret,
    SecretSource,
)
from mlflow_gitops.constructs.bootstrap import BootstrapStep, secret_rules
from mlflow_gitops.constructs.meta import Identity
from mlflow_gitops.constructs.ordering import GENERATE_SECRETS_WAVE
from mlflow_gitops.constructs.peers import KUBERNETES_API
from mlflow_gitops.constructs.wiring import ServerWiring

COMPONENT = "secrets"


class SecretSources(Construct):
    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: Identity,
        settings: Mapping[str, SecretSource],
    ) -> None:
        super().__init__(scope, id)
        generated = {n: s for n, s in sorted(settings.items()) if isinstance(s, GeneratedSecret)}
        self.bootstrap_steps = _generate_step(identity, generated) if generated else ()
        for name, source in sorted(settings.items()):
            # Generated classes load where they are used: only an overlay with one pays for them.
            if isinstance(source, OnePasswordSecret):
                from mlflow_gitops.imports.onepassword_item import (
                    OnePasswordItem,
                    OnePasswordItemSpec,
                )

                # The operator names the Secret after this object and copies the item's fields.
                OnePasswordItem(
                    self,
                    name,
                    metadata=identity.crd_metadata(name, COMPONENT),
                    spec=OnePasswordItemSpec(item_path=source.item),
                )
            elif isinstance(source, ExternalSecretSource):
                from mlflow_gitops.imports.external_secrets_externalsecret import (
                    ExternalSecret,
                    ExternalSecretSpec,
                    ExternalSecretSpecData,
                    ExternalSecretSpecDataRemoteRef,
                    ExternalSecretSpecSecretStoreRef,
                    ExternalSecretSpecSecretStoreRefKind,
                    ExternalSecretSpecTarget,
                    ExternalSecretSpecTargetCreationPolicy,
                )

                store_kind = (
                    ExternalSecretSpecSecretStoreRefKind.CLUSTER_SECRET_STORE
                    if source.store_kind == "ClusterSecretStore"
                    else ExternalSecretSpecSecretStoreRefKind.SECRET_STORE
                )
                ExternalSecret(
                    self,
                    name,
                    metadata=identity.crd_metadata(name, COMPONENT),
                    spec=ExternalSecretSpec(
                        refresh_interval=source.refresh_interval,
                        secret_store_ref=ExternalSecretSpecSecretStoreRef(
                            name=source.store, kind=store_kind
                        ),
                        target=ExternalSecretSpecTarget(
                            name=name,
                            creation_policy=ExternalSecretSpecTargetCreationPolicy.OWNER,
                        ),
                        data=[
                            ExternalSecretSpecData(
                                secret_key=key,
                                remote_ref=ExternalSecretSpecDataRemoteRef(key=remote),
                            )
                            for key, remote in sorted(source.keys.items())
                        ],
                    ),
                )


def _key_spec(key: GeneratedToken | GeneratedPassword | GeneratedLiteral) -> dict[str, object]:
    """The generated-secrets Job's description of one key (see jobs/generate_secrets.py)."""
    if isinstance(key, GeneratedToken):
        return {"kind": "token", "bytes": key.bytes, "encoding": "hex"}
    if isinstance(key, GeneratedPassword):
        return {"kind": "password", "length": key.length, "alphabet": "alnum"}
    return {"kind": "literal", "value": key.value}


def _generate_step(
    identity: Identity, generated: dict[str, GeneratedSecret]
) -> tuple[BootstrapStep, ...]:
    """One Job creates every generated Secret once; a value, once written, never changes."""
    return (
        BootstrapStep(
            name=f"{identity.app}-generate-secrets",
            script="generate_secrets.py",
            wiring=ServerWiring(),
            wave=GENERATE_SECRETS_WAVE,
            config_env="GENERATE_SECRETS_CONFIG",
            config=[
                {
                    "name": name,
                    "labels": identity.labels(COMPONENT),
                    "keys": {key: _key_spec(spec) for key, spec in sorted(source.keys.items())},
                }
                for name, source in generated.items()
            ],
            rules=secret_rules(list(generated)),
            needs=(KUBERNETES_API,),
        ),
    )
