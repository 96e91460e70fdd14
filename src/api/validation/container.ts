/**
 * Container validation (pkg/apis/core/validation: validateContainerCommon and what it calls), for regular
 * and init containers. Inputs are JSON objects in v1 shape, already defaulted.
 */
import type { FieldError } from '../../errors.js';
import type { Json } from '../types.js';
import { child, duplicate, forbidden, index, invalid, invalidEach, nonNegative, notFound, notSupported, required } from './field.js';
import { isConfigMapKey, isDNS1123Label, isEnvVarName, isValidPortName, isValidPortNum } from './names.js';
import { nameIsDNSSubdomain } from './meta.js';
import { validateResources } from './resources.js';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const HTTP_SCHEMES = ['HTTP', 'HTTPS'];

/** A required enum: empty → Required, unknown → Unsupported with the list in the order given. */
export function validateEnum(value: unknown, path: string, supported: readonly string[]): FieldError[] {
  if (value === undefined || value === null || value === '') return [required(path)];
  return supported.includes(String(value)) ? [] : [notSupported(path, value, supported)];
}

function validateContainerPorts(ports: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) errs.push(...invalidEach(child(p, 'name'), port.name, msgs));
      else if (names.has(port.name)) errs.push(duplicate(child(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, 'containerPort')));
    else errs.push(...invalidEach(child(p, 'containerPort'), port.containerPort, isValidPortNum(port.containerPort)));
    if (port.hostPort) errs.push(...invalidEach(child(p, 'hostPort'), port.hostPort, isValidPortNum(port.hostPort)));
    errs.push(...validateEnum(port.protocol, child(p, 'protocol'), PROTOCOLS));
  });
  return errs;
}

function validateKeySelector(sel: Json, path: string): FieldError[] {
  const errs = invalidEach(child(path, 'name'), sel.name ?? '', nameIsDNSSubdomain(sel.name ?? '', false));
  if (!sel.key) errs.push(required(child(path, 'key')));
  else errs.push(...invalidEach(child(path, 'key'), sel.key, isConfigMapKey(sel.key)));
  return errs;
}

function validateEnvValueFrom(ev: Json, path: string): FieldError[] {
  const from = ev.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) {
    sources++;
    if (!from.fieldRef.fieldPath) errs.push(required(child(path, 'fieldRef', 'fieldPath')));
  }
  if (from.resourceFieldRef) {
    sources++;
    if (!from.resourceFieldRef.resource) errs.push(required(child(path, 'resourceFieldRef', 'resource')));
  }
  if (from.configMapKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, child(path, 'configMapKeyRef')));
  }
  if (from.secretKeyRef) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, child(path, 'secretKeyRef')));
  }
  if (sources === 0) {
    errs.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (ev.value) {
    errs.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

function validateEnv(env: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, 'name')));
    else errs.push(...invalidEach(child(p, 'name'), ev.name, isEnvVarName(ev.name)));
    errs.push(...validateEnvValueFrom(ev, child(p, 'valueFrom')));
  });
  return errs;
}

function validateEnvFrom(envFrom: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((ef, i) => {
    const p = index(path, i);
    if (ef.prefix) errs.push(...invalidEach(child(p, 'prefix'), ef.prefix, isEnvVarName(ef.prefix)));
    const refs = (['configMapRef', 'secretRef'] as const).filter((k) => ef[k]);
    for (const k of refs) {
      const name = ef[k].name;
      if (!name) errs.push(required(child(p, k, 'name')));
      else errs.push(...invalidEach(child(p, k, 'name'), name, nameIsDNSSubdomain(name, true)));
    }
    // Imitates the server: these two errors are reported on the list path, not the item.
    if (refs.length === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}

function validateVolumeMounts(mounts: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, 'name')));
    if (!volumes.has(m.name ?? '')) errs.push(notFound(child(p, 'name'), m.name ?? ''));
    if (!m.mountPath) errs.push(required(child(p, 'mountPath')));
    if (mountPoints.has(m.mountPath ?? '')) errs.push(invalid(child(p, 'mountPath'), m.mountPath, 'must be unique'));
    mountPoints.add(m.mountPath ?? '');
    if (m.subPath && m.subPathExpr) {
      errs.push(invalid(child(p, 'subPathExpr'), m.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
    }
  });
  return errs;
}

function validateHandler(h: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep']) {
    if (!h[kind]) continue;
    if (count++ > 0) {
      errs.push(forbidden(child(path, kind), 'may not specify more than 1 handler type'));
      continue;
    }
    errs.push(...validateAction(kind, h[kind], child(path, kind)));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

/** A port that may be a number (1–65535) or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return invalidEach(path, port, isValidPortNum(port));
  return invalidEach(path, String(port ?? ''), isValidPortName(String(port ?? '')));
}

function validateAction(kind: string, a: Json, path: string): FieldError[] {
  switch (kind) {
    case 'exec':
      return (a.command ?? []).length ? [] : [required(child(path, 'command'))];
    case 'httpGet': {
      const errs = a.path ? [] : [required(child(path, 'path'))];
      errs.push(...validatePortNumOrName(a.port, child(path, 'port')));
      if (a.scheme !== undefined && !HTTP_SCHEMES.includes(a.scheme)) {
        errs.push(notSupported(child(path, 'scheme'), a.scheme, HTTP_SCHEMES));
      }
      return errs;
    }
    case 'tcpSocket':
      return validatePortNumOrName(a.port, child(path, 'port'));
    case 'grpc':
      return validatePortNumOrName(a.port ?? 0, child(path, 'port'));
    default:
      return [];
  }
}

function validateProbe(probe: Json, path: string, kind: 'liveness' | 'readiness' | 'startup'): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(child(path, f), probe[f]));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === 'number' && tgps <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  }
  const success = probe.successThreshold ?? 1;
  if (kind !== 'readiness' && success !== 1) errs.push(invalid(child(path, 'successThreshold'), success, 'must be 1'));
  if (kind === 'readiness' && tgps !== undefined && tgps !== null) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  }
  return errs;
}

/** validateContainerCommon: name, image, termination message policy, ports, env, mounts, pull policy, resources. */
export function validateContainerCommon(c: Json, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(path, 'name')));
  else errs.push(...invalidEach(child(path, 'name'), c.name, isDNS1123Label(c.name)));
  if (!c.image) errs.push(required(child(path, 'image')));
  errs.push(...validateEnum(c.terminationMessagePolicy ?? 'File', child(path, 'terminationMessagePolicy'), TERMINATION_MESSAGE_POLICIES));
  errs.push(...validateContainerPorts(c.ports, child(path, 'ports')));
  errs.push(...validateEnv(c.env, child(path, 'env')));
  errs.push(...validateEnvFrom(c.envFrom, child(path, 'envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, volumes, child(path, 'volumeMounts')));
  errs.push(...validateEnum(c.imagePullPolicy ?? 'IfNotPresent', child(path, 'imagePullPolicy'), PULL_POLICIES));
  errs.push(...validateResources(c.resources, child(path, 'resources')));
  return errs;
}

/** The regular containers of a pod spec: at least one, unique names, probes and lifecycle hooks. */
export function validateContainers(containers: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else names.add(c.name);
    if (c.lifecycle?.postStart) errs.push(...validateHandler(c.lifecycle.postStart, child(p, 'lifecycle', 'postStart')));
    if (c.lifecycle?.preStop) errs.push(...validateHandler(c.lifecycle.preStop, child(p, 'lifecycle', 'preStop')));
    errs.push(...validateProbe(c.livenessProbe, child(p, 'livenessProbe'), 'liveness'));
    errs.push(...validateProbe(c.readinessProbe, child(p, 'readinessProbe'), 'readiness'));
    errs.push(...validateProbe(c.startupProbe, child(p, 'startupProbe'), 'startup'));
    if (c.restartPolicy) errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
  });
  return errs;
}

/** Init containers: common checks, names unique across both lists, no probes unless restartPolicy=Always. */
export function validateInitContainers(inits: Json[] | undefined, regular: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(c, volumes, p));
    const sidecar = c.restartPolicy === 'Always';
    if (c.restartPolicy && !sidecar) errs.push(notSupported(child(p, 'restartPolicy'), c.restartPolicy, ['Always']));
    if (names.has(c.name)) errs.push(duplicate(child(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
    if (sidecar) return;
    for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[f]) errs.push(forbidden(child(p, f), 'may not be set for init containers without restartPolicy=Always'));
    }
  });
  return errs;
}
