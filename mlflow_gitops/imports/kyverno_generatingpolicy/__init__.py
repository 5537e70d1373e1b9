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


class GeneratingPolicy(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicy",
):
    '''
    :schema: GeneratingPolicy
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["GeneratingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "GeneratingPolicy" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: GeneratingPolicySpec is the specification of the desired behavior of the GeneratingPolicy.
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__277fa9414b2177b01c7242dab5aa4ab4a6a48edc1a020dbcd949ba8480ddc439)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = GeneratingPolicyProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["GeneratingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "GeneratingPolicy".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: GeneratingPolicySpec is the specification of the desired behavior of the GeneratingPolicy.
        :param metadata: 
        '''
        props = GeneratingPolicyProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "GeneratingPolicy".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicyProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class GeneratingPolicyProps:
    def __init__(
        self,
        *,
        spec: typing.Union["GeneratingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param spec: GeneratingPolicySpec is the specification of the desired behavior of the GeneratingPolicy.
        :param metadata: 

        :schema: GeneratingPolicy
        '''
        if isinstance(spec, dict):
            spec = GeneratingPolicySpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__22f4b36e00a7f48e9ce97044c70b9ed5c9a632576b814149a36cbf3d728833d1)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "GeneratingPolicySpec":
        '''GeneratingPolicySpec is the specification of the desired behavior of the GeneratingPolicy.

        :schema: GeneratingPolicy#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("GeneratingPolicySpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: GeneratingPolicy#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicyProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpec",
    jsii_struct_bases=[],
    name_mapping={
        "generate": "generate",
        "audit_annotations": "auditAnnotations",
        "evaluation": "evaluation",
        "match_conditions": "matchConditions",
        "match_constraints": "matchConstraints",
        "use_server_side_apply": "useServerSideApply",
        "variables": "variables",
        "webhook_configuration": "webhookConfiguration",
    },
)
class GeneratingPolicySpec:
    def __init__(
        self,
        *,
        generate: typing.Sequence[typing.Union["GeneratingPolicySpecGenerate", typing.Dict[builtins.str, typing.Any]]],
        audit_annotations: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecAuditAnnotations", typing.Dict[builtins.str, typing.Any]]]] = None,
        evaluation: typing.Optional[typing.Union["GeneratingPolicySpecEvaluation", typing.Dict[builtins.str, typing.Any]]] = None,
        match_conditions: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecMatchConditions", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_constraints: typing.Optional[typing.Union["GeneratingPolicySpecMatchConstraints", typing.Dict[builtins.str, typing.Any]]] = None,
        use_server_side_apply: typing.Optional[builtins.bool] = None,
        variables: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecVariables", typing.Dict[builtins.str, typing.Any]]]] = None,
        webhook_configuration: typing.Optional[typing.Union["GeneratingPolicySpecWebhookConfiguration", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''GeneratingPolicySpec is the specification of the desired behavior of the GeneratingPolicy.

        :param generate: Generation defines a set of CEL expressions that will be evaluated to generate resources. Required.
        :param audit_annotations: AuditAnnotations contains CEL expressions which are used to produce audit annotations for the audit event of the API server. auditAnnotations are evaluated after the policy has been evaluated but before the decision is logged. The results of evaluating the expressions are attached to the audit event as annotations with the key "/". If the expression evaluates to an empty string or null the annotation will not be included in the audit event.
        :param evaluation: EvaluationConfiguration defines the configuration for the policy evaluation.
        :param match_conditions: MatchConditions is a list of conditions that must be met for a request to be validated. Match conditions filter requests that have already been matched by the rules, namespaceSelector, and objectSelector. An empty list of matchConditions matches all requests. There are a maximum of 64 match conditions allowed. The exact matching logic is (in order): 1. If ANY matchCondition evaluates to FALSE, the policy is skipped. 2. If ALL matchConditions evaluate to TRUE, the policy is evaluated. 3. If any matchCondition evaluates to an error (but none are FALSE): - If failurePolicy=Fail, reject the request - If failurePolicy=Ignore, the policy is skipped
        :param match_constraints: MatchConstraints specifies what resources will trigger this policy. The AdmissionPolicy cares about a request if it matches *all* Constraints. Required.
        :param use_server_side_apply: UseServerSideApply controls whether to use server-side apply for generate rules. If set to "true", create & update for generated resources will use apply instead of create/update. Defaults to "false" if not specified. Default: false" if not specified.
        :param variables: Variables contain definitions of variables that can be used in composition of other expressions. Each variable is defined as a named CEL expression. The variables defined here will be available under ``variables`` in other expressions of the policy except MatchConditions because MatchConditions are evaluated before the rest of the policy. The expression of a variable can refer to other variables defined earlier in the list but not those after. Thus, Variables must be sorted by the order of first appearance and acyclic.
        :param webhook_configuration: WebhookConfiguration defines the configuration for the webhook.

        :schema: GeneratingPolicySpec
        '''
        if isinstance(evaluation, dict):
            evaluation = GeneratingPolicySpecEvaluation(**evaluation)
        if isinstance(match_constraints, dict):
            match_constraints = GeneratingPolicySpecMatchConstraints(**match_constraints)
        if isinstance(webhook_configuration, dict):
            webhook_configuration = GeneratingPolicySpecWebhookConfiguration(**webhook_configuration)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6660d972ced93c2eeafb609f11e99ce3ab78aea5729bf4152e6a532c38f2bb2f)
            check_type(argname="argument generate", value=generate, expected_type=type_hints["generate"])
            check_type(argname="argument audit_annotations", value=audit_annotations, expected_type=type_hints["audit_annotations"])
            check_type(argname="argument evaluation", value=evaluation, expected_type=type_hints["evaluation"])
            check_type(argname="argument match_conditions", value=match_conditions, expected_type=type_hints["match_conditions"])
            check_type(argname="argument match_constraints", value=match_constraints, expected_type=type_hints["match_constraints"])
            check_type(argname="argument use_server_side_apply", value=use_server_side_apply, expected_type=type_hints["use_server_side_apply"])
            check_type(argname="argument variables", value=variables, expected_type=type_hints["variables"])
            check_type(argname="argument webhook_configuration", value=webhook_configuration, expected_type=type_hints["webhook_configuration"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "generate": generate,
        }
        if audit_annotations is not None:
            self._values["audit_annotations"] = audit_annotations
        if evaluation is not None:
            self._values["evaluation"] = evaluation
        if match_conditions is not None:
            self._values["match_conditions"] = match_conditions
        if match_constraints is not None:
            self._values["match_constraints"] = match_constraints
        if use_server_side_apply is not None:
            self._values["use_server_side_apply"] = use_server_side_apply
        if variables is not None:
            self._values["variables"] = variables
        if webhook_configuration is not None:
            self._values["webhook_configuration"] = webhook_configuration

    @builtins.property
    def generate(self) -> typing.List["GeneratingPolicySpecGenerate"]:
        '''Generation defines a set of CEL expressions that will be evaluated to generate resources.

        Required.

        :schema: GeneratingPolicySpec#generate
        '''
        result = self._values.get("generate")
        assert result is not None, "Required property 'generate' is missing"
        return typing.cast(typing.List["GeneratingPolicySpecGenerate"], result)

    @builtins.property
    def audit_annotations(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecAuditAnnotations"]]:
        '''AuditAnnotations contains CEL expressions which are used to produce audit annotations for the audit event of the API server.

        auditAnnotations are evaluated after the policy has been evaluated but before the decision is logged.
        The results of evaluating the expressions are attached to the audit event as annotations with the key
        "/".
        If the expression evaluates to an empty string or null the annotation will not be included in the audit event.

        :schema: GeneratingPolicySpec#auditAnnotations
        '''
        result = self._values.get("audit_annotations")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecAuditAnnotations"]], result)

    @builtins.property
    def evaluation(self) -> typing.Optional["GeneratingPolicySpecEvaluation"]:
        '''EvaluationConfiguration defines the configuration for the policy evaluation.

        :schema: GeneratingPolicySpec#evaluation
        '''
        result = self._values.get("evaluation")
        return typing.cast(typing.Optional["GeneratingPolicySpecEvaluation"], result)

    @builtins.property
    def match_conditions(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecMatchConditions"]]:
        '''MatchConditions is a list of conditions that must be met for a request to be validated.

        Match conditions filter requests that have already been matched by the rules,
        namespaceSelector, and objectSelector. An empty list of matchConditions matches all requests.
        There are a maximum of 64 match conditions allowed.

        The exact matching logic is (in order):

        1. If ANY matchCondition evaluates to FALSE, the policy is skipped.
        2. If ALL matchConditions evaluate to TRUE, the policy is evaluated.
        3. If any matchCondition evaluates to an error (but none are FALSE):

        - If failurePolicy=Fail, reject the request
        - If failurePolicy=Ignore, the policy is skipped

        :schema: GeneratingPolicySpec#matchConditions
        '''
        result = self._values.get("match_conditions")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecMatchConditions"]], result)

    @builtins.property
    def match_constraints(
        self,
    ) -> typing.Optional["GeneratingPolicySpecMatchConstraints"]:
        '''MatchConstraints specifies what resources will trigger this policy.

        The AdmissionPolicy cares about a request if it matches *all* Constraints.
        Required.

        :schema: GeneratingPolicySpec#matchConstraints
        '''
        result = self._values.get("match_constraints")
        return typing.cast(typing.Optional["GeneratingPolicySpecMatchConstraints"], result)

    @builtins.property
    def use_server_side_apply(self) -> typing.Optional[builtins.bool]:
        '''UseServerSideApply controls whether to use server-side apply for generate rules.

        If set to "true", create & update for generated resources will use apply instead of create/update.
        Defaults to "false" if not specified.

        :default: false" if not specified.

        :schema: GeneratingPolicySpec#useServerSideApply
        '''
        result = self._values.get("use_server_side_apply")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def variables(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecVariables"]]:
        '''Variables contain definitions of variables that can be used in composition of other expressions.

        Each variable is defined as a named CEL expression.
        The variables defined here will be available under ``variables`` in other expressions of the policy
        except MatchConditions because MatchConditions are evaluated before the rest of the policy.

        The expression of a variable can refer to other variables defined earlier in the list but not those after.
        Thus, Variables must be sorted by the order of first appearance and acyclic.

        :schema: GeneratingPolicySpec#variables
        '''
        result = self._values.get("variables")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecVariables"]], result)

    @builtins.property
    def webhook_configuration(
        self,
    ) -> typing.Optional["GeneratingPolicySpecWebhookConfiguration"]:
        '''WebhookConfiguration defines the configuration for the webhook.

        :schema: GeneratingPolicySpec#webhookConfiguration
        '''
        result = self._values.get("webhook_configuration")
        return typing.cast(typing.Optional["GeneratingPolicySpecWebhookConfiguration"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecAuditAnnotations",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "value_expression": "valueExpression"},
)
class GeneratingPolicySpecAuditAnnotations:
    def __init__(self, *, key: builtins.str, value_expression: builtins.str) -> None:
        '''AuditAnnotation describes how to produce an audit annotation for an API request.

        :param key: key specifies the audit annotation key. The audit annotation keys of a ValidatingAdmissionPolicy must be unique. The key must be a qualified name ([A-Za-z0-9][-A-Za-z0-9_.]*) no more than 63 bytes in length. The key is combined with the resource name of the ValidatingAdmissionPolicy to construct an audit annotation key: "{ValidatingAdmissionPolicy name}/{key}". If an admission webhook uses the same resource name as this ValidatingAdmissionPolicy and the same audit annotation key, the annotation key will be identical. In this case, the first annotation written with the key will be included in the audit event and all subsequent annotations with the same key will be discarded. Required.
        :param value_expression: valueExpression represents the expression which is evaluated by CEL to produce an audit annotation value. The expression must evaluate to either a string or null value. If the expression evaluates to a string, the audit annotation is included with the string value. If the expression evaluates to null or empty string the audit annotation will be omitted. The valueExpression may be no longer than 5kb in length. If the result of the valueExpression is more than 10kb in length, it will be truncated to 10kb. If multiple ValidatingAdmissionPolicyBinding resources match an API request, then the valueExpression will be evaluated for each binding. All unique values produced by the valueExpressions will be joined together in a comma-separated list. Required.

        :schema: GeneratingPolicySpecAuditAnnotations
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b6bddb26fbda3260d74f0add48b2ea7d98a1929d8a74e85cf3a4d8dd89d9bf2c)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument value_expression", value=value_expression, expected_type=type_hints["value_expression"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "value_expression": value_expression,
        }

    @builtins.property
    def key(self) -> builtins.str:
        '''key specifies the audit annotation key.

        The audit annotation keys of
        a ValidatingAdmissionPolicy must be unique. The key must be a qualified
        name ([A-Za-z0-9][-A-Za-z0-9_.]*) no more than 63 bytes in length.

        The key is combined with the resource name of the
        ValidatingAdmissionPolicy to construct an audit annotation key:
        "{ValidatingAdmissionPolicy name}/{key}".

        If an admission webhook uses the same resource name as this ValidatingAdmissionPolicy
        and the same audit annotation key, the annotation key will be identical.
        In this case, the first annotation written with the key will be included
        in the audit event and all subsequent annotations with the same key
        will be discarded.

        Required.

        :schema: GeneratingPolicySpecAuditAnnotations#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def value_expression(self) -> builtins.str:
        '''valueExpression represents the expression which is evaluated by CEL to produce an audit annotation value.

        The expression must evaluate to either
        a string or null value. If the expression evaluates to a string, the
        audit annotation is included with the string value. If the expression
        evaluates to null or empty string the audit annotation will be omitted.
        The valueExpression may be no longer than 5kb in length.
        If the result of the valueExpression is more than 10kb in length, it
        will be truncated to 10kb.

        If multiple ValidatingAdmissionPolicyBinding resources match an
        API request, then the valueExpression will be evaluated for
        each binding. All unique values produced by the valueExpressions
        will be joined together in a comma-separated list.

        Required.

        :schema: GeneratingPolicySpecAuditAnnotations#valueExpression
        '''
        result = self._values.get("value_expression")
        assert result is not None, "Required property 'value_expression' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecAuditAnnotations(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecEvaluation",
    jsii_struct_bases=[],
    name_mapping={
        "admission": "admission",
        "generate_existing": "generateExisting",
        "orphan_downstream_on_policy_delete": "orphanDownstreamOnPolicyDelete",
        "skip_background_requests": "skipBackgroundRequests",
        "synchronize": "synchronize",
    },
)
class GeneratingPolicySpecEvaluation:
    def __init__(
        self,
        *,
        admission: typing.Optional[typing.Union["GeneratingPolicySpecEvaluationAdmission", typing.Dict[builtins.str, typing.Any]]] = None,
        generate_existing: typing.Optional[typing.Union["GeneratingPolicySpecEvaluationGenerateExisting", typing.Dict[builtins.str, typing.Any]]] = None,
        orphan_downstream_on_policy_delete: typing.Optional[typing.Union["GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete", typing.Dict[builtins.str, typing.Any]]] = None,
        skip_background_requests: typing.Optional[builtins.bool] = None,
        synchronize: typing.Optional[typing.Union["GeneratingPolicySpecEvaluationSynchronize", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''EvaluationConfiguration defines the configuration for the policy evaluation.

        :param admission: Admission controls policy evaluation during admission.
        :param generate_existing: GenerateExisting defines the configuration for generating resources for existing triggeres.
        :param orphan_downstream_on_policy_delete: OrphanDownstreamOnPolicyDelete defines the configuration for orphaning downstream resources on policy delete.
        :param skip_background_requests: SkipBackgroundRequests bypasses admission requests that are sent by the background controller. The default value is set to "true", it must be set to "false" to apply generateExisting rules to those requests.
        :param synchronize: Synchronization defines the configuration for the synchronization of generated resources.

        :schema: GeneratingPolicySpecEvaluation
        '''
        if isinstance(admission, dict):
            admission = GeneratingPolicySpecEvaluationAdmission(**admission)
        if isinstance(generate_existing, dict):
            generate_existing = GeneratingPolicySpecEvaluationGenerateExisting(**generate_existing)
        if isinstance(orphan_downstream_on_policy_delete, dict):
            orphan_downstream_on_policy_delete = GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete(**orphan_downstream_on_policy_delete)
        if isinstance(synchronize, dict):
            synchronize = GeneratingPolicySpecEvaluationSynchronize(**synchronize)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ab8addb05c4f59465ea6503c462777f68f93568c822b50feb5aad98aa1c13551)
            check_type(argname="argument admission", value=admission, expected_type=type_hints["admission"])
            check_type(argname="argument generate_existing", value=generate_existing, expected_type=type_hints["generate_existing"])
            check_type(argname="argument orphan_downstream_on_policy_delete", value=orphan_downstream_on_policy_delete, expected_type=type_hints["orphan_downstream_on_policy_delete"])
            check_type(argname="argument skip_background_requests", value=skip_background_requests, expected_type=type_hints["skip_background_requests"])
            check_type(argname="argument synchronize", value=synchronize, expected_type=type_hints["synchronize"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if admission is not None:
            self._values["admission"] = admission
        if generate_existing is not None:
            self._values["generate_existing"] = generate_existing
        if orphan_downstream_on_policy_delete is not None:
            self._values["orphan_downstream_on_policy_delete"] = orphan_downstream_on_policy_delete
        if skip_background_requests is not None:
            self._values["skip_background_requests"] = skip_background_requests
        if synchronize is not None:
            self._values["synchronize"] = synchronize

    @builtins.property
    def admission(self) -> typing.Optional["GeneratingPolicySpecEvaluationAdmission"]:
        '''Admission controls policy evaluation during admission.

        :schema: GeneratingPolicySpecEvaluation#admission
        '''
        result = self._values.get("admission")
        return typing.cast(typing.Optional["GeneratingPolicySpecEvaluationAdmission"], result)

    @builtins.property
    def generate_existing(
        self,
    ) -> typing.Optional["GeneratingPolicySpecEvaluationGenerateExisting"]:
        '''GenerateExisting defines the configuration for generating resources for existing triggeres.

        :schema: GeneratingPolicySpecEvaluation#generateExisting
        '''
        result = self._values.get("generate_existing")
        return typing.cast(typing.Optional["GeneratingPolicySpecEvaluationGenerateExisting"], result)

    @builtins.property
    def orphan_downstream_on_policy_delete(
        self,
    ) -> typing.Optional["GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete"]:
        '''OrphanDownstreamOnPolicyDelete defines the configuration for orphaning downstream resources on policy delete.

        :schema: GeneratingPolicySpecEvaluation#orphanDownstreamOnPolicyDelete
        '''
        result = self._values.get("orphan_downstream_on_policy_delete")
        return typing.cast(typing.Optional["GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete"], result)

    @builtins.property
    def skip_background_requests(self) -> typing.Optional[builtins.bool]:
        '''SkipBackgroundRequests bypasses admission requests that are sent by the background controller.

        The default value is set to "true", it must be set to "false" to apply generateExisting rules to those requests.

        :schema: GeneratingPolicySpecEvaluation#skipBackgroundRequests
        '''
        result = self._values.get("skip_background_requests")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def synchronize(
        self,
    ) -> typing.Optional["GeneratingPolicySpecEvaluationSynchronize"]:
        '''Synchronization defines the configuration for the synchronization of generated resources.

        :schema: GeneratingPolicySpecEvaluation#synchronize
        '''
        result = self._values.get("synchronize")
        return typing.cast(typing.Optional["GeneratingPolicySpecEvaluationSynchronize"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecEvaluation(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecEvaluationAdmission",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class GeneratingPolicySpecEvaluationAdmission:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''Admission controls policy evaluation during admission.

        :param enabled: Enabled controls if rules are applied during admission. Optional. Default value is "true".

        :schema: GeneratingPolicySpecEvaluationAdmission
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__458f56c7a2b1d7469abae62097fa33b41e9feb5b889e85540e99db08aef6625d)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls if rules are applied during admission.

        Optional. Default value is "true".

        :schema: GeneratingPolicySpecEvaluationAdmission#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecEvaluationAdmission(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecEvaluationGenerateExisting",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class GeneratingPolicySpecEvaluationGenerateExisting:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''GenerateExisting defines the configuration for generating resources for existing triggeres.

        :param enabled: Enabled controls whether to trigger the policy for existing resources If is set to "true" the policy will be triggered and applied to existing matched resources. Optional. Defaults to "false" if not specified. Default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationGenerateExisting
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5755d82fb7ac40d7414d5602c938a347433d2dbdc824c27f039aaf535306c0b3)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls whether to trigger the policy for existing resources If is set to "true" the policy will be triggered and applied to existing matched resources.

        Optional. Defaults to "false" if not specified.

        :default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationGenerateExisting#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecEvaluationGenerateExisting(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''OrphanDownstreamOnPolicyDelete defines the configuration for orphaning downstream resources on policy delete.

        :param enabled: Enabled controls whether generated resources should be deleted when the policy that generated them is deleted with synchronization enabled. This option is only applicable to generate rules of the data type. Optional. Defaults to "false" if not specified. Default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__aad1de5c1c1de3592f9754bbaf1bf960ff4c4e9bafb7c611a56d362b868abf9a)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls whether generated resources should be deleted when the policy that generated them is deleted with synchronization enabled.

        This option is only applicable to generate rules of the data type.
        Optional. Defaults to "false" if not specified.

        :default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecEvaluationSynchronize",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class GeneratingPolicySpecEvaluationSynchronize:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''Synchronization defines the configuration for the synchronization of generated resources.

        :param enabled: Enabled controls if generated resources should be kept in-sync with their source resource. If Synchronize is set to "true" changes to generated resources will be overwritten with resource data from Data or the resource specified in the Clone declaration. Optional. Defaults to "false" if not specified. Default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationSynchronize
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__20b9edca45b7e54fee7160af0fab8141ceca70a5e15ec60867a40b4f1ed75a6d)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls if generated resources should be kept in-sync with their source resource.

        If Synchronize is set to "true" changes to generated resources will be overwritten with resource
        data from Data or the resource specified in the Clone declaration.
        Optional. Defaults to "false" if not specified.

        :default: false" if not specified.

        :schema: GeneratingPolicySpecEvaluationSynchronize#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecEvaluationSynchronize(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecGenerate",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "template": "template"},
)
class GeneratingPolicySpecGenerate:
    def __init__(
        self,
        *,
        expression: typing.Optional[builtins.str] = None,
        template: typing.Optional[typing.Union["GeneratingPolicySpecGenerateTemplate", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Generation defines the configuration for the generation of resources.

        :param expression: Expression is a CEL expression that takes a list of resources to be generated.
        :param template: Template declares the resources to be generated as a YAML document, with optional CEL interpolation.

        :schema: GeneratingPolicySpecGenerate
        '''
        if isinstance(template, dict):
            template = GeneratingPolicySpecGenerateTemplate(**template)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7ebe2f8ed15730c76ef54f4cc680ac54ce5c53e442a941a51da51c26fbbd110a)
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
            check_type(argname="argument template", value=template, expected_type=type_hints["template"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if expression is not None:
            self._values["expression"] = expression
        if template is not None:
            self._values["template"] = template

    @builtins.property
    def expression(self) -> typing.Optional[builtins.str]:
        '''Expression is a CEL expression that takes a list of resources to be generated.

        :schema: GeneratingPolicySpecGenerate#expression
        '''
        result = self._values.get("expression")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def template(self) -> typing.Optional["GeneratingPolicySpecGenerateTemplate"]:
        '''Template declares the resources to be generated as a YAML document, with optional CEL interpolation.

        :schema: GeneratingPolicySpecGenerate#template
        '''
        result = self._values.get("template")
        return typing.cast(typing.Optional["GeneratingPolicySpecGenerateTemplate"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecGenerate(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecGenerateTemplate",
    jsii_struct_bases=[],
    name_mapping={"value": "value", "interpolate": "interpolate"},
)
class GeneratingPolicySpecGenerateTemplate:
    def __init__(
        self,
        *,
        value: builtins.str,
        interpolate: typing.Optional["GeneratingPolicySpecGenerateTemplateInterpolate"] = None,
    ) -> None:
        '''Template declares the resources to be generated as a YAML document, with optional CEL interpolation.

        :param value: Value is a YAML string, single or multi-document, defining the resources to generate. The namespace of each generated resource is taken from its rendered metadata.namespace, resources without a namespace are treated as cluster-scoped.
        :param interpolate: Interpolate controls placeholder evaluation in Value: "none" (default) treats Value as plain YAML; "cel" evaluates ``(( ... ))`` placeholders as CEL expressions before the YAML is parsed.

        :schema: GeneratingPolicySpecGenerateTemplate
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cc32ee0e1f80f4dc347c7543b4325f1a7a67d2f5c2dd6dc6808fd7479a1a26dc)
            check_type(argname="argument value", value=value, expected_type=type_hints["value"])
            check_type(argname="argument interpolate", value=interpolate, expected_type=type_hints["interpolate"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "value": value,
        }
        if interpolate is not None:
            self._values["interpolate"] = interpolate

    @builtins.property
    def value(self) -> builtins.str:
        '''Value is a YAML string, single or multi-document, defining the resources to generate.

        The namespace of each generated resource is taken from its rendered metadata.namespace,
        resources without a namespace are treated as cluster-scoped.

        :schema: GeneratingPolicySpecGenerateTemplate#value
        '''
        result = self._values.get("value")
        assert result is not None, "Required property 'value' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def interpolate(
        self,
    ) -> typing.Optional["GeneratingPolicySpecGenerateTemplateInterpolate"]:
        '''Interpolate controls placeholder evaluation in Value: "none" (default) treats Value as plain YAML;

        "cel" evaluates ``(( ... ))`` placeholders as CEL expressions before the YAML is parsed.

        :schema: GeneratingPolicySpecGenerateTemplate#interpolate
        '''
        result = self._values.get("interpolate")
        return typing.cast(typing.Optional["GeneratingPolicySpecGenerateTemplateInterpolate"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecGenerateTemplate(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecGenerateTemplateInterpolate"
)
class GeneratingPolicySpecGenerateTemplateInterpolate(enum.Enum):
    '''Interpolate controls placeholder evaluation in Value: "none" (default) treats Value as plain YAML;

    "cel" evaluates ``(( ... ))`` placeholders as CEL expressions before the YAML is parsed.

    :schema: GeneratingPolicySpecGenerateTemplateInterpolate
    '''

    NONE = "NONE"
    '''none.'''
    CEL = "CEL"
    '''cel.'''


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConditions",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "name": "name"},
)
class GeneratingPolicySpecMatchConditions:
    def __init__(self, *, expression: builtins.str, name: builtins.str) -> None:
        '''MatchCondition represents a condition which must by fulfilled for a request to be sent to a webhook.

        :param expression: expression represents the expression which will be evaluated by CEL. Must evaluate to bool. CEL expressions have access to the contents of the AdmissionRequest and Authorizer, organized into CEL variables: 'object' - The object from the incoming request. The value is null for DELETE requests. 'oldObject' - The existing object. The value is null for CREATE requests. 'request' - Attributes of the admission request(/pkg/apis/admission/types.go#AdmissionRequest). 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request. See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the request resource. Documentation on CEL: https://kubernetes.io/docs/reference/using-api/cel/ Required.
        :param name: name is an identifier for this match condition, used for strategic merging of MatchConditions, as well as providing an identifier for logging purposes. A good name should be descriptive of the associated expression. Name must be a qualified name consisting of alphanumeric characters, '-', '*' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9*.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName') Required.

        :schema: GeneratingPolicySpecMatchConditions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__52918c8f1266a8ec190d86486d7de78123858e2c5357ae14754c598d3dd50bbd)
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "expression": expression,
            "name": name,
        }

    @builtins.property
    def expression(self) -> builtins.str:
        '''expression represents the expression which will be evaluated by CEL.

        Must evaluate to bool.
        CEL expressions have access to the contents of the AdmissionRequest and Authorizer, organized into CEL variables:

        'object' - The object from the incoming request. The value is null for DELETE requests.
        'oldObject' - The existing object. The value is null for CREATE requests.
        'request' - Attributes of the admission request(/pkg/apis/admission/types.go#AdmissionRequest).
        'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request.
        See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz
        'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the
        request resource.
        Documentation on CEL: https://kubernetes.io/docs/reference/using-api/cel/

        Required.

        :schema: GeneratingPolicySpecMatchConditions#expression
        '''
        result = self._values.get("expression")
        assert result is not None, "Required property 'expression' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def name(self) -> builtins.str:
        '''name is an identifier for this match condition, used for strategic merging of MatchConditions, as well as providing an identifier for logging purposes.

        A good name should be descriptive of
        the associated expression.
        Name must be a qualified name consisting of alphanumeric characters, '-', '*' or '.', and
        must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or
        '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9*.]*)?[A-Za-z0-9]') with an
        optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')

        Required.

        :schema: GeneratingPolicySpecMatchConditions#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConditions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraints",
    jsii_struct_bases=[],
    name_mapping={
        "exclude_resource_rules": "excludeResourceRules",
        "match_policy": "matchPolicy",
        "namespace_selector": "namespaceSelector",
        "object_selector": "objectSelector",
        "resource_rules": "resourceRules",
    },
)
class GeneratingPolicySpecMatchConstraints:
    def __init__(
        self,
        *,
        exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecMatchConstraintsExcludeResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_policy: typing.Optional[builtins.str] = None,
        namespace_selector: typing.Optional[typing.Union["GeneratingPolicySpecMatchConstraintsNamespaceSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        object_selector: typing.Optional[typing.Union["GeneratingPolicySpecMatchConstraintsObjectSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        resource_rules: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecMatchConstraintsResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''MatchConstraints specifies what resources will trigger this policy.

        The AdmissionPolicy cares about a request if it matches *all* Constraints.
        Required.

        :param exclude_resource_rules: excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about. The exclude rules take precedence over include rules (if a resource matches both, it is excluded)
        :param match_policy: matchPolicy defines how the "MatchResources" list is used to match incoming requests. Allowed values are "Exact" or "Equivalent". - Exact: match a request only if it exactly matches a specified rule. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, but "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would not be sent to the ValidatingAdmissionPolicy. - Equivalent: match a request if modifies a resource listed in rules, even via another API group or version. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, and "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would be converted to apps/v1 and sent to the ValidatingAdmissionPolicy. Defaults to "Equivalent" Default: Equivalent"
        :param namespace_selector: namespaceSelector decides whether to run the admission control policy on an object based on whether the namespace for that object matches the selector. If the object itself is a namespace, the matching is performed on object.metadata.labels. If the object is another cluster scoped resource, it never skips the policy. For example, to run the webhook on any objects whose namespace is not associated with "runlevel" of "0" or "1"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "runlevel", "operator": "NotIn", "values": [ "0", "1" ] } ] } If instead you want to only run the policy on any objects whose namespace is associated with the "environment" of "prod" or "staging"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "environment", "operator": "In", "values": [ "prod", "staging" ] } ] } See https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/ for more examples of label selectors. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param object_selector: objectSelector decides whether to run the validation based on if the object has matching labels. objectSelector is evaluated against both the oldObject and newObject that would be sent to the cel validation, and is considered to match if either object matches the selector. A null object (oldObject in the case of create, or newObject in the case of delete) or an object that cannot have labels (like a DeploymentRollback or a PodProxyOptions object) is not considered to match. Use the object selector only if the webhook is opt-in, because end users may skip the admission webhook by setting the labels. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param resource_rules: resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches. The policy cares about an operation if it matches *any* Rule.

        :schema: GeneratingPolicySpecMatchConstraints
        '''
        if isinstance(namespace_selector, dict):
            namespace_selector = GeneratingPolicySpecMatchConstraintsNamespaceSelector(**namespace_selector)
        if isinstance(object_selector, dict):
            object_selector = GeneratingPolicySpecMatchConstraintsObjectSelector(**object_selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a320fc2ef3baf811a7f7634d9d92844a22a9676bfe7367476d0eeb1f4cf8f7e1)
            check_type(argname="argument exclude_resource_rules", value=exclude_resource_rules, expected_type=type_hints["exclude_resource_rules"])
            check_type(argname="argument match_policy", value=match_policy, expected_type=type_hints["match_policy"])
            check_type(argname="argument namespace_selector", value=namespace_selector, expected_type=type_hints["namespace_selector"])
            check_type(argname="argument object_selector", value=object_selector, expected_type=type_hints["object_selector"])
            check_type(argname="argument resource_rules", value=resource_rules, expected_type=type_hints["resource_rules"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if exclude_resource_rules is not None:
            self._values["exclude_resource_rules"] = exclude_resource_rules
        if match_policy is not None:
            self._values["match_policy"] = match_policy
        if namespace_selector is not None:
            self._values["namespace_selector"] = namespace_selector
        if object_selector is not None:
            self._values["object_selector"] = object_selector
        if resource_rules is not None:
            self._values["resource_rules"] = resource_rules

    @builtins.property
    def exclude_resource_rules(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsExcludeResourceRules"]]:
        '''excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about.

        The exclude rules take precedence over include rules (if a resource matches both, it is excluded)

        :schema: GeneratingPolicySpecMatchConstraints#excludeResourceRules
        '''
        result = self._values.get("exclude_resource_rules")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsExcludeResourceRules"]], result)

    @builtins.property
    def match_policy(self) -> typing.Optional[builtins.str]:
        '''matchPolicy defines how the "MatchResources" list is used to match incoming requests. Allowed values are "Exact" or "Equivalent".

        - Exact: match a request only if it exactly matches a specified rule.
          For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1,
          but "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``,
          a request to apps/v1beta1 or extensions/v1beta1 would not be sent to the ValidatingAdmissionPolicy.
        - Equivalent: match a request if modifies a resource listed in rules, even via another API group or version.
          For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1,
          and "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``,
          a request to apps/v1beta1 or extensions/v1beta1 would be converted to apps/v1 and sent to the ValidatingAdmissionPolicy.

        Defaults to "Equivalent"

        :default: Equivalent"

        :schema: GeneratingPolicySpecMatchConstraints#matchPolicy
        '''
        result = self._values.get("match_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace_selector(
        self,
    ) -> typing.Optional["GeneratingPolicySpecMatchConstraintsNamespaceSelector"]:
        '''namespaceSelector decides whether to run the admission control policy on an object based on whether the namespace for that object matches the selector.

        If the
        object itself is a namespace, the matching is performed on
        object.metadata.labels. If the object is another cluster scoped resource,
        it never skips the policy.

        For example, to run the webhook on any objects whose namespace is not
        associated with "runlevel" of "0" or "1";  you will set the selector as
        follows:
        "namespaceSelector": {
        "matchExpressions": [
        {
        "key": "runlevel",
        "operator": "NotIn",
        "values": [
        "0",
        "1"
        ]
        }
        ]
        }

        If instead you want to only run the policy on any objects whose
        namespace is associated with the "environment" of "prod" or "staging";
        you will set the selector as follows:
        "namespaceSelector": {
        "matchExpressions": [
        {
        "key": "environment",
        "operator": "In",
        "values": [
        "prod",
        "staging"
        ]
        }
        ]
        }

        See
        https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
        for more examples of label selectors.

        Default to the empty LabelSelector, which matches everything.

        :default: the empty LabelSelector, which matches everything.

        :schema: GeneratingPolicySpecMatchConstraints#namespaceSelector
        '''
        result = self._values.get("namespace_selector")
        return typing.cast(typing.Optional["GeneratingPolicySpecMatchConstraintsNamespaceSelector"], result)

    @builtins.property
    def object_selector(
        self,
    ) -> typing.Optional["GeneratingPolicySpecMatchConstraintsObjectSelector"]:
        '''objectSelector decides whether to run the validation based on if the object has matching labels.

        objectSelector is evaluated against both
        the oldObject and newObject that would be sent to the cel validation, and
        is considered to match if either object matches the selector. A null
        object (oldObject in the case of create, or newObject in the case of
        delete) or an object that cannot have labels (like a
        DeploymentRollback or a PodProxyOptions object) is not considered to
        match.
        Use the object selector only if the webhook is opt-in, because end
        users may skip the admission webhook by setting the labels.
        Default to the empty LabelSelector, which matches everything.

        :default: the empty LabelSelector, which matches everything.

        :schema: GeneratingPolicySpecMatchConstraints#objectSelector
        '''
        result = self._values.get("object_selector")
        return typing.cast(typing.Optional["GeneratingPolicySpecMatchConstraintsObjectSelector"], result)

    @builtins.property
    def resource_rules(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsResourceRules"]]:
        '''resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches.

        The policy cares about an operation if it matches *any* Rule.

        :schema: GeneratingPolicySpecMatchConstraints#resourceRules
        '''
        result = self._values.get("resource_rules")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsResourceRules"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraints(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsExcludeResourceRules",
    jsii_struct_bases=[],
    name_mapping={
        "api_groups": "apiGroups",
        "api_versions": "apiVersions",
        "operations": "operations",
        "resource_names": "resourceNames",
        "resources": "resources",
        "scope": "scope",
    },
)
class GeneratingPolicySpecMatchConstraintsExcludeResourceRules:
    def __init__(
        self,
        *,
        api_groups: typing.Optional[typing.Sequence[builtins.str]] = None,
        api_versions: typing.Optional[typing.Sequence[builtins.str]] = None,
        operations: typing.Optional[typing.Sequence[builtins.str]] = None,
        resource_names: typing.Optional[typing.Sequence[builtins.str]] = None,
        resources: typing.Optional[typing.Sequence[builtins.str]] = None,
        scope: typing.Optional[builtins.str] = None,
    ) -> None:
        '''NamedRuleWithOperations is a tuple of Operations and Resources with ResourceNames.

        :param api_groups: apiGroups is the API groups the resources belong to. '*' is all groups. If '*' is present, the length of the slice must be one. Required.
        :param api_versions: apiVersions is the API versions the resources belong to. '*' is all versions. If '*' is present, the length of the slice must be one. Required.
        :param operations: operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added. If '*' is present, the length of the slice must be one. Required.
        :param resource_names: resourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed.
        :param resources: resources is a list of resources this rule applies to. For example: 'pods' means pods. 'pods/log' means the log subresource of pods. '*' means all resources, but not subresources. 'pods/*' means all subresources of pods. '*/scale' means all scale subresources. '*/*' means all resources and their subresources. If wildcard is present, the validation rule will ensure resources do not overlap with each other. Depending on the enclosing object, subresources might not be allowed. Required.
        :param scope: scope specifies the scope of this rule. Valid values are "Cluster", "Namespaced", and "*" "Cluster" means that only cluster-scoped resources will match this rule. Namespace API objects are cluster-scoped. "Namespaced" means that only namespaced resources will match this rule. "*" means that there are no scope restrictions. Subresources match the scope of their parent resource. Default is "*". Default: .

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__68204af7211cd6be98154e77c42e58e24bfffc9dbf6f952c429849c70086cc73)
            check_type(argname="argument api_groups", value=api_groups, expected_type=type_hints["api_groups"])
            check_type(argname="argument api_versions", value=api_versions, expected_type=type_hints["api_versions"])
            check_type(argname="argument operations", value=operations, expected_type=type_hints["operations"])
            check_type(argname="argument resource_names", value=resource_names, expected_type=type_hints["resource_names"])
            check_type(argname="argument resources", value=resources, expected_type=type_hints["resources"])
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if api_groups is not None:
            self._values["api_groups"] = api_groups
        if api_versions is not None:
            self._values["api_versions"] = api_versions
        if operations is not None:
            self._values["operations"] = operations
        if resource_names is not None:
            self._values["resource_names"] = resource_names
        if resources is not None:
            self._values["resources"] = resources
        if scope is not None:
            self._values["scope"] = scope

    @builtins.property
    def api_groups(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiGroups is the API groups the resources belong to.

        '*' is all groups.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#resourceNames
        '''
        result = self._values.get("resource_names")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resources(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resources is a list of resources this rule applies to.

        For example:
        'pods' means pods.
        'pods/log' means the log subresource of pods.
        '*' means all resources, but not subresources.
        'pods/*' means all subresources of pods.
        '*/scale' means all scale subresources.
        '*/*' means all resources and their subresources.

        If wildcard is present, the validation rule will ensure resources do not
        overlap with each other.

        Depending on the enclosing object, subresources might not be allowed.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#resources
        '''
        result = self._values.get("resources")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def scope(self) -> typing.Optional[builtins.str]:
        '''scope specifies the scope of this rule.

        Valid values are "Cluster", "Namespaced", and "*"
        "Cluster" means that only cluster-scoped resources will match this rule.
        Namespace API objects are cluster-scoped.
        "Namespaced" means that only namespaced resources will match this rule.
        "*" means that there are no scope restrictions.
        Subresources match the scope of their parent resource.
        Default is "*".

        :default: .

        :schema: GeneratingPolicySpecMatchConstraintsExcludeResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsExcludeResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsNamespaceSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class GeneratingPolicySpecMatchConstraintsNamespaceSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''namespaceSelector decides whether to run the admission control policy on an object based on whether the namespace for that object matches the selector.

        If the
        object itself is a namespace, the matching is performed on
        object.metadata.labels. If the object is another cluster scoped resource,
        it never skips the policy.

        For example, to run the webhook on any objects whose namespace is not
        associated with "runlevel" of "0" or "1";  you will set the selector as
        follows:
        "namespaceSelector": {
        "matchExpressions": [
        {
        "key": "runlevel",
        "operator": "NotIn",
        "values": [
        "0",
        "1"
        ]
        }
        ]
        }

        If instead you want to only run the policy on any objects whose
        namespace is associated with the "environment" of "prod" or "staging";
        you will set the selector as follows:
        "namespaceSelector": {
        "matchExpressions": [
        {
        "key": "environment",
        "operator": "In",
        "values": [
        "prod",
        "staging"
        ]
        }
        ]
        }

        See
        https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
        for more examples of label selectors.

        Default to the empty LabelSelector, which matches everything.

        :param match_expressions: matchExpressions is a list of label selector requirements. The requirements are ANDed.
        :param match_labels: matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.

        :default: the empty LabelSelector, which matches everything.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b674b3ce7532ce4daa726d5c5f69e77a82b1ca3ad2e3bf2f17bcc9879772420d)
            check_type(argname="argument match_expressions", value=match_expressions, expected_type=type_hints["match_expressions"])
            check_type(argname="argument match_labels", value=match_labels, expected_type=type_hints["match_labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if match_expressions is not None:
            self._values["match_expressions"] = match_expressions
        if match_labels is not None:
            self._values["match_labels"] = match_labels

    @builtins.property
    def match_expressions(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsNamespaceSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.

        :param key: key is the label key that the selector applies to.
        :param operator: operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.
        :param values: values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__2440f701540d9155012043d656c77c14c96baa6db625f397452936e1b7ac3204)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''key is the label key that the selector applies to.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''values is an array of string values.

        If the operator is In or NotIn,
        the values array must be non-empty. If the operator is Exists or DoesNotExist,
        the values array must be empty. This array is replaced during a strategic
        merge patch.

        :schema: GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsObjectSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class GeneratingPolicySpecMatchConstraintsObjectSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
    ) -> None:
        '''objectSelector decides whether to run the validation based on if the object has matching labels.

        objectSelector is evaluated against both
        the oldObject and newObject that would be sent to the cel validation, and
        is considered to match if either object matches the selector. A null
        object (oldObject in the case of create, or newObject in the case of
        delete) or an object that cannot have labels (like a
        DeploymentRollback or a PodProxyOptions object) is not considered to
        match.
        Use the object selector only if the webhook is opt-in, because end
        users may skip the admission webhook by setting the labels.
        Default to the empty LabelSelector, which matches everything.

        :param match_expressions: matchExpressions is a list of label selector requirements. The requirements are ANDed.
        :param match_labels: matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.

        :default: the empty LabelSelector, which matches everything.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__62f11b1576f66bab90c77d6030d197b717c3cc8f38b79917334f8737de4b6a5b)
            check_type(argname="argument match_expressions", value=match_expressions, expected_type=type_hints["match_expressions"])
            check_type(argname="argument match_labels", value=match_labels, expected_type=type_hints["match_labels"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if match_expressions is not None:
            self._values["match_expressions"] = match_expressions
        if match_labels is not None:
            self._values["match_labels"] = match_labels

    @builtins.property
    def match_expressions(
        self,
    ) -> typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsObjectSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions:
    def __init__(
        self,
        *,
        key: builtins.str,
        operator: builtins.str,
        values: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.

        :param key: key is the label key that the selector applies to.
        :param operator: operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.
        :param values: values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__6f52d184c6abbb99c0b70440ebd0dc387c0b6189b25733576646f740fdffad0c)
            check_type(argname="argument key", value=key, expected_type=type_hints["key"])
            check_type(argname="argument operator", value=operator, expected_type=type_hints["operator"])
            check_type(argname="argument values", value=values, expected_type=type_hints["values"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "key": key,
            "operator": operator,
        }
        if values is not None:
            self._values["values"] = values

    @builtins.property
    def key(self) -> builtins.str:
        '''key is the label key that the selector applies to.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#operator
        '''
        result = self._values.get("operator")
        assert result is not None, "Required property 'operator' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def values(self) -> typing.Optional[typing.List[builtins.str]]:
        '''values is an array of string values.

        If the operator is In or NotIn,
        the values array must be non-empty. If the operator is Exists or DoesNotExist,
        the values array must be empty. This array is replaced during a strategic
        merge patch.

        :schema: GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecMatchConstraintsResourceRules",
    jsii_struct_bases=[],
    name_mapping={
        "api_groups": "apiGroups",
        "api_versions": "apiVersions",
        "operations": "operations",
        "resource_names": "resourceNames",
        "resources": "resources",
        "scope": "scope",
    },
)
class GeneratingPolicySpecMatchConstraintsResourceRules:
    def __init__(
        self,
        *,
        api_groups: typing.Optional[typing.Sequence[builtins.str]] = None,
        api_versions: typing.Optional[typing.Sequence[builtins.str]] = None,
        operations: typing.Optional[typing.Sequence[builtins.str]] = None,
        resource_names: typing.Optional[typing.Sequence[builtins.str]] = None,
        resources: typing.Optional[typing.Sequence[builtins.str]] = None,
        scope: typing.Optional[builtins.str] = None,
    ) -> None:
        '''NamedRuleWithOperations is a tuple of Operations and Resources with ResourceNames.

        :param api_groups: apiGroups is the API groups the resources belong to. '*' is all groups. If '*' is present, the length of the slice must be one. Required.
        :param api_versions: apiVersions is the API versions the resources belong to. '*' is all versions. If '*' is present, the length of the slice must be one. Required.
        :param operations: operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added. If '*' is present, the length of the slice must be one. Required.
        :param resource_names: resourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed.
        :param resources: resources is a list of resources this rule applies to. For example: 'pods' means pods. 'pods/log' means the log subresource of pods. '*' means all resources, but not subresources. 'pods/*' means all subresources of pods. '*/scale' means all scale subresources. '*/*' means all resources and their subresources. If wildcard is present, the validation rule will ensure resources do not overlap with each other. Depending on the enclosing object, subresources might not be allowed. Required.
        :param scope: scope specifies the scope of this rule. Valid values are "Cluster", "Namespaced", and "*" "Cluster" means that only cluster-scoped resources will match this rule. Namespace API objects are cluster-scoped. "Namespaced" means that only namespaced resources will match this rule. "*" means that there are no scope restrictions. Subresources match the scope of their parent resource. Default is "*". Default: .

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a627892a3bfc7904502b6730fcdb10a09ba899b98fb39478ec4887df9e4807e9)
            check_type(argname="argument api_groups", value=api_groups, expected_type=type_hints["api_groups"])
            check_type(argname="argument api_versions", value=api_versions, expected_type=type_hints["api_versions"])
            check_type(argname="argument operations", value=operations, expected_type=type_hints["operations"])
            check_type(argname="argument resource_names", value=resource_names, expected_type=type_hints["resource_names"])
            check_type(argname="argument resources", value=resources, expected_type=type_hints["resources"])
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if api_groups is not None:
            self._values["api_groups"] = api_groups
        if api_versions is not None:
            self._values["api_versions"] = api_versions
        if operations is not None:
            self._values["operations"] = operations
        if resource_names is not None:
            self._values["resource_names"] = resource_names
        if resources is not None:
            self._values["resources"] = resources
        if scope is not None:
            self._values["scope"] = scope

    @builtins.property
    def api_groups(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiGroups is the API groups the resources belong to.

        '*' is all groups.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#resourceNames
        '''
        result = self._values.get("resource_names")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resources(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resources is a list of resources this rule applies to.

        For example:
        'pods' means pods.
        'pods/log' means the log subresource of pods.
        '*' means all resources, but not subresources.
        'pods/*' means all subresources of pods.
        '*/scale' means all scale subresources.
        '*/*' means all resources and their subresources.

        If wildcard is present, the validation rule will ensure resources do not
        overlap with each other.

        Depending on the enclosing object, subresources might not be allowed.
        Required.

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#resources
        '''
        result = self._values.get("resources")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def scope(self) -> typing.Optional[builtins.str]:
        '''scope specifies the scope of this rule.

        Valid values are "Cluster", "Namespaced", and "*"
        "Cluster" means that only cluster-scoped resources will match this rule.
        Namespace API objects are cluster-scoped.
        "Namespaced" means that only namespaced resources will match this rule.
        "*" means that there are no scope restrictions.
        Subresources match the scope of their parent resource.
        Default is "*".

        :default: .

        :schema: GeneratingPolicySpecMatchConstraintsResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecMatchConstraintsResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecVariables",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "name": "name"},
)
class GeneratingPolicySpecVariables:
    def __init__(self, *, expression: builtins.str, name: builtins.str) -> None:
        '''Variable is the definition of a variable that is used for composition.

        A variable is defined as a named expression.

        :param expression: expression is the expression that will be evaluated as the value of the variable. The CEL expression has access to the same identifiers as the CEL expressions in Validation.
        :param name: name is the name of the variable. The name must be a valid CEL identifier and unique among all variables. The variable can be accessed in other expressions through ``variables`` For example, if name is "foo", the variable will be available as ``variables.foo``

        :schema: GeneratingPolicySpecVariables
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__cc0499762e2f5ed66d4e63c6f0722a9db4940592d0feffe0b5f2cf523e333435)
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
            check_type(argname="argument name", value=name, expected_type=type_hints["name"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "expression": expression,
            "name": name,
        }

    @builtins.property
    def expression(self) -> builtins.str:
        '''expression is the expression that will be evaluated as the value of the variable.

        The CEL expression has access to the same identifiers as the CEL expressions in Validation.

        :schema: GeneratingPolicySpecVariables#expression
        '''
        result = self._values.get("expression")
        assert result is not None, "Required property 'expression' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def name(self) -> builtins.str:
        '''name is the name of the variable.

        The name must be a valid CEL identifier and unique among all variables.
        The variable can be accessed in other expressions through ``variables``
        For example, if name is "foo", the variable will be available as ``variables.foo``

        :schema: GeneratingPolicySpecVariables#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecVariables(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_generatingpolicy_iokyvernopolicies.GeneratingPolicySpecWebhookConfiguration",
    jsii_struct_bases=[],
    name_mapping={"timeout_seconds": "timeoutSeconds"},
)
class GeneratingPolicySpecWebhookConfiguration:
    def __init__(self, *, timeout_seconds: typing.Optional[jsii.Number] = None) -> None:
        '''WebhookConfiguration defines the configuration for the webhook.

        :param timeout_seconds: TimeoutSeconds specifies the maximum time in seconds allowed to apply this policy. After the configured time expires, the admission request may fail, or may simply ignore the policy results, based on the failure policy. The default timeout is 10s, the value must be between 1 and 30 seconds.

        :schema: GeneratingPolicySpecWebhookConfiguration
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8dbb0d02bc82298654cffc3f32cff17fa16da95c8d5953fab8aa469348bb0678)
            check_type(argname="argument timeout_seconds", value=timeout_seconds, expected_type=type_hints["timeout_seconds"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if timeout_seconds is not None:
            self._values["timeout_seconds"] = timeout_seconds

    @builtins.property
    def timeout_seconds(self) -> typing.Optional[jsii.Number]:
        '''TimeoutSeconds specifies the maximum time in seconds allowed to apply this policy.

        After the configured time expires, the admission request may fail, or may simply ignore the policy results,
        based on the failure policy. The default timeout is 10s, the value must be between 1 and 30 seconds.

        :schema: GeneratingPolicySpecWebhookConfiguration#timeoutSeconds
        '''
        result = self._values.get("timeout_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "GeneratingPolicySpecWebhookConfiguration(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "GeneratingPolicy",
    "GeneratingPolicyProps",
    "GeneratingPolicySpec",
    "GeneratingPolicySpecAuditAnnotations",
    "GeneratingPolicySpecEvaluation",
    "GeneratingPolicySpecEvaluationAdmission",
    "GeneratingPolicySpecEvaluationGenerateExisting",
    "GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete",
    "GeneratingPolicySpecEvaluationSynchronize",
    "GeneratingPolicySpecGenerate",
    "GeneratingPolicySpecGenerateTemplate",
    "GeneratingPolicySpecGenerateTemplateInterpolate",
    "GeneratingPolicySpecMatchConditions",
    "GeneratingPolicySpecMatchConstraints",
    "GeneratingPolicySpecMatchConstraintsExcludeResourceRules",
    "GeneratingPolicySpecMatchConstraintsNamespaceSelector",
    "GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions",
    "GeneratingPolicySpecMatchConstraintsObjectSelector",
    "GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions",
    "GeneratingPolicySpecMatchConstraintsResourceRules",
    "GeneratingPolicySpecVariables",
    "GeneratingPolicySpecWebhookConfiguration",
]

publication.publish()

def _typecheckingstub__277fa9414b2177b01c7242dab5aa4ab4a6a48edc1a020dbcd949ba8480ddc439(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[GeneratingPolicySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__22f4b36e00a7f48e9ce97044c70b9ed5c9a632576b814149a36cbf3d728833d1(
    *,
    spec: typing.Union[GeneratingPolicySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6660d972ced93c2eeafb609f11e99ce3ab78aea5729bf4152e6a532c38f2bb2f(
    *,
    generate: typing.Sequence[typing.Union[GeneratingPolicySpecGenerate, typing.Dict[builtins.str, typing.Any]]],
    audit_annotations: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecAuditAnnotations, typing.Dict[builtins.str, typing.Any]]]] = None,
    evaluation: typing.Optional[typing.Union[GeneratingPolicySpecEvaluation, typing.Dict[builtins.str, typing.Any]]] = None,
    match_conditions: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecMatchConditions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_constraints: typing.Optional[typing.Union[GeneratingPolicySpecMatchConstraints, typing.Dict[builtins.str, typing.Any]]] = None,
    use_server_side_apply: typing.Optional[builtins.bool] = None,
    variables: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecVariables, typing.Dict[builtins.str, typing.Any]]]] = None,
    webhook_configuration: typing.Optional[typing.Union[GeneratingPolicySpecWebhookConfiguration, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b6bddb26fbda3260d74f0add48b2ea7d98a1929d8a74e85cf3a4d8dd89d9bf2c(
    *,
    key: builtins.str,
    value_expression: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ab8addb05c4f59465ea6503c462777f68f93568c822b50feb5aad98aa1c13551(
    *,
    admission: typing.Optional[typing.Union[GeneratingPolicySpecEvaluationAdmission, typing.Dict[builtins.str, typing.Any]]] = None,
    generate_existing: typing.Optional[typing.Union[GeneratingPolicySpecEvaluationGenerateExisting, typing.Dict[builtins.str, typing.Any]]] = None,
    orphan_downstream_on_policy_delete: typing.Optional[typing.Union[GeneratingPolicySpecEvaluationOrphanDownstreamOnPolicyDelete, typing.Dict[builtins.str, typing.Any]]] = None,
    skip_background_requests: typing.Optional[builtins.bool] = None,
    synchronize: typing.Optional[typing.Union[GeneratingPolicySpecEvaluationSynchronize, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__458f56c7a2b1d7469abae62097fa33b41e9feb5b889e85540e99db08aef6625d(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5755d82fb7ac40d7414d5602c938a347433d2dbdc824c27f039aaf535306c0b3(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__aad1de5c1c1de3592f9754bbaf1bf960ff4c4e9bafb7c611a56d362b868abf9a(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__20b9edca45b7e54fee7160af0fab8141ceca70a5e15ec60867a40b4f1ed75a6d(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7ebe2f8ed15730c76ef54f4cc680ac54ce5c53e442a941a51da51c26fbbd110a(
    *,
    expression: typing.Optional[builtins.str] = None,
    template: typing.Optional[typing.Union[GeneratingPolicySpecGenerateTemplate, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cc32ee0e1f80f4dc347c7543b4325f1a7a67d2f5c2dd6dc6808fd7479a1a26dc(
    *,
    value: builtins.str,
    interpolate: typing.Optional[GeneratingPolicySpecGenerateTemplateInterpolate] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__52918c8f1266a8ec190d86486d7de78123858e2c5357ae14754c598d3dd50bbd(
    *,
    expression: builtins.str,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a320fc2ef3baf811a7f7634d9d92844a22a9676bfe7367476d0eeb1f4cf8f7e1(
    *,
    exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecMatchConstraintsExcludeResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_policy: typing.Optional[builtins.str] = None,
    namespace_selector: typing.Optional[typing.Union[GeneratingPolicySpecMatchConstraintsNamespaceSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    object_selector: typing.Optional[typing.Union[GeneratingPolicySpecMatchConstraintsObjectSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    resource_rules: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecMatchConstraintsResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__68204af7211cd6be98154e77c42e58e24bfffc9dbf6f952c429849c70086cc73(
    *,
    api_groups: typing.Optional[typing.Sequence[builtins.str]] = None,
    api_versions: typing.Optional[typing.Sequence[builtins.str]] = None,
    operations: typing.Optional[typing.Sequence[builtins.str]] = None,
    resource_names: typing.Optional[typing.Sequence[builtins.str]] = None,
    resources: typing.Optional[typing.Sequence[builtins.str]] = None,
    scope: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b674b3ce7532ce4daa726d5c5f69e77a82b1ca3ad2e3bf2f17bcc9879772420d(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__2440f701540d9155012043d656c77c14c96baa6db625f397452936e1b7ac3204(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__62f11b1576f66bab90c77d6030d197b717c3cc8f38b79917334f8737de4b6a5b(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[GeneratingPolicySpecMatchConstraintsObjectSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__6f52d184c6abbb99c0b70440ebd0dc387c0b6189b25733576646f740fdffad0c(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a627892a3bfc7904502b6730fcdb10a09ba899b98fb39478ec4887df9e4807e9(
    *,
    api_groups: typing.Optional[typing.Sequence[builtins.str]] = None,
    api_versions: typing.Optional[typing.Sequence[builtins.str]] = None,
    operations: typing.Optional[typing.Sequence[builtins.str]] = None,
    resource_names: typing.Optional[typing.Sequence[builtins.str]] = None,
    resources: typing.Optional[typing.Sequence[builtins.str]] = None,
    scope: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__cc0499762e2f5ed66d4e63c6f0722a9db4940592d0feffe0b5f2cf523e333435(
    *,
    expression: builtins.str,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8dbb0d02bc82298654cffc3f32cff17fa16da95c8d5953fab8aa469348bb0678(
    *,
    timeout_seconds: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass
