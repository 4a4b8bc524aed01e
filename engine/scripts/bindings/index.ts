/** The global `flow` of a flow script, bound from the api/flow catalog (docs/run.md). */
export { bindFlowApi, bindingCoverage, argumentProblem, type BoundFunctions } from './binder';
export { DEFAULT_LOCAL_NETWORKS, type BindingContext, type BindingLog, type CallSite } from './context';
export { IMPLEMENTED, type FlowNative } from './natives';
export { l4ProtoName } from './flow-facts';
export { networkMatcher, isBroadOrMulticast } from './locality';
