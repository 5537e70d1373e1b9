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


class MutatingPolicy(
    _cdk8s_d3d9af27.ApiObject,
    metaclass=jsii.JSIIMeta,
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicy",
):
    '''
    :schema: MutatingPolicy
    '''

    def __init__(
        self,
        scope: "_constructs_77d1e7e8.Construct",
        id: builtins.str,
        *,
        spec: typing.Union["MutatingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Defines a "MutatingPolicy" API object.

        :param scope: the scope in which to define this object.
        :param id: a scope-local name for the object.
        :param spec: MutatingPolicySpec is the specification of the desired behavior of the MutatingPolicy.
        :param metadata: 
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__48258616ad5b3363f73d777df408bf36a1d7ec5c983ce07b7c986b1d510b7f57)
            check_type(argname="argument scope", value=scope, expected_type=type_hints["scope"])
            check_type(argname="argument id", value=id, expected_type=type_hints["id"])
        props = MutatingPolicyProps(spec=spec, metadata=metadata)

        jsii.create(self.__class__, self, [scope, id, props])

    @jsii.member(jsii_name="manifest")
    @builtins.classmethod
    def manifest(
        cls,
        *,
        spec: typing.Union["MutatingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> typing.Any:
        '''Renders a Kubernetes manifest for "MutatingPolicy".

        This can be used to inline resource manifests inside other objects (e.g. as templates).

        :param spec: MutatingPolicySpec is the specification of the desired behavior of the MutatingPolicy.
        :param metadata: 
        '''
        props = MutatingPolicyProps(spec=spec, metadata=metadata)

        return typing.cast(typing.Any, jsii.sinvoke(cls, "manifest", [props]))

    @jsii.member(jsii_name="toJson")
    def to_json(self) -> typing.Any:
        '''Renders the object to Kubernetes JSON.'''
        return typing.cast(typing.Any, jsii.invoke(self, "toJson", []))

    @jsii.python.classproperty
    @jsii.member(jsii_name="GVK")
    def GVK(cls) -> "_cdk8s_d3d9af27.GroupVersionKind":
        '''Returns the apiVersion and kind for "MutatingPolicy".'''
        return typing.cast("_cdk8s_d3d9af27.GroupVersionKind", jsii.sget(cls, "GVK"))


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicyProps",
    jsii_struct_bases=[],
    name_mapping={"spec": "spec", "metadata": "metadata"},
)
class MutatingPolicyProps:
    def __init__(
        self,
        *,
        spec: typing.Union["MutatingPolicySpec", typing.Dict[builtins.str, typing.Any]],
        metadata: typing.Optional[typing.Union["_cdk8s_d3d9af27.ApiObjectMetadata", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''
        :param spec: MutatingPolicySpec is the specification of the desired behavior of the MutatingPolicy.
        :param metadata: 

        :schema: MutatingPolicy
        '''
        if isinstance(spec, dict):
            spec = MutatingPolicySpec(**spec)
        if isinstance(metadata, dict):
            metadata = _cdk8s_d3d9af27.ApiObjectMetadata(**metadata)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__dfc596d55ac6206c3787a301fa968f2678728f1399543b02319bde693ec9e837)
            check_type(argname="argument spec", value=spec, expected_type=type_hints["spec"])
            check_type(argname="argument metadata", value=metadata, expected_type=type_hints["metadata"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "spec": spec,
        }
        if metadata is not None:
            self._values["metadata"] = metadata

    @builtins.property
    def spec(self) -> "MutatingPolicySpec":
        '''MutatingPolicySpec is the specification of the desired behavior of the MutatingPolicy.

        :schema: MutatingPolicy#spec
        '''
        result = self._values.get("spec")
        assert result is not None, "Required property 'spec' is missing"
        return typing.cast("MutatingPolicySpec", result)

    @builtins.property
    def metadata(self) -> typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"]:
        '''
        :schema: MutatingPolicy#metadata
        '''
        result = self._values.get("metadata")
        return typing.cast(typing.Optional["_cdk8s_d3d9af27.ApiObjectMetadata"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicyProps(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpec",
    jsii_struct_bases=[],
    name_mapping={
        "audit_annotations": "auditAnnotations",
        "autogen": "autogen",
        "evaluation": "evaluation",
        "failure_policy": "failurePolicy",
        "match_conditions": "matchConditions",
        "match_constraints": "matchConstraints",
        "mutations": "mutations",
        "reinvocation_policy": "reinvocationPolicy",
        "target_match_conditions": "targetMatchConditions",
        "target_match_constraints": "targetMatchConstraints",
        "variables": "variables",
        "webhook_configuration": "webhookConfiguration",
    },
)
class MutatingPolicySpec:
    def __init__(
        self,
        *,
        audit_annotations: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecAuditAnnotations", typing.Dict[builtins.str, typing.Any]]]] = None,
        autogen: typing.Optional[typing.Union["MutatingPolicySpecAutogen", typing.Dict[builtins.str, typing.Any]]] = None,
        evaluation: typing.Optional[typing.Union["MutatingPolicySpecEvaluation", typing.Dict[builtins.str, typing.Any]]] = None,
        failure_policy: typing.Optional["MutatingPolicySpecFailurePolicy"] = None,
        match_conditions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMatchConditions", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_constraints: typing.Optional[typing.Union["MutatingPolicySpecMatchConstraints", typing.Dict[builtins.str, typing.Any]]] = None,
        mutations: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMutations", typing.Dict[builtins.str, typing.Any]]]] = None,
        reinvocation_policy: typing.Optional[builtins.str] = None,
        target_match_conditions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecTargetMatchConditions", typing.Dict[builtins.str, typing.Any]]]] = None,
        target_match_constraints: typing.Optional[typing.Union["MutatingPolicySpecTargetMatchConstraints", typing.Dict[builtins.str, typing.Any]]] = None,
        variables: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecVariables", typing.Dict[builtins.str, typing.Any]]]] = None,
        webhook_configuration: typing.Optional[typing.Union["MutatingPolicySpecWebhookConfiguration", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''MutatingPolicySpec is the specification of the desired behavior of the MutatingPolicy.

        :param audit_annotations: AuditAnnotations contains CEL expressions which are used to produce audit annotations that are surfaced as properties in policy report results. auditAnnotations are evaluated after the mutations have been applied successfully. The results of evaluating the expressions are attached to the report result as properties with the annotation key. If the expression evaluates to an empty string or null the annotation will not be included.
        :param autogen: AutogenConfiguration defines the configuration for the generation controller.
        :param evaluation: EvaluationConfiguration defines the configuration for mutating policy evaluation.
        :param failure_policy: failurePolicy defines how to handle failures for the admission policy. Failures can occur from CEL expression parse errors, type check errors, runtime errors and invalid or mis-configured policy definitions or bindings. failurePolicy does not define how validations that evaluate to false are handled. When failurePolicy is set to Fail, the validationActions field define how failures are enforced. Allowed values are Ignore or Fail. Defaults to Fail. Default: Fail.
        :param match_conditions: MatchConditions is a list of conditions that must be met for a request to be validated. Match conditions filter requests that have already been matched by the rules, namespaceSelector, and objectSelector. An empty list of matchConditions matches all requests. There are a maximum of 64 match conditions allowed. The exact matching logic is (in order): 1. If ANY matchCondition evaluates to FALSE, the policy is skipped. 2. If ALL matchConditions evaluate to TRUE, the policy is evaluated. 3. If any matchCondition evaluates to an error (but none are FALSE): - If failurePolicy=Fail, reject the request - If failurePolicy=Ignore, the policy is skipped
        :param match_constraints: MatchConstraints specifies the trigger resources this policy is designed to evaluate. The AdmissionPolicy cares about a request if it matches *all* Constraints. Trigger constraints and MatchConditions are evaluated before target resolution. Required.
        :param mutations: mutations contain operations to perform on matching objects. mutations may not be empty; a minimum of one mutation is required. mutations are evaluated in order, and are reinvoked according to the reinvocationPolicy. The mutations of a policy are invoked for each binding of this policy and reinvocation of mutations occurs on a per binding basis.
        :param reinvocation_policy: reinvocationPolicy indicates whether mutations may be called multiple times per MutatingAdmissionPolicyBinding as part of a single admission evaluation. Allowed values are "Never" and "IfNeeded". Never: These mutations will not be called more than once per binding in a single admission evaluation. IfNeeded: These mutations may be invoked more than once per binding for a single admission request and there is no guarantee of order with respect to other admission plugins, admission webhooks, bindings of this policy and admission policies. Mutations are only reinvoked when mutations change the object after this mutation is invoked. Required.
        :param target_match_conditions: TargetMatchConditions is a list of conditions that must be met for a resolved target resource. Target match conditions are evaluated after variables and target resolution. They can reference variables and use Object to refer to the target resource.
        :param target_match_constraints: TargetMatchConstraints resolves the resources to mutate after Variables are evaluated.
        :param variables: Variables contain definitions of variables that can be used in composition of other expressions. Each variable is defined as a named CEL expression. The variables defined here will be available under ``variables`` in other expressions of the policy, including MatchConditions where they are evaluated lazily on first reference. Note that a native Kubernetes MutatingAdmissionPolicy does not support variables in match conditions; policies that generate a MutatingAdmissionPolicy through autogen should not reference variables in MatchConditions. The expression of a variable can refer to other variables defined earlier in the list but not those after. Thus, Variables must be sorted by the order of first appearance and acyclic.
        :param webhook_configuration: WebhookConfiguration defines the configuration for the webhook.

        :schema: MutatingPolicySpec
        '''
        if isinstance(autogen, dict):
            autogen = MutatingPolicySpecAutogen(**autogen)
        if isinstance(evaluation, dict):
            evaluation = MutatingPolicySpecEvaluation(**evaluation)
        if isinstance(match_constraints, dict):
            match_constraints = MutatingPolicySpecMatchConstraints(**match_constraints)
        if isinstance(target_match_constraints, dict):
            target_match_constraints = MutatingPolicySpecTargetMatchConstraints(**target_match_constraints)
        if isinstance(webhook_configuration, dict):
            webhook_configuration = MutatingPolicySpecWebhookConfiguration(**webhook_configuration)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__7c5c28c81d666d629d2409c59692f78b055a17105388cd08426445821c69aa8e)
            check_type(argname="argument audit_annotations", value=audit_annotations, expected_type=type_hints["audit_annotations"])
            check_type(argname="argument autogen", value=autogen, expected_type=type_hints["autogen"])
            check_type(argname="argument evaluation", value=evaluation, expected_type=type_hints["evaluation"])
            check_type(argname="argument failure_policy", value=failure_policy, expected_type=type_hints["failure_policy"])
            check_type(argname="argument match_conditions", value=match_conditions, expected_type=type_hints["match_conditions"])
            check_type(argname="argument match_constraints", value=match_constraints, expected_type=type_hints["match_constraints"])
            check_type(argname="argument mutations", value=mutations, expected_type=type_hints["mutations"])
            check_type(argname="argument reinvocation_policy", value=reinvocation_policy, expected_type=type_hints["reinvocation_policy"])
            check_type(argname="argument target_match_conditions", value=target_match_conditions, expected_type=type_hints["target_match_conditions"])
            check_type(argname="argument target_match_constraints", value=target_match_constraints, expected_type=type_hints["target_match_constraints"])
            check_type(argname="argument variables", value=variables, expected_type=type_hints["variables"])
            check_type(argname="argument webhook_configuration", value=webhook_configuration, expected_type=type_hints["webhook_configuration"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if audit_annotations is not None:
            self._values["audit_annotations"] = audit_annotations
        if autogen is not None:
            self._values["autogen"] = autogen
        if evaluation is not None:
            self._values["evaluation"] = evaluation
        if failure_policy is not None:
            self._values["failure_policy"] = failure_policy
        if match_conditions is not None:
            self._values["match_conditions"] = match_conditions
        if match_constraints is not None:
            self._values["match_constraints"] = match_constraints
        if mutations is not None:
            self._values["mutations"] = mutations
        if reinvocation_policy is not None:
            self._values["reinvocation_policy"] = reinvocation_policy
        if target_match_conditions is not None:
            self._values["target_match_conditions"] = target_match_conditions
        if target_match_constraints is not None:
            self._values["target_match_constraints"] = target_match_constraints
        if variables is not None:
            self._values["variables"] = variables
        if webhook_configuration is not None:
            self._values["webhook_configuration"] = webhook_configuration

    @builtins.property
    def audit_annotations(
        self,
    ) -> typing.Optional[typing.List["MutatingPolicySpecAuditAnnotations"]]:
        '''AuditAnnotations contains CEL expressions which are used to produce audit annotations that are surfaced as properties in policy report results.

        auditAnnotations are evaluated after the mutations have been
        applied successfully. The results of evaluating the expressions are attached to the report result as
        properties with the annotation key.
        If the expression evaluates to an empty string or null the annotation will not be included.

        :schema: MutatingPolicySpec#auditAnnotations
        '''
        result = self._values.get("audit_annotations")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecAuditAnnotations"]], result)

    @builtins.property
    def autogen(self) -> typing.Optional["MutatingPolicySpecAutogen"]:
        '''AutogenConfiguration defines the configuration for the generation controller.

        :schema: MutatingPolicySpec#autogen
        '''
        result = self._values.get("autogen")
        return typing.cast(typing.Optional["MutatingPolicySpecAutogen"], result)

    @builtins.property
    def evaluation(self) -> typing.Optional["MutatingPolicySpecEvaluation"]:
        '''EvaluationConfiguration defines the configuration for mutating policy evaluation.

        :schema: MutatingPolicySpec#evaluation
        '''
        result = self._values.get("evaluation")
        return typing.cast(typing.Optional["MutatingPolicySpecEvaluation"], result)

    @builtins.property
    def failure_policy(self) -> typing.Optional["MutatingPolicySpecFailurePolicy"]:
        '''failurePolicy defines how to handle failures for the admission policy.

        Failures can
        occur from CEL expression parse errors, type check errors, runtime errors and invalid
        or mis-configured policy definitions or bindings.

        failurePolicy does not define how validations that evaluate to false are handled.

        When failurePolicy is set to Fail, the validationActions field define how failures are enforced.

        Allowed values are Ignore or Fail. Defaults to Fail.

        :default: Fail.

        :schema: MutatingPolicySpec#failurePolicy
        '''
        result = self._values.get("failure_policy")
        return typing.cast(typing.Optional["MutatingPolicySpecFailurePolicy"], result)

    @builtins.property
    def match_conditions(
        self,
    ) -> typing.Optional[typing.List["MutatingPolicySpecMatchConditions"]]:
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

        :schema: MutatingPolicySpec#matchConditions
        '''
        result = self._values.get("match_conditions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMatchConditions"]], result)

    @builtins.property
    def match_constraints(
        self,
    ) -> typing.Optional["MutatingPolicySpecMatchConstraints"]:
        '''MatchConstraints specifies the trigger resources this policy is designed to evaluate.

        The AdmissionPolicy cares about a request if it matches *all* Constraints.
        Trigger constraints and MatchConditions are evaluated before target resolution.
        Required.

        :schema: MutatingPolicySpec#matchConstraints
        '''
        result = self._values.get("match_constraints")
        return typing.cast(typing.Optional["MutatingPolicySpecMatchConstraints"], result)

    @builtins.property
    def mutations(self) -> typing.Optional[typing.List["MutatingPolicySpecMutations"]]:
        '''mutations contain operations to perform on matching objects.

        mutations may not be empty; a minimum of one mutation is required.
        mutations are evaluated in order, and are reinvoked according to
        the reinvocationPolicy.
        The mutations of a policy are invoked for each binding of this policy
        and reinvocation of mutations occurs on a per binding basis.

        :schema: MutatingPolicySpec#mutations
        '''
        result = self._values.get("mutations")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMutations"]], result)

    @builtins.property
    def reinvocation_policy(self) -> typing.Optional[builtins.str]:
        '''reinvocationPolicy indicates whether mutations may be called multiple times per MutatingAdmissionPolicyBinding as part of a single admission evaluation.

        Allowed values are "Never" and "IfNeeded".

        Never: These mutations will not be called more than once per binding in a single admission evaluation.

        IfNeeded: These mutations may be invoked more than once per binding for a single admission request and there is no guarantee of
        order with respect to other admission plugins, admission webhooks, bindings of this policy and admission policies.  Mutations are only
        reinvoked when mutations change the object after this mutation is invoked.
        Required.

        :schema: MutatingPolicySpec#reinvocationPolicy
        '''
        result = self._values.get("reinvocation_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def target_match_conditions(
        self,
    ) -> typing.Optional[typing.List["MutatingPolicySpecTargetMatchConditions"]]:
        '''TargetMatchConditions is a list of conditions that must be met for a resolved target resource.

        Target match conditions are evaluated after variables and target resolution. They can reference
        variables and use Object to refer to the target resource.

        :schema: MutatingPolicySpec#targetMatchConditions
        '''
        result = self._values.get("target_match_conditions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecTargetMatchConditions"]], result)

    @builtins.property
    def target_match_constraints(
        self,
    ) -> typing.Optional["MutatingPolicySpecTargetMatchConstraints"]:
        '''TargetMatchConstraints resolves the resources to mutate after Variables are evaluated.

        :schema: MutatingPolicySpec#targetMatchConstraints
        '''
        result = self._values.get("target_match_constraints")
        return typing.cast(typing.Optional["MutatingPolicySpecTargetMatchConstraints"], result)

    @builtins.property
    def variables(self) -> typing.Optional[typing.List["MutatingPolicySpecVariables"]]:
        '''Variables contain definitions of variables that can be used in composition of other expressions.

        Each variable is defined as a named CEL expression.
        The variables defined here will be available under ``variables`` in other expressions of the policy,
        including MatchConditions where they are evaluated lazily on first reference.
        Note that a native Kubernetes MutatingAdmissionPolicy does not support variables in match
        conditions; policies that generate a MutatingAdmissionPolicy through autogen should not
        reference variables in MatchConditions.

        The expression of a variable can refer to other variables defined earlier in the list but not those after.
        Thus, Variables must be sorted by the order of first appearance and acyclic.

        :schema: MutatingPolicySpec#variables
        '''
        result = self._values.get("variables")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecVariables"]], result)

    @builtins.property
    def webhook_configuration(
        self,
    ) -> typing.Optional["MutatingPolicySpecWebhookConfiguration"]:
        '''WebhookConfiguration defines the configuration for the webhook.

        :schema: MutatingPolicySpec#webhookConfiguration
        '''
        result = self._values.get("webhook_configuration")
        return typing.cast(typing.Optional["MutatingPolicySpecWebhookConfiguration"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpec(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecAuditAnnotations",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "value_expression": "valueExpression"},
)
class MutatingPolicySpecAuditAnnotations:
    def __init__(self, *, key: builtins.str, value_expression: builtins.str) -> None:
        '''AuditAnnotation describes how to produce an audit annotation for an API request.

        :param key: key specifies the audit annotation key. The audit annotation keys of a ValidatingAdmissionPolicy must be unique. The key must be a qualified name ([A-Za-z0-9][-A-Za-z0-9_.]*) no more than 63 bytes in length. The key is combined with the resource name of the ValidatingAdmissionPolicy to construct an audit annotation key: "{ValidatingAdmissionPolicy name}/{key}". If an admission webhook uses the same resource name as this ValidatingAdmissionPolicy and the same audit annotation key, the annotation key will be identical. In this case, the first annotation written with the key will be included in the audit event and all subsequent annotations with the same key will be discarded. Required.
        :param value_expression: valueExpression represents the expression which is evaluated by CEL to produce an audit annotation value. The expression must evaluate to either a string or null value. If the expression evaluates to a string, the audit annotation is included with the string value. If the expression evaluates to null or empty string the audit annotation will be omitted. The valueExpression may be no longer than 5kb in length. If the result of the valueExpression is more than 10kb in length, it will be truncated to 10kb. If multiple ValidatingAdmissionPolicyBinding resources match an API request, then the valueExpression will be evaluated for each binding. All unique values produced by the valueExpressions will be joined together in a comma-separated list. Required.

        :schema: MutatingPolicySpecAuditAnnotations
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__eaffc76a9504b1a2404f8ec50da502e4343a023d97eacfb7df5ecf7405a7a5d1)
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

        :schema: MutatingPolicySpecAuditAnnotations#key
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

        :schema: MutatingPolicySpecAuditAnnotations#valueExpression
        '''
        result = self._values.get("value_expression")
        assert result is not None, "Required property 'value_expression' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecAuditAnnotations(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecAutogen",
    jsii_struct_bases=[],
    name_mapping={
        "mutating_admission_policy": "mutatingAdmissionPolicy",
        "pod_controllers": "podControllers",
    },
)
class MutatingPolicySpecAutogen:
    def __init__(
        self,
        *,
        mutating_admission_policy: typing.Optional[typing.Union["MutatingPolicySpecAutogenMutatingAdmissionPolicy", typing.Dict[builtins.str, typing.Any]]] = None,
        pod_controllers: typing.Optional[typing.Union["MutatingPolicySpecAutogenPodControllers", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''AutogenConfiguration defines the configuration for the generation controller.

        :param mutating_admission_policy: MutatingAdmissionPolicy specifies whether to generate a Kubernetes MutatingAdmissionPolicy.
        :param pod_controllers: PodControllers specifies whether to generate a pod controllers rules.

        :schema: MutatingPolicySpecAutogen
        '''
        if isinstance(mutating_admission_policy, dict):
            mutating_admission_policy = MutatingPolicySpecAutogenMutatingAdmissionPolicy(**mutating_admission_policy)
        if isinstance(pod_controllers, dict):
            pod_controllers = MutatingPolicySpecAutogenPodControllers(**pod_controllers)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ce2d94d9e493b6a45a8498a49c05e1d6ce8bddc2b072fcf28372ad9256c9acec)
            check_type(argname="argument mutating_admission_policy", value=mutating_admission_policy, expected_type=type_hints["mutating_admission_policy"])
            check_type(argname="argument pod_controllers", value=pod_controllers, expected_type=type_hints["pod_controllers"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if mutating_admission_policy is not None:
            self._values["mutating_admission_policy"] = mutating_admission_policy
        if pod_controllers is not None:
            self._values["pod_controllers"] = pod_controllers

    @builtins.property
    def mutating_admission_policy(
        self,
    ) -> typing.Optional["MutatingPolicySpecAutogenMutatingAdmissionPolicy"]:
        '''MutatingAdmissionPolicy specifies whether to generate a Kubernetes MutatingAdmissionPolicy.

        :schema: MutatingPolicySpecAutogen#mutatingAdmissionPolicy
        '''
        result = self._values.get("mutating_admission_policy")
        return typing.cast(typing.Optional["MutatingPolicySpecAutogenMutatingAdmissionPolicy"], result)

    @builtins.property
    def pod_controllers(
        self,
    ) -> typing.Optional["MutatingPolicySpecAutogenPodControllers"]:
        '''PodControllers specifies whether to generate a pod controllers rules.

        :schema: MutatingPolicySpecAutogen#podControllers
        '''
        result = self._values.get("pod_controllers")
        return typing.cast(typing.Optional["MutatingPolicySpecAutogenPodControllers"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecAutogen(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecAutogenMutatingAdmissionPolicy",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class MutatingPolicySpecAutogenMutatingAdmissionPolicy:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''MutatingAdmissionPolicy specifies whether to generate a Kubernetes MutatingAdmissionPolicy.

        :param enabled: Enabled specifies whether to generate a Kubernetes MutatingAdmissionPolicy. Optional. Defaults to "false" if not specified. Default: false" if not specified.

        :schema: MutatingPolicySpecAutogenMutatingAdmissionPolicy
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__912d9730a8cfef6c9ad41a5e84a722d5bf4955989eab4593d52467592c19f7d0)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled specifies whether to generate a Kubernetes MutatingAdmissionPolicy.

        Optional. Defaults to "false" if not specified.

        :default: false" if not specified.

        :schema: MutatingPolicySpecAutogenMutatingAdmissionPolicy#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecAutogenMutatingAdmissionPolicy(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecAutogenPodControllers",
    jsii_struct_bases=[],
    name_mapping={"controllers": "controllers"},
)
class MutatingPolicySpecAutogenPodControllers:
    def __init__(
        self,
        *,
        controllers: typing.Optional[typing.Sequence[builtins.str]] = None,
    ) -> None:
        '''PodControllers specifies whether to generate a pod controllers rules.

        :param controllers: 

        :schema: MutatingPolicySpecAutogenPodControllers
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b30fcf8a7abd132e83ff01d5c12eb38341f058e4dd30988760013d87cf60e3b8)
            check_type(argname="argument controllers", value=controllers, expected_type=type_hints["controllers"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if controllers is not None:
            self._values["controllers"] = controllers

    @builtins.property
    def controllers(self) -> typing.Optional[typing.List[builtins.str]]:
        '''
        :schema: MutatingPolicySpecAutogenPodControllers#controllers
        '''
        result = self._values.get("controllers")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecAutogenPodControllers(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecEvaluation",
    jsii_struct_bases=[],
    name_mapping={
        "admission": "admission",
        "background": "background",
        "mode": "mode",
        "mutate_existing": "mutateExisting",
        "skip_background_requests": "skipBackgroundRequests",
        "use_server_side_apply": "useServerSideApply",
    },
)
class MutatingPolicySpecEvaluation:
    def __init__(
        self,
        *,
        admission: typing.Optional[typing.Union["MutatingPolicySpecEvaluationAdmission", typing.Dict[builtins.str, typing.Any]]] = None,
        background: typing.Optional[typing.Union["MutatingPolicySpecEvaluationBackground", typing.Dict[builtins.str, typing.Any]]] = None,
        mode: typing.Optional[builtins.str] = None,
        mutate_existing: typing.Optional[typing.Union["MutatingPolicySpecEvaluationMutateExisting", typing.Dict[builtins.str, typing.Any]]] = None,
        skip_background_requests: typing.Optional[builtins.bool] = None,
        use_server_side_apply: typing.Optional[builtins.bool] = None,
    ) -> None:
        '''EvaluationConfiguration defines the configuration for mutating policy evaluation.

        :param admission: Admission controls policy evaluation during admission.
        :param background: Background controls policy evaluation during background scan.
        :param mode: Mode is the mode of policy evaluation. Allowed values are "Kubernetes" or "JSON". Optional. Default value is "Kubernetes".
        :param mutate_existing: MutateExisting controls whether existing resources are mutated.
        :param skip_background_requests: SkipBackgroundRequests bypasses admission requests that are sent by the background controller. The default value is set to "true", it must be set to "false" to apply mutateExisting rules to those requests.
        :param use_server_side_apply: UseServerSideApply applies ApplyConfiguration patches with Server-Side Apply semantics, which allows setting atomic fields (for example a container's args or a projected volume) that the default MutatingAdmissionPolicy behaviour rejects. When true, an atomic value is replaced as a whole, so any field the object owner set but the patch does not is dropped. The default is false, which keeps parity with a native MutatingAdmissionPolicy.

        :schema: MutatingPolicySpecEvaluation
        '''
        if isinstance(admission, dict):
            admission = MutatingPolicySpecEvaluationAdmission(**admission)
        if isinstance(background, dict):
            background = MutatingPolicySpecEvaluationBackground(**background)
        if isinstance(mutate_existing, dict):
            mutate_existing = MutatingPolicySpecEvaluationMutateExisting(**mutate_existing)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__3fc31a7100785ba8121cc4bb3722bafa16fce95f7692e1379b53210df28bfab8)
            check_type(argname="argument admission", value=admission, expected_type=type_hints["admission"])
            check_type(argname="argument background", value=background, expected_type=type_hints["background"])
            check_type(argname="argument mode", value=mode, expected_type=type_hints["mode"])
            check_type(argname="argument mutate_existing", value=mutate_existing, expected_type=type_hints["mutate_existing"])
            check_type(argname="argument skip_background_requests", value=skip_background_requests, expected_type=type_hints["skip_background_requests"])
            check_type(argname="argument use_server_side_apply", value=use_server_side_apply, expected_type=type_hints["use_server_side_apply"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if admission is not None:
            self._values["admission"] = admission
        if background is not None:
            self._values["background"] = background
        if mode is not None:
            self._values["mode"] = mode
        if mutate_existing is not None:
            self._values["mutate_existing"] = mutate_existing
        if skip_background_requests is not None:
            self._values["skip_background_requests"] = skip_background_requests
        if use_server_side_apply is not None:
            self._values["use_server_side_apply"] = use_server_side_apply

    @builtins.property
    def admission(self) -> typing.Optional["MutatingPolicySpecEvaluationAdmission"]:
        '''Admission controls policy evaluation during admission.

        :schema: MutatingPolicySpecEvaluation#admission
        '''
        result = self._values.get("admission")
        return typing.cast(typing.Optional["MutatingPolicySpecEvaluationAdmission"], result)

    @builtins.property
    def background(self) -> typing.Optional["MutatingPolicySpecEvaluationBackground"]:
        '''Background controls policy evaluation during background scan.

        :schema: MutatingPolicySpecEvaluation#background
        '''
        result = self._values.get("background")
        return typing.cast(typing.Optional["MutatingPolicySpecEvaluationBackground"], result)

    @builtins.property
    def mode(self) -> typing.Optional[builtins.str]:
        '''Mode is the mode of policy evaluation.

        Allowed values are "Kubernetes" or "JSON".
        Optional. Default value is "Kubernetes".

        :schema: MutatingPolicySpecEvaluation#mode
        '''
        result = self._values.get("mode")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def mutate_existing(
        self,
    ) -> typing.Optional["MutatingPolicySpecEvaluationMutateExisting"]:
        '''MutateExisting controls whether existing resources are mutated.

        :schema: MutatingPolicySpecEvaluation#mutateExisting
        '''
        result = self._values.get("mutate_existing")
        return typing.cast(typing.Optional["MutatingPolicySpecEvaluationMutateExisting"], result)

    @builtins.property
    def skip_background_requests(self) -> typing.Optional[builtins.bool]:
        '''SkipBackgroundRequests bypasses admission requests that are sent by the background controller.

        The default value is set to "true", it must be set to "false" to apply mutateExisting rules to those requests.

        :schema: MutatingPolicySpecEvaluation#skipBackgroundRequests
        '''
        result = self._values.get("skip_background_requests")
        return typing.cast(typing.Optional[builtins.bool], result)

    @builtins.property
    def use_server_side_apply(self) -> typing.Optional[builtins.bool]:
        '''UseServerSideApply applies ApplyConfiguration patches with Server-Side Apply semantics, which allows setting atomic fields (for example a container's args or a projected volume) that the default MutatingAdmissionPolicy behaviour rejects.

        When true, an atomic value is
        replaced as a whole, so any field the object owner set but the patch does not is dropped.
        The default is false, which keeps parity with a native MutatingAdmissionPolicy.

        :schema: MutatingPolicySpecEvaluation#useServerSideApply
        '''
        result = self._values.get("use_server_side_apply")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecEvaluation(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecEvaluationAdmission",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class MutatingPolicySpecEvaluationAdmission:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''Admission controls policy evaluation during admission.

        :param enabled: Enabled controls if rules are applied during admission. Optional. Default value is "true".

        :schema: MutatingPolicySpecEvaluationAdmission
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ae9ae713cbbe5c28c6c29d2ee0c1eca9741b03071a6b3761ffd5cdd238efcfe0)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls if rules are applied during admission.

        Optional. Default value is "true".

        :schema: MutatingPolicySpecEvaluationAdmission#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecEvaluationAdmission(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecEvaluationBackground",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class MutatingPolicySpecEvaluationBackground:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''Background controls policy evaluation during background scan.

        :param enabled: Enabled controls if rules are applied to existing resources during a background scan. Optional. Default value is "true". The value must be set to "false" if the policy rule uses variables that are only available in the admission review request (e.g. user name).

        :schema: MutatingPolicySpecEvaluationBackground
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__8d4103854b967ed96fa321de3c7da3afbf9725c7fac7a1025ca50f6faf4feb60)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled controls if rules are applied to existing resources during a background scan.

        Optional. Default value is "true". The value must be set to "false" if the policy rule
        uses variables that are only available in the admission review request (e.g. user name).

        :schema: MutatingPolicySpecEvaluationBackground#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecEvaluationBackground(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecEvaluationMutateExisting",
    jsii_struct_bases=[],
    name_mapping={"enabled": "enabled"},
)
class MutatingPolicySpecEvaluationMutateExisting:
    def __init__(self, *, enabled: typing.Optional[builtins.bool] = None) -> None:
        '''MutateExisting controls whether existing resources are mutated.

        :param enabled: Enabled enables mutation of existing resources. Default is false. When spec.targetMatchConstraints is not defined, Kyverno mutates existing resources matched in spec.matchConstraints. Default: false.

        :schema: MutatingPolicySpecEvaluationMutateExisting
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b8d5746c8afefe469825242966ca09bd715b75a412f4914fd3f3ef70f167dd07)
            check_type(argname="argument enabled", value=enabled, expected_type=type_hints["enabled"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if enabled is not None:
            self._values["enabled"] = enabled

    @builtins.property
    def enabled(self) -> typing.Optional[builtins.bool]:
        '''Enabled enables mutation of existing resources.

        Default is false.
        When spec.targetMatchConstraints is not defined, Kyverno mutates existing resources matched in spec.matchConstraints.

        :default: false.

        :schema: MutatingPolicySpecEvaluationMutateExisting#enabled
        '''
        result = self._values.get("enabled")
        return typing.cast(typing.Optional[builtins.bool], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecEvaluationMutateExisting(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.enum(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecFailurePolicy"
)
class MutatingPolicySpecFailurePolicy(enum.Enum):
    '''failurePolicy defines how to handle failures for the admission policy.

    Failures can
    occur from CEL expression parse errors, type check errors, runtime errors and invalid
    or mis-configured policy definitions or bindings.

    failurePolicy does not define how validations that evaluate to false are handled.

    When failurePolicy is set to Fail, the validationActions field define how failures are enforced.

    Allowed values are Ignore or Fail. Defaults to Fail.

    :default: Fail.

    :schema: MutatingPolicySpecFailurePolicy
    '''

    IGNORE = "IGNORE"
    '''Ignore.'''
    FAIL = "FAIL"
    '''Fail.'''


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConditions",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "name": "name"},
)
class MutatingPolicySpecMatchConditions:
    def __init__(self, *, expression: builtins.str, name: builtins.str) -> None:
        '''MatchCondition represents a condition which must by fulfilled for a request to be sent to a webhook.

        :param expression: expression represents the expression which will be evaluated by CEL. Must evaluate to bool. CEL expressions have access to the contents of the AdmissionRequest and Authorizer, organized into CEL variables: 'object' - The object from the incoming request. The value is null for DELETE requests. 'oldObject' - The existing object. The value is null for CREATE requests. 'request' - Attributes of the admission request(/pkg/apis/admission/types.go#AdmissionRequest). 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request. See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the request resource. Documentation on CEL: https://kubernetes.io/docs/reference/using-api/cel/ Required.
        :param name: name is an identifier for this match condition, used for strategic merging of MatchConditions, as well as providing an identifier for logging purposes. A good name should be descriptive of the associated expression. Name must be a qualified name consisting of alphanumeric characters, '-', '*' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9*.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName') Required.

        :schema: MutatingPolicySpecMatchConditions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__d4632ae2e4c84d84929b74ffa6504a01e57dca9a1ba583d5aef038cb1a3e05a8)
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

        :schema: MutatingPolicySpecMatchConditions#expression
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

        :schema: MutatingPolicySpecMatchConditions#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConditions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraints",
    jsii_struct_bases=[],
    name_mapping={
        "exclude_resource_rules": "excludeResourceRules",
        "match_policy": "matchPolicy",
        "namespace_selector": "namespaceSelector",
        "object_selector": "objectSelector",
        "resource_rules": "resourceRules",
    },
)
class MutatingPolicySpecMatchConstraints:
    def __init__(
        self,
        *,
        exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMatchConstraintsExcludeResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
        match_policy: typing.Optional[builtins.str] = None,
        namespace_selector: typing.Optional[typing.Union["MutatingPolicySpecMatchConstraintsNamespaceSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        object_selector: typing.Optional[typing.Union["MutatingPolicySpecMatchConstraintsObjectSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        resource_rules: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMatchConstraintsResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''MatchConstraints specifies the trigger resources this policy is designed to evaluate.

        The AdmissionPolicy cares about a request if it matches *all* Constraints.
        Trigger constraints and MatchConditions are evaluated before target resolution.
        Required.

        :param exclude_resource_rules: excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about. The exclude rules take precedence over include rules (if a resource matches both, it is excluded)
        :param match_policy: matchPolicy defines how the "MatchResources" list is used to match incoming requests. Allowed values are "Exact" or "Equivalent". - Exact: match a request only if it exactly matches a specified rule. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, but "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would not be sent to the ValidatingAdmissionPolicy. - Equivalent: match a request if modifies a resource listed in rules, even via another API group or version. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, and "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would be converted to apps/v1 and sent to the ValidatingAdmissionPolicy. Defaults to "Equivalent" Default: Equivalent"
        :param namespace_selector: namespaceSelector decides whether to run the admission control policy on an object based on whether the namespace for that object matches the selector. If the object itself is a namespace, the matching is performed on object.metadata.labels. If the object is another cluster scoped resource, it never skips the policy. For example, to run the webhook on any objects whose namespace is not associated with "runlevel" of "0" or "1"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "runlevel", "operator": "NotIn", "values": [ "0", "1" ] } ] } If instead you want to only run the policy on any objects whose namespace is associated with the "environment" of "prod" or "staging"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "environment", "operator": "In", "values": [ "prod", "staging" ] } ] } See https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/ for more examples of label selectors. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param object_selector: objectSelector decides whether to run the validation based on if the object has matching labels. objectSelector is evaluated against both the oldObject and newObject that would be sent to the cel validation, and is considered to match if either object matches the selector. A null object (oldObject in the case of create, or newObject in the case of delete) or an object that cannot have labels (like a DeploymentRollback or a PodProxyOptions object) is not considered to match. Use the object selector only if the webhook is opt-in, because end users may skip the admission webhook by setting the labels. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param resource_rules: resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches. The policy cares about an operation if it matches *any* Rule.

        :schema: MutatingPolicySpecMatchConstraints
        '''
        if isinstance(namespace_selector, dict):
            namespace_selector = MutatingPolicySpecMatchConstraintsNamespaceSelector(**namespace_selector)
        if isinstance(object_selector, dict):
            object_selector = MutatingPolicySpecMatchConstraintsObjectSelector(**object_selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__224d8eafc0c2304daca8d6233c3c70019df72ffa87f9d29be5fe963bc80cf5c7)
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsExcludeResourceRules"]]:
        '''excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about.

        The exclude rules take precedence over include rules (if a resource matches both, it is excluded)

        :schema: MutatingPolicySpecMatchConstraints#excludeResourceRules
        '''
        result = self._values.get("exclude_resource_rules")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsExcludeResourceRules"]], result)

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

        :schema: MutatingPolicySpecMatchConstraints#matchPolicy
        '''
        result = self._values.get("match_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace_selector(
        self,
    ) -> typing.Optional["MutatingPolicySpecMatchConstraintsNamespaceSelector"]:
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

        :schema: MutatingPolicySpecMatchConstraints#namespaceSelector
        '''
        result = self._values.get("namespace_selector")
        return typing.cast(typing.Optional["MutatingPolicySpecMatchConstraintsNamespaceSelector"], result)

    @builtins.property
    def object_selector(
        self,
    ) -> typing.Optional["MutatingPolicySpecMatchConstraintsObjectSelector"]:
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

        :schema: MutatingPolicySpecMatchConstraints#objectSelector
        '''
        result = self._values.get("object_selector")
        return typing.cast(typing.Optional["MutatingPolicySpecMatchConstraintsObjectSelector"], result)

    @builtins.property
    def resource_rules(
        self,
    ) -> typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsResourceRules"]]:
        '''resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches.

        The policy cares about an operation if it matches *any* Rule.

        :schema: MutatingPolicySpecMatchConstraints#resourceRules
        '''
        result = self._values.get("resource_rules")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsResourceRules"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraints(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsExcludeResourceRules",
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
class MutatingPolicySpecMatchConstraintsExcludeResourceRules:
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

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__daeda146b61236500415efbc938a59deca0bf6615823d4013ca5ff264da02c2e)
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

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#resourceNames
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

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#resources
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

        :schema: MutatingPolicySpecMatchConstraintsExcludeResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsExcludeResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsNamespaceSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class MutatingPolicySpecMatchConstraintsNamespaceSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
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

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__29567575233af62da84deda42dbb7644afb02e1ce2e976e919f13b4b07095786)
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsNamespaceSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions:
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

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b0718081e603e69ea264caba2f8d640c431ddaf486dd4b6a6d4e8a518235e6a0)
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

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#operator
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

        :schema: MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsObjectSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class MutatingPolicySpecMatchConstraintsObjectSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
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

        :schema: MutatingPolicySpecMatchConstraintsObjectSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__126f7827eaccd5a5f016327f8bd3b254b11400dd763ffe5c056c4a967c4dcabe)
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: MutatingPolicySpecMatchConstraintsObjectSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: MutatingPolicySpecMatchConstraintsObjectSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsObjectSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions:
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

        :schema: MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__9987685777ffc21a70e7710ab83c74bc37cd1886b5237ec0aa4dfbd1aee425e1)
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

        :schema: MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#operator
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

        :schema: MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMatchConstraintsResourceRules",
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
class MutatingPolicySpecMatchConstraintsResourceRules:
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

        :schema: MutatingPolicySpecMatchConstraintsResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__b6107d0357508ce2cc9bc1cf471e9d7c0adf5dc2177793afba00c2e8e0a6ce78)
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

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#resourceNames
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

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#resources
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

        :schema: MutatingPolicySpecMatchConstraintsResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMatchConstraintsResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMutations",
    jsii_struct_bases=[],
    name_mapping={
        "patch_type": "patchType",
        "apply_configuration": "applyConfiguration",
        "json_patch": "jsonPatch",
    },
)
class MutatingPolicySpecMutations:
    def __init__(
        self,
        *,
        patch_type: builtins.str,
        apply_configuration: typing.Optional[typing.Union["MutatingPolicySpecMutationsApplyConfiguration", typing.Dict[builtins.str, typing.Any]]] = None,
        json_patch: typing.Optional[typing.Union["MutatingPolicySpecMutationsJsonPatch", typing.Dict[builtins.str, typing.Any]]] = None,
    ) -> None:
        '''Mutation specifies the CEL expression which is used to apply the Mutation.

        :param patch_type: patchType indicates the patch strategy used. Allowed values are "ApplyConfiguration" and "JSONPatch". Required.
        :param apply_configuration: applyConfiguration defines the desired configuration values of an object. The configuration is applied to the admission object using `structured merge diff <https://github.com/kubernetes-sigs/structured-merge-diff>`_. A CEL expression is used to create apply configuration.
        :param json_patch: jsonPatch defines a `JSON patch <https://jsonpatch.com/>`_ operation to perform a mutation to the object. A CEL expression is used to create the JSON patch.

        :schema: MutatingPolicySpecMutations
        '''
        if isinstance(apply_configuration, dict):
            apply_configuration = MutatingPolicySpecMutationsApplyConfiguration(**apply_configuration)
        if isinstance(json_patch, dict):
            json_patch = MutatingPolicySpecMutationsJsonPatch(**json_patch)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__e89cec58a3a271135e5fd3b7339b9417fcc73f79969201f02b5024aeb0e90788)
            check_type(argname="argument patch_type", value=patch_type, expected_type=type_hints["patch_type"])
            check_type(argname="argument apply_configuration", value=apply_configuration, expected_type=type_hints["apply_configuration"])
            check_type(argname="argument json_patch", value=json_patch, expected_type=type_hints["json_patch"])
        self._values: typing.Dict[builtins.str, typing.Any] = {
            "patch_type": patch_type,
        }
        if apply_configuration is not None:
            self._values["apply_configuration"] = apply_configuration
        if json_patch is not None:
            self._values["json_patch"] = json_patch

    @builtins.property
    def patch_type(self) -> builtins.str:
        '''patchType indicates the patch strategy used.

        Allowed values are "ApplyConfiguration" and "JSONPatch".
        Required.

        :schema: MutatingPolicySpecMutations#patchType
        '''
        result = self._values.get("patch_type")
        assert result is not None, "Required property 'patch_type' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def apply_configuration(
        self,
    ) -> typing.Optional["MutatingPolicySpecMutationsApplyConfiguration"]:
        '''applyConfiguration defines the desired configuration values of an object.

        The configuration is applied to the admission object using
        `structured merge diff <https://github.com/kubernetes-sigs/structured-merge-diff>`_.
        A CEL expression is used to create apply configuration.

        :schema: MutatingPolicySpecMutations#applyConfiguration
        '''
        result = self._values.get("apply_configuration")
        return typing.cast(typing.Optional["MutatingPolicySpecMutationsApplyConfiguration"], result)

    @builtins.property
    def json_patch(self) -> typing.Optional["MutatingPolicySpecMutationsJsonPatch"]:
        '''jsonPatch defines a `JSON patch <https://jsonpatch.com/>`_ operation to perform a mutation to the object. A CEL expression is used to create the JSON patch.

        :schema: MutatingPolicySpecMutations#jsonPatch
        '''
        result = self._values.get("json_patch")
        return typing.cast(typing.Optional["MutatingPolicySpecMutationsJsonPatch"], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMutations(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMutationsApplyConfiguration",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression"},
)
class MutatingPolicySpecMutationsApplyConfiguration:
    def __init__(self, *, expression: typing.Optional[builtins.str] = None) -> None:
        '''applyConfiguration defines the desired configuration values of an object.

        The configuration is applied to the admission object using
        `structured merge diff <https://github.com/kubernetes-sigs/structured-merge-diff>`_.
        A CEL expression is used to create apply configuration.

        :param expression: expression will be evaluated by CEL to create an apply configuration. ref: https://github.com/google/cel-spec. Apply configurations are declared in CEL using object initialization. For example, this CEL expression returns an apply configuration to set a single field: Object{ spec: Object.spec{ serviceAccountName: "example" } } Apply configurations may not modify atomic structs, maps or arrays due to the risk of accidental deletion of values not included in the apply configuration. CEL expressions have access to the object types needed to create apply configurations: - 'Object' - CEL type of the resource object. - 'Object.' - CEL type of object field (such as 'Object.spec') - 'Object.....` - CEL type of nested field (such as 'Object.spec.containers') CEL expressions have access to the contents of the API request, organized into CEL variables as well as some other useful variables: - 'object' - The object from the incoming request. The value is null for DELETE requests. - 'oldObject' - The existing object. The value is null for CREATE requests. - 'request' - Attributes of the API request(`ref </pkg/apis/admission/types.go#AdmissionRequest>`_). - 'params' - Parameter resource referred to by the policy binding being evaluated. Only populated if the policy has a ParamKind. - 'namespaceObject' - The namespace object that the incoming object belongs to. The value is null for cluster-scoped resources. - 'variables' - Map of composited variables, from its name to its lazily evaluated value. For example, a variable named 'foo' can be accessed as 'variables.foo'. - 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request. See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz - 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the request resource. The ``apiVersion``, ``kind``, ``metadata.name`` and ``metadata.generateName`` are always accessible from the root of the object. No other metadata properties are accessible. Only property names of the form ``[a-zA-Z_.-/][a-zA-Z0-9_.-/]*`` are accessible. Required.

        :schema: MutatingPolicySpecMutationsApplyConfiguration
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__34f1ba005c32c68108ea769a8c358f12899d3e0efdb19e9e8aa064043053f552)
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if expression is not None:
            self._values["expression"] = expression

    @builtins.property
    def expression(self) -> typing.Optional[builtins.str]:
        '''expression will be evaluated by CEL to create an apply configuration. ref: https://github.com/google/cel-spec.

        Apply configurations are declared in CEL using object initialization. For example, this CEL expression
        returns an apply configuration to set a single field:

        Object{
        spec: Object.spec{
        serviceAccountName: "example"
        }
        }

        Apply configurations may not modify atomic structs, maps or arrays due to the risk of accidental deletion of
        values not included in the apply configuration.

        CEL expressions have access to the object types needed to create apply configurations:

        - 'Object' - CEL type of the resource object.
        - 'Object.' - CEL type of object field (such as 'Object.spec')
        - 'Object.....` - CEL type of nested field (such as 'Object.spec.containers')

        CEL expressions have access to the contents of the API request, organized into CEL variables as well as some other useful variables:

        - 'object' - The object from the incoming request. The value is null for DELETE requests.
        - 'oldObject' - The existing object. The value is null for CREATE requests.
        - 'request' - Attributes of the API request(`ref </pkg/apis/admission/types.go#AdmissionRequest>`_).
        - 'params' - Parameter resource referred to by the policy binding being evaluated. Only populated if the policy has a ParamKind.
        - 'namespaceObject' - The namespace object that the incoming object belongs to. The value is null for cluster-scoped resources.
        - 'variables' - Map of composited variables, from its name to its lazily evaluated value.
          For example, a variable named 'foo' can be accessed as 'variables.foo'.
        - 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request.
          See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz
        - 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the
          request resource.

        The ``apiVersion``, ``kind``, ``metadata.name`` and ``metadata.generateName`` are always accessible from the root of the
        object. No other metadata properties are accessible.

        Only property names of the form ``[a-zA-Z_.-/][a-zA-Z0-9_.-/]*`` are accessible.
        Required.

        :schema: MutatingPolicySpecMutationsApplyConfiguration#expression
        '''
        result = self._values.get("expression")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMutationsApplyConfiguration(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecMutationsJsonPatch",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression"},
)
class MutatingPolicySpecMutationsJsonPatch:
    def __init__(self, *, expression: typing.Optional[builtins.str] = None) -> None:
        '''jsonPatch defines a `JSON patch <https://jsonpatch.com/>`_ operation to perform a mutation to the object. A CEL expression is used to create the JSON patch.

        :param expression: expression will be evaluated by CEL to create a `JSON patch <https://jsonpatch.com/>`_. ref: https://github.com/google/cel-spec. expression must return an array of JSONPatch values. For example, this CEL expression returns a JSON patch to conditionally modify a value: [ JSONPatch{op: "test", path: "/spec/example", value: "Red"}, JSONPatch{op: "replace", path: "/spec/example", value: "Green"} ] To define an object for the patch value, use Object types. For example: [ JSONPatch{ op: "add", path: "/spec/selector", value: Object.spec.selector{matchLabels: {"environment": "test"}} } ] To use strings containing '/' and '~' as JSONPatch path keys, use "jsonpatch.escapeKey". For example: [ JSONPatch{ op: "add", path: "/metadata/labels/" + jsonpatch.escapeKey("example.com/environment"), value: "test" }, ] CEL expressions have access to the types needed to create JSON patches and objects: - 'JSONPatch' - CEL type of JSON Patch operations. JSONPatch has the fields 'op', 'from', 'path' and 'value'. See `JSON patch <https://jsonpatch.com/>`_ for more details. The 'value' field may be set to any of: string, integer, array, map or object. If set, the 'path' and 'from' fields must be set to a `JSON pointer <https://datatracker.ietf.org/doc/html/rfc6901/>`_ string, where the 'jsonpatch.escapeKey()' CEL function may be used to escape path keys containing '/' and '~'. - 'Object' - CEL type of the resource object. - 'Object.' - CEL type of object field (such as 'Object.spec') - 'Object.....` - CEL type of nested field (such as 'Object.spec.containers') CEL expressions have access to the contents of the API request, organized into CEL variables as well as some other useful variables: - 'object' - The object from the incoming request. The value is null for DELETE requests. - 'oldObject' - The existing object. The value is null for CREATE requests. - 'request' - Attributes of the API request(`ref </pkg/apis/admission/types.go#AdmissionRequest>`_). - 'params' - Parameter resource referred to by the policy binding being evaluated. Only populated if the policy has a ParamKind. - 'namespaceObject' - The namespace object that the incoming object belongs to. The value is null for cluster-scoped resources. - 'variables' - Map of composited variables, from its name to its lazily evaluated value. For example, a variable named 'foo' can be accessed as 'variables.foo'. - 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request. See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz - 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the request resource. CEL expressions have access to `Kubernetes CEL function libraries <https://kubernetes.io/docs/reference/using-api/cel/#cel-options-language-features-and-libraries>`_ as well as: - 'jsonpatch.escapeKey' - Performs JSONPatch key escaping. '~' and '/' are escaped as '~0' and `~1' respectively). Only property names of the form ``[a-zA-Z_.-/][a-zA-Z0-9_.-/]*`` are accessible. Required.

        :schema: MutatingPolicySpecMutationsJsonPatch
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__ff2f79fffbb4be77d1c5429f6d36852837c3168ce4d17b1e9a2a8a71aff168c0)
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if expression is not None:
            self._values["expression"] = expression

    @builtins.property
    def expression(self) -> typing.Optional[builtins.str]:
        '''expression will be evaluated by CEL to create a `JSON patch <https://jsonpatch.com/>`_. ref: https://github.com/google/cel-spec.

        expression must return an array of JSONPatch values.

        For example, this CEL expression returns a JSON patch to conditionally modify a value:

        [
        JSONPatch{op: "test", path: "/spec/example", value: "Red"},
        JSONPatch{op: "replace", path: "/spec/example", value: "Green"}
        ]

        To define an object for the patch value, use Object types. For example:

        [
        JSONPatch{
        op: "add",
        path: "/spec/selector",
        value: Object.spec.selector{matchLabels: {"environment": "test"}}
        }
        ]

        To use strings containing '/' and '~' as JSONPatch path keys, use "jsonpatch.escapeKey". For example:

        [
        JSONPatch{
        op: "add",
        path: "/metadata/labels/" + jsonpatch.escapeKey("example.com/environment"),
        value: "test"
        },
        ]

        CEL expressions have access to the types needed to create JSON patches and objects:

        - 'JSONPatch' - CEL type of JSON Patch operations. JSONPatch has the fields 'op', 'from', 'path' and 'value'.
          See `JSON patch <https://jsonpatch.com/>`_ for more details. The 'value' field may be set to any of: string,
          integer, array, map or object.  If set, the 'path' and 'from' fields must be set to a
          `JSON pointer <https://datatracker.ietf.org/doc/html/rfc6901/>`_ string, where the 'jsonpatch.escapeKey()' CEL
          function may be used to escape path keys containing '/' and '~'.
        - 'Object' - CEL type of the resource object.
        - 'Object.' - CEL type of object field (such as 'Object.spec')
        - 'Object.....` - CEL type of nested field (such as 'Object.spec.containers')

        CEL expressions have access to the contents of the API request, organized into CEL variables as well as some other useful variables:

        - 'object' - The object from the incoming request. The value is null for DELETE requests.
        - 'oldObject' - The existing object. The value is null for CREATE requests.
        - 'request' - Attributes of the API request(`ref </pkg/apis/admission/types.go#AdmissionRequest>`_).
        - 'params' - Parameter resource referred to by the policy binding being evaluated. Only populated if the policy has a ParamKind.
        - 'namespaceObject' - The namespace object that the incoming object belongs to. The value is null for cluster-scoped resources.
        - 'variables' - Map of composited variables, from its name to its lazily evaluated value.
          For example, a variable named 'foo' can be accessed as 'variables.foo'.
        - 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request.
          See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz
        - 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the
          request resource.

        CEL expressions have access to `Kubernetes CEL function libraries <https://kubernetes.io/docs/reference/using-api/cel/#cel-options-language-features-and-libraries>`_
        as well as:

        - 'jsonpatch.escapeKey' - Performs JSONPatch key escaping. '~' and  '/' are escaped as '~0' and `~1' respectively).

        Only property names of the form ``[a-zA-Z_.-/][a-zA-Z0-9_.-/]*`` are accessible.
        Required.

        :schema: MutatingPolicySpecMutationsJsonPatch#expression
        '''
        result = self._values.get("expression")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecMutationsJsonPatch(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConditions",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "name": "name"},
)
class MutatingPolicySpecTargetMatchConditions:
    def __init__(self, *, expression: builtins.str, name: builtins.str) -> None:
        '''MatchCondition represents a condition which must by fulfilled for a request to be sent to a webhook.

        :param expression: expression represents the expression which will be evaluated by CEL. Must evaluate to bool. CEL expressions have access to the contents of the AdmissionRequest and Authorizer, organized into CEL variables: 'object' - The object from the incoming request. The value is null for DELETE requests. 'oldObject' - The existing object. The value is null for CREATE requests. 'request' - Attributes of the admission request(/pkg/apis/admission/types.go#AdmissionRequest). 'authorizer' - A CEL Authorizer. May be used to perform authorization checks for the principal (user or service account) of the request. See https://pkg.go.dev/k8s.io/apiserver/pkg/cel/library#Authz 'authorizer.requestResource' - A CEL ResourceCheck constructed from the 'authorizer' and configured with the request resource. Documentation on CEL: https://kubernetes.io/docs/reference/using-api/cel/ Required.
        :param name: name is an identifier for this match condition, used for strategic merging of MatchConditions, as well as providing an identifier for logging purposes. A good name should be descriptive of the associated expression. Name must be a qualified name consisting of alphanumeric characters, '-', '*' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9*.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName') Required.

        :schema: MutatingPolicySpecTargetMatchConditions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__84a04bc795254b311cee298aefeb44fb905d27f64328a9f75a20b3136056323d)
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

        :schema: MutatingPolicySpecTargetMatchConditions#expression
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

        :schema: MutatingPolicySpecTargetMatchConditions#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConditions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraints",
    jsii_struct_bases=[],
    name_mapping={
        "exclude_resource_rules": "excludeResourceRules",
        "expression": "expression",
        "match_policy": "matchPolicy",
        "namespace_selector": "namespaceSelector",
        "object_selector": "objectSelector",
        "resource_rules": "resourceRules",
    },
)
class MutatingPolicySpecTargetMatchConstraints:
    def __init__(
        self,
        *,
        exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
        expression: typing.Optional[builtins.str] = None,
        match_policy: typing.Optional[builtins.str] = None,
        namespace_selector: typing.Optional[typing.Union["MutatingPolicySpecTargetMatchConstraintsNamespaceSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        object_selector: typing.Optional[typing.Union["MutatingPolicySpecTargetMatchConstraintsObjectSelector", typing.Dict[builtins.str, typing.Any]]] = None,
        resource_rules: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecTargetMatchConstraintsResourceRules", typing.Dict[builtins.str, typing.Any]]]] = None,
    ) -> None:
        '''TargetMatchConstraints resolves the resources to mutate after Variables are evaluated.

        :param exclude_resource_rules: excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about. The exclude rules take precedence over include rules (if a resource matches both, it is excluded)
        :param expression: Expression resolves one target object or a list of target objects. The expression can use variables computed from the trigger request.
        :param match_policy: matchPolicy defines how the "MatchResources" list is used to match incoming requests. Allowed values are "Exact" or "Equivalent". - Exact: match a request only if it exactly matches a specified rule. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, but "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would not be sent to the ValidatingAdmissionPolicy. - Equivalent: match a request if modifies a resource listed in rules, even via another API group or version. For example, if deployments can be modified via apps/v1, apps/v1beta1, and extensions/v1beta1, and "rules" only included ``apiGroups:["apps"], apiVersions:["v1"], resources: ["deployments"]``, a request to apps/v1beta1 or extensions/v1beta1 would be converted to apps/v1 and sent to the ValidatingAdmissionPolicy. Defaults to "Equivalent" Default: Equivalent"
        :param namespace_selector: namespaceSelector decides whether to run the admission control policy on an object based on whether the namespace for that object matches the selector. If the object itself is a namespace, the matching is performed on object.metadata.labels. If the object is another cluster scoped resource, it never skips the policy. For example, to run the webhook on any objects whose namespace is not associated with "runlevel" of "0" or "1"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "runlevel", "operator": "NotIn", "values": [ "0", "1" ] } ] } If instead you want to only run the policy on any objects whose namespace is associated with the "environment" of "prod" or "staging"; you will set the selector as follows: "namespaceSelector": { "matchExpressions": [ { "key": "environment", "operator": "In", "values": [ "prod", "staging" ] } ] } See https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/ for more examples of label selectors. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param object_selector: objectSelector decides whether to run the validation based on if the object has matching labels. objectSelector is evaluated against both the oldObject and newObject that would be sent to the cel validation, and is considered to match if either object matches the selector. A null object (oldObject in the case of create, or newObject in the case of delete) or an object that cannot have labels (like a DeploymentRollback or a PodProxyOptions object) is not considered to match. Use the object selector only if the webhook is opt-in, because end users may skip the admission webhook by setting the labels. Default to the empty LabelSelector, which matches everything. Default: the empty LabelSelector, which matches everything.
        :param resource_rules: resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches. The policy cares about an operation if it matches *any* Rule.

        :schema: MutatingPolicySpecTargetMatchConstraints
        '''
        if isinstance(namespace_selector, dict):
            namespace_selector = MutatingPolicySpecTargetMatchConstraintsNamespaceSelector(**namespace_selector)
        if isinstance(object_selector, dict):
            object_selector = MutatingPolicySpecTargetMatchConstraintsObjectSelector(**object_selector)
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__128aa12b184eb8f301157470811b5b4a81ed7e7acc57bfb6ccce6864c7dbca82)
            check_type(argname="argument exclude_resource_rules", value=exclude_resource_rules, expected_type=type_hints["exclude_resource_rules"])
            check_type(argname="argument expression", value=expression, expected_type=type_hints["expression"])
            check_type(argname="argument match_policy", value=match_policy, expected_type=type_hints["match_policy"])
            check_type(argname="argument namespace_selector", value=namespace_selector, expected_type=type_hints["namespace_selector"])
            check_type(argname="argument object_selector", value=object_selector, expected_type=type_hints["object_selector"])
            check_type(argname="argument resource_rules", value=resource_rules, expected_type=type_hints["resource_rules"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if exclude_resource_rules is not None:
            self._values["exclude_resource_rules"] = exclude_resource_rules
        if expression is not None:
            self._values["expression"] = expression
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules"]]:
        '''excludeResourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy should not care about.

        The exclude rules take precedence over include rules (if a resource matches both, it is excluded)

        :schema: MutatingPolicySpecTargetMatchConstraints#excludeResourceRules
        '''
        result = self._values.get("exclude_resource_rules")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules"]], result)

    @builtins.property
    def expression(self) -> typing.Optional[builtins.str]:
        '''Expression resolves one target object or a list of target objects.

        The expression can use
        variables computed from the trigger request.

        :schema: MutatingPolicySpecTargetMatchConstraints#expression
        '''
        result = self._values.get("expression")
        return typing.cast(typing.Optional[builtins.str], result)

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

        :schema: MutatingPolicySpecTargetMatchConstraints#matchPolicy
        '''
        result = self._values.get("match_policy")
        return typing.cast(typing.Optional[builtins.str], result)

    @builtins.property
    def namespace_selector(
        self,
    ) -> typing.Optional["MutatingPolicySpecTargetMatchConstraintsNamespaceSelector"]:
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

        :schema: MutatingPolicySpecTargetMatchConstraints#namespaceSelector
        '''
        result = self._values.get("namespace_selector")
        return typing.cast(typing.Optional["MutatingPolicySpecTargetMatchConstraintsNamespaceSelector"], result)

    @builtins.property
    def object_selector(
        self,
    ) -> typing.Optional["MutatingPolicySpecTargetMatchConstraintsObjectSelector"]:
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

        :schema: MutatingPolicySpecTargetMatchConstraints#objectSelector
        '''
        result = self._values.get("object_selector")
        return typing.cast(typing.Optional["MutatingPolicySpecTargetMatchConstraintsObjectSelector"], result)

    @builtins.property
    def resource_rules(
        self,
    ) -> typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsResourceRules"]]:
        '''resourceRules describes what operations on what resources/subresources the ValidatingAdmissionPolicy matches.

        The policy cares about an operation if it matches *any* Rule.

        :schema: MutatingPolicySpecTargetMatchConstraints#resourceRules
        '''
        result = self._values.get("resource_rules")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsResourceRules"]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraints(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules",
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
class MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules:
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

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__0a4392f7e6e9172ac481c9ac8fd782673bba8c5c5ab3678c45847aecc80e026f)
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

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#resourceNames
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

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#resources
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

        :schema: MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsNamespaceSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class MutatingPolicySpecTargetMatchConstraintsNamespaceSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
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

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__59da27ef0b91cdb3a730f19157aeade2e805815ba4c9c78b8930a548052462ba)
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsNamespaceSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions:
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

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__24604333bf75fd2afced449d545a0a956becac53f4bbbcfb36e5713ab6134e58)
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

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions#operator
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

        :schema: MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsObjectSelector",
    jsii_struct_bases=[],
    name_mapping={
        "match_expressions": "matchExpressions",
        "match_labels": "matchLabels",
    },
)
class MutatingPolicySpecTargetMatchConstraintsObjectSelector:
    def __init__(
        self,
        *,
        match_expressions: typing.Optional[typing.Sequence[typing.Union["MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions", typing.Dict[builtins.str, typing.Any]]]] = None,
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

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelector
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__077f702b2cc2354de933f9aa6288a18a331b0119111aaa9e117983f0058588a7)
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
    ) -> typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions"]]:
        '''matchExpressions is a list of label selector requirements.

        The requirements are ANDed.

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelector#matchExpressions
        '''
        result = self._values.get("match_expressions")
        return typing.cast(typing.Optional[typing.List["MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions"]], result)

    @builtins.property
    def match_labels(
        self,
    ) -> typing.Optional[typing.Mapping[builtins.str, builtins.str]]:
        '''matchLabels is a map of {key,value} pairs.

        A single {key,value} in the matchLabels
        map is equivalent to an element of matchExpressions, whose key field is "key", the
        operator is "In", and the values array contains only "value". The requirements are ANDed.

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelector#matchLabels
        '''
        result = self._values.get("match_labels")
        return typing.cast(typing.Optional[typing.Mapping[builtins.str, builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsObjectSelector(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions",
    jsii_struct_bases=[],
    name_mapping={"key": "key", "operator": "operator", "values": "values"},
)
class MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions:
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

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__a833405e138bac9f35dde15b1adb3906676efc3db1b599798596d16c108a2fc4)
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

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions#key
        '''
        result = self._values.get("key")
        assert result is not None, "Required property 'key' is missing"
        return typing.cast(builtins.str, result)

    @builtins.property
    def operator(self) -> builtins.str:
        '''operator represents a key's relationship to a set of values.

        Valid operators are In, NotIn, Exists and DoesNotExist.

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions#operator
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

        :schema: MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions#values
        '''
        result = self._values.get("values")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecTargetMatchConstraintsResourceRules",
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
class MutatingPolicySpecTargetMatchConstraintsResourceRules:
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

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__499ff558cca7b1401cc023ea17fde54f6a605ed0871bdfe322bae8b87195b788)
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

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#apiGroups
        '''
        result = self._values.get("api_groups")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def api_versions(self) -> typing.Optional[typing.List[builtins.str]]:
        '''apiVersions is the API versions the resources belong to.

        '*' is all versions.
        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#apiVersions
        '''
        result = self._values.get("api_versions")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def operations(self) -> typing.Optional[typing.List[builtins.str]]:
        '''operations is the operations the admission hook cares about - CREATE, UPDATE, DELETE, CONNECT or * for all of those operations and any future admission operations that are added.

        If '*' is present, the length of the slice must be one.
        Required.

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#operations
        '''
        result = self._values.get("operations")
        return typing.cast(typing.Optional[typing.List[builtins.str]], result)

    @builtins.property
    def resource_names(self) -> typing.Optional[typing.List[builtins.str]]:
        '''resourceNames is an optional white list of names that the rule applies to.

        An empty set means that everything is allowed.

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#resourceNames
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

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#resources
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

        :schema: MutatingPolicySpecTargetMatchConstraintsResourceRules#scope
        '''
        result = self._values.get("scope")
        return typing.cast(typing.Optional[builtins.str], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecTargetMatchConstraintsResourceRules(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecVariables",
    jsii_struct_bases=[],
    name_mapping={"expression": "expression", "name": "name"},
)
class MutatingPolicySpecVariables:
    def __init__(self, *, expression: builtins.str, name: builtins.str) -> None:
        '''Variable is the definition of a variable that is used for composition.

        A variable is defined as a named expression.

        :param expression: expression is the expression that will be evaluated as the value of the variable. The CEL expression has access to the same identifiers as the CEL expressions in Validation.
        :param name: name is the name of the variable. The name must be a valid CEL identifier and unique among all variables. The variable can be accessed in other expressions through ``variables`` For example, if name is "foo", the variable will be available as ``variables.foo``

        :schema: MutatingPolicySpecVariables
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__f365c0af8e9aa5a2a8b87655e1d82589bfdb0e0e2d445f5be8c1d32c8a951b9f)
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

        :schema: MutatingPolicySpecVariables#expression
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

        :schema: MutatingPolicySpecVariables#name
        '''
        result = self._values.get("name")
        assert result is not None, "Required property 'name' is missing"
        return typing.cast(builtins.str, result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecVariables(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


@jsii.data_type(
    jsii_type="kyverno_mutatingpolicy_iokyvernopolicies.MutatingPolicySpecWebhookConfiguration",
    jsii_struct_bases=[],
    name_mapping={"timeout_seconds": "timeoutSeconds"},
)
class MutatingPolicySpecWebhookConfiguration:
    def __init__(self, *, timeout_seconds: typing.Optional[jsii.Number] = None) -> None:
        '''WebhookConfiguration defines the configuration for the webhook.

        :param timeout_seconds: TimeoutSeconds specifies the maximum time in seconds allowed to apply this policy. After the configured time expires, the admission request may fail, or may simply ignore the policy results, based on the failure policy. The default timeout is 10s, the value must be between 1 and 30 seconds.

        :schema: MutatingPolicySpecWebhookConfiguration
        '''
        if __debug__:
            type_hints = cached_type_hints(_typecheckingstub__5caf45b0ec2bde76f20dc0bbe12f01b37c7bb0fa8572d111489fd2ab034223ac)
            check_type(argname="argument timeout_seconds", value=timeout_seconds, expected_type=type_hints["timeout_seconds"])
        self._values: typing.Dict[builtins.str, typing.Any] = {}
        if timeout_seconds is not None:
            self._values["timeout_seconds"] = timeout_seconds

    @builtins.property
    def timeout_seconds(self) -> typing.Optional[jsii.Number]:
        '''TimeoutSeconds specifies the maximum time in seconds allowed to apply this policy.

        After the configured time expires, the admission request may fail, or may simply ignore the policy results,
        based on the failure policy. The default timeout is 10s, the value must be between 1 and 30 seconds.

        :schema: MutatingPolicySpecWebhookConfiguration#timeoutSeconds
        '''
        result = self._values.get("timeout_seconds")
        return typing.cast(typing.Optional[jsii.Number], result)

    def __eq__(self, rhs: typing.Any) -> builtins.bool:
        return isinstance(rhs, self.__class__) and rhs._values == self._values

    def __ne__(self, rhs: typing.Any) -> builtins.bool:
        return not (rhs == self)

    def __repr__(self) -> str:
        return "MutatingPolicySpecWebhookConfiguration(%s)" % ", ".join(
            k + "=" + repr(v) for k, v in self._values.items()
        )


__all__ = [
    "MutatingPolicy",
    "MutatingPolicyProps",
    "MutatingPolicySpec",
    "MutatingPolicySpecAuditAnnotations",
    "MutatingPolicySpecAutogen",
    "MutatingPolicySpecAutogenMutatingAdmissionPolicy",
    "MutatingPolicySpecAutogenPodControllers",
    "MutatingPolicySpecEvaluation",
    "MutatingPolicySpecEvaluationAdmission",
    "MutatingPolicySpecEvaluationBackground",
    "MutatingPolicySpecEvaluationMutateExisting",
    "MutatingPolicySpecFailurePolicy",
    "MutatingPolicySpecMatchConditions",
    "MutatingPolicySpecMatchConstraints",
    "MutatingPolicySpecMatchConstraintsExcludeResourceRules",
    "MutatingPolicySpecMatchConstraintsNamespaceSelector",
    "MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions",
    "MutatingPolicySpecMatchConstraintsObjectSelector",
    "MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions",
    "MutatingPolicySpecMatchConstraintsResourceRules",
    "MutatingPolicySpecMutations",
    "MutatingPolicySpecMutationsApplyConfiguration",
    "MutatingPolicySpecMutationsJsonPatch",
    "MutatingPolicySpecTargetMatchConditions",
    "MutatingPolicySpecTargetMatchConstraints",
    "MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules",
    "MutatingPolicySpecTargetMatchConstraintsNamespaceSelector",
    "MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions",
    "MutatingPolicySpecTargetMatchConstraintsObjectSelector",
    "MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions",
    "MutatingPolicySpecTargetMatchConstraintsResourceRules",
    "MutatingPolicySpecVariables",
    "MutatingPolicySpecWebhookConfiguration",
]

publication.publish()

def _typecheckingstub__48258616ad5b3363f73d777df408bf36a1d7ec5c983ce07b7c986b1d510b7f57(
    scope: _constructs_77d1e7e8.Construct,
    id: builtins.str,
    *,
    spec: typing.Union[MutatingPolicySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__dfc596d55ac6206c3787a301fa968f2678728f1399543b02319bde693ec9e837(
    *,
    spec: typing.Union[MutatingPolicySpec, typing.Dict[builtins.str, typing.Any]],
    metadata: typing.Optional[typing.Union[_cdk8s_d3d9af27.ApiObjectMetadata, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__7c5c28c81d666d629d2409c59692f78b055a17105388cd08426445821c69aa8e(
    *,
    audit_annotations: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecAuditAnnotations, typing.Dict[builtins.str, typing.Any]]]] = None,
    autogen: typing.Optional[typing.Union[MutatingPolicySpecAutogen, typing.Dict[builtins.str, typing.Any]]] = None,
    evaluation: typing.Optional[typing.Union[MutatingPolicySpecEvaluation, typing.Dict[builtins.str, typing.Any]]] = None,
    failure_policy: typing.Optional[MutatingPolicySpecFailurePolicy] = None,
    match_conditions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMatchConditions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_constraints: typing.Optional[typing.Union[MutatingPolicySpecMatchConstraints, typing.Dict[builtins.str, typing.Any]]] = None,
    mutations: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMutations, typing.Dict[builtins.str, typing.Any]]]] = None,
    reinvocation_policy: typing.Optional[builtins.str] = None,
    target_match_conditions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecTargetMatchConditions, typing.Dict[builtins.str, typing.Any]]]] = None,
    target_match_constraints: typing.Optional[typing.Union[MutatingPolicySpecTargetMatchConstraints, typing.Dict[builtins.str, typing.Any]]] = None,
    variables: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecVariables, typing.Dict[builtins.str, typing.Any]]]] = None,
    webhook_configuration: typing.Optional[typing.Union[MutatingPolicySpecWebhookConfiguration, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__eaffc76a9504b1a2404f8ec50da502e4343a023d97eacfb7df5ecf7405a7a5d1(
    *,
    key: builtins.str,
    value_expression: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ce2d94d9e493b6a45a8498a49c05e1d6ce8bddc2b072fcf28372ad9256c9acec(
    *,
    mutating_admission_policy: typing.Optional[typing.Union[MutatingPolicySpecAutogenMutatingAdmissionPolicy, typing.Dict[builtins.str, typing.Any]]] = None,
    pod_controllers: typing.Optional[typing.Union[MutatingPolicySpecAutogenPodControllers, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__912d9730a8cfef6c9ad41a5e84a722d5bf4955989eab4593d52467592c19f7d0(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b30fcf8a7abd132e83ff01d5c12eb38341f058e4dd30988760013d87cf60e3b8(
    *,
    controllers: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__3fc31a7100785ba8121cc4bb3722bafa16fce95f7692e1379b53210df28bfab8(
    *,
    admission: typing.Optional[typing.Union[MutatingPolicySpecEvaluationAdmission, typing.Dict[builtins.str, typing.Any]]] = None,
    background: typing.Optional[typing.Union[MutatingPolicySpecEvaluationBackground, typing.Dict[builtins.str, typing.Any]]] = None,
    mode: typing.Optional[builtins.str] = None,
    mutate_existing: typing.Optional[typing.Union[MutatingPolicySpecEvaluationMutateExisting, typing.Dict[builtins.str, typing.Any]]] = None,
    skip_background_requests: typing.Optional[builtins.bool] = None,
    use_server_side_apply: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ae9ae713cbbe5c28c6c29d2ee0c1eca9741b03071a6b3761ffd5cdd238efcfe0(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__8d4103854b967ed96fa321de3c7da3afbf9725c7fac7a1025ca50f6faf4feb60(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b8d5746c8afefe469825242966ca09bd715b75a412f4914fd3f3ef70f167dd07(
    *,
    enabled: typing.Optional[builtins.bool] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__d4632ae2e4c84d84929b74ffa6504a01e57dca9a1ba583d5aef038cb1a3e05a8(
    *,
    expression: builtins.str,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__224d8eafc0c2304daca8d6233c3c70019df72ffa87f9d29be5fe963bc80cf5c7(
    *,
    exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMatchConstraintsExcludeResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_policy: typing.Optional[builtins.str] = None,
    namespace_selector: typing.Optional[typing.Union[MutatingPolicySpecMatchConstraintsNamespaceSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    object_selector: typing.Optional[typing.Union[MutatingPolicySpecMatchConstraintsObjectSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    resource_rules: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMatchConstraintsResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__daeda146b61236500415efbc938a59deca0bf6615823d4013ca5ff264da02c2e(
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

def _typecheckingstub__29567575233af62da84deda42dbb7644afb02e1ce2e976e919f13b4b07095786(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMatchConstraintsNamespaceSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b0718081e603e69ea264caba2f8d640c431ddaf486dd4b6a6d4e8a518235e6a0(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__126f7827eaccd5a5f016327f8bd3b254b11400dd763ffe5c056c4a967c4dcabe(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecMatchConstraintsObjectSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__9987685777ffc21a70e7710ab83c74bc37cd1886b5237ec0aa4dfbd1aee425e1(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__b6107d0357508ce2cc9bc1cf471e9d7c0adf5dc2177793afba00c2e8e0a6ce78(
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

def _typecheckingstub__e89cec58a3a271135e5fd3b7339b9417fcc73f79969201f02b5024aeb0e90788(
    *,
    patch_type: builtins.str,
    apply_configuration: typing.Optional[typing.Union[MutatingPolicySpecMutationsApplyConfiguration, typing.Dict[builtins.str, typing.Any]]] = None,
    json_patch: typing.Optional[typing.Union[MutatingPolicySpecMutationsJsonPatch, typing.Dict[builtins.str, typing.Any]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__34f1ba005c32c68108ea769a8c358f12899d3e0efdb19e9e8aa064043053f552(
    *,
    expression: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__ff2f79fffbb4be77d1c5429f6d36852837c3168ce4d17b1e9a2a8a71aff168c0(
    *,
    expression: typing.Optional[builtins.str] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__84a04bc795254b311cee298aefeb44fb905d27f64328a9f75a20b3136056323d(
    *,
    expression: builtins.str,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__128aa12b184eb8f301157470811b5b4a81ed7e7acc57bfb6ccce6864c7dbca82(
    *,
    exclude_resource_rules: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecTargetMatchConstraintsExcludeResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
    expression: typing.Optional[builtins.str] = None,
    match_policy: typing.Optional[builtins.str] = None,
    namespace_selector: typing.Optional[typing.Union[MutatingPolicySpecTargetMatchConstraintsNamespaceSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    object_selector: typing.Optional[typing.Union[MutatingPolicySpecTargetMatchConstraintsObjectSelector, typing.Dict[builtins.str, typing.Any]]] = None,
    resource_rules: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecTargetMatchConstraintsResourceRules, typing.Dict[builtins.str, typing.Any]]]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__0a4392f7e6e9172ac481c9ac8fd782673bba8c5c5ab3678c45847aecc80e026f(
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

def _typecheckingstub__59da27ef0b91cdb3a730f19157aeade2e805815ba4c9c78b8930a548052462ba(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecTargetMatchConstraintsNamespaceSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__24604333bf75fd2afced449d545a0a956becac53f4bbbcfb36e5713ab6134e58(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__077f702b2cc2354de933f9aa6288a18a331b0119111aaa9e117983f0058588a7(
    *,
    match_expressions: typing.Optional[typing.Sequence[typing.Union[MutatingPolicySpecTargetMatchConstraintsObjectSelectorMatchExpressions, typing.Dict[builtins.str, typing.Any]]]] = None,
    match_labels: typing.Optional[typing.Mapping[builtins.str, builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__a833405e138bac9f35dde15b1adb3906676efc3db1b599798596d16c108a2fc4(
    *,
    key: builtins.str,
    operator: builtins.str,
    values: typing.Optional[typing.Sequence[builtins.str]] = None,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__499ff558cca7b1401cc023ea17fde54f6a605ed0871bdfe322bae8b87195b788(
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

def _typecheckingstub__f365c0af8e9aa5a2a8b87655e1d82589bfdb0e0e2d445f5be8c1d32c8a951b9f(
    *,
    expression: builtins.str,
    name: builtins.str,
) -> None:
    """Type checking stubs"""
    pass

def _typecheckingstub__5caf45b0ec2bde76f20dc0bbe12f01b37c7bb0fa8572d111489fd2ab034223ac(
    *,
    timeout_seconds: typing.Optional[jsii.Number] = None,
) -> None:
    """Type checking stubs"""
    pass
