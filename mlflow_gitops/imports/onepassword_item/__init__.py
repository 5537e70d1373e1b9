from __future__ import annotations

from pkgutil import extend_path
__path__ = extend_path(__path__, __name__)

import abc
import builtins
import datetime
import enum
import typing

import jsii
import publication
import typing_extensions

from jsii._type_checking import cached_type_hints, check_type


from ._jsii import *

class _LazyImport:
    def __init__(self, module_name: str) -> None:
        self._module_name = module_name
        self._module: typing.Any = None
    def __getattr__(self, name: str) -> typing.Any:
        if self._module is None:
            import importlib
            self._module = importlib.import_module(self._module_name)
        return getattr(self._module, name)

if typing.TYPE_CHECKING:

    import cdk8s as _cdk8s_d3d9af27
    import constructs as _constructs_77d1e7e8
else:

    _cdk8s_d3d9af27 = _LazyImport("cdk8s")
    _constructs_77d1e7e8 = _LazyImport("constructs")


class OnePasswordItem(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="onepassword_item_comonepassword.OnePasswordItem",
):
    '''OnePasswordItem is the Schema for the onepassworditems API.

    :schema: OnePasswordItem
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OnePasswordItemSpec", typing.Dict[builtins.str, typing.Any]]] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> None:
        '''Defines a "OnePasswordItem" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param metadata: 
        :param spec: OnePasswordItemSpec defines the desired state of OnePasswordItem.
        :param type: Kubernetes secret type. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ed92fdccca69d905289dd9d9b8b9ef69939503cd67b331d8d75af9178da76329)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = OnePasswordItemProps(metadata=metadata, spec=spec, type=type)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OnePasswordItemSpec", typing.Dict[builtins.str, typing.Any]]] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "OnePasswordItem".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param metadata: 
        :param spec: OnePasswordItemSpec defines the desired state of OnePasswordItem.
        :param type: Kubernetes secret type. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types
        '''
        props = OnePasswordItemProps(metadata=metadata, spec=spec, type=type)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "OnePasswordItem".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="onepassword_item_comonepassword.OnePasswordItemProps",
    jsii_struct_bases=[],
    name_mapping={"metadata": "metadata", "spec": "spec", "type": "type"},
)
class OnePasswordItemProps:
    def __init__(
        self,
        *,
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
        spec: typing.Optional[typing.Union["OnePasswordItemSpec", typing.Dict[builtins.str, typing.Any]]] = None,
        type: typing.Optional[builtins.str] = None,
    ) -> None:
        '''OnePasswordItem is the Schema for the onepassworditems API.

        :param metadata: 
        :param spec: OnePasswordItemSpec defines the desired state of OnePasswordItem.
        :param type: Kubernetes secret type. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types

        :schema: OnePasswordItem
        '''
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if isinstance(spec, dict):
            spec = OnePasswordItemSpec(**spec)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__271083544efbd58e3e5a9111ec6ddcc178276a1624b47d9f5c8e4e3a13d4240b)
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument type", value=type, expected_type=type_hints["type"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if metadata is not None:
            self._values["metadata"] = metadata
        if spec is not None:
            self._values["spec"] = spec
        if type is not None:
            self._values["type"] = type

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: OnePasswordItem#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    @builtins.property
    def spec(self) -> typing.Optional["OnePasswordItemSpec"]:
        '''OnePasswordItemSpec defines the desired state of OnePasswordItem.

        :schema: OnePasswordItem#spec
        '''
        result = self._values.get("spec")
        return typing.cast(typing.Optional["OnePasswordItemSpec"], result)

    @builtins.property
    def type(self) -> typing.Optional[builtins.str]:
        '''Kubernetes secret type.

        More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types

        :schema: OnePasswordItem#type
        '''
        result = self._values.get("type")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "OnePasswordItemProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="onepassword_item_comonepassword.OnePasswordItemSpec",
    jsii_struct_bases=[],
    name_mapping={"item_path": "itemPath"},
)
class OnePasswordItemSpec:
    def __init__(self, *, item_path: typing.Optional[builtins.str] = None) -> None:
        '''OnePasswordItemSpec defines the desired state of OnePasswordItem.

        :param item_path: 

        :schema: OnePasswordItemSpec
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2e1f9c07abfd9053f0bbea5cabfcf8dddbea415f435984296fb213bd021a578b)
            check_type(argname="argument item_path", value=item_path, expected_type=type_hints["item_path"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if item_path is not None:
            self._values["item_path"] = item_path

    @builtins.property
    def item_path(self) -> typing.Optional[builtins.str]:
        '''
        :schema: OnePasswordItemSpec#itemPath
        '''
        result = self._values.get("item_path")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "OnePasswordItemSpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "OnePasswordItem",
    "OnePasswordItemProps",
    "OnePasswordItemSpec",
]

publication.publish()

def _typecheckingstub__ed92fdccca69d905289dd9d9b8b9ef69939503cd67b331d8d75af9178da76329(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[OnePasswordItemSpec, typing.Dict[builtins.str, typing.Any]]] = None,
    type: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__271083544efbd58e3e5a9111ec6ddcc178276a1624b47d9f5c8e4e3a13d4240b(
    *,
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
    spec: typing.Optional[typing.Union[OnePasswordItemSpec, typing.Dict[builtins.str, typing.Any]]] = None,
    type: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2e1f9c07abfd9053f0bbea5cabfcf8dddbea415f435984296fb213bd021a578b(
    *,
    item_path: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass
